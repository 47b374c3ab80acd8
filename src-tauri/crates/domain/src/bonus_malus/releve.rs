//! Coming from another insurer (R16, R17, R18): the starting coefficient from a relevé
//! d'information, its consistency, and the transfer on vehicle replacement.

use super::rules::{step, NoSink, PeriodFlags, State};
use super::trace::exact;
use super::{classify, ClaimEffect, ClaimKind, Responsibility, RuleOptions, Usage};
use crate::Coefficient;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A claim listed on a relevé.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleveClaim {
    pub date: NaiveDate,
    pub kind: ClaimKind,
    pub responsibility: Responsibility,
}

/// What a relevé d'information gives for the computation (R18's mandatory subset that matters
/// here; the rest is kept by the application).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Releve {
    pub usage: Usage,
    /// The CRM at the last échéance of the old contract.
    pub coefficient: Coefficient,
    /// That échéance.
    pub last_echeance: NaiveDate,
    /// The date the information was stopped (end of cover at the old insurer).
    pub stopped_on: NaiveDate,
    /// The claims of the five annual periods before the relevé.
    pub claims: Vec<ReleveClaim>,
}

/// The starting coefficient of a new contract and the French explanation of each step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReleveOutcome {
    pub start_coefficient: Coefficient,
    pub steps: Vec<String>,
    /// Whether the stated coefficient cannot be reached from the listed claims.
    pub inconsistency: Option<String>,
    /// The range the listed claims allow at the last échéance.
    pub implied_min: Coefficient,
    pub implied_max: Coefficient,
}

/// R17: majorate for each counting claim after the end of the relevé's last reference period
/// (its last échéance − 2 months); grant one reduction only if at least 9 months of claim-free
/// cover have passed since that end; never count a claim twice (earlier claims are already in the
/// stated coefficient).
pub fn start_coefficient_from_releve(r: &Releve, opts: &RuleOptions) -> ReleveOutcome {
    let mut steps = Vec::new();
    let period_end = r
        .last_echeance
        .checked_sub_months(Months::new(2))
        .unwrap_or(r.last_echeance);
    let mut c = u128::from(r.coefficient.hundredths());
    steps.push(format!(
        "Coefficient du relevé à l'échéance du {} : {}.",
        r.last_echeance.format("%d/%m/%Y"),
        r.coefficient.fr()
    ));
    let mut sorted = r.claims.clone();
    sorted.sort_by_key(|c| c.date);
    let mut after_period = 0;
    for cl in &sorted {
        if cl.date < period_end {
            if classify(cl.kind, cl.responsibility) == ClaimEffect::Counts {
                steps.push(format!(
                    "Sinistre du {} : déjà compté dans le coefficient du relevé (jamais deux fois).",
                    cl.date.format("%d/%m/%Y")
                ));
            }
            continue;
        }
        if cl.date > r.stopped_on {
            continue;
        }
        if classify(cl.kind, cl.responsibility) != ClaimEffect::Counts {
            steps.push(format!(
                "Sinistre du {} ({}, {}) : neutre (art. 6 ou 7).",
                cl.date.format("%d/%m/%Y"),
                cl.kind.fr(),
                cl.responsibility.fr()
            ));
            continue;
        }
        after_period += 1;
        let (num, den, label) = match (r.usage, cl.responsibility == Responsibility::Partial) {
            (Usage::Standard, false) => (5, 4, "1,25"),
            (Usage::Standard, true) => (9, 8, "1,125"),
            (Usage::Tournees, false) => (6, 5, "1,20"),
            (Usage::Tournees, true) => (11, 10, "1,10"),
        };
        let before = c;
        c = (c * num / den).min(350);
        steps.push(format!(
            "Sinistre {} du {}, après la dernière période de référence du relevé : {} × {} = {}, arrondi par défaut à {} (art. 5, art. 11 et 13).",
            cl.responsibility.fr(),
            cl.date.format("%d/%m/%Y"),
            Coefficient::clamped(before as u32).fr(),
            label,
            exact(before * num, den * 100).replace('.', ","),
            Coefficient::clamped(c as u32).fr()
        ));
    }
    if after_period == 0 {
        let nine = period_end.checked_add_months(Months::new(9));
        if nine.is_some_and(|n| n <= r.stopped_on) {
            let red = u128::from(r.usage.reduction());
            let before = c;
            c = (c * red / 100).max(50);
            steps.push(format!(
                "Au moins 9 mois d'assurance sans sinistre depuis le {} : une réduction, {} × 0,{} = {} → {} (art. 4, pratique des assureurs).",
                period_end.format("%d/%m/%Y"),
                Coefficient::clamped(before as u32).fr(),
                red,
                exact(before * red, 10_000).replace('.', ","),
                Coefficient::clamped(c as u32).fr()
            ));
        } else {
            steps.push(format!(
                "Moins de 9 mois d'assurance depuis le {} : pas de réduction.",
                period_end.format("%d/%m/%Y")
            ));
        }
    }
    let (implied_min, implied_max) = implied_range(r, opts);
    let inconsistency = if r.coefficient < implied_min || r.coefficient > implied_max {
        Some(format!(
            "Le relevé indique {} alors que les sinistres qu'il liste sur cinq ans donnent un coefficient entre {} et {} : à vérifier auprès de l'assureur.",
            r.coefficient.fr(),
            implied_min.fr(),
            implied_max.fr()
        ))
    } else {
        None
    };
    ReleveOutcome {
        start_coefficient: Coefficient::clamped(c as u32),
        steps,
        inconsistency,
        implied_min,
        implied_max,
    }
}

/// The coefficients the relevé's five periods allow at its last échéance, whatever the
/// coefficient five years before: every rule is monotone in the starting coefficient and in the
/// counters, so the lowest comes from 0.50 with full counters and the highest from 3.50 with
/// none.
fn implied_range(r: &Releve, opts: &RuleOptions) -> (Coefficient, Coefficient) {
    let mut periods: Vec<Vec<(ClaimKind, Responsibility)>> = vec![Vec::new(); 5];
    let mut sorted = r.claims.clone();
    sorted.sort_by_key(|c| c.date);
    for cl in &sorted {
        for (k, p) in periods.iter_mut().enumerate() {
            // Period k (0 = oldest) ends at last_echeance − 2 months − 12 × (4 − k) months.
            let end = r
                .last_echeance
                .checked_sub_months(Months::new(2 + 12 * (4 - k as u32)));
            let start = r
                .last_echeance
                .checked_sub_months(Months::new(14 + 12 * (4 - k as u32)));
            if let (Some(s), Some(e)) = (start, end) {
                if cl.date >= s && cl.date < e {
                    p.push((cl.kind, cl.responsibility));
                }
            }
        }
    }
    let run = |mut s: State| {
        for p in &periods {
            step(
                &mut s,
                r.usage,
                opts,
                PeriodFlags {
                    counts_as_year: true,
                    interrupted: false,
                    interruption_months: 0,
                    interruption: None,
                },
                p,
                &mut NoSink,
            );
        }
        Coefficient::clamped(s.c)
    };
    let low = run(State {
        c: 50,
        paf: 3,
        streak: 2,
        protection_used: false,
    });
    let high = run(State {
        c: 350,
        paf: 0,
        streak: 0,
        protection_used: true,
    });
    (low, high)
}

/// R16: when the vehicle is replaced (or vehicles added), the coefficient moves with the
/// contract; a reduction (below 1.00) transfers only if the usual drivers are the same or fewer,
/// a malus always transfers. Returns the coefficient and the reason, in French.
pub fn transfer_on_replacement(
    c: Coefficient,
    same_or_fewer_drivers: bool,
) -> (Coefficient, &'static str) {
    if c < Coefficient::ONE && !same_or_fewer_drivers {
        (
            Coefficient::ONE,
            "conducteurs habituels différents : la réduction ne se transfère pas (art. 10)",
        )
    } else if c > Coefficient::ONE {
        (c, "la majoration se transfère toujours (art. 10)")
    } else {
        (
            c,
            "mêmes conducteurs habituels (ou moins) : le coefficient se transfère (art. 10)",
        )
    }
}

/// A person named on a relevé: the policyholder or a named driver (R18).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RelevePerson {
    pub last_name: Option<String>,
    pub first_name: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub licence_number: Option<String>,
    pub licence_date: Option<NaiveDate>,
}

/// A claim as a relevé lists it (R18).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleveDocumentClaim {
    pub date: NaiveDate,
    /// Nature of the claim.
    pub kind: ClaimKind,
    /// Share of responsibility.
    pub responsibility: Responsibility,
    /// The responsible driver, as named on the relevé.
    pub driver: Option<String>,
    /// EU template: paid or still open.
    pub open: Option<bool>,
}

/// Everything a relevé d'information carries (art. 12 and R113-12; since 24 July 2025 the EU
/// claims-history template of Regulation (EU) 2024/1855, of which the French fields are a
/// mandatory subset).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleveDocument {
    /// The day the insurer issued it.
    pub issued_on: NaiveDate,
    pub issuer: Option<String>,
    pub contract_number: Option<String>,
    pub subscription_date: Option<NaiveDate>,
    pub registration: Option<String>,
    pub usage: Option<Usage>,
    pub policyholder: RelevePerson,
    pub drivers: Vec<RelevePerson>,
    /// The claims of the five annual periods before the relevé.
    pub claims: Vec<ReleveDocumentClaim>,
    pub coefficient: Option<Coefficient>,
    pub last_echeance: Option<NaiveDate>,
    /// The date the information was stopped.
    pub stopped_on: Option<NaiveDate>,
    /// EU template: why the contract ended, or "néant".
    pub termination_reason: Option<String>,
}

/// The day the EU claims-history template became the relevé's form (arrêté du 13 janvier 2025).
fn eu_template_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, 24).unwrap_or(NaiveDate::MIN)
}

impl ReleveDocument {
    /// The mandatory fields that are missing, in French (empty when complete). The French fields
    /// always; the EU template's from 24 July 2025.
    pub fn missing_fields(&self) -> Vec<String> {
        let mut m: Vec<String> = Vec::new();
        let mut need = |present: bool, what: &str| {
            if !present {
                m.push(what.to_string());
            }
        };
        need(self.subscription_date.is_some(), "date de souscription");
        need(self.registration.is_some(), "numéro d'immatriculation");
        let people = std::iter::once(("souscripteur".to_string(), &self.policyholder)).chain(
            self.drivers
                .iter()
                .enumerate()
                .map(|(i, d)| (format!("conducteur désigné n° {}", i + 1), d)),
        );
        for (who, p) in people {
            need(p.last_name.is_some(), &format!("nom du {who}"));
            need(p.first_name.is_some(), &format!("prénom du {who}"));
            need(
                p.birth_date.is_some(),
                &format!("date de naissance du {who}"),
            );
            need(
                p.licence_number.is_some(),
                &format!("numéro de permis du {who}"),
            );
            need(
                p.licence_date.is_some(),
                &format!("date du permis du {who}"),
            );
        }
        for (i, c) in self.claims.iter().enumerate() {
            need(
                c.driver.is_some(),
                &format!("conducteur responsable du sinistre n° {}", i + 1),
            );
        }
        need(
            self.coefficient.is_some(),
            "coefficient à la dernière échéance",
        );
        need(self.last_echeance.is_some(), "date de la dernière échéance");
        need(self.stopped_on.is_some(), "date d'arrêt des informations");
        if self.issued_on >= eu_template_from() {
            need(
                self.issuer.is_some(),
                "identification de l'assureur émetteur",
            );
            need(self.contract_number.is_some(), "numéro de contrat");
            need(self.usage.is_some(), "usage du véhicule");
            need(
                self.termination_reason.is_some(),
                "motif de résiliation (ou « néant »)",
            );
            for (i, c) in self.claims.iter().enumerate() {
                need(
                    c.open.is_some(),
                    &format!("état (réglé ou ouvert) du sinistre n° {}", i + 1),
                );
            }
        }
        m
    }

    /// The computational part, when the relevé has it.
    pub fn to_releve(&self) -> Option<Releve> {
        Some(Releve {
            usage: self.usage.unwrap_or_default(),
            coefficient: self.coefficient?,
            last_echeance: self.last_echeance?,
            stopped_on: self.stopped_on?,
            claims: self
                .claims
                .iter()
                .map(|c| ReleveClaim {
                    date: c.date,
                    kind: c.kind,
                    responsibility: c.responsibility,
                })
                .collect(),
        })
    }
}
