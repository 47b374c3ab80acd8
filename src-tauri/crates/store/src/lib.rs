//! courtier-store
