//! Follow-ups by e-mail (issue 13, items 4 and 5): the SMTP account (its password in the
//! keychain beside the database key, or in memory only when there is none), the agency's
//! templates, the preview the broker confirms, sending, the outbox.
//!
//! Nothing leaves without `confirmed`: the window shows the preview first, the CLI asks (or
//! takes `--yes`). Every message is recorded before it is tried; each attempt is recorded with
//! its outcome, so what failed stays in the outbox with the reason until it is retried.

mod smtp;

use crate::{AppError, Courtier, ErrorCode};
use courtier_domain::mail::{is_address, Template, TemplateKind, FIELDS};
use courtier_domain::text::{line, lines};
use courtier_port::{
    MailAccountRow, MailAttachment, MailMessageRow, MailTemplateRow, NewMailMessage,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use zeroize::Zeroizing;

const SUBJECT_MAX: usize = 300;
const BODY_MAX: usize = 20_000;

/// The account as the settings form sends it. `password`: kept in the keychain (or in memory
/// without one); `None` keeps the one there is.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MailAccountDraft {
    pub host: String,
    pub port: u16,
    pub security: String,
    #[serde(default)]
    pub username: String,
    pub from_address: String,
    #[serde(default)]
    pub from_name: String,
    #[serde(default)]
    pub password: Option<String>,
}

/// The account as shown (never the password: only where it is kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MailAccountDto {
    pub host: String,
    pub port: u16,
    pub security: String,
    pub username: String,
    pub from_address: String,
    pub from_name: String,
    /// `trousseau` (in the OS keychain), `memoire` (for this session only: no keychain),
    /// `absent` (to be given before sending).
    pub password: &'static str,
    pub recorded_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MailTemplateDto {
    pub kind: &'static str,
    pub label: &'static str,
    pub subject: String,
    pub body: String,
    /// Written by the agency (otherwise Courtier's own text).
    pub custom: bool,
    pub fields: Vec<(&'static str, &'static str)>,
}

/// A message to write: which template, about which contract (and claim), to whom, with which
/// documents of the record.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MailDraft {
    pub kind: String,
    pub contract_id: i64,
    #[serde(default)]
    pub claim_id: Option<i64>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub attachments: Vec<i64>,
}

/// What the broker sees before confirming: exactly what will leave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MailPreview {
    pub kind: &'static str,
    pub label: &'static str,
    pub from: String,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub attachments: Vec<MailAttachment>,
    /// « Ouvrir dans ma messagerie »: the same message as a `mailto:` URL (without attachments).
    pub mailto: String,
    pub client_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MailAttemptDto {
    pub at: String,
    pub sent: bool,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MailMessageDto {
    pub id: i64,
    pub kind: String,
    pub client_id: i64,
    pub contract_id: Option<i64>,
    pub claim_id: Option<i64>,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub attachments: Vec<MailAttachment>,
    pub recorded_at: String,
    pub sent: bool,
    /// The last failure's reason, while it is in the outbox.
    pub reason: Option<String>,
    pub attempts: Vec<MailAttemptDto>,
}

fn dto(m: MailMessageRow) -> MailMessageDto {
    let sent = m.is_sent();
    MailMessageDto {
        id: m.id,
        reason: if sent {
            None
        } else {
            m.attempts.last().and_then(|a| a.reason.clone())
        },
        kind: m.message.kind,
        client_id: m.message.client_id,
        contract_id: m.message.contract_id,
        claim_id: m.message.claim_id,
        to: m.message.to_address,
        subject: m.message.subject,
        body: m.message.body,
        attachments: m.message.attachments,
        recorded_at: m.recorded_at,
        sent,
        attempts: m
            .attempts
            .into_iter()
            .map(|a| MailAttemptDto {
                at: a.at,
                sent: a.sent,
                reason: a.reason,
            })
            .collect(),
    }
}

fn kind_of(code: &str) -> Result<TemplateKind, AppError> {
    TemplateKind::parse(code).ok_or_else(|| {
        AppError::field(
            "kind",
            format!(
                "Modèle inconnu « {code} » : les modèles sont {}.",
                TemplateKind::ALL.map(|k| k.code()).join(", ")
            ),
        )
    })
}

fn fr_date(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

/// `mailto:` with the subject and body percent-encoded (RFC 6068).
fn mailto(to: &str, subject: &str, body: &str) -> String {
    fn enc(s: &str) -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    }
    let body = body.replace('\n', "\r\n");
    format!(
        "mailto:{}?subject={}&body={}",
        enc(to).replace("%40", "@"),
        enc(subject),
        enc(&body)
    )
}

fn text<T>(field: &str, r: Result<T, courtier_domain::text::TextError>) -> Result<T, AppError> {
    r.map_err(|e| AppError::field(field, e.to_string()))
}

fn address(s: &str, field: &str, what: &str) -> Result<String, AppError> {
    let s = s.trim();
    if !is_address(s) {
        return Err(AppError::field(
            field,
            format!("{what} « {s} » n'est pas une adresse e-mail valide."),
        ));
    }
    Ok(s.to_string())
}

impl Courtier {
    fn secret_name(&self) -> Result<String, AppError> {
        let id = self
            .with_reader(|s| Ok(s.agency_id()?))?
            .unwrap_or_else(|| "agence".into());
        Ok(format!("{id}:smtp"))
    }

    /// The password to send with: the session's, else the keychain's.
    fn mail_password(&self) -> Result<Option<Zeroizing<String>>, AppError> {
        if let Some(p) = self.mail_password_memory().clone() {
            return Ok(Some(p));
        }
        match self.config.keychain.load_secret(&self.secret_name()?) {
            Ok(p) => Ok(p),
            Err(courtier_vault::VaultError::KeychainUnavailable) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    fn mail_password_memory(&self) -> std::sync::MutexGuard<'_, Option<Zeroizing<String>>> {
        self.mail_password
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Gives the password for this session only (no keychain): kept in memory, never written.
    pub fn mail_session_password(&self, password: &str) {
        *self.mail_password_memory() = Some(Zeroizing::new(password.to_string()));
    }

    pub fn mail_account(&self) -> Result<Option<MailAccountDto>, AppError> {
        let Some(a) = self.with_reader(|s| Ok(s.mail_account()?))? else {
            return Ok(None);
        };
        let in_memory = self.mail_password_memory().is_some();
        let in_keychain = matches!(
            self.config.keychain.load_secret(&self.secret_name()?),
            Ok(Some(_))
        );
        Ok(Some(MailAccountDto {
            password: if in_keychain {
                "trousseau"
            } else if in_memory {
                "memoire"
            } else {
                "absent"
            },
            host: a.host,
            port: a.port,
            security: a.security,
            username: a.username,
            from_address: a.from_address,
            from_name: a.from_name,
            recorded_at: a.recorded_at,
        }))
    }

    /// Records the account (a new fact) and puts the password, if given, in the keychain, or
    /// in memory when there is no keychain (then it is asked again at the next start).
    pub fn mail_account_set(&self, d: &MailAccountDraft) -> Result<MailAccountDto, AppError> {
        let host = text("host", line(&d.host, "Le serveur", 253))?
            .ok_or_else(|| AppError::field("host", "Indiquez le serveur de messagerie (SMTP)."))?;
        if d.port == 0 {
            return Err(AppError::field(
                "port",
                "Le port doit être compris entre 1 et 65535.",
            ));
        }
        let security = match d.security.trim() {
            s @ ("starttls" | "tls") => s.to_string(),
            "none" if host == "127.0.0.1" => "none".to_string(),
            "none" => {
                return Err(AppError::field(
                    "security",
                    "Sans chiffrement, l'envoi n'est permis que vers 127.0.0.1 (un relais sur ce poste) : choisissez STARTTLS ou TLS.",
                ))
            }
            other => {
                return Err(AppError::field(
                    "security",
                    format!("Sécurité « {other} » inconnue : starttls, tls ou none (127.0.0.1 seulement)."),
                ))
            }
        };
        let row = MailAccountRow {
            host,
            port: d.port,
            security,
            username: text("username", line(&d.username, "L'identifiant", 320))?
                .unwrap_or_default(),
            from_address: address(&d.from_address, "from_address", "L'adresse d'expéditeur")?,
            from_name: text("from_name", line(&d.from_name, "Le nom d'expéditeur", 200))?
                .unwrap_or_default(),
            recorded_at: String::new(),
        };
        let now = self.now();
        self.with_store(|s| Ok(s.set_mail_account(&row, &now)?))?;
        if let Some(p) = d.password.as_deref().filter(|p| !p.is_empty()) {
            match self.config.keychain.store_secret(&self.secret_name()?, p) {
                Ok(()) => *self.mail_password_memory() = None,
                Err(courtier_vault::VaultError::KeychainUnavailable) => {
                    self.mail_session_password(p)
                }
                Err(e) => return Err(e.into()),
            }
        }
        self.mail_account()?.ok_or_else(|| {
            AppError::internal("compte de messagerie introuvable après son enregistrement")
        })
    }

    pub fn mail_templates(&self) -> Result<Vec<MailTemplateDto>, AppError> {
        let own = self.with_reader(|s| Ok(s.mail_templates()?))?;
        Ok(TemplateKind::ALL
            .into_iter()
            .map(|k| {
                let mine = own.iter().find(|t| t.kind == k.code());
                let d = k.default_template();
                MailTemplateDto {
                    kind: k.code(),
                    label: k.label(),
                    subject: mine.map_or(d.subject, |t| t.subject.clone()),
                    body: mine.map_or(d.body, |t| t.body.clone()),
                    custom: mine.is_some(),
                    fields: FIELDS.to_vec(),
                }
            })
            .collect())
    }

    pub fn mail_template(&self, kind: &str) -> Result<MailTemplateDto, AppError> {
        let k = kind_of(kind)?;
        self.mail_templates()?
            .into_iter()
            .find(|t| t.kind == k.code())
            .ok_or_else(|| AppError::internal("modèle introuvable"))
    }

    /// Records the agency's text of a template, once checked (an unknown field is named).
    pub fn mail_template_set(
        &self,
        kind: &str,
        subject: &str,
        body: &str,
    ) -> Result<MailTemplateDto, AppError> {
        let k = kind_of(kind)?;
        let t = Template {
            subject: text("subject", line(subject, "L'objet", SUBJECT_MAX))?.unwrap_or_default(),
            body: text("body", lines(body, "Le texte", BODY_MAX))?.unwrap_or_default(),
        };
        t.validate()
            .map_err(|e| AppError::field("template", format!("Modèle refusé : {e}.")))?;
        let row = MailTemplateRow {
            kind: k.code().to_string(),
            subject: t.subject,
            body: t.body,
            recorded_at: String::new(),
        };
        let now = self.now();
        self.with_store(|s| Ok(s.set_mail_template(&row, &now)?))?;
        self.mail_template(kind)
    }

    /// The message exactly as it would leave, footer included.
    pub fn mail_preview(&self, d: &MailDraft) -> Result<MailPreview, AppError> {
        Ok(self.compose(d)?.0)
    }

    fn compose(&self, d: &MailDraft) -> Result<(MailPreview, NewMailMessage), AppError> {
        let k = kind_of(&d.kind)?;
        let account = self
            .with_reader(|s| Ok(s.mail_account()?))?
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::InvalidOperation,
                    "Aucun compte de messagerie : renseignez-le dans Paramètres → Messagerie.",
                )
            })?;
        let contract = self.contract_get(d.contract_id)?;
        let client = self.client_get(contract.client_id)?;
        let claim = match d.claim_id {
            Some(id) => {
                let c = self.claim_get(id)?;
                if c.contract_id != contract.id {
                    return Err(AppError::field(
                        "claim",
                        format!("Le sinistre n° {id} n'est pas de ce contrat."),
                    ));
                }
                Some(c)
            }
            None if k.needs_claim() => {
                return Err(AppError::field(
                    "claim",
                    "Le suivi de sinistre se rédige depuis un sinistre : indiquez-le.",
                ))
            }
            None => None,
        };
        let f = &client.fields;
        let mut v: BTreeMap<&str, String> = BTreeMap::new();
        let civ = match f.civility.as_deref() {
            Some("Mme" | "Mme.") => "Madame",
            Some("M." | "M") => "Monsieur",
            _ => "",
        };
        v.insert("client.civilite", civ.to_string());
        v.insert(
            "client.nom",
            f.last_name
                .clone()
                .or_else(|| f.company_name.clone())
                .unwrap_or_default(),
        );
        v.insert("client.prenom", f.first_name.clone().unwrap_or_default());
        v.insert("contrat.numero", contract.number.clone());
        v.insert("contrat.assureur", contract.insurer.clone());
        v.insert(
            "echeance",
            contract
                .projection
                .as_ref()
                .map(|p| fr_date(&p.next_echeance))
                .unwrap_or_default(),
        );
        v.insert(
            "coefficient",
            contract.coefficient_in_force.replace('.', ","),
        );
        v.insert(
            "sinistre.date",
            claim
                .as_ref()
                .map(|c| fr_date(&c.claim.occurred_on))
                .unwrap_or_default(),
        );
        v.insert("cabinet.nom", account.from_name.clone());
        v.insert("aujourdhui", self.today().format("%d/%m/%Y").to_string());

        let t = self.mail_template(k.code())?;
        let (subject, body) = Template {
            subject: t.subject,
            body: t.body,
        }
        .render(&v)
        .map_err(|e| AppError::field("template", format!("Modèle refusé : {e}.")))?;

        // A field without a value (no civility for a company) leaves no double space behind.
        let body = body
            .lines()
            .map(|l| {
                l.split(' ')
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n");
        let insurer = if k == TemplateKind::ReleveRequest {
            self.insurer_list()?
                .into_iter()
                .find(|i| i.name.eq_ignore_ascii_case(&contract.insurer))
        } else {
            None
        };
        let default_to = match k {
            TemplateKind::ReleveRequest => insurer
                .as_ref()
                .and_then(|i| i.releve_email.clone().or_else(|| i.email.clone())),
            TemplateKind::ClaimFollowUp => claim
                .as_ref()
                .and_then(|c| c.claim.parties.iter().find_map(|p| p.email.clone())),
            _ => f.emails.first().map(|e| e.address.clone()),
        };
        let to = match d.to.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(t) => t.to_string(),
            None => default_to.ok_or_else(|| {
                AppError::field(
                    "to",
                    match k {
                        TemplateKind::ReleveRequest => format!(
                            "L'assureur « {} » n'a pas d'adresse de demande de relevé : complétez-la dans la liste des assureurs, ou indiquez le destinataire.",
                            contract.insurer
                        ),
                        TemplateKind::ClaimFollowUp => "Aucun intervenant du sinistre n'a d'adresse e-mail : indiquez le destinataire.".into(),
                        _ => "Le client n'a pas d'adresse e-mail : indiquez le destinataire.".into(),
                    },
                )
            })?,
        };
        let to = address(&to, "to", "Le destinataire")?;

        let mut attachments = Vec::new();
        for id in &d.attachments {
            let doc = self.document_get(*id)?;
            let belongs = match doc.owner {
                courtier_port::DocumentOwner::Client(c) => c == client.id,
                courtier_port::DocumentOwner::Contract(c) => c == contract.id,
                courtier_port::DocumentOwner::Claim(c) => contract.claims.iter().any(|k| k.id == c),
            };
            if !belongs {
                return Err(AppError::field(
                    "attach",
                    format!("Le document n° {id} n'appartient pas au dossier de ce client."),
                ));
            }
            if doc.state != courtier_port::DocumentState::Active {
                return Err(AppError::field(
                    "attach",
                    format!("Le document n° {id} est dans la corbeille."),
                ));
            }
            attachments.push(MailAttachment {
                document_id: doc.id,
                file_name: doc.file_name.clone(),
                sha256: doc.sha256.clone(),
            });
        }

        let head = self
            .with_store(|s| Ok(s.journal_head()?))?
            .map(|h| h.printed())
            .unwrap_or_else(|| "(journal vide)".into());
        let body = format!(
            "{}\n\n-- \nEnvoyé avec Courtier. Empreinte du journal de l'agence : {head}\n",
            body.trim_end()
        );
        let releve_request = (k == TemplateKind::ReleveRequest)
            .then(|| (insurer.as_ref().map(|i| i.id), self.today()));
        let message = NewMailMessage {
            kind: k.code().to_string(),
            client_id: client.id,
            contract_id: Some(contract.id),
            claim_id: d.claim_id,
            to_address: to.clone(),
            subject: subject.clone(),
            body: body.clone(),
            attachments: attachments.clone(),
            releve_request,
        };
        let preview = MailPreview {
            kind: k.code(),
            label: k.label(),
            from: if account.from_name.is_empty() {
                account.from_address.clone()
            } else {
                format!("{} <{}>", account.from_name, account.from_address)
            },
            mailto: mailto(&to, &subject, &body),
            to,
            subject,
            body,
            attachments,
            client_id: client.id,
        };
        Ok((preview, message))
    }

    /// Sends the message the broker confirmed (`confirmed` must be true: nothing leaves by
    /// itself). The message is recorded first; if it does not leave, it stays in the outbox
    /// with the reason, and the answer says so (`sent: false`).
    pub fn mail_send(&self, d: &MailDraft, confirmed: bool) -> Result<MailMessageDto, AppError> {
        if !confirmed {
            return Err(AppError::new(
                ErrorCode::InvalidOperation,
                "Le message n'est pas parti : il doit être relu et confirmé avant l'envoi.",
            ));
        }
        let (_, message) = self.compose(d)?;
        let now = self.now();
        let id = self.with_store(|s| Ok(s.record_mail_message(&message, &now)?))?;
        self.attempt(id)
    }

    /// Tries once more every message of the outbox (or only `id`): what each became.
    pub fn mail_retry(&self, id: Option<i64>) -> Result<Vec<MailMessageDto>, AppError> {
        let ids: Vec<i64> = match id {
            Some(id) => vec![id],
            None => self.mail_outbox()?.into_iter().map(|m| m.id).collect(),
        };
        ids.into_iter().map(|id| self.attempt(id)).collect()
    }

    pub fn mail_outbox(&self) -> Result<Vec<MailMessageDto>, AppError> {
        Ok(self
            .with_reader(|s| Ok(s.mail_outbox()?))?
            .into_iter()
            .map(dto)
            .collect())
    }

    pub fn mail_of_client(&self, client_id: i64) -> Result<Vec<MailMessageDto>, AppError> {
        Ok(self
            .with_reader(|s| Ok(s.mail_messages_of_client(client_id)?))?
            .into_iter()
            .map(dto)
            .collect())
    }

    fn attempt(&self, id: i64) -> Result<MailMessageDto, AppError> {
        let m = self.with_reader(|s| Ok(s.mail_message(id)?))?;
        if m.is_sent() {
            return Err(AppError::new(
                ErrorCode::InvalidOperation,
                format!("Le message n° {id} est déjà parti."),
            ));
        }
        let account = self
            .with_reader(|s| Ok(s.mail_account()?))?
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::InvalidOperation,
                    "Aucun compte de messagerie : renseignez-le dans Paramètres → Messagerie.",
                )
            })?;
        let password = self.mail_password()?;
        let outcome = if !account.username.is_empty() && password.is_none() {
            Err("mot de passe du compte de messagerie non fourni (aucun trousseau : donnez-le pour cette session)".to_string())
        } else {
            let mut files = Vec::new();
            let mut missing = None;
            for a in &m.message.attachments {
                match self.document_bytes(a.document_id) {
                    Ok(bytes) => {
                        let mime = self
                            .document_get(a.document_id)
                            .map(|d| d.mime)
                            .unwrap_or("application/octet-stream");
                        files.push(smtp::OutgoingFile {
                            name: a.file_name.clone(),
                            mime: mime.to_string(),
                            bytes,
                        });
                    }
                    Err(e) => {
                        missing = Some(format!(
                            "pièce jointe n° {} illisible : {}",
                            a.document_id, e.message
                        ))
                    }
                }
            }
            match missing {
                Some(r) => Err(r),
                None => smtp::send(&smtp::Outgoing {
                    account: &account,
                    password: password.as_ref().map(|p| p.as_str()),
                    to: &m.message.to_address,
                    subject: &m.message.subject,
                    body: &m.message.body,
                    files,
                }),
            }
        };
        let now = self.now();
        let reason = outcome.err();
        self.with_store(|s| Ok(s.record_mail_attempt(id, reason.as_deref(), &now)?))?;
        Ok(dto(self.with_reader(|s| Ok(s.mail_message(id)?))?))
    }
}
