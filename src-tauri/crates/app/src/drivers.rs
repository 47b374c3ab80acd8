//! Drivers of a contract: naming, listing and correcting them.

use crate::input::{date_field, field, limits, line, merge, opt_date_field, reason, required_line};
use crate::{
    dto::drivers_with_revisions, AppError, Courtier, DriverDraft, DriverDto, DriverUpdate,
};
use courtier_domain::vocabulary::DriverRole;

impl Courtier {
    /// A driver as sent, checked (at designation and at each correction).
    fn driver_row(&self, d: &DriverDraft) -> Result<courtier_port::DriverRow, AppError> {
        let role = DriverRole::parse(&d.role).map_err(|_| {
            field(
                "role",
                "Le rôle du conducteur est principal, secondaire ou occasionnel.",
            )
        })?;
        let last_name = required_line(
            &d.last_name,
            "lastName",
            "Le nom du conducteur",
            limits::NAME,
            "Le nom du conducteur est vide.",
        )?;
        let first_name = line(
            d.first_name.as_deref(),
            "firstName",
            "Le prénom du conducteur",
            limits::NAME,
        )?;
        let licence_number = line(
            d.licence_number.as_deref(),
            "licenceNumber",
            "Le numéro de permis",
            limits::REFERENCE,
        )?;
        let birth_date = opt_date_field(&d.birth_date, "birthDate", "Date de naissance")?;
        let licence_date = opt_date_field(&d.licence_date, "licenceDate", "Date du permis")?;
        let from_date = date_field(&d.from_date, "fromDate", "Date de désignation")?;
        let today = self.today();
        if let Some(b) = birth_date {
            // A driver holds a licence: at least 15 (accompanied driving), at most 120.
            let years = today.years_since(b);
            if b > today {
                return Err(field(
                    "birthDate",
                    format!(
                        "La date de naissance ({}) est dans le futur.",
                        b.format("%d/%m/%Y")
                    ),
                ));
            }
            if years.is_some_and(|y| y > 120) {
                return Err(field(
                    "birthDate",
                    format!(
                        "Une naissance le {} ferait un conducteur de plus de 120 ans : vérifiez l'année.",
                        b.format("%d/%m/%Y")
                    ),
                ));
            }
            if years.is_some_and(|y| y < 15) {
                return Err(field(
                    "birthDate",
                    format!(
                        "Né le {}, le conducteur a moins de 15 ans : il ne peut conduire, même accompagné.",
                        b.format("%d/%m/%Y")
                    ),
                ));
            }
        }
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
            role,
            last_name,
            first_name,
            birth_date,
            licence_number,
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
        let today = self.today();
        self.with_store(|s| drivers_with_revisions(s, d.contract_id, today))?
            .into_iter()
            .find(|x| x.id == id)
            .ok_or_else(|| AppError::internal("conducteur enregistré introuvable"))
    }

    /// The drivers of a contract.
    pub fn driver_list(&self, contract_id: i64) -> Result<Vec<DriverDto>, AppError> {
        let today = self.today();
        self.with_store(|s| {
            s.contract(contract_id)?;
            drivers_with_revisions(s, contract_id, today)
        })
    }

    /// A driver, with its corrections.
    pub fn driver_get(&self, id: i64) -> Result<DriverDto, AppError> {
        let contract_id = self.with_store(|s| Ok(s.driver_contract(id)?))?;
        self.driver_list(contract_id)?
            .into_iter()
            .find(|d| d.id == id)
            .ok_or_else(|| AppError::internal("conducteur introuvable sur son contrat"))
    }

    /// Corrects a driver (role, identity, licence, designation dates; `toDate` ends it).
    pub fn driver_update(&self, id: i64, u: &DriverUpdate) -> Result<DriverDto, AppError> {
        let old = self.driver_get(id)?;
        let contract_id = self.with_store(|s| Ok(s.driver_contract(id)?))?;
        let mut row = self.driver_row(&DriverDraft {
            contract_id,
            client_id: old.client_id,
            role: u
                .role
                .clone()
                .unwrap_or_else(|| old.role.as_str().to_string()),
            last_name: u.last_name.clone().unwrap_or(old.last_name),
            first_name: merge(&u.first_name, old.first_name),
            birth_date: merge(&u.birth_date, old.birth_date),
            licence_number: merge(&u.licence_number, old.licence_number),
            licence_date: merge(&u.licence_date, old.licence_date),
            aac: u.aac.unwrap_or(old.aac),
            from_date: u.from_date.clone().unwrap_or(old.from_date),
        })?;
        row.id = id;
        row.to_date = match merge(&u.to_date, old.to_date) {
            None => None,
            Some(t) => Some(date_field(&t, "toDate", "Fin de la désignation")?),
        };
        if row.to_date.is_some_and(|t| t < row.from_date) {
            return Err(field(
                "toDate",
                "La fin de la désignation ne peut précéder son début.",
            ));
        }
        let now = self.now();
        self.with_store(|s| Ok(s.correct_driver(&row, reason(&u.reason)?.as_deref(), &now)?))?;
        self.driver_get(id)
    }
}
