//! The generation of a document is on the contract's timeline: each attestation, avis
//! d'échéance and relevé d'information Courtier made, with the day it was made (the document's
//! attaching, an act of the journal), binned ones included: it was handed out all the same.

use super::GENERATED_NOTE;
use crate::dto::ContractRecord;
use crate::timeline::TimelineEntry;
use crate::{AppError, Courtier};
use courtier_domain::vocabulary::DocumentKind;
use courtier_port::{DocumentOwner, DocumentRow};

/// The title of a generated document's entry.
fn title(d: &DocumentRow) -> String {
    let what = match d.kind {
        DocumentKind::Attestation => "Attestation de bonus-malus établie",
        DocumentKind::ReleveInformation => "Relevé d'information établi",
        DocumentKind::Courrier => "Avis d'échéance établi",
        _ => "Document établi",
    };
    match d.date {
        Some(at) if d.kind != DocumentKind::Courrier => {
            format!("{what} (situation au {})", at.format("%d/%m/%Y"))
        }
        _ => what.to_string(),
    }
}

/// The entry of a generated document of contract `k`.
pub(crate) fn generated_entry(k: &ContractRecord, d: &DocumentRow) -> TimelineEntry {
    TimelineEntry {
        date: d
            .attached_at
            .get(..16)
            .unwrap_or(&d.attached_at)
            .to_string(),
        kind: "document".into(),
        contract_id: Some(k.id),
        contract_label: Some(format!("{} n° {}", k.insurer, k.number)),
        claim_id: None,
        releve_id: None,
        document_id: Some(d.id),
        title: title(d),
        detail: Some(d.file_name.clone()),
        code: Some(d.kind.as_str().to_string()),
        value: None,
        previous: None,
    }
}

impl Courtier {
    /// The timeline entries of the documents generated for `contracts`.
    pub(crate) fn generated_entries(
        &self,
        contracts: &[ContractRecord],
    ) -> Result<Vec<TimelineEntry>, AppError> {
        self.with_store(|s| {
            let mut out = Vec::new();
            for k in contracts {
                for d in s.documents_of(DocumentOwner::Contract(k.id), true)? {
                    if d.note.as_deref() == Some(GENERATED_NOTE) {
                        out.push(generated_entry(k, &d));
                    }
                }
            }
            Ok(out)
        })
    }
}
