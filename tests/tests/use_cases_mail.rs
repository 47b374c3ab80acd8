//! Follow-ups by e-mail against a real SMTP server (Debian's python3-aiosmtpd), started by each
//! test on 127.0.0.1 and a free port; what arrived is read back with Python's e-mail parser.
#![allow(clippy::unwrap_used)]

use courtier_app::mail::{MailAccountDraft, MailDraft};
use courtier_app::{DocumentDraft, InsurerDraft};
use courtier_journeys::{helene, TempAgency};
use courtier_port::DocumentOwner;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Debian's interpreter (where python3-aiosmtpd is), unless COURTIER_TEST_PYTHON names another.
fn python() -> String {
    std::env::var("COURTIER_TEST_PYTHON").unwrap_or_else(|_| {
        if Path::new("/usr/bin/python3").exists() {
            "/usr/bin/python3".into()
        } else {
            "python3".into()
        }
    })
}

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("mail")
        .join(name)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The test's SMTP server: stopped when dropped.
struct Smtp {
    child: Child,
    dir: PathBuf,
}

impl Smtp {
    fn start(port: u16, dir: &Path, refused: &[&str]) -> Smtp {
        let mut child = Command::new(python())
            .arg(script("smtp_sink.py"))
            .arg(port.to_string())
            .arg(dir)
            .args(refused)
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 with aiosmtpd (scripts/install-deps.sh test)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "ready", "the SMTP server did not start");
        Smtp {
            child,
            dir: dir.to_path_buf(),
        }
    }

    /// The `n`-th message received (1-based), as Python's parser reads it.
    fn received(&self, n: usize) -> serde_json::Value {
        let path = self.dir.join(format!("{n}.eml"));
        let t = Instant::now();
        while !path.exists() {
            assert!(
                t.elapsed() < Duration::from_secs(10),
                "no message {n} arrived"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let out = Command::new(python())
            .arg(script("read_eml.py"))
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    fn count(&self) -> usize {
        std::fs::read_dir(&self.dir)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "eml"))
            })
            .count()
    }
}

impl Drop for Smtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn account(a: &TempAgency, port: u16) {
    a.mail_account_set(&MailAccountDraft {
        host: "127.0.0.1".into(),
        port,
        security: "none".into(),
        username: String::new(),
        from_address: "cabinet@courtage-exemple.fr".into(),
        from_name: "Cabinet Durand Courtage".into(),
        password: None,
    })
    .unwrap();
}

fn draft(kind: &str, contract_id: i64) -> MailDraft {
    MailDraft {
        kind: kind.into(),
        contract_id,
        ..Default::default()
    }
}

#[test]
fn each_template_reaches_a_real_smtp_server_in_french_with_its_attachment_and_its_log() {
    let a = TempAgency::new();
    let sink_dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let smtp = Smtp::start(port, sink_dir.path(), &[]);
    account(&a, port);
    let client = a.client().from(helene()).id();
    let k = a.contract(client).create();
    let claim = a.claim(k.id).on("2026-06-10").full().id();
    let ins = a
        .insurer_list()
        .unwrap()
        .into_iter()
        .find(|i| i.name == k.insurer)
        .unwrap();
    a.insurer_update(
        ins.id,
        &InsurerDraft {
            releve_email: Some("releves@assureur-exemple.fr".into()),
            ..Default::default()
        },
    )
    .unwrap();
    a.claim_party_add(
        claim,
        &courtier_app::PartyDto {
            id: 0,
            role: "expert".into(),
            name: "Cabinet Expertise Ouest".into(),
            phone: None,
            email: Some("expert@expertise-exemple.fr".into()),
            address: None,
            reference: None,
        },
    )
    .unwrap();
    let pdf_bytes = courtier_app::documents::samples::pdf(&["Relevé de coefficient"], None, 0);
    let pdf_path = a.path().join("releve-coefficient.pdf");
    std::fs::write(&pdf_path, &pdf_bytes).unwrap();
    let doc = a
        .document_attach(
            DocumentOwner::Contract(k.id),
            &pdf_path,
            &DocumentDraft {
                kind: "releve_information".into(),
                date: None,
                note: None,
            },
        )
        .unwrap()
        .document;
    let head = a.verify(None).unwrap().head.unwrap();

    // The updated coefficient, with the statement attached.
    let mut d = draft("coefficient", k.id);
    d.attachments = vec![doc.id];
    let preview = a.mail_preview(&d).unwrap();
    assert_eq!(preview.to, "helene.lefevre@exemple.fr");
    assert!(
        preview.body.contains("Bonjour Madame Lefèvre"),
        "{}",
        preview.body
    );
    assert!(
        preview
            .body
            .contains(&format!("Empreinte du journal de l'agence : {head}")),
        "{head} / {}",
        preview.body
    );
    assert!(preview
        .mailto
        .starts_with("mailto:helene.lefevre@exemple.fr?subject="));
    // Nothing leaves unconfirmed.
    let refused = a.mail_send(&d, false).unwrap_err();
    assert_eq!(refused.code, "invalid_operation");
    assert_eq!(smtp.count(), 0);
    let sent = a.mail_send(&d, true).unwrap();
    assert!(sent.sent, "{:?}", sent.reason);
    let got = smtp.received(1);
    assert_eq!(got["to"], "helene.lefevre@exemple.fr");
    assert_eq!(
        got["from"],
        "Cabinet Durand Courtage <cabinet@courtage-exemple.fr>"
    );
    assert_eq!(
        got["subject"],
        format!(
            "Votre coefficient de bonus-malus : {}",
            k.coefficient_in_force.replace('.', ",")
        )
    );
    let text = got["text"].as_str().unwrap();
    assert!(
        text.contains("réduction-majoration de votre contrat n° AUTO-2021-0042"),
        "{text}"
    );
    assert!(text.contains(&head), "{text}");
    assert_eq!(got["attachments"][0]["name"], "releve-coefficient.pdf");
    assert_eq!(got["attachments"][0]["type"], "application/pdf");
    assert_eq!(got["attachments"][0]["sha256"], doc.sha256);
    assert_eq!(sent.attachments[0].sha256, doc.sha256);

    // The renewal notice and the missing document, to the client.
    for (n, kind, words) in [
        (2, "avis_echeance", "arrive à échéance le 01/01/2027"),
        (3, "piece_manquante", "il nous manque une pièce"),
    ] {
        assert!(a.mail_send(&draft(kind, k.id), true).unwrap().sent);
        let got = smtp.received(n);
        assert!(
            got["text"].as_str().unwrap().contains(words),
            "{kind}: {got}"
        );
    }
    // The relevé request goes to the insurer's relevé address and starts the clock.
    let r = a.mail_send(&draft("demande_releve", k.id), true).unwrap();
    assert!(r.sent);
    let got = smtp.received(4);
    assert_eq!(got["to"], "releves@assureur-exemple.fr");
    assert!(got["subject"].as_str().unwrap().contains("Hélène Lefèvre"));
    // The claim follow-up goes to the expert, and into the claim's exchange log.
    let mut f = draft("suivi_sinistre", k.id);
    f.claim_id = Some(claim);
    assert!(a.mail_send(&f, true).unwrap().sent);
    let got = smtp.received(5);
    assert_eq!(got["to"], "expert@expertise-exemple.fr");
    assert!(got["text"]
        .as_str()
        .unwrap()
        .contains("sinistre survenu le 10/06/2026"));
    let page = a.claim_get(claim).unwrap();
    assert!(page
        .claim
        .communications
        .iter()
        .any(|c| c.summary.contains("expert@expertise-exemple.fr")));

    let all = a.mail_of_client(client).unwrap();
    assert_eq!(all.len(), 5);
    assert!(all.iter().all(|m| m.sent));
    // Every message sent is on the client's timeline, the statement's hash beside its name.
    let t = a
        .client_timeline(client, &courtier_app::TimelineQuery::default())
        .unwrap();
    let mails: Vec<_> = t
        .entries
        .iter()
        .filter(|e| e.kind == "echange" && e.title.starts_with("Courriel envoyé à "))
        .collect();
    assert_eq!(mails.len(), 5, "{:?}", t.entries);
    assert!(mails.iter().any(|e| e
        .detail
        .as_deref()
        .is_some_and(|d| d.contains("releve-coefficient.pdf") && d.contains(&doc.sha256))));
    assert!(a.mail_outbox().unwrap().is_empty());
    let check = a.verify(None).unwrap();
    assert!(check.ok(), "{:?}", check.problems);
}

#[test]
fn with_the_server_down_the_message_waits_in_the_outbox_then_leaves_once_it_is_up() {
    let a = TempAgency::new();
    let sink_dir = tempfile::tempdir().unwrap();
    let port = free_port();
    account(&a, port);
    let client = a.client().from(helene()).id();
    let k = a.contract(client).create();
    let m = a.mail_send(&draft("avis_echeance", k.id), true).unwrap();
    assert!(!m.sent);
    let reason = m.reason.clone().unwrap();
    assert!(
        reason.starts_with("serveur de messagerie injoignable"),
        "{reason}"
    );
    let outbox = a.mail_outbox().unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].reason.as_deref(), Some(reason.as_str()));
    // On the timeline, waiting, with the reason; then sent, the same entry.
    let on_timeline = |a: &TempAgency| {
        a.contract_timeline(k.id, &courtier_app::TimelineQuery::default())
            .unwrap()
            .entries
            .into_iter()
            .filter(|e| e.title.starts_with("Courriel "))
            .collect::<Vec<_>>()
    };
    let waiting = on_timeline(&a);
    assert_eq!(waiting.len(), 1);
    assert!(waiting[0]
        .title
        .starts_with("Courriel en attente d'envoi à "));
    assert!(waiting[0].detail.as_deref().unwrap().contains(&reason));

    let smtp = Smtp::start(port, sink_dir.path(), &[]);
    let retried = a.mail_retry(None).unwrap();
    assert_eq!(retried.len(), 1);
    assert!(retried[0].sent, "{:?}", retried[0].reason);
    assert_eq!(retried[0].attempts.len(), 2);
    assert!(smtp.received(1)["text"]
        .as_str()
        .unwrap()
        .contains("AUTO-2021-0042"));
    assert!(a.mail_outbox().unwrap().is_empty());
    let sent = on_timeline(&a);
    assert_eq!(sent.len(), 1);
    assert!(sent[0].title.starts_with("Courriel envoyé à "), "{sent:?}");
    // Sent once, never twice.
    assert_eq!(
        a.mail_retry(Some(m.id)).unwrap_err().code,
        "invalid_operation"
    );
}

#[test]
fn a_refused_address_is_kept_with_the_servers_reason() {
    let a = TempAgency::new();
    let sink_dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let smtp = Smtp::start(port, sink_dir.path(), &["inconnu@exemple.fr"]);
    account(&a, port);
    let client = a.client().from(helene()).id();
    let k = a.contract(client).create();
    let mut d = draft("piece_manquante", k.id);
    d.to = Some("inconnu@exemple.fr".into());
    let m = a.mail_send(&d, true).unwrap();
    assert!(!m.sent);
    let reason = m.reason.unwrap();
    assert!(
        reason.starts_with("adresse refusée par le serveur (code SMTP 550"),
        "{reason}"
    );
    assert_eq!(a.mail_outbox().unwrap().len(), 1);
    assert_eq!(smtp.count(), 0);
}

#[test]
fn account_and_templates_are_checked_in_french() {
    let a = TempAgency::new();
    let e = a
        .mail_account_set(&MailAccountDraft {
            host: "smtp.exemple.fr".into(),
            port: 25,
            security: "none".into(),
            from_address: "cabinet@exemple.fr".into(),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(e.code, "invalid:security");
    assert!(e.message.contains("127.0.0.1"));
    let e = a
        .mail_account_set(&MailAccountDraft {
            host: "smtp.exemple.fr".into(),
            port: 587,
            security: "starttls".into(),
            from_address: "pas une adresse".into(),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(e.code, "invalid:from_address");
    // The password goes to the keychain, never to the agency file.
    let acc = a
        .mail_account_set(&MailAccountDraft {
            host: "smtp.exemple.fr".into(),
            port: 587,
            security: "starttls".into(),
            username: "cabinet".into(),
            from_address: "cabinet@exemple.fr".into(),
            from_name: "Cabinet".into(),
            password: Some("secret-smtp-42".into()),
        })
        .unwrap();
    assert_eq!(acc.password, "trousseau");

    let e = a
        .mail_template_set(
            "avis_echeance",
            "Échéance {echeance}",
            "Bonjour {client.nom}, {contrat.numro}",
        )
        .unwrap_err();
    assert_eq!(e.code, "invalid:template");
    assert!(e.message.contains("{contrat.numro}"), "{}", e.message);
    let t = a
        .mail_template_set(
            "avis_echeance",
            "Échéance du {echeance}",
            "Bonjour {client.nom}.",
        )
        .unwrap();
    assert!(t.custom);
    assert_eq!(
        a.mail_template("avis_echeance").unwrap().subject,
        "Échéance du {echeance}"
    );
    assert_eq!(a.mail_template("inconnu").unwrap_err().code, "invalid:kind");
}
