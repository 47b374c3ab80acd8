//! courtier-vault
