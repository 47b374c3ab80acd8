//! courtier-domain
pub mod client;
