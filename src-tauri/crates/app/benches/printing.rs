//! Printing benchmark (issue 12): one attestation de bonus-malus warm (fonts loaded), and the
//! month batch of attestations over a demo portfolio.
//!
//!     CARGO_TARGET_DIR=/work/target-bench CARGO_BUILD_JOBS=1 \
//!       cargo bench -p courtier-app --bench printing
//!     COURTIER_BENCH_CLIENTS=20000 …   # a larger portfolio (default 14 000 clients)
//!
//! Targets: one statement under 150 ms (median and 95th percentile over 60 runs, the whole use
//! case: record at the date, render, store with the contract); the month batch of at least
//! 1 000 statements under 60 s. Exits 1 when a target is missed.

use chrono::{TimeZone, Utc};
use courtier_app::{AgencyIdentityDraft, Config, Courtier, FixedClock};
use std::time::{Duration, Instant};

fn config(dir: &std::path::Path, key_hex: &str) -> Config {
    Config {
        data_dir: dir.to_path_buf(),
        keychain: Box::new(courtier_vault::NoKeychain),
        env_key: courtier_vault::env_key_from(Some(key_hex)).expect("bench key"),
        clock: Box::new(FixedClock(
            Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0)
                .single()
                .expect("fixed date"),
        )),
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let n: u32 = std::env::var("COURTIER_BENCH_CLIENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(14_000);
    let key = "5f3b2a1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a";
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Courtier::new(config(dir.path(), key));
    app.open().expect("create agency");
    let t = Instant::now();
    let loaded = app.demo_load(n, 2026, |_| {}).expect("demo portfolio");
    println!(
        "Portefeuille de démonstration : {n} clients, {} contrats, chargés en {:.1} s",
        loaded.contracts,
        t.elapsed().as_secs_f64()
    );
    app.agency_identity_set(&AgencyIdentityDraft {
        name: Some("Cabinet Durand".into()),
        address: Some("12 rue de la Paix\n75002 Paris".into()),
        orias: Some("12345678".into()),
        phone: Some("0123456789".into()),
        ..Default::default()
    })
    .expect("agency identity");
    let mut missed = false;

    // One statement, warm: the first call parses the fonts.
    let contract = 1;
    app.statement_pdf(contract, None).expect("first statement");
    let mut times: Vec<Duration> = (0..60)
        .map(|_| {
            let t = Instant::now();
            app.statement_pdf(contract, None).expect("statement");
            t.elapsed()
        })
        .collect();
    times.sort();
    let p = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let (p50, p95) = (p(0.5), p(0.95));
    let ok = p95 < Duration::from_millis(150);
    missed |= !ok;
    println!("| mesure | résultat | cible |");
    println!("| --- | --- | --- |");
    println!(
        "| une attestation, à chaud (60 essais) | médiane {}, p95 {}, max {} | < 150 ms{} |",
        ms(p50),
        ms(p95),
        ms(times[times.len() - 1]),
        if ok { "" } else { " **manquée**" }
    );

    // The month batch.
    let out = tempfile::tempdir().expect("out dir");
    let t = Instant::now();
    let b = app
        .statements_for_month("2027-01", out.path())
        .expect("month batch");
    let took = t.elapsed();
    let count = b.files.len();
    let ok = count >= 1000 && took < Duration::from_secs(60);
    missed |= !ok;
    println!(
        "| lot du mois (échéances de janvier 2027) | {count} attestations en {:.1} s ({:.1} ms chacune) | ≥ 1 000 en < 60 s{} |",
        took.as_secs_f64(),
        took.as_secs_f64() * 1e3 / count.max(1) as f64,
        if ok { "" } else { " **manquée**" }
    );
    if count < 1000 {
        eprintln!("Moins de 1 000 échéances en janvier 2027 : augmentez COURTIER_BENCH_CLIENTS.");
    }
    if missed {
        std::process::exit(1);
    }
}
