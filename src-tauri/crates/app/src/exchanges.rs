//! The client's exchange log: the broker notes a call, a meeting, a letter or an e-mail written
//! elsewhere, and the consents the client gives or withdraws. Each entry is an append-only fact
//! in the journal; the timeline shows them with the e-mails sent from Courtier, the relevés
//! requested and the avis d'échéance sent.

use crate::input::{channel_and_direction, exchange_at, field, limits, lines};
use crate::{AppError, Courtier};
use courtier_port::{ClientExchangeRow, ExchangeKind};
use serde::{Deserialize, Serialize};

/// An entry of the exchange log, as the forms send it and as it is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientExchangeDto {
    pub id: i64,
    pub client_id: i64,
    /// The contract it is about, if one (one of the client's).
    pub contract_id: Option<i64>,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (a French date `23/11/2026` is accepted).
    pub at: String,
    /// `echange`, `consentement` or `opposition`.
    pub kind: String,
    /// `telephone`, `email`, `courrier`, `rendez_vous`, `autre`.
    pub channel: String,
    /// `entrant` or `sortant`.
    pub direction: String,
    pub summary: String,
    pub recorded_at: String,
}

fn dto(r: ClientExchangeRow) -> ClientExchangeDto {
    ClientExchangeDto {
        id: r.id,
        client_id: r.client_id,
        contract_id: r.contract_id,
        at: r.at,
        kind: r.kind.as_str().into(),
        channel: r.channel.as_str().into(),
        direction: r.direction.as_str().into(),
        summary: r.summary,
        recorded_at: r.recorded_at,
    }
}

/// What an entry's kind code is called (the code itself when unknown).
pub fn exchange_kind_label(code: &str) -> &str {
    match ExchangeKind::parse(code) {
        Some(k) => exchange_kind_title(k),
        None => code,
    }
}

/// What an entry's kind is called on screen and on the timeline.
pub(crate) fn exchange_kind_title(kind: ExchangeKind) -> &'static str {
    match kind {
        ExchangeKind::Echange => "Échange",
        ExchangeKind::Consentement => "Consentement donné",
        ExchangeKind::Opposition => "Consentement retiré / opposition",
    }
}

impl Courtier {
    /// Notes an exchange with `client_id` (or a consent given or withdrawn). The date is not in
    /// the future; the contract, when given, is one of the client's.
    pub fn client_exchange_add(
        &self,
        client_id: i64,
        d: &ClientExchangeDto,
    ) -> Result<ClientExchangeDto, AppError> {
        let kind = ExchangeKind::parse(d.kind.trim())
            .ok_or_else(|| field("kind", "Le type est echange, consentement ou opposition."))?;
        let (channel, direction) = channel_and_direction(&d.channel, &d.direction)?;
        let at = exchange_at(&d.at, self.today())?;
        let summary = lines(Some(&d.summary), "summary", "Le résumé", limits::TEXT)?
            .ok_or_else(|| field("summary", "Le résumé de l'échange est vide."))?;
        let row = ClientExchangeRow {
            id: 0,
            client_id,
            contract_id: d.contract_id,
            at,
            kind,
            channel,
            direction,
            summary,
            recorded_at: String::new(),
        };
        let now = self.now();
        let id = self.with_store(|s| Ok(s.insert_client_exchange(&row, &now)?))?;
        self.client_exchanges(client_id)?
            .into_iter()
            .find(|x| x.id == id)
            .ok_or_else(|| AppError::internal("entrée du journal des échanges introuvable"))
    }

    /// A client's exchange log, oldest first.
    pub fn client_exchanges(&self, client_id: i64) -> Result<Vec<ClientExchangeDto>, AppError> {
        self.client_get(client_id)?;
        Ok(self
            .with_reader(|s| Ok(s.client_exchanges_of_client(client_id)?))?
            .into_iter()
            .map(dto)
            .collect())
    }
}
