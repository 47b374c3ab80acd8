//! The shell's commands through Tauri's mock runtime: names, argument names, result and error
//! JSON shapes, and the window's capability granting each command (no display needed).
#![allow(clippy::unwrap_used)]

mod common;

use common::{invoke, window};
use serde_json::{json, Value};

#[test]
fn commands_answer_with_the_contract_shapes() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(dir.path());

    let st = invoke(&w, "agency_status", json!({})).unwrap();
    assert_eq!(st["state"], "absent");

    // Before opening: a typed error, exactly { code, message }.
    let err = invoke(&w, "client_search", json!({ "text": "x" })).unwrap_err();
    assert_eq!(err["code"], "agency_locked");
    assert_eq!(err.as_object().unwrap().len(), 2);

    let opened = invoke(&w, "agency_open", json!({})).unwrap();
    assert_eq!(opened["state"], "open");
    assert_eq!(opened["created"], true);
    assert!(opened["recoveryKey"].as_str().unwrap().len() > 40);
    assert_eq!(opened["storage"], "keychain");

    let input = json!({
        "kind": "person", "civility": "Mme", "lastName": "Lefèvre", "firstName": "Hélène",
        "birthDate": "1984-03-12", "status": "client",
        "addresses": [{ "kind": "principale", "line1": "12 rue des Écoles", "line2": null,
                        "postcode": "69003", "city": "Lyon", "country": "France" }],
        "phones": [{ "kind": "mobile", "number": "06 12 34 56 78" }],
        "emails": [{ "kind": "personnel", "address": "helene@exemple.fr" }]
    });
    let rec = invoke(&w, "client_create", json!({ "input": input })).unwrap();
    let id = rec["id"].as_i64().unwrap();
    assert_eq!(rec["displayName"], "Hélène Lefèvre");
    assert_eq!(rec["phones"][0]["number"], "0612345678");

    let mut bad = input.clone();
    bad["birthDate"] = json!("1984-02-30");
    let err = invoke(&w, "client_create", json!({ "input": bad })).unwrap_err();
    assert_eq!(err["code"], "invalid:birthDate");
    assert!(err["message"].as_str().unwrap().contains("n'existe pas"));

    let hits = invoke(
        &w,
        "client_search",
        json!({ "text": "helene", "limit": 10 }),
    )
    .unwrap();
    assert_eq!(hits[0]["id"], id);

    let page = invoke(
        &w,
        "client_list",
        json!({ "query": { "page": 1, "pageSize": 50, "sort": "name", "descending": false,
                           "status": null, "includeArchived": false } }),
    )
    .unwrap();
    assert_eq!(page["total"], 1);
    assert_eq!(page["pageSize"], 50);

    let got = invoke(&w, "client_get", json!({ "id": id })).unwrap();
    assert_eq!(got["lastName"], "Lefèvre");
    let mut changed = input.clone();
    changed["status"] = json!("former");
    let upd = invoke(
        &w,
        "client_update",
        json!({ "id": id, "input": changed, "expectedVersion": 1 }),
    )
    .unwrap();
    assert_eq!(upd["status"], "former");
    assert_eq!(
        invoke(&w, "client_archive", json!({ "id": id })).unwrap()["archived"],
        true
    );
    assert_eq!(
        invoke(&w, "client_restore", json!({ "id": id })).unwrap()["archived"],
        false
    );

    let other = invoke(
        &w,
        "client_create",
        json!({ "input": { "kind": "person", "lastName": "Lefèvre", "firstName": "Paul", "status": "client" } }),
    )
    .unwrap();
    let linked = invoke(
        &w,
        "household_link",
        json!({ "clientId": other["id"], "withClientId": id }),
    )
    .unwrap();
    assert_eq!(linked["household"]["members"][0]["id"], id);
    let left = invoke(&w, "household_leave", json!({ "clientId": other["id"] })).unwrap();
    assert_eq!(left["household"], Value::Null);

    let demo = invoke(&w, "demo_load", json!({ "clients": 30 })).unwrap();
    assert_eq!(demo["clients"], 32);
}

#[test]
fn every_command_is_granted_to_the_main_window_and_nothing_else_but_the_close_guard() {
    let cap: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/capabilities/main.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let mut granted: Vec<String> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    granted.sort();
    let mut expected: Vec<String> = courtier_desktop::COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    // Beyond our commands: the native file dialogs (attach, export), listening to events (the
    // native drag-and-drop of files, the window's close request) and destroying the window once
    // the broker agreed to close it (ui/js/api.js `guardWindowClose`), and the page's zoom
    // (Ctrl + « + », ui/js/zoom.js); nothing else.
    expected.extend(
        [
            "core:event:allow-listen",
            "core:event:allow-unlisten",
            "core:webview:allow-set-webview-zoom",
            "core:window:allow-destroy",
            "dialog:allow-open",
            "dialog:allow-save",
        ]
        .map(String::from),
    );
    expected.sort();
    assert_eq!(granted, expected);
    assert_eq!(cap["windows"], json!(["main"]));
}

#[test]
fn document_commands_attach_list_and_refuse_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(dir.path());
    invoke(&w, "agency_open", json!({})).unwrap();
    let client = invoke(
        &w,
        "client_create",
        json!({ "input": { "kind": "person", "lastName": "Bénard", "status": "client" } }),
    )
    .unwrap();
    let scan = dir.path().join("constat.pdf");
    std::fs::write(
        &scan,
        courtier_app::documents::samples::pdf(&["Constat", "Verso"], None, 0),
    )
    .unwrap();
    let args = json!({ "ownerKind": "client", "ownerId": client["id"], "path": scan,
                       "draft": { "kind": "constat_amiable", "date": "2026-11-03" } });
    let r = invoke(&w, "document_attach", args.clone()).unwrap();
    assert_eq!(r["duplicate"], false);
    assert_eq!(r["document"]["pages"], 2);
    assert_eq!(r["document"]["format"], "pdf");
    assert_eq!(
        invoke(&w, "document_attach", args).unwrap()["duplicate"],
        true
    );
    let list = invoke(
        &w,
        "document_list",
        json!({ "ownerKind": "client", "ownerId": client["id"] }),
    )
    .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let fake = dir.path().join("scan.pdf");
    std::fs::write(&fake, b"MZ\x90\0 not a document").unwrap();
    let e = invoke(
        &w,
        "document_attach",
        json!({ "ownerKind": "claim", "ownerId": 1, "path": fake, "draft": { "kind": "autre" } }),
    )
    .unwrap_err();
    assert_eq!(e["code"], "document_unsupported");
    let s = invoke(&w, "document_settings_set", json!({ "maxMegabytes": 20 })).unwrap();
    assert_eq!(s["maxLabel"], "20,0 Mo");
}

#[test]
fn a_command_outside_the_list_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(dir.path());
    assert!(invoke(&w, "plugin:fs|read_file", json!({ "path": "/etc/passwd" })).is_err());
    assert!(invoke(&w, "drop_database", json!({})).is_err());
}

#[test]
fn contract_and_claim_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(dir.path());
    invoke(&w, "agency_open", json!({})).unwrap();
    let client = invoke(
        &w,
        "client_create",
        json!({ "input": { "kind": "person", "lastName": "Bénard", "firstName": "Léa", "status": "client" } }),
    )
    .unwrap();
    let k = invoke(
        &w,
        "contract_create",
        json!({ "input": { "clientId": client["id"], "insurer": "Mutuelle de l'Ouest", "number": "A-1",
            "product": "auto", "subscriptionDate": "2021-03-01", "firstEcheance": "2022-01-01",
            "usage": "standard", "clauseApplies": true, "startCoefficient": null, "status": "en_cours",
            "premiums": [{ "guarantee": "RC", "amount": "300,00", "modulated": true }] } }),
    )
    .unwrap();
    assert_eq!(k["coefficientInForce"], "0.80");
    let list = invoke(&w, "contract_list", json!({ "clientId": client["id"] })).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let after = invoke(
        &w,
        "claim_create",
        json!({ "input": { "contractId": k["id"], "occurredOn": "2026-10-10", "declaredOn": null,
            "kind": "accident", "responsibility": "full", "place": null, "description": null,
            "insurerReference": null, "estimated": null } }),
    )
    .unwrap();
    assert_eq!(after["projection"]["ifNothingHappens"], "1.00");
    let re = invoke(
        &w,
        "claim_requalify",
        json!({ "claimId": after["claims"][0]["id"], "responsibility": "partial",
                "foundOn": "2026-11-20", "note": null }),
    )
    .unwrap();
    assert_eq!(re["projection"]["ifNothingHappens"], "0.90");
    let got = invoke(&w, "contract_get", json!({ "id": k["id"] })).unwrap();
    assert_eq!(
        got["claims"][0]["qualifications"].as_array().unwrap().len(),
        2
    );
    let s = invoke(
        &w,
        "contract_suspend",
        json!({ "id": k["id"], "from": "2024-02-01", "to": "2024-07-01" }),
    )
    .unwrap();
    assert_eq!(s["coefficientHistory"][3]["coefficient"], "0.90");
    let err = invoke(
        &w,
        "claim_create",
        json!({ "input": { "contractId": k["id"], "occurredOn": "2026-02-30", "kind": "accident", "responsibility": "full" } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid:occurredOn");
}

#[test]
fn vehicle_driver_and_releve_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(dir.path());
    invoke(&w, "agency_open", json!({})).unwrap();
    let client = invoke(
        &w,
        "client_create",
        json!({ "input": { "kind": "person", "lastName": "Roux", "status": "client" } }),
    )
    .unwrap();
    let k = invoke(
        &w,
        "contract_create",
        json!({ "input": { "clientId": client["id"], "insurer": "A", "number": "1",
            "subscriptionDate": "2021-03-01", "firstEcheance": "2022-01-01" } }),
    )
    .unwrap();
    let v = invoke(
        &w,
        "vehicle_add",
        json!({ "input": { "contractId": k["id"], "registration": "ab-123-cd", "fromDate": "2021-03-01" } }),
    )
    .unwrap();
    assert_eq!(v["registration"], "AB-123-CD");
    let v2 = invoke(
        &w,
        "vehicle_replace",
        json!({ "oldVehicleId": v["id"], "sameOrFewerDrivers": true,
                "input": { "contractId": k["id"], "registration": "EF-456-GH", "fromDate": "2025-01-10" } }),
    )
    .unwrap();
    assert_eq!(v2["registration"], "EF-456-GH");
    let d = invoke(
        &w,
        "driver_add",
        json!({ "input": { "contractId": k["id"], "role": "principal", "lastName": "Roux",
                "licenceDate": "2025-01-01", "fromDate": "2025-01-10" } }),
    )
    .unwrap();
    assert_eq!(d["novice"], true);
    let r = invoke(
        &w,
        "releve_record",
        json!({ "clientId": client["id"], "document": { "issued_on": "2025-03-01",
            "policyholder": {}, "drivers": [], "claims": [], "coefficient": "0.80",
            "last_echeance": "2025-04-01", "stopped_on": "2025-12-31" } }),
    )
    .unwrap();
    assert_eq!(r["startCoefficient"], "0.76");
    assert!(!r["missingFields"].as_array().unwrap().is_empty());
}

#[test]
fn claim_page_timeline_and_amendment_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(dir.path());
    invoke(&w, "agency_open", json!({})).unwrap();
    let client = invoke(
        &w,
        "client_create",
        json!({ "input": { "kind": "person", "lastName": "Morel", "status": "client" } }),
    )
    .unwrap();
    let k = invoke(
        &w,
        "contract_create",
        json!({ "input": { "clientId": client["id"], "insurer": "A", "number": "T-1",
            "subscriptionDate": "2022-01-01", "firstEcheance": "2023-01-01",
            "premiums": [{ "guarantee": "RC", "amount": "300", "modulated": true }] } }),
    )
    .unwrap();
    let v = invoke(
        &w,
        "vehicle_add",
        json!({ "input": { "contractId": k["id"], "registration": "GH-456-JK", "fromDate": "2022-01-01" } }),
    )
    .unwrap();
    let d = invoke(
        &w,
        "driver_add",
        json!({ "input": { "contractId": k["id"], "role": "principal", "lastName": "Morel", "fromDate": "2022-01-01" } }),
    )
    .unwrap();
    let after = invoke(
        &w,
        "claim_create",
        json!({ "input": { "contractId": k["id"], "occurredOn": "2025-06-10", "kind": "accident",
            "responsibility": "full", "vehicleId": v["id"], "driverId": d["id"], "estimated": "1200" } }),
    )
    .unwrap();
    let claim_id = after["claims"][0]["id"].clone();
    let page = invoke(&w, "claim_get", json!({ "claimId": claim_id })).unwrap();
    assert_eq!(page["claim"]["vehicleId"], v["id"]);
    assert_eq!(page["claim"]["estimated"], "1200.00");
    assert_eq!(page["contractNumber"], "T-1");
    let paid = invoke(
        &w,
        "claim_amount_add",
        json!({ "claimId": claim_id, "amount": { "kind": "reglement", "amount": "800,50", "onDate": "2025-08-01" } }),
    )
    .unwrap();
    assert_eq!(paid["claim"]["paid"], "800.50");
    // Moved after 1 November 2025, the claim counts at the 2027 échéance, no longer at 2026's.
    let before = page["coefficientInForce"].clone();
    let moved = invoke(
        &w,
        "claim_update",
        json!({ "claimId": claim_id, "update": { "occurredOn": "2025-11-20", "reason": "date erronée" } }),
    )
    .unwrap();
    assert_eq!(before, "1.06");
    assert_eq!(moved["coefficientInForce"], "0.80");
    assert_eq!(
        moved["claim"]["revisions"][0]["previous"]["occurred_on"],
        "2025-06-10"
    );
    let bad = invoke(
        &w,
        "claim_update",
        json!({ "claimId": claim_id, "update": { "occurredOn": "2031-01-01" } }),
    )
    .unwrap_err();
    assert_eq!(bad["code"], "invalid:occurredOn");
    let av = invoke(
        &w,
        "contract_avenant",
        json!({ "id": k["id"], "avenant": { "onDate": "2026-01-01", "details": "Ajout bris de glace",
            "premiums": [{ "guarantee": "Bris de glace", "amount": "60", "modulated": true }] } }),
    )
    .unwrap();
    assert_eq!(
        av["events"].as_array().unwrap().last().unwrap()["kind"],
        "avenant"
    );
    let t = invoke(
        &w,
        "client_timeline",
        json!({ "clientId": client["id"], "query": { "kinds": ["sinistre", "montant", "correction"] } }),
    )
    .unwrap();
    let kinds: Vec<&str> = t["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    // The amounts keep their own dates, from before the corrected occurrence date.
    assert_eq!(kinds, ["montant", "montant", "sinistre", "correction"]);
    let all = invoke(&w, "contract_timeline", json!({ "contractId": k["id"] })).unwrap();
    assert!(all["total"].as_u64().unwrap() > 6);
    let wrong = invoke(
        &w,
        "client_timeline",
        json!({ "clientId": client["id"], "query": { "kinds": ["nope"] } }),
    )
    .unwrap_err();
    assert_eq!(wrong["code"], "invalid:kinds");
    let vs = invoke(&w, "vehicle_list", json!({ "contractId": k["id"] })).unwrap();
    assert_eq!(vs.as_array().unwrap().len(), 1);
    let ds = invoke(&w, "driver_list", json!({ "contractId": k["id"] })).unwrap();
    assert_eq!(ds[0]["lastName"], "Morel");
    let cl = invoke(&w, "claim_list", json!({ "clientId": client["id"] })).unwrap();
    assert_eq!(cl.as_array().unwrap().len(), 1);
    let ku = invoke(
        &w,
        "contract_update",
        json!({ "id": k["id"], "update": { "usage": "tournees", "reason": "Usage professionnel" } }),
    )
    .unwrap();
    assert_eq!(ku["usage"], "tournees");
    assert_eq!(ku["revisions"][0]["previous"]["usage"], "standard");
    let vu = invoke(
        &w,
        "vehicle_update",
        json!({ "id": v["id"], "update": { "model": "Clio" } }),
    )
    .unwrap();
    assert_eq!(vu["model"], "Clio");
    let du = invoke(
        &w,
        "driver_update",
        json!({ "id": d["id"], "update": { "toDate": "2021-01-01" } }),
    )
    .unwrap_err();
    assert_eq!(du["code"], "invalid:toDate");
    let ins = invoke(
        &w,
        "insurer_create",
        json!({ "input": { "name": "Assurances du Rhône", "releveEmail": "ri@rhone.fr" } }),
    )
    .unwrap();
    let upd = invoke(
        &w,
        "insurer_update",
        json!({ "id": ins["id"], "update": { "city": "Lyon" } }),
    )
    .unwrap();
    assert_eq!(upd["city"], "Lyon");
    let all = invoke(&w, "insurer_list", json!({})).unwrap();
    assert_eq!(
        all.as_array().unwrap().len(),
        2,
        "A and Assurances du Rhône"
    );
}

#[test]
fn aggravation_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(dir.path());
    invoke(&w, "agency_open", json!({})).unwrap();
    let client = invoke(
        &w,
        "client_create",
        json!({ "input": { "kind": "person", "lastName": "Faure", "status": "client" } }),
    )
    .unwrap();
    let k = invoke(
        &w,
        "contract_create",
        json!({ "input": { "clientId": client["id"], "insurer": "A", "number": "F-1",
            "subscriptionDate": "2025-03-01", "firstEcheance": "2026-01-01",
            "premiums": [{ "guarantee": "RC", "amount": "500", "modulated": true }] } }),
    )
    .unwrap();
    let d = invoke(
        &w,
        "driver_add",
        json!({ "input": { "contractId": k["id"], "role": "principal", "lastName": "Faure",
                "licenceDate": "2001-01-01", "fromDate": "2025-03-01" } }),
    )
    .unwrap();
    let c = invoke(
        &w,
        "claim_create",
        json!({ "input": { "contractId": k["id"], "occurredOn": "2026-03-10", "kind": "accident",
            "responsibility": "full", "driverId": d["id"] } }),
    )
    .unwrap();
    let page = invoke(
        &w,
        "claim_aggravation_add",
        json!({ "claimId": c["claims"][0]["id"], "input": { "fact": "hit_and_run" } }),
    )
    .unwrap();
    assert_eq!(page["aggravations"][0]["until"], "2029-01-01");
    let r = invoke(
        &w,
        "driver_aggravation_add",
        json!({ "driverId": d["id"], "input": { "fact": "suspension", "onDate": "2026-04-01",
            "suspensionMonths": 4, "causedBy": page["aggravations"][0]["id"] } }),
    )
    .unwrap();
    let s = &r["nextPremium"]["surcharges"];
    assert_eq!(s.as_array().unwrap().len(), 1);
    assert_eq!(s[0]["rate"], "100");
    assert_eq!(s[0]["until"], "2029-01-01");
    assert_eq!(r["nextPremium"]["surchargesCapped"], false);
    let err = invoke(
        &w,
        "aggravation_withdraw",
        json!({ "id": page["aggravations"][0]["id"], "reason": "" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid:reason");
    let r = invoke(
        &w,
        "aggravation_withdraw",
        json!({ "id": page["aggravations"][0]["id"], "reason": "Erreur" }),
    )
    .unwrap();
    assert_eq!(r["nextPremium"]["surcharges"][0]["rate"], "50");
}
