//! E-mail follow-ups: the SMTP account, the agency's templates, the messages confirmed by the
//! broker and each attempt to send them (the outbox is what was not sent), the relevé requests.

use crate::StoreResult;
use chrono::NaiveDate;

/// The SMTP account (the password is not here: it lives in the keychain).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailAccountRow {
    pub host: String,
    pub port: u16,
    /// `starttls`, `tls` or `none` (127.0.0.1 only).
    pub security: String,
    pub username: String,
    pub from_address: String,
    pub from_name: String,
    pub recorded_at: String,
}

/// An agency's own template of a kind (the kinds' codes of `courtier_domain::mail`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailTemplateRow {
    pub kind: String,
    pub subject: String,
    pub body: String,
    pub recorded_at: String,
}

/// An attachment of a message: the document it came from, as it was sent.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MailAttachment {
    pub document_id: i64,
    pub file_name: String,
    pub sha256: String,
}

/// A message as the broker confirmed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMailMessage {
    pub kind: String,
    pub client_id: i64,
    pub contract_id: Option<i64>,
    pub claim_id: Option<i64>,
    pub to_address: String,
    pub subject: String,
    pub body: String,
    pub attachments: Vec<MailAttachment>,
    /// For a relevé request: the insurer asked, and the day (the fifteen-day clock starts).
    pub releve_request: Option<(Option<i64>, NaiveDate)>,
}

/// One attempt to send a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailAttemptRow {
    pub seq: i64,
    pub sent: bool,
    pub reason: Option<String>,
    pub at: String,
}

/// A kept message, with its attempts in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailMessageRow {
    pub id: i64,
    pub message: NewMailMessage,
    pub recorded_at: String,
    pub attempts: Vec<MailAttemptRow>,
}

impl MailMessageRow {
    /// Sent once at least (a message is never sent twice).
    pub fn is_sent(&self) -> bool {
        self.attempts.iter().any(|a| a.sent)
    }
}

pub trait MailStore {
    fn mail_account(&self) -> StoreResult<Option<MailAccountRow>>;
    fn set_mail_account(&mut self, a: &MailAccountRow, now: &str) -> StoreResult<()>;
    /// The agency's templates, the last of each kind.
    fn mail_templates(&self) -> StoreResult<Vec<MailTemplateRow>>;
    fn set_mail_template(&mut self, t: &MailTemplateRow, now: &str) -> StoreResult<()>;
    /// Records a confirmed message (and its relevé request), before any attempt: its id.
    fn record_mail_message(&mut self, m: &NewMailMessage, now: &str) -> StoreResult<i64>;
    /// Records an attempt: sent, or failed with `reason`. When sent and the message is about a
    /// claim, the claim's exchange log gets the e-mail too, in the same act.
    fn record_mail_attempt(&mut self, id: i64, reason: Option<&str>, now: &str) -> StoreResult<()>;
    fn mail_message(&self, id: i64) -> StoreResult<MailMessageRow>;
    /// Every message of a client, newest first.
    fn mail_messages_of_client(&self, client_id: i64) -> StoreResult<Vec<MailMessageRow>>;
    /// The messages never sent, oldest first.
    fn mail_outbox(&self) -> StoreResult<Vec<MailMessageRow>>;
}
