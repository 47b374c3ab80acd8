//! Calendar benchmark: the month view and the 90-day list over a 100 000-client demo portfolio
//! (about 150 000 contracts).
//!
//!     CARGO_TARGET_DIR=/work/target-bench CARGO_BUILD_JOBS=1 cargo bench -p courtier-app --bench calendar
//!     COURTIER_BENCH_CLIENTS=20000 cargo bench -p courtier-app --bench calendar
//!
//! Targets (issue 13): the month view under 100 ms, the 90-day list under 150 ms (median of ten
//! runs). Prints the median, 95th percentile and maximum of each and the number of items, and
//! exits with status 1 when a median misses its target.
//!
//! Then the reminders' timer over the same portfolio: its first pass of a day (the automatic
//! reminders of every contract computed and written, then what is due fired), a pass with
//! nothing new (what it costs every twenty seconds), and the « Rappels » page. Reported, no target.

mod common;

use common::{ms, stats, Demo};
use courtier_app::calendar::CalendarFilter;
use std::time::Instant;

fn main() {
    let n = common::clients();
    let demo = Demo::load(n);
    println!(
        "Portefeuille de démonstration : {n} clients, {} contrats, chargés en {:.1} s",
        demo.loaded.contracts,
        demo.load_time.as_secs_f64()
    );
    let app = demo.open();
    let cases = [
        ("mois (janvier 2027)", "2027-01-01", "2027-01-31", 100.0),
        ("mois (mars 2027)", "2027-03-01", "2027-03-31", 100.0),
        (
            "semaine (1er au 7 mars 2027)",
            "2027-03-01",
            "2027-03-07",
            100.0,
        ),
        ("liste 90 jours", "2026-11-24", "2027-02-21", 150.0),
    ];
    let mut missed = Vec::new();
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
        if p50.as_secs_f64() * 1e3 >= target {
            missed.push(label);
        }
    }
    let at =
        |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect("wall time");
    let t = Instant::now();
    let fired = app.fire_due(at("2026-12-01T09:00"), "bench").expect("fire");
    let first = t.elapsed();
    let mut passes = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let again = app.fire_due(at("2026-12-01T09:01"), "bench").expect("fire");
        assert!(again.is_empty(), "fired twice");
        passes.push(t.elapsed());
    }
    let (p50, p95, max) = stats(passes);
    let t = Instant::now();
    let page = app.reminders(at("2026-12-01T09:02")).expect("page");
    let page_time = t.elapsed();
    println!();
    println!("| rappels | nombre | durée |");
    println!("| --- | --- | --- |");
    println!(
        "| premier passage du jour (rappels automatiques écrits, puis déclenchés) | {} | {} |",
        fired.len(),
        ms(first)
    );
    println!(
        "| passage sans rien de nouveau (médiane / p95 / max) | 0 | {} / {} / {} |",
        ms(p50),
        ms(p95),
        ms(max)
    );
    println!(
        "| page « Rappels » (à traiter + à venir + clos) | {} | {} |",
        page.due.len() + page.upcoming.len() + page.closed.len(),
        ms(page_time)
    );
    if !missed.is_empty() {
        eprintln!("Cible manquée : {}", missed.join(", "));
        std::process::exit(1);
    }
}
