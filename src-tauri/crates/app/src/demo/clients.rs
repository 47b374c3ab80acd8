//! The demo's clients: people, households under one roof, companies with a valid SIREN.

use super::names::{
    BROKERS, COMPANY_PATTERNS, LAST_NAMES, MAIL_DOMAINS, MEN, PROFESSIONS, SOURCES, WOMEN,
};
use super::places::{STREETS, TOWNS};
use super::Generator;
use chrono::{Datelike, Duration, NaiveDate};
use courtier_domain::client::{
    fold_for_search, Address, AddressKind, Civility, Client, ClientKind, ClientStatus, Email,
    EmailKind, Phone, PhoneKind,
};

impl Generator {
    /// `n` clients, and the households among them (indexes into the batch).
    pub fn batch(&mut self, n: u32) -> (Vec<Client>, Vec<Vec<usize>>) {
        let n = n as usize;
        let mut clients = Vec::with_capacity(n);
        let mut households = Vec::new();
        while clients.len() < n {
            let room = n - clients.len();
            if self.rng.chance(8) {
                clients.push(self.company());
            } else if room >= 2 && self.rng.chance(22) {
                let size = (2 + self.rng.below(3)).min(room);
                let start = clients.len();
                clients.extend(self.household(size));
                households.push((start..start + size).collect());
            } else {
                let address = self.address();
                let last = self.rng.pick(LAST_NAMES);
                let age = 18 + self.rng.below(70) as i64;
                clients.push(self.person(last, age, address));
            }
        }
        (clients, households)
    }

    fn address(&mut self) -> Address {
        let (city, postcode, _) = TOWNS[self.rng.below(TOWNS.len())];
        let number = 1 + self.rng.below(140);
        let bis = if self.rng.chance(5) { " bis" } else { "" };
        Address {
            kind: AddressKind::Principale,
            line1: Some(format!("{number}{bis} {}", self.rng.pick(STREETS))),
            line2: self.rng.chance(12).then(|| {
                format!(
                    "Bâtiment {}, appartement {}",
                    (b'A' + self.rng.below(4) as u8) as char,
                    1 + self.rng.below(40)
                )
            }),
            postcode: postcode.to_string(),
            city: city.to_string(),
            country: "France".to_string(),
        }
    }

    fn birth_date(&mut self, age: i64) -> NaiveDate {
        let days = age * 365 + self.rng.below(365) as i64;
        let d = self.today - Duration::days(days);
        // Keep it a plausible calendar date (no day after today).
        NaiveDate::from_ymd_opt(d.year(), d.month(), d.day()).unwrap_or(d)
    }

    fn mobile(&mut self) -> String {
        let prefix = if self.rng.chance(70) { "06" } else { "07" };
        format!("{prefix}{}", self.rng.digits(8))
    }

    fn email(&mut self, first: &str, last: &str) -> String {
        self.serial += 1;
        let clean = |s: &str| -> String {
            fold_for_search(s)
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect()
        };
        let n = if self.rng.chance(40) {
            (self.serial % 97).to_string()
        } else {
            String::new()
        };
        format!(
            "{}.{}{n}@{}",
            clean(first),
            clean(last),
            self.rng.pick(MAIL_DOMAINS)
        )
    }

    fn status(&mut self) -> ClientStatus {
        match self.rng.below(10) {
            0 | 1 => ClientStatus::Prospect,
            2 => ClientStatus::Former,
            _ => ClientStatus::Client,
        }
    }

    fn person(&mut self, last: &str, age: i64, address: Address) -> Client {
        let woman = self.rng.chance(50);
        let first = if woman {
            self.rng.pick(WOMEN)
        } else {
            self.rng.pick(MEN)
        };
        let landline = TOWNS
            .iter()
            .find(|t| t.1 == address.postcode)
            .map_or("01", |t| t.2);
        let mut phones = vec![Phone {
            kind: PhoneKind::Mobile,
            number: self.mobile(),
        }];
        if self.rng.chance(25) {
            phones.push(Phone {
                kind: PhoneKind::Fixe,
                number: format!("{landline}{}", self.rng.digits(8)),
            });
        }
        let emails = if self.rng.chance(85) {
            vec![Email {
                kind: EmailKind::Personnel,
                address: self.email(first, last),
            }]
        } else {
            Vec::new()
        };
        let notes = self.rng.chance(15).then(|| {
            let pick = [
                "Préfère être appelé le soir après 18 h.",
                "Intéressé par une assurance habitation, à relancer au printemps.",
                "A demandé un devis pour le véhicule de sa fille (permis récent).",
                "Client fidèle depuis l'ouverture du cabinet.",
                "Relevé d'information demandé à l'ancien assureur.",
            ];
            pick[self.rng.below(pick.len())].to_string()
        });
        Client {
            kind: ClientKind::Person,
            civility: Some(if woman { Civility::Mme } else { Civility::M }),
            last_name: Some(last.to_string()),
            first_name: Some(first.to_string()),
            company_name: None,
            siren: None,
            birth_date: Some(self.birth_date(age)),
            addresses: vec![address],
            phones,
            emails,
            profession: (age >= 67).then(|| "Retraité".to_string()).or_else(|| {
                self.rng
                    .chance(80)
                    .then(|| self.rng.pick(PROFESSIONS).to_string())
            }),
            status: self.status(),
            source: Some(self.rng.pick(SOURCES).to_string()),
            assigned_broker: Some(self.rng.pick(BROKERS).to_string()),
            notes,
        }
    }

    fn household(&mut self, size: usize) -> Vec<Client> {
        let last = self.rng.pick(LAST_NAMES);
        let address = self.address();
        let parent_age = 30 + self.rng.below(35) as i64;
        (0..size)
            .map(|i| {
                let age = match i {
                    0 => parent_age,
                    1 => (parent_age - 3 + self.rng.below(7) as i64).max(18),
                    _ => (parent_age - 22 - self.rng.below(8) as i64).max(18),
                };
                self.person(last, age, address.clone())
            })
            .collect()
    }

    fn company(&mut self) -> Client {
        let last = self.rng.pick(LAST_NAMES);
        let pattern = self.rng.pick(COMPANY_PATTERNS);
        let name = pattern.replace("{}", last);
        let address = self.address();
        let contact_first = self.rng.pick(MEN);
        Client {
            kind: ClientKind::Company,
            civility: None,
            last_name: None,
            first_name: None,
            company_name: Some(name.clone()),
            siren: Some(self.siren()),
            birth_date: None,
            addresses: vec![address],
            phones: vec![Phone {
                kind: PhoneKind::Professionnel,
                number: self.mobile(),
            }],
            emails: vec![Email {
                kind: EmailKind::Professionnel,
                address: self.email(contact_first, last),
            }],
            profession: None,
            status: self.status(),
            source: Some(self.rng.pick(SOURCES).to_string()),
            assigned_broker: Some(self.rng.pick(BROKERS).to_string()),
            notes: Some(format!(
                "Flotte de véhicules ; interlocuteur : {contact_first} {last}."
            )),
        }
    }

    /// Eight random digits and the Luhn check digit.
    fn siren(&mut self) -> String {
        let body = format!("{}{}", 1 + self.rng.below(9), self.rng.digits(7));
        for check in 0..10 {
            let candidate = format!("{body}{check}");
            if courtier_domain::client::siren(&candidate).is_ok() {
                return candidate;
            }
        }
        // Unreachable: one of the ten check digits always satisfies Luhn.
        format!("{body}0")
    }
}
