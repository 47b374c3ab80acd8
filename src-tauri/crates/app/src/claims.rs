//! Claims: declaration, requalification, their page, corrections of their declared facts,
//! amounts, statuses, parties and exchanges, and the portfolio's open claims. Every change is a
//! new fact: a correction keeps the values it replaced; an amount is a new line.

use crate::engine::{coefficient_rows, responsibilities_in_force};
use crate::input::{cents, date_field, field, iso, money, text};
use crate::{
    AmountDto, AppError, ClaimDraft, ClaimPage, ClaimRecord, ClaimUpdate, CommunicationDto,
    ContractRecord, Courtier, OpenClaim, PartyDto,
};
use chrono::NaiveDate;
use courtier_domain::bonus_malus::{check_qualification, ClaimKind, Responsibility};
use courtier_port::{AmountRow, ClaimCorrection, NewClaim};
use std::collections::hash_map::{Entry, HashMap};

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

const CLAIM_STATUSES: [&str; 6] = [
    "declare",
    "en_expertise",
    "en_reparation",
    "indemnise",
    "clos",
    "refuse",
];

impl Courtier {
    /// Records a claim; the coefficient and the next premium are recomputed at once.
    pub fn claim_create(&self, d: &ClaimDraft) -> Result<ContractRecord, AppError> {
        let today = self.today();
        let (occurred, declared) =
            checked_claim_dates(&d.occurred_on, d.declared_on.as_deref(), &d.kind, today)?;
        let Some(responsibility) = Responsibility::parse(&d.responsibility) else {
            return Err(field(
                "responsibility",
                format!(
                    "Responsabilité inconnue « {} » (full, partial, none).",
                    d.responsibility
                ),
            ));
        };
        if let Some(kind) = ClaimKind::parse(&d.kind) {
            check_qualification(kind, responsibility)
                .map_err(|e| field("responsibility", e.to_string()))?;
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
        let Some(parsed) = Responsibility::parse(responsibility) else {
            return Err(field(
                "responsibility",
                format!("Responsabilité inconnue « {responsibility} » (full, partial, none)."),
            ));
        };
        let on = date_field(found_on, "foundOn", "Date du constat")?;
        let now = self.now();
        let today = self.today();
        self.with_store(|s| {
            let facts = s.contract_facts(s.claim_contract(claim_id)?)?;
            if let Some(kind) = facts
                .claims
                .iter()
                .find(|c| c.id == claim_id)
                .and_then(|c| ClaimKind::parse(&c.kind))
            {
                check_qualification(kind, parsed)
                    .map_err(|e| field("responsibility", e.to_string()))?;
            }
            let contract_id =
                s.requalify_claim(claim_id, responsibility, on, note, &now, &|f| {
                    coefficient_rows(f, today)
                })?;
            self.contract_record(s, contract_id)
        })
    }

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
        // The claim's responsibility in force must stay possible for its (new) kind.
        if let (Some(k), Some(r)) = (
            ClaimKind::parse(&kind),
            Responsibility::parse(&c.responsibility),
        ) {
            check_qualification(k, r).map_err(|e| field("kind", e.to_string()))?;
        }
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
            Some(x) => Some(
                courtier_domain::fields::phone_number(x)
                    .map_err(|e| field("phone", e.to_string()))?,
            ),
        };
        let email = match p.email.as_deref().map(str::trim).filter(|x| !x.is_empty()) {
            None => None,
            Some(x) => {
                Some(courtier_domain::fields::email(x).map_err(|e| field("email", e.to_string()))?)
            }
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

    /// Open claims across the portfolio (last status neither clos nor refusé), oldest first.
    pub fn open_claims(&self, limit: Option<u32>) -> Result<Vec<OpenClaim>, AppError> {
        let today = self.today();
        self.with_store(|s| {
            let rows = s.open_claims(limit.unwrap_or(500).clamp(1, 5_000))?;
            // The responsibility in force (R15), not the latest qualification recorded: decided
            // from each contract's dated facts, once per contract.
            let mut in_force: HashMap<i64, Vec<(i64, Responsibility)>> = HashMap::new();
            for r in &rows {
                if let Entry::Vacant(e) = in_force.entry(r.contract_id) {
                    e.insert(responsibilities_in_force(
                        &s.contract_facts(r.contract_id)?,
                        today,
                    )?);
                }
            }
            Ok(rows
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
                    responsibility: in_force
                        .get(&r.contract_id)
                        .and_then(|v| v.iter().find(|(id, _)| *id == r.claim_id))
                        .map_or(r.responsibility, |(_, x)| x.as_str().to_string()),
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
