//! The values a correction replaced, kept for every corrected entity.

use crate::StoreResult;

/// What a correction is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Client,
    Claim,
    Contract,
    Vehicle,
    Driver,
    Insurer,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Client => "client",
            Entity::Claim => "claim",
            Entity::Contract => "contract",
            Entity::Vehicle => "vehicle",
            Entity::Driver => "driver",
            Entity::Insurer => "insurer",
        }
    }
}

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
