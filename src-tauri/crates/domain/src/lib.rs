//! courtier-domain
