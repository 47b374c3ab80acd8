//! Coming from another insurer (R16, R17, R18): the starting coefficient from a relevé
//! d'information, its consistency, and the transfer on vehicle replacement.

use super::note::explain;
use super::rules::{in_range, step, NoSink, PeriodClaim, PeriodFlags, State, TraceSink};
use super::trace::PeriodTrace;
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
    /// Since when the coefficient has been 0.50, when the relevé states it (R17: the periods at
    /// 0.50 it proves, for the protection of art. 4 al. 2).
    pub at_floor_since: Option<NaiveDate>,
}

/// The starting coefficient of a new contract and the French explanation of each step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReleveOutcome {
    pub start_coefficient: Coefficient,
    /// The counters the new contract starts with (R17: they come with the insured).
    pub start_claim_free_streak: u32,
    pub start_periods_at_floor: u32,
    pub steps: Vec<String>,
    /// Whether the stated coefficient cannot be reached from the listed claims.
    pub inconsistency: Option<String>,
    /// The range the listed claims allow at the last échéance.
    pub implied_min: Coefficient,
    pub implied_max: Coefficient,
}

/// The relevé's five annual reference periods (0 = oldest), each `[last_echeance − 14 − 12 × (4 − k)
/// months, last_echeance − 2 − 12 × (4 − k) months)`, with their claims in order of occurrence.
fn releve_periods(r: &Releve) -> Vec<Vec<(ClaimKind, Responsibility)>> {
    let mut periods: Vec<Vec<(ClaimKind, Responsibility)>> = vec![Vec::new(); 5];
    let mut sorted = r.claims.clone();
    sorted.sort_by_key(|c| c.date);
    for cl in &sorted {
        for (k, p) in periods.iter_mut().enumerate() {
            let back = 12 * (4 - k as u32);
            let end = r.last_echeance.checked_sub_months(Months::new(2 + back));
            let start = r.last_echeance.checked_sub_months(Months::new(14 + back));
            if let (Some(s), Some(e)) = (start, end) {
                if cl.date >= s && cl.date < e {
                    p.push((cl.kind, cl.responsibility));
                }
            }
        }
    }
    periods
}

/// Whole years from `since` to `until` (0 when `since` is not before it).
fn whole_years(since: NaiveDate, until: NaiveDate) -> u32 {
    let mut n = 0;
    while since
        .checked_add_months(Months::new(12 * (n + 1)))
        .is_some_and(|d| d <= until)
    {
        n += 1;
    }
    n
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n <= 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// R17: majorate for each counting claim after the end of the relevé's last reference period
/// (its last échéance − 2 months); grant one reduction only if at least 9 months of claim-free
/// cover have passed since that end; never count a claim twice (earlier claims are already in the
/// stated coefficient). That step is the yearly step of every period ([`step`]: the truncation
/// option, R6, R8, R9, R10), run from the insured's counters: the claim-free streak at the end of
/// the relevé's five periods, and the periods at 0.50 it proves (`at_floor_since`). The new
/// contract starts from the coefficient **and** the counters it gives.
pub fn start_coefficient_from_releve(r: &Releve, opts: &RuleOptions) -> ReleveOutcome {
    let mut steps = Vec::new();
    let period_end = r
        .last_echeance
        .checked_sub_months(Months::new(2))
        .unwrap_or(r.last_echeance);
    steps.push(format!(
        "Coefficient du relevé à l'échéance du {} : {}.",
        r.last_echeance.format("%d/%m/%Y"),
        r.coefficient.fr()
    ));
    let periods = releve_periods(r);
    let claim_free = |p: &Vec<(ClaimKind, Responsibility)>| {
        p.iter()
            .all(|(k, resp)| classify(*k, *resp) != ClaimEffect::Counts)
    };
    let streak = periods.iter().rev().take_while(|p| claim_free(p)).count() as u32;
    steps.push(format!(
        "Périodes annuelles consécutives sans sinistre responsable à la fin du relevé : {streak}, reprises pour la règle des deux ans (art. 5 al. 6)."
    ));
    let periods_at_floor = match r.at_floor_since {
        Some(since) if r.coefficient == Coefficient::FLOOR => {
            let years = whole_years(since, r.last_echeance);
            let paf = years.min(streak);
            steps.push(format!(
                "Au coefficient 0,50 depuis le {} : {} jusqu'à l'échéance du {}, dont {} sans sinistre : repris pour la protection à 0,50 (art. 4 al. 2).",
                since.format("%d/%m/%Y"),
                plural(years, "année entière", "années entières"),
                r.last_echeance.format("%d/%m/%Y"),
                plural(paf, "période", "périodes")
            ));
            paf
        }
        Some(since) => {
            steps.push(format!(
                "« À 0,50 depuis le {} » non retenu : le coefficient du relevé n'est pas 0,50.",
                since.format("%d/%m/%Y")
            ));
            0
        }
        None => 0,
    };
    let mut sorted = r.claims.clone();
    sorted.sort_by_key(|c| c.date);
    let mut after: Vec<PeriodClaim> = Vec::new();
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
        let mut pc = PeriodClaim::new(cl.kind, cl.responsibility);
        pc.date = Some(cl.date);
        after.push(pc);
    }
    let mut state = State {
        c: r.coefficient.hundredths(),
        paf: periods_at_floor,
        streak,
        protection_used: false,
    };
    let counting = after
        .iter()
        .any(|c| classify(c.kind, c.responsibility) == ClaimEffect::Counts);
    let nine = period_end
        .checked_add_months(Months::new(9))
        .is_some_and(|n| n <= r.stopped_on);
    if counting || nine {
        let mut pt = PeriodTrace {
            index: 1,
            start: Some(period_end),
            end: r.stopped_on.succ_opt(),
            echeance: None,
            months: whole_years(period_end, r.stopped_on) * 12,
            interruption_months: 0,
            before: r.coefficient,
            after: r.coefficient,
            claims: Vec::new(),
            steps: Vec::new(),
            periods_at_floor: 0,
            claim_free_streak: 0,
        };
        step(
            &mut state,
            r.usage,
            opts,
            PeriodFlags {
                counts_as_year: true,
                interrupted: false,
                interruption_months: 0,
                interruption: None,
            },
            &after,
            &mut TraceSink {
                trace: &mut pt,
                claims: &after,
            },
        );
        pt.after = in_range(state.c);
        for c in &pt.claims {
            steps.push(format!(
                "Sinistre du {} ({}, {}), après la dernière période de référence du relevé : {} : {} ({}).",
                c.date.map_or(String::new(), |d| d.format("%d/%m/%Y").to_string()),
                c.kind.fr(),
                c.responsibility.fr(),
                if c.counted { "pris en compte" } else { "non pris en compte" },
                c.reason,
                c.rule
            ));
        }
        steps.push(format!(
            "Du {} au {}, {} : {} ; art. 11 et 13, pratique des assureurs.",
            period_end.format("%d/%m/%Y"),
            r.stopped_on.format("%d/%m/%Y"),
            if counting {
                "sinistre(s) après la dernière période du relevé"
            } else {
                "au moins 9 mois d'assurance sans sinistre"
            },
            explain(&pt)
        ));
    } else {
        for c in &after {
            steps.push(format!(
                "Sinistre du {} ({}, {}) : neutre (art. 6 ou 7).",
                c.date
                    .map_or(String::new(), |d| d.format("%d/%m/%Y").to_string()),
                c.kind.fr(),
                c.responsibility.fr()
            ));
        }
        steps.push(format!(
            "Moins de 9 mois d'assurance du {} (fin de la période de référence de l'échéance du {} du relevé) au {} (arrêt du contrat) : pas de réduction.",
            period_end.format("%d/%m/%Y"),
            r.last_echeance.format("%d/%m/%Y"),
            r.stopped_on.format("%d/%m/%Y")
        ));
    }
    let start = in_range(state.c);
    steps.push(format!(
        "Le nouveau contrat part de {} avec les compteurs de l'assuré : périodes sans sinistre {}, périodes à 0,50 {}.",
        start.fr(),
        state.streak,
        state.paf
    ));
    let (implied_min, implied_max) = implied_range(&periods, r.usage, opts);
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
        start_coefficient: start,
        start_claim_free_streak: state.streak,
        start_periods_at_floor: state.paf,
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
fn implied_range(
    periods: &[Vec<(ClaimKind, Responsibility)>],
    usage: Usage,
    opts: &RuleOptions,
) -> (Coefficient, Coefficient) {
    let run = |mut s: State| {
        for p in periods {
            step(
                &mut s,
                usage,
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
        in_range(s.c)
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
    /// Since when the coefficient has been 0.50, when the relevé states it (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_floor_since: Option<NaiveDate>,
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
            at_floor_since: self.at_floor_since,
        })
    }
}
