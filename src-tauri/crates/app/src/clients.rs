//! Clients and households: create, correct, archive, find, list, search, link.
//!
//! Each use case is a free function generic over the port traits it needs, so it runs over any
//! agency store (the SQLCipher file, a server, the in-memory store of the tests); the
//! [`Courtier`] methods are thin wrappers that lock the open store and pass the clock.
//! The wrappers validate a draft before taking the store, as before: an invalid form is refused
//! with its field even when the agency file is locked.

use crate::dto::revision_dtos;
use crate::{
    AppError, ClientListPage, ClientListQuery, ClientRecord, ClientSummary, Courtier, Household,
};
use chrono::NaiveDate;
use courtier_domain::client::{self, Client, ClientDraft};
use courtier_port::{ClientQuery, ClientSort, ClientStore, Entity, RevisionStore};

#[cfg(test)]
mod tests;

/// A client's whole record: fields, household, age today, corrections.
pub(crate) fn record<S: ClientStore + RevisionStore + ?Sized>(
    s: &S,
    today: NaiveDate,
    id: i64,
) -> Result<ClientRecord, AppError> {
    let sc = s.get_client(id)?;
    let household = s.household_of(id)?.map(|h| Household {
        id: h.id,
        members: h.members.into_iter().map(ClientSummary::from).collect(),
    });
    let age = sc.client.birth_date.map(|b| client::age_on(b, today));
    let revisions = revision_dtos(&s.revisions(Entity::Client, id)?);
    Ok(ClientRecord::build(sc, household, age, revisions))
}

/// Saves a validated client (see [`client::validate`]).
pub(crate) fn create<S: ClientStore + RevisionStore + ?Sized>(
    s: &mut S,
    today: NaiveDate,
    now: &str,
    client: &Client,
) -> Result<ClientRecord, AppError> {
    let id = s.insert_client(client, now)?;
    record(s, today, id)
}

/// Replaces a client's data with validated values; with `expected_version`, refuses to
/// overwrite a change made since.
pub(crate) fn update<S: ClientStore + RevisionStore + ?Sized>(
    s: &mut S,
    today: NaiveDate,
    now: &str,
    id: i64,
    client: &Client,
    expected_version: Option<i64>,
    reason: Option<&str>,
) -> Result<ClientRecord, AppError> {
    let reason = crate::input::line(reason, "reason", "Le motif", crate::input::limits::NOTE)?;
    s.update_client(id, client, expected_version, reason.as_deref(), now)?;
    record(s, today, id)
}

pub(crate) fn set_archived<S: ClientStore + RevisionStore + ?Sized>(
    s: &mut S,
    today: NaiveDate,
    now: &str,
    id: i64,
    archived: bool,
) -> Result<ClientRecord, AppError> {
    s.set_client_archived(id, archived, now)?;
    record(s, today, id)
}

/// The list query as the store takes it, from what the front end sent.
pub(crate) fn list_query(q: &ClientListQuery) -> Result<ClientQuery, AppError> {
    let status = match q.status.as_deref().filter(|s| !s.is_empty() && *s != "all") {
        None => None,
        Some(s) => Some(client::ClientStatus::parse(s).ok_or_else(|| {
            AppError::field(
                "status",
                format!("Statut inconnu « {s} » (attendu : prospect, client, former)."),
            )
        })?),
    };
    Ok(ClientQuery {
        page: q.page.unwrap_or(1).max(1),
        page_size: q.page_size.unwrap_or(50).clamp(1, 500),
        sort: parse_sort(q.sort.as_deref())?,
        descending: q.descending,
        status,
        include_archived: q.include_archived,
    })
}

fn parse_sort(s: Option<&str>) -> Result<ClientSort, AppError> {
    Ok(match s.unwrap_or("name") {
        "name" => ClientSort::Name,
        "created" => ClientSort::Created,
        "updated" => ClientSort::Updated,
        "postcode" => ClientSort::Postcode,
        "city" => ClientSort::City,
        other => {
            return Err(AppError::field(
                "sort",
                format!(
                    "Tri inconnu « {other} » (attendu : name, created, updated, postcode, city)."
                ),
            ))
        }
    })
}

pub(crate) fn list<S: ClientStore + ?Sized>(
    s: &S,
    query: &ClientQuery,
) -> Result<ClientListPage, AppError> {
    let page = s.list_clients(query)?;
    Ok(ClientListPage {
        items: page.items.into_iter().map(ClientSummary::from).collect(),
        total: page.total,
        page: query.page,
        page_size: query.page_size,
    })
}

pub(crate) fn search<S: ClientStore + ?Sized>(
    s: &S,
    text: &str,
    limit: Option<u32>,
    include_archived: bool,
) -> Result<Vec<ClientSummary>, AppError> {
    let limit = limit.unwrap_or(50).clamp(1, 500);
    Ok(s.search_clients(text, limit, include_archived)?
        .into_iter()
        .map(ClientSummary::from)
        .collect())
}

pub(crate) fn household_link<S: ClientStore + RevisionStore + ?Sized>(
    s: &mut S,
    today: NaiveDate,
    now: &str,
    client_id: i64,
    with_id: i64,
) -> Result<ClientRecord, AppError> {
    s.link_household(client_id, with_id, now)?;
    record(s, today, client_id)
}

pub(crate) fn household_leave<S: ClientStore + RevisionStore + ?Sized>(
    s: &mut S,
    today: NaiveDate,
    now: &str,
    client_id: i64,
) -> Result<ClientRecord, AppError> {
    s.leave_household(client_id, now)?;
    record(s, today, client_id)
}

impl Courtier {
    /// Creates a client from what the form sent.
    pub fn client_create(&self, draft: &ClientDraft) -> Result<ClientRecord, AppError> {
        let today = self.today();
        let client = client::validate(draft, today)?;
        let now = self.now();
        self.with_store(|s| create(s, today, &now, &client))
    }

    /// Replaces a client's data. With `expected_version`, refuses to overwrite a change made since.
    pub fn client_update(
        &self,
        id: i64,
        draft: &ClientDraft,
        expected_version: Option<i64>,
    ) -> Result<ClientRecord, AppError> {
        self.client_correct(id, draft, expected_version, None)
    }

    /// As [`Courtier::client_update`], with the reason of the correction, kept with the values
    /// it replaced.
    pub fn client_correct(
        &self,
        id: i64,
        draft: &ClientDraft,
        expected_version: Option<i64>,
        reason: Option<&str>,
    ) -> Result<ClientRecord, AppError> {
        let today = self.today();
        let client = client::validate(draft, today)?;
        let now = self.now();
        self.with_store(|s| update(s, today, &now, id, &client, expected_version, reason))
    }

    pub fn client_archive(&self, id: i64) -> Result<ClientRecord, AppError> {
        self.set_archived(id, true)
    }

    pub fn client_restore(&self, id: i64) -> Result<ClientRecord, AppError> {
        self.set_archived(id, false)
    }

    fn set_archived(&self, id: i64, archived: bool) -> Result<ClientRecord, AppError> {
        let today = self.today();
        let now = self.now();
        self.with_store(|s| set_archived(s, today, &now, id, archived))
    }

    pub fn client_get(&self, id: i64) -> Result<ClientRecord, AppError> {
        let today = self.today();
        self.with_reader(|s| record(s, today, id))
    }

    pub fn client_list(&self, q: &ClientListQuery) -> Result<ClientListPage, AppError> {
        let query = list_query(q)?;
        self.with_reader(|s| list(s, &query))
    }

    /// Instant search over names, e-mails, phones, postcodes and cities (prefixes, accents and
    /// case ignored).
    pub fn client_search(
        &self,
        text: &str,
        limit: Option<u32>,
        include_archived: bool,
    ) -> Result<Vec<ClientSummary>, AppError> {
        self.with_reader(|s| search(s, text, limit, include_archived))
    }

    pub fn household_link(&self, client_id: i64, with_id: i64) -> Result<ClientRecord, AppError> {
        let today = self.today();
        let now = self.now();
        self.with_store(|s| household_link(s, today, &now, client_id, with_id))
    }

    pub fn household_leave(&self, client_id: i64) -> Result<ClientRecord, AppError> {
        let today = self.today();
        let now = self.now();
        self.with_store(|s| household_leave(s, today, &now, client_id))
    }
}
