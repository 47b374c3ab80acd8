//! The client's exchange log (issue 13, item 5) on a temp agency whose clock says 24 November
//! 2026: calls, meetings, letters and consents noted, checked in French, kept in the journal and
//! shown on the timelines with the avis d'échéance sent.
#![allow(clippy::unwrap_used)]

use courtier_app::{ClientExchangeDto, TimelineQuery};
use courtier_journeys::TempAgency;

fn call(at: &str, summary: &str) -> ClientExchangeDto {
    ClientExchangeDto {
        at: at.into(),
        kind: "echange".into(),
        channel: "telephone".into(),
        direction: "entrant".into(),
        summary: summary.into(),
        ..Default::default()
    }
}

#[test]
fn a_call_noted_is_in_the_log_on_both_timelines_and_in_the_journal() {
    let a = TempAgency::new();
    let c = a.client().id();
    let k = a.contract(c).create().id;
    let noted = a
        .client_exchange_add(
            c,
            &ClientExchangeDto {
                contract_id: Some(k),
                ..call(
                    "23/11/2026T14:05:30",
                    "Demande le détail de son coefficient.",
                )
            },
        )
        .unwrap();
    // A French date is stored as ISO, the seconds dropped.
    assert_eq!(noted.at, "2026-11-23T14:05");
    assert_eq!(noted.client_id, c);
    assert!(!noted.recorded_at.is_empty());
    let consent = a
        .client_exchange_add(
            c,
            &ClientExchangeDto {
                kind: "opposition".into(),
                channel: "courrier".into(),
                ..call(
                    "2026-11-20",
                    "Refuse la prospection commerciale par courriel.",
                )
            },
        )
        .unwrap();
    let log = a.client_exchanges(c).unwrap();
    assert_eq!(
        log.iter().map(|x| x.id).collect::<Vec<_>>(),
        vec![consent.id, noted.id],
        "oldest first"
    );

    let t = a.client_timeline(c, &TimelineQuery::default()).unwrap();
    let mine: Vec<_> = t
        .entries
        .iter()
        .filter(|e| e.kind == "echange")
        .map(|e| (e.date.as_str(), e.title.as_str(), e.detail.as_deref()))
        .collect();
    assert_eq!(
        mine,
        vec![
            (
                "2026-11-20",
                "Consentement retiré / opposition (courrier, reçu)",
                Some("Refuse la prospection commerciale par courriel.")
            ),
            (
                "2026-11-23T14:05",
                "Échange (téléphone, reçu)",
                Some("Demande le détail de son coefficient.")
            ),
        ]
    );
    let about_k = t
        .entries
        .iter()
        .find(|e| e.date == "2026-11-23T14:05")
        .unwrap();
    assert_eq!(about_k.contract_id, Some(k));
    assert!(about_k.contract_label.as_deref().unwrap().contains(" n° "));
    // The contract's timeline has the one about it, not the other.
    let tk = a.contract_timeline(k, &TimelineQuery::default()).unwrap();
    let titles: Vec<_> = tk
        .entries
        .iter()
        .filter(|e| e.kind == "echange")
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(titles, vec!["Échange (téléphone, reçu)"]);
    let check = a.verify(None).unwrap();
    assert!(check.ok(), "{:?}", check.problems);
}

#[test]
fn bad_entries_are_refused_in_french_and_nothing_is_written() {
    let a = TempAgency::new();
    let c = a.client().id();
    let other = a.client().id();
    let k_other = a.contract(other).create().id;
    let cases: Vec<(ClientExchangeDto, &str, &str)> = vec![
        (call("2026-11-25", "Plus tard"), "at", "dans le futur"),
        (call("31/02/2026", "Impossible"), "at", "Date de l'échange"),
        (call("2026-11-23T25:00", "Heure"), "at", "Heure « 25:00 »"),
        (call("2026-11-23", "   "), "summary", "vide"),
        (
            ClientExchangeDto {
                kind: "rumeur".into(),
                ..call("2026-11-23", "x")
            },
            "kind",
            "echange, consentement ou opposition",
        ),
        (
            ClientExchangeDto {
                channel: "pigeon".into(),
                ..call("2026-11-23", "x")
            },
            "channel",
            "telephone, email",
        ),
    ];
    for (d, field, words) in cases {
        let e = a.client_exchange_add(c, &d).unwrap_err();
        let code = format!("invalid:{field}");
        assert_eq!(e.code, code.as_str(), "{d:?}: {e:?}");
        assert!(e.message.contains(words), "{d:?}: {}", e.message);
    }
    let e = a
        .client_exchange_add(
            c,
            &ClientExchangeDto {
                contract_id: Some(k_other),
                ..call("2026-11-23", "Sur le contrat d'un autre")
            },
        )
        .unwrap_err();
    assert!(
        e.message.contains("n'est pas un contrat de ce client"),
        "{e:?}"
    );
    assert_eq!(
        a.client_exchange_add(9999, &call("2026-11-23", "x"))
            .unwrap_err()
            .code,
        "not_found"
    );
    assert!(a.client_exchanges(c).unwrap().is_empty());
}

#[test]
fn an_avis_sent_is_on_the_timeline_as_an_exchange() {
    let a = TempAgency::new();
    let c = a.client().id();
    let k = a.contract(c).dates("2025-03-01", "2026-03-01").create().id;
    a.avis_sent(k, "2027-03-01", "2026-11-20", &Some("email".into()))
        .unwrap();
    let t = a.client_timeline(c, &TimelineQuery::default()).unwrap();
    let avis = t
        .entries
        .iter()
        .find(|e| e.code.as_deref() == Some("avis_echeance"))
        .unwrap();
    assert_eq!(avis.kind, "echange");
    assert_eq!(avis.date, "2026-11-20");
    assert_eq!(avis.contract_id, Some(k));
    assert!(
        avis.title
            .starts_with("Avis d'échéance envoyé par courriel pour l'échéance du 01/03/2027"),
        "{}",
        avis.title
    );
}
