//! `courtier releve issue`: the relevé d'information (R18) an agency issues by delegation,
//! read back with `pdftotext`: every field of the French list and of the EU template, the box of
//! missing mandatory fields, the termination reason or « néant », the same bytes from the same
//! file, and the generation of each kind of document on the contract's timeline.
#![allow(clippy::unwrap_used)]

mod common;

use common::CliAgency;
use std::path::Path;

fn text(pdf: &Path) -> String {
    common::pdf_text(pdf, true)
}

/// An agency with a motor contract: its vehicle, the policyholder as principal driver, and an
/// occasional driver, all complete; returns (agency, client, contract, occasional driver).
fn agency() -> (CliAgency, String, String, String) {
    let a = CliAgency::init();
    a.ok(&[
        "agency",
        "identity",
        "set",
        "--name",
        "Cabinet Durand",
        "--orias",
        "12345678",
        "--phone",
        "0123456789",
    ]);
    let client = a.ok_line(&[
        "client",
        "add",
        "--last-name",
        "Lefèvre",
        "--first-name",
        "Hélène",
        "--birth-date",
        "1980-04-12",
    ]);
    let k = a.contract(
        &client,
        "MAAF",
        "A-1/22",
        ("2022-03-01", "2023-03-01"),
        &["--premium", "RC=1234,56"],
    );
    a.ok(&[
        "vehicle",
        "add",
        "--contract",
        &k,
        "--registration",
        "AB-123-CD",
        "--from",
        "2022-03-01",
    ]);
    a.ok(&[
        "driver",
        "add",
        "--contract",
        &k,
        "--client",
        &client,
        "--last-name",
        "Lefèvre",
        "--first-name",
        "Hélène",
        "--birth-date",
        "1980-04-12",
        "--licence-number",
        "120575300123",
        "--licence-date",
        "2000-05-01",
        "--from",
        "2022-03-01",
    ]);
    let paul = a.ok_line(&[
        "driver",
        "add",
        "--contract",
        &k,
        "--role",
        "occasionnel",
        "--last-name",
        "Lefèvre",
        "--first-name",
        "Paul",
        "--birth-date",
        "2004-01-02",
        "--licence-number",
        "220175300456",
        "--licence-date",
        "2022-02-03",
        "--from",
        "2023-01-01",
    ]);
    (a, client, k, paul)
}

fn issue(a: &CliAgency, k: &str, date: &str, out: &Path) -> String {
    a.ok(&[
        "releve",
        "issue",
        "--contract",
        k,
        "--date",
        date,
        "--out",
        out.to_str().unwrap(),
    ])
}

#[test]
fn the_releve_carries_every_field_of_r18_and_of_the_eu_template() {
    let (a, _, k, paul) = agency();
    a.claim(
        &k,
        "2024-05-10",
        "accident",
        "partial",
        &["--driver", &paul, "--reference", "SIN-778"],
    );
    a.claim(&k, "2025-01-10", "glass", "none", &[]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("releve.pdf");
    let said = issue(&a, &k, "2026-11-23", &out);
    assert!(said.contains("conservé avec le contrat"), "{said}");
    let t = text(&out);
    for want in [
        "Relevé d’information",
        "Établi le 23/11/2026",
        "règlement (UE) 2024/1855",
        // Issuer (EU): the agency, by delegation.
        "Cabinet Durand, courtier immatriculé à l'ORIAS sous le n° 12345678, par délégation de MAAF",
        "Tél. 01 23 45 67 89",
        // Contract number and dates, use, registration (R18, EU).
        "Numéro de contrat A-1/22",
        "Date de souscription 01/03/2022",
        "Première échéance 01/03/2023",
        "Date de fin du contrat contrat en cours",
        "Motif de résiliation néant",
        "Usage du véhicule Standard",
        "Immatriculation AB-123-CD",
        // The CRM at the last échéance and the date the information was stopped.
        "Coefficient de réduction-majoration",
        "(échéance du 01/03/2026)",
        "Informations arrêtées le 23/11/2026",
        // The policyholder and each named driver: surname, first name, birth, licence.
        "LEFÈVRE Hélène 12/04/1980 120575300123 01/05/2000 Souscripteur",
        "LEFÈVRE Paul 02/01/2004 220175300456 03/02/2022",
        // The claims of the five periods: number, date, nature, share, driver, status.
        "du 23/11/2021 au 23/11/2026",
        "SIN-778 10/05/2024 Accident Partielle (50 %) LEFÈVRE Paul Ouvert",
        "10/01/2025 Bris de glace Aucune (0 %) sans objet",
        "Empreinte du journal",
    ] {
        assert!(t.contains(want), "« {want} » missing from:\n{t}");
    }
    // Five annual periods before a relevé of 01/12/2029: the 2024 accident is no longer listed.
    let later = dir.path().join("plus-tard.pdf");
    issue(&a, &k, "2029-12-01", &later);
    let t2 = text(&later);
    assert!(t2.contains("du 01/12/2024 au 01/12/2029"), "{t2}");
    assert!(t2.contains("10/01/2025 Bris de glace"), "{t2}");
    assert!(!t2.contains("SIN-778"), "{t2}");
    assert!(!t.contains("Champs obligatoires non renseignés"), "{t}");
    // Kept with the contract as a relevé d'information, the bytes as written.
    let docs = a.json(&["document", "list", "--contract", &k, "--json"]);
    let docs = docs.as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["kind"], "releve_information");
    assert_eq!(
        a.exported(&docs[0]["id"].to_string(), dir.path()),
        std::fs::read(&out).unwrap()
    );
}

#[test]
fn missing_mandatory_fields_are_listed_not_left_blank() {
    let a = CliAgency::init();
    a.ok(&["agency", "identity", "set", "--name", "Cabinet Durand"]);
    let client = a.client("Martin", Some("Anne"));
    let k = a.contract(&client, "MAAF", "B-2", ("2024-03-01", "2025-03-01"), &[]);
    let d = a.ok_line(&[
        "driver",
        "add",
        "--contract",
        &k,
        "--last-name",
        "Martin",
        "--first-name",
        "Luc",
        "--birth-date",
        "1990-01-01",
        "--licence-date",
        "2010-01-01",
        "--from",
        "2024-03-01",
    ]);
    a.claim(&k, "2025-06-01", "accident", "full", &[]);
    let _ = d;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.pdf");
    issue(&a, &k, "2026-11-23", &out);
    let t = text(&out);
    for want in [
        "Champs obligatoires non renseignés dans le dossier",
        "Immatriculation du véhicule assuré",
        "Numéro ORIAS de l'agence émettrice",
        "Date de naissance du souscripteur (MARTIN Anne)",
        "Numéro de permis du souscripteur (MARTIN Anne)",
        "Numéro de permis du conducteur MARTIN Luc",
        "Conducteur du sinistre du 01/06/2025",
        "Immatriculation non renseigné (voir l'encadré)",
    ] {
        assert!(t.contains(want), "« {want} » missing from:\n{t}");
    }
    // Luc's licence date is known: it is not listed.
    assert!(
        !t.contains("Date du permis du conducteur MARTIN Luc"),
        "{t}"
    );
}

#[test]
fn the_same_file_gives_the_same_bytes() {
    let (a, _, k, _) = agency();
    let copy = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("cp")
        .arg("-a")
        .arg(format!("{}/.", a.path().display()))
        .arg(copy.path())
        .status()
        .unwrap();
    assert!(status.success());
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("1.pdf"), dir.path().join("2.pdf"));
    issue(&a, &k, "2026-11-23", &one);
    let out = common::bare()
        .arg("--data-dir")
        .arg(copy.path())
        .env("COURTIER_DB_KEY", common::KEY)
        .args(["releve", "issue", "--contract", &k, "--date", "2026-11-23"])
        .arg("--out")
        .arg(&two)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(&one).unwrap(), std::fs::read(&two).unwrap());
}

#[test]
fn a_terminated_contract_shows_its_reason_and_no_claims_show_neant() {
    let (a, _, k, _) = agency();
    a.ok(&[
        "contract",
        "terminate",
        &k,
        "--on",
        "2026-03-01",
        "--by",
        "loi_hamon",
        "--reason",
        "départ chez un autre assureur",
    ]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.pdf");
    issue(&a, &k, "2026-11-23", &out);
    let t = text(&out);
    for want in [
        "Date de fin du contrat 01/03/2026",
        "Motif de résiliation Loi Hamon (départ chez un autre assureur)",
        // The information stops at the termination.
        "Informations arrêtées le 01/03/2026",
        "du 01/03/2021 au 01/03/2026",
        "Néant : aucun sinistre sur la période.",
    ] {
        assert!(t.contains(want), "« {want} » missing from:\n{t}");
    }
}

#[test]
fn each_generated_document_is_on_the_contract_timeline() {
    let (a, client, k, _) = agency();
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    a.ok(&[
        "statement",
        "--contract",
        &k,
        "--date",
        "2026-06-01",
        "--out",
        &p("a.pdf"),
    ]);
    a.ok(&["notice", "print", "--contract", &k, "--out", &p("b.pdf")]);
    issue(&a, &k, "2026-11-23", dir.path().join("c.pdf").as_path());
    let t = a.json(&["contract", "timeline", &k, "--kind", "document", "--json"]);
    let titles: Vec<&str> = t["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Attestation de bonus-malus établie (situation au 01/06/2026)",
            "Avis d'échéance établi",
            "Relevé d'information établi (situation au 23/11/2026)",
        ],
        "{t}"
    );
    for e in t["entries"].as_array().unwrap() {
        assert!(e["documentId"].as_i64().is_some(), "{e}");
    }
    let shown = a.ok(&["client", "timeline", &client, "--kind", "document"]);
    assert!(shown.contains("Relevé d'information établi"), "{shown}");
}

#[test]
fn a_bad_date_or_an_unknown_contract_is_refused_in_french_and_nothing_is_written() {
    let (a, _, k, _) = agency();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.pdf");
    let e = a.fails(&[
        "releve",
        "issue",
        "--contract",
        &k,
        "--date",
        "31/02/2026",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(e.contains("date"), "{e}");
    let e = a.fails(&[
        "releve",
        "issue",
        "--contract",
        "999",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(e.contains("Erreur : Contrat n° 999 introuvable"), "{e}");
    assert!(!out.exists());
}
