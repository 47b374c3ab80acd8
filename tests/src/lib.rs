//! Shared test fixtures for the journeys and use-case tests: a temp agency (a `tempfile`
//! directory, an in-memory keychain, a fixed clock) and builders with sensible defaults for the
//! records a test needs, so that each test states only what matters to it.
//!
//! ```text
//! let agency = TempAgency::new(); // opened, today is 24 November 2026
//! let k = agency.contract(agency.client().id()).create(); // 0.80 in force, 425,50 € next
//! let after = agency.claim(k.id).on("2026-10-10").full().record();
//! ```
//!
//! The default contract (subscribed 1 March 2021, échéance 1 January, 300 + 200 € modulated and
//! 45,50 € not) has échéances 2022 to 2026 at 1.00 0.95 0.90 0.85 0.80: its first period of
//! 8 months does not count.
#![allow(clippy::unwrap_used, clippy::new_without_default)]

mod agency;
mod builders;
mod engine;

pub use agency::{at_morning, SharedKeychain, TempAgency, TODAY};
pub use builders::{
    helene, ClaimBuilder, ClientBuilder, ContractBuilder, DriverBuilder, VehicleBuilder,
};
pub use engine::{d, engine_coefficients, history_of};

use courtier_app::ContractRecord;

/// The coefficients set at each échéance of a contract, oldest first.
pub fn coefficients(k: &ContractRecord) -> Vec<&str> {
    k.coefficient_history
        .iter()
        .map(|e| e.coefficient.as_str())
        .collect()
}
