//! The client use cases over a small in-memory store: they are written against the port
//! (`ClientStore` + `RevisionStore`), not against SQLCipher.

#![allow(clippy::unwrap_used)]

use super::*;
use courtier_port::{
    ClientPage, ClientSummaryRow, HouseholdMembers, RevisionRow, StoreError, StoreResult,
    StoredClient,
};
use std::collections::BTreeMap;

/// Just enough of an agency store for the client use cases: clients and their revisions in
/// maps; what these tests do not use is refused.
#[derive(Default)]
struct MemoryStore {
    clients: BTreeMap<i64, StoredClient>,
    revisions: BTreeMap<i64, Vec<RevisionRow>>,
}

fn unsupported<T>() -> StoreResult<T> {
    Err(StoreError::Invalid(
        "non pris en charge par le magasin de test".into(),
    ))
}

impl ClientStore for MemoryStore {
    fn insert_client(&mut self, client: &Client, now: &str) -> StoreResult<i64> {
        let id = self.clients.keys().next_back().map_or(1, |k| k + 1);
        self.clients.insert(
            id,
            StoredClient {
                id,
                client: client.clone(),
                household_id: None,
                archived_at: None,
                created_at: now.into(),
                updated_at: now.into(),
                version: 1,
            },
        );
        Ok(id)
    }

    fn insert_clients_batch(
        &mut self,
        _clients: &[Client],
        _households: &[Vec<usize>],
        _now: &str,
    ) -> StoreResult<Vec<i64>> {
        unsupported()
    }

    fn update_client(
        &mut self,
        id: i64,
        client: &Client,
        expected_version: Option<i64>,
        reason: Option<&str>,
        now: &str,
    ) -> StoreResult<()> {
        let stored = self.clients.get_mut(&id).ok_or(StoreError::Missing {
            entity: "Client",
            id,
        })?;
        if expected_version.is_some_and(|v| v != stored.version) {
            // As the SQLCipher store says it.
            return Err(StoreError::Invalid(
                "ce client a été modifié entre-temps ; rechargez la fiche avant d'enregistrer"
                    .into(),
            ));
        }
        let previous = serde_json::to_string(&ClientDraft::from(&stored.client)).unwrap();
        self.revisions.entry(id).or_default().push(RevisionRow {
            previous,
            reason: reason.map(str::to_string),
            recorded_at: now.into(),
        });
        stored.client = client.clone();
        stored.updated_at = now.into();
        stored.version += 1;
        Ok(())
    }

    fn set_client_archived(&mut self, _id: i64, _archived: bool, _now: &str) -> StoreResult<()> {
        unsupported()
    }

    fn get_client(&self, id: i64) -> StoreResult<StoredClient> {
        self.clients.get(&id).cloned().ok_or(StoreError::Missing {
            entity: "Client",
            id,
        })
    }

    fn list_clients(&self, _q: &ClientQuery) -> StoreResult<ClientPage> {
        unsupported()
    }

    fn search_clients(
        &self,
        _text: &str,
        _limit: u32,
        _include_archived: bool,
    ) -> StoreResult<Vec<ClientSummaryRow>> {
        unsupported()
    }

    fn count_clients(&self, _include_archived: bool) -> StoreResult<u64> {
        Ok(self.clients.len() as u64)
    }

    fn household_of(&self, _client_id: i64) -> StoreResult<Option<HouseholdMembers>> {
        Ok(None)
    }

    fn link_household(&mut self, _client_id: i64, _with_id: i64, _now: &str) -> StoreResult<i64> {
        unsupported()
    }

    fn leave_household(&mut self, _client_id: i64, _now: &str) -> StoreResult<()> {
        unsupported()
    }

    fn count_households(&self) -> StoreResult<u64> {
        unsupported()
    }
}

impl RevisionStore for MemoryStore {
    fn revisions(&self, entity: Entity, id: i64) -> StoreResult<Vec<RevisionRow>> {
        Ok(match entity {
            Entity::Client => self.revisions.get(&id).cloned().unwrap_or_default(),
            _ => Vec::new(),
        })
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

const NOW: &str = "2026-11-24T09:00:00Z";

fn valid(last_name: &str, birth_date: Option<&str>) -> Client {
    let draft = ClientDraft {
        kind: "person".into(),
        last_name: Some(last_name.into()),
        first_name: Some("Hélène".into()),
        birth_date: birth_date.map(str::to_string),
        status: "prospect".into(),
        ..Default::default()
    };
    client::validate(&draft, today()).unwrap()
}

#[test]
fn a_created_client_reads_back_as_its_record() {
    let mut s = MemoryStore::default();
    let created = create(&mut s, today(), NOW, &valid("Dupont", Some("1980-03-15"))).unwrap();
    let got = record(&s, today(), created.id).unwrap();
    assert_eq!(got, created);
    assert_eq!(got.display_name, "Hélène Dupont");
    assert_eq!(got.age, Some(46));
    assert_eq!(got.version, 1);
    assert!(got.household.is_none());
    assert!(got.revisions.is_empty());
}

#[test]
fn an_update_from_a_stale_version_is_refused() {
    let mut s = MemoryStore::default();
    let c = create(&mut s, today(), NOW, &valid("Dupont", None)).unwrap();
    update(
        &mut s,
        today(),
        NOW,
        c.id,
        &valid("Durand", None),
        Some(1),
        None,
    )
    .unwrap();
    let err = update(
        &mut s,
        today(),
        NOW,
        c.id,
        &valid("Martin", None),
        Some(1),
        None,
    )
    .unwrap_err();
    assert_eq!(err.code, "invalid_operation");
    assert!(
        err.message.contains("modifié entre-temps"),
        "{}",
        err.message
    );
    // Nothing was overwritten.
    let got = record(&s, today(), c.id).unwrap();
    assert_eq!(got.display_name, "Hélène Durand");
    assert_eq!(got.version, 2);
}

#[test]
fn two_updates_leave_two_revisions_oldest_first() {
    let mut s = MemoryStore::default();
    let c = create(&mut s, today(), NOW, &valid("Dupont", None)).unwrap();
    update(
        &mut s,
        today(),
        NOW,
        c.id,
        &valid("Durand", None),
        Some(1),
        None,
    )
    .unwrap();
    let after = update(
        &mut s,
        today(),
        NOW,
        c.id,
        &valid("Martin", None),
        Some(2),
        None,
    )
    .unwrap();
    assert_eq!(after.version, 3);
    assert_eq!(after.display_name, "Hélène Martin");
    let names: Vec<_> = after
        .revisions
        .iter()
        .map(|r| {
            r.previous["lastName"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert_eq!(names, ["Dupont", "Durand"]);
}

#[test]
fn what_the_store_refuses_comes_back_with_its_code() {
    let mut s = MemoryStore::default();
    let err = household_leave(&mut s, today(), NOW, 1).unwrap_err();
    assert_eq!(err.code, "invalid_operation");
    let err = record(&s, today(), 42).unwrap_err();
    assert_eq!(err.code, "not_found");
}
