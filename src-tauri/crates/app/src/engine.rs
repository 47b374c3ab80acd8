//! The stored dated facts of a contract turned into the engine's input, and the engine's
//! answers turned into what the store keeps and what a premium needs.

use crate::input::from_cents;
use crate::AppError;
use crate::ErrorCode;
use chrono::NaiveDate;
use courtier_domain::bonus_malus::{
    applicable_coefficient, classify, coefficient_in_force, compute_dated, responsibility_in_force,
    ClaimEffect, DatedClaim, DatedHistory, DatedOutcome, Interruption, Requalification,
    Responsibility, RuleOptions,
};
use courtier_domain::premium::{novice_surcharge, NamedDriver, PremiumLine};
use courtier_domain::Coefficient;
use courtier_port::{ContractFacts, DeriveError, Derived, EcheanceRow, PremiumLineRow};

/// The engine's history from the stored facts, as known on `known_on` (the app's today, or a
/// later échéance for a projection).
pub(crate) fn history(f: &ContractFacts, known_on: NaiveDate) -> Result<DatedHistory, AppError> {
    let c = &f.contract;
    // A terminated contract has no échéance after its termination, but a requalification found
    // since (within art. 8's two years) still corrects its history (R15): the engine computes
    // `until` the termination with what is known today.
    let until = f.terminated_on.map_or(known_on, |t| known_on.min(t));
    let bad = |what: &str| {
        AppError::new(
            ErrorCode::Corrupt,
            format!("Donnée illisible dans la base (contrat {} : {what}).", c.id),
        )
    };
    Ok(DatedHistory {
        usage: c.usage,
        start_coefficient: Coefficient::from_hundredths(c.start_coefficient)
            .map_err(|_| bad("coefficient de départ"))?,
        start_periods_at_floor: c.start_periods_at_floor,
        start_claim_free_streak: c.start_claim_free_streak,
        subscription_date: c.subscription_date,
        first_echeance: c.first_echeance,
        until,
        known_on: Some(known_on),
        reductions_lost: f.reductions_lost.clone(),
        interruptions: f
            .interruptions
            .iter()
            .map(|(from, to)| Interruption {
                from: *from,
                to: *to,
            })
            .collect(),
        claims: f
            .claims
            .iter()
            .map(|cl| {
                let mut q = cl.qualifications.iter();
                let first = q.next().ok_or_else(|| bad("sinistre sans qualification"))?;
                Ok(DatedClaim {
                    id: Some(cl.id.to_string()),
                    date: cl.occurred_on,
                    kind: cl.kind,
                    responsibility: first.responsibility,
                    requalifications: q
                        .map(|r| Requalification {
                            on: r.found_on,
                            responsibility: r.responsibility,
                        })
                        .collect(),
                })
            })
            .collect::<Result<_, AppError>>()?,
    })
}

/// The responsibility in force (R15) of each claim of `f`, by claim id, as known on `known_on`:
/// what lists show, decided by `bonus_malus::responsibility_in_force`.
pub(crate) fn responsibilities_in_force(
    f: &ContractFacts,
    known_on: NaiveDate,
) -> Result<Vec<(i64, Responsibility)>, AppError> {
    let h = history(f, known_on)?;
    Ok(f.claims
        .iter()
        .zip(&h.claims)
        .map(|(c, d)| {
            (
                c.id,
                responsibility_in_force(h.first_echeance, d, h.known_on()),
            )
        })
        .collect())
}

/// The coefficient in force on `on` (a past date: a backdated vehicle replacement), as known
/// today, with the R1 flag applied.
pub(crate) fn coefficient_on(
    f: &ContractFacts,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<Coefficient, AppError> {
    let mut h = history(f, today)?;
    h.until = h.until.min(on);
    let out = compute_dated(&h, &RuleOptions::default()).map_err(|e| {
        AppError::new(
            ErrorCode::InvalidOperation,
            format!("Opération impossible : {e}"),
        )
    })?;
    Ok(applicable_coefficient(
        f.contract.clause_applies,
        coefficient_in_force(&h, &out, h.until),
    ))
}

pub(crate) fn outcome(f: &ContractFacts, today: NaiveDate) -> Result<DatedOutcome, AppError> {
    compute_dated(&history(f, today)?, &RuleOptions::default()).map_err(|e| {
        AppError::new(
            ErrorCode::InvalidOperation,
            format!("Opération impossible : {e}"),
        )
    })
}

/// What the store keeps: the coefficient set at each échéance reached by `today` (what lists,
/// the calendar and reports query) and each claim's responsibility in force (what the
/// Sinistres list shows and filters on). The periods and the trace are not kept: the engine
/// rebuilds them from the dated facts when a page or a note shows them.
pub(crate) fn coefficient_rows(
    f: &ContractFacts,
    today: NaiveDate,
) -> Result<Derived, DeriveError> {
    let out = outcome(f, today)?;
    Ok(Derived {
        echeances: echeance_rows(f, &out),
        responsibilities: responsibilities_in_force(f, today)?,
    })
}

/// The coefficient at each échéance up to `until` as known then (a projection: if nothing else
/// happens), with the R1 flag applied; what the calendar shows at a coming échéance.
pub(crate) fn projected_echeances(
    f: &ContractFacts,
    until: NaiveDate,
) -> Result<Vec<EcheanceRow>, AppError> {
    Ok(echeance_rows(f, &outcome(f, until)?))
}

/// R1: outside the clause no coefficient modulates the premium: 1.00 at every échéance.
fn echeance_rows(f: &ContractFacts, out: &DatedOutcome) -> Vec<EcheanceRow> {
    out.echeances
        .iter()
        .map(|e| EcheanceRow {
            echeance: e.date,
            coefficient: applicable_coefficient(f.contract.clause_applies, e.coefficient)
                .hundredths(),
        })
        .collect()
}

/// The novice surcharge on `on` for the contract's drivers (a counting claim of theirs, or with
/// an unknown driver, ends a claim-free year). `h` is the engine's history of `f` (its claims in
/// the same order): a claim counts by its responsibility in force as known then (R15) and only
/// if it counts under R11 (a glass, theft or fire claim never does, whatever its qualification).
pub(crate) fn novice_at(
    f: &ContractFacts,
    h: &DatedHistory,
    drivers: &[courtier_port::DriverRow],
    on: NaiveDate,
) -> Option<courtier_domain::premium::NoviceSurcharge> {
    let named: Vec<NamedDriver> = drivers
        .iter()
        .map(|d| NamedDriver {
            id: d.id,
            licence_date: d.licence_date,
            aac: d.aac,
            from: d.from_date,
            to: d.to_date,
        })
        .collect();
    let responsible: Vec<(NaiveDate, Option<i64>)> = f
        .claims
        .iter()
        .zip(&h.claims)
        .filter(|(_, d)| {
            let r = responsibility_in_force(h.first_echeance, d, h.known_on());
            classify(d.kind, r) == ClaimEffect::Counts
        })
        .map(|(c, _)| (c.occurred_on, c.driver_id))
        .collect();
    novice_surcharge(
        &named,
        &responsible,
        on,
        RuleOptions::default().novice_schedule,
    )
}

pub(crate) fn premium_lines(rows: &[PremiumLineRow], on: NaiveDate) -> Vec<PremiumLine> {
    // The latest line of each guarantee in force on `on`.
    let mut out: Vec<(String, PremiumLine)> = Vec::new();
    for r in rows.iter().filter(|r| r.from_date <= on) {
        let line = PremiumLine {
            guarantee: r.guarantee.clone(),
            amount: from_cents(r.amount_cents),
            modulated: r.modulated,
        };
        match out.iter_mut().find(|(g, _)| *g == r.guarantee) {
            Some(slot) => slot.1 = line,
            None => out.push((r.guarantee.clone(), line)),
        }
    }
    out.into_iter().map(|(_, l)| l).collect()
}
