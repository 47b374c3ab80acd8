//! The managed list of insurers (contact details, where to ask for relevés d'information).

use crate::dto::{revision_dtos, RevisionDto};
use crate::input::{field, limits, line};
use crate::{AppError, Courtier};
use courtier_port::{AgencyStore, Entity, InsurerRow};
use serde::{Deserialize, Serialize};

/// An insurer as the list and its form show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InsurerDto {
    pub id: i64,
    pub name: String,
    pub address_line1: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Where to ask for relevés d'information.
    pub releve_email: Option<String>,
    /// Contracts the agency holds with it.
    pub contracts: u64,
    /// The details each change replaced, oldest first.
    pub revisions: Vec<RevisionDto>,
}

/// An insurer as the form (or the CLI) sends it. For an update, only the fields given change;
/// an empty text clears an optional field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct InsurerDraft {
    pub name: Option<String>,
    pub address_line1: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub releve_email: Option<String>,
    pub reason: Option<String>,
}

fn text(new: &Option<String>, old: Option<String>) -> Option<String> {
    match new {
        Some(x) => Some(x.trim().to_string()).filter(|x| !x.is_empty()),
        None => old,
    }
}

/// `v` normalised by `f`, its typed error as the field's message.
fn checked<E: std::fmt::Display>(
    v: Option<String>,
    code: &str,
    f: fn(&str) -> Result<String, E>,
) -> Result<Option<String>, AppError> {
    v.map(|x| f(&x).map_err(|e| field(code, e.to_string())))
        .transpose()
}

/// The row a draft makes of `old`, checked.
fn merged(d: &InsurerDraft, old: InsurerRow) -> Result<InsurerRow, AppError> {
    let name = match d.name.as_deref() {
        Some(n) => line(Some(n), "name", "Le nom de l'assureur", limits::NAME)?,
        None => Some(old.name.clone()),
    }
    .ok_or_else(|| field("name", "Le nom de l'assureur est vide."))?;
    // The free texts sent, checked by the one rule (no control or bidirectional characters).
    let checked_line =
        |v: &Option<String>, old: Option<String>, code: &str, label: &str, max| match v {
            Some(x) => line(Some(x), code, label, max),
            None => Ok(old),
        };
    let address_line1 = checked_line(
        &d.address_line1,
        old.address_line1,
        "addressLine1",
        "L'adresse",
        limits::LINE,
    )?;
    let city = checked_line(&d.city, old.city, "city", "La ville", limits::NAME)?;
    let postcode = text(&d.postcode, old.postcode);
    if let Some(p) = &postcode {
        if !(p.len() == 5 && p.chars().all(|c| c.is_ascii_digit())) {
            return Err(field(
                "postcode",
                format!("« {p} » n'est pas un code postal (cinq chiffres)."),
            ));
        }
    }
    Ok(InsurerRow {
        id: old.id,
        name,
        address_line1,
        postcode,
        city,
        email: checked(
            text(&d.email, old.email),
            "email",
            courtier_domain::fields::email,
        )?,
        phone: checked(
            text(&d.phone, old.phone),
            "phone",
            courtier_domain::fields::phone_number,
        )?,
        releve_email: checked(
            text(&d.releve_email, old.releve_email),
            "releveEmail",
            courtier_domain::fields::email,
        )?,
        contracts: old.contracts,
    })
}

impl Courtier {
    fn insurer_dto(&self, s: &dyn AgencyStore, r: InsurerRow) -> Result<InsurerDto, AppError> {
        Ok(InsurerDto {
            revisions: revision_dtos(&s.revisions(Entity::Insurer, r.id)?),
            id: r.id,
            name: r.name,
            address_line1: r.address_line1,
            postcode: r.postcode,
            city: r.city,
            email: r.email,
            phone: r.phone,
            releve_email: r.releve_email,
            contracts: r.contracts,
        })
    }

    /// Every insurer, by name, with the number of contracts held with it.
    pub fn insurer_list(&self) -> Result<Vec<InsurerDto>, AppError> {
        self.with_store(|s| {
            s.insurers()?
                .into_iter()
                .map(|r| self.insurer_dto(s, r))
                .collect()
        })
    }

    pub fn insurer_get(&self, id: i64) -> Result<InsurerDto, AppError> {
        self.with_store(|s| {
            let r = s.insurer(id)?;
            self.insurer_dto(s, r)
        })
    }

    /// Adds an insurer with its details.
    pub fn insurer_create(&self, d: &InsurerDraft) -> Result<InsurerDto, AppError> {
        let row = merged(
            d,
            InsurerRow {
                id: 0,
                name: String::new(),
                address_line1: None,
                postcode: None,
                city: None,
                email: None,
                phone: None,
                releve_email: None,
                contracts: 0,
            },
        )?;
        let now = self.now();
        self.with_store(|s| {
            let id = s.insert_insurer(&row, &now)?;
            let r = s.insurer(id)?;
            self.insurer_dto(s, r)
        })
    }

    /// Changes an insurer's name or details; the previous ones are kept with the reason.
    pub fn insurer_update(&self, id: i64, d: &InsurerDraft) -> Result<InsurerDto, AppError> {
        let now = self.now();
        self.with_store(|s| {
            let row = merged(d, s.insurer(id)?)?;
            let reason = line(d.reason.as_deref(), "reason", "Le motif", limits::NOTE)?;
            s.update_insurer(&row, reason.as_deref(), &now)?;
            let r = s.insurer(id)?;
            self.insurer_dto(s, r)
        })
    }
}
