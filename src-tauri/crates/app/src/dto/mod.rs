//! What crosses to the front end and to `--json` output: plain data, camelCase, stable. One
//! file per family; the crate root re-exports them all, so their paths do not depend on this
//! layout. The few mappings from port records to these types live next to the types.

mod agency;
mod aggravation;
mod claim;
mod client;
mod contract;
mod releve;
mod revision;
mod search;
mod vehicle;

pub use agency::{AgencyOpened, AgencyStatus, DemoLoaded};
pub use aggravation::{AggravationDraft, AggravationDto, WithdrawalDto};
pub use claim::{
    AmountDto, ClaimDraft, ClaimPage, ClaimRecord, ClaimUpdate, CommunicationDto, OpenClaim,
    PartyDto, QualificationDto, StatusDto,
};
pub use client::{ClientListPage, ClientListQuery, ClientRecord, ClientSummary, Household};
pub use contract::{
    AvenantDraft, ContractDraft, ContractEventDto, ContractRecord, ContractUpdate, EcheanceDto,
    PremiumDraft, PremiumDto, ProjectionDto, SurchargeDto,
};
pub use releve::{ReleveEntry, ReleveResult};
pub use revision::RevisionDto;
pub use search::{ClaimListPage, ClaimListQuery, SearchHit, SearchResults};
pub use vehicle::{DriverDraft, DriverDto, DriverUpdate, VehicleDraft, VehicleDto, VehicleUpdate};

pub(crate) use claim::claim_record;
pub(crate) use revision::revision_dtos;
pub(crate) use vehicle::{drivers_with_revisions, vehicles_with_revisions};
