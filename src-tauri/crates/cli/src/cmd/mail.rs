//! `courtier mail …`: the SMTP account, templates, sending after confirmation, the outbox.

use crate::args::mail::{AccountCommand, MailCommand, SendArgs, TemplateCommand};
use crate::input::{read_input, read_stdin_line};
use crate::output::print_json;
use courtier_app::mail::{
    MailAccountDraft, MailAccountDto, MailDraft, MailMessageDto, MailPreview, MailTemplateDto,
};
use courtier_app::{AppError, Courtier, ErrorCode};
use std::io::Write;

pub fn run(app: &Courtier, c: MailCommand) -> Result<(), AppError> {
    match c {
        MailCommand::Account(AccountCommand::Show { json }) => {
            let a = app.mail_account()?;
            if json {
                return print_json(&a);
            }
            match a {
                Some(a) => print_account(&a),
                None => println!("Aucun compte de messagerie."),
            }
            Ok(())
        }
        MailCommand::Account(AccountCommand::Set {
            host,
            port,
            security,
            user,
            from,
            name,
            password_stdin,
            json,
        }) => {
            let password = if password_stdin {
                Some(read_stdin_line()?)
            } else {
                None
            };
            let a = app.mail_account_set(&MailAccountDraft {
                host,
                port,
                security,
                username: user,
                from_address: from,
                from_name: name,
                password,
            })?;
            if json {
                return print_json(&a);
            }
            print_account(&a);
            Ok(())
        }
        MailCommand::Template(TemplateCommand::List { json }) => {
            let all = app.mail_templates()?;
            if json {
                return print_json(&all);
            }
            for t in &all {
                let own = if t.custom { " (modifié)" } else { "" };
                println!("{}\t{}{own}", t.kind, t.label);
            }
            if let Some(t) = all.first() {
                println!("\nChamps :");
                for (f, what) in &t.fields {
                    println!("  {{{f}}}\t{what}");
                }
            }
            Ok(())
        }
        MailCommand::Template(TemplateCommand::Show { kind, json }) => {
            let t = app.mail_template(&kind)?;
            if json {
                return print_json(&t);
            }
            print_template(&t);
            Ok(())
        }
        MailCommand::Template(TemplateCommand::Set {
            kind,
            subject,
            body_file,
        }) => {
            let body = read_input(&body_file)?;
            print_template(&app.mail_template_set(&kind, &subject, &body)?);
            Ok(())
        }
        MailCommand::Send(a) => send(app, a),
        MailCommand::Outbox {
            retry,
            password_stdin,
            json,
        } => {
            if password_stdin {
                app.mail_session_password(&read_stdin_line()?);
            }
            let list = if retry {
                app.mail_retry(None)?
            } else {
                app.mail_outbox()?
            };
            if json {
                return print_json(&list);
            }
            if list.is_empty() {
                println!("Boîte d'envoi vide.");
            }
            for m in &list {
                print_message_line(m);
            }
            Ok(())
        }
    }
}

fn print_account(a: &MailAccountDto) {
    let password = match a.password {
        "trousseau" => "dans le trousseau du système",
        "memoire" => "en mémoire pour cette session (aucun trousseau)",
        _ => "non fourni (demandé à l'envoi)",
    };
    println!("Serveur : {}:{} ({})", a.host, a.port, a.security);
    println!(
        "Identifiant : {}",
        if a.username.is_empty() {
            "(aucun)"
        } else {
            &a.username
        }
    );
    println!("Expéditeur : {} <{}>", a.from_name, a.from_address);
    println!("Mot de passe : {password}");
}

fn print_template(t: &MailTemplateDto) {
    println!("{} — {}", t.kind, t.label);
    println!("Objet : {}", t.subject);
    println!("\n{}", t.body);
}

fn print_preview(p: &MailPreview) {
    println!("De : {}", p.from);
    println!("À : {}", p.to);
    println!("Objet : {}", p.subject);
    for a in &p.attachments {
        println!(
            "Pièce jointe : {} (document n° {}, SHA-256 {})",
            a.file_name, a.document_id, a.sha256
        );
    }
    println!("\n{}", p.body);
}

fn print_message_line(m: &MailMessageDto) {
    let state = if m.sent {
        "envoyé".to_string()
    } else {
        format!(
            "en attente : {}",
            m.reason.as_deref().unwrap_or("jamais essayé")
        )
    };
    println!(
        "n° {}\t{}\t{}\t« {} »\t{state}",
        m.id, m.recorded_at, m.to, m.subject
    );
}

fn send(app: &Courtier, a: SendArgs) -> Result<(), AppError> {
    if a.password_stdin && !a.yes {
        return Err(AppError::field(
            "yes",
            "--password-stdin lit toute l'entrée standard : ajoutez --yes (le message est tout de même affiché).",
        ));
    }
    if a.password_stdin {
        app.mail_session_password(&read_stdin_line()?);
    }
    let d = MailDraft {
        kind: a.template,
        contract_id: a.contract,
        claim_id: a.claim,
        to: a.to,
        attachments: a.attach,
    };
    let preview = app.mail_preview(&d)?;
    if !a.json {
        print_preview(&preview);
    }
    let confirmed = a.yes || {
        eprint!("\nEnvoyer ce message ? [o/N] ");
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().read_line(&mut answer);
        matches!(answer.trim().to_lowercase().as_str(), "o" | "oui")
    };
    if !confirmed {
        return Err(AppError::new(
            ErrorCode::InvalidOperation,
            "Message non envoyé : il n'a pas été confirmé.",
        ));
    }
    let m = app.mail_send(&d, true)?;
    if a.json {
        return print_json(&m);
    }
    if m.sent {
        println!("\nMessage n° {} envoyé à {}.", m.id, m.to);
        Ok(())
    } else {
        Err(AppError::new(
            ErrorCode::InvalidOperation,
            format!(
                "Le message n° {} n'est pas parti ({}) ; il attend dans la boîte d'envoi : courtier mail outbox --retry.",
                m.id,
                m.reason.unwrap_or_default()
            ),
        ))
    }
}
