//! Where the agency file stands, what opening it gave, what a demo load saved.

use serde::Serialize;

/// The result of opening (or creating) the agency file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgencyOpened {
    /// Always `"open"`.
    pub state: &'static str,
    /// True when the file was just created.
    pub created: bool,
    /// The recovery key, shown once, only when the file was just created.
    pub recovery_key: Option<String>,
    pub data_dir: String,
    /// `keychain`, `passphrase` or `environment`.
    pub storage: String,
    /// Set when the file was found damaged at opening: it is open read-only (every write is
    /// refused with `damaged_read_only`), and this says what is wrong, in French.
    pub damage: Option<String>,
    /// True while the pages of a large file are being verified on a thread of their own
    /// (`agency_verification` waits for the outcome; writes wait for it too).
    pub verifying: bool,
}

/// Where the agency file stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgencyStatus {
    /// `open`, `locked` (exists, not unlocked yet) or `absent` (no agency file yet).
    pub state: &'static str,
    pub data_dir: String,
    pub storage: Option<String>,
    pub app_version: &'static str,
    pub client_count: Option<u64>,
    /// Set when the open file was found damaged at opening (read-only), as in [`AgencyOpened`].
    pub damage: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoLoaded {
    pub clients: u64,
    pub households: u64,
    pub contracts: u64,
    pub claims: u64,
}
