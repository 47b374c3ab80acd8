//! Attached documents through the command line: attach, list, show, export (recorded), the
//! same file twice, the bin; the refusals leave the agency file byte for byte as it was; and no
//! file on disk holds an attached scan's text or image in clear.
#![allow(clippy::unwrap_used)]

mod common;

use common::CliAgency;
use courtier_app::documents::samples;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// A client with a contract and a claim; their ids.
fn records(a: &CliAgency) -> (String, String, String) {
    let client = a.client("Lefèvre", Some("Hélène"));
    let contract = a.contract(&client, "MAAF", "A-1", ("2024-03-01", "2025-03-01"), &[]);
    let claim = a.claim(&contract, "2026-10-12", "accident", "none", &[]);
    (client, contract, claim["id"].to_string())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Every file of the data directory with its SHA-256: the agency file, its write-ahead log and
/// `agency.json`. Not `-shm`: SQLite's shared-memory index of the log, which every connection
/// rewrites when it merely reads (its read marks), and which holds no data.
fn fingerprint(dir: &Path) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && !p.to_string_lossy().ends_with("-shm"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                hex(&Sha256::digest(std::fs::read(&p).unwrap())),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_scan_is_attached_listed_shown_exported_and_binned() {
    let a = CliAgency::init();
    let (client, _, claim) = records(&a);
    let files = tempfile::tempdir().unwrap();
    let pdf = samples::pdf(&["Constat amiable", "Verso"], None, 10_000);
    let path = write(files.path(), "constat.pdf", &pdf);
    let id = a.ok_line(&[
        "document",
        "add",
        "--claim",
        &claim,
        path.to_str().unwrap(),
        "--type",
        "constat_amiable",
        "--date",
        "03/11/2026",
        "--note",
        "reçu par courrier",
    ]);
    let shown = a.json(&["document", "show", &id, "--json"]);
    assert_eq!(shown["sha256"], hex(&Sha256::digest(&pdf)));
    assert_eq!(shown["pages"], 2);
    assert_eq!(shown["format"], "pdf");
    assert_eq!(shown["kindLabel"], "Constat amiable");
    assert_eq!(shown["date"], "2026-11-03");
    assert_eq!(shown["owner"]["kind"], "claim");
    assert_eq!(shown["hasThumbnail"], true);
    let list = a.ok(&["document", "list", "--claim", &claim]);
    assert!(
        list.contains("constat.pdf") && list.contains("Constat amiable"),
        "{list}"
    );

    // The same file again on the same claim: recognised, not stored twice.
    let out = a.run(&[
        "document",
        "add",
        "--claim",
        &claim,
        path.to_str().unwrap(),
        "--type",
        "autre",
    ]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), id);
    assert!(String::from_utf8_lossy(&out.stderr).contains("déjà joint au sinistre"));
    assert_eq!(
        a.json(&["document", "list", "--claim", &claim, "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Exported where asked, byte for byte, and the export recorded.
    let copy = files.path().join("copie.pdf");
    let said = a.ok(&["document", "export", &id, "--out", copy.to_str().unwrap()]);
    assert!(said.contains("l'export est enregistré"), "{said}");
    assert_eq!(std::fs::read(&copy).unwrap(), pdf);
    let shown = a.json(&["document", "show", &id, "--json"]);
    assert_eq!(shown["exports"].as_array().unwrap().len(), 1);
    assert!(shown["exports"][0]["destination"]
        .as_str()
        .unwrap()
        .ends_with("copie.pdf"));

    // Bin, restore, bin, empty.
    a.ok(&["document", "delete", &id]);
    assert!(a
        .ok(&["document", "list", "--claim", &claim])
        .contains("Aucun document"));
    assert!(a
        .ok(&["document", "list", "--claim", &claim, "--bin"])
        .contains("[corbeille]"));
    a.ok(&["document", "restore", &id]);
    assert!(a
        .ok(&["document", "bin", "list"])
        .contains("La corbeille est vide"));
    a.ok(&["document", "delete", &id]);
    // Another record's document in the bin too: emptying the claim's bin leaves it there.
    let photo = write(files.path(), "identite.jpg", &samples::jpeg(64, 48, 1));
    let other = a.ok_line(&[
        "document",
        "add",
        "--client",
        &client,
        photo.to_str().unwrap(),
        "--type",
        "piece_identite",
    ]);
    a.ok(&["document", "delete", &other]);
    assert!(a
        .ok(&["document", "bin", "empty", "--claim", &claim])
        .contains("1 document(s) supprimé(s)"));
    assert_eq!(
        a.json(&["document", "show", &other, "--json"])["state"],
        "inBin"
    );
    // Without a record: the whole agency's bin.
    assert!(a
        .ok(&["document", "bin", "empty"])
        .contains("1 document(s) supprimé(s)"));
    assert_eq!(
        a.json(&["document", "show", &other, "--json"])["state"],
        "emptied"
    );
    assert_eq!(
        a.json(&["document", "show", &id, "--json"])["state"],
        "emptied"
    );
    let e = a.fails(&["document", "export", &id, "--out", copy.to_str().unwrap()]);
    assert!(e.contains("supprimé définitivement"), "{e}");
}

#[test]
fn refusals_leave_the_agency_file_byte_for_byte_unchanged() {
    let a = CliAgency::init();
    let (client, contract, claim) = records(&a);
    // A committed document first, so the file has pages of blobs too.
    let files = tempfile::tempdir().unwrap();
    let ok = write(files.path(), "photo.jpg", &samples::jpeg(320, 240, 9));
    a.ok(&[
        "document",
        "add",
        "--contract",
        &contract,
        ok.to_str().unwrap(),
        "--type",
        "photos",
    ]);
    a.ok(&["document", "limit", "--set", "1"]);

    // A real program, small enough to stay under the 1 MB limit set above.
    let exe = std::fs::read("/bin/true").unwrap();
    assert!(exe.len() < 1024 * 1024);
    let pdf = samples::pdf(&["Rapport d'expertise", "page 2"], None, 50_000);
    let tiff = samples::tiff(3, 300, 200);
    let big = samples::pdf(&["Gros scan"], None, 1024 * 1024 + 10);
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        (
            "scan.pdf",
            exe,
            "document_unsupported",
            "programme exécutable",
        ),
        (
            "vide.pdf",
            Vec::new(),
            "document_empty",
            "Le fichier est vide",
        ),
        (
            "coupe.pdf",
            pdf[..pdf.len() * 2 / 3].to_vec(),
            "document_truncated",
            "Le PDF est incomplet",
        ),
        (
            "coupe.tif",
            tiff[..tiff.len() / 2].to_vec(),
            "document_truncated",
            "Le TIFF est incomplet",
        ),
        (
            "gros.pdf",
            big,
            "document_too_large",
            "au-delà de la limite de 1,0 Mo",
        ),
        (
            "note.txt",
            b"Bonjour".to_vec(),
            "document_unsupported",
            "Format non reconnu",
        ),
    ];
    for owner in [["--claim", &claim], ["--client", &client]] {
        for (name, bytes, code, words) in &cases {
            let path = write(files.path(), name, bytes);
            let before = fingerprint(a.path());
            let e = a.fails(&[
                "document",
                "add",
                owner[0],
                owner[1],
                path.to_str().unwrap(),
                "--type",
                "autre",
            ]);
            assert!(e.contains(&format!("(code : {code})")), "{name}: {e}");
            assert!(e.contains(words), "{name}: {e}");
            assert!(e.contains("rien n'a été joint"), "{name}: {e}");
            assert_eq!(
                fingerprint(a.path()),
                before,
                "{name} changed the agency file"
            );
        }
    }
    // A file name is free text of one line (domain text.rs): a right-to-left override, which
    // would show « rapport\u{202e}gpj.exe » as « rapportexe.jpg », is refused before reading.
    let tricky = write(
        files.path(),
        "rapport\u{202e}gpj.exe",
        &samples::jpeg(32, 24, 3),
    );
    let before = fingerprint(a.path());
    let e = a.fails(&[
        "document",
        "add",
        "--claim",
        &claim,
        tricky.to_str().unwrap(),
        "--type",
        "photos",
    ]);
    assert!(
        e.contains("invalid:fileName") && e.contains("Le nom du fichier"),
        "{e}"
    );
    assert_eq!(fingerprint(a.path()), before);
    assert!(a
        .ok(&["document", "list", "--claim", &claim])
        .contains("Aucun document"));
    assert!(a.ok(&["document", "limit"]).contains("1,0 Mo"));
    let e = a.fails(&["document", "limit", "--set", "0"]);
    assert!(e.contains("entre 1 et 1024 Mo"), "{e}");
    let e = a.fails(&[
        "document",
        "add",
        "--claim",
        &claim,
        ok.to_str().unwrap(),
        "--type",
        "scan",
    ]);
    assert!(
        e.contains("type de document inconnu") && e.contains("invalid:kind"),
        "{e}"
    );
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn all_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            all_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn no_file_on_disk_holds_an_attached_scan_in_clear() {
    let a = CliAgency::init();
    let (client, _, claim) = records(&a);
    let files = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let text = "TEXTE-CONNU-DU-CONSTAT-7391 Mme Lefevre, 12 rue des Lilas";
    let jpeg = samples::jpeg(256, 192, 77);
    let png = samples::png(200, 150, 55);
    let pdf = samples::pdf(&[text, "verso"], Some((&jpeg, 256, 192)), 0);
    let tiff = samples::tiff(2, 120, 90);
    for (name, bytes, owner, id) in [
        ("constat.pdf", &pdf, "--claim", &claim),
        ("photo.png", &png, "--client", &client),
        ("scan.tif", &tiff, "--claim", &claim),
    ] {
        let path = write(files.path(), name, bytes);
        let out = a
            .command()
            .env("TMPDIR", tmp.path())
            .args([
                "document",
                "add",
                owner,
                id,
                path.to_str().unwrap(),
                "--type",
                "autre",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::remove_file(&path).unwrap();
    }
    // Read back through every path a broker uses, then look at what is on disk.
    for id in ["1", "2", "3"] {
        a.ok(&["document", "show", id]);
    }
    let needles: Vec<(&str, Vec<u8>)> = vec![
        ("the text", text.as_bytes().to_vec()),
        (
            "the JPEG's scan data",
            jpeg[jpeg.len() / 2..jpeg.len() / 2 + 48].to_vec(),
        ),
        (
            "the PNG's pixels",
            png[png.len() / 2..png.len() / 2 + 48].to_vec(),
        ),
        (
            "the TIFF's pixels",
            tiff[tiff.len() / 3..tiff.len() / 3 + 48].to_vec(),
        ),
    ];
    let mut seen = Vec::new();
    all_files(a.path(), &mut seen);
    all_files(tmp.path(), &mut seen);
    assert!(seen.iter().any(|p| p.ends_with("agence.courtier")));
    for p in &seen {
        let bytes = std::fs::read(p).unwrap();
        for (what, n) in &needles {
            assert!(!contains(&bytes, n), "{what} in clear in {}", p.display());
        }
    }
    // The needles are real: the bytes are there once decrypted.
    let copy = files.path().join("copie.pdf");
    a.ok(&["document", "export", "1", "--out", copy.to_str().unwrap()]);
    let back = std::fs::read(&copy).unwrap();
    assert!(contains(&back, text.as_bytes()) && contains(&back, &needles[1].1));
}
