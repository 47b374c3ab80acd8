//! Aggravating circumstances (A121-1-2): recorded as dated facts on a claim (alcohol or drugs,
//! hit-and-run) or on a driver (licence suspension, cancellation, several suspensions, non-
//! declaration at subscription), withdrawn by a later fact with its reason, and the surcharges
//! they bring at the next échéance (with the three responsible claims the engine derives).

use crate::engine::responsibilities_in_force;
use crate::input::{date_field, field, iso, limits, line, required_line, trimmed};
use crate::{
    AggravationDraft, AggravationDto, AppError, ClaimPage, ContractRecord, Courtier, WithdrawalDto,
};
use chrono::NaiveDate;
use courtier_domain::premium::{
    fact_aggravation, surcharge_window, surcharges_in_force, AggravatingEvent, AggravationError,
    SurchargeInForce, SuspensionLength,
};
use courtier_domain::vocabulary::{AggravationFact, Responsibility};
use courtier_port::{AgencyStore, AggravationRow, ClaimRow, DriverRow, NewAggravation};

fn fr_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A recorded fact as the pages show it.
pub(crate) fn aggravation_dto(r: &AggravationRow, first_echeance: NaiveDate) -> AggravationDto {
    let kind = fact_aggravation(r.fact, r.suspension).ok();
    let (months, from, to) = match r.suspension {
        Some(SuspensionLength::Months(m)) => (Some(m), None, None),
        Some(SuspensionLength::Dates { from, to }) => (None, Some(iso(from)), Some(iso(to))),
        None => (None, None, None),
    };
    AggravationDto {
        id: r.id,
        contract_id: r.contract_id,
        claim_id: r.claim_id,
        driver_id: r.driver_id,
        fact: r.fact,
        event_date: iso(r.event_date),
        suspension_months: months,
        suspension_from: from,
        suspension_to: to,
        caused_by: r.caused_by,
        note: r.note.clone(),
        recorded_at: r.recorded_at.clone(),
        surcharge: kind.map_or_else(String::new, |k| k.fr().to_string()),
        rate: kind.map_or_else(String::new, |k| k.rate().to_string()),
        until: surcharge_window(first_echeance, r.event_date).map(|(_, end)| iso(end)),
        withdrawn: r.withdrawal.as_ref().map(|w| WithdrawalDto {
            reason: w.reason.clone(),
            recorded_at: w.recorded_at.clone(),
        }),
    }
}

/// The surcharges in force on a date and, for each event index, the recorded fact behind it
/// (its id and how the note names it); the engine's three-claims events have none.
pub(crate) struct Surcharges {
    pub items: Vec<SurchargeInForce>,
    pub facts: Vec<Option<(i64, String)>>,
}

impl Surcharges {
    pub fn fact(&self, event: usize) -> Option<(i64, String)> {
        self.facts.get(event).cloned().flatten()
    }
}

/// How the note and the notice name a recorded fact.
fn fact_label(r: &AggravationRow, claims: &[ClaimRow], drivers: &[DriverRow]) -> String {
    if let Some(c) = r.claim_id {
        let on = claims.iter().find(|x| x.id == c).map(|x| x.occurred_on);
        return match on {
            Some(d) => format!("sinistre n° {c} du {}", fr_date(d)),
            None => format!("sinistre n° {c}"),
        };
    }
    let who = drivers
        .iter()
        .find(|d| Some(d.id) == r.driver_id)
        .map(|d| match &d.first_name {
            Some(f) => format!("{f} {}", d.last_name),
            None => d.last_name.clone(),
        })
        .unwrap_or_default();
    let what = match (r.fact, r.suspension) {
        (_, Some(SuspensionLength::Months(m))) => format!("suspension de {m} mois"),
        (_, Some(SuspensionLength::Dates { from, to })) => {
            format!("suspension du {} au {}", fr_date(from), fr_date(to))
        }
        (f, None) => f.label().to_lowercase(),
    };
    format!("conducteur {who}, {what}")
}

/// The surcharges in force on `on`: the engine's three-claims events first, then each recorded
/// fact not withdrawn (a fact on a claim only while the claim's responsibility in force is full
/// or partial: an accident requalified « non responsable » no longer carries it).
pub(crate) fn surcharges_at(
    three_claims: Vec<AggravatingEvent>,
    rows: &[AggravationRow],
    claims: &[ClaimRow],
    responsibilities: &[(i64, Responsibility)],
    drivers: &[DriverRow],
    first_echeance: NaiveDate,
    on: NaiveDate,
) -> Surcharges {
    let responsible = |claim: i64| {
        responsibilities
            .iter()
            .any(|(id, r)| *id == claim && *r != Responsibility::None)
    };
    let charged: Vec<&AggravationRow> = rows
        .iter()
        .filter(|r| r.withdrawal.is_none())
        .filter(|r| r.claim_id.map_or(true, responsible))
        .filter(|r| fact_aggravation(r.fact, r.suspension).is_ok())
        .collect();
    let offset = three_claims.len();
    let mut facts: Vec<Option<(i64, String)>> = vec![None; offset];
    let mut events = three_claims;
    for r in &charged {
        let Ok(kind) = fact_aggravation(r.fact, r.suspension) else {
            continue;
        };
        events.push(AggravatingEvent {
            kind,
            date: r.event_date,
            caused_by: r
                .caused_by
                .and_then(|c| charged.iter().position(|x| x.id == c))
                .map(|i| i + offset),
        });
        facts.push(Some((r.id, fact_label(r, claims, drivers))));
    }
    Surcharges {
        items: surcharges_in_force(&events, first_echeance, on),
        facts,
    }
}

fn length_error(e: AggravationError) -> AppError {
    let code = match e {
        AggravationError::SuspensionEndsBeforeStart => "suspensionTo",
        AggravationError::LengthNotExpected => "fact",
        AggravationError::SuspensionTooShort | AggravationError::SuspensionLengthMissing => {
            "suspensionMonths"
        }
    };
    field(code, e.to_string())
}

/// The fact code sent, or the field's error.
fn fact_code(d: &AggravationDraft, on_claim: bool) -> Result<AggravationFact, AppError> {
    let fact = AggravationFact::parse(d.fact.trim()).map_err(|e| field("fact", e.to_string()))?;
    if fact.on_claim() != on_claim {
        return Err(field(
            "fact",
            if on_claim {
                "Sur un sinistre, on enregistre l'alcool ou les stupéfiants (alcohol) et le délit de fuite (hit_and_run) ; les suspensions, annulations et non-déclarations se rattachent au conducteur."
            } else {
                "L'alcool ou les stupéfiants et le délit de fuite se rattachent au sinistre, pas au conducteur."
            },
        ));
    }
    Ok(fact)
}

/// A suspension's length as sent: months or dates, not both.
fn suspension_length(d: &AggravationDraft) -> Result<Option<SuspensionLength>, AppError> {
    let from = trimmed(&d.suspension_from);
    let to = trimmed(&d.suspension_to);
    match (d.suspension_months, from, to) {
        (None, None, None) => Ok(None),
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => Err(field(
            "suspensionMonths",
            "Donnez la durée de la suspension en mois ou ses dates, pas les deux.",
        )),
        (Some(m), None, None) => Ok(Some(SuspensionLength::Months(m))),
        (None, Some(f), Some(t)) => Ok(Some(SuspensionLength::Dates {
            from: date_field(&f, "suspensionFrom", "Début de la suspension")?,
            to: date_field(&t, "suspensionTo", "Fin de la suspension")?,
        })),
        (None, Some(_), None) => Err(field(
            "suspensionTo",
            "Indiquez la fin de la suspension (le jour où le permis est rendu).",
        )),
        (None, None, Some(_)) => Err(field(
            "suspensionFrom",
            "Indiquez le début de la suspension.",
        )),
    }
}

/// The checks a fact passes whatever it is attached to: its date is not in the future and
/// falls before the contract's termination.
fn check_date(
    s: &mut dyn AgencyStore,
    contract_id: i64,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<(), AppError> {
    if on > today {
        return Err(field("onDate", "La date du fait est dans le futur."));
    }
    if let Some(t) = s.contract_facts(contract_id)?.terminated_on {
        if on >= t {
            return Err(field(
                "onDate",
                format!(
                    "Le contrat est résilié depuis le {} : un fait postérieur ne majore plus ses primes.",
                    fr_date(t)
                ),
            ));
        }
    }
    Ok(())
}

impl Courtier {
    /// Records alcohol or drugs, or a hit-and-run, on a claim whose responsibility in force is
    /// full or partial.
    pub fn claim_aggravation_add(
        &self,
        claim_id: i64,
        d: &AggravationDraft,
    ) -> Result<ClaimPage, AppError> {
        let fact = fact_code(d, true)?;
        if suspension_length(d)?.is_some() {
            return Err(length_error(AggravationError::LengthNotExpected));
        }
        if d.caused_by.is_some() {
            return Err(field(
                "causedBy",
                "Seule une suspension ou une annulation du permis est causée par un autre fait.",
            ));
        }
        let today = self.today();
        let now = self.now();
        self.with_store(|s| {
            let contract_id = s.claim_contract(claim_id)?;
            let facts = s.contract_facts(contract_id)?;
            let claim = facts
                .claims
                .iter()
                .find(|c| c.id == claim_id)
                .ok_or_else(|| AppError::internal("sinistre absent de son contrat"))?;
            let on = match trimmed(&d.on_date) {
                None => claim.occurred_on,
                Some(x) => date_field(&x, "onDate", "Date du fait")?,
            };
            if on < claim.occurred_on {
                return Err(field(
                    "onDate",
                    format!(
                        "Le fait ne peut précéder le sinistre (du {}).",
                        fr_date(claim.occurred_on)
                    ),
                ));
            }
            check_date(s, contract_id, on, today)?;
            let responsible = responsibilities_in_force(&facts, today)?
                .iter()
                .any(|(id, r)| *id == claim_id && *r != Responsibility::None);
            if !responsible {
                return Err(field(
                    "fact",
                    format!(
                        "Le sinistre n° {claim_id} n'est pas responsable : l'alcool, les stupéfiants ou le délit de fuite ne majorent qu'un accident dont l'assuré est responsable, en tout ou partie (art. A121-1-2). Requalifiez d'abord le sinistre."
                    ),
                ));
            }
            s.insert_aggravation(
                &NewAggravation {
                    claim_id: Some(claim_id),
                    driver_id: None,
                    fact,
                    event_date: on,
                    suspension: None,
                    caused_by: None,
                    note: line(d.note.as_deref(), "note", "La note", limits::NOTE)?,
                },
                &now,
            )?;
            Ok(())
        })?;
        self.claim_get(claim_id)
    }

    /// Records a suspension (with its length), a cancellation, several suspensions or a
    /// non-declaration on a driver; a suspension may name the alcohol or hit-and-run fact that
    /// caused it (the higher of the two applies).
    pub fn driver_aggravation_add(
        &self,
        driver_id: i64,
        d: &AggravationDraft,
    ) -> Result<ContractRecord, AppError> {
        let fact = fact_code(d, false)?;
        let length = suspension_length(d)?;
        fact_aggravation(fact, length).map_err(length_error)?;
        let caused_by_allowed = matches!(
            fact,
            AggravationFact::Suspension
                | AggravationFact::Cancellation
                | AggravationFact::MultipleSuspensions
        );
        if d.caused_by.is_some() && !caused_by_allowed {
            return Err(field(
                "causedBy",
                "Seule une suspension ou une annulation du permis est causée par un autre fait.",
            ));
        }
        let today = self.today();
        let now = self.now();
        self.with_store(|s| {
            let contract_id = s.driver_contract(driver_id)?;
            let driver = s
                .drivers_of_contract(contract_id)?
                .into_iter()
                .find(|x| x.id == driver_id)
                .ok_or_else(|| AppError::internal("conducteur absent de son contrat"))?;
            let on = match (trimmed(&d.on_date), length) {
                (Some(x), _) => date_field(&x, "onDate", "Date du fait")?,
                (None, Some(SuspensionLength::Dates { from, .. })) => from,
                (None, _) => return Err(field("onDate", "Date du fait : la date est vide.")),
            };
            check_date(s, contract_id, on, today)?;
            if let Some(b) = driver.birth_date.filter(|b| on < *b) {
                return Err(field(
                    "onDate",
                    format!(
                        "Le fait précède la naissance du conducteur (le {}) : vérifiez la date.",
                        fr_date(b)
                    ),
                ));
            }
            if caused_by_allowed {
                if let Some(l) = driver.licence_date.filter(|l| on < *l) {
                    return Err(field(
                        "onDate",
                        format!(
                            "Le permis du conducteur date du {} : il ne peut avoir été suspendu ou annulé avant.",
                            fr_date(l)
                        ),
                    ));
                }
            }
            if let Some(cause) = d.caused_by {
                let c = s.aggravation(cause)?;
                if c.contract_id != contract_id || !c.fact.on_claim() || c.withdrawal.is_some() {
                    return Err(field(
                        "causedBy",
                        format!("Le fait n° {cause} n'est pas un accident sous alcool ou un délit de fuite de ce contrat, en vigueur."),
                    ));
                }
                if on < c.event_date {
                    return Err(field(
                        "onDate",
                        "La suspension ne peut précéder l'accident qui l'a causée.",
                    ));
                }
                let facts = s.contract_facts(contract_id)?;
                let other_driver = facts
                    .claims
                    .iter()
                    .find(|x| Some(x.id) == c.claim_id)
                    .and_then(|x| x.driver_id)
                    .is_some_and(|x| x != driver_id);
                if other_driver {
                    return Err(field(
                        "causedBy",
                        "Ce sinistre a été conduit par un autre conducteur du contrat.",
                    ));
                }
            }
            s.insert_aggravation(
                &NewAggravation {
                    claim_id: None,
                    driver_id: Some(driver_id),
                    fact,
                    event_date: on,
                    suspension: length,
                    caused_by: d.caused_by,
                    note: line(d.note.as_deref(), "note", "La note", limits::NOTE)?,
                },
                &now,
            )?;
            self.contract_record(s, contract_id)
        })
    }

    /// Withdraws a fact recorded by mistake: a new fact with the reason; the first stays in the
    /// history and no longer counts.
    pub fn aggravation_withdraw(&self, id: i64, reason: &str) -> Result<ContractRecord, AppError> {
        let reason = required_line(
            reason,
            "reason",
            "Le motif",
            limits::NOTE,
            "Dites pourquoi ce fait aggravant est retiré.",
        )?;
        let now = self.now();
        self.with_store(|s| {
            let contract_id = s.withdraw_aggravation(id, &reason, &now)?;
            self.contract_record(s, contract_id)
        })
    }

    /// The facts recorded on a claim, withdrawn ones included.
    pub fn claim_aggravations(&self, claim_id: i64) -> Result<Vec<AggravationDto>, AppError> {
        Ok(self.claim_get(claim_id)?.aggravations)
    }

    /// The facts recorded on a driver, withdrawn ones included.
    pub fn driver_aggravations(&self, driver_id: i64) -> Result<Vec<AggravationDto>, AppError> {
        self.with_store(|s| {
            let contract_id = s.driver_contract(driver_id)?;
            let first = s.contract(contract_id)?.first_echeance;
            Ok(s.aggravations_of_contract(contract_id)?
                .iter()
                .filter(|r| r.driver_id == Some(driver_id))
                .map(|r| aggravation_dto(r, first))
                .collect())
        })
    }
}
