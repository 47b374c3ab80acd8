//! The commands of printed papers through Tauri's mock runtime: Paramètres → Agence (refusal
//! by field, then saved and read back, its logo), a paper printed by kind and stored with the
//! contract, an unknown kind refused, the avis d'échéance sent with its Chatel outcome.
#![allow(clippy::unwrap_used)]

mod common;

use common::{invoke, window};
use serde_json::{json, Value};

/// A tiny real PNG (1×1, decoded by the identity's check).
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
    0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

#[test]
fn agency_identity_is_refused_by_field_then_saved_with_its_logo() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(dir.path());
    invoke(&w, "agency_open", json!({})).unwrap();
    let empty = invoke(&w, "agency_identity_get", json!({})).unwrap();
    assert_eq!(empty["name"], "");
    assert_eq!(empty["versions"], 0);
    let e = invoke(
        &w,
        "agency_identity_set",
        json!({ "draft": { "name": "Cabinet Durand", "orias": "1234567" } }),
    )
    .unwrap_err();
    assert_eq!(e["code"], "invalid:orias");
    assert!(e["message"].as_str().unwrap().contains("huit chiffres"));
    assert_eq!(
        invoke(&w, "agency_identity_get", json!({})).unwrap()["versions"],
        0
    );
    let logo = dir.path().join("logo.png");
    std::fs::write(&logo, PNG).unwrap();
    let saved = invoke(
        &w,
        "agency_identity_set",
        json!({ "draft": { "name": "Cabinet Durand", "orias": "12 345 678", "email": "contact@durand.fr",
                           "footer": "SARL au capital de 10 000 €", "logoPath": logo } }),
    )
    .unwrap();
    assert_eq!(saved["orias"], "12345678");
    assert_eq!(saved["logoFormat"], "png");
    assert_eq!(saved["versions"], 1);
    let got = invoke(&w, "agency_identity_get", json!({})).unwrap();
    assert_eq!(got["footer"], "SARL au capital de 10 000 €");
    assert_eq!(got["email"], "contact@durand.fr");
}

#[test]
fn papers_are_printed_by_kind_stored_with_the_contract_and_avis_sent_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(dir.path());
    invoke(&w, "agency_open", json!({})).unwrap();
    // Without an identity, a paper is refused, saying where to fill it in.
    invoke(&w, "demo_load", json!({ "clients": 30 })).unwrap();
    let k = (1..200)
        .map(|id| invoke(&w, "contract_get", json!({ "id": id })).unwrap())
        .find(|k| !k["nextPremium"].is_null() && !k["projection"].is_null())
        .unwrap();
    let id = k["id"].as_i64().unwrap();
    let e = invoke(&w, "print_pdf", json!({ "kind": "avis", "contractId": id })).unwrap_err();
    assert!(e["message"]
        .as_str()
        .unwrap()
        .contains("Paramètres → Agence"));
    invoke(
        &w,
        "agency_identity_set",
        json!({ "draft": { "name": "Cabinet Durand", "orias": "12345678" } }),
    )
    .unwrap();
    let a = invoke(
        &w,
        "print_pdf",
        json!({ "kind": "attestation", "contractId": id, "date": null }),
    )
    .unwrap();
    assert!(a["fileName"].as_str().unwrap().starts_with("attestation-"));
    let n = invoke(&w, "print_pdf", json!({ "kind": "avis", "contractId": id })).unwrap();
    let docs = invoke(
        &w,
        "document_list",
        json!({ "ownerKind": "contract", "ownerId": id }),
    )
    .unwrap();
    let ids: Vec<&Value> = docs.as_array().unwrap().iter().map(|d| &d["id"]).collect();
    assert!(ids.contains(&&a["documentId"]) && ids.contains(&&n["documentId"]));
    let e = invoke(
        &w,
        "print_pdf",
        json!({ "kind": "facture", "contractId": id }),
    )
    .unwrap_err();
    assert_eq!(e["code"], "invalid:kind");
    // The bytes are a PDF, read like any document's.
    let out = dir.path().join("avis.pdf");
    invoke(
        &w,
        "document_export",
        json!({ "id": n["documentId"], "path": out }),
    )
    .unwrap();
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    // Its type, date and note changed later from the list.
    let changed = invoke(
        &w,
        "document_update",
        json!({ "id": n["documentId"], "draft": { "kind": "courrier", "date": "2026-11-23", "note": "remis au client" } }),
    )
    .unwrap();
    assert_eq!(changed["note"], "remis au client");
    assert_eq!(changed["date"], "2026-11-23");
    let e = invoke(
        &w,
        "document_update",
        json!({ "id": n["documentId"], "draft": { "kind": "brouillon" } }),
    )
    .unwrap_err();
    assert_eq!(e["code"], "invalid:kind");

    let echeance = k["projection"]["nextEcheance"].as_str().unwrap();
    let sent = invoke(
        &w,
        "avis_sent_record",
        json!({ "contractId": id, "echeance": echeance, "on": "2026-11-20", "channel": null }),
    )
    .unwrap();
    assert_eq!(sent["sentOn"], "2026-11-20");
    assert_eq!(sent["channel"], "courrier");
    let e = invoke(
        &w,
        "avis_sent_record",
        json!({ "contractId": id, "echeance": echeance, "on": "2027-12-01" }),
    )
    .unwrap_err();
    assert_eq!(e["code"], "invalid:on");
    let list = invoke(&w, "avis_sent_list", json!({ "contractId": id })).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}
