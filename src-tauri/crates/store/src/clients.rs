//! Clients, their addresses, phones and e-mails, kept with the full-text index in step; a
//! correction keeps the values it replaced.

use crate::prelude::*;
use crate::revisions::insert_revision;
use crate::sql::{opt_date, parse_enum, query_vec};

pub(crate) const SUMMARY_COLUMNS: &str =
    "c.id, c.kind, c.first_name, c.last_name, c.company_name, c.status,
    (SELECT postcode FROM client_addresses WHERE client_id = c.id AND position = 0),
    (SELECT city FROM client_addresses WHERE client_id = c.id AND position = 0),
    (SELECT number FROM client_phones WHERE client_id = c.id AND position = 0),
    (SELECT address FROM client_emails WHERE client_id = c.id AND position = 0),
    c.archived_at IS NOT NULL, c.updated_at";

pub(crate) fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<ClientSummaryRow> {
    let kind = parse_enum(r, 1, ClientKind::parse)?;
    let first: Option<String> = r.get(2)?;
    let last: Option<String> = r.get(3)?;
    let company: Option<String> = r.get(4)?;
    Ok(ClientSummaryRow {
        id: r.get(0)?,
        kind,
        display_name: display_name(kind, first.as_deref(), last.as_deref(), company.as_deref()),
        status: parse_enum(r, 5, ClientStatus::parse)?,
        postcode: r.get(6)?,
        city: r.get(7)?,
        phone: r.get(8)?,
        email: r.get(9)?,
        archived: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

/// A client's values as a revision keeps them: snake_case fields like every other revision, the
/// addresses, phones and e-mails each as one line of text in their order.
pub(crate) fn snapshot(c: &Client) -> serde_json::Value {
    let join = |items: Vec<String>| (!items.is_empty()).then(|| items.join(" ; "));
    serde_json::json!({
        "kind": c.kind.as_str(),
        "civility": c.civility.map(Civility::as_str),
        "last_name": c.last_name,
        "first_name": c.first_name,
        "company_name": c.company_name,
        "siren": c.siren,
        "birth_date": c.birth_date.map(|d| d.format("%Y-%m-%d").to_string()),
        "addresses": join(c.addresses.iter().map(|a| {
            [a.line1.as_deref(), a.line2.as_deref(), Some(&format!("{} {}", a.postcode, a.city)), Some(&a.country)]
                .into_iter()
                .flatten()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        }).collect()),
        "phones": join(c.phones.iter().map(|p| p.number.clone()).collect()),
        "emails": join(c.emails.iter().map(|e| e.address.clone()).collect()),
        "profession": c.profession,
        "status": c.status.as_str(),
        "source": c.source,
        "assigned_broker": c.assigned_broker,
        "notes": c.notes,
    })
}

/// A client as kept, read through `conn` (the connection or a transaction under way).
pub(crate) fn client_of(conn: &rusqlite::Connection, id: i64) -> Result<StoredClient, DbError> {
    let head = conn
        .prepare_cached(
            "SELECT kind, civility, last_name, first_name, company_name, siren, birth_date,
                profession, status, source, assigned_broker, notes, household_id, archived_at,
                created_at, updated_at, version
             FROM clients WHERE id = ?1",
        )?
        .query_row([id], |r| {
            let civility: Option<String> = r.get(1)?;
            Ok(StoredClient {
                id,
                client: Client {
                    kind: parse_enum(r, 0, ClientKind::parse)?,
                    civility: civility.as_deref().and_then(Civility::parse),
                    last_name: r.get(2)?,
                    first_name: r.get(3)?,
                    company_name: r.get(4)?,
                    siren: r.get(5)?,
                    birth_date: opt_date(r.get(6)?)?,
                    addresses: Vec::new(),
                    phones: Vec::new(),
                    emails: Vec::new(),
                    profession: r.get(7)?,
                    status: parse_enum(r, 8, ClientStatus::parse)?,
                    source: r.get(9)?,
                    assigned_broker: r.get(10)?,
                    notes: r.get(11)?,
                },
                household_id: r.get(12)?,
                archived_at: r.get(13)?,
                created_at: r.get(14)?,
                updated_at: r.get(15)?,
                version: r.get(16)?,
            })
        })
        .optional()?;
    let mut sc = head.ok_or(DbError::Missing {
        entity: "Client",
        id,
    })?;
    sc.client.addresses = query_vec(
        conn,
        "SELECT kind, line1, line2, postcode, city, country FROM client_addresses
         WHERE client_id = ?1 ORDER BY position",
        [id],
        |r| {
            Ok(Address {
                kind: parse_enum(r, 0, AddressKind::parse)?,
                line1: r.get(1)?,
                line2: r.get(2)?,
                postcode: r.get(3)?,
                city: r.get(4)?,
                country: r.get(5)?,
            })
        },
    )?;
    sc.client.phones = query_vec(
        conn,
        "SELECT kind, number FROM client_phones WHERE client_id = ?1 ORDER BY position",
        [id],
        |r| {
            Ok(Phone {
                kind: parse_enum(r, 0, PhoneKind::parse)?,
                number: r.get(1)?,
            })
        },
    )?;
    sc.client.emails = query_vec(
        conn,
        "SELECT kind, address FROM client_emails WHERE client_id = ?1 ORDER BY position",
        [id],
        |r| {
            Ok(Email {
                kind: parse_enum(r, 0, EmailKind::parse)?,
                address: r.get(1)?,
            })
        },
    )?;
    Ok(sc)
}

pub(crate) fn insert_client_tx(
    tx: &Transaction<'_>,
    c: &Client,
    now: &str,
) -> Result<i64, DbError> {
    tx.prepare_cached(
        "INSERT INTO clients (kind, civility, last_name, first_name, company_name, siren,
            birth_date, profession, status, source, assigned_broker, notes, sort_key,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
    )?
    .execute(params![
        c.kind.as_str(),
        c.civility.map(Civility::as_str),
        c.last_name,
        c.first_name,
        c.company_name,
        c.siren,
        c.birth_date.map(|d| d.format("%Y-%m-%d").to_string()),
        c.profession,
        c.status.as_str(),
        c.source,
        c.assigned_broker,
        c.notes,
        c.sort_key(),
        now,
    ])?;
    let id = tx.last_insert_rowid();
    insert_children(tx, id, c)?;
    index_client(tx, id, c)?;
    Ok(id)
}

pub(crate) fn insert_children(tx: &Transaction<'_>, id: i64, c: &Client) -> Result<(), DbError> {
    let mut st = tx.prepare_cached(
        "INSERT INTO client_addresses (client_id, position, kind, line1, line2, postcode, city, country)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, a) in c.addresses.iter().enumerate() {
        st.execute(params![
            id,
            i as i64,
            a.kind.as_str(),
            a.line1,
            a.line2,
            a.postcode,
            a.city,
            a.country
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO client_phones (client_id, position, kind, number) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, p) in c.phones.iter().enumerate() {
        st.execute(params![id, i as i64, p.kind.as_str(), p.number])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO client_emails (client_id, position, kind, address) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, e) in c.emails.iter().enumerate() {
        st.execute(params![id, i as i64, e.kind.as_str(), e.address])?;
    }
    Ok(())
}

pub(crate) fn index_client(tx: &Transaction<'_>, id: i64, c: &Client) -> Result<(), DbError> {
    let [name, emails, phones, postcodes, cities] = search_document(c);
    tx.prepare_cached(
        "INSERT INTO client_search (rowid, name, emails, phones, postcodes, cities)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![id, name, emails, phones, postcodes, cities])?;
    Ok(())
}

/// The text the search index holds for a client: names, e-mails, phones (both national and
/// international digits, so "0612" and "33612" both find it), postcodes and cities.
pub(crate) fn search_document(c: &Client) -> [String; 5] {
    let name = [
        c.last_name.as_deref(),
        c.first_name.as_deref(),
        c.company_name.as_deref(),
        c.siren.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let emails = c
        .emails
        .iter()
        .map(|e| e.address.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let phones = c
        .phones
        .iter()
        .flat_map(|p| {
            let n = p.number.clone();
            match n.strip_prefix('0') {
                Some(rest) => vec![n.clone(), format!("33{rest}")],
                None => vec![n.trim_start_matches('+').to_string()],
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let postcodes = c
        .addresses
        .iter()
        .map(|a| a.postcode.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let cities = c
        .addresses
        .iter()
        .map(|a| a.city.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    [name, emails, phones, postcodes, cities]
}

impl Store {
    /// Records a new client. Returns its id.
    pub(crate) fn insert_client(&mut self, client: &Client, now: &str) -> Result<i64, DbError> {
        let tx = self.write_tx()?;
        let id = insert_client_tx(&tx, client, now)?;
        tx.commit()?;
        Ok(id)
    }

    /// Replaces a client's data. `expected_version`, when given, guards against overwriting a
    /// change made meanwhile (another window).
    pub(crate) fn update_client(
        &mut self,
        id: i64,
        client: &Client,
        expected_version: Option<i64>,
        reason: Option<&str>,
        now: &str,
    ) -> Result<(), DbError> {
        let tx = self.write_tx()?;
        let old = client_of(&tx, id)?;
        if let Some(v) = expected_version {
            if v != old.version {
                return Err(DbError::Invalid(
                    "ce client a été modifié entre-temps ; rechargez la fiche avant d'enregistrer"
                        .into(),
                ));
            }
        }
        tx.execute(
            "UPDATE clients SET kind = ?2, civility = ?3, last_name = ?4, first_name = ?5,
                company_name = ?6, siren = ?7, birth_date = ?8, profession = ?9, status = ?10,
                source = ?11, assigned_broker = ?12, notes = ?13, sort_key = ?14,
                updated_at = ?15, version = version + 1
             WHERE id = ?1",
            params![
                id,
                client.kind.as_str(),
                client.civility.map(Civility::as_str),
                client.last_name,
                client.first_name,
                client.company_name,
                client.siren,
                client.birth_date.map(|d| d.format("%Y-%m-%d").to_string()),
                client.profession,
                client.status.as_str(),
                client.source,
                client.assigned_broker,
                client.notes,
                client.sort_key(),
                now,
            ],
        )?;
        if old.client != *client {
            // The values replaced are kept, like every other correction.
            insert_revision(&tx, Entity::Client, id, &snapshot(&old.client), reason, now)?;
        }
        for table in ["client_addresses", "client_phones", "client_emails"] {
            tx.execute(&format!("DELETE FROM {table} WHERE client_id = ?1"), [id])?;
        }
        insert_children(&tx, id, client)?;
        tx.execute("DELETE FROM client_search WHERE rowid = ?1", [id])?;
        index_client(&tx, id, client)?;
        tx.commit()?;
        Ok(())
    }

    /// Archives (`archived = true`) or restores a client. Nothing is deleted.
    pub(crate) fn set_client_archived(
        &mut self,
        id: i64,
        archived: bool,
        now: &str,
    ) -> Result<(), DbError> {
        self.writable()?;
        let n = self.conn.execute(
            "UPDATE clients SET archived_at = CASE WHEN ?2 THEN coalesce(archived_at, ?3) END,
                updated_at = ?3, version = version + 1
             WHERE id = ?1",
            params![id, archived, now],
        )?;
        if n == 0 {
            return Err(DbError::Missing {
                entity: "Client",
                id,
            });
        }
        Ok(())
    }

    /// One client, whole.
    pub(crate) fn get_client(&self, id: i64) -> Result<StoredClient, DbError> {
        client_of(&self.conn, id)
    }

    /// Number of clients (archived ones included or not).
    pub(crate) fn count_clients(&self, include_archived: bool) -> Result<u64, DbError> {
        let n: i64 = self.conn.query_row(
            "SELECT coalesce(sum(n), 0) FROM client_counts WHERE ?1 OR archived = 0",
            [include_archived],
            |r| r.get(0),
        )?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}
