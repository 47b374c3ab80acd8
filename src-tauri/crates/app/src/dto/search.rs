//! What the search box and the Sinistres section receive.

use super::{ClientSummary, OpenClaim};
use serde::{Deserialize, Serialize};

/// A contract, vehicle, claim or insurer found by the search box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// `contract`, `vehicle`, `claim` or `insurer`: which page it opens.
    pub kind: String,
    /// The id of that contract, vehicle, claim or insurer.
    pub id: i64,
    /// What matched: the contract number, the registration, the claim reference, the name.
    pub text: String,
    pub contract_id: Option<i64>,
    pub contract_number: Option<String>,
    pub client_id: Option<i64>,
    pub client_name: Option<String>,
    pub insurer: Option<String>,
    /// A vehicle's make and model.
    pub detail: Option<String>,
    /// A claim's date.
    pub on_date: Option<String>,
}

/// Everything the search box found: the clients (best first), and the other hits, in the
/// order contracts, vehicles, claims, insurers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    pub clients: Vec<ClientSummary>,
    /// More clients match than the ones listed (« plus de N résultats »): no full count, which
    /// would cost as much as reading every match.
    pub more_clients: bool,
    pub hits: Vec<SearchHit>,
    /// More hits of some kind than listed.
    pub more_hits: bool,
}

/// The Sinistres section's query as the front end sends it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct ClaimListQuery {
    /// `open`, `closed`, or none / `all` for both.
    pub state: Option<String>,
    /// One status code (`declare`, `en_expertise`, …).
    pub status: Option<String>,
    pub insurer_id: Option<i64>,
    /// `full`, `partial`, `none`.
    pub responsibility: Option<String>,
    /// Occurred between these dates, inclusive.
    pub from: Option<String>,
    pub to: Option<String>,
    /// A claim reference or a client's name.
    pub text: Option<String>,
    pub oldest_first: bool,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}

/// A page of the Sinistres section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimListPage {
    pub items: Vec<OpenClaim>,
    /// A next page exists.
    pub more: bool,
    pub page: u32,
    pub page_size: u32,
}
