//! Agency-file benchmark: opening the encrypted file and searching (clients, contract numbers,
//! registrations, claim references, insurers) in a 100 000-client demo portfolio.
//!
//!     cargo bench -p courtier-app --bench agency            # 100 000 clients
//!     COURTIER_BENCH_CLIENTS=20000 cargo bench -p courtier-app --bench agency
//!
//! Targets (issue 2): a search under 50 ms, opening the file under 300 ms, on a 2-core machine.
//! Prints a table of median, 95th percentile and maximum per operation.

mod common;

use common::{ms, stats, Demo};
use courtier_app::Courtier;
use std::time::Instant;

fn main() {
    let n = common::clients();
    let demo = Demo::load(n);
    let (loaded, load) = (&demo.loaded, demo.load_time);
    let dir = &demo.dir;
    println!(
        "Portefeuille de démonstration : {n} clients, {} contrats, {} sinistres, chargés en {:.1} s",
        loaded.contracts,
        loaded.claims,
        load.as_secs_f64()
    );
    // The app was closed: the WAL is folded back, so this is the whole agency file.
    let bytes = std::fs::metadata(dir.path().join("agence.courtier"))
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "Fichier d'agence : {:.0} Mo ({:.2} ko par client)",
        bytes as f64 / 1e6,
        bytes as f64 / 1e3 / f64::from(n.max(1))
    );

    // Opening: a new process would do exactly this (manifest, key, SQLCipher, schema check).
    let mut opens = Vec::new();
    for _ in 0..15 {
        let app = Courtier::new(common::config(dir.path()));
        let t = Instant::now();
        app.open().expect("open");
        // The first screen lists clients: count it as part of opening.
        app.client_list(&Default::default()).expect("list");
        opens.push(t.elapsed());
    }

    let app = demo.open();
    let queries = [
        "martin",
        "hél",
        "helene dup",
        "lef",
        "d",
        "jean",
        "06 1",
        "0612",
        "lyon",
        "750",
        "gmail",
        "saint-é",
        "transports",
        "zzzz",
        // Issue 11: identifiers and insurers. A contract number (one), a number prefix every
        // contract of 2024 shares, a registration, a claim reference, an insurer's name.
        "AUTO-2024-0000123",
        "auto-2024",
        "GH-456",
        "sin-2023-1",
        "mutuelle ouest",
    ];
    let mut rows = Vec::new();
    let mut all = Vec::new();
    for q in queries {
        let mut times = Vec::new();
        let mut hits = 0;
        for _ in 0..20 {
            let t = Instant::now();
            // The search box: clients, and contracts, vehicles, claims and insurers.
            let r = app.search(q, Some(50), false).expect("search");
            hits = r.clients.len() + r.hits.len();
            times.push(t.elapsed());
        }
        all.extend(times.iter().copied());
        rows.push((q, hits, stats(times)));
    }
    // Opening a client record: the client and all its contracts with their coefficients,
    // projection, premium, claims and note, and the client's timeline; then recording a claim (with the recomputation).
    let mut records = Vec::new();
    let mut claims = Vec::new();
    let mut contracts_seen = 0;
    let mut timeline_entries = 0;
    let step = (n / 200).max(1);
    for id in (1..=i64::from(n)).step_by(step as usize) {
        let t = Instant::now();
        app.client_get(id).expect("client");
        let ks = app.contracts_of_client(id).expect("contracts");
        // What the client screen asks for: the record, its contracts and its timeline.
        let tl = app
            .client_timeline(id, &courtier_app::TimelineQuery::default())
            .expect("timeline");
        records.push(t.elapsed());
        timeline_entries += tl.total;
        contracts_seen += ks.len();
        if let Some(k) = ks.first() {
            let t = Instant::now();
            app.claim_create(&courtier_app::ClaimDraft {
                contract_id: k.id,
                occurred_on: "2026-11-14".into(),
                kind: "accident".into(),
                responsibility: "full".into(),
                ..Default::default()
            })
            .expect("claim");
            claims.push(t.elapsed());
        }
    }
    let mut pages = Vec::new();
    for sort in ["name", "updated", "city"] {
        for page in [1u32, 500, 1900] {
            let q = courtier_app::ClientListQuery {
                page: Some(page),
                page_size: Some(50),
                sort: Some(sort.into()),
                ..Default::default()
            };
            let t = Instant::now();
            app.client_list(&q).expect("list");
            pages.push((sort, page, t.elapsed()));
        }
    }
    // The Sinistres section: every claim newest first, the open ones, the closed ones of one
    // insurer, a client's by name.
    let mut claim_pages = Vec::new();
    for (label, q) in [
        ("tous, page 1", courtier_app::ClaimListQuery::default()),
        (
            "tous, page 100",
            courtier_app::ClaimListQuery {
                page: Some(100),
                ..Default::default()
            },
        ),
        (
            "ouverts",
            courtier_app::ClaimListQuery {
                state: Some("open".into()),
                ..Default::default()
            },
        ),
        (
            "clos, un assureur",
            courtier_app::ClaimListQuery {
                state: Some("closed".into()),
                insurer_id: Some(2),
                ..Default::default()
            },
        ),
        (
            "« martin »",
            courtier_app::ClaimListQuery {
                text: Some("martin".into()),
                ..Default::default()
            },
        ),
    ] {
        let mut times = Vec::new();
        let mut shown = 0;
        for _ in 0..10 {
            let t = Instant::now();
            shown = app.claims_list(&q).expect("claims").items.len();
            times.push(t.elapsed());
        }
        claim_pages.push((label, shown, stats(times)));
    }

    println!();
    println!("| opération | médiane | p95 | max |");
    println!("| --- | --- | --- | --- |");
    let (m, p, x) = stats(opens);
    println!(
        "| ouverture du fichier + première page | {} | {} | {} |",
        ms(m),
        ms(p),
        ms(x)
    );
    let (m, p, x) = stats(all);
    println!(
        "| recherche (toutes requêtes) | {} | {} | {} |",
        ms(m),
        ms(p),
        ms(x)
    );
    for (q, hits, (m, p, x)) in rows {
        println!(
            "| recherche « {q} » ({hits} résultats) | {} | {} | {} |",
            ms(m),
            ms(p),
            ms(x)
        );
    }
    let (m, p, x) = stats(records);
    println!(
        "| fiche client + contrats + chronologie ({contracts_seen} contrats, {timeline_entries} événements sur 200 fiches) | {} | {} | {} |",
        ms(m),
        ms(p),
        ms(x)
    );
    let (m, p, x) = stats(claims);
    println!(
        "| déclaration d'un sinistre + recalcul | {} | {} | {} |",
        ms(m),
        ms(p),
        ms(x)
    );
    for (sort, page, t) in pages {
        println!("| liste triée par {sort}, page {page} | {} | | |", ms(t));
    }
    for (label, shown, (m, p, x)) in claim_pages {
        println!(
            "| sinistres {label} ({shown} lignes) | {} | {} | {} |",
            ms(m),
            ms(p),
            ms(x)
        );
    }
}
