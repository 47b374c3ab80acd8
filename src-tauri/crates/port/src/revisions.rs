//! The values a correction replaced, kept for every corrected entity.

use crate::StoreResult;

/// What a correction is about: the domain's closed set of corrected entities.
pub use courtier_domain::vocabulary::RevisionEntity as Entity;

/// The values of a claim before one of its corrections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionRow {
    /// The replaced values, JSON (`occurred_on`, `declared_on`, `kind`, `place`, `description`,
    /// `insurer_reference`, `vehicle_id`, `driver_id`).
    pub previous: String,
    pub reason: Option<String>,
    pub recorded_at: String,
}

/// The corrections of any entity, oldest first.
pub trait RevisionStore {
    fn revisions(&self, entity: Entity, id: i64) -> StoreResult<Vec<RevisionRow>>;
}
