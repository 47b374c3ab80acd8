//! Relevés d'information received for a client (R17, R18): recorded, listed on the client's
//! record and timeline, and reopened with what Courtier makes of them.

use crate::dto::{ReleveEntry, ReleveResult};
use crate::input::iso;
use crate::{AppError, Courtier};
use courtier_domain::bonus_malus::limits::{self, check_count, check_document};
use courtier_domain::bonus_malus::{start_coefficient_from_releve, ReleveDocument, RuleOptions};
use courtier_port::ReleveRow;
use serde_json::Value;

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

/// A relevé's JSON, read within its limits (size and depth before it is parsed, then its
/// claims, drivers and texts), or the `releve` field's error in French.
fn read_document(json: &str, today: chrono::NaiveDate) -> Result<ReleveDocument, AppError> {
    let refused = |m: String| AppError::field("releve", m);
    const WHAT: &str = "Le relevé";
    check_document(json, WHAT, limits::RELEVE_MAX_BYTES).map_err(|e| refused(e.to_string()))?;
    let v: Value =
        serde_json::from_str(json).map_err(|e| refused(format!("Relevé illisible : {e}")))?;
    for (key, max, items) in [
        ("claims", limits::RELEVE_MAX_CLAIMS, "sinistres"),
        ("drivers", limits::RELEVE_MAX_DRIVERS, "conducteurs"),
    ] {
        if let Some(a) = v.get(key).and_then(Value::as_array) {
            check_count(a.len(), max, WHAT, items).map_err(|e| refused(e.to_string()))?;
        }
    }
    check_texts(&v, "").map_err(refused)?;
    let doc: ReleveDocument =
        serde_json::from_value(v).map_err(|e| refused(format!("Relevé illisible : {e}")))?;
    if doc.issued_on > today {
        return Err(refused(format!(
            "Le relevé serait émis le {}, dans le futur : vérifiez sa date d'émission.",
            doc.issued_on.format("%d/%m/%Y")
        )));
    }
    Ok(doc)
}

/// Every text of the relevé follows the rule of free texts (no control or bidirectional
/// characters, [`limits::RELEVE_MAX_TEXT`] characters at most); `at` names where.
fn check_texts(v: &Value, at: &str) -> Result<(), String> {
    match v {
        Value::String(s) => {
            let label = format!("Le texte « {at} » du relevé");
            courtier_domain::text::refused_char(s, false, &label).map_err(|e| e.to_string())?;
            let len = s.chars().count();
            if len > limits::RELEVE_MAX_TEXT {
                return Err(format!(
                    "{label} dépasse {} caractères ({len}).",
                    limits::RELEVE_MAX_TEXT
                ));
            }
            Ok(())
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .try_for_each(|(i, x)| check_texts(x, &format!("{at}[{i}]"))),
        Value::Object(o) => o.iter().try_for_each(|(k, x)| {
            let path = if at.is_empty() {
                k.clone()
            } else {
                format!("{at}.{k}")
            };
            check_texts(x, &path)
        }),
        _ => Ok(()),
    }
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
        let doc = read_document(document_json, self.today())?;
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
