use std::path::Path;

/// What can go wrong with the key. Messages are French, for the broker; none ever carries a key.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("Aucun trousseau système ne répond (service Secret Service absent) : choisissez une phrase de passe pour protéger la clé du fichier d'agence.")]
    KeychainUnavailable,
    #[error("La clé de ce fichier d'agence est introuvable dans le trousseau du système. Ouvrez-le avec la clé de secours imprimée à sa création : Courtier ne crée jamais de nouvelle clé pour un fichier existant, ce qui perdrait ses données.")]
    KeyMissing,
    #[error(
        "Ce fichier d'agence est protégé par une phrase de passe : saisissez-la pour l'ouvrir."
    )]
    PassphraseRequired,
    #[error("Ce fichier d'agence a été créé avec une clé fournie par COURTIER_DB_KEY : fournissez-la à nouveau, ou ouvrez-le avec la clé de secours.")]
    EnvKeyRequired,
    #[error("Phrase de passe incorrecte.")]
    WrongPassphrase,
    #[error("{0}")]
    WeakPassphrase(crate::Weakness),
    #[error("Cette clé de secours ne correspond pas à ce fichier d'agence.")]
    WrongRecoveryKey,
    #[error("Clé de secours mal formée : {0}")]
    InvalidRecoveryKey(String),
    #[error("COURTIER_DB_KEY doit contenir exactement 64 caractères hexadécimaux.")]
    InvalidEnvKey,
    #[error("Le fichier de clés agency.json est illisible : {0}")]
    ManifestCorrupt(String),
    #[error("Le fichier de clés agency.json vient d'une version plus récente de Courtier (format {0}) : mettez Courtier à jour.")]
    ManifestTooNew(u32),
    #[error("Un fichier d'agence existe déjà dans ce dossier.")]
    AlreadyExists,
    #[error("Accès au fichier {path} impossible : {detail}")]
    Io { path: String, detail: String },
    #[error("Le trousseau du système a refusé l'opération : {0}")]
    Keychain(String),
    #[error("Erreur de chiffrement : {0}")]
    Crypto(&'static str),
}

impl VaultError {
    pub(crate) fn io(path: &Path, e: std::io::Error) -> Self {
        VaultError::Io {
            path: path.display().to_string(),
            detail: e.to_string(),
        }
    }

    /// A stable machine-readable code for the front end.
    pub fn code(&self) -> &'static str {
        match self {
            VaultError::KeychainUnavailable => "keychain_unavailable",
            VaultError::KeyMissing => "key_missing",
            VaultError::PassphraseRequired => "passphrase_required",
            VaultError::EnvKeyRequired => "env_key_required",
            VaultError::WrongPassphrase => "wrong_passphrase",
            VaultError::WeakPassphrase(_) => "weak_passphrase",
            VaultError::WrongRecoveryKey => "wrong_recovery_key",
            VaultError::InvalidRecoveryKey(_) => "invalid_recovery_key",
            VaultError::InvalidEnvKey => "invalid_env_key",
            VaultError::ManifestCorrupt(_) => "manifest_corrupt",
            VaultError::ManifestTooNew(_) => "manifest_too_new",
            VaultError::AlreadyExists => "already_exists",
            VaultError::Io { .. } => "io",
            VaultError::Keychain(_) => "keychain",
            VaultError::Crypto(_) => "crypto",
        }
    }
}
