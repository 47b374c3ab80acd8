//! The search box and the Sinistres section on a temp agency: contracts by number, vehicles by
//! registration, claims by reference and insurers by name, typed any way; every claim, open or
//! closed, filtered and paged; refusals in French.
#![allow(clippy::unwrap_used)]

use courtier_app::{ClaimListQuery, ErrorCode};
use courtier_journeys::TempAgency;

/// Anne Martin's contract AUTO-2024-CL with GH-456-JK and two claims (one closed), and Tom
/// Roux's contract at another insurer.
fn agency() -> (TempAgency, i64, i64, i64) {
    let a = TempAgency::new();
    let anne = a.client().name("Anne", "Martin").id();
    let k = a
        .contract(anne)
        .insurer("Mutuelle de l'Ouest")
        .number("AUTO-2024-CL")
        .create()
        .id;
    let v = a
        .vehicle(k)
        .registration("GH-456-JK")
        .make_model("Renault", "Clio")
        .try_add()
        .unwrap()
        .id;
    let r = a
        .claim(k)
        .on("2026-03-10")
        .reference("SIN-2026-00042")
        .full()
        .record();
    let first = r.claims.iter().map(|c| c.id).min().unwrap();
    a.claim(k)
        .on("2026-06-01")
        .reference("SIN-2026-00077")
        .not_responsible()
        .record();
    a.claim_set_status(first, "clos", "2026-09-01", None)
        .unwrap();
    let tom = a.client().name("Tom", "Roux").id();
    a.contract(tom)
        .insurer("Assurances du Rhône")
        .number("RH-99")
        .create();
    (a, k, v, first)
}

fn kinds(a: &TempAgency, text: &str) -> Vec<(String, String)> {
    a.search(text, None, false)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| (h.kind, h.text))
        .collect()
}

#[test]
fn the_search_box_finds_a_contract_number_a_registration_a_claim_reference_and_an_insurer() {
    let (a, k, v, first) = agency();
    let contract = ("contract".to_string(), "AUTO-2024-CL".to_string());
    for typed in ["AUTO-2024-CL", "auto 2024 cl", "auto2024", "Auto-2024-c"] {
        assert_eq!(kinds(&a, typed), std::slice::from_ref(&contract), "{typed}");
    }
    let vehicle = ("vehicle".to_string(), "GH-456-JK".to_string());
    for typed in ["GH-456", "gh456", "gh 456 j", "GH-456-JK"] {
        assert_eq!(kinds(&a, typed), std::slice::from_ref(&vehicle), "{typed}");
    }
    assert_eq!(
        kinds(&a, "sin-2026-0004"),
        [("claim".to_string(), "SIN-2026-00042".to_string())]
    );
    assert_eq!(kinds(&a, "SIN 2026").len(), 2);
    assert_eq!(
        kinds(&a, "mutuelle ouest"),
        [("insurer".to_string(), "Mutuelle de l'Ouest".to_string())]
    );
    // Each hit says which page it opens and whose it is.
    let r = a.search("gh456", None, false).unwrap();
    let h = &r.hits[0];
    assert_eq!((h.id, h.contract_id), (v, Some(k)));
    assert_eq!(h.client_name.as_deref(), Some("Anne Martin"));
    assert_eq!(h.contract_number.as_deref(), Some("AUTO-2024-CL"));
    assert_eq!(h.detail.as_deref(), Some("Renault Clio"));
    let c = &a.search("SIN-2026-00042", None, false).unwrap().hits[0];
    assert_eq!((c.id, c.on_date.as_deref()), (first, Some("2026-03-10")));
    // Clients are still found by name, with no identifier hit for a name.
    let r = a.search("anne mar", None, false).unwrap();
    assert_eq!(r.clients.len(), 1);
    assert!(r.hits.is_empty());
    assert!(!r.more_clients);
    // Nothing for what matches nothing.
    let r = a.search("XX-999", None, false).unwrap();
    assert!(r.clients.is_empty() && r.hits.is_empty());
}

#[test]
fn a_broad_search_lists_its_first_page_and_says_there_are_more() {
    let a = TempAgency::new();
    for i in 0..12 {
        a.client().name(&format!("Jean{i}"), "Dupont").id();
    }
    let r = a.search("dupont", Some(5), false).unwrap();
    assert_eq!(r.clients.len(), 5);
    assert!(r.more_clients);
    let r = a.search("dupont", Some(50), false).unwrap();
    assert_eq!(r.clients.len(), 12);
    assert!(!r.more_clients);
}

fn ids(a: &TempAgency, q: ClaimListQuery) -> Vec<String> {
    a.claims_list(&q)
        .unwrap()
        .items
        .into_iter()
        .map(|c| c.occurred_on)
        .collect()
}

#[test]
fn the_sinistres_section_lists_open_and_closed_claims_filtered() {
    let (a, _, _, _) = agency();
    assert_eq!(
        ids(&a, ClaimListQuery::default()),
        ["2026-06-01", "2026-03-10"]
    );
    let state = |s: &str| ClaimListQuery {
        state: Some(s.into()),
        ..Default::default()
    };
    assert_eq!(ids(&a, state("open")), ["2026-06-01"]);
    assert_eq!(ids(&a, state("closed")), ["2026-03-10"]);
    assert_eq!(ids(&a, state("all")).len(), 2);
    let q = ClaimListQuery {
        responsibility: Some("none".into()),
        ..Default::default()
    };
    assert_eq!(ids(&a, q), ["2026-06-01"]);
    let q = ClaimListQuery {
        from: Some("2026-01-01".into()),
        to: Some("2026-04-30".into()),
        ..Default::default()
    };
    assert_eq!(ids(&a, q), ["2026-03-10"]);
    let q = ClaimListQuery {
        text: Some("sin-2026-00077".into()),
        ..Default::default()
    };
    assert_eq!(ids(&a, q), ["2026-06-01"]);
    let q = ClaimListQuery {
        text: Some("martin".into()),
        oldest_first: true,
        ..Default::default()
    };
    assert_eq!(ids(&a, q), ["2026-03-10", "2026-06-01"]);
    let q = ClaimListQuery {
        text: Some("roux".into()),
        ..Default::default()
    };
    assert!(ids(&a, q).is_empty());
    let page = a
        .claims_list(&ClaimListQuery {
            page_size: Some(1),
            ..Default::default()
        })
        .unwrap();
    assert_eq!((page.items.len(), page.more), (1, true));
    let closed = &a.claims_list(&state("closed")).unwrap().items[0];
    assert_eq!(closed.status.as_str(), "clos");
    assert_eq!(closed.contract_number, "AUTO-2024-CL");
}

#[test]
fn an_unreadable_claims_filter_is_refused_in_french() {
    let a = TempAgency::new();
    for (q, code) in [
        (
            ClaimListQuery {
                state: Some("ouvert".into()),
                ..Default::default()
            },
            "state",
        ),
        (
            ClaimListQuery {
                status: Some("perdu".into()),
                ..Default::default()
            },
            "status",
        ),
        (
            ClaimListQuery {
                responsibility: Some("moitié".into()),
                ..Default::default()
            },
            "responsibility",
        ),
        (
            ClaimListQuery {
                from: Some("31/02/2026".into()),
                ..Default::default()
            },
            "from",
        ),
        (
            ClaimListQuery {
                from: Some("2026-05-01".into()),
                to: Some("2026-04-01".into()),
                ..Default::default()
            },
            "to",
        ),
    ] {
        let e = a.claims_list(&q).unwrap_err();
        assert_eq!(e.code, ErrorCode::Invalid(code.into()), "{}", e.message);
        assert!(!e.message.is_empty());
    }
}
