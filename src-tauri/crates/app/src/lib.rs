//! courtier-app
