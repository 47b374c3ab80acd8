//! The `courtier` command, run as a broker's script would run it.
#![allow(clippy::unwrap_used)]

mod common;

use common::CliAgency;

#[test]
fn add_search_show_in_french_with_json() {
    let a = CliAgency::empty();
    let init = a.ok(&["init"]);
    assert!(init.contains("Clé de secours"), "{init}");
    let id = a.ok(&[
        "client",
        "add",
        "--last-name",
        "Lefèvre",
        "--first-name",
        "Hélène",
        "--birth-date",
        "1984-03-12",
        "--email",
        "helene.lefevre@exemple.fr",
        "--phone",
        "06 12 34 56 78",
        "--postcode",
        "69003",
        "--city",
        "Lyon",
    ]);
    let id: i64 = id.trim().parse().unwrap();
    a.client("Martin", Some("Paul"));

    let found = a.ok(&["client", "search", "helene", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&found).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["id"], id);
    assert_eq!(v[0]["displayName"], "Hélène Lefèvre");
    assert_eq!(v[0]["phone"], "0612345678");
    assert_eq!(v[0]["city"], "Lyon");

    let text = a.ok(&["client", "search", "LEFE"]);
    assert!(text.contains("Hélène Lefèvre"), "{text}");

    let show = a.ok(&["client", "show", &id.to_string(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&show).unwrap();
    assert_eq!(v["lastName"], "Lefèvre");
    assert_eq!(v["birthDate"], "1984-03-12");
    assert_eq!(v["emails"][0]["address"], "helene.lefevre@exemple.fr");
    assert_eq!(v["addresses"][0]["postcode"], "69003");
    assert_eq!(v["archived"], false);

    let list = a.ok(&["client", "list", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(v["total"], 2);
    assert_eq!(v["items"][0]["displayName"], "Hélène Lefèvre");
}

#[test]
fn errors_are_french_on_stderr_with_a_non_zero_exit() {
    let a = CliAgency::empty();
    let out = a.run(&["client", "search", "x"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Aucun fichier d'agence"), "{err}");

    a.ok(&["init"]);
    let out = a.run(&[
        "client",
        "add",
        "--last-name",
        "Durand",
        "--birth-date",
        "1990-02-31",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("31/02/1990 n'existe pas"), "{err}");
    assert!(err.contains("invalid:birthDate"), "{err}");

    let out = a.run(&[
        "client",
        "add",
        "--last-name",
        "Durand",
        "--postcode",
        "7500",
        "--city",
        "Paris",
        "--address",
        "1 rue X",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("5 chiffres"));

    assert!(a.fails(&["client", "show", "4242"]).contains("introuvable"));

    // A wrong key: its own error, and nothing changes.
    let out = a
        .command()
        .env("COURTIER_DB_KEY", "00".repeat(32))
        .args(["client", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("wrong_key"), "{err}");

    let out = a
        .command()
        .env("COURTIER_DB_KEY", "abc")
        .args(["client", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("64"));

    // Usage errors: exit 2, in French too (clap's own words never reach the broker).
    let out = a.run(&["client", "frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Commande inconnue : « frobnicate »"), "{err}");
    let out = a.run(&["client", "list", "--page-size", "0"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("un nombre entier d'au moins 1 est attendu"),
        "{err}"
    );
    for english in ["error:", "Usage:", "For more information"] {
        assert!(!err.contains(english), "{err}");
    }
    let help = a.run(&["client", "list", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("Utilisation : courtier client list"),
        "{help}"
    );
    assert!(
        help.contains("(valeurs : name, created, updated, postcode, city ; par défaut : name)"),
        "{help}"
    );
    assert!(
        !help.contains("[default:") && !help.contains("Usage:"),
        "{help}"
    );
}

#[test]
fn contract_and_claim_from_the_command_line() {
    let a = CliAgency::init();
    let client = a.client("Bénard", Some("Léa"));
    let k = a.contract(
        client.trim(),
        "Mutuelle de l'Ouest",
        "A-42",
        ("2021-03-01", "2022-01-01"),
        &[
            "--premium",
            "RC=300,00",
            "--premium-fixed",
            "Assistance=45,50",
        ],
    );
    let k = k.trim();
    let shown: serde_json::Value = a.json(&["contract", "show", k, "--json"]);
    assert_eq!(shown["insurer"], "Mutuelle de l'Ouest");
    assert_eq!(shown["premiums"].as_array().unwrap().len(), 2);
    let before = shown["coefficientHistory"].as_array().unwrap().len();
    assert!(before >= 4);
    let after: serde_json::Value = a.claim(k, "2023-05-02", "accident", "full", &[]);
    assert_eq!(after["claims"][0]["responsibility"], "full");
    let claim_id = after["claims"][0]["id"].to_string();
    let re: serde_json::Value = a.json(&[
        "claim",
        "requalify",
        &claim_id,
        "--responsibility",
        "none",
        "--on",
        "2023-09-01",
        "--json",
    ]);
    assert_eq!(
        re["claims"][0]["qualifications"].as_array().unwrap().len(),
        2
    );
    assert_ne!(after["coefficientInForce"], re["coefficientInForce"]);
    let note = a.ok(&["contract", "show", k, "--note"]);
    assert!(note.contains("requalifié « non responsable »"), "{note}");
    let list = a.ok(&["contract", "list", "--client", client.trim()]);
    assert!(list.contains("A-42"), "{list}");
    assert!(a
        .fails(&[
            "claim",
            "add",
            "--contract",
            k,
            "--date",
            "2023-02-30",
            "--kind",
            "accident",
            "--responsibility",
            "full",
        ],)
        .contains("n'existe pas"));
}

#[test]
fn vehicles_and_drivers_with_replacement_and_novice() {
    let a = CliAgency::init();
    let client = a.client("Roux", Some("Théo"));
    let k = a.contract(
        client.trim(),
        "Alliance Auto",
        "V-1",
        ("2019-03-01", "2020-01-01"),
        &[],
    );
    let k = k.trim();
    let v1 = a.ok(&[
        "vehicle",
        "add",
        "--contract",
        k,
        "--registration",
        "ab 123 cd",
        "--make",
        "Renault",
        "--model",
        "Clio",
        "--from",
        "2019-03-01",
    ]);
    assert!(a
        .fails(&[
            "vehicle",
            "add",
            "--contract",
            k,
            "--registration",
            "AI-123-CD",
            "--from",
            "2019-03-01",
        ],)
        .contains("immatriculation"));
    // The coefficient is under 1.00 by 2026: a replacement with other drivers loses it (R16).
    let v2: serde_json::Value = a.json(&[
        "vehicle",
        "replace",
        v1.trim(),
        "--contract",
        k,
        "--registration",
        "EF-456-GH",
        "--from",
        "2026-06-01",
        "--other-drivers",
        "--json",
    ]);
    assert_eq!(v2["registration"], "EF-456-GH");
    let d: serde_json::Value = a.json(&[
        "driver",
        "add",
        "--contract",
        k,
        "--role",
        "secondaire",
        "--last-name",
        "Roux",
        "--first-name",
        "Zoé",
        "--birth-date",
        "2006-02-01",
        "--licence-date",
        "2024-05-02",
        "--aac",
        "--from",
        "2024-06-01",
        "--json",
    ]);
    assert_eq!(d["novice"], true);
    let shown: serde_json::Value = a.json(&["contract", "show", k, "--json"]);
    assert_eq!(shown["vehicles"].as_array().unwrap().len(), 2);
    let note = shown["vehicles"][0]["transferNote"].as_str().unwrap();
    assert!(note.contains("la réduction ne se transfère pas"), "{note}");
    assert_eq!(shown["vehicles"][0]["toDate"], "2026-06-01");
    assert_eq!(shown["drivers"][0]["aac"], true);
    assert!(a
        .fails(&[
            "driver",
            "add",
            "--contract",
            k,
            "--last-name",
            "Roux",
            "--birth-date",
            "2010-01-01",
            "--licence-date",
            "2020-01-01",
            "--from",
            "2024-01-01",
        ],)
        .contains("15 ans"));
}

#[test]
fn claim_workflow_and_open_claims() {
    let a = CliAgency::init();
    let client = a.client("Guyot", Some("Véronique"));
    let k = a.contract(client.trim(), "A", "W-1", ("2022-03-01", "2023-01-01"), &[]);
    let after: serde_json::Value = a.claim(k.trim(), "2025-05-02", "glass", "none", &[]);
    let id = after["claims"][0]["id"].to_string();
    let open: serde_json::Value = a.json(&["claim", "open", "--json"]);
    assert_eq!(open.as_array().unwrap().len(), 1);
    assert_eq!(open[0]["status"], "declare");
    assert_eq!(open[0]["clientName"], "Véronique Guyot");
    a.ok(&[
        "claim",
        "status",
        &id,
        "--status",
        "indemnise",
        "--on",
        "2025-06-01",
    ]);
    let closed: serde_json::Value = a.json(&[
        "claim",
        "status",
        &id,
        "--status",
        "clos",
        "--on",
        "2025-06-15",
        "--json",
    ]);
    assert_eq!(closed["claims"][0]["statuses"].as_array().unwrap().len(), 3);
    assert_eq!(closed["claims"][0]["status"], "clos");
    let open: serde_json::Value = a.json(&["claim", "open", "--json"]);
    assert!(open.as_array().unwrap().is_empty());
    let out = a.run(&[
        "claim",
        "status",
        &id,
        "--status",
        "perdu",
        "--on",
        "2025-06-15",
    ]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn claim_parties_and_communication_log() {
    let a = CliAgency::init();
    let client = a.client("Perrin", None);
    let k = a.contract(client.trim(), "A", "P-1", ("2022-03-01", "2023-01-01"), &[]);
    let c: serde_json::Value = a.claim(k.trim(), "2025-05-02", "accident", "partial", &[]);
    let id = c["claims"][0]["id"].to_string();
    let with_party: serde_json::Value = a.json(&[
        "claim",
        "party",
        &id,
        "--role",
        "expert",
        "--name",
        "Cabinet Expertises Loire",
        "--phone",
        "02 40 12 34 56",
        "--reference",
        "EXP-889",
        "--json",
    ]);
    let party = with_party["claims"][0]["parties"][0]["id"].to_string();
    assert_eq!(with_party["claims"][0]["parties"][0]["phone"], "0240123456");
    let logged: serde_json::Value = a.json(&[
        "claim",
        "contact",
        &id,
        "--party",
        &party,
        "--at",
        "2025-05-10T14:30",
        "--channel",
        "telephone",
        "--direction",
        "sortant",
        "--summary",
        "Rendez-vous d'expertise fixé au 15/05.",
        "--json",
    ]);
    let log = &logged["claims"][0]["communications"];
    assert_eq!(log.as_array().unwrap().len(), 1);
    assert_eq!(log[0]["summary"], "Rendez-vous d'expertise fixé au 15/05.");
    assert!(a
        .fails(&[
            "claim",
            "contact",
            &id,
            "--at",
            "2025-05-10T25:00",
            "--channel",
            "telephone",
            "--direction",
            "sortant",
            "--summary",
            "x",
        ],)
        .contains("Heure"));
    let out = a.run(&[
        "claim",
        "contact",
        &id,
        "--party",
        "999",
        "--at",
        "2025-05-10",
        "--channel",
        "email",
        "--direction",
        "entrant",
        "--summary",
        "x",
    ]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn corrections_amounts_amendments_and_timeline_from_the_command_line() {
    let a = CliAgency::init();
    let client = a.client("Garnier", None);
    let client = client.trim();
    let k = a.contract(
        client,
        "A",
        "G-1",
        ("2022-03-01", "2023-01-01"),
        &["--premium", "RC=300,00"],
    );
    let k = k.trim();
    let v = a.ok(&[
        "vehicle",
        "add",
        "--contract",
        k,
        "--registration",
        "gh-456-jk",
        "--from",
        "2022-03-01",
    ]);
    let dr = a.ok(&[
        "driver",
        "add",
        "--contract",
        k,
        "--last-name",
        "Garnier",
        "--from",
        "2022-03-01",
    ]);
    let c: serde_json::Value = a.claim(
        k,
        "2025-05-02",
        "accident",
        "full",
        &[
            "--vehicle",
            v.trim(),
            "--driver",
            dr.trim(),
            "--estimated",
            "2 000,00",
        ],
    );
    let id = c["claims"][0]["id"].to_string();
    assert_eq!(c["claims"][0]["vehicleId"].to_string(), v.trim());

    let shown = a.ok(&["claim", "show", &id]);
    assert!(shown.contains("GH-456-JK"), "{shown}");
    let paid: serde_json::Value = a.json(&[
        "claim",
        "amount",
        &id,
        "--kind",
        "reglement",
        "--amount",
        "1 500",
        "--on",
        "2025-07-01",
        "--json",
    ]);
    assert_eq!(paid["claim"]["paid"], "1500.00");
    let fixed: serde_json::Value = a.json(&[
        "claim",
        "update",
        &id,
        "--place",
        "Angers",
        "--reason",
        "Lieu oublié",
        "--json",
    ]);
    assert_eq!(fixed["claim"]["place"], "Angers");
    assert_eq!(fixed["claim"]["revisions"][0]["reason"], "Lieu oublié");
    let list = a.ok(&["claim", "list", "--client", client]);
    assert!(list.contains("2025-05-02"), "{list}");

    let amended = a.ok(&[
        "contract",
        "avenant",
        k,
        "--on",
        "2025-09-01",
        "--details",
        "Ajout du bris de glace",
        "--premium",
        "Bris de glace=60,00",
    ]);
    assert!(amended.contains("Contrat"), "{amended}");
    let updated: serde_json::Value = a.json(&[
        "contract",
        "update",
        k,
        "--number",
        "G-1bis",
        "--reason",
        "Numéro corrigé",
        "--json",
    ]);
    assert_eq!(updated["number"], "G-1bis");
    assert_eq!(updated["revisions"][0]["previous"]["number"], "G-1");
    let veh = a.ok(&[
        "vehicle",
        "update",
        v.trim(),
        "--make",
        "Peugeot",
        "--reason",
        "Marque",
    ]);
    assert!(
        veh.contains("Peugeot") && veh.contains("Corrigé le"),
        "{veh}"
    );
    assert!(a
        .ok(&["vehicle", "list", "--contract", k])
        .contains("GH-456-JK"));
    let drv = a.ok(&[
        "driver",
        "update",
        dr.trim(),
        "--licence-date",
        "2010-06-01",
    ]);
    assert!(drv.contains("permis du 2010-06-01"), "{drv}");
    assert!(a.ok(&["driver", "show", dr.trim()]).contains("Garnier"));

    let tl = a.ok(&[
        "client",
        "timeline",
        client,
        "--kind",
        "montant",
        "--kind",
        "correction",
    ]);
    assert!(tl.contains("Règlement : 1\u{202f}500,00\u{a0}€"), "{tl}");
    assert!(tl.contains("Déclaration corrigée"), "{tl}");
    assert!(!tl.contains("Échéance"), "{tl}");
    let json: serde_json::Value = a.json(&["contract", "timeline", k, "--json"]);
    assert!(json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "coefficient"));
    let bad = a.run(&["client", "timeline", client, "--kind", "nope"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("Type d'événement inconnu"));
    assert!(a.ok(&["check"]).trim().ends_with("Intégrité : ok"));
}

#[test]
fn insurers_are_a_managed_list_with_their_relevé_address() {
    let a = CliAgency::init();
    let id = a.ok(&[
        "insurer",
        "add",
        "--name",
        "Mutuelle de l'Ouest",
        "--postcode",
        "44000",
        "--city",
        "Nantes",
        "--releve-email",
        "releves@mutuelle-ouest.fr",
        "--phone",
        "02 40 00 00 00",
    ]);
    let id = id.trim();
    let client = a.client("Roy", None);
    // A contract with the same insurer (by name, any case) is held with that insurer.
    a.contract(
        client.trim(),
        "mutuelle de l'ouest",
        "R-1",
        ("2024-01-10", "2025-01-10"),
        &[],
    );
    let list = a.ok(&["insurer", "list"]);
    assert!(
        list.contains("Mutuelle de l'Ouest") && list.contains("1 contrat(s)"),
        "{list}"
    );
    assert!(list.contains("releves@mutuelle-ouest.fr"), "{list}");
    let updated: serde_json::Value = a.json(&[
        "insurer",
        "update",
        id,
        "--releve-email",
        "ri@mutuelle-ouest.fr",
        "--reason",
        "Nouveau service",
        "--json",
    ]);
    assert_eq!(updated["releveEmail"], "ri@mutuelle-ouest.fr");
    assert_eq!(
        updated["revisions"][0]["previous"]["releve_email"],
        "releves@mutuelle-ouest.fr"
    );
    assert_eq!(updated["phone"], "0240000000");
    let bad = a.run(&["insurer", "update", id, "--postcode", "4400"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("code postal"));
    let dup = a.run(&["insurer", "add", "--name", "MUTUELLE DE L'OUEST"]);
    assert!(String::from_utf8_lossy(&dup.stderr).contains("existe déjà"));
}

#[test]
fn a_client_corrected_twice_shows_both_earlier_versions() {
    let a = CliAgency::init();
    let id = a.ok_line(&[
        "client",
        "add",
        "--last-name",
        "Martin",
        "--first-name",
        "Anne",
        "--city",
        "Lyon",
        "--postcode",
        "69003",
        "--phone",
        "06 12 34 56 78",
    ]);
    let out = a.ok(&[
        "client",
        "update",
        &id,
        "--city",
        "Annecy",
        "--postcode",
        "74000",
        "--reason",
        "Déménagement",
    ]);
    assert!(out.contains("corrigé"), "{out}");
    a.ok(&[
        "client",
        "update",
        &id,
        "--status",
        "client",
        "--profession",
        "Infirmière",
    ]);
    let rec = a.json(&["client", "show", &id, "--json"]);
    let revisions = rec["revisions"].as_array().unwrap();
    assert_eq!(revisions.len(), 2, "{rec}");
    assert_eq!(revisions[0]["reason"], "Déménagement");
    assert!(revisions[0]["previous"]["addresses"]
        .as_str()
        .unwrap()
        .contains("69003 Lyon"));
    assert_eq!(revisions[0]["previous"]["status"], "prospect");
    assert!(revisions[1]["previous"]["addresses"]
        .as_str()
        .unwrap()
        .contains("74000 Annecy"));
    assert_eq!(revisions[1]["previous"]["status"], "prospect");
    assert_eq!(revisions[1]["reason"], serde_json::Value::Null);
    assert_eq!(rec["status"], "client");
    assert_eq!(rec["addresses"][0]["city"], "Annecy");
    assert_eq!(rec["phones"][0]["number"], "0612345678", "the phone stays");
    // The human record lists them too.
    let text = a.ok(&["client", "show", &id]);
    assert_eq!(text.matches("Corrigé le").count(), 2, "{text}");
    // A correction with nothing new keeps no revision; a bad value changes nothing.
    a.ok(&["client", "update", &id, "--city", "Annecy"]);
    assert_eq!(
        a.json(&["client", "show", &id, "--json"])["revisions"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let err = a.fails(&["client", "update", &id, "--birth-date", "31/02/1990"]);
    assert!(err.contains("(code : invalid:"), "{err}");
    assert_eq!(
        a.json(&["client", "show", &id, "--json"])["revisions"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}
