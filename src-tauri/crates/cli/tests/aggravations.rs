//! Aggravating circumstances (art. A121-1-2) from the command line: recorded on a claim and on
//! a driver, seen on the contract's next premium with their end date, withdrawn, refused with a
//! French message.
#![allow(clippy::unwrap_used)]

mod common;

use common::CliAgency;

#[test]
fn aggravations_on_a_claim_and_a_driver_from_the_command_line() {
    let a = CliAgency::init();
    let client = a.client("Morel", Some("Luc"));
    let k = a.contract(
        &client,
        "Mutuelle",
        "M-1",
        ("2025-03-01", "2026-01-01"),
        &["--premium", "RC=500,00"],
    );
    let driver = a.ok_line(&[
        "driver",
        "add",
        "--contract",
        &k,
        "--last-name",
        "Morel",
        "--licence-date",
        "2001-09-01",
        "--from",
        "2025-03-01",
    ]);
    let claim = a.claim(&k, "2026-03-10", "accident", "full", &["--driver", &driver])["claims"][0]
        ["id"]
        .to_string();
    let not_responsible =
        a.claim(&k, "2026-04-10", "accident", "none", &[])["claims"][1]["id"].to_string();

    // Alcohol on the responsible claim: its date by default, until two years after 1 January 2027.
    let out = a.ok(&["claim", "aggravation", "add", &claim, "--fact", "alcohol"]);
    assert!(out.contains("2026-03-10"), "{out}");
    assert!(out.contains("jusqu'à l'échéance du 2029-01-01"), "{out}");
    let listed = a.json(&["claim", "aggravation", "list", &claim, "--json"]);
    let alcohol = listed[0]["id"].to_string();
    assert_eq!(listed[0]["fact"], "alcohol");
    assert_eq!(listed[0]["rate"], "150");

    // The suspension it caused (8 months): one surcharge, the higher.
    let k_json = a.json(&[
        "driver",
        "aggravation",
        "add",
        &driver,
        "--fact",
        "suspension",
        "--on",
        "2026-04-01",
        "--months",
        "8",
        "--caused-by",
        &alcohol,
        "--json",
    ]);
    let s = &k_json["nextPremium"]["surcharges"];
    assert_eq!(s.as_array().unwrap().len(), 1, "{s}");
    assert_eq!(s[0]["rate"], "150");
    assert_eq!(s[0]["until"], "2029-01-01");
    assert!(k_json["note"].as_str().unwrap().contains("art. A121-1-2"));
    let shown = a.ok(&["contract", "show", &k]);
    assert!(
        shown.contains("Majoration A121-1-2 : accident responsable sous l'emprise de l'alcool"),
        "{shown}"
    );
    assert!(
        shown.contains("jusqu'à l'échéance du 2029-01-01"),
        "{shown}"
    );
    let listed = a.json(&["driver", "aggravation", "list", &driver, "--json"]);
    assert_eq!(listed[0]["suspensionMonths"], 8);

    // Refused, in French, nothing saved.
    let err = a.fails(&[
        "claim",
        "aggravation",
        "add",
        &not_responsible,
        "--fact",
        "hit_and_run",
    ]);
    assert!(err.contains("n'est pas responsable"), "{err}");
    let err = a.fails(&[
        "driver",
        "aggravation",
        "add",
        &driver,
        "--fact",
        "suspension",
        "--on",
        "2026-05-01",
        "--months",
        "1",
    ]);
    assert!(err.contains("moins de deux mois"), "{err}");
    let err = a.fails(&["claim", "aggravation", "add", &claim, "--fact", "ivresse"]);
    assert!(err.contains("fait aggravant inconnu"), "{err}");
    assert_eq!(
        a.json(&["driver", "aggravation", "list", &driver, "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Withdrawn: the suspension alone is charged; the fact stays, marked.
    let err = a.fails(&[
        "claim",
        "aggravation",
        "withdraw",
        &alcohol,
        "--reason",
        " ",
    ]);
    assert!(err.contains("pourquoi"), "{err}");
    let k_json = a.json(&[
        "claim",
        "aggravation",
        "withdraw",
        &alcohol,
        "--reason",
        "Contrôle négatif",
        "--json",
    ]);
    let s = &k_json["nextPremium"]["surcharges"];
    assert_eq!(s[0]["rate"], "100");
    let out = a.ok(&["claim", "aggravation", "list", &claim]);
    assert!(out.contains("RETIRÉ : Contrôle négatif"), "{out}");

    // The French help names the subcommands.
    let help = a.ok(&["driver", "aggravation", "add", "--help"]);
    assert!(help.contains("Durée de la suspension en mois"), "{help}");
    assert!(help.contains("Utilisation"), "{help}");
}

#[test]
fn a_parked_vehicle_claim_by_an_unidentified_third_party_cannot_be_responsible() {
    let a = CliAgency::init();
    let client = a.client("Petit", None);
    let k = a.contract(&client, "A", "P-1", ("2025-03-01", "2026-01-01"), &[]);
    let err = a.fails(&[
        "claim",
        "add",
        "--contract",
        &k,
        "--date",
        "2026-02-01",
        "--kind",
        "parked_unidentified",
        "--responsibility",
        "full",
    ]);
    assert!(
        err.contains("stationnement par un tiers non identifié"),
        "{err}"
    );
    let c = a.claim(&k, "2026-02-01", "parked_unidentified", "none", &[])["claims"][0]["id"]
        .to_string();
    let err = a.fails(&[
        "claim",
        "requalify",
        &c,
        "--responsibility",
        "partial",
        "--on",
        "2026-03-01",
    ]);
    assert!(err.contains("ne peut pas être qualifié"), "{err}");
}
