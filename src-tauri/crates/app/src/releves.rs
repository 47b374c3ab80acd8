//! Relevés d'information received for a client (R17, R18): recorded, listed on the client's
//! record and timeline, and reopened with what Courtier makes of them.

use crate::dto::{ReleveEntry, ReleveResult};
use crate::input::iso;
use crate::{AppError, Courtier};
use courtier_domain::bonus_malus::{start_coefficient_from_releve, ReleveDocument, RuleOptions};
use courtier_port::ReleveRow;

/// What Courtier makes of a relevé: the starting coefficient by R17 with its steps and
/// counters, the consistency check, the missing mandatory fields. The engine is pure, so a
/// relevé reopened later shows exactly what was shown when it was entered.
fn result_of(id: i64, doc: &ReleveDocument) -> ReleveResult {
    outcome_of(id, doc).0
}

/// The result, and the starting coefficient in hundredths as the store keeps it.
fn outcome_of(id: i64, doc: &ReleveDocument) -> (ReleveResult, Option<u32>) {
    let outcome = doc
        .to_releve()
        .map(|r| start_coefficient_from_releve(&r, &RuleOptions::default()));
    let start = outcome.as_ref().map(|o| o.start_coefficient.hundredths());
    let result = ReleveResult {
        id,
        start_coefficient: outcome.as_ref().map(|o| o.start_coefficient.to_string()),
        start_claim_free_streak: outcome.as_ref().map(|o| o.start_claim_free_streak),
        start_periods_at_floor: outcome.as_ref().map(|o| o.start_periods_at_floor),
        steps: outcome
            .as_ref()
            .map(|o| o.steps.clone())
            .unwrap_or_default(),
        inconsistency: outcome.as_ref().and_then(|o| o.inconsistency.clone()),
        implied_min: outcome.as_ref().map(|o| o.implied_min.to_string()),
        implied_max: outcome.as_ref().map(|o| o.implied_max.to_string()),
        missing_fields: doc.missing_fields(),
    };
    (result, start)
}

fn parse(json: &str) -> Result<ReleveDocument, AppError> {
    serde_json::from_str(json)
        .map_err(|e| AppError::field("releve", format!("Relevé illisible : {e}")))
}

/// A kept relevé as the record and the timeline list it.
pub(crate) fn entry(row: &ReleveRow) -> Result<ReleveEntry, AppError> {
    let doc = parse(&row.document)?;
    Ok(ReleveEntry {
        id: row.id,
        client_id: row.client_id,
        issued_on: iso(row.received_on),
        issuer: doc.issuer.clone(),
        contract_number: doc.contract_number.clone(),
        registration: doc.registration.clone(),
        coefficient: doc.coefficient.map(|c| c.to_string()),
        claims: doc.claims.len(),
        recorded_at: row.recorded_at.clone(),
        result: result_of(row.id, &doc),
    })
}

impl Courtier {
    /// Records a relevé received for a client (the document in the JSON form of
    /// [`courtier_domain::bonus_malus::ReleveDocument`]) and computes the starting coefficient
    /// of a new contract by R17, with its steps and the consistency check.
    pub fn releve_record(
        &self,
        client_id: i64,
        document_json: &str,
    ) -> Result<ReleveResult, AppError> {
        let doc = parse(document_json)?;
        let (result, start) = outcome_of(0, &doc);
        let now = self.now();
        let canonical = serde_json::to_string(&doc).map_err(AppError::internal)?;
        self.with_store(|s| {
            let id = s.insert_releve(
                client_id,
                doc.issued_on,
                &canonical,
                start,
                result.inconsistency.as_deref(),
                &now,
            )?;
            Ok(ReleveResult { id, ..result })
        })
    }

    /// The relevés received for a client, most recent first, each with its result.
    pub fn releves_of_client(&self, client_id: i64) -> Result<Vec<ReleveEntry>, AppError> {
        self.with_reader(|s| {
            s.get_client(client_id)?;
            s.releves_of_client(client_id)?.iter().map(entry).collect()
        })
    }

    /// One relevé with its result, to reopen it.
    pub fn releve_get(&self, id: i64) -> Result<ReleveEntry, AppError> {
        self.with_reader(|s| entry(&s.releve(id)?))
    }
}
