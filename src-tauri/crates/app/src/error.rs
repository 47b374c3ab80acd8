use serde::Serialize;

/// The one error type of the use cases: a stable `code` the front end branches on, and a French
/// `message` it shows. Serialises to exactly `{ "code": …, "message": … }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub code: String,
    pub message: String,
}

impl AppError {
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        AppError {
            code: code.into(),
            message: message.into(),
        }
    }

    /// The agency file is not open yet (locked, or not created).
    pub fn locked() -> Self {
        AppError::new(
            "agency_locked",
            "Le fichier d'agence n'est pas ouvert. Déverrouillez-le d'abord.",
        )
    }

    /// A failure of ours, not the broker's: the message says so.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        AppError::new("internal", format!("Erreur interne : {detail}"))
    }
}

impl From<courtier_port::StoreError> for AppError {
    fn from(e: courtier_port::StoreError) -> Self {
        match e {
            // A refusal of ours, carried through the store's transaction: unchanged.
            courtier_port::StoreError::Derive(d) => AppError::new(d.code, d.message),
            e => AppError::new(e.code(), e.to_string()),
        }
    }
}

impl From<AppError> for courtier_port::DeriveError {
    fn from(e: AppError) -> Self {
        courtier_port::DeriveError {
            code: e.code,
            message: e.message,
        }
    }
}

impl From<courtier_vault::VaultError> for AppError {
    fn from(e: courtier_vault::VaultError) -> Self {
        AppError::new(e.code(), e.to_string())
    }
}

impl From<courtier_domain::client::FieldError> for AppError {
    fn from(e: courtier_domain::client::FieldError) -> Self {
        AppError::new(format!("invalid:{}", e.field), e.message)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn serialises_to_exactly_code_and_message() {
        let e = AppError::new("wrong_key", "Mauvaise clé.");
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"code":"wrong_key","message":"Mauvaise clé."}"#
        );
    }
}
