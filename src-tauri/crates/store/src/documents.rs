//! Attached documents: their bytes inside the agency file, written and read in chunks through
//! SQLite's incremental blob I/O (never one 50 MB value), their SHA-256 computed while streaming,
//! and the facts of attaching, binning, restoring, exporting and emptying the bin.

use crate::prelude::*;
use crate::sql::{act, code, opt, opt_date, query_vec};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};

/// The size of one read or write of a document's bytes.
const CHUNK: usize = 256 * 1024;

/// SQLite's page cache while a document's bytes go through it, in KiB: the connection's usual
/// 64 MiB would otherwise keep a copy of a 50 MB scan's pages, a second copy in memory.
const BLOB_CACHE_KIB: i64 = 2048;

/// Runs `f` with a small page cache on `conn`, then gives the connection its cache back.
fn small_cache<T>(conn: &Connection, f: impl FnOnce() -> Result<T, DbError>) -> Result<T, DbError> {
    let before: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    conn.execute_batch(&format!("PRAGMA cache_size = -{BLOB_CACHE_KIB}"))?;
    let r = f();
    conn.execute_batch(&format!("PRAGMA cache_size = {before}"))?;
    r
}

/// The details in force: the last row of `document_details` (migration 21), or those given at
/// attaching.
const COLUMNS: &str = "d.id, d.client_id, d.contract_id, d.claim_id,
    coalesce((SELECT r.kind FROM document_details r WHERE r.document_id = d.id
              ORDER BY r.seq DESC LIMIT 1), d.kind),
    d.format, d.file_name,
    CASE WHEN EXISTS (SELECT 1 FROM document_details r WHERE r.document_id = d.id)
         THEN (SELECT r.document_date FROM document_details r WHERE r.document_id = d.id
               ORDER BY r.seq DESC LIMIT 1)
         ELSE d.document_date END,
    CASE WHEN EXISTS (SELECT 1 FROM document_details r WHERE r.document_id = d.id)
         THEN (SELECT r.note FROM document_details r WHERE r.document_id = d.id
               ORDER BY r.seq DESC LIMIT 1)
         ELSE d.note END,
    d.size, d.pages, d.sha256,
    (SELECT recorded_at FROM acts WHERE acts.id = d.act_id),
    EXISTS (SELECT 1 FROM bin_emptied_documents e WHERE e.document_id = d.id),
    coalesce((SELECT b.action = 'bin' FROM document_bin_events b WHERE b.document_id = d.id
              ORDER BY b.seq DESC LIMIT 1), 0),
    (SELECT c.thumbnail IS NOT NULL FROM document_contents c WHERE c.id = d.content_id)";

fn row(r: &Row<'_>) -> rusqlite::Result<DocumentRow> {
    let owner = match (
        r.get::<_, Option<i64>>(1)?,
        r.get::<_, Option<i64>>(2)?,
        r.get::<_, Option<i64>>(3)?,
    ) {
        (Some(id), _, _) => DocumentOwner::Client(id),
        (_, Some(id), _) => DocumentOwner::Contract(id),
        (_, _, Some(id)) => DocumentOwner::Claim(id),
        _ => {
            return Err(rusqlite::Error::FromSqlConversionFailure(
                1,
                rusqlite::types::Type::Null,
                "document sans fiche".into(),
            ))
        }
    };
    let emptied: bool = r.get(13)?;
    let in_bin: bool = r.get(14)?;
    Ok(DocumentRow {
        id: r.get(0)?,
        owner,
        kind: code(r, 4)?,
        format: code(r, 5)?,
        file_name: r.get(6)?,
        date: opt_date(r.get(7)?)?,
        note: r.get(8)?,
        size: r.get::<_, i64>(9)?.try_into().unwrap_or(0),
        pages: r.get::<_, i64>(10)?.try_into().unwrap_or(0),
        sha256: r.get(11)?,
        attached_at: r.get(12)?,
        state: if emptied {
            DocumentState::Emptied
        } else if in_bin {
            DocumentState::InBin
        } else {
            DocumentState::Active
        },
        has_thumbnail: r.get::<_, Option<bool>>(15)?.unwrap_or(false),
        exports: Vec::new(),
    })
}

fn owner_column(owner: DocumentOwner) -> (&'static str, i64) {
    match owner {
        DocumentOwner::Client(id) => ("client_id", id),
        DocumentOwner::Contract(id) => ("contract_id", id),
        DocumentOwner::Claim(id) => ("claim_id", id),
    }
}

fn missing(id: i64) -> DbError {
    DbError::Missing {
        entity: "Document",
        id,
    }
}

fn exists(conn: &Connection, owner: DocumentOwner) -> Result<(), DbError> {
    let (table, entity, id) = match owner {
        DocumentOwner::Client(id) => ("clients", "Client", id),
        DocumentOwner::Contract(id) => ("contracts", "Contrat", id),
        DocumentOwner::Claim(id) => ("claims", "Sinistre", id),
    };
    let found: bool = conn.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
        [id],
        |r| r.get(0),
    )?;
    if found {
        Ok(())
    } else {
        Err(DbError::Missing { entity, id })
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn io_error(e: std::io::Error) -> DbError {
    DbError::Invalid(format!("lecture ou écriture du document impossible : {e}"))
}

fn next_seq(tx: &Transaction<'_>, table: &str, id: i64) -> Result<i64, DbError> {
    Ok(tx.query_row(
        &format!("SELECT coalesce(max(seq), 0) + 1 FROM {table} WHERE document_id = ?1"),
        [id],
        |r| r.get(0),
    )?)
}

impl Store {
    pub(crate) fn attach_document(
        &mut self,
        d: &NewDocument,
        content: &mut dyn Read,
        now: &str,
    ) -> Result<Attached, DbError> {
        // As `small_cache`, around a write transaction that borrows the store.
        let before: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn
            .execute_batch(&format!("PRAGMA cache_size = -{BLOB_CACHE_KIB}"))?;
        let r = self.attach_streamed(d, content, now);
        self.conn
            .execute_batch(&format!("PRAGMA cache_size = {before}"))?;
        r
    }

    fn attach_streamed(
        &mut self,
        d: &NewDocument,
        content: &mut dyn Read,
        now: &str,
    ) -> Result<Attached, DbError> {
        let size: i64 = d
            .size
            .try_into()
            .map_err(|_| DbError::Invalid("document trop grand".into()))?;
        if size <= 0 {
            return Err(DbError::Invalid("document vide".into()));
        }
        let tx = self.write_tx()?;
        exists(&tx, d.owner)?;
        tx.execute(
            "INSERT INTO document_contents (thumbnail, bytes) VALUES (?1, zeroblob(?2))",
            params![d.thumbnail, size],
        )?;
        let content_id = tx.last_insert_rowid();
        let sha256 = {
            let mut blob = tx.blob_open(
                rusqlite::MAIN_DB,
                c"document_contents",
                c"bytes",
                content_id,
                false,
            )?;
            let mut hasher = Sha256::new();
            let mut buf = vec![0u8; CHUNK];
            let mut at = 0usize;
            loop {
                let n = content.read(&mut buf).map_err(io_error)?;
                if n == 0 {
                    break;
                }
                let chunk = buf.get(..n).unwrap_or_default();
                if at + n > blob.len() {
                    return Err(DbError::Invalid(
                        "le fichier a grandi pendant sa lecture".into(),
                    ));
                }
                blob.write_at(chunk, at)?;
                hasher.update(chunk);
                at += n;
            }
            if at != blob.len() {
                return Err(DbError::Invalid(
                    "le fichier a changé de taille pendant sa lecture".into(),
                ));
            }
            hex(&hasher.finalize())
        };
        let (column, owner_id) = owner_column(d.owner);
        let same: Option<i64> = tx
            .query_row(
                &format!(
                    "SELECT id FROM documents WHERE {column} = ?1 AND sha256 = ?2
                          AND NOT EXISTS (SELECT 1 FROM bin_emptied_documents e
                                          WHERE e.document_id = documents.id)
                          ORDER BY id LIMIT 1"
                ),
                params![owner_id, sha256],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = same {
            // Dropping the transaction rolls the bytes back: nothing is stored twice.
            drop(tx);
            let state = self.document(id)?.state;
            return Ok(Attached::AlreadyThere { id, state });
        }
        let act_id = act(&tx, now)?;
        tx.execute(
            &format!(
                "INSERT INTO documents ({column}, kind, format, file_name, document_date, note,
                 size, pages, sha256, content_id, act_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
            ),
            params![
                owner_id,
                d.kind.as_str(),
                d.format.as_str(),
                d.file_name,
                opt(d.date),
                d.note,
                size,
                d.pages,
                sha256,
                content_id,
                act_id
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(Attached::New(id))
    }

    pub(crate) fn document(&self, id: i64) -> Result<DocumentRow, DbError> {
        let mut d = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM documents d WHERE d.id = ?1"),
                [id],
                row,
            )
            .optional()?
            .ok_or_else(|| missing(id))?;
        d.exports = self.exports_of(id)?;
        Ok(d)
    }

    /// The exports of a document, oldest first: when (the act's time) and where to.
    fn exports_of(&self, id: i64) -> Result<Vec<(String, String)>, DbError> {
        query_vec(
            &self.conn,
            "SELECT (SELECT recorded_at FROM acts WHERE acts.id = x.act_id), x.destination
             FROM document_exports x WHERE x.document_id = ?1 ORDER BY x.seq",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    pub(crate) fn documents_of(
        &self,
        owner: DocumentOwner,
        with_bin: bool,
    ) -> Result<Vec<DocumentRow>, DbError> {
        let (column, id) = owner_column(owner);
        let all = query_vec(
            &self.conn,
            &format!("SELECT {COLUMNS} FROM documents d WHERE d.{column} = ?1 ORDER BY d.id"),
            [id],
            row,
        )?;
        // Each listed document with its exports, as `document` gives them (a record holds a
        // handful of documents: one small indexed query each).
        all.into_iter()
            .filter(|d| match d.state {
                DocumentState::Active => true,
                DocumentState::InBin => with_bin,
                DocumentState::Emptied => false,
            })
            .map(|mut d| {
                d.exports = self.exports_of(d.id)?;
                Ok(d)
            })
            .collect()
    }

    pub(crate) fn bin(&self) -> Result<Vec<DocumentRow>, DbError> {
        let all = query_vec(
            &self.conn,
            &format!(
                "SELECT {COLUMNS} FROM documents d
                      WHERE EXISTS (SELECT 1 FROM document_bin_events b WHERE b.document_id = d.id)
                      ORDER BY d.id"
            ),
            [],
            row,
        )?;
        Ok(all
            .into_iter()
            .filter(|d| d.state == DocumentState::InBin)
            .collect())
    }

    fn content_id(&self, id: i64) -> Result<i64, DbError> {
        let d = self.document(id)?;
        if d.state == DocumentState::Emptied {
            return Err(DbError::Invalid(format!(
                "le document n° {id} a été supprimé définitivement (corbeille vidée)"
            )));
        }
        Ok(self.conn.query_row(
            "SELECT content_id FROM documents WHERE id = ?1",
            [id],
            |r| r.get(0),
        )?)
    }

    pub(crate) fn read_document(&self, id: i64, out: &mut dyn Write) -> Result<u64, DbError> {
        let content_id = self.content_id(id)?;
        small_cache(&self.conn, || {
            let blob = self.conn.blob_open(
                rusqlite::MAIN_DB,
                c"document_contents",
                c"bytes",
                content_id,
                true,
            )?;
            let mut buf = vec![0u8; CHUNK];
            let mut at = 0usize;
            while at < blob.len() {
                let n = blob.read_at(&mut buf, at)?;
                if n == 0 {
                    break;
                }
                out.write_all(buf.get(..n).unwrap_or_default())
                    .map_err(io_error)?;
                at += n;
            }
            out.flush().map_err(io_error)?;
            Ok(at as u64)
        })
    }

    pub(crate) fn document_thumbnail(&self, id: i64) -> Result<Option<Vec<u8>>, DbError> {
        let content_id = self.content_id(id)?;
        Ok(self.conn.query_row(
            "SELECT thumbnail FROM document_contents WHERE id = ?1",
            [content_id],
            |r| r.get(0),
        )?)
    }

    pub(crate) fn record_export(
        &mut self,
        id: i64,
        destination: &str,
        now: &str,
    ) -> Result<(), DbError> {
        self.content_id(id)?;
        let tx = self.write_tx()?;
        let act_id = act(&tx, now)?;
        let seq = next_seq(&tx, "document_exports", id)?;
        tx.execute(
            "INSERT INTO document_exports (document_id, seq, destination, act_id)
             VALUES (?1, ?2, ?3, ?4)",
            params![id, seq, destination, act_id],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn bin_event(&mut self, id: i64, action: &str, now: &str) -> Result<(), DbError> {
        let state = self.document(id)?.state;
        match (state, action) {
            (DocumentState::Emptied, _) => {
                return Err(DbError::Invalid(format!(
                    "le document n° {id} a été supprimé définitivement (corbeille vidée)"
                )))
            }
            (DocumentState::InBin, "bin") => {
                return Err(DbError::Invalid(format!(
                    "le document n° {id} est déjà dans la corbeille"
                )))
            }
            (DocumentState::Active, "restore") => {
                return Err(DbError::Invalid(format!(
                    "le document n° {id} n'est pas dans la corbeille"
                )))
            }
            _ => {}
        }
        let tx = self.write_tx()?;
        let act_id = act(&tx, now)?;
        let seq = next_seq(&tx, "document_bin_events", id)?;
        tx.execute(
            "INSERT INTO document_bin_events (document_id, seq, action, act_id)
             VALUES (?1, ?2, ?3, ?4)",
            params![id, seq, action, act_id],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records new details (type, date, note) of a document not emptied from the bin.
    pub(crate) fn revise_document(
        &mut self,
        id: i64,
        details: &DocumentDetails,
        now: &str,
    ) -> Result<(), DbError> {
        if self.document(id)?.state == DocumentState::Emptied {
            return Err(DbError::Invalid(format!(
                "le document n° {id} a été supprimé définitivement (corbeille vidée)"
            )));
        }
        let tx = self.write_tx()?;
        let act_id = act(&tx, now)?;
        let seq = next_seq(&tx, "document_details", id)?;
        tx.execute(
            "INSERT INTO document_details (document_id, seq, kind, document_date, note, act_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                seq,
                details.kind.as_str(),
                opt(details.date),
                details.note,
                act_id
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub(crate) fn bin_document(&mut self, id: i64, now: &str) -> Result<(), DbError> {
        self.bin_event(id, "bin", now)
    }

    pub(crate) fn restore_document(&mut self, id: i64, now: &str) -> Result<(), DbError> {
        self.bin_event(id, "restore", now)
    }

    pub(crate) fn empty_bin(
        &mut self,
        owner: Option<DocumentOwner>,
        now: &str,
    ) -> Result<u64, DbError> {
        let binned = match owner {
            Some(o) => self.documents_of(o, true)?,
            None => self.bin()?,
        };
        let ids: Vec<i64> = binned
            .into_iter()
            .filter(|d| d.state == DocumentState::InBin)
            .map(|d| d.id)
            .collect();
        if ids.is_empty() {
            return Ok(0);
        }
        let tx = self.write_tx()?;
        let act_id = act(&tx, now)?;
        tx.execute("INSERT INTO bin_emptyings (act_id) VALUES (?1)", [act_id])?;
        let emptying = tx.last_insert_rowid();
        for id in &ids {
            tx.execute(
                "INSERT INTO bin_emptied_documents (emptying_id, document_id) VALUES (?1, ?2)",
                [emptying, *id],
            )?;
            tx.execute(
                "DELETE FROM document_contents
                 WHERE id = (SELECT content_id FROM documents WHERE id = ?1)",
                [*id],
            )?;
        }
        tx.commit()?;
        Ok(ids.len() as u64)
    }

    pub(crate) fn document_size_limit(&self) -> Result<u64, DbError> {
        let n: i64 = self.conn.query_row(
            "SELECT max_bytes FROM document_settings WHERE id = 1",
            [],
            |r| r.get(0),
        )?;
        Ok(n.try_into().unwrap_or(0))
    }

    pub(crate) fn set_document_size_limit(&mut self, bytes: u64) -> Result<(), DbError> {
        let n: i64 = bytes
            .try_into()
            .map_err(|_| DbError::Invalid("limite de taille hors bornes".into()))?;
        self.conn
            .execute(
                "UPDATE document_settings SET max_bytes = ?1 WHERE id = 1",
                [n],
            )
            .map_err(|e| crate::sql::constraint(e, "limite de taille hors bornes (1 Mo à 1 Go)"))?;
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "documents_tests.rs"]
mod tests;
