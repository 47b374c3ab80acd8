//! The SQLCipher agency file as an implementation of the storage port.
//!
//! Each port method calls the store's own method of the same name and turns its error, which may
//! carry a `rusqlite::Error`, into the port's [`StoreError`]: SQLite's types never leave the crate.

use crate::Store;
use chrono::NaiveDate;
use courtier_domain::client::Client;
use courtier_domain::vocabulary::{ClaimStatus, ContractStatus, Responsibility, TerminatedBy};
use courtier_port::*;

/// Writes, for each listed method, the port method that delegates to the inherent one.
macro_rules! delegate {
    ($trait:ident { $(fn $name:ident $args:tt -> $ret:ty;)* } $($own:tt)*) => {
        impl $trait for Store {
            $(delegate!(@fn $name $args $ret);)*
            $($own)*
        }
    };
    (@fn $name:ident (&mut $s:ident $(, $arg:ident: $ty:ty)* $(,)?) $ret:ty) => {
        fn $name(&mut $s $(, $arg: $ty)*) -> StoreResult<$ret> {
            Ok(Store::$name($s $(, $arg)*)?)
        }
    };
    (@fn $name:ident (&$s:ident $(, $arg:ident: $ty:ty)* $(,)?) $ret:ty) => {
        fn $name(&$s $(, $arg: $ty)*) -> StoreResult<$ret> {
            Ok(Store::$name($s $(, $arg)*)?)
        }
    };
}

delegate!(AgencyFile {
    fn set_agency(&self, agency_id: &str, now: &str) -> ();
    fn agency_id(&self) -> Option<String>;
    fn schema_version(&self) -> u32;
    fn integrity_check(&self) -> Vec<String>;
    fn verify_exchange_log(&self, anchor: Option<&ExchangeAnchor>) -> Vec<String>;
    fn exchange_anchor(&self) -> ExchangeAnchor;
    fn verify_journal(&self, anchor: Option<&JournalHead>, against: Option<&str>) -> JournalCheck;
    fn journal_head(&self) -> Option<JournalHead>;
    fn journal_link(&self, act: i64) -> Option<String>;
    fn verify_schema(&self) -> SchemaCheck;
    fn foreign_key_check(&self) -> Vec<String>;
    fn verify_coefficients(&self, recompute: Recompute<'_>) -> DerivedCheck;
    fn insert_batch(
        &mut self,
        clients: &[Client],
        households: &[Vec<usize>],
        contracts: &[BatchContract],
        now: &str,
        recompute: Recompute<'_>,
    ) -> Vec<i64>;
}
    fn verification(&self) -> Verification {
        self.verification.clone()
    }
    fn checkpoint(&self) -> StoreResult<()> {
        Store::checkpoint(self)
    }
);

delegate!(ClientStore {
    fn insert_client(&mut self, client: &Client, now: &str) -> i64;
    fn insert_clients_batch(
        &mut self,
        clients: &[Client],
        households: &[Vec<usize>],
        now: &str,
    ) -> Vec<i64>;
    fn update_client(
        &mut self,
        id: i64,
        client: &Client,
        expected_version: Option<i64>,
        reason: Option<&str>,
        now: &str,
    ) -> ();
    fn set_client_archived(&mut self, id: i64, archived: bool, now: &str) -> ();
    fn get_client(&self, id: i64) -> StoredClient;
    fn list_clients(&self, q: &ClientQuery) -> ClientPage;
    fn search_clients(&self, text: &str, limit: u32, include_archived: bool)
        -> Vec<ClientSummaryRow>;
    fn count_clients(&self, include_archived: bool) -> u64;
    fn household_of(&self, client_id: i64) -> Option<HouseholdMembers>;
    fn link_household(&mut self, client_id: i64, with_id: i64, now: &str) -> i64;
    fn leave_household(&mut self, client_id: i64, now: &str) -> ();
    fn count_households(&self) -> u64;
});

delegate!(AggravationStore {
    fn insert_aggravation(&mut self, a: &NewAggravation, now: &str) -> i64;
    fn withdraw_aggravation(&mut self, id: i64, reason: &str, now: &str) -> i64;
    fn aggravations_of_contract(&self, contract_id: i64) -> Vec<AggravationRow>;
    fn aggravation(&self, id: i64) -> AggravationRow;
});

delegate!(InsurerStore {
    fn insurers(&self) -> Vec<InsurerRow>;
    fn insurer(&self, id: i64) -> InsurerRow;
    fn insert_insurer(&mut self, i: &InsurerRow, now: &str) -> i64;
    fn update_insurer(&mut self, i: &InsurerRow, reason: Option<&str>, now: &str) -> ();
    fn insurer_id(&mut self, name: &str, now: &str) -> i64;
});

delegate!(ContractStore {
    fn insert_contract(&mut self, c: &NewContract, now: &str, recompute: Recompute<'_>) -> i64;
    fn add_interruption(
        &mut self,
        contract_id: i64,
        from: NaiveDate,
        to: NaiveDate,
        reason: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> ();
    fn contract_status(
        &mut self,
        contract_id: i64,
        status: ContractStatus,
        on: NaiveDate,
        terminated_by: Option<TerminatedBy>,
        details: Option<&str>,
        now: &str,
    ) -> ();
    fn terminate_contract(
        &mut self,
        contract_id: i64,
        on: NaiveDate,
        terminated_by: TerminatedBy,
        details: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> ();
    fn recompute_contract(&mut self, contract_id: i64, now: &str, recompute: Recompute<'_>) -> ();
    fn correct_contract(
        &mut self,
        id: i64,
        new: &ContractCorrection,
        reason: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> ();
    fn add_avenant(
        &mut self,
        contract_id: i64,
        on: NaiveDate,
        details: &str,
        premiums: &[PremiumLineRow],
        now: &str,
    ) -> ();
    fn contract(&self, id: i64) -> ContractRow;
    fn contract_facts(&self, id: i64) -> ContractFacts;
    fn contracts_of_client(&self, client_id: i64) -> Vec<ContractRow>;
    fn contract_events(&self, contract_id: i64) -> Vec<ContractEventRow>;
    fn contract_premiums(&self, contract_id: i64) -> Vec<PremiumLineRow>;
    fn coefficient_history(&self, contract_id: i64) -> Vec<EcheanceRow>;
    fn count_contracts(&self) -> u64;
});

delegate!(ClaimStore {
    fn insert_claim(&mut self, c: &NewClaim, now: &str, recompute: Recompute<'_>) -> i64;
    fn requalify_claim(
        &mut self,
        claim_id: i64,
        responsibility: Responsibility,
        found_on: NaiveDate,
        note: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> i64;
    fn correct_claim(
        &mut self,
        claim_id: i64,
        new: &ClaimCorrection,
        reason: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> i64;
    fn insert_party(&mut self, claim_id: i64, p: &PartyRow, now: &str) -> i64;
    fn insert_communication(&mut self, claim_id: i64, c: &CommunicationRow, now: &str) -> i64;
    fn claim_status(
        &mut self,
        claim_id: i64,
        status: ClaimStatus,
        on: NaiveDate,
        note: Option<&str>,
        now: &str,
    ) -> i64;
    fn add_claim_amount(&mut self, claim_id: i64, a: &AmountRow, now: &str) -> i64;
    fn claim_contract(&self, claim_id: i64) -> i64;
    fn count_claims(&self) -> u64;
    fn open_claims(&self, limit: u32) -> Vec<OpenClaimRow>;
});

delegate!(VehicleStore {
    fn insert_vehicle(
        &mut self,
        v: &VehicleRow,
        replaces: Option<(i64, &str)>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> i64;
    fn correct_vehicle(
        &mut self,
        new: &VehicleRow,
        reason: Option<&str>,
        now: &str,
        recompute: Recompute<'_>,
    ) -> ();
    fn vehicles_of_contract(&self, contract_id: i64) -> Vec<VehicleRow>;
    fn vehicle_contract(&self, vehicle_id: i64) -> i64;
});

delegate!(DriverStore {
    fn insert_driver(&mut self, d: &DriverRow, now: &str) -> i64;
    fn correct_driver(&mut self, new: &DriverRow, reason: Option<&str>, now: &str) -> ();
    fn drivers_of_contract(&self, contract_id: i64) -> Vec<DriverRow>;
    fn driver_contract(&self, driver_id: i64) -> i64;
});

delegate!(ReleveStore {
    fn insert_releve(
        &mut self,
        client_id: i64,
        received_on: NaiveDate,
        document: &str,
        start_coefficient: Option<u32>,
        inconsistency: Option<&str>,
        now: &str,
    ) -> i64;
    fn releves_of_client(&self, client_id: i64) -> Vec<ReleveRow>;
    fn releve(&self, id: i64) -> ReleveRow;
});

delegate!(RevisionStore {
    fn revisions(&self, entity: Entity, id: i64) -> Vec<RevisionRow>;
});

delegate!(SearchStore {
    fn search_identifiers(&self, text: &str, limit: u32) -> Vec<IdentifierHit>;
    fn list_claims(&self, q: &ClaimQuery) -> ClaimPage;
});

delegate!(MailStore {
    fn mail_account(&self) -> Option<MailAccountRow>;
    fn set_mail_account(&mut self, a: &MailAccountRow, now: &str) -> ();
    fn mail_templates(&self) -> Vec<MailTemplateRow>;
    fn set_mail_template(&mut self, t: &MailTemplateRow, now: &str) -> ();
    fn record_mail_message(&mut self, m: &NewMailMessage, now: &str) -> i64;
    fn record_mail_attempt(&mut self, id: i64, reason: Option<&str>, now: &str) -> ();
    fn mail_message(&self, id: i64) -> MailMessageRow;
    fn mail_messages_of_client(&self, client_id: i64) -> Vec<MailMessageRow>;
    fn mail_outbox(&self) -> Vec<MailMessageRow>;
});

delegate!(AgencyIdentityStore {
    fn agency_identity(&self) -> Option<AgencyIdentityRow>;
    fn agency_identity_history(&self) -> Vec<AgencyIdentityRow>;
    fn set_agency_identity(&mut self, identity: &courtier_domain::agency::AgencyIdentity, now: &str) -> ();
});

delegate!(DocumentStore {
    fn attach_document(&mut self, d: &NewDocument, content: &mut dyn std::io::Read, now: &str)
        -> Attached;
    fn document(&self, id: i64) -> DocumentRow;
    fn documents_of(&self, owner: DocumentOwner, with_bin: bool) -> Vec<DocumentRow>;
    fn bin(&self) -> Vec<DocumentRow>;
    fn read_document(&self, id: i64, out: &mut dyn std::io::Write) -> u64;
    fn document_thumbnail(&self, id: i64) -> Option<Vec<u8>>;
    fn record_export(&mut self, id: i64, destination: &str, now: &str) -> ();
    fn bin_document(&mut self, id: i64, now: &str) -> ();
    fn restore_document(&mut self, id: i64, now: &str) -> ();
    fn empty_bin(&mut self, owner: Option<DocumentOwner>, now: &str) -> u64;
    fn document_size_limit(&self) -> u64;
    fn set_document_size_limit(&mut self, bytes: u64) -> ();
    fn revise_document(&mut self, id: i64, details: &DocumentDetails, now: &str) -> ();
});

delegate!(ExchangeStore {
    fn insert_client_exchange(&mut self, row: &ClientExchangeRow, now: &str) -> i64;
    fn client_exchanges_of_client(&self, client_id: i64) -> Vec<ClientExchangeRow>;
});

delegate!(RenewalStore {
    fn insert_avis_sending(
        &mut self,
        contract_id: i64,
        echeance: NaiveDate,
        sent_on: NaiveDate,
        channel: &str,
        now: &str,
    ) -> i64;
    fn avis_sendings_of_contract(&self, contract_id: i64) -> Vec<AvisSendingRow>;
    fn avis_sendings_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<AvisSendingRow>;
    fn record_renewal_settings(&mut self, s: &RenewalSettingsRow, now: &str) -> ();
    fn renewal_settings(&self) -> RenewalSettingsRow;
});

delegate!(CalendarStore {
    fn calendar_contracts(&self, q: &CalendarQuery) -> Vec<CalendarContractRow>;
    fn calendar_details(&self, ids: &[i64]) -> CalendarDetails;
});

delegate!(ReminderStore {
    fn insert_reminder(&mut self, r: &NewReminder, now: &str) -> i64;
    fn ensure_auto_reminders(&mut self, rs: &[NewReminder], now: &str) -> u64;
    fn reminder(&self, id: i64) -> ReminderRow;
    fn open_reminders(&self, today: NaiveDate) -> Vec<ReminderRow>;
    fn closed_reminders(&self, limit: u32) -> Vec<ReminderRow>;
    fn record_reminder_event(
        &mut self,
        id: i64,
        kind: ReminderEventKind,
        occurrence: Option<&str>,
        broker: &str,
        now: &str,
    ) -> ();
    fn fire_reminders(&mut self, requests: &[FireRequest], broker: &str, now: &str) -> Vec<i64>;
    fn reminder_lead_days(&self) -> Option<Vec<u32>>;
    fn record_reminder_lead_days(&mut self, days: &[u32], now: &str) -> ();
});
