//! Cross-crate journeys.
