//! A realistic demo portfolio: French names with their accents, real towns and postcodes,
//! households of two to four people under one roof, some companies with valid SIREN numbers.
//! Deterministic for a given seed, so the screenshots and benchmarks are reproducible.

use chrono::NaiveDate;
// The records the demo produces, as the storage port defines them.
use courtier_port::{
    BatchClaim, BatchContract, DriverRow, NewClaim, NewContract, PremiumLineRow, VehicleRow,
};

mod clients;
mod contracts;
mod load;
mod names;
mod places;
mod rng;
mod vehicles;

pub use contracts::INSURERS;
use rng::Rng;

/// Clients committed per transaction when loading a demo portfolio.
pub const BATCH: u32 = 1_000;

/// Generates demo clients, batch after batch.
#[derive(Debug, Clone)]
pub struct Generator {
    rng: Rng,
    today: NaiveDate,
    serial: u64,
}

impl Generator {
    pub fn new(seed: u64, today: NaiveDate) -> Self {
        Generator {
            rng: Rng(seed),
            today,
            serial: 0,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use courtier_domain::client::{validate, ClientDraft};

    #[test]
    fn demo_clients_pass_the_same_validation_as_the_form() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut g = Generator::new(7, today);
        let (clients, households) = g.batch(3_000);
        assert_eq!(clients.len(), 3_000);
        assert!(households.len() > 100, "{}", households.len());
        for c in &clients {
            let again = validate(&ClientDraft::from(c), today).unwrap();
            assert_eq!(&again, c);
        }
        for h in &households {
            let names: Vec<_> = h.iter().map(|&i| clients[i].last_name.clone()).collect();
            assert!(names.windows(2).all(|w| w[0] == w[1]));
        }
    }

    #[test]
    fn deterministic_for_a_seed() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let a = Generator::new(42, today).batch(50);
        let b = Generator::new(42, today).batch(50);
        assert_eq!(a, b);
    }
}
