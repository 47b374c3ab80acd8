//! The agency's identity (Paramètres → Agence), each change kept.

use crate::StoreResult;
use courtier_domain::agency::AgencyIdentity;

/// One recorded version of the identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyIdentityRow {
    pub identity: AgencyIdentity,
    pub recorded_at: String,
}

pub trait AgencyIdentityStore {
    /// The identity in force: the last one recorded (none before the first).
    fn agency_identity(&self) -> StoreResult<Option<AgencyIdentityRow>>;
    /// Every version recorded, oldest first.
    fn agency_identity_history(&self) -> StoreResult<Vec<AgencyIdentityRow>>;
    /// Records a new version (one act, in the journal); the earlier ones stay.
    fn set_agency_identity(&mut self, identity: &AgencyIdentity, now: &str) -> StoreResult<()>;
}
