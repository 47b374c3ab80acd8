//! A claim's own page (its contract, vehicles and drivers around it), its amounts, the
//! corrections of its declared facts, and contract amendments (avenants). Every change is a new
//! fact: a correction keeps the values it replaced; an amount is a new line.

use crate::contracts::{
    cents, coefficient_rows, date_field, drivers_with_revisions, field, money, premium_rows,
    vehicles_with_revisions, AmountDto, ClaimRecord, ContractRecord, DriverDto, PremiumDraft,
    VehicleDto,
};
use crate::{AppError, Courtier};
use chrono::NaiveDate;
use courtier_domain::bonus_malus::ClaimKind;
use courtier_port::{AmountRow, ClaimCorrection};
use serde::{Deserialize, Serialize};

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
    pub vehicles: Vec<VehicleDto>,
    pub drivers: Vec<DriverDto>,
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

/// An amendment as the form (or the CLI) sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AvenantDraft {
    pub on_date: String,
    /// What the amendment changes, in words (required).
    pub details: String,
    /// Premium lines in force from `on_date` (a guarantee listed here replaces its earlier line).
    pub premiums: Vec<PremiumDraft>,
}

const AMOUNT_KINDS: [&str; 3] = ["estimation", "reglement", "franchise"];

/// The checks every claim's declared facts pass, at creation and at each correction.
pub(crate) fn checked_claim_dates(
    occurred_on: &str,
    declared_on: Option<&str>,
    kind: &str,
    today: NaiveDate,
) -> Result<(NaiveDate, Option<NaiveDate>), AppError> {
    let occurred = date_field(occurred_on, "occurredOn", "Date du sinistre")?;
    if occurred > today {
        return Err(field(
            "occurredOn",
            "La date du sinistre est dans le futur.",
        ));
    }
    let declared = match declared_on.map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(date_field(s, "declaredOn", "Date de déclaration")?),
    };
    if declared.is_some_and(|x| x < occurred) {
        return Err(field(
            "declaredOn",
            "La déclaration ne peut précéder le sinistre.",
        ));
    }
    if declared.is_some_and(|x| x > today) {
        return Err(field(
            "declaredOn",
            "La date de déclaration est dans le futur.",
        ));
    }
    if ClaimKind::parse(kind).is_none() {
        return Err(field(
            "kind",
            format!("Nature de sinistre inconnue « {kind} »."),
        ));
    }
    Ok((occurred, declared))
}

fn text(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
}

impl Courtier {
    /// A claim's page.
    pub fn claim_get(&self, claim_id: i64) -> Result<ClaimPage, AppError> {
        let contract_id = self.with_store(|s| Ok(s.claim_contract(claim_id)?))?;
        let record = self.contract_get(contract_id)?;
        let client = self.client_get(record.client_id)?;
        self.claim_page(record, claim_id, client.display_name)
    }

    fn claim_page(
        &self,
        k: ContractRecord,
        claim_id: i64,
        client_name: String,
    ) -> Result<ClaimPage, AppError> {
        let claim = k
            .claims
            .iter()
            .find(|c| c.id == claim_id)
            .cloned()
            .ok_or_else(|| AppError::internal("sinistre absent de son contrat"))?;
        Ok(ClaimPage {
            claim,
            contract_id: k.id,
            contract_number: k.number,
            insurer: k.insurer,
            client_id: k.client_id,
            client_name,
            clause_applies: k.clause_applies,
            coefficient_in_force: k.coefficient_in_force,
            next_coefficient: k.projection.map(|p| p.if_nothing_happens),
            vehicles: k.vehicles,
            drivers: k.drivers,
        })
    }

    /// Records an estimate, a payment or the franchise of a claim.
    pub fn claim_amount_add(&self, claim_id: i64, a: &AmountDto) -> Result<ClaimPage, AppError> {
        if !AMOUNT_KINDS.contains(&a.kind.as_str()) {
            return Err(field(
                "kind",
                "Le montant est une estimation, un règlement ou une franchise.",
            ));
        }
        let amount = cents(money(&a.amount, "amount")?);
        let on = date_field(&a.on_date, "onDate", "Date du montant")?;
        if on > self.today() {
            return Err(field("onDate", "La date du montant est dans le futur."));
        }
        let row = AmountRow {
            kind: a.kind.clone(),
            amount_cents: amount,
            on_date: on,
            note: text(&a.note),
            recorded_at: String::new(),
        };
        let now = self.now();
        self.with_store(|s| Ok(s.add_claim_amount(claim_id, &row, &now)?))?;
        self.claim_get(claim_id)
    }

    /// Corrects a claim's declared facts (date, kind, place, description, insurer's reference,
    /// vehicle, driver). The earlier values are kept with the reason, and the coefficients are
    /// recomputed in the same transaction.
    pub fn claim_update(&self, claim_id: i64, u: &ClaimUpdate) -> Result<ClaimPage, AppError> {
        let today = self.today();
        let now = self.now();
        let page = self.claim_get(claim_id)?;
        let c = &page.claim;
        let occurred_on = u
            .occurred_on
            .clone()
            .unwrap_or_else(|| c.occurred_on.clone());
        let declared_on = u.declared_on.clone().or_else(|| c.declared_on.clone());
        let kind = u.kind.clone().unwrap_or_else(|| c.kind.clone());
        let (occurred, declared) =
            checked_claim_dates(&occurred_on, declared_on.as_deref(), &kind, today)?;
        let keep = |new: &Option<String>, old: &Option<String>| match new {
            Some(_) => text(new),
            None => old.clone(),
        };
        let link = |new: Option<i64>, old: Option<i64>| match new {
            Some(0) => None,
            Some(x) => Some(x),
            None => old,
        };
        let correction = ClaimCorrection {
            occurred_on: occurred,
            declared_on: declared,
            kind,
            place: keep(&u.place, &c.place),
            description: keep(&u.description, &c.description),
            insurer_reference: keep(&u.insurer_reference, &c.insurer_reference),
            vehicle_id: link(u.vehicle_id, c.vehicle_id),
            driver_id: link(u.driver_id, c.driver_id),
        };
        self.with_store(|s| {
            let contract = s.contract(page.contract_id)?;
            if occurred < contract.subscription_date {
                return Err(field(
                    "occurredOn",
                    "Le sinistre précède la souscription du contrat : il relève du relevé d'information de l'assureur précédent.",
                ));
            }
            s.correct_claim(
                claim_id,
                &correction,
                text(&u.reason).as_deref(),
                &now,
                &|f| coefficient_rows(f, today),
            )?;
            Ok(())
        })?;
        self.claim_get(claim_id)
    }

    /// Records an amendment (avenant) of a contract: a dated fact with what changed, and the
    /// premium lines it sets from that date; the earlier lines stay in the history.
    pub fn contract_avenant(
        &self,
        contract_id: i64,
        d: &AvenantDraft,
    ) -> Result<ContractRecord, AppError> {
        let on = date_field(&d.on_date, "onDate", "Date d'effet de l'avenant")?;
        let details = d.details.trim();
        if details.is_empty() {
            return Err(field(
                "details",
                "Dites ce que change l'avenant (garanties, véhicule, conducteurs…).",
            ));
        }
        let premiums = premium_rows(&d.premiums, on)?;
        let now = self.now();
        self.with_store(|s| {
            s.add_avenant(contract_id, on, details, &premiums, &now)?;
            self.contract_record(s, contract_id)
        })
    }

    /// The vehicles of a contract, current and past.
    pub fn vehicle_list(&self, contract_id: i64) -> Result<Vec<VehicleDto>, AppError> {
        self.with_store(|s| {
            s.contract(contract_id)?;
            vehicles_with_revisions(s, contract_id)
        })
    }

    /// The drivers of a contract.
    pub fn driver_list(&self, contract_id: i64) -> Result<Vec<DriverDto>, AppError> {
        let today = self.today();
        self.with_store(|s| {
            s.contract(contract_id)?;
            drivers_with_revisions(s, contract_id, today)
        })
    }

    /// Every claim of a client's contracts, most recent first.
    pub fn claim_list(&self, client_id: i64) -> Result<Vec<ClaimRecord>, AppError> {
        let mut all: Vec<ClaimRecord> = self
            .contracts_of_client(client_id)?
            .into_iter()
            .flat_map(|k| k.claims)
            .collect();
        all.sort_by(|a, b| b.occurred_on.cmp(&a.occurred_on).then(b.id.cmp(&a.id)));
        Ok(all)
    }
}
