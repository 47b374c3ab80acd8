//! The client list (sorted pages) and the instant search over names, e-mails, phones,
//! postcodes and cities.

use crate::clients::{summary_from_row, SUMMARY_COLUMNS};
use crate::prelude::*;

/// Up to this many matches a search is ranked (bm25, names weigh most); beyond, the first
/// page is read in the index's order, which stops as soon as the page is full.
pub(crate) const RANK_LIMIT: i64 = 400;

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

/// The same query restricted to the name column.
fn names_only(q: &str) -> String {
    q.split(' ')
        .map(|phrase| format!("name : {phrase}"))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Store {
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
        let order = match q.sort {
            ClientSort::Name => format!("c.sort_key {dir}, c.id {dir}"),
            ClientSort::Created => format!("c.created_at {dir}, c.id {dir}"),
            ClientSort::Updated => format!("c.updated_at {dir}, c.id {dir}"),
            // The first address's postcode and city, kept on the client row and indexed in
            // exactly this order (migration 6): the page is read from the index.
            ClientSort::Postcode => {
                format!("c.postcode_sort IS NULL, c.postcode_sort {dir}, c.sort_key, c.id")
            }
            ClientSort::City => format!("c.city_sort IS NULL, c.city_sort {dir}, c.sort_key, c.id"),
        };
        // The total from the counts kept by triggers (migration 9), not by counting the rows.
        let total: i64 = self.conn.query_row(
            "SELECT coalesce(sum(n), 0) FROM client_counts
             WHERE (?1 OR archived = 0) AND (?2 IS NULL OR status = ?2)",
            params![q.include_archived, q.status.map(|s| s.as_str())],
            |r| r.get(0),
        )?;
        // Ids first (cheap to skip over), then the summaries of that page only.
        let sql = format!(
            "SELECT c.id FROM clients c {where_clause}
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
        // up to a cap, which is cheap): few, rank them (bm25, names weigh most); many, read the
        // first page in the index's order, names first.
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
        // How many match, counted up to RANK_LIMIT + 1 only: the read stops there.
        let seen: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM
                    (SELECT rowid FROM client_search WHERE client_search MATCH ?1 LIMIT ?2)",
            )?
            .query_row(params![q, RANK_LIMIT + 1], |r| r.get(0))?;
        if seen <= RANK_LIMIT {
            let sql = format!(
                "SELECT c.id FROM (
                    SELECT rowid AS id, bm25(client_search, 10.0, 3.0, 3.0, 1.0, 2.0) AS score
                    FROM client_search WHERE client_search MATCH ?1
                 ) m JOIN clients c ON c.id = m.id
                 WHERE 1 {archived}
                 ORDER BY m.score, c.sort_key LIMIT ?2"
            );
            let ids = self.ids(&sql, params![q, limit])?;
            return self.summaries(&ids);
        }
        // A broad search (« jean », « gmail », « 06 1 »): no ranking, which would read and sort
        // every match (a second at 1 000 000 clients for « gmail »). Those whose name matches
        // come first, then the others, each read in the index's order with a LIMIT, so the read
        // stops once the page is full: the cost is the page's, not the number of matches.
        let in_order = |fts: &str, n: u32| -> Result<Vec<i64>, DbError> {
            let sql = if include_archived {
                "SELECT rowid FROM client_search WHERE client_search MATCH ?1 LIMIT ?2".to_string()
            } else {
                "SELECT m.rowid FROM client_search m CROSS JOIN clients c ON c.id = m.rowid
                 WHERE client_search MATCH ?1 AND c.archived_at IS NULL LIMIT ?2"
                    .to_string()
            };
            self.ids(&sql, params![fts, n])
        };
        // Digits are phones and postcodes, almost never names (a SIREN is): looking for them in
        // names first would walk their whole doclists to find nothing (« 06 1 » at 1 000 000
        // clients), so digits-only searches go straight to every column.
        let mut ids = if q.chars().any(char::is_alphabetic) {
            in_order(&names_only(&q), limit)?
        } else {
            Vec::new()
        };
        if (ids.len() as u32) < limit {
            let seen: std::collections::HashSet<i64> = ids.iter().copied().collect();
            let rest = in_order(&q, limit + ids.len() as u32)?;
            ids.extend(rest.into_iter().filter(|id| !seen.contains(id)));
            ids.truncate(limit as usize);
        }
        self.summaries(&ids)
    }

    pub(crate) fn ids(&self, sql: &str, p: impl rusqlite::Params) -> Result<Vec<i64>, DbError> {
        let mut st = self.conn.prepare_cached(sql)?;
        let ids = st.query_map(p, |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// The list lines of `ids`, in that order.
    pub(crate) fn summaries(&self, ids: &[i64]) -> Result<Vec<ClientSummaryRow>, DbError> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM clients c WHERE c.id = ?1"
        ))?;
        ids.iter()
            .map(|id| Ok(st.query_row([id], summary_from_row)?))
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::fts_query;

    #[test]
    fn a_file_from_before_the_sort_columns_and_the_contentless_index_keeps_its_clients_findable() {
        use courtier_domain::client::*;
        use courtier_port::{ClientQuery, ClientSort};
        let dir = tempfile::tempdir().unwrap();
        let key = courtier_vault::DbKey::generate();
        let path = dir.path().join("agence.courtier");
        let person = |last: &str, city: &str| Client {
            kind: ClientKind::Person,
            civility: None,
            last_name: Some(last.into()),
            first_name: Some("Anne".into()),
            company_name: None,
            siren: None,
            birth_date: None,
            addresses: vec![Address {
                kind: AddressKind::Principale,
                line1: None,
                line2: None,
                postcode: "69003".into(),
                city: city.into(),
                country: "France".into(),
            }],
            phones: vec![],
            emails: vec![],
            profession: None,
            status: ClientStatus::Client,
            source: None,
            assigned_broker: None,
            notes: None,
        };
        // Written by a build that knew schema 3 only.
        {
            let mut old = crate::Store::open_with(
                &path,
                &key,
                crate::OpenMode::Create,
                &crate::MIGRATIONS[..3],
            )
            .unwrap();
            old.insert_client(&person("Lefèvre", "Villeurbanne"), "x")
                .unwrap();
            old.insert_client(&person("Bernard", "Annecy"), "x")
                .unwrap();
        }
        let mut s = crate::Store::open(&path, &key, crate::OpenMode::Existing).unwrap();
        assert_eq!(s.search_clients("lefevre", 10, false).unwrap().len(), 1);
        assert_eq!(s.search_clients("villeur", 10, false).unwrap().len(), 1);
        let by_city = |s: &crate::Store| {
            s.list_clients(&ClientQuery {
                sort: ClientSort::City,
                ..ClientQuery::default()
            })
            .unwrap()
            .items
            .iter()
            .map(|i| i.display_name.clone())
            .collect::<Vec<_>>()
        };
        assert_eq!(by_city(&s), ["Anne Bernard", "Anne Lefèvre"]);
        // A correction replaces the contentless entry: the old name is no longer found.
        s.update_client(1, &person("Lefebvre", "Villeurbanne"), None, None, "y")
            .unwrap();
        assert_eq!(s.search_clients("lefevre", 10, false).unwrap().len(), 0);
        assert_eq!(s.search_clients("lefebvre", 10, false).unwrap().len(), 1);
    }

    #[test]
    fn a_broad_search_lists_name_matches_first_and_leaves_the_archived_out() {
        use courtier_domain::client::*;
        let dir = tempfile::tempdir().unwrap();
        let key = courtier_vault::DbKey::generate();
        let mut s = crate::Store::open(
            &dir.path().join("a.courtier"),
            &key,
            crate::OpenMode::Create,
        )
        .unwrap();
        let person = |last: &str, city: &str| Client {
            kind: ClientKind::Person,
            civility: None,
            last_name: Some(last.into()),
            first_name: Some("Anne".into()),
            company_name: None,
            siren: None,
            birth_date: None,
            addresses: vec![Address {
                kind: AddressKind::Principale,
                line1: None,
                line2: None,
                postcode: "69003".into(),
                city: city.into(),
                country: "France".into(),
            }],
            phones: vec![],
            emails: vec![],
            profession: None,
            status: ClientStatus::Client,
            source: None,
            assigned_broker: None,
            notes: None,
        };
        // More matches than are ranked: 450 who live in Martinique, then 3 named Martin.
        let mut all: Vec<Client> = (0..450)
            .map(|i| person(&format!("Nom{i}"), "Martinique"))
            .collect();
        all.extend((0..3).map(|_| person("Martin", "Lyon")));
        let ids = s.insert_clients_batch(&all, &[], "x").unwrap();
        const { assert!(super::RANK_LIMIT < 453) };
        let found = s.search_clients("martin", 20, false).unwrap();
        assert_eq!(found.len(), 20);
        // The three whose name matches come first, then the others in the index's order.
        let names: Vec<_> = found.iter().map(|c| c.display_name.as_str()).collect();
        assert_eq!(names[..3], ["Anne Martin"; 3]);
        assert_eq!(found[3].id, ids[0]);
        // Archived, a client is left out unless asked for.
        s.set_client_archived(ids[450], true, "y").unwrap();
        let found = s.search_clients("martin", 20, false).unwrap();
        assert!(found.iter().all(|c| c.id != ids[450]));
        assert_eq!(
            found[..2].iter().map(|c| c.id).collect::<Vec<_>>(),
            ids[451..]
        );
        let with = s.search_clients("martin", 20, true).unwrap();
        assert_eq!(with[0].id, ids[450]);
        // Digits only (every one of them lives in 69003): every column, in the index's order.
        let by_postcode = s.search_clients("69003", 20, false).unwrap();
        assert_eq!(by_postcode.len(), 20);
        assert_eq!(by_postcode[0].id, ids[0]);
    }

    #[test]
    fn sorted_pages_are_read_from_an_index_not_sorted() {
        let dir = tempfile::tempdir().unwrap();
        let key = courtier_vault::DbKey::generate();
        let path = dir.path().join("agence.courtier");
        let s = crate::Store::open(&path, &key, crate::OpenMode::Create).unwrap();
        for (sort, dir) in [
            ("city", "ASC"),
            ("city", "DESC"),
            ("postcode", "ASC"),
            ("postcode", "DESC"),
        ] {
            let col = format!("c.{sort}_sort");
            let plan: Vec<String> = crate::sql::query_vec(
                &s.conn,
                &format!(
                    "EXPLAIN QUERY PLAN SELECT c.id FROM clients c WHERE c.archived_at IS NULL
                     ORDER BY {col} IS NULL, {col} {dir}, c.sort_key, c.id LIMIT 50"
                ),
                [],
                |r| r.get(3),
            )
            .unwrap();
            let plan = plan.join(" | ");
            assert!(!plan.contains("TEMP B-TREE"), "{sort} {dir}: {plan}");
            assert!(
                plan.contains(&format!("clients_{sort}_")),
                "{sort} {dir}: {plan}"
            );
        }
    }

    #[test]
    fn queries() {
        assert_eq!(fts_query("Hél").as_deref(), Some("\"hel\"*"));
        assert_eq!(fts_query("jean dup").as_deref(), Some("\"jean\"* \"dup\"*"));
        assert_eq!(fts_query("06 12 34").as_deref(), Some("\"061234\"*"));
        assert_eq!(fts_query("+33 6 12").as_deref(), Some("\"33612\"*"));
        assert_eq!(fts_query("75").as_deref(), Some("\"75\"*"));
        assert_eq!(fts_query("  \"*( ").as_deref(), None);
        assert_eq!(fts_query("o'brien").as_deref(), Some("\"o\"* \"brien\"*"));
        assert_eq!(
            super::names_only("\"jean\"* \"dup\"*"),
            "name : \"jean\"* name : \"dup\"*"
        );
    }
}
