//! Calendar benchmark: the month view and the 90-day list over a 100 000-client demo portfolio
//! (about 150 000 contracts).
//!
//!     cargo bench -p courtier-app --bench calendar            # 100 000 clients
//!     COURTIER_BENCH_CLIENTS=20000 cargo bench -p courtier-app --bench calendar
//!
//! Targets (issue 13): the month view under 100 ms, the 90-day list under 150 ms. Prints the
//! median, 95th percentile and maximum of each, and the number of items.

use chrono::{TimeZone, Utc};
use courtier_app::calendar::CalendarFilter;
use courtier_app::{Config, Courtier, FixedClock};
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

fn stats(mut xs: Vec<Duration>) -> (Duration, Duration, Duration) {
    xs.sort();
    let p = |q: f64| xs[((xs.len() - 1) as f64 * q).round() as usize];
    (p(0.5), p(0.95), xs[xs.len() - 1])
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let n: u32 = std::env::var("COURTIER_BENCH_CLIENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let key = "5f3b2a1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a";
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Instant::now();
    let loaded;
    {
        let app = Courtier::new(config(dir.path(), key));
        app.open().expect("create agency");
        loaded = app.demo_load(n, 2026, |_| {}).expect("demo portfolio");
    }
    println!(
        "Portefeuille de démonstration : {n} clients, {} contrats, chargés en {:.1} s",
        loaded.contracts,
        t.elapsed().as_secs_f64()
    );
    let app = Courtier::new(config(dir.path(), key));
    app.open().expect("open");
    let cases = [
        ("mois (janvier 2027)", "2027-01-01", "2027-01-31", 100.0),
        ("mois (mars 2027)", "2027-03-01", "2027-03-31", 100.0),
        ("liste 90 jours", "2026-11-24", "2027-02-21", 150.0),
    ];
    println!("| vue | éléments | médiane | p95 | max | cible |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for (label, from, to, target) in cases {
        let f = CalendarFilter {
            from: from.into(),
            to: to.into(),
            ..Default::default()
        };
        let mut times = Vec::new();
        let mut count = 0;
        for _ in 0..10 {
            let t = Instant::now();
            count = app.calendar(&f).expect("calendar").len();
            times.push(t.elapsed());
        }
        let (p50, p95, max) = stats(times);
        println!(
            "| {label} | {count} | {} | {} | {} | < {target} ms |",
            ms(p50),
            ms(p95),
            ms(max)
        );
    }
}
