//! Claims: declaration, requalification, their page, corrections of their declared facts,
//! amounts, statuses, parties and exchanges, and the portfolio's open claims. Every change is a
//! new fact: a correction keeps the values it replaced; an amount is a new line.

use crate::engine::{coefficient_rows, responsibilities_in_force};
use crate::input::{date_field, field, iso, money, text};
use crate::{
    AmountDto, AppError, ClaimDraft, ClaimPage, ClaimRecord, ClaimUpdate, CommunicationDto,
    ContractRecord, Courtier, OpenClaim, PartyDto,
};
use chrono::NaiveDate;
use courtier_domain::bonus_malus::check_qualification;
use courtier_domain::vocabulary::{
    AmountKind, Channel, ClaimKind, ClaimStatus, Direction, PartyRole, Responsibility,
};
use courtier_port::{AmountRow, ClaimCorrection, NewClaim};
use std::collections::hash_map::{Entry, HashMap};

/// The checks every claim's declared facts pass, at creation and at each correction.
pub(crate) fn checked_claim_dates(
    occurred_on: &str,
    declared_on: Option<&str>,
    kind: &str,
    today: NaiveDate,
) -> Result<(NaiveDate, Option<NaiveDate>, ClaimKind), AppError> {
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
    let kind = ClaimKind::parse(kind)
        .ok_or_else(|| field("kind", format!("Nature de sinistre inconnue « {kind} ».")))?;
    Ok((occurred, declared, kind))
}

/// The responsibility a form sends, or the field's error.
fn responsibility(code: &str) -> Result<Responsibility, AppError> {
    Responsibility::parse(code).ok_or_else(|| {
        field(
            "responsibility",
            format!("Responsabilité inconnue « {code} » (full, partial, none)."),
        )
    })
}

impl Courtier {
    /// Records a claim; the coefficient and the next premium are recomputed at once.
    pub fn claim_create(&self, d: &ClaimDraft) -> Result<ContractRecord, AppError> {
        let today = self.today();
        let (occurred, declared, kind) =
            checked_claim_dates(&d.occurred_on, d.declared_on.as_deref(), &d.kind, today)?;
        let responsibility = responsibility(&d.responsibility)?;
        check_qualification(kind, responsibility)
            .map_err(|e| field("responsibility", e.to_string()))?;
        let estimated = match d.estimated.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(money(s, "estimated")?.cents()),
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
                    kind,
                    responsibility,
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
        let responsibility = self::responsibility(responsibility)?;
        let on = date_field(found_on, "foundOn", "Date du constat")?;
        let now = self.now();
        let today = self.today();
        self.with_store(|s| {
            let facts = s.contract_facts(s.claim_contract(claim_id)?)?;
            if let Some(c) = facts.claims.iter().find(|c| c.id == claim_id) {
                check_qualification(c.kind, responsibility)
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
        self.claim_page(record, claim_id)
    }

    fn claim_page(&self, k: ContractRecord, claim_id: i64) -> Result<ClaimPage, AppError> {
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
            client_name: k.client_name,
            clause_applies: k.clause_applies,
            coefficient_in_force: k.coefficient_in_force,
            next_echeance: k.projection.as_ref().map(|p| p.next_echeance.clone()),
            next_coefficient: k.projection.map(|p| p.if_nothing_happens),
            vehicles: k.vehicles,
            drivers: k.drivers,
        })
    }

    /// Records an estimate, a payment or the franchise of a claim.
    pub fn claim_amount_add(&self, claim_id: i64, a: &AmountDto) -> Result<ClaimPage, AppError> {
        let kind = AmountKind::parse(&a.kind).map_err(|_| {
            field(
                "kind",
                "Le montant est une estimation, un règlement ou une franchise.",
            )
        })?;
        let amount = money(&a.amount, "amount")?.cents();
        let on = date_field(&a.on_date, "onDate", "Date du montant")?;
        if on > self.today() {
            return Err(field("onDate", "La date du montant est dans le futur."));
        }
        let row = AmountRow {
            kind,
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
        let kind = u
            .kind
            .clone()
            .unwrap_or_else(|| c.kind.as_str().to_string());
        let (occurred, declared, kind) =
            checked_claim_dates(&occurred_on, declared_on.as_deref(), &kind, today)?;
        // The claim's responsibility in force must stay possible for its (new) kind.
        check_qualification(kind, c.responsibility).map_err(|e| field("kind", e.to_string()))?;
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
        let role = PartyRole::parse(&p.role).map_err(|_| {
            field(
                "role",
                "Le rôle est expert, garage, tiers, assureur_tiers ou autre.",
            )
        })?;
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
            role,
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
        let channel = Channel::parse(&m.channel).map_err(|_| {
            field(
                "channel",
                "Le canal est telephone, email, courrier, rendez_vous ou autre.",
            )
        })?;
        let direction = Direction::parse(&m.direction)
            .map_err(|_| field("direction", "Le sens est entrant ou sortant."))?;
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
            channel,
            direction,
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
                        .map_or(r.responsibility, |(_, x)| *x),
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
        let status = ClaimStatus::parse(status).map_err(|_| {
            field(
                "status",
                format!(
                    "État inconnu « {status} » ({}).",
                    ClaimStatus::CODES.join(", ")
                ),
            )
        })?;
        let on = date_field(on, "onDate", "Date du changement d'état")?;
        let now = self.now();
        self.with_store(|s| {
            let contract_id = s.claim_status(claim_id, status, on, note, &now)?;
            self.contract_record(s, contract_id)
        })
    }
}
