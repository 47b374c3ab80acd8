//! The relevé d'information (R18) an agency issues by delegation of the insurer: every field of
//! the French list (article 12 of the annex to A121-1) and of the EU claims-history template
//! (Regulation (EU) 2024/1855), as they stood at the date asked. A mandatory field the agency
//! file does not hold is listed in a box at the top of the page, never printed as a blank.

use super::{s, GeneratedPdf};
use crate::dto::{ClaimRecord, ContractRecord, DriverDto};
use crate::{AppError, Courtier};
use chrono::{Months, NaiveDate};
use courtier_domain::bonus_malus::Responsibility;
use courtier_domain::client::{Client, ClientKind};
use courtier_domain::releve::{
    claim_names_a_driver, missing_fields, ClaimFacts, MissingField, Person, PersonFacts,
    ReleveFacts,
};
use courtier_domain::vocabulary::{
    ClaimStatus, ContractEventKind, ContractStatus, DocumentKind, TerminatedBy,
};
use courtier_print::french::{money, number, short_date};
use courtier_print::{Template, Value};

/// What is printed for a mandatory field the file lacks (the box lists it by name).
const MISSING: &str = "non renseigné (voir l'encadré)";

fn date_of(iso: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(iso.get(..10).unwrap_or(iso), "%Y-%m-%d").ok()
}

/// The fields of the relevé as of `at`, and the mandatory ones missing (in French, in the order
/// of the page; the rule is the domain's `releve::missing_fields`). Pure: the date is given.
pub(crate) struct ReleveData {
    pub fields: Vec<(&'static str, String)>,
    pub drivers: Vec<Value>,
    pub claims: Vec<Value>,
    pub claims_from: NaiveDate,
    /// The date the information was stopped: the relevé's, or the termination's before it.
    pub stopped: NaiveDate,
    pub missing: Vec<String>,
}

/// The termination in force at `at`: its date and its reason in words.
fn termination(c: &ContractRecord, at: NaiveDate) -> Option<(NaiveDate, String)> {
    c.events
        .iter()
        .filter(|e| {
            e.kind == ContractEventKind::Status && e.status == Some(ContractStatus::Resilie)
        })
        .filter_map(|e| Some((date_of(&e.on_date)?, e)))
        .filter(|(d, _)| *d <= at)
        .min_by_key(|(d, _)| *d)
        .map(|(d, e)| {
            let by = e
                .terminated_by
                .map_or("motif non précisé", TerminatedBy::label);
            let reason = match e
                .details
                .as_deref()
                .map(str::trim)
                .filter(|x| !x.is_empty())
            {
                Some(x) => format!("{by} ({x})"),
                None => by.to_string(),
            };
            (d, reason)
        })
}

/// « LEFÈVRE Hélène »: the surname in capitals, so that surname and first name are told apart.
fn person_name(last: Option<&str>, first: Option<&str>) -> String {
    [
        last.map(|l| l.trim().to_uppercase()),
        first.map(|f| f.trim().to_string()),
    ]
    .into_iter()
    .flatten()
    .filter(|x| !x.is_empty())
    .collect::<Vec<_>>()
    .join(" ")
}

fn responsibility(r: Responsibility) -> &'static str {
    match r {
        Responsibility::Full => "Entière (100 %)",
        Responsibility::Partial => "Partielle (50 %)",
        Responsibility::None => "Aucune (0 %)",
    }
}

/// Paid or open (the EU template's status), as it stood at `at`.
fn claim_status(k: &ClaimRecord, at: NaiveDate) -> String {
    let status = k
        .statuses
        .iter()
        .rfind(|x| date_of(&x.on_date).is_some_and(|d| d <= at))
        .map_or(ClaimStatus::Declare, |x| x.status);
    let paid = k
        .amounts
        .iter()
        .filter(|a| a.kind == "reglement" && date_of(&a.on_date).is_some_and(|d| d <= at))
        .filter_map(|a| a.amount.parse::<rust_decimal::Decimal>().ok())
        .sum::<rust_decimal::Decimal>();
    let state = if status.is_open() {
        "Ouvert"
    } else {
        status.label()
    };
    if paid.is_zero() {
        format!("{state}, aucun règlement")
    } else {
        format!("{state}, réglé {}", money(&paid.to_string()))
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Builds the relevé's content from the record as of `at` and the policyholder.
pub(crate) fn releve_data(
    c: &ContractRecord,
    holder: &Client,
    agency: &str,
    orias: Option<&str>,
    at: NaiveDate,
) -> ReleveData {
    let end = termination(c, at);
    let stopped = end.as_ref().map_or(at, |(d, _)| *d);
    // The five annual periods before the relevé.
    let from = stopped
        .checked_sub_months(Months::new(60))
        .unwrap_or(stopped);
    let on_contract = |f: &str, t: Option<&str>| {
        date_of(f).map_or(true, |f| f <= stopped) && t.and_then(date_of).map_or(true, |t| t >= from)
    };

    let registrations: Vec<String> = c
        .vehicles
        .iter()
        .filter(|v| on_contract(&v.from_date, v.to_date.as_deref()))
        .filter(|v| !v.registration.trim().is_empty())
        .map(|v| v.registration.clone())
        .collect();
    let registration = if registrations.is_empty() {
        MISSING.into()
    } else {
        registrations.join(", ")
    };
    let past: Vec<_> = c
        .coefficient_history
        .iter()
        .filter(|h| date_of(&h.echeance).is_some_and(|e| e <= stopped))
        .collect();
    let crm = match past.last() {
        Some(h) => format!(
            "{} (échéance du {})",
            number(&h.coefficient),
            short_date(&h.echeance)
        ),
        None => format!(
            "{} (coefficient de départ : aucune échéance passée)",
            number(&c.start_coefficient)
        ),
    };
    let issuer = match orias {
        Some(o) => format!(
            "{agency}, courtier immatriculé à l'ORIAS sous le n° {o}, par délégation de {}",
            c.insurer
        ),
        None => format!("{agency}, par délégation de {}", c.insurer),
    };
    let fields = vec![
        ("Émetteur", issuer),
        ("Assureur", c.insurer.clone()),
        ("Numéro de contrat", c.number.clone()),
        ("Date de souscription", short_date(&c.subscription_date)),
        ("Première échéance", short_date(&c.first_echeance)),
        (
            "Date de fin du contrat",
            end.as_ref().map_or("contrat en cours".into(), |(d, _)| {
                d.format("%d/%m/%Y").to_string()
            }),
        ),
        (
            "Motif de résiliation",
            end.as_ref().map_or("néant".into(), |(_, r)| r.clone()),
        ),
        ("Usage du véhicule", c.usage.label().to_string()),
        ("Immatriculation", registration),
        (
            "Coefficient de réduction-majoration à la dernière échéance",
            crm,
        ),
        (
            "Informations arrêtées le",
            stopped.format("%d/%m/%Y").to_string(),
        ),
    ];

    // The policyholder first (with their driver's licence when they are a named driver), then
    // each driver named on the contract during the five periods.
    let named: Vec<&DriverDto> = c
        .drivers
        .iter()
        .filter(|d| on_contract(&d.from_date, d.to_date.as_deref()))
        .collect();
    let holder_driver = named
        .iter()
        .copied()
        .find(|d| d.client_id == Some(c.client_id));
    let mut drivers = Vec::new();
    let mut people = Vec::new();
    let row = |name: String,
               [birth, licence, licence_date]: [Option<String>; 3],
               role: String,
               person: Person,
               people: &mut Vec<PersonFacts>| {
        let known = |v: Option<String>| v.filter(|x| !x.trim().is_empty());
        let (birth, licence, licence_date) = (
            known(birth).map(|b| short_date(&b)),
            known(licence),
            known(licence_date).map(|b| short_date(&b)),
        );
        people.push(PersonFacts {
            person,
            birth_date: birth.is_some(),
            licence_number: licence.is_some(),
            licence_date: licence_date.is_some(),
        });
        let cell = |v: Option<String>| v.unwrap_or_else(|| "—".to_string());
        Value::Dict(vec![
            ("name", s(name)),
            ("birth", s(cell(birth))),
            ("licence", s(cell(licence))),
            ("licence-date", s(cell(licence_date))),
            ("role", s(role)),
        ])
    };
    let holder_name = match holder.kind {
        ClientKind::Company => holder
            .company_name
            .clone()
            .unwrap_or_else(|| c.client_name.clone()),
        ClientKind::Person => {
            person_name(holder.last_name.as_deref(), holder.first_name.as_deref())
        }
    };
    if holder.kind == ClientKind::Company {
        drivers.push(Value::Dict(vec![
            ("name", s(holder_name.clone())),
            ("birth", s("sans objet")),
            ("licence", s("sans objet")),
            ("licence-date", s("sans objet")),
            ("role", s("Souscripteur (personne morale)")),
        ]));
    } else {
        drivers.push(row(
            holder_name.clone(),
            [
                holder
                    .birth_date
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .or_else(|| holder_driver.and_then(|d| d.birth_date.clone())),
                holder_driver.and_then(|d| d.licence_number.clone()),
                holder_driver.and_then(|d| d.licence_date.clone()),
            ],
            match holder_driver {
                Some(d) => format!("Souscripteur, {}", d.role.label().to_lowercase()),
                None => "Souscripteur".into(),
            },
            Person::Holder(holder_name.clone()),
            &mut people,
        ));
    }
    for d in named.iter().filter(|d| d.client_id != Some(c.client_id)) {
        let name = person_name(Some(&d.last_name), d.first_name.as_deref());
        drivers.push(row(
            name.clone(),
            [
                d.birth_date.clone(),
                d.licence_number.clone(),
                d.licence_date.clone(),
            ],
            format!("Conducteur désigné ({})", d.role.in_sentence()),
            Person::Driver(name),
            &mut people,
        ));
    }

    let mut claims: Vec<&ClaimRecord> = c
        .claims
        .iter()
        .filter(|k| date_of(&k.occurred_on).is_some_and(|d| d > from && d <= stopped))
        .collect();
    claims.sort_by(|a, b| a.occurred_on.cmp(&b.occurred_on).then(a.id.cmp(&b.id)));
    let mut claim_facts = Vec::new();
    let claims = claims
        .into_iter()
        .map(|k| {
            let date = short_date(&k.occurred_on);
            let known = k
                .driver_id
                .and_then(|id| c.drivers.iter().find(|d| d.id == id));
            if let Some(occurred_on) = date_of(&k.occurred_on) {
                claim_facts.push(ClaimFacts {
                    occurred_on,
                    kind: k.kind,
                    driver_known: known.is_some(),
                });
            }
            let driver = match known {
                Some(d) => person_name(Some(&d.last_name), d.first_name.as_deref()),
                // Theft, fire, glass, a parked vehicle: nobody was driving.
                None if !claim_names_a_driver(k.kind) => "sans objet".into(),
                None => "—".into(),
            };
            Value::Dict(vec![
                (
                    "number",
                    s(k.insurer_reference
                        .clone()
                        .filter(|x| !x.trim().is_empty())
                        .unwrap_or_else(|| format!("{} (agence)", k.id))),
                ),
                ("date", s(date)),
                ("nature", s(capitalised(k.kind.fr()))),
                ("responsibility", s(responsibility(k.responsibility))),
                ("driver", s(driver)),
                ("status", s(claim_status(k, stopped))),
            ])
        })
        .collect();
    let missing = missing_fields(&ReleveFacts {
        registration: !registrations.is_empty(),
        issuer_orias: orias.is_some(),
        people,
        claims: claim_facts,
    })
    .iter()
    .map(MissingField::label)
    .collect();
    ReleveData {
        fields,
        drivers,
        claims,
        claims_from: from,
        stopped,
        missing,
    }
}

impl Courtier {
    /// The relevé d'information (R18) of a contract at `date` (today if none), issued by the
    /// agency by delegation of the insurer, stored with the contract.
    pub fn releve_pdf(
        &self,
        contract_id: i64,
        date: Option<&str>,
    ) -> Result<GeneratedPdf, AppError> {
        let at = self.paper_date(date)?;
        let name = format!("releve-information-{contract_id}-{at}.pdf");
        self.generate(
            contract_id,
            at,
            Template::Releve,
            DocumentKind::ReleveInformation,
            name,
            move |st, c| {
                let holder = st.get_client(c.client_id)?.client;
                let id = st
                    .agency_identity()?
                    .map(|r| r.identity)
                    .unwrap_or_default();
                let r = releve_data(c, &holder, &id.name, id.orias.as_deref(), at);
                Ok(vec![
                    ("title", s("Relevé d'information")),
                    ("date", s(at.format("%d/%m/%Y").to_string())),
                    (
                        "claims-from",
                        s(r.claims_from.format("%d/%m/%Y").to_string()),
                    ),
                    ("stopped", s(r.stopped.format("%d/%m/%Y").to_string())),
                    (
                        "fields",
                        Value::List(
                            r.fields
                                .into_iter()
                                .map(|(l, v)| Value::Dict(vec![("label", s(l)), ("value", s(v))]))
                                .collect(),
                        ),
                    ),
                    ("drivers", Value::List(r.drivers)),
                    ("claims", Value::List(r.claims)),
                    (
                        "missing",
                        Value::List(r.missing.into_iter().map(s).collect()),
                    ),
                ])
            },
        )
    }
}
