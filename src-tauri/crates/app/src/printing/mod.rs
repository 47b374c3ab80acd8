//! Generated documents (issue 12): the attestation de bonus-malus, the relevé d'information and
//! the avis d'échéance as PDFs made by `courtier-print`, stored with the contract like received
//! documents (the attaching is an act: it is in the journal, and the generation is on the
//! contract's timeline, see [`GENERATED_NOTE`]).

mod batch;
mod releve;
mod timeline;

pub use batch::MonthBatch;

use crate::dto::ContractRecord;
use crate::input::{date_field, field};
use crate::{AppError, Courtier, ErrorCode};
use chrono::{Datelike, NaiveDate};
use courtier_domain::vocabulary::{DocumentFormat, DocumentKind};
use courtier_port::{AgencyStore, Attached, DocumentOwner, NewDocument};
use courtier_print::french::{long_date, money, number, phone, short_date};
use courtier_print::{Engine, PrintError, Template, Value};

/// A generated PDF, and the document it was stored as.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GeneratedPdf {
    pub document_id: i64,
    pub file_name: String,
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// The note a generated document is stored with: the timeline lists such documents as
/// « Attestation … établie », « Avis d'échéance établi », « Relevé d'information établi ».
pub const GENERATED_NOTE: &str = "généré par Courtier";

fn print_error(e: PrintError) -> AppError {
    AppError::new(ErrorCode::Io, e.to_string())
}

fn iso_long(iso: &str) -> String {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| long_date(d.year(), d.month(), d.day()))
        .unwrap_or_else(|_| iso.to_string())
}

/// The fields of the data block, and the logo's bytes.
type Common = (Vec<(&'static str, Value)>, Option<Vec<u8>>);

fn s(x: impl Into<String>) -> Value {
    Value::str(x)
}

impl Courtier {
    fn engine(&self) -> &Engine {
        self.print
            .get_or_init(|| Engine::new(Some(&self.data_dir().join("templates"))))
    }

    /// The agency block, the journal head and the logo file every document carries.
    fn common(&self, s_: &dyn AgencyStore) -> Result<Common, AppError> {
        let id = s_.agency_identity()?.map(|r| r.identity).ok_or_else(|| {
            AppError::new(
                ErrorCode::invalid("agency"),
                "L'identité de l'agence n'est pas renseignée (Paramètres → Agence) : elle figure sur chaque document imprimé.",
            )
        })?;
        let head = s_
            .journal_head()?
            .map(|h| format!("{} (acte n° {})", h.printed(), h.act))
            .unwrap_or_else(|| "journal vide".into());
        let today = self.today();
        let logo = id.logo.as_ref().map(|(_, b)| b.clone());
        Ok((
            vec![
                (
                    "agency",
                    Value::Dict(vec![
                        ("name", s(id.name.clone())),
                        ("address", Value::opt(id.address.clone())),
                        ("orias", Value::opt(id.orias.clone())),
                        ("association", Value::opt(id.association.clone())),
                        ("phone", Value::opt(id.phone.as_deref().map(phone))),
                        ("email", Value::opt(id.email.clone())),
                        ("footer", Value::opt(id.footer.clone())),
                        ("logo", Value::Bool(logo.is_some())),
                    ]),
                ),
                ("journal", s(head)),
                (
                    "generated",
                    s(long_date(today.year(), today.month(), today.day())),
                ),
            ],
            logo,
        ))
    }

    fn contract_block(
        s_: &dyn AgencyStore,
        c: &ContractRecord,
    ) -> Result<Vec<(&'static str, Value)>, AppError> {
        let client = s_.get_client(c.client_id)?.client;
        let address = client.addresses.first().map(|a| {
            [
                a.line1.clone(),
                a.line2.clone(),
                Some(format!("{} {}", a.postcode, a.city)),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n")
        });
        let first = NaiveDate::parse_from_str(&c.first_echeance, "%Y-%m-%d").ok();
        Ok(vec![
            (
                "client",
                Value::Dict(vec![
                    ("name", s(c.client_name.clone())),
                    ("address", Value::opt(address)),
                ]),
            ),
            (
                "contract",
                Value::Dict(vec![
                    ("number", s(c.number.clone())),
                    ("insurer", s(c.insurer.clone())),
                    ("product", s(c.product.label())),
                    ("usage", s(c.usage.label())),
                    ("subscription", s(short_date(&c.subscription_date))),
                    (
                        "echeance",
                        s(first
                            .map(|d| {
                                long_date(d.year(), d.month(), d.day())
                                    .rsplit_once(' ')
                                    .map(|x| x.0.to_string())
                                    .unwrap_or_default()
                            })
                            .unwrap_or_default()),
                    ),
                ]),
            ),
        ])
    }

    /// Renders `t` and stores it with the contract as a document of `kind`.
    #[allow(clippy::too_many_arguments)]
    fn generate(
        &self,
        contract_id: i64,
        at: NaiveDate,
        t: Template,
        kind: DocumentKind,
        file_name: String,
        build: impl FnOnce(
            &dyn AgencyStore,
            &ContractRecord,
        ) -> Result<Vec<(&'static str, Value)>, AppError>,
    ) -> Result<GeneratedPdf, AppError> {
        let today = self.today();
        let (data, logo) = self.with_store(|st| {
            let c = self.contract_record_at(st, contract_id, at)?;
            let (mut data, logo) = self.common(st)?;
            data.extend(Self::contract_block(st, &c)?);
            data.extend(build(st, &c)?);
            Ok((data, logo))
        })?;
        let files: Vec<(&str, &[u8])> = logo.as_deref().map(|b| ("logo", b)).into_iter().collect();
        let bytes = self
            .engine()
            .render(
                t,
                &Value::Dict(data),
                &files,
                (today.year(), today.month() as u8, today.day() as u8),
            )
            .map_err(print_error)?;
        let found = crate::documents::content::inspect(&bytes)?;
        let new = NewDocument {
            owner: DocumentOwner::Contract(contract_id),
            kind,
            format: DocumentFormat::Pdf,
            file_name: file_name.clone(),
            date: Some(at),
            note: Some(GENERATED_NOTE.into()),
            size: bytes.len() as u64,
            pages: found.pages,
            thumbnail: Some(found.thumbnail),
        };
        let now = self.now();
        let document_id = self.with_store(|st| {
            Ok(
                match st.attach_document(&new, &mut bytes.as_slice(), &now)? {
                    Attached::New(id) | Attached::AlreadyThere { id, .. } => id,
                },
            )
        })?;
        Ok(GeneratedPdf {
            document_id,
            file_name,
            bytes,
        })
    }

    /// The attestation de bonus-malus (relevé de situation) of a contract at `date` (today if none).
    /// The date a paper is made at: the one given (a form's date), or today.
    pub(crate) fn paper_date(&self, date: Option<&str>) -> Result<NaiveDate, AppError> {
        match date {
            Some(d) => date_field(d, "date", "La date"),
            None => Ok(self.today()),
        }
    }

    pub fn statement_pdf(
        &self,
        contract_id: i64,
        date: Option<&str>,
    ) -> Result<GeneratedPdf, AppError> {
        let at = self.paper_date(date)?;
        let name = format!("attestation-{contract_id}-{at}.pdf");
        self.generate(contract_id, at, Template::Statement, DocumentKind::Attestation, name, move |_, c| {
            let past: Vec<_> = c
                .coefficient_history
                .iter()
                .filter(|h| NaiveDate::parse_from_str(&h.echeance, "%Y-%m-%d").is_ok_and(|e| e <= at))
                .collect();
            let coefficient = past
                .last()
                .map(|h| h.coefficient.clone())
                .unwrap_or_else(|| c.start_coefficient.clone());
            let history = past
                .iter()
                .map(|h| {
                    Value::Dict(vec![
                        ("echeance", s(short_date(&h.echeance))),
                        ("year", s(h.echeance.get(..4).unwrap_or("").to_string())),
                        ("period", s(format!("du {} au {}", short_date(&h.period_start), short_date(&h.period_end)))),
                        ("coefficient", s(number(&h.coefficient))),
                        ("value", Value::Float(h.coefficient.parse().unwrap_or(1.0))),
                    ])
                })
                .collect();
            let protection = if c.protection_active {
                format!("Protection du coefficient 0,50 : acquise. Le coefficient est à 0,50 depuis {} échéances (trois ans au moins) : le premier sinistre responsable suivant ne le majorera pas.", c.periods_at_floor)
            } else if c.periods_at_floor > 0 {
                format!("Protection du coefficient 0,50 : pas encore acquise ({} échéance(s) à 0,50 ; il en faut trois).", c.periods_at_floor)
            } else {
                "Protection du coefficient 0,50 : sans objet (le coefficient n'est pas à 0,50).".to_string()
            };
            let two_year = format!(
                "Périodes consécutives sans sinistre responsable : {}. {}",
                c.claim_free_streak,
                if c.claim_free_streak >= 2 {
                    "Après deux ans sans sinistre responsable, un coefficient supérieur à 1 revient à 1,00 (retour au coefficient de base)."
                } else {
                    "Deux années sans sinistre responsable ramènent à 1,00 un coefficient supérieur à 1."
                }
            );
            Ok(vec![
                ("title", s("Attestation de coefficient de réduction-majoration")),
                ("date", s(long_date(at.year(), at.month(), at.day()))),
                ("coefficient", s(number(&coefficient))),
                ("protection", s(protection)),
                ("two-year", s(two_year)),
                ("history", Value::List(history)),
                ("note", Value::List(c.note.lines().filter(|l| !l.trim().is_empty()).map(|l| s(l.to_string())).collect())),
            ])
        })
    }

    /// The avis d'échéance (R19) of a contract's next échéance.
    pub fn notice_pdf(&self, contract_id: i64) -> Result<GeneratedPdf, AppError> {
        let name = format!("avis-echeance-{contract_id}.pdf");
        self.generate(contract_id, self.today(), Template::Notice, DocumentKind::Courrier, name, |_, c| {
            let p = c.next_premium.as_ref().ok_or_else(|| {
                field("contract", "Ce contrat n'a pas de prochaine échéance (résilié ou sans prime) : pas d'avis d'échéance.")
            })?;
            let echeance = c.projection.as_ref().map(|x| iso_long(&x.next_echeance)).unwrap_or_default();
            let surcharges = p
                .surcharges
                .iter()
                .map(|x| {
                    Value::Dict(vec![
                        ("label", s(x.label.clone())),
                        ("rate", s(format!("{} %", number(&x.rate)))),
                        ("amount", s(money(&x.amount))),
                        ("until", s(short_date(&x.until))),
                    ])
                })
                .collect();
            Ok(vec![
                ("title", s("Avis d'échéance")),
                ("echeance", s(echeance)),
                (
                    "premium",
                    Value::Dict(vec![
                        ("reference", s(money(&p.reference_modulated))),
                        ("novice", if p.novice_rate == "0" { Value::None } else { s(format!("{} % — {}", number(&p.novice_rate), money(&p.novice_amount))) }),
                        ("coefficient", s(number(&p.coefficient))),
                        ("after", s(money(&p.after_coefficient))),
                        ("surcharges", Value::List(surcharges)),
                        // « aucune » rather than « 0 € » when no guarantee is outside the coefficient.
                        ("not-modulated", s(if p.not_modulated.parse::<rust_decimal::Decimal>().is_ok_and(|x| !x.is_zero()) { money(&p.not_modulated) } else { "aucune".to_string() })),
                        ("total", s(money(&p.total))),
                    ]),
                ),
            ])
        })
    }
}
