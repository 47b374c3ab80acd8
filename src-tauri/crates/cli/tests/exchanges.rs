//! `courtier exchange add|list`: the client's exchange log from the command line.
#![allow(clippy::unwrap_used)]

mod common;

use common::CliAgency;

#[test]
fn exchanges_are_noted_listed_in_french_and_refused_when_wrong() {
    let a = CliAgency::init();
    let client = a.client("Lefèvre", Some("Hélène"));
    let client = client.trim();
    let id = a.ok_line(&[
        "exchange",
        "add",
        "--client",
        client,
        "--at",
        "2025-02-03T09:30",
        "--channel",
        "rendez_vous",
        "--direction",
        "sortant",
        "--summary",
        "Bilan annuel du contrat",
    ]);
    assert!(id.parse::<i64>().is_ok(), "{id}");
    a.ok(&[
        "exchange",
        "add",
        "--client",
        client,
        "--at",
        "01/02/2025",
        "--kind",
        "consentement",
        "--channel",
        "courrier",
        "--direction",
        "entrant",
        "--summary",
        "Accepte les offres par courriel",
    ]);
    let text = a.ok(&["exchange", "list", "--client", client]);
    let first = text.find("01/02/2025").unwrap();
    let second = text.find("03/02/2025 09:30").unwrap();
    assert!(first < second, "oldest first:\n{text}");
    assert!(text.contains("Bilan annuel du contrat"), "{text}");
    assert!(text.contains("Échange (rendez-vous, envoyé)"), "{text}");
    assert!(
        text.contains("Consentement donné (courrier, reçu)"),
        "{text}"
    );
    let json = a.json(&["exchange", "list", "--client", client, "--json"]);
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(json[0]["kind"], "consentement");
    assert_eq!(json[1]["at"], "2025-02-03T09:30");

    let err = a.fails(&[
        "exchange",
        "add",
        "--client",
        client,
        "--at",
        "2999-01-01",
        "--channel",
        "telephone",
        "--direction",
        "entrant",
        "--summary",
        "x",
    ]);
    assert!(err.contains("dans le futur"), "{err}");
    let empty = a.client("Sans", Some("Échange"));
    let none = a.ok(&["exchange", "list", "--client", empty.trim()]);
    assert!(none.contains("Aucun échange noté"), "{none}");
}
