//! Relevés d'information received for a client (R17, R18).

use crate::{AppError, Courtier, ReleveResult};
use courtier_domain::bonus_malus::RuleOptions;

impl Courtier {
    /// Records a relevé received for a client (the document in the JSON form of
    /// [`courtier_domain::bonus_malus::ReleveDocument`]) and computes the starting coefficient
    /// of a new contract by R17, with its steps and the consistency check.
    pub fn releve_record(
        &self,
        client_id: i64,
        document_json: &str,
    ) -> Result<ReleveResult, AppError> {
        let doc: courtier_domain::bonus_malus::ReleveDocument = serde_json::from_str(document_json)
            .map_err(|e| AppError::field("releve", format!("Relevé illisible : {e}")))?;
        let missing = doc.missing_fields();
        let outcome = doc.to_releve().map(|r| {
            courtier_domain::bonus_malus::start_coefficient_from_releve(&r, &RuleOptions::default())
        });
        let now = self.now();
        let canonical = serde_json::to_string(&doc).map_err(AppError::internal)?;
        self.with_store(|s| {
            let id = s.insert_releve(
                client_id,
                doc.issued_on,
                &canonical,
                outcome.as_ref().map(|o| o.start_coefficient.hundredths()),
                outcome.as_ref().and_then(|o| o.inconsistency.as_deref()),
                &now,
            )?;
            Ok(ReleveResult {
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
                missing_fields: missing.clone(),
            })
        })
    }
}
