//! The agency file: one SQLCipher database, encrypted at rest with a raw 256-bit key.
//!
//! Opening follows a fixed order so that no plaintext is ever written and a wrong key is told
//! apart from every other failure: key first, then `PRAGMA cipher_version` (a build without
//! SQLCipher is refused), then a read that proves the key, then the connection settings (WAL,
//! foreign keys, secure delete, temp store in memory), then the migrations.

mod aggravations;
mod batch;
mod calendar;
mod claims;
mod client_exchanges;
mod client_search;
mod clients;
mod contracts;
mod documents;
mod drivers;
mod error;
mod exchange_log;
mod households;
mod identity;
mod insurers;
mod integrity;
mod journal;
mod mail;
mod migrations;
mod port;
mod prelude;
mod recompute;
mod releves;
mod reminders;
mod renewals;
mod revisions;
mod rows;
mod search;
mod sql;
mod vehicles;
mod verify;

pub use migrations::{Migration, MIGRATIONS, SCHEMA_VERSION};

#[cfg(feature = "tamper-kit")]
pub use journal::tamper_kit;

use courtier_port::{StoreError, Verification};
use courtier_vault::DbKey;
use error::DbError;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The file name of the agency database inside its data directory.
pub const DATABASE_FILE: &str = "agence.courtier";

/// An open, keyed and migrated agency file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The key of the journal's links, derived from the agency key (`journal.rs`).
    chain_key: journal::ChainKey,
    /// Whether the schema has the journal (tests open files at older versions).
    journaled: bool,
    /// The verification of the pages (done at opening, or under way on its own thread for a
    /// large file): writes wait for it, and are refused on a damaged file.
    verification: Verification,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// Whether [`Store::open`] may create the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// The file must exist.
    Existing,
    /// The file must not exist yet: a new, empty agency file is created.
    Create,
}

impl Store {
    /// A write transaction, taking the write lock at once (`BEGIN IMMEDIATE`): a deferred one
    /// that reads first and writes later cannot wait for another writer (SQLite refuses the
    /// upgrade at once, « database is locked »), while this one waits up to the busy timeout, so
    /// two processes writing to the agency file both succeed.
    /// Its commit seals the transaction's acts in the journal.
    ///
    /// On a file found damaged at opening, refused before SQLite is asked (whose read-only
    /// connection would refuse it too): nothing more is written to a damaged file.
    pub(crate) fn write_tx(&mut self) -> Result<journal::WriteTx<'_>, DbError> {
        self.writable()?;
        Ok(journal::WriteTx {
            tx: self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?,
            key: &self.chain_key,
            journaled: self.journaled,
        })
    }

    /// Refuses a write on a file found damaged; waits for the verification under way first.
    pub(crate) fn writable(&self) -> Result<(), DbError> {
        match self.verification.wait() {
            Some(detail) => Err(DbError::ReadOnlyDamaged { detail }),
            None => Ok(()),
        }
    }

    /// Opens (or creates) the database at `path` with `key`, and brings its schema up to date.
    pub fn open(path: &Path, key: &DbKey, mode: OpenMode) -> Result<Store, StoreError> {
        Self::open_with(path, key, mode, MIGRATIONS)
    }

    /// As [`Store::open`], with an explicit list of migrations (tests use it to prove that a failing
    /// migration leaves the previous schema intact).
    pub fn open_with(
        path: &Path,
        key: &DbKey,
        mode: OpenMode,
        migrations: &[Migration],
    ) -> Result<Store, StoreError> {
        Ok(Self::open_inner(path, key, mode, migrations)?)
    }

    /// A second, read-only connection to an agency file that a [`Store::open`] brought up to
    /// date: lists, searches and records read through it while the other connection writes
    /// (WAL lets readers see every committed write without waiting for the writer). Its own
    /// writes are refused by SQLite.
    pub fn open_reader(path: &Path, key: &DbKey) -> Result<Store, StoreError> {
        Ok(Self::open_reader_inner(path, key)?)
    }

    fn open_reader_inner(path: &Path, key: &DbKey) -> Result<Store, DbError> {
        if !path.exists() {
            return Err(DbError::NotFound {
                path: path.to_path_buf(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(DbError::from_open)?;
        let conn = key_connection(conn, key).map_err(|e| with_path(e, path))?;
        conn.execute_batch(
            "PRAGMA query_only = ON;
             PRAGMA temp_store = MEMORY;
             PRAGMA busy_timeout = 5000;
             PRAGMA cache_size = -65536;",
        )?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            chain_key: journal::chain_key(key),
            journaled: false,
            verification: Verification::sound(),
        };
        let supported = MIGRATIONS.last().map_or(0, |m| m.version);
        let found = store.schema_version()?;
        // Never written through, but its reads of the journal (the head a printed page or an
        // e-mail carries) must see it.
        store.journaled = found >= migrations::JOURNAL_VERSION;
        if found > supported {
            return Err(DbError::SchemaTooNew { found, supported });
        }
        if found < supported {
            return Err(DbError::Settings(format!(
                "le fichier est au schéma {found} : ouvrez-le d'abord en écriture pour le mettre à jour"
            )));
        }
        Ok(store)
    }

    fn open_inner(
        path: &Path,
        key: &DbKey,
        mode: OpenMode,
        migrations: &[Migration],
    ) -> Result<Store, DbError> {
        let exists = path.exists();
        match mode {
            OpenMode::Existing if !exists => {
                return Err(DbError::NotFound {
                    path: path.to_path_buf(),
                })
            }
            OpenMode::Create if exists => {
                return Err(DbError::AlreadyExists {
                    path: path.to_path_buf(),
                })
            }
            OpenMode::Existing => check_size(path)?,
            _ => {}
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if mode == OpenMode::Create {
            // Made here, private (0600), so that SQLite opens it rather than creating it with
            // the umask's rights; its -wal and -shm files take the same rights from it.
            courtier_vault::private_fs::create_new(path).map_err(|e| {
                DbError::Open(format!("création de {} impossible : {e}", path.display()))
            })?;
        }
        let conn = Connection::open_with_flags(path, flags).map_err(DbError::from_open)?;
        let conn = key_connection(conn, key).map_err(|e| with_path(e, path))?;
        let verification = if mode == OpenMode::Existing {
            let found: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            let supported = migrations.last().map_or(0, |m| m.version);
            if found < supported || std::fs::metadata(path).map_or(0, |m| m.len()) <= VERIFY_AT_ONCE
            {
                // Before anything is written (not even the journal mode; a migration waits for
                // it): a damaged file is opened read-only instead, so that what it still holds
                // can be read and nothing is lost.
                if let Some(detail) = verify::damage(&conn)? {
                    drop(conn);
                    return Self::open_damaged(path, key, detail, migrations);
                }
                Verification::sound()
            } else {
                verify::in_background(path, key)
            }
        } else {
            Verification::sound()
        };
        // SQLite folds the log back when the last connection closes: never on its own, since the
        // file may turn out damaged; [`Store::checkpoint`] does it on a clean close of a sound one.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )?;
        configure(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            chain_key: journal::chain_key(key),
            journaled: false,
            verification,
        };
        let target = migrations.last().map_or(0, |m| m.version);
        let chain_key = &store.chain_key;
        migrations::migrate(&mut store.conn, migrations, |tx, before| {
            if before < 3 && target >= 3 {
                // Exchanges written before the log was chained take their place in it, once, at
                // the upgrade. Never later: an entry without a hash in a chained file was not
                // written by Courtier, and `check` reports it instead of giving it a valid hash.
                exchange_log::chain_pending(tx)?;
            }
            if before < migrations::JOURNAL_VERSION && target >= migrations::JOURNAL_VERSION {
                // Likewise the journal: the acts already in the file are chained once, here.
                journal::chain_existing(tx, chain_key)?;
            }
            if before < migrations::RESPONSIBILITY_VERSION
                && target >= migrations::RESPONSIBILITY_VERSION
            {
                recompute::fill_responsibilities(tx)?;
            }
            Ok(())
        })
        .map_err(|e| with_path(e, path))?;
        store.journaled = target >= migrations::JOURNAL_VERSION;
        journal::prepare_connection(&store.conn, store.journaled)?;
        Ok(store)
    }

    /// A file that failed the verification at opening, opened read-only: SQLite refuses every
    /// write on this connection, and [`Store::write_tx`] refuses them first with a typed error.
    /// Its schema must be this build's: a damaged file is never migrated.
    fn open_damaged(
        path: &Path,
        key: &DbKey,
        detail: String,
        migrations: &[Migration],
    ) -> Result<Store, DbError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(DbError::from_open)?;
        let conn = key_connection(conn, key).map_err(|e| with_path(e, path))?;
        conn.execute_batch(
            "PRAGMA query_only = ON;
             PRAGMA temp_store = MEMORY;
             PRAGMA busy_timeout = 5000;
             PRAGMA cache_size = -65536;",
        )?;
        let supported = migrations.last().map_or(0, |m| m.version);
        let store = Store {
            conn,
            path: path.to_path_buf(),
            chain_key: journal::chain_key(key),
            // Never written: the journal is only read, by `check`.
            journaled: supported >= migrations::JOURNAL_VERSION,
            verification: {
                let v = Verification::pending();
                v.finish(Some(detail.clone()));
                v
            },
        };
        match store.schema_version() {
            Ok(found) if found > supported => Err(DbError::SchemaTooNew { found, supported }),
            Ok(found) if found == supported => Ok(store),
            // Not migrated (that would write to it), so not readable by this version either.
            _ => Err(DbError::Damaged {
                path: path.to_path_buf(),
                detail: format!("{detail} ; son schéma n'est pas celui de cette version et ne peut être mis à jour sur un fichier endommagé"),
            }),
        }
    }

    /// What the verification of the pages found wrong, if anything (the file is then
    /// read-only); `None` while it is under way.
    pub fn damage(&self) -> Option<String> {
        self.verification.outcome().flatten()
    }

    /// The verification of the pages, to wait for it.
    pub fn verification(&self) -> Verification {
        self.verification.clone()
    }

    /// The path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version (`PRAGMA user_version`).
    pub(crate) fn schema_version(&self) -> Result<u32, DbError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Runs `PRAGMA integrity_check`: `["ok"]` when sound, otherwise what is wrong in French
    /// (never SQLite's English lines).
    pub(crate) fn integrity_check(&self) -> Result<Vec<String>, DbError> {
        verify::integrity_lines(&self.conn)
    }

    /// The SQLCipher version linked in.
    pub fn cipher_version(&self) -> Result<String, StoreError> {
        Ok(cipher_version(&self.conn)?)
    }

    /// Writes committed WAL content back into the main file (nothing on a damaged, read-only
    /// file).
    ///
    /// Nothing either while the verification of a large file is under way: a command that only
    /// read added nothing to the log, and the file may turn out damaged.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        if self.verification.outcome() != Some(None) {
            return Ok(());
        }
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(DbError::from)?;
        Ok(())
    }

    /// Records the agency identity on a new file (idempotent).
    pub(crate) fn set_agency(&self, agency_id: &str, now: &str) -> Result<(), DbError> {
        self.writable()?;
        self.conn.execute(
            "INSERT INTO agency (id, agency_id, created_at) VALUES (1, ?1, ?2)
             ON CONFLICT(id) DO NOTHING",
            rusqlite::params![agency_id, now],
        )?;
        Ok(())
    }

    /// The agency id recorded in the file, if any.
    pub(crate) fn agency_id(&self) -> Result<Option<String>, DbError> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT agency_id FROM agency WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()?)
    }
}

fn cipher_version(conn: &Connection) -> Result<String, DbError> {
    use rusqlite::OptionalExtension;
    let v: Option<String> = conn
        .query_row("PRAGMA cipher_version", [], |r| r.get(0))
        .optional()?;
    match v {
        Some(v) if !v.is_empty() => Ok(v),
        _ => Err(DbError::NotSqlcipher),
    }
}

/// Keys the connection, checks SQLCipher is there, and proves the key with a read.
fn key_connection(conn: Connection, key: &DbKey) -> Result<Connection, DbError> {
    // Silence SQLCipher's own stderr logging of "hmac check failed" on a wrong key: the error is
    // reported, typed, by us.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")
        .map_err(DbError::from_open)?;
    {
        let pragma = zeroize::Zeroizing::new(format!(
            "PRAGMA key = \"{}\";",
            key.sqlcipher_pragma_value().as_str()
        ));
        // `PRAGMA key` only hands the key to SQLCipher (a wrong key is found by the read
        // below), yet under heavy load (a test machine running several suites at once) it was
        // seen to fail now and then with a bare SQLITE_ERROR, and succeed when run again: it is
        // tried up to three times before the key is said to be refused.
        let mut attempt = 0;
        while let Err(e) = conn.execute_batch(&pragma) {
            attempt += 1;
            if attempt == 3 {
                return Err(DbError::KeyRejected {
                    // SQLite's message names the failure, never the statement (which holds
                    // the key).
                    detail: e
                        .sqlite_error_code()
                        .map_or_else(|| "erreur inconnue".to_string(), |c| format!("{c:?}")),
                });
            }
            std::thread::sleep(std::time::Duration::from_millis(50 * attempt));
        }
    }
    cipher_version(&conn)?;
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(conn),
        // A wrong key makes every page fail its MAC; a damaged first page (the schema's) fails
        // alone, and is told apart so that a damaged file is not taken for a wrong key.
        Err(e) if verify::is_damage(&e) => match verify::failing_pages(&conn) {
            Some((failing, total)) if failing < total => Err(DbError::VersionDamaged(
                verify::unreadable_pages(failing, total),
            )),
            _ if is_not_a_database(&e) => Err(DbError::WrongKey),
            _ => Err(DbError::VersionDamaged(verify::unreadable_page())),
        },
        Err(e) => Err(DbError::from_open(e)),
    }
}

/// A damage found without the file's path (in the key check, the migrations) named with it.
fn with_path(e: DbError, path: &Path) -> DbError {
    match e {
        DbError::VersionDamaged(detail) => DbError::Damaged {
            path: path.to_path_buf(),
            detail,
        },
        e => e,
    }
}

fn is_not_a_database(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase
    )
}

/// Up to this size (about 0.1 s of verification) the pages are verified before the file is
/// opened; a larger file opens at once and is verified on a thread of its own, writes waiting
/// for the outcome (see the README's benchmarks).
const VERIFY_AT_ONCE: u64 = 16 * 1024 * 1024;

/// The page size of every agency file (SQLCipher 4's default, never changed by Courtier).
const PAGE_SIZE: u64 = 4096;

/// An existing agency file is whole pages, at least one: an empty file (SQLite would take it for
/// a new database and write a fresh schema into it) or one cut in the middle of a page is
/// damaged, and refused before anything is written.
fn check_size(path: &Path) -> Result<(), DbError> {
    let len = std::fs::metadata(path)
        .map_err(|e| DbError::Open(format!("{} : {e}", path.display())))?
        .len();
    let damaged = |detail: String| DbError::Damaged {
        path: path.to_path_buf(),
        detail,
    };
    if len == 0 {
        return Err(damaged("il est vide".into()));
    }
    if len < PAGE_SIZE || len % PAGE_SIZE != 0 {
        return Err(damaged(format!(
            "sa taille, {len} octets, n'est pas un nombre entier de pages de {PAGE_SIZE} octets : il a été tronqué"
        )));
    }
    Ok(())
}

fn configure(conn: &Connection) -> Result<(), DbError> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(DbError::Settings(format!(
            "le journal WAL n'a pas pu être activé (mode « {mode} »)"
        )));
    }
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA synchronous = FULL;
         PRAGMA busy_timeout = 5000;
         PRAGMA cache_size = -65536;",
    )?;
    let fk: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    if fk != 1 {
        return Err(DbError::Settings(
            "les clés étrangères n'ont pas pu être activées".into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use courtier_port::{ClientQuery, ClientStore};

    #[test]
    fn the_reader_sees_committed_writes_and_does_not_wait_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let key = DbKey::generate();
        let path = dir.path().join(DATABASE_FILE);
        let writer = Store::open(&path, &key, OpenMode::Create).unwrap();
        writer.set_agency("agence", "2026-11-24T09:00:00Z").unwrap();
        let reader = Store::open_reader(&path, &key).unwrap();
        assert_eq!(ClientStore::count_clients(&reader, true).unwrap(), 0);
        // A write transaction under way on the writer (as a long import would hold it).
        writer.conn.execute_batch("BEGIN IMMEDIATE;").unwrap();
        writer
            .conn
            .execute_batch(
                "INSERT INTO clients (kind, last_name, status, sort_key, created_at, updated_at)
                 VALUES ('person', 'Martin', 'client', 'martin', 'x', 'x');",
            )
            .unwrap();
        // Were the reader blocked, it would fail with « database is locked » after the busy
        // timeout instead of answering.
        let page = ClientStore::list_clients(&reader, &ClientQuery::default()).unwrap();
        assert_eq!(page.total, 0, "the uncommitted client is not seen");
        writer.conn.execute_batch("COMMIT;").unwrap();
        assert_eq!(ClientStore::count_clients(&reader, true).unwrap(), 1);
        // It reads the journal's head as the writer does (it once read none).
        let mut writer = writer;
        courtier_port::RenewalStore::record_renewal_settings(
            &mut writer,
            &courtier_port::RenewalSettingsRow::default(),
            "2026-11-24T09:00:00Z",
        )
        .unwrap();
        let head = writer.journal_head().unwrap();
        assert!(head.is_some());
        assert_eq!(reader.journal_head().unwrap(), head);
        // The reader refuses to write.
        let e = reader.set_agency("autre", "x").unwrap_err();
        assert!(matches!(e, DbError::Sqlite(_)), "{e:?}");
        // A file at an older schema is not opened for reading.
        drop((reader, writer));
        let old = dir.path().join("ancien.courtier");
        drop(Store::open_with(&old, &key, OpenMode::Create, &MIGRATIONS[..1]).unwrap());
        assert!(matches!(
            Store::open_reader(&old, &key),
            Err(StoreError::Settings(_))
        ));
        assert!(matches!(
            Store::open_reader(&path, &DbKey::generate()),
            Err(StoreError::WrongKey)
        ));
    }
}
