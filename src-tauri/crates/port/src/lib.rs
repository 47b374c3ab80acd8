//! The storage port: what the use cases of Courtier need from an agency store, and nothing of
//! how it is kept.
//!
//! The use cases (`courtier-app`) are written against these traits and record types only. The
//! single-desk agency file (SQLCipher, `courtier-store`) implements them today; a PostgreSQL store
//! for a multi-desk agency implements the same traits next, and the same use-case tests run on
//! both. The transaction boundary is part of the port: each write that changes what a coefficient
//! depends on takes the derivation to run ([`Recompute`]) and commits the facts and what derives
//! from them together, or nothing.
//!
//! One trait per aggregate, so that a use case asks only for what it uses (and a test can run it
//! over a small implementation of one trait); [`AgencyStore`] is all of them, what the
//! application holds.

mod agency;
mod aggravations;
mod claims;
mod clients;
mod contracts;
mod documents;
mod drivers;
mod error;
mod exchanges;
mod identity;
mod insurers;
mod integrity;
mod mail;
mod releves;
mod reminders;
mod renewals;
mod revisions;
mod search;
mod vehicles;
mod verification;

pub use agency::{AgencyFile, BatchClaim, BatchContract, ExchangeAnchor};
pub use aggravations::{AggravationRow, AggravationStore, NewAggravation, WithdrawalRow};
pub use claims::{
    AmountRow, ClaimCorrection, ClaimRow, ClaimStatusRow, ClaimStore, CommunicationRow, NewClaim,
    OpenClaimRow, PartyRow, QualificationRow,
};
pub use clients::{
    ClientPage, ClientQuery, ClientSort, ClientStore, ClientSummaryRow, HouseholdMembers,
    StoredClient,
};
pub use contracts::{
    ContractCorrection, ContractEventRow, ContractFacts, ContractRow, ContractStore, Derived,
    EcheanceRow, NewContract, PremiumLineRow, Recompute,
};
pub use documents::{
    Attached, DocumentDetails, DocumentOwner, DocumentRow, DocumentState, DocumentStore,
    NewDocument,
};
pub use drivers::{DriverRow, DriverStore};
pub use error::{DeriveError, StoreError, StoreResult};
pub use exchanges::{ClientExchangeRow, ExchangeKind, ExchangeStore};
pub use identity::{AgencyIdentityRow, AgencyIdentityStore};
pub use insurers::{InsurerRow, InsurerStore};
pub use integrity::{
    parse_printed, printed, DerivedCheck, HeadFound, JournalCheck, JournalHead, SchemaCheck,
    PRINTED_HEX,
};
pub use mail::{
    MailAccountRow, MailAttachment, MailAttemptRow, MailMessageRow, MailStore, MailTemplateRow,
    NewMailMessage,
};
pub use releves::{ReleveRow, ReleveStore};
pub use reminders::{
    AutoKey, FireRequest, NewReminder, ReminderEventKind, ReminderEventRow, ReminderRow,
    ReminderStore,
};
pub use renewals::{
    AvisSendingRow, CalendarContractRow, CalendarDetails, CalendarQuery, CalendarStore,
    RenewalSettingsRow, RenewalStore,
};
pub use revisions::{Entity, RevisionRow, RevisionStore};
pub use search::{identifier_key, ClaimPage, ClaimQuery, HitKind, IdentifierHit, SearchStore};
pub use vehicles::{VehicleRow, VehicleStore};
pub use verification::Verification;

/// Everything the application needs from its agency store.
pub trait AgencyStore:
    AgencyFile
    + AgencyIdentityStore
    + ClientStore
    + InsurerStore
    + ContractStore
    + ClaimStore
    + AggravationStore
    + DocumentStore
    + MailStore
    + ExchangeStore
    + VehicleStore
    + DriverStore
    + ReleveStore
    + RenewalStore
    + CalendarStore
    + RevisionStore
    + SearchStore
    + ReminderStore
    + Send
{
}

impl<T> AgencyStore for T where
    T: AgencyFile
        + AgencyIdentityStore
        + ClientStore
        + InsurerStore
        + ContractStore
        + ClaimStore
        + AggravationStore
        + DocumentStore
        + MailStore
        + ExchangeStore
        + VehicleStore
        + DriverStore
        + ReleveStore
        + RenewalStore
        + CalendarStore
        + RevisionStore
        + SearchStore
        + ReminderStore
        + Send
{
}
