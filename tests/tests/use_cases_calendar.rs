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
