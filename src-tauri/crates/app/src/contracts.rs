//! Contracts: creation, their page (the coefficient recomputed from the dated facts, one source
//! of truth: the engine of `courtier_domain`), corrections of their terms, suspensions,
//! terminations and amendments (avenants).

use crate::aggravations::{aggravation_dto, surcharges_at};
use crate::engine::{coefficient_rows, history, novice_at, outcome, premium_lines};
use crate::input::{
    date_field, field, from_cents, iso, limits, line, lines, money, reason, required_line,
};
use crate::{
    dto::{claim_record, drivers_with_revisions, revision_dtos, vehicles_with_revisions},
    AppError, AvenantDraft, ContractDraft, ContractEventDto, ContractRecord, ContractUpdate,
    Courtier, DriverDto, EcheanceDto, PremiumDraft, PremiumDto, ProjectionDto, SurchargeDto,
    VehicleDto,
};
use chrono::NaiveDate;
use courtier_domain::bonus_malus::{
    applicable_coefficient, coefficient_in_force, project, responsibility_in_force, RuleOptions,
};
use courtier_domain::contract::{check_suspension, status_on, terminated_on};
use courtier_domain::premium::{premium_notice, surcharges_note, three_claims_events};
use courtier_domain::vocabulary::{ContractStatus, Product, TerminatedBy, Usage};
use courtier_domain::Coefficient;
use courtier_port::{AgencyStore, ContractRow, Entity, NewContract, PremiumLineRow, StoreError};
use rust_decimal::Decimal;

/// Premium lines as sent, checked, in force from `from`.
fn premium_rows(
    premiums: &[PremiumDraft],
    from: NaiveDate,
) -> Result<Vec<PremiumLineRow>, AppError> {
    premiums
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let guarantee = required_line(
                &p.guarantee,
                &format!("premiums[{i}].guarantee"),
                "Le nom de la garantie",
                limits::NAME,
                "Garantie sans nom.",
            )?;
            Ok(PremiumLineRow {
                from_date: from,
                guarantee,
                amount_cents: money(&p.amount, &format!("premiums[{i}].amount"))?.cents(),
                modulated: p.modulated,
            })
        })
        .collect()
}

/// How far back a contract's subscription may go: fifty years (the bonus-malus of 1976 fits, a
/// date typed « 1900 » that would make 126 échéances does not).
const SUBSCRIPTION_YEARS_BACK: u32 = 50;

/// How far ahead a contract may be subscribed (a quote for a car delivered in some months).
const SUBSCRIPTION_MONTHS_AHEAD: u32 = 12;

/// The terms of a contract, checked: the same checks at creation and at each correction.
fn checked_terms(
    d: &ContractDraft,
    today: NaiveDate,
) -> Result<courtier_port::ContractCorrection, AppError> {
    let product = match d.product.as_deref() {
        None => Product::Auto,
        Some(p) => Product::parse(p).map_err(|_| {
            field(
                "product",
                format!("Produit inconnu « {p} » (auto, habitation, sante, prevoyance, autre)."),
            )
        })?,
    };
    let usage = match d.usage.as_deref() {
        None => Usage::Standard,
        Some(u) => Usage::parse(u).ok_or_else(|| {
            field(
                "usage",
                format!("Usage inconnu « {u} » (standard ou tournees)."),
            )
        })?,
    };
    let number = required_line(
        &d.number,
        "number",
        "Le numéro de contrat",
        limits::REFERENCE,
        "Le numéro de contrat est vide.",
    )?;
    required_line(
        &d.insurer,
        "insurer",
        "Le nom de l'assureur",
        limits::NAME,
        "L'assureur est vide.",
    )?;
    let subscription = date_field(
        &d.subscription_date,
        "subscriptionDate",
        "Date de souscription",
    )?;
    let earliest = today
        .checked_sub_months(chrono::Months::new(12 * SUBSCRIPTION_YEARS_BACK))
        .unwrap_or(today);
    if subscription < earliest {
        return Err(field(
            "subscriptionDate",
            format!(
                "La souscription du {} remonte à plus de {SUBSCRIPTION_YEARS_BACK} ans : vérifiez l'année.",
                subscription.format("%d/%m/%Y")
            ),
        ));
    }
    let latest = today
        .checked_add_months(chrono::Months::new(SUBSCRIPTION_MONTHS_AHEAD))
        .unwrap_or(today);
    if subscription > latest {
        return Err(field(
            "subscriptionDate",
            format!(
                "La souscription du {} est à plus de {SUBSCRIPTION_MONTHS_AHEAD} mois d'ici : vérifiez l'année.",
                subscription.format("%d/%m/%Y")
            ),
        ));
    }
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
        number,
        product,
        subscription_date: subscription,
        first_echeance: first,
        usage,
        clause_applies: d.clause_applies.unwrap_or(true),
        start_coefficient: start.hundredths(),
    })
}

/// The dated status events of a contract, as the domain reads them.
fn status_events(
    events: &[courtier_port::ContractEventRow],
) -> impl Iterator<Item = (NaiveDate, ContractStatus)> + '_ {
    events.iter().filter_map(|e| Some((e.on_date, e.status?)))
}

/// R17: the counters a new contract starts with (from the relevé; 0 for a first contract).
struct StartCounters {
    claim_free_streak: u32,
    periods_at_floor: u32,
}

fn start_counters(d: &ContractDraft, start_coefficient: u32) -> Result<StartCounters, AppError> {
    let periods_at_floor = d.start_periods_at_floor.unwrap_or(0);
    if periods_at_floor > 0 && start_coefficient != Coefficient::FLOOR.hundredths() {
        return Err(field(
            "startPeriodsAtFloor",
            "Des périodes à 0,50 ne se reprennent qu'avec un coefficient de départ de 0,50.",
        ));
    }
    Ok(StartCounters {
        claim_free_streak: d.start_claim_free_streak.unwrap_or(0),
        periods_at_floor,
    })
}
impl Courtier {
    pub(crate) fn contract_record(
        &self,
        s: &mut dyn AgencyStore,
        id: i64,
    ) -> Result<ContractRecord, AppError> {
        self.contract_record_at(s, id, self.today())
    }

    /// The record as it stood on `today` (a statement or a relevé at a past date): coefficient,
    /// history, counters and note computed up to that day. Only the record of the real today
    /// keeps the stored history current.
    pub(crate) fn contract_record_at(
        &self,
        s: &mut dyn AgencyStore,
        id: i64,
        today: NaiveDate,
    ) -> Result<ContractRecord, AppError> {
        let facts = s.contract_facts(id)?;
        let out = outcome(&facts, today)?;
        // The date moved on since the last computation: keep the stored history current (not
        // on a damaged file, read-only: the record is computed from the facts anyway).
        if today == self.today() && s.coefficient_history(id)?.len() != out.echeances.len() {
            let now = self.now();
            match s.recompute_contract(id, &now, &|f| coefficient_rows(f, today)) {
                Err(StoreError::ReadOnlyDamaged { .. }) => {}
                r => r?,
            }
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
        let aggravation_rows = s.aggravations_of_contract(id)?;
        // The responsibility in force of each claim (R15), as known today.
        let responsibilities: Vec<_> = facts
            .claims
            .iter()
            .zip(&h.claims)
            .map(|(c, d)| {
                (
                    c.id,
                    responsibility_in_force(h.first_echeance, d, h.known_on()),
                )
            })
            .collect();
        let mut surcharge_note = String::new();
        let next_premium = projection.as_ref().map(|p| {
            let lines = premium_lines(&premiums_rows, p.next_echeance);
            let novice = novice_at(&facts, &h, &driver_rows, p.next_echeance);
            // The periods closed by the next échéance, for the claims counted in them.
            let three = outcome(&facts, p.next_echeance)
                .map(|o| three_claims_events(&o.trace))
                .unwrap_or_default();
            let sur = surcharges_at(
                three,
                &aggravation_rows,
                &facts.claims,
                &responsibilities,
                &driver_rows,
                c.first_echeance,
                p.next_echeance,
            );
            surcharge_note =
                surcharges_note(&sur.items, p.next_echeance, &|i| sur.fact(i).map(|f| f.1));
            let n = premium_notice(
                &lines,
                applicable_coefficient(clause, p.if_nothing_happens),
                novice.map_or(Decimal::ZERO, |x| x.rate),
                &sur.items,
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
                    .zip(&sur.items)
                    .map(|(x, i)| {
                        let fact = sur.fact(i.event);
                        SurchargeDto {
                            label: x.kind.fr().to_string(),
                            rate: x.rate.to_string(),
                            full_rate: x.full_rate.to_string(),
                            amount: x.amount.to_string(),
                            aggravation_id: fact.as_ref().map(|f| f.0),
                            fact: fact.map(|f| f.1),
                            event_date: iso(x.event_date),
                            until: iso(x.until),
                            capped: x.capped,
                            note: x.note.clone(),
                        }
                    })
                    .collect(),
                surcharges_capped: n.surcharges_capped,
                total: n.total.to_string(),
            }
        });
        let events = s.contract_events(id)?;
        // Derived from all the dated events: a termination is final (domain::contract).
        let status = status_on(status_events(&events), today);
        let client_name = s.get_client(c.client_id)?.client.display_name();
        Ok(ContractRecord {
            id,
            client_id: c.client_id,
            client_name,
            insurer: c.insurer_name.clone(),
            number: c.number.clone(),
            product: c.product,
            subscription_date: iso(c.subscription_date),
            first_echeance: iso(c.first_echeance),
            usage: c.usage,
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
                    // R1: outside the clause, 1.00, not a history computed as if it applied.
                    coefficient: applicable_coefficient(clause, e.coefficient).to_string(),
                })
                .collect(),
            periods_at_floor: out.end.periods_at_floor,
            claim_free_streak: out.end.claim_free_streak,
            // R10 decided by the engine (with its options), not re-derived here; outside the
            // clause (R1) there is nothing to protect.
            protection_active: clause && out.end.protection_active(&RuleOptions::default()),
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
            // The engine's history lists the claims in the same order as the facts.
            claims: facts
                .claims
                .iter()
                .zip(&responsibilities)
                .map(|(c, (_, r))| claim_record(c, *r))
                .collect(),
            revisions: revision_dtos(&s.revisions(Entity::Contract, id)?),
            vehicles: vehicles_with_revisions(s, id)?,
            drivers: drivers_with_revisions(s, id, today)?,
            aggravations: aggravation_rows
                .iter()
                .map(|r| aggravation_dto(r, c.first_echeance))
                .collect(),
            note: {
                let mut note = if clause {
                    courtier_domain::bonus_malus::note::render(&out.trace)
                } else {
                    courtier_domain::bonus_malus::note::render_outside_clause()
                };
                if !surcharge_note.is_empty() {
                    if !note.ends_with('\n') {
                        note.push('\n');
                    }
                    note.push_str(&surcharge_note);
                }
                note
            },
        })
    }

    /// Records a contract and computes its coefficients.
    pub fn contract_create(&self, d: &ContractDraft) -> Result<ContractRecord, AppError> {
        let terms = checked_terms(d, self.today())?;
        let counters = start_counters(d, terms.start_coefficient)?;
        let status = match d.status.as_deref() {
            None => ContractStatus::EnCours,
            Some(s) => ContractStatus::parse(s)
                .ok()
                .filter(|s| ContractStatus::START.contains(s))
                .ok_or_else(|| field("status", "Un contrat commence « en_cours » ou « devis »."))?,
        };
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
                    product: terms.product,
                    subscription_date: terms.subscription_date,
                    first_echeance: terms.first_echeance,
                    usage: terms.usage,
                    clause_applies: terms.clause_applies,
                    start_coefficient: terms.start_coefficient,
                    start_periods_at_floor: counters.periods_at_floor,
                    start_claim_free_streak: counters.claim_free_streak,
                    status,
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
            // A terminated contract stays terminated: no suspension after (or past) its end.
            let terminated = terminated_on(status_events(&s.contract_events(id)?));
            check_suspension(terminated, f, t).map_err(|e| field(e.field(), e.to_string()))?;
            s.add_interruption(id, f, t, None, &now, &|facts| {
                coefficient_rows(facts, today)
            })?;
            s.contract_status(id, ContractStatus::Suspendu, f, None, None, &now)?;
            s.contract_status(id, ContractStatus::EnCours, t, None, None, &now)?;
            self.contract_record(s, id)
        })
    }

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
        let by = TerminatedBy::parse(by).map_err(|_| {
            field(
                "terminatedBy",
                format!(
                    "Auteur de la résiliation inconnu « {by} » ({}).",
                    TerminatedBy::CODES.join(", ")
                ),
            )
        })?;
        let on = date_field(on, "onDate", "Date de résiliation")?;
        let reason = line(reason, "reason", "Le motif", limits::NOTE)?;
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
            // A suspension recorded must end by the termination (as one recorded after it must).
            let facts = s.contract_facts(id)?;
            if let Some((from, to)) = facts.interruptions.iter().find(|(_, to)| *to > on) {
                return Err(field(
                    "onDate",
                    format!(
                        "Une suspension court du {} au {} : la résiliation ne peut la précéder. Résiliez au plus tôt le {}.",
                        from.format("%d/%m/%Y"),
                        to.format("%d/%m/%Y"),
                        to.format("%d/%m/%Y")
                    ),
                ));
            }
            s.terminate_contract(id, on, by, reason.as_deref(), &now, &|f| {
                coefficient_rows(f, today)
            })?;
            self.contract_record(s, id)
        })
    }

    /// Corrects a contract's terms (number, product, dates, usage, clause, start coefficient);
    /// its coefficients are recomputed in the same transaction.
    pub fn contract_update(&self, id: i64, u: &ContractUpdate) -> Result<ContractRecord, AppError> {
        let now = self.now();
        let today = self.today();
        self.with_store(|s| {
            let c = s.contract(id)?;
            let iso = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
            let draft = ContractDraft {
                client_id: c.client_id,
                insurer: c.insurer_name.clone(),
                number: u.number.clone().unwrap_or(c.number),
                product: Some(
                    u.product
                        .clone()
                        .unwrap_or_else(|| c.product.as_str().to_string()),
                ),
                subscription_date: u
                    .subscription_date
                    .clone()
                    .unwrap_or_else(|| iso(c.subscription_date)),
                first_echeance: u
                    .first_echeance
                    .clone()
                    .unwrap_or_else(|| iso(c.first_echeance)),
                usage: Some(
                    u.usage
                        .clone()
                        .unwrap_or_else(|| c.usage.as_str().to_string()),
                ),
                clause_applies: Some(u.clause_applies.unwrap_or(c.clause_applies)),
                start_coefficient: Some(
                    u.start_coefficient
                        .clone()
                        .unwrap_or_else(|| Coefficient::clamped(c.start_coefficient).to_string()),
                ),
                start_claim_free_streak: None,
                start_periods_at_floor: None,
                status: None,
                premiums: Vec::new(),
            };
            let terms = checked_terms(&draft, today)?;
            s.correct_contract(id, &terms, reason(&u.reason)?.as_deref(), &now, &|f| {
                coefficient_rows(f, today)
            })?;
            self.contract_record(s, id)
        })
    }

    /// Records an amendment (avenant) of a contract: a dated fact with what changed, and the
    /// premium lines it sets from that date; the earlier lines stay in the history.
    pub fn contract_avenant(
        &self,
        contract_id: i64,
        d: &AvenantDraft,
    ) -> Result<ContractRecord, AppError> {
        let on = date_field(&d.on_date, "onDate", "Date d'effet de l'avenant")?;
        let details = lines(
            Some(&d.details),
            "details",
            "Le détail de l'avenant",
            limits::TEXT,
        )?
        .ok_or_else(|| {
            field(
                "details",
                "Dites ce que change l'avenant (garanties, véhicule, conducteurs…).",
            )
        })?;
        let premiums = premium_rows(&d.premiums, on)?;
        let now = self.now();
        self.with_store(|s| {
            s.add_avenant(contract_id, on, &details, &premiums, &now)?;
            self.contract_record(s, contract_id)
        })
    }
}
