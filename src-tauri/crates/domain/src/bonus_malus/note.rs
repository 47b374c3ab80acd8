//! The calculation note (note de calcul) in plain French, readable by a client.

use super::trace::{ClaimTrace, PeriodTrace, Step, Trace};
use super::Usage;
use chrono::NaiveDate;
use std::fmt::Write;

fn d(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// "1.1875" → "1,1875".
fn fr(s: &str) -> String {
    s.replace('.', ",")
}

fn claim_line(c: &ClaimTrace) -> String {
    let mut s = String::new();
    if let Some(date) = c.date {
        let _ = write!(s, "{} : ", d(date));
    }
    let _ = write!(s, "{}, {}", c.kind.fr(), c.responsibility.fr());
    if let Some(r) = &c.requalification {
        let _ = write!(s, " ({r})");
    }
    let _ = write!(
        s,
        " — {} : {} ({})",
        if c.counted {
            "pris en compte"
        } else {
            "non pris en compte"
        },
        c.reason,
        c.rule
    );
    s
}

fn period_title(p: &PeriodTrace) -> String {
    match (p.start, p.end, p.echeance) {
        // R13: a first échéance less than two months after the subscription.
        (Some(s), Some(e), Some(ech)) if e <= s => format!(
            "Première période vide (souscription le {}, échéance du {})",
            d(s),
            d(ech)
        ),
        (Some(s), Some(e), Some(ech)) => format!(
            "Période du {} au {} (échéance du {})",
            d(s),
            d(e - chrono::Duration::days(1)),
            d(ech)
        ),
        _ => format!("Période {}", p.index),
    }
}

fn counted_summary(p: &PeriodTrace) -> String {
    let counted: Vec<&ClaimTrace> = p.claims.iter().filter(|c| c.counted).collect();
    match counted.len() {
        0 => "aucun sinistre responsable".to_string(),
        n => {
            let dates: Vec<String> = counted.iter().filter_map(|c| c.date).map(d).collect();
            let label = if n == 1 {
                "1 sinistre responsable".to_string()
            } else {
                format!("{n} sinistres responsables")
            };
            if dates.is_empty() {
                label
            } else {
                format!("{label} ({})", dates.join(", "))
            }
        }
    }
}

/// "3 mois et 2 jours", "5 mois".
fn length_fr(months: u32, days: u32) -> String {
    let m = format!("{months} mois");
    match days {
        0 => m,
        1 => format!("{m} et 1 jour"),
        n => format!("{m} et {n} jours"),
    }
}

/// The note of a contract outside the clause (R1, A121-1 and A121-2): no history is computed
/// as if it applied.
pub fn render_outside_clause() -> String {
    "Note de calcul du coefficient de réduction-majoration\n\
     (clause type, annexe à l'article A121-1 du Code des assurances)\n\n\
     Ce contrat est hors de la clause de réduction-majoration (art. A121-1 et A121-2 du Code des \
     assurances) : aucun coefficient ne module la prime, qui reste au coefficient 1,00 à chaque \
     échéance.\n"
        .to_string()
}

/// Renders a trace as the French calculation note.
pub fn render(t: &Trace) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "Note de calcul du coefficient de réduction-majoration");
    let _ = writeln!(
        s,
        "(clause type, annexe à l'article A121-1 du Code des assurances)"
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "Coefficient de départ : {} ; usage : {}.",
        t.start_coefficient.fr(),
        match t.usage {
            Usage::Standard => "standard (réduction 5 %, majoration 25 %)",
            Usage::Tournees => "tournées ou tous déplacements (réduction 7 %, majoration 20 %)",
        }
    );
    let _ = writeln!(
        s,
        "Règles appliquées : {}.",
        t.options.describe_fr().join(" ; ")
    );
    for p in &t.periods {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "{} : {} → {}",
            period_title(p),
            counted_summary(p),
            explain(p)
        );
        for c in &p.claims {
            let _ = writeln!(s, "  - {}", claim_line(c));
        }
        let _ = writeln!(s, "  Coefficient à l'échéance : {}", p.after.fr());
    }
    if !t.outside.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Sinistres hors des périodes calculées :");
        for c in &t.outside {
            let _ = writeln!(s, "  - {}", claim_line(c));
        }
    }
    if let Some(last) = t.periods.last() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Coefficient en vigueur : {}.", last.after.fr());
    }
    s
}

/// The arithmetic of one period, in one line.
pub(crate) fn explain(p: &PeriodTrace) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut steps = p.steps.iter().peekable();
    while let Some(st) = steps.next() {
        match st {
            Step::Reduction {
                factor,
                before,
                exact,
                after,
            } => {
                let floor = matches!(steps.peek(), Some(Step::Floor { .. }));
                if floor {
                    steps.next();
                }
                parts.push(format!(
                    "{} × {} = {}, arrondi par défaut à {}{}",
                    before.fr(),
                    factor,
                    fr(exact),
                    fr(after),
                    if floor {
                        ", porté au plancher de 0,50 (art. 4)"
                    } else {
                        " (art. 4)"
                    }
                ))
            }
            Step::Floor { exact } => parts.push(format!(
                "{} porté au plancher de 0,50 (art. 4)",
                fr(exact)
            )),
            Step::Majoration {
                factor,
                before,
                exact,
                after,
                ..
            } => parts.push(format!(
                "{} × {} = {}, arrondi par défaut à {} (art. 5)",
                before.fr(),
                factor,
                fr(exact),
                fr(after)
            )),
            Step::MajorationPerPeriod {
                factors,
                before,
                exact,
                after,
            } => parts.push(format!(
                "{} × {} = {}, arrondi par défaut à {} (art. 5, troncature par période)",
                before.fr(),
                factors.join(" × "),
                fr(exact),
                fr(after)
            )),
            Step::Protection { .. } => parts.push(
                "premier sinistre après trois ans à 0,50 : pas de majoration (art. 4 al. 2)".into(),
            ),
            Step::Ceiling { before } => {
                parts.push(format!("{} plafonné à 3,50 (art. 5 al. 5)", fr(before)))
            }
            Step::TwoYearRule { before } => parts.push(format!(
                "{} ramené à 1,00 après deux années consécutives sans sinistre (art. 5 al. 6)",
                before.fr()
            )),
            Step::Interruption {
                suspension: Some(i),
                ..
            } => parts.push(format!(
                "contrat suspendu du {} au {} ({}, plus de trois mois) : coefficient précédent maintenu, sans réduction (art. 9 al. 2)",
                d(i.from),
                d(i.to - chrono::Duration::days(1)),
                length_fr(i.months, i.days)
            )),
            Step::Interruption { months, .. } => parts.push(format!(
                "contrat interrompu {months} mois (plus de 3) : coefficient précédent maintenu, sans réduction (art. 9 al. 2)"
            )),
            Step::ShortFirstPeriod { .. } if p.start.is_some() && p.start == p.end => parts.push(
                "la première échéance suit la souscription de moins de deux mois : période vide, qui ne compte pas (art. 9 al. 3)".into(),
            ),
            Step::ShortFirstPeriod {
                months,
                carried_forward,
            } => parts.push(if *carried_forward > 0 {
                format!(
                    "première période de {months} mois (moins de 9) : pas de réduction, {carried_forward} sinistre(s) reporté(s) sur la période suivante (art. 9 al. 3)"
                )
            } else {
                format!("première période de {months} mois (moins de 9) : pas de réduction (art. 9 al. 3)")
            }),
            Step::ReductionLost { before } => parts.push(format!(
                "véhicule remplacé ou ajouté avec d'autres conducteurs habituels : la réduction ({}) ne se transfère pas, retour à 1,00 (art. 10)",
                before.fr()
            )),
            Step::CarriedIn { count } => parts.push(format!(
                "{count} sinistre(s) reporté(s) de la première période (art. 9 al. 3)"
            )),
            Step::Art6NoReduction => parts.push(
                "événement de l'art. 6 dans la période : pas de réduction (lecture littérale)".into(),
            ),
            Step::NoReductionClaimYear => {}
        }
    }
    if parts.is_empty() {
        format!("coefficient inchangé à {}", p.after.fr())
    } else {
        parts.join(" ; ")
    }
}
