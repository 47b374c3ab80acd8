//! The client's exchange log: calls, meetings, letters and e-mails noted by the broker, consents
//! given and withdrawn. Append-only facts; corrections are new entries.

use crate::StoreResult;
use courtier_domain::vocabulary::{Channel, Direction};

/// What an entry of the client's exchange log is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExchangeKind {
    /// A call, a meeting, a letter…: the channel says which.
    Echange,
    /// A consent given (the summary says to what).
    Consentement,
    /// A consent withdrawn, an objection (to canvassing, say).
    Opposition,
}

impl ExchangeKind {
    pub const ALL: [ExchangeKind; 3] = [
        ExchangeKind::Echange,
        ExchangeKind::Consentement,
        ExchangeKind::Opposition,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ExchangeKind::Echange => "echange",
            ExchangeKind::Consentement => "consentement",
            ExchangeKind::Opposition => "opposition",
        }
    }

    pub fn parse(s: &str) -> Option<ExchangeKind> {
        ExchangeKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One entry of a client's exchange log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientExchangeRow {
    pub id: i64,
    pub client_id: i64,
    pub contract_id: Option<i64>,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub at: String,
    pub kind: ExchangeKind,
    pub channel: Channel,
    pub direction: Direction,
    pub summary: String,
    /// When it was recorded (its act's time); empty in a row to insert.
    pub recorded_at: String,
}

/// What the exchange-log use cases need from the agency store.
pub trait ExchangeStore {
    /// Records an entry; the client must exist, and the contract, when given, must be theirs.
    fn insert_client_exchange(&mut self, row: &ClientExchangeRow, now: &str) -> StoreResult<i64>;
    /// A client's entries, oldest first.
    fn client_exchanges_of_client(&self, client_id: i64) -> StoreResult<Vec<ClientExchangeRow>>;
}
