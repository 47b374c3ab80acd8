//! What crosses to the front end and to `--json` output: plain data, camelCase, stable.

use courtier_domain::client::{Client, ClientDraft};
use courtier_port::{ClientSort, ClientSummaryRow, StoredClient};
use serde::{Deserialize, Serialize};

/// The result of opening (or creating) the agency file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgencyOpened {
    /// Always `"open"`.
    pub state: &'static str,
    /// True when the file was just created.
    pub created: bool,
    /// The recovery key, shown once, only when the file was just created.
    pub recovery_key: Option<String>,
    pub data_dir: String,
    /// `keychain`, `passphrase` or `environment`.
    pub storage: String,
}

/// Where the agency file stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgencyStatus {
    /// `open`, `locked` (exists, not unlocked yet) or `absent` (no agency file yet).
    pub state: &'static str,
    pub data_dir: String,
    pub storage: Option<String>,
    pub app_version: &'static str,
    pub client_count: Option<u64>,
}

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
    pub revisions: Vec<crate::RevisionDto>,
}

impl ClientRecord {
    pub(crate) fn build(
        sc: StoredClient,
        household: Option<Household>,
        age: Option<u32>,
        revisions: Vec<crate::RevisionDto>,
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

pub(crate) fn parse_sort(s: Option<&str>) -> Result<ClientSort, crate::AppError> {
    Ok(match s.unwrap_or("name") {
        "name" => ClientSort::Name,
        "created" => ClientSort::Created,
        "updated" => ClientSort::Updated,
        "postcode" => ClientSort::Postcode,
        "city" => ClientSort::City,
        other => {
            return Err(crate::AppError::new(
                "invalid:sort",
                format!(
                    "Tri inconnu « {other} » (attendu : name, created, updated, postcode, city)."
                ),
            ))
        }
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientListPage {
    pub items: Vec<ClientSummary>,
    pub total: u64,
    pub page: u32,
    pub page_size: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoLoaded {
    pub clients: u64,
    pub households: u64,
    pub contracts: u64,
    pub claims: u64,
}
