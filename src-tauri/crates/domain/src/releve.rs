//! The relevé d'information's mandatory fields (R18: article 12 of the annex to A121-1 and the
//! EU claims-history template, Regulation (EU) 2024/1855). A relevé the agency issues lists the
//! mandatory fields its file does not hold, by name and in the order of the page, rather than
//! printing blanks: the vehicle's registration, the issuing agency's ORIAS number, the birth
//! date, licence number and licence date of the policyholder (a person) and of every named
//! driver, and the driver of each accident. A claim where nobody was driving (theft, fire,
//! glass, a parked vehicle…) names no driver. Pure: the caller says what the file holds.

use crate::bonus_malus::ClaimKind;
use chrono::NaiveDate;

/// A person the relevé names: the policyholder or a driver named on the contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Person {
    Holder(String),
    Driver(String),
}

impl Person {
    fn words(&self) -> String {
        match self {
            Person::Holder(name) => format!("du souscripteur ({name})"),
            Person::Driver(name) => format!("du conducteur {name}"),
        }
    }
}

/// What the file holds of a person's mandatory fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFacts {
    pub person: Person,
    pub birth_date: bool,
    pub licence_number: bool,
    pub licence_date: bool,
}

/// What the file holds of a claim of the five periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimFacts {
    pub occurred_on: NaiveDate,
    pub kind: ClaimKind,
    pub driver_known: bool,
}

/// What the agency file holds for a relevé, as of its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleveFacts {
    /// A registration of a vehicle insured during the five periods.
    pub registration: bool,
    /// The issuing agency's ORIAS number.
    pub issuer_orias: bool,
    /// The policyholder when a person (a company has no birth date nor licence), then the
    /// drivers named on the contract during the five periods.
    pub people: Vec<PersonFacts>,
    /// The claims of the five periods, in the order printed.
    pub claims: Vec<ClaimFacts>,
}

/// A mandatory field missing from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MissingField {
    Registration,
    IssuerOrias,
    BirthDate(Person),
    LicenceNumber(Person),
    LicenceDate(Person),
    ClaimDriver(NaiveDate),
}

impl MissingField {
    /// Its name in the relevé's box, in French.
    pub fn label(&self) -> String {
        match self {
            MissingField::Registration => "Immatriculation du véhicule assuré".into(),
            MissingField::IssuerOrias => "Numéro ORIAS de l'agence émettrice".into(),
            MissingField::BirthDate(p) => format!("Date de naissance {}", p.words()),
            MissingField::LicenceNumber(p) => format!("Numéro de permis {}", p.words()),
            MissingField::LicenceDate(p) => format!("Date du permis {}", p.words()),
            MissingField::ClaimDriver(d) => {
                format!("Conducteur du sinistre du {}", d.format("%d/%m/%Y"))
            }
        }
    }
}

/// Whether a claim of this kind names its driver on the relevé: only an accident has one.
pub fn claim_names_a_driver(kind: ClaimKind) -> bool {
    kind == ClaimKind::Accident
}

/// The mandatory fields the file lacks, in the order of the page.
pub fn missing_fields(f: &ReleveFacts) -> Vec<MissingField> {
    let mut out = Vec::new();
    if !f.registration {
        out.push(MissingField::Registration);
    }
    if !f.issuer_orias {
        out.push(MissingField::IssuerOrias);
    }
    for p in &f.people {
        if !p.birth_date {
            out.push(MissingField::BirthDate(p.person.clone()));
        }
        if !p.licence_number {
            out.push(MissingField::LicenceNumber(p.person.clone()));
        }
        if !p.licence_date {
            out.push(MissingField::LicenceDate(p.person.clone()));
        }
    }
    for k in &f.claims {
        if claim_names_a_driver(k.kind) && !k.driver_known {
            out.push(MissingField::ClaimDriver(k.occurred_on));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn complete() -> ReleveFacts {
        ReleveFacts {
            registration: true,
            issuer_orias: true,
            people: vec![PersonFacts {
                person: Person::Holder("LEFÈVRE Hélène".into()),
                birth_date: true,
                licence_number: true,
                licence_date: true,
            }],
            claims: vec![ClaimFacts {
                occurred_on: day("2025-03-14"),
                kind: ClaimKind::Accident,
                driver_known: true,
            }],
        }
    }

    #[test]
    fn a_complete_file_misses_nothing() {
        assert_eq!(missing_fields(&complete()), vec![]);
    }

    #[test]
    fn every_missing_field_is_named_in_the_order_of_the_page() {
        let f = ReleveFacts {
            registration: false,
            issuer_orias: false,
            people: vec![
                PersonFacts {
                    person: Person::Holder("LEFÈVRE Hélène".into()),
                    birth_date: false,
                    licence_number: true,
                    licence_date: false,
                },
                PersonFacts {
                    person: Person::Driver("LEFÈVRE Paul".into()),
                    birth_date: true,
                    licence_number: false,
                    licence_date: true,
                },
            ],
            claims: vec![
                ClaimFacts {
                    occurred_on: day("2024-11-02"),
                    kind: ClaimKind::Accident,
                    driver_known: false,
                },
                ClaimFacts {
                    occurred_on: day("2025-01-20"),
                    kind: ClaimKind::Accident,
                    driver_known: true,
                },
            ],
        };
        let labels: Vec<String> = missing_fields(&f).iter().map(MissingField::label).collect();
        assert_eq!(
            labels,
            [
                "Immatriculation du véhicule assuré",
                "Numéro ORIAS de l'agence émettrice",
                "Date de naissance du souscripteur (LEFÈVRE Hélène)",
                "Date du permis du souscripteur (LEFÈVRE Hélène)",
                "Numéro de permis du conducteur LEFÈVRE Paul",
                "Conducteur du sinistre du 02/11/2024",
            ]
        );
    }

    #[test]
    fn only_an_accident_needs_its_driver() {
        for kind in ClaimKind::ALL {
            let mut f = complete();
            f.claims[0].kind = kind;
            f.claims[0].driver_known = false;
            let missing = missing_fields(&f);
            if kind == ClaimKind::Accident {
                assert_eq!(missing, vec![MissingField::ClaimDriver(day("2025-03-14"))]);
            } else {
                assert_eq!(missing, vec![], "{kind:?} names no driver");
            }
        }
    }

    #[test]
    fn a_company_holder_has_no_personal_fields_to_miss() {
        let mut f = complete();
        f.people.clear();
        assert_eq!(missing_fields(&f), vec![]);
    }
}
