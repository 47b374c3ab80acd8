//! A client record, its household, the list and its query.

use courtier_domain::client::{Client, ClientDraft};
use courtier_port::{ClientSummaryRow, StoredClient};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientSummary {
    pub id: i64,
    pub kind: String,
    pub display_name: String,
    pub status: String,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub archived: bool,
    pub updated_at: String,
}

impl From<ClientSummaryRow> for ClientSummary {
    fn from(r: ClientSummaryRow) -> Self {
        ClientSummary {
            id: r.id,
            kind: r.kind.as_str().into(),
            display_name: r.display_name,
            status: r.status.as_str().into(),
            postcode: r.postcode,
            city: r.city,
            phone: r.phone,
            email: r.email,
            archived: r.archived,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Household {
    pub id: i64,
    /// The other members.
    pub members: Vec<ClientSummary>,
}

/// A whole client record: the fields of the form plus bookkeeping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientRecord {
    pub id: i64,
    #[serde(flatten)]
    pub fields: ClientDraft,
    pub display_name: String,
    /// Age in whole years today, for a person with a birth date.
    pub age: Option<u32>,
    pub archived: bool,
    pub archived_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
    pub household: Option<Household>,
    /// The values each correction replaced, oldest first (snake_case keys: `last_name`,
    /// `first_name`, `birth_date`, `addresses`, `phones`, `emails`, `status`…).
    pub revisions: Vec<super::RevisionDto>,
}

impl ClientRecord {
    pub(crate) fn build(
        sc: StoredClient,
        household: Option<Household>,
        age: Option<u32>,
        revisions: Vec<super::RevisionDto>,
    ) -> Self {
        let client: &Client = &sc.client;
        ClientRecord {
            id: sc.id,
            fields: ClientDraft::from(client),
            display_name: client.display_name(),
            age,
            archived: sc.archived_at.is_some(),
            archived_at: sc.archived_at,
            created_at: sc.created_at,
            updated_at: sc.updated_at,
            version: sc.version,
            household,
            revisions,
        }
    }
}

/// The list query as the front end sends it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientListQuery {
    pub page: Option<u32>,
    pub page_size: Option<u32>,
    /// `name` (default), `created`, `updated`, `postcode`, `city`.
    pub sort: Option<String>,
    pub descending: bool,
    /// `prospect`, `client`, `former`, or none for all.
    pub status: Option<String>,
    pub include_archived: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientListPage {
    pub items: Vec<ClientSummary>,
    pub total: u64,
    pub page: u32,
    pub page_size: u32,
}
