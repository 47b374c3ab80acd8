//! Engine benchmark: full recomputation of one million dated 20-year histories on one core.
//!
//!     cargo bench -p courtier-domain --bench engine
//!     COURTIER_BENCH_HISTORIES=100000 cargo bench -p courtier-domain --bench engine
//!
//! Target (issue 3): at least 20 million yearly steps per second. Also times a bare integer loop
//! doing the same arithmetic on pre-placed claims, to show what the dates, the rules and the
//! options cost on top.

use chrono::{Duration, NaiveDate};
use courtier_domain::bonus_malus::{
    compute_dated_coefficients, ClaimKind, DatedClaim, DatedHistory, Responsibility, RuleOptions,
    Usage,
};
use courtier_domain::Coefficient;
use std::hint::black_box;
use std::time::Instant;

/// SplitMix64, fixed seed: the same histories every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn histories(n: usize) -> Vec<DatedHistory> {
    let mut rng = Rng(20_261_124);
    let base = NaiveDate::from_ymd_opt(2000, 1, 1).expect("date");
    (0..n)
        .map(|_| {
            let sub = base + Duration::days(rng.below(3650) as i64);
            let first = sub + Duration::days(300 + rng.below(66) as i64);
            let until = first + Duration::days(365 * 20 - 1);
            // About 7 % of years with a claim, a third of them not counting.
            let mut claims = Vec::new();
            let mut day = 0i64;
            loop {
                day += 1 + rng.below(365 * 14) as i64;
                if day > 365 * 21 {
                    break;
                }
                let (kind, responsibility) = match rng.below(10) {
                    0..=4 => (ClaimKind::Accident, Responsibility::Full),
                    5 | 6 => (ClaimKind::Accident, Responsibility::Partial),
                    7 => (ClaimKind::Accident, Responsibility::None),
                    8 => (ClaimKind::Glass, Responsibility::None),
                    _ => (ClaimKind::Theft, Responsibility::None),
                };
                claims.push(DatedClaim {
                    id: None,
                    date: sub + Duration::days(day),
                    kind,
                    responsibility,
                    requalifications: vec![],
                });
            }
            DatedHistory {
                usage: if rng.below(20) == 0 {
                    Usage::Tournees
                } else {
                    Usage::Standard
                },
                start_coefficient: Coefficient::ONE,
                start_periods_at_floor: 0,
                start_claim_free_streak: 0,
                subscription_date: sub,
                first_echeance: first,
                until,
                known_on: None,
                interruptions: vec![],
                reductions_lost: vec![],
                claims,
            }
        })
        .collect()
}

/// The same arithmetic with no dates and no options: per period, the factors of its counting
/// claims in thousandths (0 = none), as u16.
fn bare_loop(periods: &[Vec<u16>], starts: &[(usize, usize, u32)]) -> u64 {
    let mut checksum = 0u64;
    for &(from, to, reduction) in starts {
        let mut c: u32 = 100;
        let mut streak = 0u32;
        let mut paf = 0u32;
        for p in &periods[from..to] {
            if p.is_empty() {
                let before = c;
                c = (c * reduction / 100).max(50);
                paf = if before == 50 { paf + 1 } else { 0 };
                streak += 1;
                if streak >= 2 && c > 100 {
                    c = 100;
                }
            } else {
                let mut skip = c == 50 && paf >= 3;
                for &f in p {
                    if skip {
                        skip = false;
                        continue;
                    }
                    c = c * u32::from(f) / 1000;
                }
                c = c.min(350);
                streak = 0;
                paf = 0;
            }
            checksum = checksum.wrapping_add(u64::from(c));
        }
    }
    checksum
}

fn main() {
    let n: usize = std::env::var("COURTIER_BENCH_HISTORIES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let t = Instant::now();
    let hs = histories(n);
    println!(
        "{n} historiques de 20 ans générés en {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let opts = RuleOptions::default();

    // The engine, from dates, on one core.
    let mut out = Vec::with_capacity(32);
    let mut steps = 0u64;
    let mut checksum = 0u64;
    let t = Instant::now();
    for h in &hs {
        compute_dated_coefficients(black_box(h), &opts, &mut out).expect("valid history");
        steps += out.len() as u64;
        checksum =
            checksum.wrapping_add(out.iter().map(|c| u64::from(c.hundredths())).sum::<u64>());
    }
    let engine = t.elapsed();

    // Pre-place the claims for the bare loop (not timed).
    let mut periods: Vec<Vec<u16>> = Vec::new();
    let mut starts = Vec::with_capacity(n);
    for h in &hs {
        let from = periods.len();
        let ech = courtier_domain::bonus_malus::echeance_dates(h.first_echeance, h.until);
        let mut prev_end: Option<NaiveDate> = None;
        for e in ech {
            let end = e.checked_sub_months(chrono::Months::new(2)).expect("date");
            let start = prev_end.unwrap_or(h.subscription_date);
            let f: Vec<u16> = h
                .claims
                .iter()
                .filter(|c| c.date >= start && c.date < end && c.kind == ClaimKind::Accident)
                .filter(|c| c.responsibility != Responsibility::None)
                .map(|c| {
                    h.usage
                        .majoration(c.responsibility == Responsibility::Partial)
                        as u16
                })
                .collect();
            periods.push(f);
            prev_end = Some(end);
        }
        starts.push((from, periods.len(), h.usage.reduction()));
    }
    let bare_steps = periods.len() as u64;
    let t = Instant::now();
    let bare_sum = black_box(bare_loop(black_box(&periods), &starts));
    let bare = t.elapsed();

    let rate = steps as f64 / engine.as_secs_f64();
    let bare_rate = bare_steps as f64 / bare.as_secs_f64();
    println!();
    println!("| mesure | valeur |");
    println!("| --- | --- |");
    println!("| historiques recalculés | {n} |");
    println!("| pas annuels (échéances) | {steps} |");
    println!(
        "| durée, moteur depuis les dates | {:.2} s |",
        engine.as_secs_f64()
    );
    println!("| pas par seconde, moteur | {:.1} millions |", rate / 1e6);
    println!(
        "| durée, boucle entière nue | {:.3} s |",
        bare.as_secs_f64()
    );
    println!(
        "| pas par seconde, boucle nue | {:.1} millions |",
        bare_rate / 1e6
    );
    println!("| rapport boucle nue / moteur | {:.1} |", bare_rate / rate);
    println!("(contrôles : {checksum} / {bare_sum})");
}
