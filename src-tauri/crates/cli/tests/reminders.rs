//! `courtier reminders …`: due ones for scripts (listing marks nothing fired), manual ones
//! added, done, snoozed, dismissed, the lead times, and the refusals in French.
#![allow(clippy::unwrap_used)]

mod common;

use common::CliAgency;

#[test]
fn reminders_are_listed_for_scripts_and_handled_from_the_command_line() {
    let a = CliAgency::init();
    let client = a.client("Martin", Some("Paul"));
    let client = client.trim();
    assert_eq!(
        a.ok(&["reminders", "due", "--at", "2026-12-03T09:00"])
            .trim(),
        "Aucun rappel à traiter."
    );
    let first = a.ok_line(&[
        "reminders",
        "add",
        "--client",
        client,
        "--title",
        "Rappeler pour le constat",
        "--due",
        "2026-12-03T08:30",
        "--note",
        "Constat non signé",
    ]);
    let later = a.json(&[
        "reminders",
        "add",
        "--client",
        client,
        "--title",
        "Envoyer le devis habitation",
        "--due",
        "2026-12-10T14:00",
        "--json",
    ]);
    assert_eq!(later["state"], "upcoming");
    assert_eq!(later["origin"], "manual");

    // At 9:00 one is due; the listing marks nothing fired (the window's timer does).
    let due = a.json(&["reminders", "due", "--at", "2026-12-03T09:00", "--json"]);
    let due = due.as_array().unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0]["id"].to_string(), first);
    assert_eq!(due[0]["clientName"], "Paul Martin");
    assert_eq!(due[0]["firedCount"], 0);
    assert_eq!(due[0]["fired"], false);
    let text = a.ok(&["reminders", "due", "--at", "2026-12-03T09:00"]);
    assert!(text.contains("03/12/2026 08:30"), "{text}");
    assert!(
        text.contains("à traiter  Rappeler pour le constat"),
        "{text}"
    );
    assert!(text.contains("manuel"), "{text}");
    let again = a.json(&["reminders", "due", "--at", "2026-12-03T09:00", "--json"]);
    assert_eq!(again[0]["firedCount"], 0);

    // Snoozed to a moment to come (a month from now, the real clock's): due again then; done
    // closes it.
    let until = (chrono::Local::now().naive_local() + chrono::Duration::days(30)).date();
    let out = a.ok(&[
        "reminders",
        "snooze",
        &first,
        "--until",
        &format!("{}T09:00", until.format("%Y-%m-%d")),
    ]);
    assert!(
        out.contains(&format!("reporté au {} 09:00", until.format("%d/%m/%Y"))),
        "{out}"
    );
    let page = a.json(&["reminders", "list", "--at", "2026-12-03T09:00", "--json"]);
    assert_eq!(page["due"].as_array().unwrap().len(), 0);
    assert_eq!(page["upcoming"].as_array().unwrap().len(), 2);
    a.ok(&["reminders", "done", &first]);
    let page = a.json(&["reminders", "list", "--json"]);
    let closed = page["closed"].as_array().unwrap();
    assert_eq!(closed.len(), 1);
    assert_eq!(closed[0]["state"], "done");
    let kinds: Vec<&str> = closed[0]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["snoozed", "done"]);

    // Refusals, in French, and nothing recorded.
    let err = a.fails(&["reminders", "done", &first]);
    assert!(err.contains("déjà fait"), "{err}");
    let err = a.fails(&[
        "reminders",
        "snooze",
        &later["id"].to_string(),
        "--until",
        "2001-01-01T09:00",
    ]);
    assert!(err.contains("choisissez un moment à venir"), "{err}");
    let err = a.fails(&[
        "reminders",
        "add",
        "--client",
        client,
        "--title",
        " ",
        "--due",
        "2026-12-03T08:30",
    ]);
    assert!(err.contains("Indiquez l'objet du rappel"), "{err}");
    let err = a.fails(&[
        "reminders",
        "add",
        "--client",
        client,
        "--title",
        "x",
        "--due",
        "31/02/2026",
    ]);
    assert!(err.contains("date et heure attendues"), "{err}");
    let err = a.fails(&[
        "reminders",
        "add",
        "--title",
        "x",
        "--due",
        "2026-12-03T08:30",
    ]);
    assert!(
        err.contains("un client, un contrat ou un sinistre"),
        "{err}"
    );
    let err = a.fails(&["reminders", "due", "--at", "demain"]);
    assert!(err.contains("« demain »"), "{err}");
    let page = a.json(&["reminders", "list", "--json"]);
    assert_eq!(page["upcoming"].as_array().unwrap().len(), 1);
}

#[test]
fn lead_times_are_shown_and_changed_with_their_checks() {
    let a = CliAgency::init();
    let out = a.ok(&["reminders", "settings"]);
    assert!(out.contains("90, 60, 30, 15 jours avant"), "{out}");
    let s = a.json(&["reminders", "settings", "--lead-days", "15,45,7", "--json"]);
    assert_eq!(s["leadDays"], serde_json::json!([45, 15, 7]));
    let err = a.fails(&["reminders", "settings", "--lead-days", "400"]);
    assert!(err.contains("365"), "{err}");
    let s = a.json(&["reminders", "settings", "--json"]);
    assert_eq!(s["leadDays"], serde_json::json!([45, 15, 7]));
}
