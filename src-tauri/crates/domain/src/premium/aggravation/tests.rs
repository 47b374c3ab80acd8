use super::*;
use crate::premium::{premium_notice, PremiumLine};
use crate::Coefficient;
use rust_decimal_macros::dec;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ev(kind: Aggravation, date: &str, caused_by: Option<usize>) -> AggravatingEvent {
    AggravatingEvent {
        kind,
        date: d(date),
        caused_by,
    }
}

fn rates(s: &[SurchargeInForce]) -> Vec<(Aggravation, Decimal)> {
    s.iter().map(|x| (x.kind, x.rate)).collect()
}

#[test]
fn cap_no_double_count_and_expiry() {
    let first = d("2025-01-01");
    let events = vec![
        ev(Aggravation::Alcohol, "2025-03-10", None),
        ev(Aggravation::SuspensionLong, "2025-04-01", Some(0)),
        ev(Aggravation::HitAndRun, "2025-05-01", None),
        ev(Aggravation::Cancellation, "2025-06-01", None),
    ];
    let s = surcharges_in_force(&events, first, d("2025-07-01"));
    // Alcohol (150) and the suspension it caused (100): 150 only; + 100 + 200 = 450 → 400.
    assert_eq!(
        rates(&s),
        [
            (Aggravation::Alcohol, dec!(150)),
            (Aggravation::HitAndRun, dec!(100)),
            (Aggravation::Cancellation, dec!(150)),
        ]
    );
    assert_eq!(s[0].not_charged, [(1, Aggravation::SuspensionLong)]);
    assert!(!s[0].capped && !s[1].capped && s[2].capped);
    assert_eq!(s[2].full_rate, dec!(200));
    assert_eq!(
        s[2].note().unwrap(),
        "plafond de 400 % atteint : 150 % au lieu de 200 %"
    );
    assert!(s[0].note().unwrap().contains("une seule majoration"));
    // Two years after the first échéance following the events (2026-01-01): gone on 2028-01-01.
    assert!(s.iter().all(|x| x.until == d("2028-01-01")));
    assert!(s.iter().all(|x| x.following_echeance == d("2026-01-01")));
    assert_eq!(
        surcharges_in_force(&events, first, d("2027-12-31")).len(),
        3
    );
    assert!(surcharges_in_force(&events, first, d("2028-01-01")).is_empty());
    // Not before the event.
    assert!(surcharges_in_force(&events, first, d("2025-03-01")).is_empty());

    let n = premium_notice(
        &[PremiumLine {
            guarantee: "RC".into(),
            amount: dec!(500),
            modulated: true,
        }],
        Coefficient::ONE,
        Decimal::ZERO,
        &s,
    );
    assert_eq!(n.total, dec!(500) + dec!(500) * dec!(4));
    assert!(n.surcharges_capped);
    assert_eq!(n.surcharges[2].amount, dec!(750.00));
    assert_eq!(n.surcharges[2].until, d("2028-01-01"));
}

#[test]
fn the_higher_path_applies_and_the_cause_wins_a_tie() {
    let first = d("2025-01-01");
    // Hit-and-run (100) caused a cancellation (200): the cancellation is charged.
    let e = vec![
        ev(Aggravation::HitAndRun, "2025-02-01", None),
        ev(Aggravation::Cancellation, "2025-03-01", Some(0)),
    ];
    let s = surcharges_in_force(&e, first, d("2025-06-01"));
    assert_eq!(rates(&s), [(Aggravation::Cancellation, dec!(200))]);
    assert_eq!(s[0].not_charged, [(0, Aggravation::HitAndRun)]);
    // Hit-and-run (100) and the long suspension (100) it caused: one 100 %, the cause's.
    let e = vec![
        ev(Aggravation::HitAndRun, "2025-02-01", None),
        ev(Aggravation::SuspensionLong, "2025-03-01", Some(0)),
    ];
    let s = surcharges_in_force(&e, first, d("2025-06-01"));
    assert_eq!(rates(&s), [(Aggravation::HitAndRun, dec!(100))]);
    // Without the link both are charged.
    let e = vec![
        ev(Aggravation::HitAndRun, "2025-02-01", None),
        ev(Aggravation::SuspensionLong, "2025-03-01", None),
    ];
    assert_eq!(surcharges_in_force(&e, first, d("2025-06-01")).len(), 2);
    // The cause ended (before the suspension's own end): the suspension is charged alone.
    let e = vec![
        ev(Aggravation::Alcohol, "2024-12-20", None),
        ev(Aggravation::SuspensionShort, "2025-01-10", Some(0)),
    ];
    // Alcohol: following échéance 2025-01-01, until 2027-01-01; suspension until 2028-01-01.
    let s = surcharges_in_force(&e, first, d("2027-06-01"));
    assert_eq!(rates(&s), [(Aggravation::SuspensionShort, dec!(50))]);
    assert!(s[0].not_charged.is_empty());
    // A link to something that is not a cause is ignored.
    let e = vec![
        ev(Aggravation::NonDeclaration, "2025-02-01", None),
        ev(Aggravation::SuspensionLong, "2025-03-01", Some(0)),
    ];
    assert_eq!(surcharges_in_force(&e, first, d("2025-06-01")).len(), 2);
}

#[test]
fn end_dates_at_month_ends_and_29_february() {
    // A first échéance on 29 February: the end falls on 29 February again in a leap year,
    // not on the 28th that adding 24 months to a 28 February échéance would give.
    let first = d("2024-02-29");
    assert_eq!(
        surcharge_window(first, d("2025-06-01")),
        Some((d("2026-02-28"), d("2028-02-29")))
    );
    assert_eq!(
        surcharge_window(first, d("2024-03-01")),
        Some((d("2025-02-28"), d("2027-02-28")))
    );
    // An event on an échéance day: the first échéance following it is the next one.
    assert_eq!(
        surcharge_window(first, d("2025-02-28")),
        Some((d("2026-02-28"), d("2028-02-29")))
    );
    // Before the first échéance.
    assert_eq!(
        surcharge_window(first, d("2023-11-02")),
        Some((d("2024-02-29"), d("2026-02-28")))
    );
    // A 31 échéance stays a 31.
    let first = d("2023-08-31");
    assert_eq!(
        surcharge_window(first, d("2024-09-01")),
        Some((d("2025-08-31"), d("2027-08-31")))
    );
    // In force the day before its end, not on it.
    let e = [ev(Aggravation::NonDeclaration, "2024-09-01", None)];
    assert_eq!(surcharges_in_force(&e, first, d("2027-08-30")).len(), 1);
    assert!(surcharges_in_force(&e, first, d("2027-08-31")).is_empty());
}

#[test]
fn the_cap_can_absorb_a_whole_surcharge() {
    let first = d("2025-01-01");
    let e = vec![
        ev(Aggravation::Cancellation, "2025-02-01", None),
        ev(Aggravation::Cancellation, "2025-03-01", None),
        ev(Aggravation::NonDeclaration, "2025-04-01", None),
    ];
    let s = surcharges_in_force(&e, first, d("2025-06-01"));
    assert_eq!(
        rates(&s),
        [
            (Aggravation::Cancellation, dec!(200)),
            (Aggravation::Cancellation, dec!(200)),
            (Aggravation::NonDeclaration, dec!(0)),
        ]
    );
    assert!(s[2].capped);
    let total: Decimal = s.iter().map(|x| x.rate).sum();
    assert_eq!(total, dec!(400));
}

#[test]
fn a_suspension_s_rate_from_its_length() {
    use SuspensionLength::{Dates, Months};
    assert_eq!(
        suspension_aggravation(Months(1)),
        Err(AggravationError::SuspensionTooShort)
    );
    assert_eq!(
        suspension_aggravation(Months(2)),
        Ok(Aggravation::SuspensionShort)
    );
    assert_eq!(
        suspension_aggravation(Months(6)),
        Ok(Aggravation::SuspensionShort)
    );
    assert_eq!(
        suspension_aggravation(Months(7)),
        Ok(Aggravation::SuspensionLong)
    );
    let dates = |a: &str, b: &str| {
        suspension_aggravation(Dates {
            from: d(a),
            to: d(b),
        })
    };
    assert_eq!(
        dates("2025-01-31", "2025-03-30"),
        Err(AggravationError::SuspensionTooShort)
    );
    // 31 January + 2 months = 31 March; + 6 months = 31 July.
    assert_eq!(
        dates("2025-01-31", "2025-03-31"),
        Ok(Aggravation::SuspensionShort)
    );
    assert_eq!(
        dates("2025-01-31", "2025-07-31"),
        Ok(Aggravation::SuspensionShort)
    );
    assert_eq!(
        dates("2025-01-31", "2025-08-01"),
        Ok(Aggravation::SuspensionLong)
    );
    assert_eq!(
        dates("2025-03-01", "2025-03-01"),
        Err(AggravationError::SuspensionEndsBeforeStart)
    );
    assert_eq!(
        fact_aggravation(AggravationFact::Suspension, None),
        Err(AggravationError::SuspensionLengthMissing)
    );
    assert_eq!(
        fact_aggravation(AggravationFact::Alcohol, Some(Months(3))),
        Err(AggravationError::LengthNotExpected)
    );
    assert_eq!(
        fact_aggravation(AggravationFact::MultipleSuspensions, None),
        Ok(Aggravation::Cancellation)
    );
    assert_eq!(
        fact_aggravation(AggravationFact::Suspension, Some(Months(8))),
        Ok(Aggravation::SuspensionLong)
    );
}

#[test]
fn the_note_names_each_fact_its_end_the_path_and_the_cap() {
    let first = d("2025-01-01");
    let e = vec![
        ev(Aggravation::Alcohol, "2025-03-10", None),
        ev(Aggravation::SuspensionLong, "2025-04-01", Some(0)),
        ev(Aggravation::Cancellation, "2025-05-01", None),
        ev(Aggravation::HitAndRun, "2025-06-01", None),
    ];
    let on = d("2026-01-01");
    let s = surcharges_in_force(&e, first, on);
    let note = surcharges_note(&s, on, &|i| Some(format!("fait n° {}", i + 1)));
    assert!(
        note.starts_with(
            "Majorations pour circonstances aggravantes à l'échéance du 01/01/2026 (art. A121-1-2"
        ),
        "{note}"
    );
    assert!(note.contains("- accident responsable sous l'emprise de l'alcool ou de stupéfiants (fait n° 1) le 10/03/2025 : 150 %, jusqu'à l'échéance du 01/01/2028 (deux ans après la première échéance suivant le fait, le 01/01/2026)."), "{note}");
    assert!(note.contains("  suspension du permis de plus de 6 mois (fait n° 2) : non comptée, le même fait ne donne qu'une majoration, la plus élevée (150 % contre 100 %)."), "{note}");
    assert!(note.contains("délit de fuite (fait n° 4) le 01/06/2025 : 50 %, jusqu'à l'échéance du 01/01/2028 (deux ans après la première échéance suivant le fait, le 01/01/2026) ; ramenée de 100 % à 50 % par le plafond de 400 %."), "{note}");
    assert!(
        note.ends_with("Total des majorations : 400 % (plafonné à 400 %).\n"),
        "{note}"
    );
    assert_eq!(surcharges_note(&[], on, &|_| None), "");
}
