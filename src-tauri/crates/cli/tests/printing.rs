//! Generated PDFs through the command line: the attestation and the avis d'échéance carry every
//! required field (read back with `pdftotext`), the agency identity and the journal's head, and
//! are kept with the contract as documents; the month batch writes one attestation per motor
//! contract renewing that month and refuses a malformed month or a missing folder.
#![allow(clippy::unwrap_used)]

mod common;

use common::CliAgency;
use std::path::Path;

fn text(pdf: &Path) -> String {
    common::pdf_text(pdf, false)
}

fn agency() -> (CliAgency, String) {
    let a = CliAgency::init();
    a.ok(&[
        "agency",
        "identity",
        "set",
        "--name",
        "Cabinet Durand",
        "--orias",
        "12345678",
        "--association",
        "Planète CSCA",
        "--footer",
        "SARL au capital de 10 000 €",
    ]);
    let client = a.client("O'Brien [Lefèvre] #1", Some("Hélène"));
    let contract = a.contract(
        client.trim(),
        "MAAF",
        "A-1",
        ("2022-03-01", "2023-03-01"),
        &["--premium", "RC=1234,56"],
    );
    (a, contract.trim().to_string())
}

#[test]
fn the_statement_and_the_notice_carry_their_fields_and_are_kept_with_the_contract() {
    let (a, k) = agency();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("attestation.pdf");
    let said = a.ok(&[
        "statement",
        "--contract",
        &k,
        "--date",
        "2026-06-01",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(said.contains("conservé avec le contrat"), "{said}");
    let t = text(&out);
    for want in [
        "Attestation de coefficient de réduction-majoration",
        "1er juin 2026",
        "O'Brien [Lefèvre] #1",
        "A-1",
        "MAAF",
        "0,90",
        "Historique du coefficient",
        "Protection du coefficient 0,50",
        "Comment le coefficient a été calculé",
        "Cabinet Durand",
        "ORIAS sous le n° 12345678",
        "Planète CSCA",
        "Empreinte du journal",
    ] {
        assert!(t.contains(want), "« {want} » missing from:\n{t}");
    }
    let check = a.ok(&["check"]);
    let head = check
        .lines()
        .find(|l| l.starts_with("Empreinte du journal"))
        .unwrap();
    assert!(head.contains("(acte n°"), "{head}");

    let notice = dir.path().join("avis.pdf");
    a.ok(&[
        "notice",
        "print",
        "--contract",
        &k,
        "--out",
        notice.to_str().unwrap(),
    ]);
    let t = text(&notice);
    for want in [
        "Avis d’échéance",
        "Prime de référence",
        "1 234,56 €",
        "Coefficient de réduction-majoration",
        "Prime après coefficient",
        // No guarantee outside the coefficient: « aucune », not « 0 € ».
        "Garanties non modulées par le coefficient aucune",
        "L113-15-1",
        "L113-15-2",
    ] {
        assert!(t.contains(want), "« {want} » missing from:\n{t}");
    }
    // Both are documents of the contract, the bytes as written.
    let list = a.json(&["document", "list", "--contract", &k, "--json"]);
    let docs = list.as_array().unwrap();
    assert_eq!(docs.len(), 2, "{list}");
    assert_eq!(docs[0]["kind"], "attestation");
    assert_eq!(docs[1]["kind"], "courrier");
    assert_eq!(
        a.exported(&docs[0]["id"].to_string(), dir.path()),
        std::fs::read(&out).unwrap()
    );
}

#[test]
fn without_an_agency_identity_nothing_is_printed() {
    let a = CliAgency::init();
    let client = a.client("Martin", Some("Anne"));
    let k = a.contract(
        client.trim(),
        "MAAF",
        "B-2",
        ("2024-03-01", "2025-03-01"),
        &[],
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.pdf");
    let e = a.fails(&[
        "statement",
        "--contract",
        k.trim(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(e.contains("Paramètres → Agence"), "{e}");
    assert!(!out.exists());
}

#[test]
fn the_month_batch_writes_one_attestation_per_motor_contract_renewing_that_month() {
    let (a, first) = agency();
    let client = a.client("Martin", Some("Anne"));
    // Renews in January: two motor contracts (one number with a slash and a space).
    let jan = a.contract(
        &client,
        "AXA",
        "J/27 bis",
        ("2025-01-15", "2026-01-15"),
        &[],
    );
    let jan2 = a.contract(&client, "AXA", "J-2", ("2024-01-31", "2025-01-31"), &[]);
    // Not in January: March (the fixture's), February; a home contract; a terminated one.
    a.contract(&client, "AXA", "F-1", ("2025-02-01", "2026-02-01"), &[]);
    a.contract(
        &client,
        "AXA",
        "H-1",
        ("2025-01-10", "2026-01-10"),
        &["--product", "habitation"],
    );
    let gone = a.contract(&client, "AXA", "T-1", ("2025-01-20", "2026-01-20"), &[]);
    a.ok(&[
        "contract",
        "terminate",
        gone.trim(),
        "--on",
        "2026-06-01",
        "--by",
        "client",
    ]);
    let dir = tempfile::tempdir().unwrap();
    let said = a.ok(&[
        "statement",
        "--echeance-month",
        "2027-01",
        "--out-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert!(
        said.contains(&format!(
            "2 attestations écrites dans {} (échéances de 2027-01)",
            dir.path().display()
        )),
        "{said}"
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["attestation-J-2.pdf", "attestation-J_27_bis.pdf"]);
    let t = text(&dir.path().join("attestation-J_27_bis.pdf"));
    assert!(t.contains("J/27 bis"), "{t}");
    assert!(
        t.contains("Attestation de coefficient de réduction-majoration"),
        "{t}"
    );
    // Each is kept with its contract; the others have none.
    for (k, n) in [(jan.trim(), 1), (jan2.trim(), 1), (first.as_str(), 0)] {
        let docs = a.json(&["document", "list", "--contract", k, "--json"]);
        assert_eq!(docs.as_array().unwrap().len(), n, "{k}: {docs}");
    }
}

#[test]
fn the_month_batch_refuses_a_malformed_month_or_a_missing_folder_in_french() {
    let (a, _) = agency();
    let dir = tempfile::tempdir().unwrap();
    for bad in ["2027-13", "2027/01", "janvier", "2027-1"] {
        let e = a.fails(&[
            "statement",
            "--echeance-month",
            bad,
            "--out-dir",
            dir.path().to_str().unwrap(),
        ]);
        assert!(e.contains("attendu AAAA-MM"), "{bad}: {e}");
    }
    let missing = dir.path().join("absent");
    let e = a.fails(&[
        "statement",
        "--echeance-month",
        "2027-03",
        "--out-dir",
        missing.to_str().unwrap(),
    ]);
    assert!(e.contains("n'existe pas"), "{e}");
    assert!(!missing.exists());
    // --out-dir without a month, or both forms at once: refused by the parser (exit code 2).
    let out = a.run(&["statement", "--out-dir", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("Erreur : "));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
