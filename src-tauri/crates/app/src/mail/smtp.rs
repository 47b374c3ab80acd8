//! Sending one message over SMTP with `lettre` (blocking transport, native-tls), and the
//! reasons a send fails, in French for the outbox.

use courtier_port::MailAccountRow;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};
use std::time::Duration;

/// An attachment's bytes as they leave.
pub(crate) struct OutgoingFile {
    pub name: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// What is needed to send: the account, its password (none for a relay without login).
pub(crate) struct Outgoing<'a> {
    pub account: &'a MailAccountRow,
    pub password: Option<&'a str>,
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub files: Vec<OutgoingFile>,
}

/// Why a message did not leave, in French (kept in the outbox as said).
fn reason_of(e: &lettre::transport::smtp::Error) -> String {
    if let Some(code) = e.status() {
        let n = u16::from(code.severity as u8) * 100
            + u16::from(code.category as u8) * 10
            + u16::from(code.detail as u8);
        let what = match n {
            535 | 534 | 530 => "identifiant ou mot de passe refusé par le serveur",
            550..=553 => "adresse refusée par le serveur",
            _ if e.is_transient() => "serveur momentanément indisponible",
            _ => "message refusé par le serveur",
        };
        return format!("{what} (code SMTP {n} : {e})");
    }
    if e.is_client() {
        return format!("message impossible à construire : {e}");
    }
    format!("serveur de messagerie injoignable ({e})")
}

pub(crate) fn build(o: &Outgoing<'_>) -> Result<Message, String> {
    let from = Mailbox::new(
        Some(o.account.from_name.clone()).filter(|n| !n.is_empty()),
        o.account
            .from_address
            .parse()
            .map_err(|e| format!("adresse d'expéditeur invalide : {e}"))?,
    );
    let to: Mailbox =
        o.to.parse()
            .map_err(|e| format!("adresse du destinataire invalide : {e}"))?;
    let builder = Message::builder().from(from).to(to).subject(o.subject);
    let text = SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .body(o.body.to_string());
    let message = if o.files.is_empty() {
        builder.singlepart(text)
    } else {
        let mut mixed = MultiPart::mixed().singlepart(text);
        for f in &o.files {
            let mime = ContentType::parse(&f.mime)
                .map_err(|e| format!("type de pièce jointe invalide : {e}"))?;
            mixed = mixed.singlepart(Attachment::new(f.name.clone()).body(f.bytes.clone(), mime));
        }
        builder.multipart(mixed)
    };
    message.map_err(|e| format!("message impossible à construire : {e}"))
}

/// Sends `o`: `Err(reason)` when it did not leave.
pub(crate) fn send(o: &Outgoing<'_>) -> Result<(), String> {
    let message = build(o)?;
    let a = o.account;
    let tls = || {
        TlsParameters::new(a.host.clone()).map_err(|e| format!("TLS impossible à préparer : {e}"))
    };
    let mut t = SmtpTransport::builder_dangerous(a.host.as_str())
        .port(a.port)
        .timeout(Some(Duration::from_secs(20)));
    t = match a.security.as_str() {
        "tls" => t.tls(Tls::Wrapper(tls()?)),
        "starttls" => t.tls(Tls::Required(tls()?)),
        _ => t.tls(Tls::None),
    };
    if !a.username.is_empty() {
        t = t.credentials(Credentials::new(
            a.username.clone(),
            o.password.unwrap_or_default().to_string(),
        ));
    }
    t.build()
        .send(&message)
        .map(|_| ())
        .map_err(|e| reason_of(&e))
}
