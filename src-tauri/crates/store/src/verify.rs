//! The verification of an agency file's pages, before anything is written to it.
//!
//! Every page of an SQLCipher file carries a MAC: a flipped byte anywhere makes its page fail to
//! decrypt. `PRAGMA cipher_integrity_check` reads every page of the file and checks its MAC,
//! without parsing it: 4 to 5 times faster than `PRAGMA quick_check` (which decrypts the same
//! pages and walks every B-tree), and it sees free pages too (figures in the README). A small
//! file is verified before it is opened; a large one on a thread of its own, its writes waiting
//! for the outcome. A file that fails is read-only: what can still be read stays readable, and
//! nothing more is written to it.
//!
//! SQLite's own wording (in English) never reaches the broker: the finding is said in French.

use crate::DbError;
use courtier_port::Verification;
use courtier_vault::DbKey;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// What the verification found: `None` when every page reads back sound, otherwise the damage in
/// French (for [`courtier_port::StoreError::ReadOnlyDamaged`]).
pub(crate) fn damage(conn: &Connection) -> Result<Option<String>, DbError> {
    let lines = match cipher_check(conn) {
        Ok(lines) => lines,
        Err(e) if is_damage(&e) => return Ok(Some(unreadable_page())),
        Err(e) => return Err(e.into()),
    };
    if lines.is_empty() {
        return Ok(None);
    }
    let failing = lines.iter().filter(|l| l.contains("HMAC")).count() as u64;
    Ok(Some(if failing > 0 {
        unreadable_pages(failing, page_total(conn))
    } else {
        problem_count(lines.len())
    }))
}

/// `PRAGMA cipher_integrity_check`: the MAC of every page of the file, without parsing them;
/// one line per page in fault, none when sound.
fn cipher_check(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut st = conn.prepare("PRAGMA cipher_integrity_check")?;
    let rows = st.query_map([], |r| r.get::<_, String>(0))?;
    rows.collect()
}

/// The file's pages, from its length (the first page may be the unreadable one).
fn page_total(conn: &Connection) -> u64 {
    conn.path()
        .and_then(|p| std::fs::metadata(p).ok())
        .map_or(0, |m| m.len() / 4096)
}

/// Verifies the pages of a large file on a thread of its own, through its own read-only
/// connection; the outcome in the returned handle. A verification that cannot run (the file
/// gone, no memory for a thread) leaves the file as sound as before: only a page that does not
/// decrypt makes it read-only.
pub(crate) fn in_background(path: &Path, key: &DbKey) -> Verification {
    let v = Verification::pending();
    let (w, path, key) = (v.clone(), path.to_path_buf(), key.clone());
    let run = move || {
        let outcome = (|| {
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(&path, flags).map_err(DbError::from_open)?;
            let conn = crate::key_connection(conn, &key)?;
            damage(&conn)
        })();
        w.finish(outcome.unwrap_or(None));
    };
    if std::thread::Builder::new()
        .name("verification-pages".into())
        .spawn(run)
        .is_err()
    {
        v.finish(None);
    }
    v
}

/// The damage `integrity_check` found, in French: the pages that no longer decrypt if there
/// are (a second reading of the file, only on a damaged one), else the count of its findings.
fn describe(conn: &Connection, problems: usize) -> String {
    match failing_pages(conn) {
        Some((failing, total)) if failing > 0 => unreadable_pages(failing, total),
        _ => problem_count(problems),
    }
}

fn problem_count(problems: usize) -> String {
    let s = if problems > 1 { "s" } else { "" };
    format!("la vérification de ses pages a relevé {problems} incohérence{s} de structure")
}

/// A page that fails its MAC or a structure SQLite cannot walk: the file itself is damaged
/// (not a wrong key, which fails the very first read, nor a busy file).
pub(crate) fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(f.code, rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

pub(crate) fn unreadable_page() -> String {
    "une de ses pages ne se déchiffre plus, son contenu a été modifié hors de Courtier : disque défectueux, copie interrompue, octet changé".into()
}

pub(crate) fn unreadable_pages(failing: u64, total: u64) -> String {
    if failing == 1 {
        format!("une de ses {total} pages ne se déchiffre plus, son contenu a été modifié hors de Courtier : disque défectueux, copie interrompue, octet changé")
    } else {
        format!("{failing} de ses {total} pages ne se déchiffrent plus, leur contenu a été modifié hors de Courtier : disque défectueux, copie interrompue, octet changé")
    }
}

/// The French lines `courtier check` shows for a damaged file, in place of SQLite's.
pub(crate) fn integrity_lines(conn: &Connection) -> Result<Vec<String>, DbError> {
    let problems = match integrity_check(conn) {
        Ok(lines) if lines.len() == 1 && lines[0] == "ok" => return Ok(lines),
        Ok(lines) => lines.len(),
        Err(e) if is_damage(&e) => 1,
        Err(e) => return Err(e.into()),
    };
    Ok(vec![describe(conn, problems)])
}

fn integrity_check(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut st = conn.prepare("PRAGMA integrity_check")?;
    let rows = st.query_map([], |r| r.get::<_, String>(0))?;
    rows.collect()
}

/// How many pages fail their MAC, out of how many (`PRAGMA cipher_integrity_check`, which reads
/// every page of the file without parsing it); `None` when it cannot tell.
pub(crate) fn failing_pages(conn: &Connection) -> Option<(u64, u64)> {
    // The first page cannot be read to ask SQLite: the file's length says it.
    let total = std::fs::metadata(conn.path()?).ok()?.len() / 4096;
    let mut st = conn.prepare("PRAGMA cipher_integrity_check").ok()?;
    let failing = st
        .query_map([], |r| r.get::<_, String>(0))
        .ok()?
        .filter_map(Result::ok)
        .filter(|l| l.contains("HMAC"))
        .count();
    Some((failing as u64, total))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::{OpenMode, Store, DATABASE_FILE};
    use courtier_port::{AgencyFile, StoreError};
    use courtier_vault::DbKey;

    #[test]
    fn a_changed_byte_opens_the_file_read_only_and_every_write_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let key = DbKey::generate();
        let path = dir.path().join(DATABASE_FILE);
        let s = Store::open(&path, &key, OpenMode::Create).unwrap();
        s.conn
            .execute_batch(
                "CREATE TABLE filler (x BLOB);
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
                 INSERT INTO filler SELECT randomblob(200) FROM n;",
            )
            .unwrap();
        s.checkpoint().unwrap();
        drop(s);
        let sound = Store::open(&path, &key, OpenMode::Existing).unwrap();
        assert_eq!(sound.damage(), None);
        drop(sound);
        let mut bytes = std::fs::read(&path).unwrap();
        let last_page = bytes.len() / 4096 - 1;
        bytes[last_page * 4096 + 500] ^= 0x40;
        std::fs::write(&path, &bytes).unwrap();

        let s = Store::open(&path, &key, OpenMode::Existing).unwrap();
        let damage = s.damage().unwrap();
        assert!(
            damage.contains("une de ses") && damage.contains("ne se déchiffre plus"),
            "{damage}"
        );
        assert_eq!(AgencyFile::damage(&s), Some(damage.clone()));
        let refused = AgencyFile::set_agency(&s, "agence", "2026-12-02T09:00:00Z").unwrap_err();
        assert!(
            matches!(&refused, StoreError::ReadOnlyDamaged { .. }),
            "{refused:?}"
        );
        assert_eq!(refused.code(), "damaged_read_only");
        // Reads work; the check says what is wrong in French.
        assert!(AgencyFile::schema_version(&s).unwrap() > 0);
        let lines = s.integrity_check().unwrap();
        assert_eq!(lines.len(), 1);
        assert!(lines[0].contains("ne se déchiffre plus"), "{lines:?}");
        s.checkpoint().unwrap();
        drop(s);
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "not a byte written");
    }

    #[test]
    fn a_large_file_is_verified_on_its_own_thread_and_its_writes_wait_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let key = DbKey::generate();
        let path = dir.path().join(DATABASE_FILE);
        let s = Store::open(&path, &key, OpenMode::Create).unwrap();
        s.conn
            .execute_batch(
                "CREATE TABLE filler (x BLOB);
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4500)
                 INSERT INTO filler SELECT randomblob(4000) FROM n;",
            )
            .unwrap();
        s.checkpoint().unwrap();
        drop(s);
        let mut bytes = std::fs::read(&path).unwrap();
        assert!(
            bytes.len() as u64 > crate::VERIFY_AT_ONCE,
            "{}",
            bytes.len()
        );
        let middle = bytes.len() / 4096 / 2;
        bytes[middle * 4096 + 123] ^= 0x08;
        std::fs::write(&path, &bytes).unwrap();

        let s = Store::open(&path, &key, OpenMode::Existing).unwrap();
        // The write waits for the verification under way, then is refused.
        let refused = AgencyFile::set_agency(&s, "agence", "2026-12-02T09:00:00Z").unwrap_err();
        assert!(
            matches!(&refused, StoreError::ReadOnlyDamaged { .. }),
            "{refused:?}"
        );
        let damage = s.verification().wait().unwrap();
        assert!(damage.contains("ne se déchiffre plus"), "{damage}");
        assert_eq!(s.damage(), Some(damage));
        s.checkpoint().unwrap();
        drop(s);
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "not a byte written");
    }

    #[test]
    fn a_damaged_schema_number_is_said_without_the_migrations_sql() {
        let dir = tempfile::tempdir().unwrap();
        let key = DbKey::generate();
        let path = dir.path().join(DATABASE_FILE);
        let s = Store::open(&path, &key, OpenMode::Create).unwrap();
        s.conn.execute_batch("PRAGMA user_version = 2;").unwrap();
        drop(s);
        let e = Store::open(&path, &key, OpenMode::Existing).unwrap_err();
        assert!(matches!(e, StoreError::Damaged { .. }), "{e:?}");
        let m = e.to_string();
        assert!(m.contains("user_version = 2"), "{m}");
        assert!(
            !m.contains("CREATE") && !m.contains("already exists"),
            "{m}"
        );
    }

    /// The cost of the verification on a real agency file: `COURTIER_MEASURE_FILE` (a path) and
    /// `COURTIER_DB_KEY`; run with `cargo test --release -p courtier-store --lib measure --
    /// --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement on a file made by `courtier demo`"]
    fn measure_the_page_checks() {
        let path = std::path::PathBuf::from(std::env::var("COURTIER_MEASURE_FILE").unwrap());
        let key = courtier_vault::env_key_from(std::env::var("COURTIER_DB_KEY").ok().as_deref())
            .unwrap()
            .unwrap();
        let len = std::fs::metadata(&path).unwrap().len();
        println!("fichier : {} Mo", len / 1_000_000);
        // `COURTIER_MEASURE_PRAGMAS=quick_check,cipher_integrity_check` (or `none`).
        let pragmas: Vec<String> = std::env::var("COURTIER_MEASURE_PRAGMAS")
            .unwrap_or_else(|_| "quick_check,cipher_integrity_check,integrity_check".into())
            .split(',')
            .filter(|p| !p.is_empty() && *p != "none")
            .map(str::to_string)
            .collect();
        for pragma in &pragmas {
            for run in 0..2 {
                let conn = rusqlite::Connection::open(&path).unwrap();
                let conn = crate::key_connection(conn, &key).unwrap();
                let t = std::time::Instant::now();
                let mut st = conn.prepare(&format!("PRAGMA {pragma}")).unwrap();
                let n = st.query_map([], |_| Ok(())).unwrap().count();
                println!("{pragma} run {run}: {:?} ({n} lignes)", t.elapsed());
            }
        }
        for run in 0..3 {
            let t = std::time::Instant::now();
            let s = Store::open(&path, &key, OpenMode::Existing).unwrap();
            println!("Store::open run {run}: {:?}", t.elapsed());
            assert_eq!(s.verification().wait(), None);
            println!("  verified after {:?}", t.elapsed());
        }
    }
}
