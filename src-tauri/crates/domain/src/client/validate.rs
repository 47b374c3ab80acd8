//! The validation rules for what a broker types into the client form.

use chrono::{Datelike, NaiveDate};

use super::draft::ClientDraft;
use super::model::{
    Address, AddressKind, Civility, Client, ClientKind, ClientStatus, Email, EmailKind, Phone,
    PhoneKind,
};
use crate::fields::{
    email, fold_for_search, french_postcode, parse_date, phone_number, siren, DateError,
};

/// A validation failure on one field of a form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FieldError {
    /// The field, as the front end names it: `lastName`, `addresses[0].postcode`, …
    pub field: String,
    /// What is wrong, in French, for the broker.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Why a typed birth date is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BirthDateError {
    #[error("Date de naissance : {0}")]
    Date(#[from] DateError),
    #[error("La date de naissance {} est dans le futur.", .0.format("%d/%m/%Y"))]
    InFuture(NaiveDate),
    #[error("La date de naissance {} donne plus de 120 ans.", .0.format("%d/%m/%Y"))]
    OverAgeLimit(NaiveDate),
}

const MAX_NAME: usize = 100;
const MAX_TEXT: usize = 200;
const MAX_NOTES: usize = 20_000;

/// Validates and normalises a draft. `today` bounds the birth date.
pub fn validate(draft: &ClientDraft, today: NaiveDate) -> Result<Client, FieldError> {
    let kind = ClientKind::parse(draft.kind.trim()).ok_or_else(|| {
        FieldError::new(
            "kind",
            "Le type de client doit être « particulier » ou « entreprise ».",
        )
    })?;
    let civility = match clean(&draft.civility) {
        None => None,
        Some(c) => Some(Civility::parse(&c).ok_or_else(|| {
            FieldError::new("civility", "La civilité doit être « M. » ou « Mme ».")
        })?),
    };
    let last_name = name_field(&draft.last_name, "lastName", "Le nom")?;
    let first_name = name_field(&draft.first_name, "firstName", "Le prénom")?;
    let company_name = name_field(&draft.company_name, "companyName", "La raison sociale")?;
    match kind {
        ClientKind::Person if last_name.is_none() => {
            return Err(FieldError::new(
                "lastName",
                "Le nom est obligatoire pour un particulier.",
            ))
        }
        ClientKind::Company if company_name.is_none() => {
            return Err(FieldError::new(
                "companyName",
                "La raison sociale est obligatoire pour une entreprise.",
            ))
        }
        _ => {}
    }
    let siren = match clean(&draft.siren) {
        None => None,
        Some(s) => Some(siren(&s).map_err(|m| FieldError::new("siren", m.to_string()))?),
    };
    let birth_date = match clean(&draft.birth_date) {
        None => None,
        Some(s) => {
            Some(birth_date(&s, today).map_err(|m| FieldError::new("birthDate", m.to_string()))?)
        }
    };

    let mut addresses = Vec::with_capacity(draft.addresses.len());
    for (i, a) in draft.addresses.iter().enumerate() {
        let f = |name: &str| format!("addresses[{i}].{name}");
        let kind = AddressKind::parse(a.kind.trim()).ok_or_else(|| {
            FieldError::new(
                f("kind"),
                "Le type d'adresse doit être « principale » ou « correspondance ».",
            )
        })?;
        let line1 = text_field(&Some(a.line1.clone()), &f("line1"), "L'adresse", MAX_TEXT)?;
        let line2 = text_field(&a.line2, &f("line2"), "Le complément d'adresse", MAX_TEXT)?;
        let country = clean(&a.country).unwrap_or_else(|| "France".to_string());
        let is_france = is_france(&country);
        let postcode = if is_france {
            french_postcode(&a.postcode)
                .map_err(|m| FieldError::new(f("postcode"), m.to_string()))?
        } else {
            let p = a.postcode.trim();
            if p.is_empty() || p.chars().count() > 12 {
                return Err(FieldError::new(
                    f("postcode"),
                    "Le code postal est vide ou trop long.",
                ));
            }
            p.to_string()
        };
        let city = text_field(&Some(a.city.clone()), &f("city"), "La ville", MAX_NAME)?
            .ok_or_else(|| FieldError::new(f("city"), "La ville est vide."))?;
        addresses.push(Address {
            kind,
            line1,
            line2,
            postcode,
            city,
            country,
        });
    }

    let mut phones = Vec::with_capacity(draft.phones.len());
    for (i, p) in draft.phones.iter().enumerate() {
        let field = format!("phones[{i}].number");
        let kind = PhoneKind::parse(p.kind.trim()).ok_or_else(|| {
            FieldError::new(
                format!("phones[{i}].kind"),
                "Le type de téléphone doit être mobile, fixe ou professionnel.",
            )
        })?;
        let number = phone_number(&p.number).map_err(|m| FieldError::new(field, m.to_string()))?;
        phones.push(Phone { kind, number });
    }

    let mut emails = Vec::with_capacity(draft.emails.len());
    for (i, e) in draft.emails.iter().enumerate() {
        let kind = EmailKind::parse(e.kind.trim()).ok_or_else(|| {
            FieldError::new(
                format!("emails[{i}].kind"),
                "Le type d'adresse e-mail doit être personnel ou professionnel.",
            )
        })?;
        let address = email(&e.address)
            .map_err(|m| FieldError::new(format!("emails[{i}].address"), m.to_string()))?;
        emails.push(Email { kind, address });
    }

    let status = ClientStatus::parse(draft.status.trim()).ok_or_else(|| {
        FieldError::new(
            "status",
            "Le statut doit être prospect, client ou ancien client.",
        )
    })?;

    Ok(Client {
        kind,
        civility: if kind == ClientKind::Person {
            civility
        } else {
            None
        },
        last_name,
        first_name,
        company_name,
        siren,
        birth_date: if kind == ClientKind::Person {
            birth_date
        } else {
            None
        },
        addresses,
        phones,
        emails,
        profession: text_field(&draft.profession, "profession", "La profession", MAX_TEXT)?,
        status,
        source: text_field(&draft.source, "source", "La source", MAX_TEXT)?,
        assigned_broker: text_field(
            &draft.assigned_broker,
            "assignedBroker",
            "Le nom du chargé de clientèle",
            MAX_TEXT,
        )?,
        notes: notes(&draft.notes)?,
    })
}

fn clean(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn text_field(
    v: &Option<String>,
    field: &str,
    label: &str,
    max: usize,
) -> Result<Option<String>, FieldError> {
    let Some(s) = clean(v) else { return Ok(None) };
    if s.chars().any(char::is_control) {
        return Err(FieldError::new(
            field,
            format!("{label} contient un caractère de contrôle (retour à la ligne, tabulation…)."),
        ));
    }
    crate::text::refused_char(&s, false, label)
        .map_err(|e| FieldError::new(field, e.to_string()))?;
    if s.chars().count() > max {
        return Err(FieldError::new(
            field,
            format!("{label} dépasse {max} caractères."),
        ));
    }
    Ok(Some(collapse_spaces(&s)))
}

fn name_field(v: &Option<String>, field: &str, label: &str) -> Result<Option<String>, FieldError> {
    let Some(s) = text_field(v, field, label, MAX_NAME)? else {
        return Ok(None);
    };
    if !s.chars().any(char::is_alphabetic) {
        return Err(FieldError::new(
            field,
            format!("{label} « {s} » ne contient aucune lettre."),
        ));
    }
    Ok(Some(s))
}

fn notes(v: &Option<String>) -> Result<Option<String>, FieldError> {
    let Some(s) = clean(v) else { return Ok(None) };
    if s.chars().count() > MAX_NOTES {
        return Err(FieldError::new(
            "notes",
            format!("Les notes dépassent {MAX_NOTES} caractères."),
        ));
    }
    if s.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(FieldError::new(
            "notes",
            "Les notes contiennent un caractère de contrôle invalide.",
        ));
    }
    crate::text::refused_char(&s, true, "Les notes")
        .map_err(|e| FieldError::new("notes", e.to_string()))?;
    Ok(Some(s.replace("\r\n", "\n")))
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_france(country: &str) -> bool {
    matches!(
        fold_for_search(country).as_str(),
        "france" | "fr" | "france metropolitaine"
    )
}

fn birth_date(s: &str, today: NaiveDate) -> Result<NaiveDate, BirthDateError> {
    let d = parse_date(s)?;
    if d > today {
        return Err(BirthDateError::InFuture(d));
    }
    if today.year() - d.year() > 120 {
        return Err(BirthDateError::OverAgeLimit(d));
    }
    Ok(d)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::client::{AddressDraft, PhoneDraft};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn person() -> ClientDraft {
        ClientDraft {
            kind: "person".into(),
            last_name: Some("  Dupont ".into()),
            first_name: Some("Hélène".into()),
            status: "prospect".into(),
            ..Default::default()
        }
    }

    #[test]
    fn minimal_person_is_valid_and_trimmed() {
        let c = validate(&person(), today()).unwrap();
        assert_eq!(c.last_name.as_deref(), Some("Dupont"));
        assert_eq!(c.display_name(), "Hélène Dupont");
        assert_eq!(c.sort_key(), "dupont helene");
    }

    #[test]
    fn person_needs_a_last_name_and_company_a_name() {
        let mut d = person();
        d.last_name = Some("   ".into());
        assert_eq!(validate(&d, today()).unwrap_err().field, "lastName");
        let d = ClientDraft {
            kind: "company".into(),
            status: "client".into(),
            ..Default::default()
        };
        assert_eq!(validate(&d, today()).unwrap_err().field, "companyName");
    }

    #[test]
    fn birth_dates() {
        let mut d = person();
        d.birth_date = Some("1990-02-31".into());
        let e = validate(&d, today()).unwrap_err();
        assert_eq!(e.field, "birthDate");
        assert!(
            e.message.contains("31/02/1990 n'existe pas"),
            "{}",
            e.message
        );
        d.birth_date = Some("29/02/2024".into());
        assert_eq!(
            validate(&d, today()).unwrap().birth_date,
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        d.birth_date = Some("2027-01-01".into());
        assert!(validate(&d, today()).unwrap_err().message.contains("futur"));
        d.birth_date = Some("1890-01-01".into());
        assert!(validate(&d, today())
            .unwrap_err()
            .message
            .contains("120 ans"));
        d.birth_date = Some("hier".into());
        assert!(validate(&d, today())
            .unwrap_err()
            .message
            .contains("n'est pas une date"));
        d.birth_date = Some("2000-13-01".into());
        assert!(validate(&d, today())
            .unwrap_err()
            .message
            .contains("mois 13"));
    }

    #[test]
    fn postcodes() {
        for ok in ["75001", "20000", "97400", "98800", " 13 008 "] {
            assert!(french_postcode(ok).is_ok(), "{ok}");
        }
        for bad in [
            "", "7500", "750011", "00100", "96000", "97700", "99000", "7500A",
        ] {
            assert!(french_postcode(bad).is_err(), "{bad}");
        }
        let mut d = person();
        d.addresses.push(AddressDraft {
            kind: "principale".into(),
            line1: "1 rue de la Paix".into(),
            postcode: "7500".into(),
            city: "Paris".into(),
            ..Default::default()
        });
        let e = validate(&d, today()).unwrap_err();
        assert_eq!(e.field, "addresses[0].postcode");
        d.addresses[0].country = Some("Belgique".into());
        d.addresses[0].postcode = "1000".into();
        assert!(validate(&d, today()).is_ok());
    }

    #[test]
    fn draft_round_trip() {
        let mut d = person();
        d.phones.push(PhoneDraft {
            kind: "mobile".into(),
            number: "06 12 34 56 78".into(),
        });
        let c = validate(&d, today()).unwrap();
        let again = validate(&ClientDraft::from(&c), today()).unwrap();
        assert_eq!(c, again);
    }
}
