//! The client's exchanges on the timeline: what the broker noted (calls, meetings, letters,
//! consents), the e-mails written in Courtier (sent, or waiting in the outbox with the reason)
//! and the avis d'échéance sent. All are entries of kind `echange`.

use crate::exchanges::exchange_kind_title;
use crate::mail::MailMessageDto;
use crate::timeline::TimelineEntry;
use courtier_port::{AvisSendingRow, ClientExchangeRow};

fn entry(date: &str, contract_id: Option<i64>, title: String) -> TimelineEntry {
    TimelineEntry {
        date: date.to_string(),
        kind: "echange".into(),
        contract_id,
        contract_label: None,
        claim_id: None,
        releve_id: None,
        document_id: None,
        title,
        detail: None,
        code: None,
        value: None,
        previous: None,
    }
}

/// An entry the broker noted in the client's exchange log.
pub(crate) fn noted(r: &ClientExchangeRow) -> TimelineEntry {
    let mut x = entry(
        &r.at,
        r.contract_id,
        format!(
            "{} ({}, {})",
            exchange_kind_title(r.kind),
            r.channel.in_sentence(),
            r.direction.in_sentence()
        ),
    );
    x.detail = Some(r.summary.clone());
    x.code = Some(r.kind.as_str().to_string());
    x
}

/// A recorded time (`2026-11-23T10:05:00Z`, UTC) as the broker's local minute
/// (`2026-11-23T11:05`); the text's day if it is not one.
fn local_minute(recorded_at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(recorded_at).map_or_else(
        |_| recorded_at.get(..10).unwrap_or(recorded_at).to_string(),
        |t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        },
    )
}

/// An e-mail written in Courtier: sent (when, to whom, with its attachments' SHA-256), or in the
/// outbox with the last failure's reason.
pub(crate) fn mail(m: &MailMessageDto) -> TimelineEntry {
    let sent_at = m
        .attempts
        .iter()
        .rev()
        .find(|a| a.sent)
        .map(|a| a.at.as_str());
    let title = match sent_at {
        Some(_) => format!("Courriel envoyé à {} : {}", m.to, m.subject),
        None => format!("Courriel en attente d'envoi à {} : {}", m.to, m.subject),
    };
    let mut x = entry(
        &local_minute(sent_at.unwrap_or(&m.recorded_at)),
        m.contract_id,
        title,
    );
    x.claim_id = m.claim_id;
    let mut detail: Vec<String> = m
        .attachments
        .iter()
        .map(|a| format!("Pièce jointe {} (SHA-256 {})", a.file_name, a.sha256))
        .collect();
    if let Some(r) = m.reason.as_deref().filter(|_| sent_at.is_none()) {
        detail.insert(0, format!("Dernier essai refusé : {r}"));
    }
    x.detail = (!detail.is_empty()).then(|| detail.join("\n"));
    x.code = Some(m.kind.clone());
    x
}

/// An avis d'échéance sent for one of the client's contracts.
pub(crate) fn avis(a: &AvisSendingRow) -> TimelineEntry {
    let how = match a.channel.as_str() {
        "email" => "par courriel",
        "remise" => "remis en main propre",
        _ => "par courrier",
    };
    let mut x = entry(
        &a.sent_on.format("%Y-%m-%d").to_string(),
        Some(a.contract_id),
        format!(
            "Avis d'échéance envoyé {how} pour l'échéance du {}",
            a.echeance.format("%d/%m/%Y")
        ),
    );
    x.code = Some("avis_echeance".into());
    x
}
