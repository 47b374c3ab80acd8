//! Contracts and claims, with the coefficient recomputed from the dated facts in the same
//! transaction as every change (one source of truth: the engine of `courtier_domain`).

use crate::{AppError, Courtier};
use chrono::NaiveDate;
use courtier_domain::bonus_malus::{
    applicable_coefficient, coefficient_in_force, compute_dated, project, ClaimKind, DatedClaim,
    DatedHistory, DatedOutcome, Interruption, Requalification, Responsibility, RuleOptions, Usage,
};
use courtier_domain::client::parse_date;
use courtier_domain::premium::{
    novice_surcharge, premium_notice, surcharges_in_force, three_claims_events, NamedDriver,
    PremiumLine,
};
use courtier_domain::Coefficient;
use courtier_port::{
    AgencyStore, ClaimRow, ContractFacts, ContractRow, DeriveError, EcheanceRow, Entity, NewClaim,
    NewContract, PremiumLineRow,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A new contract as the form (or the CLI) sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContractDraft {
    pub client_id: i64,
    pub insurer: String,
    pub number: String,
    /// `auto` (default), `habitation`, `sante`, `prevoyance`, `autre`.
    pub product: Option<String>,
    pub subscription_date: String,
    pub first_echeance: String,
    /// `standard` (default) or `tournees`.
    pub usage: Option<String>,
    pub clause_applies: Option<bool>,
    /// The coefficient applied during the first period (1.00 for a first contract; from the
    /// relevé otherwise).
    pub start_coefficient: Option<String>,
    /// `en_cours` (default) or `devis`.
    pub status: Option<String>,
    pub premiums: Vec<PremiumDraft>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PremiumDraft {
    pub guarantee: String,
    /// "350.00" or "350,00".
    pub amount: String,
    pub modulated: bool,
}

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
pub struct EcheanceDto {
    pub echeance: String,
    pub period_start: String,
    pub period_end: String,
    pub coefficient: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QualificationDto {
    pub responsibility: String,
    pub found_on: String,
    pub note: Option<String>,
    pub recorded_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusDto {
    pub status: String,
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
    pub kind: String,
    /// The qualification in force (the last one recorded).
    pub responsibility: String,
    /// Every qualification, the first being the one recorded at declaration.
    pub qualifications: Vec<QualificationDto>,
    pub status: String,
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

/// What a correction of a claim, contract, vehicle, driver or insurer replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RevisionDto {
    /// The earlier values, by their snake_case field names (for a claim: `occurred_on`,
    /// `declared_on`, `kind`, `place`, `description`, `insurer_reference`, `vehicle_id`,
    /// `driver_id`).
    pub previous: serde_json::Value,
    pub reason: Option<String>,
    pub recorded_at: String,
}

/// A status change or an amendment of a contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContractEventDto {
    pub on_date: String,
    /// `status` or `avenant`.
    pub kind: String,
    pub status: Option<String>,
    pub terminated_by: Option<String>,
    pub details: Option<String>,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProjectionDto {
    pub next_echeance: String,
    pub if_nothing_happens: String,
    pub claim_counts_at: String,
    pub with_full_claim: String,
    pub with_partial_claim: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PremiumDto {
    pub reference_modulated: String,
    pub not_modulated: String,
    /// The novice driver's surcharge (A121-1-1), percent of the reference premium, "0" if none.
    pub novice_rate: String,
    pub novice_amount: String,
    pub coefficient: String,
    /// `reference × (1 + novice) × coefficient`.
    pub after_coefficient: String,
    /// Aggravating surcharges in force (A121-1-2), e.g. three responsible claims in a period.
    pub surcharges: Vec<SurchargeDto>,
    pub total: String,
}

/// A surcharge on the next premium.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SurchargeDto {
    /// In French.
    pub label: String,
    /// Percent of the reference premium.
    pub rate: String,
    pub amount: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContractRecord {
    pub id: i64,
    pub client_id: i64,
    pub insurer: String,
    pub number: String,
    pub product: String,
    pub subscription_date: String,
    pub first_echeance: String,
    pub usage: String,
    pub clause_applies: bool,
    pub start_coefficient: String,
    pub status: String,
    /// Status changes and amendments, in date order.
    pub events: Vec<ContractEventDto>,
    /// The values each correction of the terms replaced, oldest first.
    pub revisions: Vec<RevisionDto>,
    pub premiums: Vec<PremiumDraft>,
    /// The coefficient in force today (1.00 when the clause does not apply).
    pub coefficient_in_force: String,
    pub coefficient_history: Vec<EcheanceDto>,
    pub periods_at_floor: u32,
    pub claim_free_streak: u32,
    /// The next claim would be forgiven (three years and more at 0.50).
    pub protection_active: bool,
    /// The next échéance and what one more claim today would make it.
    pub projection: Option<ProjectionDto>,
    /// The premium at the next échéance if nothing else happens.
    pub next_premium: Option<PremiumDto>,
    pub claims: Vec<ClaimRecord>,
    pub vehicles: Vec<VehicleDto>,
    pub drivers: Vec<DriverDto>,
    /// The French calculation note.
    pub note: String,
}

pub(crate) fn field(code: &str, msg: impl Into<String>) -> AppError {
    AppError::new(format!("invalid:{code}"), msg)
}

pub(crate) fn date_field(s: &str, code: &str, label: &str) -> Result<NaiveDate, AppError> {
    parse_date(s).map_err(|m| field(code, format!("{label} : {m}")))
}

pub(crate) fn money(s: &str, code: &str) -> Result<Decimal, AppError> {
    let t = s
        .trim()
        .replace([' ', '\u{a0}', '\u{202f}', '€'], "")
        .replace(',', ".");
    let d: Decimal = t.parse().map_err(|_| {
        field(
            code,
            format!("« {s} » n'est pas un montant (exemple : 350,00)."),
        )
    })?;
    if d.is_sign_negative() || d.scale() > 2 {
        return Err(field(
            code,
            format!("« {s} » : un montant positif, deux décimales au plus."),
        ));
    }
    Ok(d)
}

pub(crate) fn cents(d: Decimal) -> i64 {
    (d * Decimal::from(100))
        .trunc()
        .try_into()
        .unwrap_or(i64::MAX)
}

fn from_cents(c: i64) -> Decimal {
    Decimal::new(c, 2)
}

pub(crate) fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The engine's history from the stored facts, as known on `until`.
fn history(f: &ContractFacts, until: NaiveDate) -> Result<DatedHistory, AppError> {
    let c = &f.contract;
    // A terminated contract has no échéance after its termination.
    let until = f.terminated_on.map_or(until, |t| until.min(t));
    let bad = |what: &str| {
        AppError::new(
            "corrupt",
            format!("Donnée illisible dans la base (contrat {} : {what}).", c.id),
        )
    };
    Ok(DatedHistory {
        usage: Usage::parse(&c.usage).ok_or_else(|| bad("usage inconnu"))?,
        start_coefficient: Coefficient::from_hundredths(c.start_coefficient)
            .map_err(|_| bad("coefficient de départ"))?,
        start_periods_at_floor: c.start_periods_at_floor,
        start_claim_free_streak: c.start_claim_free_streak,
        subscription_date: c.subscription_date,
        first_echeance: c.first_echeance,
        until,
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
                    kind: ClaimKind::parse(&cl.kind).ok_or_else(|| bad("nature de sinistre"))?,
                    responsibility: Responsibility::parse(&first.responsibility)
                        .ok_or_else(|| bad("responsabilité"))?,
                    requalifications: q
                        .map(|r| {
                            Ok(Requalification {
                                on: r.found_on,
                                responsibility: Responsibility::parse(&r.responsibility)
                                    .ok_or_else(|| bad("responsabilité"))?,
                            })
                        })
                        .collect::<Result<_, AppError>>()?,
                })
            })
            .collect::<Result<_, AppError>>()?,
    })
}

fn outcome(f: &ContractFacts, today: NaiveDate) -> Result<DatedOutcome, AppError> {
    compute_dated(&history(f, today)?, &RuleOptions::default())
        .map_err(|e| AppError::new("invalid_operation", format!("Opération impossible : {e}")))
}

/// The rows the store keeps: the coefficient set at each échéance reached by `today` (what
/// lists, the calendar and reports query). The periods and the trace are not kept: the engine
/// rebuilds them from the dated facts when a page or a note shows them.
pub(crate) fn coefficient_rows(
    f: &ContractFacts,
    today: NaiveDate,
) -> Result<Vec<EcheanceRow>, DeriveError> {
    let out = outcome(f, today)?;
    Ok(out
        .echeances
        .iter()
        .map(|e| EcheanceRow {
            echeance: e.date,
            coefficient: e.coefficient.hundredths(),
        })
        .collect())
}

pub(crate) fn claim_record(c: &ClaimRow) -> ClaimRecord {
    ClaimRecord {
        id: c.id,
        contract_id: c.contract_id,
        occurred_on: iso(c.occurred_on),
        declared_on: c.declared_on.map(iso),
        kind: c.kind.clone(),
        responsibility: c
            .qualifications
            .last()
            .map(|q| q.responsibility.clone())
            .unwrap_or_default(),
        qualifications: c
            .qualifications
            .iter()
            .map(|q| QualificationDto {
                responsibility: q.responsibility.clone(),
                found_on: iso(q.found_on),
                note: q.note.clone(),
                recorded_at: q.recorded_at.clone(),
            })
            .collect(),
        status: c
            .statuses
            .last()
            .map(|s| s.status.clone())
            .unwrap_or_else(|| "declare".into()),
        statuses: c
            .statuses
            .iter()
            .map(|s| StatusDto {
                status: s.status.clone(),
                on_date: iso(s.on_date),
                note: s.note.clone(),
            })
            .collect(),
        place: c.place.clone(),
        description: c.description.clone(),
        insurer_reference: c.insurer_reference.clone(),
        // The estimate given at declaration is the first `estimation` amount (schema 3).
        estimated: latest_amount(c, "estimation").map(money_text),
        paid: {
            let mut paid = c
                .amounts
                .iter()
                .filter(|a| a.kind == "reglement")
                .peekable();
            paid.peek()
                .is_some()
                .then(|| money_text(paid.map(|a| a.amount_cents).sum()))
        },
        franchise: latest_amount(c, "franchise").map(money_text),
        amounts: c
            .amounts
            .iter()
            .map(|a| AmountDto {
                kind: a.kind.clone(),
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
                role: p.role.clone(),
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
                channel: m.channel.clone(),
                direction: m.direction.clone(),
                summary: m.summary.clone(),
                recorded_at: m.recorded_at.clone(),
            })
            .collect(),
    }
}

/// The vehicles of a contract, each with its corrections.
pub(crate) fn vehicles_with_revisions(
    s: &dyn AgencyStore,
    contract_id: i64,
) -> Result<Vec<VehicleDto>, AppError> {
    s.vehicles_of_contract(contract_id)?
        .into_iter()
        .map(|v| {
            let revisions = revision_dtos(&s.revisions(Entity::Vehicle, v.id)?);
            Ok(VehicleDto {
                revisions,
                ..vehicle_dto(v)
            })
        })
        .collect()
}

/// The drivers of a contract, each with its corrections.
pub(crate) fn drivers_with_revisions(
    s: &dyn AgencyStore,
    contract_id: i64,
    today: NaiveDate,
) -> Result<Vec<DriverDto>, AppError> {
    s.drivers_of_contract(contract_id)?
        .into_iter()
        .map(|d| {
            let revisions = revision_dtos(&s.revisions(Entity::Driver, d.id)?);
            Ok(DriverDto {
                revisions,
                ..driver_dto(d, today)
            })
        })
        .collect()
}

pub(crate) fn revision_dtos(rows: &[courtier_port::RevisionRow]) -> Vec<RevisionDto> {
    rows.iter()
        .map(|r| RevisionDto {
            previous: serde_json::from_str(&r.previous).unwrap_or(serde_json::Value::Null),
            reason: r.reason.clone(),
            recorded_at: r.recorded_at.clone(),
        })
        .collect()
}

/// The novice surcharge on `on` for the contract's drivers (a responsible claim of theirs, or
/// with an unknown driver, ends a claim-free year).
fn novice_at(
    f: &ContractFacts,
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
        .filter(|c| {
            c.qualifications
                .last()
                .is_some_and(|q| q.responsibility != "none")
        })
        .map(|c| (c.occurred_on, c.driver_id))
        .collect();
    novice_surcharge(
        &named,
        &responsible,
        on,
        RuleOptions::default().novice_schedule,
    )
}

pub(crate) fn money_text(c: i64) -> String {
    from_cents(c).to_string()
}

/// The latest amount of a kind (amounts are in date order).
fn latest_amount(c: &ClaimRow, kind: &str) -> Option<i64> {
    c.amounts
        .iter()
        .rev()
        .find(|a| a.kind == kind)
        .map(|a| a.amount_cents)
}

fn premium_lines(rows: &[PremiumLineRow], on: NaiveDate) -> Vec<PremiumLine> {
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

/// Premium lines as sent, checked, in force from `from`.
pub(crate) fn premium_rows(
    premiums: &[PremiumDraft],
    from: NaiveDate,
) -> Result<Vec<PremiumLineRow>, AppError> {
    premiums
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if p.guarantee.trim().is_empty() {
                return Err(field(
                    &format!("premiums[{i}].guarantee"),
                    "Garantie sans nom.",
                ));
            }
            Ok(PremiumLineRow {
                from_date: from,
                guarantee: p.guarantee.trim().to_string(),
                amount_cents: cents(money(&p.amount, &format!("premiums[{i}].amount"))?),
                modulated: p.modulated,
            })
        })
        .collect()
}

/// The terms of a contract, checked: the same checks at creation and at each correction.
pub(crate) fn checked_terms(
    d: &ContractDraft,
) -> Result<courtier_port::ContractCorrection, AppError> {
    let product = d.product.clone().unwrap_or_else(|| "auto".into());
    if !["auto", "habitation", "sante", "prevoyance", "autre"].contains(&product.as_str()) {
        return Err(field(
            "product",
            format!("Produit inconnu « {product} » (auto, habitation, sante, prevoyance, autre)."),
        ));
    }
    let usage = d.usage.clone().unwrap_or_else(|| "standard".into());
    if Usage::parse(&usage).is_none() {
        return Err(field(
            "usage",
            format!("Usage inconnu « {usage} » (standard ou tournees)."),
        ));
    }
    let number = d.number.trim();
    if number.is_empty() {
        return Err(field("number", "Le numéro de contrat est vide."));
    }
    if d.insurer.trim().is_empty() {
        return Err(field("insurer", "L'assureur est vide."));
    }
    let subscription = date_field(
        &d.subscription_date,
        "subscriptionDate",
        "Date de souscription",
    )?;
    let first = date_field(&d.first_echeance, "firstEcheance", "Première échéance")?;
    if first <= subscription {
        return Err(field(
            "firstEcheance",
            "La première échéance doit suivre la date de souscription.",
        ));
    }
    if first
        > subscription
            .checked_add_months(chrono::Months::new(12))
            .unwrap_or(subscription)
    {
        return Err(field(
            "firstEcheance",
            "La première échéance doit tomber dans les douze mois qui suivent la souscription.",
        ));
    }
    let start = match d.start_coefficient.as_deref().map(str::trim) {
        None | Some("") => Coefficient::ONE,
        Some(s) => Coefficient::parse(s).map_err(|e| field("startCoefficient", e.to_string()))?,
    };
    Ok(courtier_port::ContractCorrection {
        number: number.to_string(),
        product,
        subscription_date: subscription,
        first_echeance: first,
        usage,
        clause_applies: d.clause_applies.unwrap_or(true),
        start_coefficient: start.hundredths(),
    })
}

impl Courtier {
    pub(crate) fn today(&self) -> NaiveDate {
        self.config.clock.today()
    }

    pub(crate) fn contract_record(
        &self,
        s: &mut dyn AgencyStore,
        id: i64,
    ) -> Result<ContractRecord, AppError> {
        let today = self.today();
        let facts = s.contract_facts(id)?;
        let out = outcome(&facts, today)?;
        // The date moved on since the last computation: keep the stored history current.
        if s.coefficient_history(id)?.len() != out.echeances.len() {
            let now = self.now();
            s.recompute_contract(id, &now, &|f| coefficient_rows(f, today))?;
        }
        let c: &ContractRow = &facts.contract;
        let clause = c.clause_applies;
        let h = history(&facts, today)?;
        let in_force = applicable_coefficient(clause, coefficient_in_force(&h, &out, today));
        let projection = if facts.terminated_on.is_some() {
            None
        } else {
            project(&h, &RuleOptions::default(), today, today).ok()
        };
        let premiums_rows = s.contract_premiums(id)?;
        let driver_rows = s.drivers_of_contract(id)?;
        let next_premium = projection.as_ref().map(|p| {
            let lines = premium_lines(&premiums_rows, p.next_echeance);
            let novice = novice_at(&facts, &driver_rows, p.next_echeance);
            // The periods closed by the next échéance, for the claims counted in them.
            let events = outcome(&facts, p.next_echeance)
                .map(|o| three_claims_events(&o.trace))
                .unwrap_or_default();
            let surcharges = surcharges_in_force(&events, c.first_echeance, p.next_echeance);
            let n = premium_notice(
                &lines,
                applicable_coefficient(clause, p.if_nothing_happens),
                novice.map_or(Decimal::ZERO, |x| x.rate),
                &surcharges,
            );
            PremiumDto {
                reference_modulated: n.reference_modulated.to_string(),
                not_modulated: n.not_modulated.to_string(),
                novice_rate: n.novice_rate.to_string(),
                novice_amount: n.novice_amount.to_string(),
                coefficient: n.coefficient.to_string(),
                after_coefficient: n.after_coefficient.to_string(),
                surcharges: n
                    .surcharges
                    .iter()
                    .map(|x| SurchargeDto {
                        label: x.kind.fr().to_string(),
                        rate: x.rate.to_string(),
                        amount: x.amount.to_string(),
                        note: x.note.clone(),
                    })
                    .collect(),
                total: n.total.to_string(),
            }
        });
        let events = s.contract_events(id)?;
        let status = events
            .iter()
            .filter(|e| e.on_date <= today)
            .filter_map(|e| e.status.clone())
            .next_back()
            .unwrap_or_else(|| "en_cours".into());
        Ok(ContractRecord {
            id,
            client_id: c.client_id,
            insurer: c.insurer_name.clone(),
            number: c.number.clone(),
            product: c.product.clone(),
            subscription_date: iso(c.subscription_date),
            first_echeance: iso(c.first_echeance),
            usage: c.usage.clone(),
            clause_applies: clause,
            start_coefficient: Coefficient::clamped(c.start_coefficient).to_string(),
            status,
            events: events
                .into_iter()
                .map(|e| ContractEventDto {
                    on_date: iso(e.on_date),
                    kind: e.kind,
                    status: e.status,
                    terminated_by: e.terminated_by,
                    details: e.details,
                    recorded_at: e.recorded_at,
                })
                .collect(),
            premiums: premiums_rows
                .iter()
                .map(|p| PremiumDraft {
                    guarantee: p.guarantee.clone(),
                    amount: from_cents(p.amount_cents).to_string(),
                    modulated: p.modulated,
                })
                .collect(),
            coefficient_in_force: in_force.to_string(),
            coefficient_history: out
                .echeances
                .iter()
                .map(|e| EcheanceDto {
                    echeance: iso(e.date),
                    period_start: iso(e.period_start),
                    period_end: iso(e.period_end),
                    coefficient: e.coefficient.to_string(),
                })
                .collect(),
            periods_at_floor: out.end.periods_at_floor,
            claim_free_streak: out.end.claim_free_streak,
            protection_active: out.end.coefficient == Coefficient::FLOOR
                && out.end.periods_at_floor >= 3,
            projection: projection.map(|p| ProjectionDto {
                next_echeance: iso(p.next_echeance),
                if_nothing_happens: applicable_coefficient(clause, p.if_nothing_happens)
                    .to_string(),
                claim_counts_at: iso(p.claim_counts_at),
                with_full_claim: applicable_coefficient(clause, p.with_full_claim).to_string(),
                with_partial_claim: applicable_coefficient(clause, p.with_partial_claim)
                    .to_string(),
            }),
            next_premium,
            claims: facts.claims.iter().map(claim_record).collect(),
            revisions: revision_dtos(&s.revisions(Entity::Contract, id)?),
            vehicles: vehicles_with_revisions(s, id)?,
            drivers: drivers_with_revisions(s, id, today)?,
            note: courtier_domain::bonus_malus::note::render(&out.trace),
        })
    }

    /// Records a contract and computes its coefficients.
    pub fn contract_create(&self, d: &ContractDraft) -> Result<ContractRecord, AppError> {
        let terms = checked_terms(d)?;
        let status = d.status.clone().unwrap_or_else(|| "en_cours".into());
        if !["en_cours", "devis"].contains(&status.as_str()) {
            return Err(field(
                "status",
                "Un contrat commence « en_cours » ou « devis ».",
            ));
        }
        let premiums = premium_rows(&d.premiums, terms.subscription_date)?;
        let now = self.now();
        let today = self.today();
        self.with_store(|s| {
            let insurer_id = s.insurer_id(&d.insurer, &now)?;
            let id = s.insert_contract(
                &NewContract {
                    client_id: d.client_id,
                    insurer_id,
                    number: terms.number.clone(),
                    product: terms.product.clone(),
                    subscription_date: terms.subscription_date,
                    first_echeance: terms.first_echeance,
                    usage: terms.usage.clone(),
                    clause_applies: terms.clause_applies,
                    start_coefficient: terms.start_coefficient,
                    start_periods_at_floor: 0,
                    start_claim_free_streak: 0,
                    status: status.clone(),
                    premiums: premiums.clone(),
                },
                &now,
                &|f| coefficient_rows(f, today),
            )?;
            self.contract_record(s, id)
        })
    }

    pub fn contract_get(&self, id: i64) -> Result<ContractRecord, AppError> {
        self.with_store(|s| self.contract_record(s, id))
    }

    pub fn contracts_of_client(&self, client_id: i64) -> Result<Vec<ContractRecord>, AppError> {
        self.with_store(|s| {
            let ids: Vec<i64> = s
                .contracts_of_client(client_id)?
                .iter()
                .map(|c| c.id)
                .collect();
            ids.into_iter()
                .map(|id| self.contract_record(s, id))
                .collect()
        })
    }

    /// Records a claim; the coefficient and the next premium are recomputed at once.
    pub fn claim_create(&self, d: &ClaimDraft) -> Result<ContractRecord, AppError> {
        let today = self.today();
        let (occurred, declared) = crate::claims::checked_claim_dates(
            &d.occurred_on,
            d.declared_on.as_deref(),
            &d.kind,
            today,
        )?;
        if Responsibility::parse(&d.responsibility).is_none() {
            return Err(field(
                "responsibility",
                format!(
                    "Responsabilité inconnue « {} » (full, partial, none).",
                    d.responsibility
                ),
            ));
        }
        let estimated = match d.estimated.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(cents(money(s, "estimated")?)),
        };
        let now = self.now();
        self.with_store(|s| {
            let contract = s.contract(d.contract_id)?;
            if occurred < contract.subscription_date {
                return Err(field(
                    "occurredOn",
                    "Le sinistre précède la souscription du contrat : il relève du relevé d'information de l'assureur précédent.",
                ));
            }
            s.insert_claim(
                &NewClaim {
                    contract_id: d.contract_id,
                    occurred_on: occurred,
                    declared_on: declared,
                    kind: d.kind.clone(),
                    responsibility: d.responsibility.clone(),
                    place: d.place.clone(),
                    description: d.description.clone(),
                    insurer_reference: d.insurer_reference.clone(),
                    estimated_cents: estimated,
                    vehicle_id: d.vehicle_id,
                    driver_id: d.driver_id,
                },
                &now,
                &|f| coefficient_rows(f, today),
            )?;
            self.contract_record(s, d.contract_id)
        })
    }

    /// Requalifies a claim (art. 8): the earlier qualification is kept; the coefficients are
    /// recomputed from its period on.
    pub fn claim_requalify(
        &self,
        claim_id: i64,
        responsibility: &str,
        found_on: &str,
        note: Option<&str>,
    ) -> Result<ContractRecord, AppError> {
        if Responsibility::parse(responsibility).is_none() {
            return Err(field(
                "responsibility",
                format!("Responsabilité inconnue « {responsibility} » (full, partial, none)."),
            ));
        }
        let on = date_field(found_on, "foundOn", "Date du constat")?;
        let now = self.now();
        let today = self.today();
        self.with_store(|s| {
            let contract_id =
                s.requalify_claim(claim_id, responsibility, on, note, &now, &|f| {
                    coefficient_rows(f, today)
                })?;
            self.contract_record(s, contract_id)
        })
    }

    /// Records a suspension of cover `[from, to)`; the coefficients are recomputed.
    pub fn contract_suspend(
        &self,
        id: i64,
        from: &str,
        to: &str,
    ) -> Result<ContractRecord, AppError> {
        let f = date_field(from, "from", "Début de la suspension")?;
        let t = date_field(to, "to", "Fin de la suspension")?;
        if t <= f {
            return Err(field(
                "to",
                "La fin de la suspension doit suivre son début.",
            ));
        }
        let now = self.now();
        let today = self.today();
        self.with_store(|s| {
            s.add_interruption(id, f, t, None, &now, &|facts| {
                coefficient_rows(facts, today)
            })?;
            s.contract_status(id, "suspendu", f, None, None, &now)?;
            s.contract_status(id, "en_cours", t, None, None, &now)?;
            self.contract_record(s, id)
        })
    }
}

/// What Courtier makes of a relevé d'information (R17, R18).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReleveResult {
    pub id: i64,
    /// The starting coefficient of the new contract, when the relevé gives what it needs.
    pub start_coefficient: Option<String>,
    /// How it was reached, in French.
    pub steps: Vec<String>,
    /// The stated coefficient is outside what the listed claims allow.
    pub inconsistency: Option<String>,
    pub implied_min: Option<String>,
    pub implied_max: Option<String>,
    /// Mandatory fields the relevé lacks (R18 and, from 24 July 2025, the EU template).
    pub missing_fields: Vec<String>,
}

impl Courtier {
    /// Records a relevé received for a client (the document in the JSON form of
    /// [`courtier_domain::bonus_malus::ReleveDocument`]) and computes the starting coefficient
    /// of a new contract by R17, with its steps and the consistency check.
    pub fn releve_record(
        &self,
        client_id: i64,
        document_json: &str,
    ) -> Result<ReleveResult, AppError> {
        let doc: courtier_domain::bonus_malus::ReleveDocument = serde_json::from_str(document_json)
            .map_err(|e| AppError::new("invalid:releve", format!("Relevé illisible : {e}")))?;
        let missing = doc.missing_fields();
        let outcome = doc.to_releve().map(|r| {
            courtier_domain::bonus_malus::start_coefficient_from_releve(&r, &RuleOptions::default())
        });
        let now = self.now();
        let canonical = serde_json::to_string(&doc).map_err(AppError::internal)?;
        self.with_store(|s| {
            let id = s.insert_releve(
                client_id,
                doc.issued_on,
                &canonical,
                outcome.as_ref().map(|o| o.start_coefficient.hundredths()),
                outcome.as_ref().and_then(|o| o.inconsistency.as_deref()),
                &now,
            )?;
            Ok(ReleveResult {
                id,
                start_coefficient: outcome.as_ref().map(|o| o.start_coefficient.to_string()),
                steps: outcome
                    .as_ref()
                    .map(|o| o.steps.clone())
                    .unwrap_or_default(),
                inconsistency: outcome.as_ref().and_then(|o| o.inconsistency.clone()),
                implied_min: outcome.as_ref().map(|o| o.implied_min.to_string()),
                implied_max: outcome.as_ref().map(|o| o.implied_max.to_string()),
                missing_fields: missing.clone(),
            })
        })
    }
}

/// A vehicle as the form (or the CLI) sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VehicleDraft {
    pub contract_id: i64,
    pub registration: String,
    pub make: Option<String>,
    pub model: Option<String>,
    pub first_registration: Option<String>,
    pub from_date: String,
    /// R16: the vehicle comes with other usual drivers (than the contract's so far): a reduction
    /// in force is lost from `from_date`. For a replacement, `vehicle_replace`'s flag decides.
    pub other_drivers: bool,
}

/// A driver as the form (or the CLI) sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DriverDraft {
    pub contract_id: i64,
    pub client_id: Option<i64>,
    /// `principal`, `secondaire` or `occasionnel`.
    pub role: String,
    pub last_name: String,
    pub first_name: Option<String>,
    pub birth_date: Option<String>,
    pub licence_number: Option<String>,
    pub licence_date: Option<String>,
    pub aac: bool,
    pub from_date: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VehicleDto {
    pub id: i64,
    pub registration: String,
    pub make: Option<String>,
    pub model: Option<String>,
    pub first_registration: Option<String>,
    pub from_date: String,
    pub to_date: Option<String>,
    pub replaced_by: Option<i64>,
    pub transfer_note: Option<String>,
    /// It entered the contract with other usual drivers (R16: a reduction was lost).
    pub other_drivers: bool,
    /// The values each correction replaced, oldest first.
    pub revisions: Vec<RevisionDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DriverDto {
    pub id: i64,
    pub client_id: Option<i64>,
    pub role: String,
    pub last_name: String,
    pub first_name: Option<String>,
    pub birth_date: Option<String>,
    pub licence_number: Option<String>,
    pub licence_date: Option<String>,
    pub aac: bool,
    /// Licence for less than three years today (A121-1-1).
    pub novice: bool,
    pub from_date: String,
    /// The end of the designation, if it ended.
    pub to_date: Option<String>,
    /// The values each correction replaced, oldest first.
    pub revisions: Vec<RevisionDto>,
}

pub(crate) fn vehicle_dto(v: courtier_port::VehicleRow) -> VehicleDto {
    VehicleDto {
        id: v.id,
        registration: v.registration,
        make: v.make,
        model: v.model,
        first_registration: v.first_registration.map(iso),
        from_date: iso(v.from_date),
        to_date: v.to_date.map(iso),
        replaced_by: v.replaced_by,
        transfer_note: v.transfer_note,
        other_drivers: v.other_drivers,
        revisions: Vec::new(),
    }
}

pub(crate) fn driver_dto(d: courtier_port::DriverRow, today: NaiveDate) -> DriverDto {
    DriverDto {
        id: d.id,
        client_id: d.client_id,
        role: d.role,
        last_name: d.last_name,
        first_name: d.first_name,
        birth_date: d.birth_date.map(iso),
        licence_number: d.licence_number,
        licence_date: d.licence_date.map(iso),
        aac: d.aac,
        novice: courtier_domain::vehicle::is_novice(d.licence_date, today),
        from_date: iso(d.from_date),
        to_date: d.to_date.map(iso),
        revisions: Vec::new(),
    }
}

pub(crate) fn opt_date_field(
    s: &Option<String>,
    code: &str,
    label: &str,
) -> Result<Option<NaiveDate>, AppError> {
    match s.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(x) => date_field(x, code, label).map(Some),
    }
}

impl Courtier {
    /// The vehicles and drivers of a contract.
    pub fn contract_vehicles_drivers(
        &self,
        contract_id: i64,
    ) -> Result<(Vec<VehicleDto>, Vec<DriverDto>), AppError> {
        let today = self.today();
        self.with_store(|s| {
            Ok((
                vehicles_with_revisions(s, contract_id)?,
                drivers_with_revisions(s, contract_id, today)?,
            ))
        })
    }

    pub(crate) fn vehicle_row(
        &self,
        d: &VehicleDraft,
    ) -> Result<courtier_port::VehicleRow, AppError> {
        let registration = courtier_domain::vehicle::registration(&d.registration)
            .map_err(|m| field("registration", m))?;
        let first_registration = opt_date_field(
            &d.first_registration,
            "firstRegistration",
            "Première immatriculation",
        )?;
        let from_date = date_field(&d.from_date, "fromDate", "Date d'entrée au contrat")?;
        if first_registration.is_some_and(|f| f > from_date) {
            return Err(field(
                "firstRegistration",
                "La première immatriculation ne peut suivre l'entrée au contrat.",
            ));
        }
        let clean = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(str::to_string)
        };
        Ok(courtier_port::VehicleRow {
            id: 0,
            contract_id: d.contract_id,
            registration,
            make: clean(&d.make),
            model: clean(&d.model),
            first_registration,
            from_date,
            to_date: None,
            replaced_by: None,
            transfer_note: None,
            other_drivers: d.other_drivers,
        })
    }

    /// Puts a vehicle on a contract; with other usual drivers the reduction in force is lost
    /// (R16) and the coefficients are recomputed in the same transaction.
    pub fn vehicle_add(&self, d: &VehicleDraft) -> Result<VehicleDto, AppError> {
        let row = self.vehicle_row(d)?;
        let now = self.now();
        let today = self.today();
        let id = self.with_store(|s| {
            Ok(s.insert_vehicle(&row, None, &now, &|f| coefficient_rows(f, today))?)
        })?;
        self.find_vehicle(d.contract_id, id)
    }

    /// Replaces a vehicle (R16): the coefficient moves with the contract; a reduction transfers
    /// only if the usual drivers are the same or fewer, a malus always. The decision is kept with
    /// the replaced vehicle.
    pub fn vehicle_replace(
        &self,
        old_vehicle_id: i64,
        d: &VehicleDraft,
        same_or_fewer_drivers: bool,
    ) -> Result<VehicleDto, AppError> {
        let mut row = self.vehicle_row(d)?;
        row.other_drivers = !same_or_fewer_drivers;
        let record = self.contract_get(d.contract_id)?;
        let c = Coefficient::parse(&record.coefficient_in_force).map_err(AppError::internal)?;
        let (after, why) =
            courtier_domain::bonus_malus::transfer_on_replacement(c, same_or_fewer_drivers);
        let note = format!(
            "Remplacement le {} : coefficient {} → {} ; {why}.",
            row.from_date.format("%d/%m/%Y"),
            c.fr(),
            after.fr()
        );
        let now = self.now();
        let today = self.today();
        let id = self.with_store(|s| {
            Ok(
                s.insert_vehicle(&row, Some((old_vehicle_id, &note)), &now, &|f| {
                    coefficient_rows(f, today)
                })?,
            )
        })?;
        self.find_vehicle(d.contract_id, id)
    }

    fn find_vehicle(&self, contract_id: i64, id: i64) -> Result<VehicleDto, AppError> {
        self.contract_vehicles_drivers(contract_id)?
            .0
            .into_iter()
            .find(|v| v.id == id)
            .ok_or_else(|| AppError::internal("véhicule enregistré introuvable"))
    }

    /// A driver as sent, checked (at designation and at each correction).
    pub(crate) fn driver_row(&self, d: &DriverDraft) -> Result<courtier_port::DriverRow, AppError> {
        if !["principal", "secondaire", "occasionnel"].contains(&d.role.as_str()) {
            return Err(field(
                "role",
                "Le rôle du conducteur est principal, secondaire ou occasionnel.",
            ));
        }
        let last_name = d.last_name.trim();
        if last_name.is_empty() {
            return Err(field("lastName", "Le nom du conducteur est vide."));
        }
        let birth_date = opt_date_field(&d.birth_date, "birthDate", "Date de naissance")?;
        let licence_date = opt_date_field(&d.licence_date, "licenceDate", "Date du permis")?;
        let from_date = date_field(&d.from_date, "fromDate", "Date de désignation")?;
        let today = self.today();
        if licence_date.is_some_and(|l| l > today) {
            return Err(field("licenceDate", "La date du permis est dans le futur."));
        }
        if let (Some(b), Some(l)) = (birth_date, licence_date) {
            if l < b
                .checked_add_months(chrono::Months::new(12 * 15))
                .unwrap_or(b)
            {
                return Err(field(
                    "licenceDate",
                    "Un permis B ne s'obtient pas avant 15 ans (conduite accompagnée) : vérifiez les dates.",
                ));
            }
        }
        let row = courtier_port::DriverRow {
            id: 0,
            contract_id: d.contract_id,
            client_id: d.client_id,
            role: d.role.clone(),
            last_name: last_name.to_string(),
            first_name: d.first_name.clone().filter(|x| !x.trim().is_empty()),
            birth_date,
            licence_number: d.licence_number.clone().filter(|x| !x.trim().is_empty()),
            licence_date,
            aac: d.aac,
            from_date,
            to_date: None,
        };
        Ok(row)
    }

    /// Names a driver on a contract.
    pub fn driver_add(&self, d: &DriverDraft) -> Result<DriverDto, AppError> {
        let row = self.driver_row(d)?;
        let now = self.now();
        let id = self.with_store(|s| Ok(s.insert_driver(&row, &now)?))?;
        self.contract_vehicles_drivers(d.contract_id)?
            .1
            .into_iter()
            .find(|x| x.id == id)
            .ok_or_else(|| AppError::internal("conducteur enregistré introuvable"))
    }
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
    pub kind: String,
    pub responsibility: String,
    pub status: String,
    pub status_since: String,
    /// Days since the claim occurred.
    pub age_days: i64,
}

const TERMINATED_BY: [&str; 6] = [
    "client",
    "assureur",
    "loi_hamon",
    "loi_chatel",
    "vente_vehicule",
    "autre",
];

impl Courtier {
    /// Terminates a contract (résiliation) on a date, by whom (client, assureur, loi_hamon,
    /// loi_chatel, vente_vehicule, autre) and why. The history is kept; the coefficients stop at
    /// the last échéance before the termination, and the relevé to issue starts from them.
    pub fn contract_terminate(
        &self,
        id: i64,
        on: &str,
        by: &str,
        reason: Option<&str>,
    ) -> Result<ContractRecord, AppError> {
        if !TERMINATED_BY.contains(&by) {
            return Err(field(
                "terminatedBy",
                format!(
                    "Auteur de la résiliation inconnu « {by} » ({}).",
                    TERMINATED_BY.join(", ")
                ),
            ));
        }
        let on = date_field(on, "onDate", "Date de résiliation")?;
        let now = self.now();
        let today = self.today();
        self.with_store(|s| {
            let c = s.contract(id)?;
            if on <= c.subscription_date {
                return Err(field(
                    "onDate",
                    "La résiliation doit suivre la souscription.",
                ));
            }
            s.terminate_contract(id, on, by, reason, &now, &|f| coefficient_rows(f, today))?;
            self.contract_record(s, id)
        })
    }
}

impl Courtier {
    /// Adds someone involved in a claim (expert, garage, other party, their insurer).
    pub fn claim_party_add(&self, claim_id: i64, p: &PartyDto) -> Result<ContractRecord, AppError> {
        if !["expert", "garage", "tiers", "assureur_tiers", "autre"].contains(&p.role.as_str()) {
            return Err(field(
                "role",
                "Le rôle est expert, garage, tiers, assureur_tiers ou autre.",
            ));
        }
        let name = p.name.trim();
        if name.is_empty() {
            return Err(field("name", "Le nom de l'intervenant est vide."));
        }
        let phone = match p.phone.as_deref().map(str::trim).filter(|x| !x.is_empty()) {
            None => None,
            Some(x) => {
                Some(courtier_domain::client::phone_number(x).map_err(|m| field("phone", m))?)
            }
        };
        let email = match p.email.as_deref().map(str::trim).filter(|x| !x.is_empty()) {
            None => None,
            Some(x) => Some(courtier_domain::client::email(x).map_err(|m| field("email", m))?),
        };
        let row = courtier_port::PartyRow {
            id: 0,
            role: p.role.clone(),
            name: name.to_string(),
            phone,
            email,
            address: p.address.clone().filter(|x| !x.trim().is_empty()),
            reference: p.reference.clone().filter(|x| !x.trim().is_empty()),
        };
        let now = self.now();
        self.with_store(|s| {
            let contract_id = s.insert_party(claim_id, &row, &now)?;
            self.contract_record(s, contract_id)
        })
    }

    /// Logs an exchange about a claim, with one of its parties or not.
    pub fn claim_communication_add(
        &self,
        claim_id: i64,
        m: &CommunicationDto,
    ) -> Result<ContractRecord, AppError> {
        if !["telephone", "email", "courrier", "rendez_vous", "autre"].contains(&m.channel.as_str())
        {
            return Err(field(
                "channel",
                "Le canal est telephone, email, courrier, rendez_vous ou autre.",
            ));
        }
        if !["entrant", "sortant"].contains(&m.direction.as_str()) {
            return Err(field("direction", "Le sens est entrant ou sortant."));
        }
        let summary = m.summary.trim();
        if summary.is_empty() {
            return Err(field("summary", "Le résumé de l'échange est vide."));
        }
        let at = m.at.trim();
        let (day, time) = at.split_once('T').unwrap_or((at, ""));
        date_field(day, "at", "Date de l'échange")?;
        if !time.is_empty()
            && chrono::NaiveTime::parse_from_str(time, "%H:%M")
                .or_else(|_| chrono::NaiveTime::parse_from_str(time, "%H:%M:%S"))
                .is_err()
        {
            return Err(field("at", format!("Heure « {time} » invalide (HH:MM).")));
        }
        let row = courtier_port::CommunicationRow {
            id: 0,
            party_id: m.party_id,
            at: at.to_string(),
            channel: m.channel.clone(),
            direction: m.direction.clone(),
            summary: summary.to_string(),
            recorded_at: String::new(),
        };
        let now = self.now();
        self.with_store(|s| {
            let contract_id = s.insert_communication(claim_id, &row, &now)?;
            // The exchange is saved: an anchor that cannot be written must not make the broker
            // record it twice. `courtier check` then simply checks against the older anchor.
            if let Err(e) = self.write_anchor(&s.exchange_anchor()?) {
                eprintln!(
                    "Courtier : l'ancre du journal des échanges n'a pas pu être écrite : {}",
                    e.message
                );
            }
            self.contract_record(s, contract_id)
        })
    }
}

const CLAIM_STATUSES: [&str; 6] = [
    "declare",
    "en_expertise",
    "en_reparation",
    "indemnise",
    "clos",
    "refuse",
];

impl Courtier {
    /// Open claims across the portfolio (last status neither clos nor refusé), oldest first.
    pub fn open_claims(&self, limit: Option<u32>) -> Result<Vec<OpenClaim>, AppError> {
        let today = self.today();
        self.with_store(|s| {
            Ok(s.open_claims(limit.unwrap_or(500).clamp(1, 5_000))?
                .into_iter()
                .map(|r| OpenClaim {
                    claim_id: r.claim_id,
                    contract_id: r.contract_id,
                    client_id: r.client_id,
                    client_name: r.client_name,
                    insurer: r.insurer,
                    contract_number: r.contract_number,
                    occurred_on: iso(r.occurred_on),
                    kind: r.kind,
                    responsibility: r.responsibility,
                    status: r.status,
                    status_since: iso(r.status_since),
                    age_days: (today - r.occurred_on).num_days(),
                })
                .collect())
        })
    }

    /// Moves a claim along its workflow (déclaré, en expertise, en réparation, indemnisé, clos,
    /// refusé); every status is a dated fact.
    pub fn claim_set_status(
        &self,
        claim_id: i64,
        status: &str,
        on: &str,
        note: Option<&str>,
    ) -> Result<ContractRecord, AppError> {
        if !CLAIM_STATUSES.contains(&status) {
            return Err(field(
                "status",
                format!("État inconnu « {status} » ({}).", CLAIM_STATUSES.join(", ")),
            ));
        }
        let on = date_field(on, "onDate", "Date du changement d'état")?;
        let now = self.now();
        self.with_store(|s| {
            let contract_id = s.claim_status(claim_id, status, on, note, &now)?;
            self.contract_record(s, contract_id)
        })
    }
}
