//! Printing: JSON, lists, and the lines and blocks several nouns print the same way.

use courtier_app::AppError;
use courtier_domain::client::ClientStatus;
use courtier_domain::vocabulary::{AmountKind, Channel, Direction, PartyRole};
use courtier_domain::{Coefficient, Money};

// The French words for the codes the app sends, from the domain's vocabulary. A code that is not
// one of its family's (should not happen) is printed as it is.

/// A coefficient as the app sends it ("0.85"), the French way ("0,85").
pub fn coef(s: &str) -> String {
    Coefficient::parse(s).map_or_else(|_| s.to_string(), |c| c.fr())
}

/// An amount as the app sends it ("1234.56"), the French way ("1 234,56 €").
pub fn money(s: &str) -> String {
    Money::parse_signed(s).map_or_else(|_| s.to_string(), |m| m.to_string())
}

/// "former" → "Ancien client", as the UI says.
pub fn client_status(code: &str) -> &str {
    ClientStatus::parse(code).map_or(code, |x| x.label())
}

/// "reglement" → "Règlement".
pub fn amount_kind(code: &str) -> &str {
    AmountKind::parse(code).map_or(code, |x| x.label())
}

/// "assureur_tiers" → "Assureur du tiers".
pub fn party_role(code: &str) -> &str {
    PartyRole::parse(code).map_or(code, |x| x.label())
}

/// "rendez_vous" → "rendez-vous".
pub fn channel(code: &str) -> &str {
    Channel::parse(code).map_or(code, |x| x.in_sentence())
}

/// When an exchange happened, the French way: `2026-11-23T14:05` → `23/11/2026 14:05`,
/// `2026-11-23` → `23/11/2026` (the text itself when it is neither).
pub fn when(at: &str) -> String {
    let (day, time) = at.split_once('T').unwrap_or((at, ""));
    let day = match day.split('-').collect::<Vec<_>>()[..] {
        [y, m, d] => format!("{d}/{m}/{y}"),
        _ => day.to_string(),
    };
    match time {
        "" => day,
        t => format!("{day} {t}"),
    }
}

/// "entrant" → "reçu".
pub fn direction(code: &str) -> &str {
    Direction::parse(code).map_or(code, |x| x.in_sentence())
}

/// A list as JSON, or a line per item (a sentence when there is none).
pub fn print_list<T: serde::Serialize>(
    items: &[T],
    json: bool,
    empty: &str,
    line: impl Fn(&T) -> String,
) -> Result<(), AppError> {
    if json {
        return print_json(&items);
    }
    if items.is_empty() {
        println!("{empty}");
    }
    for i in items {
        println!("{}", line(i));
    }
    Ok(())
}

pub fn print_json(v: &impl serde::Serialize) -> Result<(), AppError> {
    let s = serde_json::to_string_pretty(v).map_err(AppError::internal)?;
    println!("{s}");
    Ok(())
}

pub fn print_revisions(revisions: &[courtier_app::RevisionDto]) {
    for r in revisions {
        println!(
            "  Corrigé le {} ({}) ; valeurs précédentes : {}",
            r.recorded_at,
            r.reason.as_deref().unwrap_or("sans motif"),
            r.previous
        );
    }
}

pub fn vehicle_line(v: &courtier_app::VehicleDto) -> String {
    let period = match &v.to_date {
        Some(t) => format!("du {} au {}", v.from_date, t),
        None => format!("depuis le {}", v.from_date),
    };
    format!(
        "Véhicule {} : {} {} {} ({period}){}",
        v.id,
        v.registration,
        v.make.as_deref().unwrap_or(""),
        v.model.as_deref().unwrap_or(""),
        v.transfer_note
            .as_deref()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default()
    )
}

pub fn driver_line(d: &courtier_app::DriverDto) -> String {
    format!(
        "Conducteur {} ({}) : {} {}{}{}{}{}",
        d.id,
        d.role.in_sentence(),
        d.first_name.as_deref().unwrap_or(""),
        d.last_name,
        d.to_date
            .as_deref()
            .map(|t| format!(", désignation close le {t}"))
            .unwrap_or_default(),
        d.licence_date
            .as_deref()
            .map(|l| format!(", permis du {l}"))
            .unwrap_or_default(),
        if d.aac { ", AAC" } else { "" },
        if d.novice {
            " — jeune conducteur"
        } else {
            ""
        }
    )
}

pub fn print_contract(k: &courtier_app::ContractRecord) {
    println!(
        "Contrat {} ({}) de {} (client {}) : {} n° {}, souscrit le {}, échéance annuelle à partir du {}",
        k.id,
        k.product.label(),
        k.client_name,
        k.client_id,
        k.insurer,
        k.number,
        k.subscription_date,
        k.first_echeance
    );
    println!(
        "  État : {} ; usage : {}",
        k.status.label(),
        k.usage.label()
    );
    print_revisions(&k.revisions);
    if !k.clause_applies {
        println!("  Hors clause de réduction-majoration (R1) : coefficient 1,00.");
    }
    println!(
        "  Coefficient en vigueur : {}",
        coef(&k.coefficient_in_force)
    );
    for e in &k.coefficient_history {
        println!("    échéance du {} : {}", e.echeance, coef(&e.coefficient));
    }
    if k.protection_active {
        println!("  Protection à 0,50 acquise : le prochain sinistre responsable ne majorera pas.");
    }
    if let Some(p) = &k.projection {
        println!(
            "  Prochaine échéance le {} : {} si rien ne change ; un sinistre aujourd'hui compterait le {} : {} (responsable), {} (partiellement)",
            p.next_echeance,
            coef(&p.if_nothing_happens),
            p.claim_counts_at,
            coef(&p.with_full_claim),
            coef(&p.with_partial_claim)
        );
    }
    if let Some(p) = &k.next_premium {
        let at = k.projection.as_ref().map_or(String::new(), |x| {
            format!(" à l'échéance du {}", x.next_echeance)
        });
        println!(
            "  Prochaine prime{at} : {} (dont {} modulés, {} non modulés)",
            money(&p.total),
            money(&p.after_coefficient),
            money(&p.not_modulated)
        );
        for s in &p.surcharges {
            let fact = s.fact.as_ref().map_or(String::new(), |f| format!(" ({f})"));
            let cap = if s.capped {
                format!(", ramenée de {} % par le plafond de 400 %", s.full_rate)
            } else {
                String::new()
            };
            println!(
                "    Majoration A121-1-2 : {}{fact} {} % = {}, jusqu'à l'échéance du {}{cap}",
                s.label,
                s.rate,
                money(&s.amount),
                s.until
            );
        }
    }
    for a in &k.aggravations {
        println!(
            "  Fait aggravant {}",
            crate::cmd::aggravation::aggravation_line(a).trim_start()
        );
    }
    for v in &k.vehicles {
        println!("  {}", vehicle_line(v));
    }
    for d in &k.drivers {
        println!("  {}", driver_line(d));
    }
    for c in &k.claims {
        let history: Vec<String> = c
            .qualifications
            .iter()
            .map(|q| format!("{} le {}", q.responsibility.fr(), q.found_on))
            .collect();
        println!(
            "  Sinistre {} du {} : {} ; {} ({}) ; état {}",
            c.id,
            c.occurred_on,
            c.kind.fr(),
            c.responsibility.fr(),
            history.join(" → "),
            c.status.in_sentence()
        );
    }
}
