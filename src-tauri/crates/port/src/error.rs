use std::path::PathBuf;

/// What can go wrong with the agency store, whatever keeps it. Messages are in French, for the
/// broker; none carries a key or client data. A store's own error types (SQLite's, a server's)
/// never cross this port: they become [`StoreError::Database`] with their text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
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
    Database(String),
    /// The agency file is there but cannot be what Courtier wrote (empty, cut short, or gone
    /// while its key file remains): never taken for a new agency, nothing written to it.
    #[error("Le fichier d'agence {} est endommagé ({detail}). Courtier n'y a rien écrit et n'en crée pas un nouveau à sa place : restaurez-le depuis une sauvegarde, ou gardez-le tel quel pour un examen.", path.display())]
    Damaged { path: PathBuf, detail: String },
    /// The pages verified at opening (or a read since) show the file damaged: it stays open for
    /// reading, and every write is refused so that nothing more is written to it.
    #[error("Le fichier d'agence est endommagé ({detail}) : il est ouvert en lecture seule et rien n'y a été enregistré. Vous pouvez consulter et exporter ce qu'il contient ; pour travailler à nouveau, restaurez une sauvegarde (remplacez agence.courtier par la copie sauvegardée, Courtier fermé).")]
    ReadOnlyDamaged { detail: String },
    #[error("Donnée illisible dans la base ({0}).")]
    Corrupt(String),
    /// The derived state could not be computed from the facts (the caller's rule refused them):
    /// nothing was written, and the caller's own code and message come back unchanged.
    #[error("{}", .0.message)]
    Derive(DeriveError),
}

/// A refusal of the function that derives state from the facts (the coefficient engine), as the
/// use cases put it: their error code and French message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeriveError {
    pub code: String,
    pub message: String,
}

/// The result of every port method.
pub type StoreResult<T> = Result<T, StoreError>;

impl StoreError {
    /// A stable, machine-readable code for the front end.
    pub fn code(&self) -> &str {
        match self {
            StoreError::NotFound { .. } => "agency_not_found",
            StoreError::AlreadyExists { .. } => "already_exists",
            StoreError::NotSqlcipher => "not_sqlcipher",
            StoreError::WrongKey | StoreError::KeyRejected { .. } => "wrong_key",
            StoreError::SchemaTooNew { .. } => "schema_too_new",
            StoreError::Migration { .. } => "migration_failed",
            StoreError::Settings(_) | StoreError::Open(_) => "io",
            StoreError::Missing { .. } => "not_found",
            StoreError::Invalid(_) => "invalid_operation",
            StoreError::Database(_) => "database",
            StoreError::Damaged { .. } => "damaged",
            StoreError::ReadOnlyDamaged { .. } => "damaged_read_only",
            StoreError::Corrupt(_) => "corrupt",
            StoreError::Derive(d) => &d.code,
        }
    }
}
