use courtier_port::{DeriveError, StoreError};
use std::path::PathBuf;

/// What can go wrong inside the SQLCipher store. It never leaves this crate: at the port it
/// becomes [`courtier_port::StoreError`], SQLite's own errors reduced to their text.
#[derive(Debug, thiserror::Error)]
pub(crate) enum DbError {
    #[error("Le fichier d'agence {} est introuvable.", path.display())]
    NotFound { path: PathBuf },
    #[error("Un fichier d'agence existe déjà à l'emplacement {}.", path.display())]
    AlreadyExists { path: PathBuf },
    #[error("Ce programme a été compilé sans SQLCipher : il refuse d'ouvrir le fichier pour ne jamais écrire de données en clair.")]
    NotSqlcipher,
    #[error("La clé ne correspond pas à ce fichier d'agence (mauvaise clé, ou fichier qui n'est pas une base Courtier). Rien n'a été modifié.")]
    WrongKey,
    /// The key pragma itself failed (SQLCipher's reason in `detail`, which never holds the key).
    #[error("SQLCipher a refusé la clé fournie ({detail}).")]
    KeyRejected { detail: String },
    #[error("Ce fichier d'agence a été créé par une version plus récente de Courtier (schéma {found}, cette version connaît jusqu'au schéma {supported}). Mettez Courtier à jour pour l'ouvrir ; le fichier n'a pas été modifié.")]
    SchemaTooNew { found: u32, supported: u32 },
    #[error("La mise à jour du schéma vers la version {version} a échoué ; le fichier est resté au schéma précédent. Détail : {detail}")]
    Migration { version: u32, detail: String },
    #[error("Réglage de la base impossible : {0}.")]
    Settings(String),
    #[error("Impossible d'ouvrir le fichier d'agence : {0}")]
    Open(String),
    #[error("{entity} n° {id} introuvable.")]
    Missing { entity: &'static str, id: i64 },
    #[error("Opération impossible : {0}")]
    Invalid(String),
    #[error("Erreur de la base de données : {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("fichier d'agence {} endommagé : {detail}", path.display())]
    Damaged { path: PathBuf, detail: String },
    #[error("{}", .0.message)]
    Derive(DeriveError),
    /// The file's schema version does not match its tables (at migration; its path is added by
    /// the opening, as [`DbError::Damaged`]).
    #[error("fichier d'agence endommagé : {0}")]
    VersionDamaged(String),
    /// A write on a file found damaged at opening.
    #[error("fichier d'agence endommagé, ouvert en lecture seule : {detail}")]
    ReadOnlyDamaged { detail: String },
}

impl DbError {
    pub(crate) fn from_open(e: rusqlite::Error) -> DbError {
        DbError::Open(e.to_string())
    }
}

impl From<DbError> for StoreError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound { path } => StoreError::NotFound { path },
            DbError::AlreadyExists { path } => StoreError::AlreadyExists { path },
            DbError::NotSqlcipher => StoreError::NotSqlcipher,
            DbError::WrongKey => StoreError::WrongKey,
            DbError::KeyRejected { detail } => StoreError::KeyRejected { detail },
            DbError::SchemaTooNew { found, supported } => {
                StoreError::SchemaTooNew { found, supported }
            }
            DbError::Migration { version, detail } => StoreError::Migration { version, detail },
            DbError::Settings(s) => StoreError::Settings(s),
            DbError::Open(s) => StoreError::Open(s),
            DbError::Missing { entity, id } => StoreError::Missing { entity, id },
            DbError::Invalid(s) => StoreError::Invalid(s),
            DbError::Sqlite(e) => sqlite_in_french(&e),
            DbError::Derive(d) => StoreError::Derive(d),
            DbError::Damaged { path, detail } => StoreError::Damaged { path, detail },
            DbError::VersionDamaged(detail) => StoreError::Damaged {
                path: PathBuf::new(),
                detail,
            },
            DbError::ReadOnlyDamaged { detail } => StoreError::ReadOnlyDamaged { detail },
        }
    }
}

/// SQLite's errors in French for the broker: the common ones by their code, with what to do;
/// the others with SQLite's own text (in English) after a French sentence, so that nothing
/// reaches the window untranslated but a detail a support person may need.
fn sqlite_in_french(e: &rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode as C;
    let code = match e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
        _ => None,
    };
    let text = match code {
        Some(C::DatabaseBusy | C::DatabaseLocked) => {
            "le fichier d'agence est occupé par un autre programme (une autre fenêtre de Courtier, une commande en cours) depuis plus de 5 secondes ; rien n'a été enregistré, réessayez"
        }
        Some(C::DiskFull) => {
            "le disque est plein : rien n'a été enregistré ; libérez de la place puis réessayez"
        }
        Some(C::ReadOnly) => {
            "le fichier d'agence n'est accessible qu'en lecture (droits du fichier ou du dossier, support protégé) : rien n'a été enregistré"
        }
        Some(C::DatabaseCorrupt | C::NotADatabase) => {
            "le fichier d'agence est endommagé : rien n'a été enregistré ; restaurez une sauvegarde"
        }
        Some(C::SystemIoFailure) => {
            "le disque a refusé une lecture ou une écriture : rien n'a été enregistré"
        }
        Some(C::CannotOpen) => "le fichier d'agence ne peut pas être ouvert (dossier absent ou droits)",
        Some(C::OutOfMemory) => "mémoire insuffisante pour cette opération : rien n'a été enregistré",
        Some(C::ConstraintViolation) => {
            "le fichier d'agence a refusé cette écriture, contraire à l'une de ses règles (un fait enregistré ne se modifie ni ne s'efface ; pas de doublon ; pas de lien vers une fiche absente) : rien n'a été enregistré"
        }
        // No English from SQLite: its code, for a support person.
        _ => {
            let detail = match e {
                rusqlite::Error::SqliteFailure(f, _) => format!("code {}", f.extended_code),
                e => format!("{e:?}")
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or_default()
                    .to_string(),
            };
            return StoreError::Database(format!("opération refusée par SQLite ({detail})"));
        }
    };
    StoreError::Database(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_errors_reach_the_broker_in_french() {
        let busy = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("database is locked".into()),
        );
        let m = StoreError::from(DbError::Sqlite(busy)).to_string();
        assert!(m.contains("occupé par un autre programme"), "{m}");
        assert!(!m.contains("database is locked"), "{m}");
        let full = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            None,
        );
        assert!(StoreError::from(DbError::Sqlite(full))
            .to_string()
            .contains("le disque est plein"));
        let other = StoreError::from(DbError::Sqlite(rusqlite::Error::InvalidQuery)).to_string();
        assert_eq!(
            other,
            "Erreur de la base de données : opération refusée par SQLite (InvalidQuery)"
        );
        let trigger = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_TRIGGER),
            Some("append-only: claim_amounts".into()),
        );
        let m = StoreError::from(DbError::Sqlite(trigger)).to_string();
        assert!(m.contains("un fait enregistré ne se modifie"), "{m}");
        assert!(!m.contains("append-only"), "{m}");
        let io = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_PROTOCOL),
            Some("locking protocol".into()),
        );
        let m = StoreError::from(DbError::Sqlite(io)).to_string();
        assert!(m.ends_with("(code 15)") && !m.contains("locking"), "{m}");
    }
}
