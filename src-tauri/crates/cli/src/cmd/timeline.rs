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
        let releve = e
            .releve_id
            .map(|r| format!(" [relevé {r}]"))
            .unwrap_or_default();
        match &e.contract_label {
            Some(k) => println!("{:<16} {}{claim}{releve} — {k}", e.date, e.title),
            None => println!("{:<16} {}{claim}{releve}", e.date, e.title),
        }
        if let Some(d) = &e.detail {
            println!("{:<16}   {d}", "");
        }
    }
    Ok(())
}
