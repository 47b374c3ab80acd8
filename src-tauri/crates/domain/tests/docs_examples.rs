//! The worked examples of `docs/bonus-malus.md` are the golden cases of `src-tauri/tests/data`,
//! computed by the engine: this test renders them (the case, the rule it shows, its input, the
//! coefficients and the calculation note) and fails when the page says anything else, so the
//! page never drifts from the code. After a change of the engine or of a case:
//!
//!     COURTIER_WRITE_DOCS=1 cargo test -p courtier-domain --test docs_examples
#![allow(clippy::unwrap_used, clippy::expect_used)]

use courtier_domain::bonus_malus::{simulate_json, simulate_note};
use serde_json::Value;
use std::fmt::Write;

mod common;
use common::{cases, root};

const BEGIN: &str = "<!-- worked examples: generated from src-tauri/tests/data by src-tauri/crates/domain/tests/docs_examples.rs, do not edit by hand -->";
const END: &str = "<!-- end of the worked examples -->";

/// The examples section, between its markers.
fn render(cases: &[(String, Value)]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{BEGIN}");
    for (name, case) in cases {
        let input = serde_json::to_string(&case["input"]).unwrap();
        let out = simulate_json(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
        let coefficients: Vec<String> = out["coefficients"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().replace('.', ","))
            .collect();
        let note = simulate_note(&input).unwrap();
        // The note without its heading (the clause and the options, the same for every case).
        let note: String = note
            .lines()
            .skip_while(|l| !(l.starts_with("Période") || l.starts_with("Première période")))
            .map(|l| format!("{l}\n"))
            .collect();
        let _ = writeln!(s);
        let _ = writeln!(s, "### `{name}`");
        let _ = writeln!(s);
        let _ = writeln!(s, "{}", case["rule"].as_str().unwrap_or(""));
        let _ = writeln!(s);
        let _ = writeln!(s, "Coefficients: **{}**.", coefficients.join(" → "));
        let _ = writeln!(s);
        let _ = writeln!(s, "```json");
        let _ = writeln!(
            s,
            "{}",
            serde_json::to_string_pretty(&case["input"]).unwrap()
        );
        let _ = writeln!(s, "```");
        let _ = writeln!(s);
        let _ = writeln!(s, "```text");
        let _ = write!(s, "{note}");
        if !note.ends_with('\n') {
            let _ = writeln!(s);
        }
        let _ = writeln!(s, "```");
    }
    let _ = writeln!(s);
    let _ = write!(s, "{END}");
    s
}

#[test]
fn the_rules_page_shows_the_engine_s_own_results_for_every_golden_case() {
    let root = root();
    let cases = cases();
    assert!(!cases.is_empty());
    let page_path = root.join("docs/bonus-malus.md");
    let page = std::fs::read_to_string(&page_path).unwrap();
    let (a, b) = (
        page.find(BEGIN).expect("the examples' opening marker"),
        page.find(END).expect("the examples' closing marker") + END.len(),
    );
    let section = render(&cases);
    if std::env::var_os("COURTIER_WRITE_DOCS").is_some() {
        let new = format!("{}{}{}", &page[..a], section, &page[b..]);
        std::fs::write(&page_path, new).unwrap();
        return;
    }
    assert!(
        page[a..b] == section,
        "docs/bonus-malus.md's worked examples differ from what the engine computes: \
         rerun with COURTIER_WRITE_DOCS=1 and review the diff"
    );
    // Every case is there, by name.
    for (name, _) in &cases {
        assert!(page.contains(&format!("### `{name}`")), "{name}");
    }
}
