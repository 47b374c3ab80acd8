//! The golden cases of `src-tauri/tests/data/*.json`, shared by the tests that check the engine
//! against them (`golden.rs`) and the one that shows them in `docs/bonus-malus.md`
//! (`docs_examples.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

pub mod rules;

use serde_json::Value;
use std::path::PathBuf;

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

/// Every golden case, `(file stem, case)`, in file-name order.
pub fn cases() -> Vec<(String, Value)> {
    let dir = root().join("src-tauri/tests/data");
    let mut v: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .expect("src-tauri/tests/data")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let case: Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_stem().unwrap().to_string_lossy().into_owned(), case)
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}
