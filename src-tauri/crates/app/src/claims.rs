//! Claims: declaration, requalification, their page, corrections of their declared facts,
//! amounts, statuses, parties and exchanges, and the portfolio's open claims. Every change is a
//! new fact: a correction keeps the values it replaced; an amount is a new line.

mod checks;

use crate::engine::coefficient_rows;
use crate::input::{
    channel_and_direction, date_field, exchange_at, field, iso, limits, line, lines, money,
    required_line,
};
use crate::{
    AmountDto, AppError, ClaimDraft, ClaimPage, ClaimRecord, ClaimUpdate, CommunicationDto,
    ContractRecord, Courtier, OpenClaim, PartyDto,
};
use chrono::NaiveDate;
use courtier_domain::bonus_malus::check_qualification;
use courtier_domain::vocabulary::{AmountKind, ClaimKind, ClaimStatus, PartyRole, Responsibility};
use courtier_port::{AmountRow, ClaimCorrection, NewClaim, OpenClaimRow};

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

/// The list lines of claims, with the responsibility in force (R15), not the latest
/// qualification recorded: the one the engine decided from the contract's dated facts, kept on
/// the claim row by every write that changes them (the Sinistres filter reads the same value).
pub(crate) fn open_claim_dtos(rows: Vec<OpenClaimRow>, today: NaiveDate) -> Vec<OpenClaim> {
    rows.into_iter()
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
        .collect()
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
        let texts = checks::texts(
            d.place.as_deref(),
            d.description.as_deref(),
            d.insurer_reference.as_deref(),
        )?;
        let now = self.now();
        self.with_store(|s| {
            checks::within_contract(s, d.contract_id, occurred)?;
            s.insert_claim(
                &NewClaim {
                    contract_id: d.contract_id,
                    occurred_on: occurred,
                    declared_on: declared,
                    kind,
                    responsibility,
                    place: texts.place,
                    description: texts.description,
                    insurer_reference: texts.insurer_reference,
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
        let note = checks::note(note)?;
        let note = note.as_deref();
        let now = self.now();
        let today = self.today();
        self.with_store(|s| {
            let occurred = checks::occurred_on(s, claim_id)?;
            checks::fact_date(on, occurred, today, "foundOn", "La date du constat")?;
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
            aggravations: k
                .aggravations
                .into_iter()
                .filter(|a| a.claim_id == Some(claim_id))
                .collect(),
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
        let today = self.today();
        let row = AmountRow {
            kind,
            amount_cents: amount,
            on_date: on,
            note: checks::note(a.note.as_deref())?,
            recorded_at: String::new(),
        };
        let now = self.now();
        self.with_store(|s| {
            let occurred = checks::occurred_on(s, claim_id)?;
            checks::fact_date(on, occurred, today, "onDate", "La date du montant")?;
            Ok(s.add_claim_amount(claim_id, &row, &now)?)
        })?;
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
        // A text sent is checked (and replaces the old one, empty clears it); one not sent is kept.
        let texts = checks::texts(
            u.place.as_deref(),
            u.description.as_deref(),
            u.insurer_reference.as_deref(),
        )?;
        let keep = |new: &Option<String>, checked: Option<String>, old: &Option<String>| match new {
            Some(_) => checked,
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
            place: keep(&u.place, texts.place, &c.place),
            description: keep(&u.description, texts.description, &c.description),
            insurer_reference: keep(
                &u.insurer_reference,
                texts.insurer_reference,
                &c.insurer_reference,
            ),
            vehicle_id: link(u.vehicle_id, c.vehicle_id),
            driver_id: link(u.driver_id, c.driver_id),
        };
        let reason = line(u.reason.as_deref(), "reason", "La raison", limits::NOTE)?;
        self.with_store(|s| {
            checks::within_contract(s, page.contract_id, occurred)?;
            // An aggravating fact of the claim cannot come before the claim.
            if let Some(a) = s.aggravations_of_contract(page.contract_id)?.iter().find(|a| {
                a.claim_id == Some(claim_id) && a.withdrawal.is_none() && a.event_date < occurred
            }) {
                return Err(field(
                    "occurredOn",
                    format!(
                        "Une circonstance aggravante de ce sinistre est datée du {} : le sinistre ne peut la suivre (retirez-la d'abord si elle est erronée).",
                        a.event_date.format("%d/%m/%Y")
                    ),
                ));
            }
            s.correct_claim(claim_id, &correction, reason.as_deref(), &now, &|f| {
                coefficient_rows(f, today)
            })?;
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
        let name = required_line(
            &p.name,
            "name",
            "Le nom de l'intervenant",
            limits::NAME,
            "Le nom de l'intervenant est vide.",
        )?;
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
            name,
            phone,
            email,
            address: line(p.address.as_deref(), "address", "L'adresse", limits::LINE)?,
            reference: line(
                p.reference.as_deref(),
                "reference",
                "La référence",
                limits::REFERENCE,
            )?,
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
        let (channel, direction) = channel_and_direction(&m.channel, &m.direction)?;
        let summary = lines(
            Some(&m.summary),
            "summary",
            "Le résumé de l'échange",
            limits::TEXT,
        )?
        .ok_or_else(|| field("summary", "Le résumé de l'échange est vide."))?;
        let at = exchange_at(&m.at, self.today())?;
        let row = courtier_port::CommunicationRow {
            id: 0,
            party_id: m.party_id,
            at: at.to_string(),
            channel,
            direction,
            summary,
            recorded_at: String::new(),
        };
        let now = self.now();
        self.with_store(|s| {
            let contract_id = s.insert_communication(claim_id, &row, &now)?;
            // The anchor follows (`with_store`); one that cannot be written does not fail the
            // exchange, which is saved: `courtier check` then checks against the older anchor.
            self.contract_record(s, contract_id)
        })
    }

    /// Open claims across the portfolio (last status neither clos nor refusé), oldest first.
    pub fn open_claims(&self, limit: Option<u32>) -> Result<Vec<OpenClaim>, AppError> {
        let today = self.today();
        self.with_store(|s| {
            let rows = s.open_claims(limit.unwrap_or(500).clamp(1, 5_000))?;
            Ok(open_claim_dtos(rows, today))
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
        let note = checks::note(note)?;
        let today = self.today();
        let now = self.now();
        self.with_store(|s| {
            let occurred = checks::occurred_on(s, claim_id)?;
            checks::fact_date(
                on,
                occurred,
                today,
                "onDate",
                "La date du changement d'état",
            )?;
            let contract_id = s.claim_status(claim_id, status, on, note.as_deref(), &now)?;
            self.contract_record(s, contract_id)
        })
    }
}
