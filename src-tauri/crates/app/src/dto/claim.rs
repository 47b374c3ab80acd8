//! A claim as declared, as kept (qualifications, statuses, amounts, parties, exchanges) and as
//! its page and the portfolio's open-claims list show it.

use super::{revision_dtos, AggravationDto, DriverDto, RevisionDto, VehicleDto};
use crate::input::{iso, money_text};
use courtier_domain::vocabulary::{AmountKind, ClaimKind, ClaimStatus, Responsibility};
use courtier_port::ClaimRow;
use serde::{Deserialize, Serialize};

/// A claim as declared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClaimDraft {
    pub contract_id: i64,
    pub occurred_on: String,
    pub declared_on: Option<String>,
    pub kind: String,
    pub responsibility: String,
    pub place: Option<String>,
    pub description: Option<String>,
    pub insurer_reference: Option<String>,
    pub estimated: Option<String>,
    /// The vehicle and the driver involved, from the contract's.
    pub vehicle_id: Option<i64>,
    pub driver_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QualificationDto {
    pub responsibility: Responsibility,
    pub found_on: String,
    pub note: Option<String>,
    pub recorded_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusDto {
    pub status: ClaimStatus,
    pub on_date: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimRecord {
    pub id: i64,
    pub contract_id: i64,
    pub occurred_on: String,
    pub declared_on: Option<String>,
    pub kind: ClaimKind,
    /// The qualification in force (R15: a requalification found more than two years after the
    /// échéance following the claim is kept in `qualifications` but not in force).
    pub responsibility: Responsibility,
    /// Every qualification, the first being the one recorded at declaration.
    pub qualifications: Vec<QualificationDto>,
    pub status: ClaimStatus,
    pub statuses: Vec<StatusDto>,
    pub place: Option<String>,
    pub description: Option<String>,
    pub insurer_reference: Option<String>,
    /// The estimate in force (the latest one).
    pub estimated: Option<String>,
    /// The payments so far, added up.
    pub paid: Option<String>,
    /// The franchise in force (the latest one).
    pub franchise: Option<String>,
    /// Every estimate, payment and franchise, in date order.
    pub amounts: Vec<AmountDto>,
    pub vehicle_id: Option<i64>,
    pub driver_id: Option<i64>,
    pub parties: Vec<PartyDto>,
    pub communications: Vec<CommunicationDto>,
    /// The values each correction replaced, oldest first.
    pub revisions: Vec<RevisionDto>,
}

/// An amount of a claim.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AmountDto {
    /// `estimation`, `reglement` or `franchise`.
    pub kind: String,
    /// "1250.00" or "1 250,00".
    pub amount: String,
    pub on_date: String,
    pub note: Option<String>,
    pub recorded_at: String,
}

/// Someone involved in a claim.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PartyDto {
    pub id: i64,
    /// `expert`, `garage`, `tiers`, `assureur_tiers`, `autre`.
    pub role: String,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub reference: Option<String>,
}

/// One exchange about a claim.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CommunicationDto {
    pub id: i64,
    pub party_id: Option<i64>,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub at: String,
    /// `telephone`, `email`, `courrier`, `rendez_vous`, `autre`.
    pub channel: String,
    /// `entrant` or `sortant`.
    pub direction: String,
    pub summary: String,
    pub recorded_at: String,
}

/// An open claim in the portfolio's Sinistres list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenClaim {
    pub claim_id: i64,
    pub contract_id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub insurer: String,
    pub contract_number: String,
    pub occurred_on: String,
    pub kind: ClaimKind,
    pub responsibility: Responsibility,
    pub status: ClaimStatus,
    pub status_since: String,
    /// Days since the claim occurred.
    pub age_days: i64,
}

/// A claim with what surrounds it, for its page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimPage {
    pub claim: ClaimRecord,
    pub contract_id: i64,
    pub contract_number: String,
    pub insurer: String,
    pub client_id: i64,
    pub client_name: String,
    /// False when the contract is outside the bonus-malus clause (R1: 1.00 applies).
    pub clause_applies: bool,
    /// The contract's coefficient in force and at the next échéance, after this claim.
    pub coefficient_in_force: String,
    pub next_coefficient: Option<String>,
    /// The échéance `next_coefficient` is for.
    pub next_echeance: Option<String>,
    pub vehicles: Vec<VehicleDto>,
    pub drivers: Vec<DriverDto>,
    /// Aggravating facts recorded on this claim (alcohol, hit-and-run), withdrawn ones included.
    pub aggravations: Vec<AggravationDto>,
}

/// A correction of a claim's declared facts: only the fields given change. An empty text clears
/// an optional field; `vehicleId`/`driverId` 0 clears the link.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClaimUpdate {
    pub occurred_on: Option<String>,
    pub declared_on: Option<String>,
    pub kind: Option<String>,
    pub place: Option<String>,
    pub description: Option<String>,
    pub insurer_reference: Option<String>,
    pub vehicle_id: Option<i64>,
    pub driver_id: Option<i64>,
    /// Why the correction was made (kept with the earlier values).
    pub reason: Option<String>,
}

/// A claim as shown; `responsibility` is the one in force (R15, decided by
/// `bonus_malus::responsibility_in_force`), not the latest qualification recorded.
pub(crate) fn claim_record(c: &ClaimRow, responsibility: Responsibility) -> ClaimRecord {
    ClaimRecord {
        id: c.id,
        contract_id: c.contract_id,
        occurred_on: iso(c.occurred_on),
        declared_on: c.declared_on.map(iso),
        kind: c.kind,
        responsibility,
        qualifications: c
            .qualifications
            .iter()
            .map(|q| QualificationDto {
                responsibility: q.responsibility,
                found_on: iso(q.found_on),
                note: q.note.clone(),
                recorded_at: q.recorded_at.clone(),
            })
            .collect(),
        status: c.statuses.last().map_or(ClaimStatus::Declare, |s| s.status),
        statuses: c
            .statuses
            .iter()
            .map(|s| StatusDto {
                status: s.status,
                on_date: iso(s.on_date),
                note: s.note.clone(),
            })
            .collect(),
        place: c.place.clone(),
        description: c.description.clone(),
        insurer_reference: c.insurer_reference.clone(),
        // The estimate given at declaration is the first `estimation` amount (schema 3).
        estimated: latest_amount(c, AmountKind::Estimation).map(money_text),
        paid: {
            let mut paid = c
                .amounts
                .iter()
                .filter(|a| a.kind == AmountKind::Reglement)
                .peekable();
            // Each amount is at most input::MAX_AMOUNT: their sum fits (saturating only for a
            // file written by something else).
            paid.peek().is_some().then(|| {
                money_text(
                    paid.map(|a| a.amount_cents)
                        .fold(0_i64, |acc, c| acc.saturating_add(c)),
                )
            })
        },
        franchise: latest_amount(c, AmountKind::Franchise).map(money_text),
        amounts: c
            .amounts
            .iter()
            .map(|a| AmountDto {
                kind: a.kind.as_str().to_string(),
                amount: money_text(a.amount_cents),
                on_date: iso(a.on_date),
                note: a.note.clone(),
                recorded_at: a.recorded_at.clone(),
            })
            .collect(),
        vehicle_id: c.vehicle_id,
        driver_id: c.driver_id,
        revisions: revision_dtos(&c.revisions),
        parties: c
            .parties
            .iter()
            .map(|p| PartyDto {
                id: p.id,
                role: p.role.as_str().to_string(),
                name: p.name.clone(),
                phone: p.phone.clone(),
                email: p.email.clone(),
                address: p.address.clone(),
                reference: p.reference.clone(),
            })
            .collect(),
        communications: c
            .communications
            .iter()
            .map(|m| CommunicationDto {
                id: m.id,
                party_id: m.party_id,
                at: m.at.clone(),
                channel: m.channel.as_str().to_string(),
                direction: m.direction.as_str().to_string(),
                summary: m.summary.clone(),
                recorded_at: m.recorded_at.clone(),
            })
            .collect(),
    }
}

/// The latest amount of a kind (amounts are in date order).
fn latest_amount(c: &ClaimRow, kind: AmountKind) -> Option<i64> {
    c.amounts
        .iter()
        .rev()
        .find(|a| a.kind == kind)
        .map(|a| a.amount_cents)
}
