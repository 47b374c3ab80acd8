//! E-mail follow-ups in the agency file: the account, the templates, the confirmed messages and
//! their attempts (the outbox), relevé requests. Append-only facts, each write one act.

use crate::exchange_log::chain_new;
use crate::prelude::*;
use crate::sql::{act, query_vec};

const MESSAGE_COLUMNS: &str = "m.id, m.kind, m.client_id, m.contract_id, m.claim_id, m.to_address,
    m.subject, m.body, m.attachments, (SELECT recorded_at FROM acts WHERE acts.id = m.act_id),
    (SELECT r.insurer_id FROM releve_requests r WHERE r.message_id = m.id),
    (SELECT r.requested_on FROM releve_requests r WHERE r.message_id = m.id)";

fn message_row(r: &Row<'_>) -> rusqlite::Result<(MailMessageRow, String)> {
    let attachments: String = r.get(8)?;
    let requested_on: Option<String> = r.get(11)?;
    let releve_request = requested_on
        .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .map(|d| (r.get::<_, Option<i64>>(10).ok().flatten(), d));
    Ok((
        MailMessageRow {
            id: r.get(0)?,
            message: NewMailMessage {
                kind: r.get(1)?,
                client_id: r.get(2)?,
                contract_id: r.get(3)?,
                claim_id: r.get(4)?,
                to_address: r.get(5)?,
                subject: r.get(6)?,
                body: r.get(7)?,
                attachments: Vec::new(),
                releve_request,
            },
            recorded_at: r.get(9)?,
            attempts: Vec::new(),
        },
        attachments,
    ))
}

impl Store {
    pub(crate) fn mail_account(&self) -> Result<Option<MailAccountRow>, DbError> {
        Ok(self
            .conn
            .query_row(
                "SELECT host, port, security, username, from_address, from_name,
                        (SELECT recorded_at FROM acts WHERE acts.id = a.act_id)
                 FROM mail_accounts a ORDER BY id DESC LIMIT 1",
                [],
                |r| {
                    Ok(MailAccountRow {
                        host: r.get(0)?,
                        port: r.get(1)?,
                        security: r.get(2)?,
                        username: r.get(3)?,
                        from_address: r.get(4)?,
                        from_name: r.get(5)?,
                        recorded_at: r.get(6)?,
                    })
                },
            )
            .optional()?)
    }

    pub(crate) fn set_mail_account(
        &mut self,
        a: &MailAccountRow,
        now: &str,
    ) -> Result<(), DbError> {
        let tx = self.write_tx()?;
        let act_id = act(&tx, now)?;
        tx.execute(
            "INSERT INTO mail_accounts (host, port, security, username, from_address, from_name, act_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![a.host, a.port, a.security, a.username, a.from_address, a.from_name, act_id],
        )
        .map_err(|e| {
            crate::sql::constraint(
                e,
                "compte de messagerie refusé (port de 1 à 65535 ; sans chiffrement, seulement vers 127.0.0.1)",
            )
        })?;
        tx.commit()?;
        Ok(())
    }

    pub(crate) fn mail_templates(&self) -> Result<Vec<MailTemplateRow>, DbError> {
        query_vec(
            &self.conn,
            "SELECT kind, subject, body, (SELECT recorded_at FROM acts WHERE acts.id = t.act_id)
             FROM mail_templates t
             WHERE id = (SELECT max(id) FROM mail_templates u WHERE u.kind = t.kind)
             ORDER BY kind",
            [],
            |r| {
                Ok(MailTemplateRow {
                    kind: r.get(0)?,
                    subject: r.get(1)?,
                    body: r.get(2)?,
                    recorded_at: r.get(3)?,
                })
            },
        )
    }

    pub(crate) fn set_mail_template(
        &mut self,
        t: &MailTemplateRow,
        now: &str,
    ) -> Result<(), DbError> {
        let tx = self.write_tx()?;
        let act_id = act(&tx, now)?;
        tx.execute(
            "INSERT INTO mail_templates (kind, subject, body, act_id) VALUES (?1, ?2, ?3, ?4)",
            params![t.kind, t.subject, t.body, act_id],
        )
        .map_err(|e| {
            crate::sql::constraint(e, "modèle de message refusé (type inconnu ou texte vide)")
        })?;
        tx.commit()?;
        Ok(())
    }

    pub(crate) fn record_mail_message(
        &mut self,
        m: &NewMailMessage,
        now: &str,
    ) -> Result<i64, DbError> {
        let attachments = serde_json::to_string(&m.attachments)
            .map_err(|e| DbError::Invalid(format!("pièces jointes illisibles : {e}")))?;
        let tx = self.write_tx()?;
        let act_id = act(&tx, now)?;
        tx.execute(
            "INSERT INTO mail_messages (kind, client_id, contract_id, claim_id, to_address, subject,
                 body, attachments, act_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                m.kind,
                m.client_id,
                m.contract_id,
                m.claim_id,
                m.to_address,
                m.subject,
                m.body,
                attachments,
                act_id
            ],
        )?;
        let id = tx.last_insert_rowid();
        if let Some((insurer, day)) = m.releve_request {
            tx.execute(
                "INSERT INTO releve_requests (client_id, insurer_id, requested_on, message_id, act_id)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![m.client_id, insurer, day.format("%Y-%m-%d").to_string(), id, act_id],
            )?;
        }
        tx.commit()?;
        Ok(id)
    }

    pub(crate) fn record_mail_attempt(
        &mut self,
        id: i64,
        reason: Option<&str>,
        now: &str,
    ) -> Result<(), DbError> {
        let m = self.mail_message(id)?;
        if m.is_sent() {
            return Err(DbError::Invalid(format!(
                "le message n° {id} est déjà parti"
            )));
        }
        let tx = self.write_tx()?;
        let act_id = act(&tx, now)?;
        let seq = m.attempts.len() as i64 + 1;
        tx.execute(
            "INSERT INTO mail_attempts (message_id, seq, outcome, reason, act_id)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                id,
                seq,
                if reason.is_none() { "sent" } else { "failed" },
                reason,
                act_id
            ],
        )?;
        if let (None, Some(claim)) = (reason, m.message.claim_id) {
            let hashes: Vec<String> = m
                .message
                .attachments
                .iter()
                .map(|a| format!("{} (SHA-256 {})", a.file_name, a.sha256))
                .collect();
            let mut summary = format!(
                "E-mail n° {id} à {} : « {} »",
                m.message.to_address, m.message.subject
            );
            if !hashes.is_empty() {
                summary.push_str(&format!(" ; pièces jointes : {}", hashes.join(", ")));
            }
            tx.execute(
                "INSERT INTO claim_communications (claim_id, party_id, at, channel, direction, summary, recorded_at, act_id)
                 VALUES (?1, NULL, ?2, 'email', 'sortant', ?3, ?2, ?4)",
                params![claim, now, summary, act_id],
            )?;
            chain_new(&tx, tx.last_insert_rowid())?;
        }
        tx.commit()?;
        Ok(())
    }

    fn messages_where(
        &self,
        clause: &str,
        p: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<MailMessageRow>, DbError> {
        let rows = query_vec(
            &self.conn,
            &format!("SELECT {MESSAGE_COLUMNS} FROM mail_messages m {clause}"),
            p,
            message_row,
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for (mut m, attachments) in rows {
            m.message.attachments = serde_json::from_str(&attachments).map_err(|e| {
                DbError::Invalid(format!(
                    "pièces jointes du message n° {} illisibles : {e}",
                    m.id
                ))
            })?;
            m.attempts = query_vec(
                &self.conn,
                "SELECT seq, outcome = 'sent', reason, (SELECT recorded_at FROM acts WHERE acts.id = a.act_id)
                 FROM mail_attempts a WHERE message_id = ?1 ORDER BY seq",
                [m.id],
                |r| {
                    Ok(MailAttemptRow {
                        seq: r.get(0)?,
                        sent: r.get(1)?,
                        reason: r.get(2)?,
                        at: r.get(3)?,
                    })
                },
            )?;
            out.push(m);
        }
        Ok(out)
    }

    pub(crate) fn mail_message(&self, id: i64) -> Result<MailMessageRow, DbError> {
        self.messages_where("WHERE m.id = ?1", &[&id])?
            .pop()
            .ok_or(DbError::Missing {
                entity: "Message",
                id,
            })
    }

    pub(crate) fn mail_messages_of_client(
        &self,
        client_id: i64,
    ) -> Result<Vec<MailMessageRow>, DbError> {
        self.messages_where("WHERE m.client_id = ?1 ORDER BY m.id DESC", &[&client_id])
    }

    pub(crate) fn mail_outbox(&self) -> Result<Vec<MailMessageRow>, DbError> {
        self.messages_where(
            "WHERE NOT EXISTS (SELECT 1 FROM mail_attempts a WHERE a.message_id = m.id AND a.outcome = 'sent')
             ORDER BY m.id",
            &[],
        )
    }
}
