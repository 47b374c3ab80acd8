//! Append-only numbered migrations, applied in one transaction. Never edit a shipped migration:
//! add the next number.

use crate::DbError;
use rusqlite::Connection;

/// One schema step: its version (its file's number, increasing) and its SQL.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: u32,
    pub sql: &'static str,
}

/// The migrations of this build, in order.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        sql: include_str!("../migrations/0001_clients.sql"),
    },
    Migration {
        version: 2,
        sql: include_str!("../migrations/0002_contracts.sql"),
    },
    Migration {
        version: 3,
        sql: include_str!("../migrations/0003_claim_facts.sql"),
    },
    Migration {
        version: 4,
        sql: include_str!("../migrations/0004_client_revisions.sql"),
    },
    Migration {
        version: 5,
        sql: include_str!("../migrations/0005_derived_coefficients.sql"),
    },
    Migration {
        version: 6,
        sql: include_str!("../migrations/0006_client_sort_columns.sql"),
    },
    Migration {
        version: 7,
        sql: include_str!("../migrations/0007_contentless_search.sql"),
    },
    Migration {
        version: 8,
        sql: include_str!("../migrations/0008_compact_facts.sql"),
    },
    Migration {
        version: 9,
        sql: include_str!("../migrations/0009_client_counts.sql"),
    },
    Migration {
        version: 10,
        sql: include_str!("../migrations/0010_aggravations.sql"),
    },
    Migration {
        version: 11,
        sql: include_str!("../migrations/0011_journal.sql"),
    },
    Migration {
        version: 12,
        sql: include_str!("../migrations/0012_identifier_search.sql"),
    },
    Migration {
        version: 13,
        sql: include_str!("../migrations/0013_documents.sql"),
    },
    Migration {
        version: 14,
        sql: include_str!("../migrations/0014_agency_identity.sql"),
    },
    Migration {
        version: 15,
        sql: include_str!("../migrations/0015_renewals.sql"),
    },
    Migration {
        version: 16,
        sql: include_str!("../migrations/0016_mail.sql"),
    },
    Migration {
        version: 17,
        sql: include_str!("../migrations/0017_claim_responsibility.sql"),
    },
    Migration {
        version: 18,
        sql: include_str!("../migrations/0018_reminders.sql"),
    },
    Migration {
        version: 20,
        sql: include_str!("../migrations/0020_calendar_reads.sql"),
    },
    Migration {
        version: 21,
        sql: include_str!("../migrations/0021_document_details.sql"),
    },
    Migration {
        version: 22,
        sql: include_str!("../migrations/0022_client_exchanges.sql"),
    },
];

/// The schema version of this build (the last migration's: numbers are those given to each
/// change, so two changes developed side by side keep theirs).
pub const SCHEMA_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// The version from which each claim keeps its responsibility in force (filled at the upgrade).
pub(crate) const RESPONSIBILITY_VERSION: u32 = 17;

/// The version from which every act has its link in the journal (`journal.rs`).
pub(crate) const JOURNAL_VERSION: u32 = 11;

/// Brings the schema to the last version of `migrations`, all pending steps in one transaction:
/// either every step applies or the file keeps its previous schema.
/// `after` runs in the same transaction once the SQL steps are applied, with the version the file
/// had before (what SQL cannot do: the exchange hashes, the journal's keyed links).
/// Foreign keys are off while the steps run (SQLite's advice for schema changes: a table other
/// rows refer to can be rebuilt), and on again after, whatever happened.
/// Returns the schema version the file had before.
pub(crate) fn migrate(
    conn: &mut Connection,
    migrations: &[Migration],
    after: impl FnOnce(&rusqlite::Transaction<'_>, u32) -> Result<(), DbError>,
) -> Result<u32, DbError> {
    let supported = migrations.last().map_or(0, |m| m.version);
    let current: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > supported {
        return Err(DbError::SchemaTooNew {
            found: current,
            supported,
        });
    }
    if current == supported {
        return Ok(current);
    }
    conn.execute_batch("PRAGMA foreign_keys = OFF;")?;
    let applied = apply(conn, migrations, current, supported, after);
    conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    applied?;
    Ok(current)
}

fn apply(
    conn: &mut Connection,
    migrations: &[Migration],
    current: u32,
    supported: u32,
    after: impl FnOnce(&rusqlite::Transaction<'_>, u32) -> Result<(), DbError>,
) -> Result<(), DbError> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
    for m in migrations.iter().filter(|m| m.version > current) {
        tx.execute_batch(m.sql).map_err(|e| {
            if reason(&e).contains("already exists") {
                // The tables of this step are there already: the file's version number is
                // wrong, not the step. Said so, without SQLite's text (which quotes the SQL).
                DbError::VersionDamaged(format!(
                    "son numéro de schéma (user_version = {current}) ne correspond pas aux tables qu'il contient : cet en-tête a été modifié"
                ))
            } else {
                DbError::Migration {
                    version: m.version,
                    detail: reason(&e),
                }
            }
        })?;
        // user_version cannot take a bound parameter; the value is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {}", m.version))
            .map_err(|e| DbError::Migration {
                version: m.version,
                detail: reason(&e),
            })?;
    }
    after(&tx, current)?;
    tx.commit().map_err(|e| DbError::Migration {
        version: supported,
        detail: reason(&e),
    })?;
    Ok(())
}

/// SQLite's reason for a failed step, without the statement it quotes (a migration's whole SQL
/// would otherwise be printed to the broker).
fn reason(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(msg)) => msg.clone(),
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        rusqlite::Error::SqliteFailure(f, None) => format!("{:?}", f.code),
        e => format!("{e:?}").chars().take(200).collect(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) mod tests;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod upgrade_10_tests;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod journal_tests;
