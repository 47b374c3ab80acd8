//! What the benchmarks share: the fixed clock and key, a demo portfolio of
//! `COURTIER_BENCH_CLIENTS` clients (100 000 by default) in a temp directory, and the
//! median / 95th percentile / maximum of a series of timings.

#![allow(dead_code)]

use chrono::{TimeZone, Utc};
use courtier_app::{Config, Courtier, FixedClock};
use std::time::{Duration, Instant};

pub const KEY: &str = "5f3b2a1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a";

/// The benchmarks' agency: no keychain, the key given, today 24 November 2026.
pub fn config(dir: &std::path::Path) -> Config {
    Config {
        data_dir: dir.to_path_buf(),
        keychain: Box::new(courtier_vault::NoKeychain),
        env_key: courtier_vault::env_key_from(Some(KEY)).expect("bench key"),
        clock: Box::new(FixedClock(
            Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0)
                .single()
                .expect("fixed date"),
        )),
    }
}

/// The number of clients asked for (`COURTIER_BENCH_CLIENTS`, default 100 000).
pub fn clients() -> u32 {
    std::env::var("COURTIER_BENCH_CLIENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000)
}

/// A demo portfolio of `n` clients, loaded then closed (its log folded back into the file).
pub struct Demo {
    pub dir: tempfile::TempDir,
    pub n: u32,
    pub loaded: courtier_app::DemoLoaded,
    pub load_time: Duration,
}

impl Demo {
    pub fn load(n: u32) -> Demo {
        let dir = tempfile::tempdir().expect("temp dir");
        let t = Instant::now();
        let loaded;
        {
            let app = Courtier::new(config(dir.path()));
            app.open().expect("create agency");
            loaded = app.demo_load(n, 2026, |_| {}).expect("demo portfolio");
        }
        Demo {
            dir,
            n,
            loaded,
            load_time: t.elapsed(),
        }
    }

    /// The agency opened again, as a new process would.
    pub fn open(&self) -> Courtier {
        let app = Courtier::new(config(self.dir.path()));
        app.open().expect("open");
        app
    }
}

/// Median, 95th percentile and maximum.
pub fn stats(mut xs: Vec<Duration>) -> (Duration, Duration, Duration) {
    xs.sort();
    let p = |q: f64| xs[((xs.len() - 1) as f64 * q).round() as usize];
    (p(0.5), p(0.95), xs[xs.len() - 1])
}

pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}
