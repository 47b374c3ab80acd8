//! `courtier search TEXT`: what the window's search box finds, clients first, then contracts,
//! vehicles, claims and insurers, each with the id of the page it opens.

use crate::output::print_json;
use courtier_app::{AppError, Courtier, SearchHit};

pub fn run(
    app: &Courtier,
    text: &str,
    limit: u32,
    archived: bool,
    json: bool,
) -> Result<(), AppError> {
    let r = app.search(text, Some(limit), archived)?;
    if json {
        return print_json(&r);
    }
    if r.clients.is_empty() && r.hits.is_empty() {
        println!("Aucun résultat.");
        return Ok(());
    }
    for c in &r.clients {
        let place = [c.postcode.as_deref(), c.city.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        println!("client    {:>7}  {:<32} {place}", c.id, c.display_name);
    }
    if r.more_clients {
        println!(
            "… plus de {} clients : précisez la recherche.",
            r.clients.len()
        );
    }
    for h in &r.hits {
        println!("{}", hit_line(h));
    }
    if r.more_hits {
        println!("… d'autres contrats, véhicules ou sinistres : précisez la recherche.");
    }
    Ok(())
}

fn hit_line(h: &SearchHit) -> String {
    let owner = h.client_name.as_deref().unwrap_or("");
    let contract = h
        .contract_number
        .as_deref()
        .map(|n| format!("contrat {n}"))
        .unwrap_or_default();
    let insurer = h.insurer.as_deref().unwrap_or("");
    match h.kind.as_str() {
        "contract" => format!("contrat   {:>7}  {:<20} {owner} — {insurer}", h.id, h.text),
        "vehicle" => format!(
            "véhicule  {:>7}  {:<20} {} {owner} — {contract}",
            h.id,
            h.text,
            h.detail.as_deref().unwrap_or("")
        ),
        "claim" => format!(
            "sinistre  {:>7}  {:<20} {} {owner} — {contract}",
            h.id,
            h.text,
            h.on_date.as_deref().unwrap_or("")
        ),
        _ => format!("assureur  {:>7}  {}", h.id, h.text),
    }
}
