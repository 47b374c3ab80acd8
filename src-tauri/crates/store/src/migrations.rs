//! Append-only numbered migrations, applied in one transaction. Never edit a shipped migration:
//! add the next number.

use crate::DbError;
use rusqlite::Connection;

/// One schema step: its version (1, 2, …, without gaps) and its SQL.
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
        sql: include_str!("../migrations/0010_documents.sql"),
    },
];

/// Brings the schema to the last version of `migrations`, all pending steps in one transaction:
/// either every step applies or the file keeps its previous schema.
/// Returns the schema version the file had before.
pub(crate) fn migrate(conn: &mut Connection, migrations: &[Migration]) -> Result<u32, DbError> {
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
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
    for m in migrations.iter().filter(|m| m.version > current) {
        tx.execute_batch(m.sql).map_err(|e| DbError::Migration {
            version: m.version,
            detail: e.to_string(),
        })?;
        // user_version cannot take a bound parameter; the value is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {}", m.version))
            .map_err(|e| DbError::Migration {
                version: m.version,
                detail: e.to_string(),
            })?;
    }
    tx.commit().map_err(|e| DbError::Migration {
        version: supported,
        detail: e.to_string(),
    })?;
    Ok(current)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
