//! The renewal calendar on a temp agency: items of a range, filters, the avis sent.
#![allow(clippy::unwrap_used)]

use courtier_app::calendar::CalendarFilter;
use courtier_domain::deadlines::DeadlineKind;
use courtier_journeys::TempAgency;

fn range(from: &str, to: &str) -> CalendarFilter {
    CalendarFilter {
        from: from.into(),
        to: to.into(),
        ..Default::default()
    }
}

#[test]
fn a_range_gives_the_echeance_and_its_deadlines_until_the_avis_is_sent() {
    let a = TempAgency::on("2026-11-01");
    let c = a.client().id();
    let k = a.contract(c).dates("2025-03-01", "2026-03-01").create().id;
    let items = a.calendar(&range("2026-12-01", "2027-03-31")).unwrap();
    let got: Vec<(&str, DeadlineKind)> = items.iter().map(|i| (i.date.as_str(), i.kind)).collect();
    assert_eq!(
        got,
        vec![
            ("2026-12-17", DeadlineKind::AvisDeadline),
            ("2027-01-01", DeadlineKind::TerminationDeadline),
            ("2027-03-01", DeadlineKind::Echeance),
        ]
    );
    let e = &items[2];
    assert_eq!(e.contract_id, k);
    assert_eq!(e.echeance.as_deref(), Some("2027-03-01"));
    // Claim-free: 0.95 since the first échéance, 0.90 at the next, the modulated premium down.
    assert_eq!(e.coefficient_now, "0.95");
    assert_eq!(e.coefficient_at.as_deref(), Some("0.90"));
    assert!(e.premium_change_cents.unwrap() < 0, "{e:?}");
    assert!(e.hamon_eligible);
    assert!(items[0].chatel.as_deref().unwrap().contains("17/12/2026"));

    a.avis_sent(k, "2027-03-01", "2026-11-01", &None).unwrap();
    let items = a.calendar(&range("2026-12-01", "2027-03-31")).unwrap();
    assert!(items.iter().all(|i| i.kind != DeadlineKind::AvisDeadline));
    assert!(items[0]
        .chatel
        .as_deref()
        .unwrap()
        .contains("dans le délai"));
}

#[test]
fn filters_by_product_and_risk_and_refuses_bad_ranges() {
    let a = TempAgency::on("2026-11-01");
    let c = a.client().id();
    a.contract(c).dates("2025-03-01", "2026-03-01").create();
    let mut f = range("2027-03-01", "2027-03-31");
    assert_eq!(a.calendar(&f).unwrap().len(), 1);
    f.product = Some("habitation".into());
    assert!(a.calendar(&f).unwrap().is_empty());
    f.product = Some("auto".into());
    f.risk = Some("malus".into());
    assert!(a.calendar(&f).unwrap().is_empty(), "0.95 is no malus");
    f.risk = Some("hamon_sinistre".into());
    assert!(a.calendar(&f).unwrap().is_empty(), "no open claim");
    f.risk = Some("inconnu".into());
    assert_eq!(a.calendar(&f).unwrap_err().code.to_string(), "invalid:risk");
    let e = a.calendar(&range("2027-03-31", "2027-03-01")).unwrap_err();
    assert_eq!(e.code.to_string(), "invalid:to");
}

fn kinds(items: &[courtier_app::calendar::CalendarItem]) -> Vec<(&str, DeadlineKind)> {
    items.iter().map(|i| (i.date.as_str(), i.kind)).collect()
}

#[test]
fn a_period_across_the_year_end_holds_the_echeances_of_both_years() {
    let a = TempAgency::on("2026-10-01");
    let c = a.client().id();
    let dec = a.contract(c).dates("2025-12-20", "2025-12-28").create().id;
    let jan = a.contract(c).dates("2025-01-05", "2026-01-05").create().id;
    let items = a.calendar(&range("2026-12-15", "2027-01-15")).unwrap();
    let echeances: Vec<(&str, i64)> = items
        .iter()
        .filter(|i| i.kind == DeadlineKind::Echeance)
        .map(|i| (i.date.as_str(), i.contract_id))
        .collect();
    assert_eq!(echeances, vec![("2026-12-28", dec), ("2027-01-05", jan)]);
    // Their termination deadlines are before the period; those of a March échéance are in it
    // (the echéance itself is not).
    let mar = a.contract(c).dates("2025-03-10", "2026-03-10").create().id;
    let items = a.calendar(&range("2026-12-15", "2027-01-15")).unwrap();
    let of_mar: Vec<_> = items.iter().filter(|i| i.contract_id == mar).collect();
    assert_eq!(
        kinds(&of_mar.into_iter().cloned().collect::<Vec<_>>()),
        vec![
            ("2026-12-26", DeadlineKind::AvisDeadline),
            ("2027-01-10", DeadlineKind::TerminationDeadline),
        ]
    );
}

#[test]
fn a_29_february_echeance_falls_on_the_28th_in_a_common_year_and_the_29th_in_a_leap_year() {
    let a = TempAgency::on("2026-10-01");
    let c = a.client().id();
    let k = a.contract(c).dates("2023-03-01", "2024-02-29").create().id;
    let items = a.calendar(&range("2027-02-28", "2027-02-28")).unwrap();
    assert_eq!(kinds(&items), vec![("2027-02-28", DeadlineKind::Echeance)]);
    assert_eq!(items[0].contract_id, k);
    assert!(a
        .calendar(&range("2027-03-01", "2027-03-01"))
        .unwrap()
        .is_empty());
    // In February 2028 (leap) it is the 29th again: a period of one day on the 28th holds
    // nothing of it.
    let items = a.calendar(&range("2028-02-01", "2028-02-29")).unwrap();
    assert!(items
        .iter()
        .any(|i| i.kind == DeadlineKind::Echeance && i.date == "2028-02-29"));
    assert!(a
        .calendar(&range("2028-02-28", "2028-02-28"))
        .unwrap()
        .is_empty());
}

#[test]
fn a_contract_terminated_before_the_period_shows_nothing_in_it() {
    let a = TempAgency::on("2026-10-01");
    let c = a.client().id();
    let k = a.contract(c).dates("2025-03-01", "2026-03-01").create().id;
    let kept = a.contract(c).dates("2025-03-02", "2026-03-02").create().id;
    a.contract_terminate(k, "2026-09-30", "client", None)
        .unwrap();
    let items = a.calendar(&range("2026-12-01", "2027-03-31")).unwrap();
    assert!(items.iter().all(|i| i.contract_id != k), "{items:?}");
    assert!(items.iter().any(|i| i.contract_id == kept));
    // Terminated inside the period: the échéance before the termination stays with its
    // deadlines; one terminated before its échéance has no renewal, so none of its items.
    a.contract_terminate(kept, "2027-03-20", "client", None)
        .unwrap();
    let items = a.calendar(&range("2026-12-01", "2027-03-31")).unwrap();
    assert_eq!(
        kinds(&items),
        vec![
            ("2026-12-18", DeadlineKind::AvisDeadline),
            ("2027-01-02", DeadlineKind::TerminationDeadline),
            ("2027-03-02", DeadlineKind::Echeance),
        ]
    );
    let third = a.contract(c).dates("2025-03-03", "2026-03-03").create().id;
    a.contract_terminate(third, "2027-02-01", "client", None)
        .unwrap();
    let items = a.calendar(&range("2026-12-01", "2027-03-31")).unwrap();
    assert!(items.iter().all(|i| i.contract_id != third), "{items:?}");
}
