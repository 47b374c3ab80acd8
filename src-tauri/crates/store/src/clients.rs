//! Clients, their addresses, phones and e-mails, households, and the full-text index.

use crate::claim_facts::insert_revision;
use crate::{DbError, Store};
use chrono::NaiveDate;
use courtier_domain::client::{
    display_name, fold_for_search, Address, AddressKind, Civility, Client, ClientKind,
    ClientStatus, Email, EmailKind, Phone, PhoneKind,
};
#[allow(unused_imports)]
use courtier_port::*;
use rusqlite::{params, OptionalExtension, Row, Transaction};

/// Above this many matches a search is "broad" and is listed by name rather than ranked.
const RANK_LIMIT: i64 = 400;
/// Matches read to estimate how many there are.
const SAMPLE: i64 = 2_000;

/// Walking clients in name order costs about one full-text probe (~0.3 ms) per client passed,
/// `limit × clients / matches` of them; listing all matches costs ~4 µs per match. The two meet
/// near `matches² = 3 750 × clients`.
fn dense_threshold(clients: i64) -> i64 {
    ((3_750.0 * clients.max(1) as f64).sqrt() as i64).max(RANK_LIMIT + 1)
}

const SUMMARY_COLUMNS: &str = "c.id, c.kind, c.first_name, c.last_name, c.company_name, c.status,
    (SELECT postcode FROM client_addresses WHERE client_id = c.id AND position = 0),
    (SELECT city FROM client_addresses WHERE client_id = c.id AND position = 0),
    (SELECT number FROM client_phones WHERE client_id = c.id AND position = 0),
    (SELECT address FROM client_emails WHERE client_id = c.id AND position = 0),
    c.archived_at IS NOT NULL, c.updated_at";

fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<ClientSummaryRow> {
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

fn parse_enum<T>(r: &Row<'_>, idx: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let s: String = r.get(idx)?;
    parse(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("valeur inconnue « {s} »").into(),
        )
    })
}

fn opt_date(s: Option<String>) -> rusqlite::Result<Option<NaiveDate>> {
    s.map(|s| {
        NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

/// The text the search index holds for a client: names, e-mails, phones (both national and
/// international digits, so "0612" and "33612" both find it), postcodes and cities.
fn search_document(c: &Client) -> [String; 5] {
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

/// Turns what the broker typed into an FTS5 query: every word is a prefix, all must match.
/// Phone numbers typed with spaces or dots ("06 12 34") are joined into one token first.
/// Returns `None` when nothing searchable remains.
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let t = text.trim();
    let digits_only = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '+'));
    let words: Vec<String> = if digits_only && t.chars().filter(char::is_ascii_digit).count() >= 4 {
        let d: String = t.chars().filter(char::is_ascii_digit).collect();
        let d = d.strip_prefix("00").map(str::to_string).unwrap_or(d);
        vec![d]
    } else {
        fold_for_search(t)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    if words.is_empty() {
        return None;
    }
    Some(
        words
            .iter()
            .take(8)
            .map(|w| format!("\"{w}\"*"))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

impl Store {
    /// Records a new client. Returns its id.
    pub(crate) fn insert_client(&mut self, client: &Client, now: &str) -> Result<i64, DbError> {
        let tx = self.conn.transaction()?;
        let id = insert_client_tx(&tx, client, now)?;
        tx.commit()?;
        Ok(id)
    }

    /// Records many clients in one transaction (the demo portfolio, imports). `households` groups
    /// indexes into `clients` that share a roof.
    pub(crate) fn insert_clients_batch(
        &mut self,
        clients: &[Client],
        households: &[Vec<usize>],
        now: &str,
    ) -> Result<Vec<i64>, DbError> {
        self.insert_batch(clients, households, &[], now, &|_| Ok(Vec::new()))
    }

    /// Records clients, their households, contracts and claims in one transaction, computing
    /// each contract's coefficients with `recompute`: a crash loses the batch, never half of it.
    pub(crate) fn insert_batch(
        &mut self,
        clients: &[Client],
        households: &[Vec<usize>],
        contracts: &[BatchContract],
        now: &str,
        recompute: Recompute<'_>,
    ) -> Result<Vec<i64>, DbError> {
        let tx = self.conn.transaction()?;
        let mut ids = Vec::with_capacity(clients.len());
        for c in clients {
            ids.push(insert_client_tx(&tx, c, now)?);
        }
        for group in households {
            if group.len() < 2 {
                continue;
            }
            tx.execute(
                "INSERT INTO households (created_at) VALUES (?1)",
                params![now],
            )?;
            let hid = tx.last_insert_rowid();
            for &i in group {
                let id = ids.get(i).copied().ok_or_else(|| {
                    DbError::Invalid(format!("foyer : client n° {i} absent du lot"))
                })?;
                tx.execute(
                    "UPDATE clients SET household_id = ?1 WHERE id = ?2",
                    params![hid, id],
                )?;
            }
        }
        crate::contracts::insert_batch_contracts_tx(&tx, &ids, contracts, now, recompute)?;
        tx.commit()?;
        Ok(ids)
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
        let tx = self.conn.transaction()?;
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

    /// A page of the client list, sorted and filtered.
    pub(crate) fn list_clients(&self, q: &ClientQuery) -> Result<ClientPage, DbError> {
        let page_size = q.page_size.clamp(1, 500);
        let offset = u64::from(q.page.max(1) - 1) * u64::from(page_size);
        let mut filters = Vec::new();
        if !q.include_archived {
            filters.push("c.archived_at IS NULL".to_string());
        }
        if let Some(s) = q.status {
            // The status text is one of our own constants.
            filters.push(format!("c.status = '{}'", s.as_str()));
        }
        let where_clause = if filters.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", filters.join(" AND "))
        };
        let dir = if q.descending { "DESC" } else { "ASC" };
        let (join, order) = match q.sort {
            ClientSort::Name => (String::new(), format!("c.sort_key {dir}, c.id {dir}")),
            ClientSort::Created => (String::new(), format!("c.created_at {dir}, c.id {dir}")),
            ClientSort::Updated => (String::new(), format!("c.updated_at {dir}, c.id {dir}")),
            ClientSort::Postcode => (
                "LEFT JOIN client_addresses a ON a.client_id = c.id AND a.position = 0".into(),
                format!("a.postcode IS NULL, a.postcode {dir}, c.sort_key, c.id"),
            ),
            ClientSort::City => (
                "LEFT JOIN client_addresses a ON a.client_id = c.id AND a.position = 0".into(),
                format!("a.city IS NULL, a.city COLLATE NOCASE {dir}, c.sort_key, c.id"),
            ),
        };
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM clients c {where_clause}"),
            [],
            |r| r.get(0),
        )?;
        // Ids first (cheap to skip over), then the summaries of that page only.
        let sql = format!(
            "SELECT c.id FROM clients c {join} {where_clause}
             ORDER BY {order} LIMIT ?1 OFFSET ?2"
        );
        let ids = self.ids(&sql, params![page_size, offset as i64])?;
        Ok(ClientPage {
            items: self.summaries(&ids)?,
            total: u64::try_from(total).unwrap_or(0),
        })
    }

    /// Instant search: every word typed is a prefix (accents and case ignored) of a name, e-mail,
    /// phone, postcode or city. Best matches first (names weigh most).
    pub(crate) fn search_clients(
        &self,
        text: &str,
        limit: u32,
        include_archived: bool,
    ) -> Result<Vec<ClientSummaryRow>, DbError> {
        let Some(q) = fts_query(text) else {
            return Ok(Vec::new());
        };
        let archived = if include_archived {
            ""
        } else {
            "AND c.archived_at IS NULL"
        };
        let limit = limit.clamp(1, 500);
        // Ranking costs a lookup per match, so the plan depends on how many there are (counted
        // up to a cap, which is cheap): few, rank them (bm25, names weigh most); many, list them
        // by name; very many (a letter or two), walk the clients in name order and keep those
        // that match, which stops after `limit` hits.
        // One or two letters: too many matches for the full-text index to be quick (a prefix
        // that short makes FTS5 merge huge doclists). The clients whose name starts with them come
        // first, straight from the name index, which is what a broker typing a surname expects;
        // only if they are fewer than `limit` does the full-text search run.
        let word = fold_for_search(text.trim());
        if (1..=2).contains(&word.chars().count()) && word.chars().all(char::is_alphabetic) {
            let mut upper = word.clone();
            upper.push(char::MAX);
            let sql = format!(
                "SELECT c.id FROM clients c WHERE c.sort_key >= ?1 AND c.sort_key < ?2 {archived}
                 ORDER BY c.sort_key, c.id LIMIT ?3"
            );
            let ids = self.ids(&sql, params![word, upper, limit])?;
            if ids.len() as u32 == limit {
                return self.summaries(&ids);
            }
        }
        let clients: i64 = self
            .conn
            .prepare_cached("SELECT coalesce(max(id), 0) FROM clients")?
            .query_row([], |r| r.get(0))?;
        let dense = dense_threshold(clients);
        // Matches come in rowid order: the rowid of the SAMPLE-th one tells the density, so
        // the total is estimated without reading every match.
        let (seen, last_rowid): (i64, i64) = self
            .conn
            .prepare_cached(
                "SELECT count(*), coalesce(max(rowid), 0) FROM
                    (SELECT rowid FROM client_search WHERE client_search MATCH ?1 LIMIT ?2)",
            )?
            .query_row(params![q, SAMPLE], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let matches = if seen < SAMPLE {
            seen
        } else {
            seen * clients / last_rowid.max(1)
        };
        let sql = if matches > dense {
            format!(
                "SELECT c.id FROM clients c
                 WHERE EXISTS (SELECT 1 FROM client_search WHERE client_search MATCH ?1 AND rowid = c.id)
                 {archived}
                 ORDER BY c.sort_key, c.id LIMIT ?2"
            )
        } else if matches > RANK_LIMIT {
            format!(
                "SELECT c.id FROM clients c
                 WHERE c.id IN (SELECT rowid FROM client_search WHERE client_search MATCH ?1) {archived}
                 ORDER BY c.sort_key, c.id LIMIT ?2"
            )
        } else {
            format!(
                "SELECT c.id FROM (
                    SELECT rowid AS id, bm25(client_search, 10.0, 3.0, 3.0, 1.0, 2.0) AS score
                    FROM client_search WHERE client_search MATCH ?1
                 ) m JOIN clients c ON c.id = m.id
                 WHERE 1 {archived}
                 ORDER BY m.score, c.sort_key LIMIT ?2"
            )
        };
        let ids = self.ids(&sql, params![q, limit])?;
        self.summaries(&ids)
    }

    fn ids(&self, sql: &str, p: impl rusqlite::Params) -> Result<Vec<i64>, DbError> {
        let mut st = self.conn.prepare_cached(sql)?;
        let ids = st.query_map(p, |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// The list lines of `ids`, in that order.
    fn summaries(&self, ids: &[i64]) -> Result<Vec<ClientSummaryRow>, DbError> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM clients c WHERE c.id = ?1"
        ))?;
        ids.iter()
            .map(|id| Ok(st.query_row([id], summary_from_row)?))
            .collect()
    }

    /// Number of clients (archived ones included or not).
    pub(crate) fn count_clients(&self, include_archived: bool) -> Result<u64, DbError> {
        let sql = if include_archived {
            "SELECT count(*) FROM clients"
        } else {
            "SELECT count(*) FROM clients WHERE archived_at IS NULL"
        };
        let n: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// The household of a client and its other members.
    pub(crate) fn household_of(&self, client_id: i64) -> Result<Option<HouseholdMembers>, DbError> {
        let hid: Option<i64> = self
            .conn
            .query_row(
                "SELECT household_id FROM clients WHERE id = ?1",
                [client_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(DbError::Missing {
                entity: "Client",
                id: client_id,
            })?;
        let Some(hid) = hid else { return Ok(None) };
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM clients c WHERE c.household_id = ?1 AND c.id <> ?2
             ORDER BY c.sort_key"
        ))?;
        let members = st
            .query_map(params![hid, client_id], summary_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(Some(HouseholdMembers { id: hid, members }))
    }

    /// Puts `client_id` under the same roof as `with_id` (creating the household if neither has
    /// one). A household left with a single member is dissolved.
    pub(crate) fn link_household(
        &mut self,
        client_id: i64,
        with_id: i64,
        now: &str,
    ) -> Result<i64, DbError> {
        if client_id == with_id {
            return Err(DbError::Invalid(
                "un client ne peut pas former un foyer avec lui-même".into(),
            ));
        }
        let tx = self.conn.transaction()?;
        let current = |id: i64| -> Result<Option<i64>, DbError> {
            tx.query_row(
                "SELECT household_id FROM clients WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(DbError::Missing {
                entity: "Client",
                id,
            })
        };
        let mine = current(client_id)?;
        let theirs = current(with_id)?;
        let hid = match theirs {
            Some(h) => h,
            None => {
                tx.execute(
                    "INSERT INTO households (created_at) VALUES (?1)",
                    params![now],
                )?;
                let h = tx.last_insert_rowid();
                tx.execute(
                    "UPDATE clients SET household_id = ?1, updated_at = ?2, version = version + 1 WHERE id = ?3",
                    params![h, now, with_id],
                )?;
                h
            }
        };
        tx.execute(
            "UPDATE clients SET household_id = ?1, updated_at = ?2, version = version + 1 WHERE id = ?3",
            params![hid, now, client_id],
        )?;
        if let Some(old) = mine.filter(|&o| o != hid) {
            dissolve_if_alone(&tx, old)?;
        }
        tx.commit()?;
        Ok(hid)
    }

    /// Takes a client out of its household.
    pub(crate) fn leave_household(&mut self, client_id: i64, now: &str) -> Result<(), DbError> {
        let tx = self.conn.transaction()?;
        let hid: Option<i64> = tx
            .query_row(
                "SELECT household_id FROM clients WHERE id = ?1",
                [client_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(DbError::Missing {
                entity: "Client",
                id: client_id,
            })?;
        if let Some(h) = hid {
            tx.execute(
                "UPDATE clients SET household_id = NULL, updated_at = ?2, version = version + 1 WHERE id = ?1",
                params![client_id, now],
            )?;
            dissolve_if_alone(&tx, h)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Number of households.
    pub(crate) fn count_households(&self) -> Result<u64, DbError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM households", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}

/// A client's values as a revision keeps them: snake_case fields like every other revision, the
/// addresses, phones and e-mails each as one line of text in their order.
fn snapshot(c: &Client) -> serde_json::Value {
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
    sc.client.addresses = crate::contracts::query_vec(
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
    sc.client.phones = crate::contracts::query_vec(
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
    sc.client.emails = crate::contracts::query_vec(
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

fn dissolve_if_alone(tx: &Transaction<'_>, household: i64) -> Result<(), DbError> {
    let n: i64 = tx.query_row(
        "SELECT count(*) FROM clients WHERE household_id = ?1",
        [household],
        |r| r.get(0),
    )?;
    if n < 2 {
        tx.execute(
            "UPDATE clients SET household_id = NULL WHERE household_id = ?1",
            [household],
        )?;
        tx.execute("DELETE FROM households WHERE id = ?1", [household])?;
    }
    Ok(())
}

fn insert_client_tx(tx: &Transaction<'_>, c: &Client, now: &str) -> Result<i64, DbError> {
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

fn insert_children(tx: &Transaction<'_>, id: i64, c: &Client) -> Result<(), DbError> {
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

fn index_client(tx: &Transaction<'_>, id: i64, c: &Client) -> Result<(), DbError> {
    let [name, emails, phones, postcodes, cities] = search_document(c);
    tx.prepare_cached(
        "INSERT INTO client_search (rowid, name, emails, phones, postcodes, cities)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![id, name, emails, phones, postcodes, cities])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn queries() {
        assert_eq!(fts_query("Hél").as_deref(), Some("\"hel\"*"));
        assert_eq!(fts_query("jean dup").as_deref(), Some("\"jean\"* \"dup\"*"));
        assert_eq!(fts_query("06 12 34").as_deref(), Some("\"061234\"*"));
        assert_eq!(fts_query("+33 6 12").as_deref(), Some("\"33612\"*"));
        assert_eq!(fts_query("75").as_deref(), Some("\"75\"*"));
        assert_eq!(fts_query("  \"*( ").as_deref(), None);
        assert_eq!(fts_query("o'brien").as_deref(), Some("\"o\"* \"brien\"*"));
    }
}
