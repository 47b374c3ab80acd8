//! The window's print path (issue 12, item 4): one entry point for every generated paper, by
//! kind, so the contract page's buttons, « Imprimer » and « Enregistrer en PDF » do not care which
//! paper they show. Each kind is one line of [`PRINT_KINDS`]; the PDF is stored with the contract
//! by the use case itself (`printing.rs`), so it is also listed among the record's documents, and
//! saving a copy is the recorded export of that document.

use crate::{AppError, Courtier, GeneratedPdf};

/// Makes one paper of a contract at a date (`None`: today; kinds without a date ignore it).
type Generate = fn(&Courtier, i64, Option<&str>) -> Result<GeneratedPdf, AppError>;

/// The papers the window prints, by code (the UI's buttons name them): the attestation, the avis
/// d'échéance and the relevé d'information issued by delegation.
pub const PRINT_KINDS: &[(&str, Generate)] = &[
    ("attestation", |c, id, date| c.statement_pdf(id, date)),
    ("avis", |c, id, _| c.notice_pdf(id)),
    ("releve", |c, id, date| c.releve_pdf(id, date)),
];

impl Courtier {
    /// Generates the paper `kind` of `contract_id` (stored with the contract, on its timeline).
    pub fn print_pdf(
        &self,
        kind: &str,
        contract_id: i64,
        date: Option<&str>,
    ) -> Result<GeneratedPdf, AppError> {
        let (_, generate) = PRINT_KINDS
            .iter()
            .find(|(code, _)| *code == kind)
            .ok_or_else(|| {
                let known: Vec<&str> = PRINT_KINDS.iter().map(|(c, _)| *c).collect();
                AppError::field(
                    "kind",
                    format!(
                        "« {kind} » : document inconnu (documents imprimables : {}).",
                        known.join(", ")
                    ),
                )
            })?;
        generate(self, contract_id, date)
    }

    /// The logo kept in the agency identity (PNG or JPEG bytes), for the form's preview.
    pub fn agency_logo(&self) -> Result<Option<Vec<u8>>, AppError> {
        Ok(self
            .agency_identity_in_force()?
            .and_then(|a| a.logo.map(|(_, bytes)| bytes)))
    }
}
