//! Renewals: the avis d'échéance sent (`avis_sendings`) and the renewal settings
//! (`renewal_settings`), both append-only and in the journal.

use crate::prelude::*;
use crate::sql::{act, date, iso, query_vec};

const AVIS_SELECT: &str = "SELECT id, contract_id, echeance, sent_on, channel,
        (SELECT recorded_at FROM acts WHERE acts.id = act_id)
     FROM avis_sendings";

fn avis_from_row(r: &Row<'_>) -> rusqlite::Result<AvisSendingRow> {
    Ok(AvisSendingRow {
        id: r.get(0)?,
        contract_id: r.get(1)?,
        echeance: date(r.get(2)?)?,
        sent_on: date(r.get(3)?)?,
        channel: r.get(4)?,
        recorded_at: r.get(5)?,
    })
}

impl Store {
    /// Records an avis d'échéance sent for `contract_id`'s `echeance`.
    pub(crate) fn insert_avis_sending(
        &mut self,
        contract_id: i64,
        echeance: NaiveDate,
        sent_on: NaiveDate,
        channel: &str,
        now: &str,
    ) -> Result<i64, DbError> {
        let exists: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM contracts WHERE id = ?1",
                [contract_id],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_none() {
            return Err(DbError::Missing {
                entity: "Contrat",
                id: contract_id,
            });
        }
        let tx = self.write_tx()?;
        let act = act(&tx, now)?;
        tx.execute(
            "INSERT INTO avis_sendings (contract_id, echeance, sent_on, channel, act_id)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![contract_id, iso(echeance), iso(sent_on), channel, act],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    pub(crate) fn avis_sendings_of_contract(
        &self,
        contract_id: i64,
    ) -> Result<Vec<AvisSendingRow>, DbError> {
        query_vec(
            &self.conn,
            &format!("{AVIS_SELECT} WHERE contract_id = ?1 ORDER BY echeance, sent_on, id"),
            [contract_id],
            avis_from_row,
        )
    }

    pub(crate) fn avis_sendings_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<AvisSendingRow>, DbError> {
        query_vec(
            &self.conn,
            &format!(
                "{AVIS_SELECT} WHERE echeance BETWEEN ?1 AND ?2 ORDER BY contract_id, echeance, sent_on, id"
            ),
            [iso(from), iso(to)],
            avis_from_row,
        )
    }

    pub(crate) fn record_renewal_settings(
        &mut self,
        s: &RenewalSettingsRow,
        now: &str,
    ) -> Result<(), DbError> {
        let tx = self.write_tx()?;
        let act = act(&tx, now)?;
        tx.execute(
            "INSERT INTO renewal_settings (claim_silence_days, advice_review_months, ics_client_names, act_id)
             VALUES (?1, ?2, ?3, ?4)",
            params![s.claim_silence_days, s.advice_review_months, s.ics_client_names, act],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub(crate) fn renewal_settings(&self) -> Result<RenewalSettingsRow, DbError> {
        Ok(self
            .conn
            .query_row(
                "SELECT claim_silence_days, advice_review_months, ics_client_names
                 FROM renewal_settings ORDER BY id DESC LIMIT 1",
                [],
                |r| {
                    Ok(RenewalSettingsRow {
                        claim_silence_days: r.get(0)?,
                        advice_review_months: r.get(1)?,
                        ics_client_names: r.get(2)?,
                    })
                },
            )
            .optional()?
            .unwrap_or_default())
    }
}
