//! The timeline of a client or of a contract: the same filters, the same printing.

use crate::args::TimelineArgs;
use crate::output::print_json;
use courtier_app::{AppError, Timeline, TimelineQuery};

pub fn timeline_query(a: TimelineArgs) -> TimelineQuery {
    TimelineQuery {
        kinds: a.kind,
        contract_id: a.contract,
        claim_id: a.claim,
        from: a.from,
        to: a.to,
        newest_first: a.newest_first,
    }
}

pub fn print_timeline(t: &Timeline, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(t);
    }
    if t.entries.is_empty() {
        println!("Aucun événement ({} au total avant filtre).", t.total);
    }
    for e in &t.entries {
        let claim = e
            .claim_id
            .map(|c| format!(" [sinistre {c}]"))
            .unwrap_or_default();
        println!("{:<16} {}{claim} — {}", e.date, e.title, e.contract_label);
        if let Some(d) = &e.detail {
            println!("{:<16}   {d}", "");
        }
    }
    Ok(())
}
