use serde::{Serialize, Serializer};
use std::fmt;

macro_rules! error_codes {
    ($( $(#[$m:meta])* $variant:ident = $code:literal ),+ $(,)?) => {
        /// What went wrong, for the front end and scripts to branch on: serialised to the stable
        /// strings of the wire (`wrong_key`, `not_found`, `invalid:occurredOn`, …).
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $( $(#[$m])* $variant, )+
            /// A field of a form is wrong: `invalid:<field>` (the field's name as the form sends
            /// it, `premiums[0].amount` for a line of a list).
            Invalid(String),
        }

        impl ErrorCode {
            /// Every code without a field, in declaration order.
            pub const FIXED: &'static [ErrorCode] = &[$(ErrorCode::$variant),+];

            /// The code on the wire, for the codes without a field.
            fn fixed_str(&self) -> Option<&'static str> {
                match self {
                    $(ErrorCode::$variant => Some($code),)+
                    ErrorCode::Invalid(_) => None,
                }
            }

            /// The code a wire string names (the store's and the vault's codes, and ours).
            pub fn parse(s: &str) -> Option<ErrorCode> {
                match s {
                    $($code => Some(ErrorCode::$variant),)+
                    _ => s
                        .strip_prefix("invalid:")
                        .filter(|f| !f.is_empty())
                        .map(|f| ErrorCode::Invalid(f.to_string())),
                }
            }
        }
    };
}

error_codes! {
    /// The agency file is not open.
    AgencyLocked = "agency_locked",
    AgencyNotFound = "agency_not_found",
    AlreadyExists = "already_exists",
    NotSqlcipher = "not_sqlcipher",
    WrongKey = "wrong_key",
    SchemaTooNew = "schema_too_new",
    MigrationFailed = "migration_failed",
    Io = "io",
    NotFound = "not_found",
    /// A request that breaks a rule of the file (a duplicate, a stale version, nothing to do).
    InvalidOperation = "invalid_operation",
    /// Input that is not what the command takes (unreadable JSON, an unknown option value).
    InvalidInput = "invalid_input",
    Database = "database",
    /// The agency file is damaged (empty, cut short, missing while its key file remains).
    Damaged = "damaged",
    /// The agency file was found damaged at opening: open for reading only, every write refused.
    DamagedReadOnly = "damaged_read_only",
    /// The file holds something this version cannot read.
    Corrupt = "corrupt",
    KeychainUnavailable = "keychain_unavailable",
    KeyMissing = "key_missing",
    PassphraseRequired = "passphrase_required",
    EnvKeyRequired = "env_key_required",
    WrongPassphrase = "wrong_passphrase",
    WeakPassphrase = "weak_passphrase",
    WrongRecoveryKey = "wrong_recovery_key",
    InvalidRecoveryKey = "invalid_recovery_key",
    InvalidEnvKey = "invalid_env_key",
    ManifestCorrupt = "manifest_corrupt",
    ManifestTooNew = "manifest_too_new",
    Keychain = "keychain",
    Crypto = "crypto",
    /// A document refused by its content: empty, …
    DocumentEmpty = "document_empty",
    /// … above the agency's size limit, …
    DocumentTooLarge = "document_too_large",
    /// … not a PDF, JPEG, PNG or TIFF (an executable, HEIC, a text…), …
    DocumentUnsupported = "document_unsupported",
    /// … cut short (a PDF without its end, a TIFF whose pages run past the file), …
    DocumentTruncated = "document_truncated",
    /// … or of the right type but unreadable.
    DocumentDamaged = "document_damaged",
    /// A failure of ours.
    Internal = "internal",
}

impl ErrorCode {
    /// The code of a field error.
    pub fn invalid(field: &str) -> ErrorCode {
        ErrorCode::Invalid(field.to_string())
    }

    /// A code received from a lower layer as text: known, or `internal` (a code nobody
    /// declared is our mistake; the message still says what happened).
    fn from_wire(s: &str) -> ErrorCode {
        ErrorCode::parse(s).unwrap_or(ErrorCode::Internal)
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.fixed_str(), self) {
            (Some(s), _) => f.write_str(s),
            (None, ErrorCode::Invalid(field)) => write!(f, "invalid:{field}"),
            (None, _) => f.write_str("internal"),
        }
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Codes are compared with their wire text in tests and scripts: `e.code == "not_found"`.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        match (self.fixed_str(), self) {
            (Some(s), _) => s == *other,
            (None, ErrorCode::Invalid(field)) => other.strip_prefix("invalid:") == Some(field),
            (None, _) => false,
        }
    }
}

/// The one error type of the use cases: a stable `code` the front end branches on, and a French
/// `message` it shows. Serialises to exactly `{ "code": …, "message": … }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError {
            code,
            message: message.into(),
        }
    }

    /// A field of a form is wrong (`invalid:<field>`).
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        AppError::new(ErrorCode::invalid(field), message)
    }

    /// The agency file is not open yet (locked, or not created).
    pub fn locked() -> Self {
        AppError::new(
            ErrorCode::AgencyLocked,
            "Le fichier d'agence n'est pas ouvert. Déverrouillez-le d'abord.",
        )
    }

    /// A failure of ours, not the broker's: the message says so.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        AppError::new(ErrorCode::Internal, format!("Erreur interne : {detail}"))
    }
}

impl From<courtier_port::StoreError> for AppError {
    fn from(e: courtier_port::StoreError) -> Self {
        match e {
            // A refusal of ours, carried through the store's transaction: unchanged.
            courtier_port::StoreError::Derive(d) => {
                AppError::new(ErrorCode::from_wire(&d.code), d.message)
            }
            e => AppError::new(ErrorCode::from_wire(e.code()), e.to_string()),
        }
    }
}

impl From<AppError> for courtier_port::DeriveError {
    fn from(e: AppError) -> Self {
        courtier_port::DeriveError {
            code: e.code.to_string(),
            message: e.message,
        }
    }
}

impl From<courtier_vault::VaultError> for AppError {
    fn from(e: courtier_vault::VaultError) -> Self {
        AppError::new(ErrorCode::from_wire(e.code()), e.to_string())
    }
}

impl From<courtier_domain::client::FieldError> for AppError {
    fn from(e: courtier_domain::client::FieldError) -> Self {
        AppError::field(&e.field, e.message)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn serialises_to_exactly_code_and_message() {
        let e = AppError::new(ErrorCode::WrongKey, "Mauvaise clé.");
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"code":"wrong_key","message":"Mauvaise clé."}"#
        );
    }

    #[test]
    fn every_code_reads_back_from_its_wire_text() {
        for c in ErrorCode::FIXED {
            assert_eq!(ErrorCode::parse(&c.to_string()).as_ref(), Some(c));
        }
        let field = ErrorCode::invalid("premiums[0].amount");
        assert_eq!(field.to_string(), "invalid:premiums[0].amount");
        assert_eq!(ErrorCode::parse("invalid:premiums[0].amount"), Some(field));
        assert_eq!(ErrorCode::parse("invalid:"), None);
        assert_eq!(ErrorCode::parse("meteorite"), None);
    }

    #[test]
    fn the_store_and_the_vault_codes_are_all_declared() {
        use courtier_port::StoreError;
        use courtier_vault::VaultError;
        let store = [
            StoreError::NotFound { path: "x".into() },
            StoreError::AlreadyExists { path: "x".into() },
            StoreError::NotSqlcipher,
            StoreError::WrongKey,
            StoreError::KeyRejected { detail: "x".into() },
            StoreError::SchemaTooNew {
                found: 9,
                supported: 8,
            },
            StoreError::Migration {
                version: 8,
                detail: "x".into(),
            },
            StoreError::Settings("x".into()),
            StoreError::Open("x".into()),
            StoreError::Missing {
                entity: "Client",
                id: 1,
            },
            StoreError::Invalid("x".into()),
            StoreError::Database("x".into()),
            StoreError::Corrupt("x".into()),
            StoreError::Damaged {
                path: "x".into(),
                detail: "x".into(),
            },
            StoreError::ReadOnlyDamaged { detail: "x".into() },
        ];
        for e in store {
            assert!(ErrorCode::parse(e.code()).is_some(), "{}", e.code());
        }
        let vault = [
            VaultError::KeychainUnavailable,
            VaultError::KeyMissing,
            VaultError::PassphraseRequired,
            VaultError::EnvKeyRequired,
            VaultError::WrongPassphrase,
            VaultError::WeakPassphrase(courtier_vault::Weakness::Guessable),
            VaultError::WrongRecoveryKey,
            VaultError::InvalidRecoveryKey("x".into()),
            VaultError::InvalidEnvKey,
            VaultError::ManifestCorrupt("x".into()),
            VaultError::ManifestTooNew(9),
            VaultError::AlreadyExists,
            VaultError::Keychain("x".into()),
            VaultError::Crypto("x"),
            VaultError::Io {
                path: "x".into(),
                detail: "x".into(),
            },
        ];
        for e in vault {
            assert!(ErrorCode::parse(e.code()).is_some(), "{}", e.code());
        }
    }
}
