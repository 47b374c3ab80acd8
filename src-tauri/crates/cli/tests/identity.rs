//! `courtier agency identity show|set`: every field kept, each change a new version, refusals in
//! French that write nothing.
#![allow(clippy::unwrap_used)]

mod common;

use common::CliAgency;

#[test]
fn the_identity_is_set_shown_changed_and_refused_in_french() {
    let a = CliAgency::init();
    assert!(a
        .ok(&["agency", "identity", "show"])
        .contains("non renseignée"));
    let files = tempfile::tempdir().unwrap();
    let logo = files.path().join("logo.png");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend([0u8; 30]);
    std::fs::write(&logo, &png).unwrap();
    let j = a.json(&[
        "agency",
        "identity",
        "set",
        "--name",
        "Cabinet Durand",
        "--address",
        "12 rue de la Paix\\n75002 Paris",
        "--orias",
        "12 345 678",
        "--association",
        "Planète CSCA",
        "--phone",
        "01 23 45 67 89",
        "--email",
        "contact@durand.fr",
        "--footer",
        "SARL au capital de 10 000 €",
        "--logo",
        logo.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(j["orias"], "12345678");
    assert_eq!(j["address"], "12 rue de la Paix\n75002 Paris");
    assert_eq!(j["logoFormat"], "png");
    assert_eq!(j["versions"], 1);

    // A field left out keeps its value.
    let j = a.json(&[
        "agency",
        "identity",
        "set",
        "--phone",
        "01 99 99 99 99",
        "--json",
    ]);
    assert_eq!(j["name"], "Cabinet Durand");
    assert_eq!(j["logoFormat"], "png");
    assert_eq!(j["versions"], 2);

    // Refusals: nothing recorded.
    let e = a.fails(&["agency", "identity", "set", "--orias", "1234567"]);
    assert!(e.contains("huit chiffres"), "{e}");
    let exe = files.path().join("logo.jpg");
    std::fs::write(&exe, b"MZ\x90\0\x03\0\0\0 renamed executable").unwrap();
    let e = a.fails(&["agency", "identity", "set", "--logo", exe.to_str().unwrap()]);
    assert!(e.contains("ni une image PNG ni une image JPEG"), "{e}");
    let out = a.ok(&["agency", "identity", "show"]);
    assert!(out.contains("ORIAS : 12345678"), "{out}");
    assert!(out.contains("2 version(s)"), "{out}");
    assert!(
        a.ok(&["check"]).contains("Intégrité : ok"),
        "the journal holds"
    );
}
