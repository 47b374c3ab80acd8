use std::path::PathBuf;

/// What can go wrong with the agency file. Messages are in French, for the broker; none carries a
/// key or client data.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("Le fichier d'agence {} est introuvable.", path.display())]
    NotFound { path: PathBuf },
    #[error("Un fichier d'agence existe déjà à l'emplacement {}.", path.display())]
    AlreadyExists { path: PathBuf },
    #[error("Ce programme a été compilé sans SQLCipher : il refuse d'ouvrir le fichier pour ne jamais écrire de données en clair.")]
    NotSqlcipher,
    #[error("La clé ne correspond pas à ce fichier d'agence (mauvaise clé, ou fichier qui n'est pas une base Courtier). Rien n'a été modifié.")]
    WrongKey,
    #[error("SQLCipher a refusé la clé fournie.")]
    KeyRejected,
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
    #[error("Donnée illisible dans la base ({0}).")]
    Corrupt(String),
}

impl StoreError {
    pub(crate) fn from_open(e: rusqlite::Error) -> StoreError {
        StoreError::Open(e.to_string())
    }

    /// A stable, machine-readable code for the front end.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::NotFound { .. } => "agency_not_found",
            StoreError::AlreadyExists { .. } => "already_exists",
            StoreError::NotSqlcipher => "not_sqlcipher",
            StoreError::WrongKey | StoreError::KeyRejected => "wrong_key",
            StoreError::SchemaTooNew { .. } => "schema_too_new",
            StoreError::Migration { .. } => "migration_failed",
            StoreError::Settings(_) | StoreError::Open(_) => "io",
            StoreError::Missing { .. } => "not_found",
            StoreError::Invalid(_) => "invalid_operation",
            StoreError::Sqlite(_) => "database",
            StoreError::Corrupt(_) => "corrupt",
        }
    }
}
