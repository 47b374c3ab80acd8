//! Clients, their households, lists and searches.

use crate::StoreResult;
use courtier_domain::client::{Client, ClientKind, ClientStatus};

/// A client as kept, with its bookkeeping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredClient {
    pub id: i64,
    pub client: Client,
    pub household_id: Option<i64>,
    pub archived_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// One line of a client list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientSummaryRow {
    pub id: i64,
    pub kind: ClientKind,
    pub display_name: String,
    pub status: ClientStatus,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub archived: bool,
    pub updated_at: String,
}

/// The other members of a client's household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HouseholdMembers {
    pub id: i64,
    pub members: Vec<ClientSummaryRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClientSort {
    #[default]
    Name,
    Created,
    Updated,
    Postcode,
    City,
}

/// A page of the client list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientQuery {
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
    pub sort: ClientSort,
    pub descending: bool,
    pub status: Option<ClientStatus>,
    pub include_archived: bool,
}

impl Default for ClientQuery {
    fn default() -> Self {
        ClientQuery {
            page: 1,
            page_size: 50,
            sort: ClientSort::Name,
            descending: false,
            status: None,
            include_archived: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientPage {
    pub items: Vec<ClientSummaryRow>,
    pub total: u64,
}

/// What the client use cases need from the agency store.
pub trait ClientStore {
    /// Inserts a client with its addresses, phones and e-mails; returns its id.
    fn insert_client(&mut self, client: &Client, now: &str) -> StoreResult<i64>;
    /// Inserts many clients in one transaction, with their households (indexes into `clients`).
    fn insert_clients_batch(
        &mut self,
        clients: &[Client],
        households: &[Vec<usize>],
        now: &str,
    ) -> StoreResult<Vec<i64>>;
    /// Replaces a client's data; with `expected_version`, refuses to overwrite a change made
    /// since (the previous values are kept as a revision).
    fn update_client(
        &mut self,
        id: i64,
        client: &Client,
        expected_version: Option<i64>,
        reason: Option<&str>,
        now: &str,
    ) -> StoreResult<()>;
    fn set_client_archived(&mut self, id: i64, archived: bool, now: &str) -> StoreResult<()>;
    fn get_client(&self, id: i64) -> StoreResult<StoredClient>;
    fn list_clients(&self, q: &ClientQuery) -> StoreResult<ClientPage>;
    fn search_clients(
        &self,
        text: &str,
        limit: u32,
        include_archived: bool,
    ) -> StoreResult<Vec<ClientSummaryRow>>;
    fn count_clients(&self, include_archived: bool) -> StoreResult<u64>;
    fn household_of(&self, client_id: i64) -> StoreResult<Option<HouseholdMembers>>;
    /// Puts two clients in one household; returns the household's id.
    fn link_household(&mut self, client_id: i64, with_id: i64, now: &str) -> StoreResult<i64>;
    fn leave_household(&mut self, client_id: i64, now: &str) -> StoreResult<()>;
    fn count_households(&self) -> StoreResult<u64>;
}
