//! The vehicles of a demo contract, their replacements, and the drivers named on it.

use super::names::{LAST_NAMES, MEN, WOMEN};
use super::Generator;
use super::{DriverRow, VehicleRow};
use chrono::{Duration, NaiveDate};
use courtier_domain::client::{Client, ClientKind};
use courtier_domain::vocabulary::DriverRole;

/// Cars brokers see every day: make and models.
const CARS: &[(&str, &[&str])] = &[
    (
        "Renault",
        &[
            "Clio", "Mégane", "Captur", "Twingo", "Scénic", "Kangoo", "Austral",
        ],
    ),
    (
        "Peugeot",
        &["208", "308", "2008", "3008", "5008", "Partner"],
    ),
    (
        "Citroën",
        &["C3", "C4", "C3 Aircross", "Berlingo", "C5 Aircross"],
    ),
    ("Dacia", &["Sandero", "Duster", "Jogger", "Spring"]),
    ("Volkswagen", &["Polo", "Golf", "T-Roc", "Tiguan"]),
    ("Toyota", &["Yaris", "Corolla", "C-HR", "RAV4"]),
    ("Tesla", &["Model 3", "Model Y"]),
    ("Fiat", &["500", "Panda", "Tipo"]),
];

/// Letters of SIV registrations (never I, O, U).
const SIV_LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTVWXYZ";

impl Generator {
    /// A SIV registration (`AB-123-CD`).
    fn registration(&mut self) -> String {
        let mut letter = || char::from(SIV_LETTERS[self.rng.below(SIV_LETTERS.len())]);
        let (a, b, c, d) = (letter(), letter(), letter(), letter());
        let a = if a == b && (a == 'S' || a == 'W') {
            'A'
        } else {
            a
        };
        format!("{a}{b}-{:03}-{c}{d}", 1 + self.rng.below(999))
    }

    fn vehicle(&mut self, from: NaiveDate) -> VehicleRow {
        let (make, models) = CARS[self.rng.below(CARS.len())];
        let model = models[self.rng.below(models.len())];
        let age_days = self.rng.below(365 * 8) as i64;
        VehicleRow {
            id: 0,
            contract_id: 0,
            registration: self.registration(),
            make: Some(make.into()),
            model: Some(model.into()),
            first_registration: Some(from - Duration::days(age_days)),
            from_date: from,
            to_date: None,
            replaced_by: None,
            transfer_note: None,
            other_drivers: false,
        }
    }

    /// The vehicles of a contract: one from the subscription, sometimes replaced since (the
    /// coefficient moves with the contract, R16).
    pub(super) fn vehicles(&mut self, subscription: NaiveDate) -> Vec<VehicleRow> {
        let mut out = vec![self.vehicle(subscription)];
        let mut from = subscription;
        while (self.today - from).num_days() > 365 * 4 && self.rng.chance(40) {
            let on = from + Duration::days(365 * 2 + self.rng.below(365 * 3) as i64);
            if on >= self.today {
                break;
            }
            let next = self.vehicle(on);
            if let Some(last) = out.last_mut() {
                last.to_date = Some(on);
                last.transfer_note = Some(format!(
                    "Remplacé le {} par le véhicule {} ; mêmes conducteurs habituels : le coefficient est transféré.",
                    on.format("%d/%m/%Y"),
                    next.registration
                ));
            }
            out.push(next);
            from = on;
        }
        out
    }

    /// A driver born about `age` years before `today`, licensed at 18 to 25 (sometimes after
    /// supervised learning).
    fn driver(
        &mut self,
        role: DriverRole,
        last_name: String,
        first_name: Option<String>,
        birth: Option<NaiveDate>,
        from: NaiveDate,
        is_client: bool,
    ) -> DriverRow {
        let birth = birth
            .unwrap_or_else(|| self.today - Duration::days(365 * (19 + self.rng.below(55) as i64)));
        let aac = self.rng.chance(20);
        let licence_age = if aac {
            18
        } else {
            18 + self.rng.below(8) as i64
        };
        let licence = (birth + Duration::days(365 * licence_age + self.rng.below(300) as i64))
            .min(self.today - Duration::days(30));
        DriverRow {
            id: 0,
            contract_id: 0,
            client_id: is_client.then_some(0),
            role,
            last_name,
            first_name,
            birth_date: Some(birth),
            licence_number: Some(format!("{}{}", licence.format("%y%m"), self.rng.digits(8))),
            licence_date: Some(licence),
            aac,
            from_date: from.max(licence),
            to_date: None,
        }
    }

    /// The principal driver (the client, or an employee of a company) and sometimes a second.
    pub(super) fn drivers(&mut self, client: &Client, from: NaiveDate) -> Vec<DriverRow> {
        let mut out = Vec::new();
        match (client.kind, &client.last_name) {
            (ClientKind::Person, Some(last)) => {
                let d = self.driver(
                    DriverRole::Principal,
                    last.clone(),
                    client.first_name.clone(),
                    client.birth_date,
                    from,
                    true,
                );
                out.push(d);
            }
            _ => {
                let last = self.rng.pick(LAST_NAMES).to_string();
                let first = self.rng.pick(MEN).to_string();
                out.push(self.driver(DriverRole::Principal, last, Some(first), None, from, false));
            }
        }
        if self.rng.chance(30) {
            let last = client
                .last_name
                .clone()
                .unwrap_or_else(|| self.rng.pick(LAST_NAMES).to_string());
            let first = self.rng.pick(WOMEN).to_string();
            let role = if self.rng.chance(50) {
                DriverRole::Secondaire
            } else {
                DriverRole::Occasionnel
            };
            out.push(self.driver(role, last, Some(first), None, from, false));
        }
        out
    }
}
