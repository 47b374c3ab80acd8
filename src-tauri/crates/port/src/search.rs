//! Finding things: contracts, vehicles, claims and insurers by what a broker types (a number, a
//! registration, a reference, a name), and the portfolio's claims a page at a time.

use crate::claims::OpenClaimRow;
use crate::StoreResult;
use chrono::NaiveDate;
use courtier_domain::vocabulary::{ClaimStatus, Responsibility};

/// What a search hit other than a client points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HitKind {
    Contract,
    Vehicle,
    Claim,
    Insurer,
}

impl HitKind {
    /// The code the DTOs and the UI use.
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Contract => "contract",
            HitKind::Vehicle => "vehicle",
            HitKind::Claim => "claim",
            HitKind::Insurer => "insurer",
        }
    }
}

/// One contract, vehicle, claim or insurer found by its identifier or name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentifierHit {
    pub kind: HitKind,
    /// The id of the contract, vehicle, claim or insurer.
    pub id: i64,
    /// What matched, as stored: the contract number, the registration, the claim reference, the
    /// insurer's name.
    pub text: String,
    /// The contract it belongs to (the contract itself for a contract).
    pub contract_id: Option<i64>,
    pub contract_number: Option<String>,
    pub client_id: Option<i64>,
    pub client_name: Option<String>,
    pub insurer: Option<String>,
    /// A vehicle's make and model.
    pub detail: Option<String>,
    /// A claim's date.
    pub on_date: Option<NaiveDate>,
}

/// Which claims the Sinistres section lists: every filter is optional, all must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimQuery {
    /// `Some(true)`: open only (last status neither clos nor refusé); `Some(false)`: closed only.
    pub open: Option<bool>,
    /// The last status, exactly.
    pub status: Option<ClaimStatus>,
    pub insurer_id: Option<i64>,
    /// The latest qualification recorded.
    pub responsibility: Option<Responsibility>,
    /// Occurred on or after.
    pub from: Option<NaiveDate>,
    /// Occurred on or before.
    pub to: Option<NaiveDate>,
    /// A prefix of the claim's reference (normalised) or words of the client's name.
    pub text: Option<String>,
    /// Newest first unless set.
    pub oldest_first: bool,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
}

/// A page of claims, and whether there are more after it (no full count: at a million clients
/// counting every claim that matches costs more than the page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimPage {
    pub items: Vec<OpenClaimRow>,
    pub more: bool,
}

/// What the search box and the Sinistres section need from the agency store.
pub trait SearchStore {
    /// Contracts by number, vehicles by registration, claims by reference (each a prefix of the
    /// identifier, case, spaces and dashes ignored) and insurers by name (every word a prefix,
    /// accents ignored); at most `limit` of each kind.
    fn search_identifiers(&self, text: &str, limit: u32) -> StoreResult<Vec<IdentifierHit>>;
    /// A page of the portfolio's claims, open and closed, filtered.
    fn list_claims(&self, q: &ClaimQuery) -> StoreResult<ClaimPage>;
}

/// An identifier as the index keeps it: spaces, dashes, dots, slashes and underscores removed,
/// ASCII letters lowered (exactly what migration 12's expression does in SQL).
pub fn identifier_key(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '/' | '_'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::identifier_key;

    #[test]
    fn identifiers_are_compared_without_case_spaces_or_dashes() {
        assert_eq!(identifier_key("GH-456-JK"), "gh456jk");
        assert_eq!(identifier_key(" gh 456 "), "gh456");
        assert_eq!(identifier_key("AUTO-2024-CL/7_b.1"), "auto2024cl7b1");
        // Only ASCII is lowered, as SQLite's lower() does.
        assert_eq!(identifier_key("É-1"), "É1");
    }
}
