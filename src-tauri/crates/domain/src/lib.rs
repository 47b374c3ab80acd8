//! Courtier's pure rules: client validation, the bonus-malus engine, premiums and surcharges,
//! the legal deadlines of a contract (échéance, Chatel, Hamon, relevé requests).
//! No IO, no clock: today's date is always passed in.

pub mod agency;
pub mod bonus_malus;
pub mod client;
mod coefficient;
pub mod contract;
pub mod deadlines;
pub mod fields;
pub mod mail;
pub mod money;
pub mod premium;
pub mod releve;
pub mod text;
pub mod vehicle;
pub mod vocabulary;

pub use coefficient::{Coefficient, CoefficientError};
pub use money::{Money, MoneyError};
