//! Memory benchmark of attaching a large scan (issue 12): the process's peak resident memory
//! (`VmHWM` of /proc/self/status) before and after attaching a 50 MB PDF scan, then reading it
//! back for the viewer and exporting it. Target: attaching raises the peak by less than 64 MB.
//!
//!     cargo bench -p courtier-app --bench document_memory
//!     COURTIER_BENCH_SCAN_MB=100 cargo bench -p courtier-app --bench document_memory
//!
//! The scan is written to a temp file in chunks (never in memory here), so the peak before the
//! attach is the app's own. Exits with status 1 if the target is missed. Linux only (procfs).

use chrono::{TimeZone, Utc};
use courtier_app::documents::{owner, samples, DocumentDraft};
use courtier_app::{Config, Courtier, FixedClock};
use std::time::Instant;

fn status_kib(field: &str) -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status (Linux)");
    s.lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("field of /proc/self/status")
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn main() {
    let scan_mb: usize = std::env::var("COURTIER_BENCH_SCAN_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let dir = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let key = "5f3b2a1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a";
    let app = Courtier::new(Config {
        data_dir: dir.path().to_path_buf(),
        keychain: Box::new(courtier_vault::NoKeychain),
        env_key: courtier_vault::env_key_from(Some(key)).expect("bench key"),
        clock: Box::new(FixedClock(
            Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0)
                .single()
                .expect("fixed date"),
        )),
    });
    app.open().expect("create agency");
    app.set_document_size_limit(1024).expect("limit");
    let client = app
        .client_create(&courtier_domain::client::ClientDraft {
            kind: "person".into(),
            last_name: Some("Martin".into()),
            status: "client".into(),
            ..Default::default()
        })
        .expect("client");
    let who = owner("client", client.id).expect("owner");
    let draft = DocumentDraft {
        kind: "constat_amiable".into(),
        date: None,
        note: None,
    };

    // Warm up every code path on a small scan (lopdf, SQLite, the thumbnail).
    let small = files.path().join("petit.pdf");
    std::fs::write(&small, samples::pdf(&["Petit scan"], None, 100_000)).expect("write");
    app.document_attach(who, &small, &draft)
        .expect("small attach");

    let big = files.path().join("scan.pdf");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&big).expect("create"));
        samples::write_pdf(
            &mut f,
            &["Constat amiable (scan)"],
            None,
            scan_mb * 1024 * 1024,
        )
        .expect("write scan");
    }
    let size = std::fs::metadata(&big).expect("size").len();

    if std::env::var("COURTIER_BENCH_STEPS").is_ok() {
        // Where the memory goes, step by step (each step alone, in this order).
        let b0 = status_kib("VmHWM:");
        let bytes = courtier_app::documents::read_for_attach(&big, u64::MAX).expect("read");
        let b1 = status_kib("VmHWM:");
        let found = courtier_app::documents::content::inspect(&bytes).expect("inspect");
        let b2 = status_kib("VmHWM:");
        drop((bytes, found));
        println!(
            "  lecture du fichier : +{:.1} Mio ; contrôle du contenu : +{:.1} Mio",
            mib(b1 - b0),
            mib(b2 - b1)
        );
    }
    let before = status_kib("VmHWM:");
    let rss_before = status_kib("VmRSS:");
    let t = Instant::now();
    let got = app.document_attach(who, &big, &draft).expect("attach");
    let took = t.elapsed();
    let after_attach = status_kib("VmHWM:");
    assert!(!got.duplicate);
    let t = Instant::now();
    let bytes = app.document_bytes(got.document.id).expect("read back");
    let read_took = t.elapsed();
    assert_eq!(bytes.len() as u64, size);
    drop(bytes);
    let after_read = status_kib("VmHWM:");
    let t = Instant::now();
    app.document_export(got.document.id, &files.path().join("copie.pdf"))
        .expect("export");
    let export_took = t.elapsed();
    let after_export = status_kib("VmHWM:");

    let rise = after_attach.saturating_sub(before);
    println!(
        "Scan : {:.1} Mio ({size} octets), {} page(s)",
        size as f64 / 1048576.0,
        got.document.pages
    );
    println!(
        "Pic mémoire avant (VmHWM) : {:.1} Mio (résident : {:.1} Mio)",
        mib(before),
        mib(rss_before)
    );
    println!(
        "Joindre : {:.2} s, pic +{:.1} Mio",
        took.as_secs_f64(),
        mib(rise)
    );
    println!(
        "Relire pour l'affichage : {:.2} s, pic +{:.1} Mio depuis le départ",
        read_took.as_secs_f64(),
        mib(after_read.saturating_sub(before))
    );
    println!(
        "Exporter : {:.2} s, pic +{:.1} Mio depuis le départ",
        export_took.as_secs_f64(),
        mib(after_export.saturating_sub(before))
    );
    if rise >= 64 * 1024 {
        eprintln!(
            "Objectif manqué : joindre le scan a élevé le pic de {:.1} Mio (objectif < 64 Mio).",
            mib(rise)
        );
        std::process::exit(1);
    }
    println!("Objectif tenu : < 64 Mio.");
}
