//! `courtier notice …`: the avis d'échéance sent (Chatel) and the renewal settings.

use crate::args::notice::NoticeCommand;
use crate::output::{print_json, print_list};
use courtier_app::renewals::{AvisSentDto, RenewalSettings};
use courtier_app::{AppError, Courtier};

/// `2027-03-01` → `01/03/2027`.
pub(crate) fn fr(iso: &str) -> String {
    match iso.split('-').collect::<Vec<_>>()[..] {
        [y, m, d] => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

fn line(a: &AvisSentDto) -> String {
    format!(
        "{:>6}  échéance du {}  envoyé le {} ({})\n        {}",
        a.id,
        fr(&a.echeance),
        fr(&a.sent_on),
        a.channel,
        a.chatel
            .as_deref()
            .unwrap_or("Loi Chatel non applicable (contrat professionnel ou d'une entreprise).")
    )
}

pub fn run(app: &Courtier, c: NoticeCommand) -> Result<(), AppError> {
    match c {
        NoticeCommand::Print { contract, out } => {
            super::identity::write_pdf(&app.notice_pdf(contract)?, &out)
        }
        NoticeCommand::Sent {
            contract,
            echeance,
            on,
            channel,
            json,
        } => {
            let a = app.avis_sent(contract, &echeance, &on, &channel)?;
            if json {
                return print_json(&a);
            }
            println!("Avis d'échéance enregistré pour le contrat {contract}.");
            println!("{}", line(&a));
            Ok(())
        }
        NoticeCommand::List { contract, json } => print_list(
            &app.avis_of_contract(contract)?,
            json,
            &format!("Aucun avis d'échéance enregistré pour le contrat {contract}."),
            line,
        ),
        NoticeCommand::Settings {
            claim_silence_days,
            advice_review_months,
            ics_client_names,
            json,
        } => {
            let mut s = app.renewal_settings()?;
            let change = claim_silence_days.is_some()
                || advice_review_months.is_some()
                || ics_client_names.is_some();
            if let Some(d) = claim_silence_days {
                s.claim_silence_days = d;
            }
            if let Some(m) = advice_review_months {
                s.advice_review_months = m;
            }
            if let Some(n) = ics_client_names {
                s.ics_client_names = match n.trim() {
                    "oui" => true,
                    "non" => false,
                    other => {
                        return Err(AppError::field(
                            "icsClientNames",
                            format!("« {other} » : répondez oui ou non."),
                        ))
                    }
                };
            }
            let s: RenewalSettings = if change {
                app.set_renewal_settings(s)?
            } else {
                s
            };
            if json {
                return print_json(&s);
            }
            println!(
                "Relance d'un sinistre sans nouvelles : après {} jours.",
                s.claim_silence_days
            );
            match s.advice_review_months {
                0 => println!("Réexamen du conseil : aucun."),
                m => println!("Réexamen du conseil : tous les {m} mois."),
            }
            println!(
                "Noms des clients dans le fichier .ics : {}.",
                if s.ics_client_names { "oui" } else { "non" }
            );
            Ok(())
        }
    }
}
