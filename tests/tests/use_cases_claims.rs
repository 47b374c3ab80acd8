//! Use cases of claims on a temp agency whose clock says 24 November 2026. The default contract
//! (see `courtier_journeys`) has 0.80 in force, 0.76 projected at 1 January 2027 and a next
//! premium of 500 × c + 45,50 €. Figures worked out by hand from `docs/bonus-malus.md`.
#![allow(clippy::unwrap_used)]

use courtier_journeys::{coefficients, TempAgency};

fn agency_with_contract() -> (TempAgency, i64) {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create().id;
    (a, k)
}

#[test]
fn two_responsible_claims_in_one_period_compound_and_raise_the_next_premium() {
    let (a, k) = agency_with_contract();
    a.claim(k).on("2026-01-15").full().record();
    let r = a.claim(k).on("2026-07-20").full().record();
    // 0.80 × 1.25 = 1.00, × 1.25 = 1.25 (R5, no reduction in a claim year: R6).
    assert_eq!(r.projection.unwrap().if_nothing_happens, "1.25");
    let p = r.next_premium.unwrap();
    assert_eq!(p.after_coefficient, "625.00");
    assert_eq!(p.total, "670.50");
    assert!(
        p.surcharges.is_empty(),
        "two claims: no three-claims surcharge"
    );
    assert_eq!(
        r.coefficient_in_force, "0.80",
        "in force until the échéance"
    );
}

#[test]
fn a_not_responsible_accident_leaves_the_reduction() {
    let (a, k) = agency_with_contract();
    let r = a.claim(k).on("2026-03-03").not_responsible().record();
    assert_eq!(r.projection.unwrap().if_nothing_happens, "0.76");
    assert_eq!(r.next_premium.unwrap().total, "425.50");
    assert_eq!(r.claims.len(), 1);
}

#[test]
fn glass_and_theft_claims_are_neutral_even_when_marked_responsible() {
    let (a, k) = agency_with_contract();
    a.claim(k).on("2026-02-01").kind("glass").full().record();
    let r = a.claim(k).on("2026-04-01").kind("theft").full().record();
    // Art. 7: only those guarantees involved, the claim is fully neutral.
    assert_eq!(r.projection.unwrap().if_nothing_happens, "0.76");
    assert_eq!(r.claims.len(), 2);
}

#[test]
fn a_claim_in_the_two_months_before_the_echeance_counts_one_year_later() {
    let (a, k) = agency_with_contract();
    // Reference period of 2027: 1 November 2025 – 31 October 2026; 10 November is after it.
    let r = a.claim(k).on("2026-11-10").full().record();
    assert_eq!(r.projection.unwrap().if_nothing_happens, "0.76");
    // On 31 October it is the last day of the period: it counts at 2027.
    let r = a.claim(k).on("2026-10-31").full().record();
    assert_eq!(
        r.projection.unwrap().if_nothing_happens,
        "1.00",
        "0.80 × 1.25"
    );
}

#[test]
fn a_claim_entered_late_recomputes_the_past_echeances_and_the_two_year_rule() {
    let (a, k) = agency_with_contract();
    // In the period closing at 2024: 0.95 × 1.25 = 1.1875 → 1.18; 2025: × 0.95 = 1.121 → 1.12;
    // 2026: the second claim-free period in a row caps it at 1.00 (R9); 2027: 0.95.
    let r = a.claim(k).on("2023-06-01").full().record();
    assert_eq!(coefficients(&r), ["1.00", "0.95", "1.18", "1.12", "1.00"]);
    assert_eq!(r.coefficient_in_force, "1.00");
    assert_eq!(r.projection.unwrap().if_nothing_happens, "0.95");
    assert_eq!(r.next_premium.unwrap().total, "520.50");
}

#[test]
fn requalified_not_responsible_within_two_years_gives_the_reduction_back() {
    let (a, k) = agency_with_contract();
    let id = a.claim(k).on("2026-03-10").full().id();
    assert_eq!(
        a.contract_get(k)
            .unwrap()
            .projection
            .unwrap()
            .if_nothing_happens,
        "1.00"
    );
    let r = a
        .claim_requalify(id, "none", "2026-11-01", Some("Tiers reconnu responsable"))
        .unwrap();
    assert_eq!(r.projection.unwrap().if_nothing_happens, "0.76");
    assert_eq!(r.claims[0].responsibility.as_str(), "none");
    assert_eq!(r.claims[0].qualifications.len(), 2);
}

/// A claim of 1 June 2023: its following échéance is 1 January 2024, so a requalification
/// counts only when found by 1 January 2026 (R15).
fn claim_of_june_2023() -> (TempAgency, i64, i64) {
    let (a, k) = agency_with_contract();
    let id = a.claim(k).on("2023-06-01").full().id();
    (a, k, id)
}

#[test]
fn a_requalification_found_more_than_two_years_after_the_following_echeance_does_not_apply() {
    let (a, k, id) = claim_of_june_2023();
    // Refused outright, or kept in the history without effect: the coefficients stand (R15).
    let r = match a.claim_requalify(id, "none", "2026-03-01", None) {
        Err(e) => {
            assert!(e.code.to_string().starts_with("invalid"), "{e:?}");
            a.contract_get(k).unwrap()
        }
        Ok(r) => r,
    };
    assert_eq!(coefficients(&r), ["1.00", "0.95", "1.18", "1.12", "1.00"]);
}

#[test]
fn a_requalification_found_on_the_last_day_of_the_limit_applies() {
    let (a, _, id) = claim_of_june_2023();
    let r = a.claim_requalify(id, "none", "2025-12-31", None).unwrap();
    assert_eq!(coefficients(&r), ["1.00", "0.95", "0.90", "0.85", "0.80"]);
    assert_eq!(r.claims[0].responsibility.as_str(), "none");
}

/// R15: "everywhere the application shows or uses a claim's responsibility it is the
/// responsibility in force": the claim record shows the qualification that stands, not one found
/// too late to count (which the coefficients rightly ignore).
#[test]
fn a_claim_found_too_late_to_requalify_is_shown_with_its_responsibility_in_force() {
    let (a, k, id) = claim_of_june_2023();
    let _ = a.claim_requalify(id, "none", "2026-03-01", None);
    let r = a.contract_get(k).unwrap();
    assert_eq!(r.claims[0].responsibility.as_str(), "full");
}

/// R15 in the open-claims list too (issue 9, item 6): the responsibility in force, not the latest
/// qualification recorded; one found in time does apply.
#[test]
fn the_open_claims_list_shows_the_responsibility_in_force() {
    let (a, k, id) = claim_of_june_2023();
    let _ = a.claim_requalify(id, "none", "2026-03-01", None);
    let shown = |a: &TempAgency, id| {
        a.open_claims(None)
            .unwrap()
            .into_iter()
            .find(|c| c.claim_id == id)
            .unwrap()
            .responsibility
    };
    assert_eq!(shown(&a, id).as_str(), "full", "found too late");
    // The timeline keeps it, marked as without effect.
    let t = a
        .contract_timeline(
            k,
            &courtier_app::TimelineQuery {
                kinds: vec!["qualification".into()],
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(t.entries.len(), 1);
    assert!(
        t.entries[0].title.contains("écartée"),
        "{}",
        t.entries[0].title
    );
    let late = a.claim(k).on("2026-06-01").full().id();
    a.claim_requalify(late, "partial", "2026-07-01", None)
        .unwrap();
    assert_eq!(shown(&a, late).as_str(), "partial");
}

/// Issue 9, item 8: a claim on the parked vehicle by an unidentified third party is without
/// liability of the insured (art. 7): « responsable » is an impossible qualification, refused at
/// declaration, at requalification and when a correction changes the kind.
#[test]
fn a_parked_unidentified_claim_cannot_be_responsible() {
    let (a, k) = agency_with_contract();
    let e = a
        .claim(k)
        .on("2026-03-10")
        .kind("parked_unidentified")
        .full()
        .try_record()
        .unwrap_err();
    assert_eq!(e.code, "invalid:responsibility");
    assert!(e.message.contains("tiers non identifié"), "{}", e.message);
    let id = a
        .claim(k)
        .on("2026-03-10")
        .kind("parked_unidentified")
        .not_responsible()
        .id();
    let e = a
        .claim_requalify(id, "partial", "2026-04-01", None)
        .unwrap_err();
    assert_eq!(e.code, "invalid:responsibility");
    let accident = a.claim(k).on("2026-03-12").full().id();
    let e = a
        .claim_update(
            accident,
            &courtier_app::ClaimUpdate {
                kind: Some("parked_unidentified".into()),
                reason: Some("Erreur de nature".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(e.code, "invalid:kind");
    let r = a.contract_get(k).unwrap();
    assert_eq!(r.claims.len(), 2);
    assert!(r.claims.iter().all(|c| c.qualifications.len() == 1));
}

#[test]
fn requalifying_with_an_unknown_responsibility_or_date_is_refused_and_changes_nothing() {
    let (a, k) = agency_with_contract();
    let id = a.claim(k).on("2026-03-10").full().id();
    assert_eq!(
        a.claim_requalify(id, "most", "2026-11-01", None)
            .unwrap_err()
            .code,
        "invalid:responsibility"
    );
    assert_eq!(
        a.claim_requalify(id, "none", "2026-02-30", None)
            .unwrap_err()
            .code,
        "invalid:foundOn"
    );
    let r = a.contract_get(k).unwrap();
    assert_eq!(r.claims[0].qualifications.len(), 1);
    assert_eq!(r.projection.unwrap().if_nothing_happens, "1.00");
}

#[test]
fn the_open_claims_list_follows_the_workflow_across_contracts() {
    let a = TempAgency::new();
    let lea = a.client().id();
    let tom = a.client().name("Tom", "Roux").id();
    let k1 = a.contract(lea).create().id;
    let k2 = a.contract(tom).insurer("Alliance Auto").create().id;
    let first = a.claim(k1).on("2026-10-25").not_responsible().id();
    let second = a.claim(k2).on("2026-11-04").kind("glass").id();
    let open = a.open_claims(None).unwrap();
    assert_eq!(open.len(), 2);
    let one = open.iter().find(|c| c.claim_id == first).unwrap();
    assert_eq!(one.client_name, "Léa Bénard");
    assert_eq!(one.contract_id, k1);
    assert_eq!(one.status.as_str(), "declare");
    assert_eq!(one.age_days, 30, "25 October → 24 November");
    let two = open.iter().find(|c| c.claim_id == second).unwrap();
    assert_eq!(two.client_name, "Tom Roux");
    assert_eq!(two.insurer, "Alliance Auto");
    assert_eq!(two.age_days, 20);

    a.claim_set_status(first, "en_expertise", "2026-11-02", None)
        .unwrap();
    let open = a.open_claims(None).unwrap();
    let one = open.iter().find(|c| c.claim_id == first).unwrap();
    assert_eq!(one.status.as_str(), "en_expertise");
    assert_eq!(one.status_since, "2026-11-02");
    a.claim_set_status(first, "clos", "2026-11-20", None)
        .unwrap();
    let open = a.open_claims(None).unwrap();
    assert_eq!(
        open.iter().map(|c| c.claim_id).collect::<Vec<_>>(),
        [second]
    );
    assert_eq!(a.open_claims(Some(1)).unwrap().len(), 1);
}

#[test]
fn a_claim_status_must_be_known_and_each_change_is_kept() {
    let (a, k) = agency_with_contract();
    let id = a.claim(k).on("2026-06-01").id();
    let err = a
        .claim_set_status(id, "oublie", "2026-06-02", None)
        .unwrap_err();
    assert_eq!(err.code, "invalid:status");
    a.claim_set_status(id, "en_expertise", "2026-06-10", Some("Expert missionné"))
        .unwrap();
    let r = a
        .claim_set_status(id, "indemnise", "2026-08-01", None)
        .unwrap();
    let st: Vec<_> = r.claims[0]
        .statuses
        .iter()
        .map(|s| s.status.as_str())
        .collect();
    assert_eq!(st, ["declare", "en_expertise", "indemnise"]);
    assert_eq!(r.claims[0].status.as_str(), "indemnise");
    assert_eq!(
        r.claims[0].statuses[1].note.as_deref(),
        Some("Expert missionné")
    );
}

#[test]
fn claims_of_a_client_and_unknown_ids() {
    let (a, k) = agency_with_contract();
    let client = a.contract_get(k).unwrap().client_id;
    a.claim(k).on("2025-02-01").record();
    a.claim(k).on("2026-02-01").kind("fire").record();
    let list = a.claim_list(client).unwrap();
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|c| c.contract_id == k));
    assert_eq!(a.claim(424_242).try_record().unwrap_err().code, "not_found");
    assert_eq!(a.claim_get(424_242).unwrap_err().code, "not_found");
}

#[test]
fn amounts_beyond_a_billion_in_exponent_notation_or_malformed_are_refused_and_nothing_is_kept() {
    let (a, k) = agency_with_contract();
    let id = a.claim(k).on("2026-06-01").id();
    let amount = |text: &str| courtier_app::AmountDto {
        kind: "reglement".into(),
        amount: text.into(),
        on_date: "2026-07-01".into(),
        ..Default::default()
    };
    for (text, says) in [
        (
            "99999999999999999999",
            "dépasse le plus grand montant enregistrable",
        ),
        ("1000000000,01", "dépasse le montant le plus élevé accepté"),
        ("1e9", "n'est pas un montant"),
        ("1,5e3", "n'est pas un montant"),
        ("12,3,4", "n'est pas un montant"),
        ("-5", "un montant positif"),
        ("12,345", "deux décimales au plus"),
    ] {
        let e = a.claim_amount_add(id, &amount(text)).unwrap_err();
        assert_eq!(e.code, "invalid:amount", "{text}");
        assert!(e.message.contains(says), "{text}: {}", e.message);
    }
    assert!(a.claim_get(id).unwrap().claim.paid.is_none());
    // A billion euros exactly is the largest amount taken, and two of them add up exactly.
    a.claim_amount_add(id, &amount("1 000 000 000")).unwrap();
    let page = a
        .claim_amount_add(id, &amount("1 000 000 000,00 €"))
        .unwrap();
    assert_eq!(page.claim.paid.as_deref(), Some("2000000000.00"));
}
