//! Deadline tests at the edges: 14, 15 and 16 days before the Chatel deadline, 364 and 365
//! days for Hamon, month ends, 29 February and leap years.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::client::ClientKind;
use crate::vocabulary::Product;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn person() -> Subscriber {
    Subscriber {
        kind: ClientKind::Person,
        professional: false,
    }
}

fn terms(product: Product, subscription: &str, first_echeance: &str) -> ContractTerms {
    ContractTerms {
        product,
        subscription: d(subscription),
        first_echeance: d(first_echeance),
        tacit_renewal: true,
        notice_months: DEFAULT_NOTICE_MONTHS,
        subscriber: person(),
    }
}

fn auto() -> ContractTerms {
    terms(Product::Auto, "2025-03-01", "2026-03-01")
}

#[test]
fn echeances_are_anniversaries_of_the_first_and_29_february_comes_back_in_leap_years() {
    assert_eq!(
        echeances_between(d("2024-02-29"), d("2024-01-01"), d("2028-12-31")),
        vec![
            d("2024-02-29"),
            d("2025-02-28"),
            d("2026-02-28"),
            d("2027-02-28"),
            d("2028-02-29")
        ]
    );
    assert_eq!(
        echeances_between(d("2024-01-31"), d("2026-01-31"), d("2027-01-30")),
        vec![d("2026-01-31")]
    );
    assert!(echeances_between(d("2024-01-31"), d("2026-02-01"), d("2027-01-30")).is_empty());
}

#[test]
fn the_termination_deadline_is_the_echeance_minus_the_notice_at_month_ends() {
    assert_eq!(
        termination_deadline(d("2027-03-01"), 2),
        Some(d("2027-01-01"))
    );
    assert_eq!(
        termination_deadline(d("2027-04-30"), 2),
        Some(d("2027-02-28"))
    );
    assert_eq!(
        termination_deadline(d("2028-04-30"), 2),
        Some(d("2028-02-29"))
    );
    assert_eq!(
        termination_deadline(d("2027-08-31"), 2),
        Some(d("2027-06-30"))
    );
    assert_eq!(
        termination_deadline(d("2027-08-31"), 1),
        Some(d("2027-07-31"))
    );
}

#[test]
fn the_chatel_window_runs_from_three_months_to_fifteen_days_before_the_deadline() {
    let w = chatel_window(&auto(), d("2027-03-01")).unwrap();
    assert_eq!(w.termination_deadline, d("2027-01-01"));
    assert_eq!(w.earliest, d("2026-10-01"));
    assert_eq!(w.latest, d("2026-12-17"));
    // Month end and leap year: deadline 29/02/2028, window closes 14/02, opens 29/11/2027.
    let w = chatel_window(&auto(), d("2028-04-30")).unwrap();
    assert_eq!(w.termination_deadline, d("2028-02-29"));
    assert_eq!(w.latest, d("2028-02-14"));
    assert_eq!(w.earliest, d("2027-11-29"));
    // Deadline 31/03: three months before is 31/12.
    let w = chatel_window(&auto(), d("2027-05-31")).unwrap();
    assert_eq!((w.earliest, w.latest), (d("2026-12-31"), d("2027-03-16")));
}

#[test]
fn an_avis_sent_16_or_15_days_before_the_deadline_is_on_time_14_days_is_late() {
    let w = chatel_window(&auto(), d("2027-03-01")).unwrap();
    let deadline = w.termination_deadline;
    let today = d("2027-01-15");
    for (days, on_time) in [(16, true), (15, true), (14, false)] {
        let sent = deadline - chrono::Days::new(days);
        let outcome = chatel_outcome(&w, &[sent], today);
        if on_time {
            assert_eq!(
                outcome,
                ChatelOutcome::OnTime {
                    sent,
                    terminate_by: deadline
                },
                "{days} days"
            );
        } else {
            assert_eq!(
                outcome,
                ChatelOutcome::Late {
                    sent,
                    terminate_by: d("2027-01-07")
                },
                "{days} days"
            );
        }
    }
    // Sent after the deadline itself: twenty days from the sending, across a month end.
    let o = chatel_outcome(&w, &[d("2027-01-20")], today);
    assert_eq!(
        o,
        ChatelOutcome::Late {
            sent: d("2027-01-20"),
            terminate_by: d("2027-02-09")
        }
    );
    assert!(
        o.describe().contains("jusqu'au 09/02/2027"),
        "{}",
        o.describe()
    );
}

#[test]
fn an_avis_before_the_window_counts_as_none_and_a_later_one_in_the_window_wins() {
    let w = chatel_window(&auto(), d("2027-03-01")).unwrap();
    assert_eq!(
        chatel_outcome(&w, &[d("2026-10-01")], d("2027-01-15")),
        ChatelOutcome::OnTime {
            sent: d("2026-10-01"),
            terminate_by: d("2027-01-01")
        }
    );
    assert_eq!(
        chatel_outcome(&w, &[d("2026-09-30")], d("2027-01-15")),
        ChatelOutcome::TooEarly {
            sent: d("2026-09-30"),
            any_time_from: d("2027-03-01")
        }
    );
    assert_eq!(
        chatel_outcome(&w, &[d("2026-12-01"), d("2026-09-30")], d("2027-01-15")),
        ChatelOutcome::OnTime {
            sent: d("2026-12-01"),
            terminate_by: d("2027-01-01")
        }
    );
}

#[test]
fn not_sent_is_pending_until_the_window_closes_then_termination_at_any_time() {
    let w = chatel_window(&auto(), d("2027-03-01")).unwrap();
    assert_eq!(
        chatel_outcome(&w, &[], d("2026-12-17")),
        ChatelOutcome::Pending { window: w }
    );
    assert_eq!(
        chatel_outcome(&w, &[], d("2026-12-18")),
        ChatelOutcome::NotSent {
            any_time_from: d("2027-03-01")
        }
    );
    let text = ChatelOutcome::Pending { window: w }.describe();
    assert!(
        text.contains("entre le 01/10/2026 et le 17/12/2026"),
        "{text}"
    );
}

#[test]
fn chatel_applies_only_to_tacit_renewals_of_persons_outside_their_profession() {
    let e = d("2027-03-01");
    let mut t = auto();
    t.tacit_renewal = false;
    assert_eq!(chatel_window(&t, e), None);
    let mut t = auto();
    t.subscriber.kind = ClientKind::Company;
    assert_eq!(chatel_window(&t, e), None);
    let mut t = auto();
    t.subscriber.professional = true;
    assert_eq!(chatel_window(&t, e), None);
    assert!(chatel_window(&auto(), e).is_some());
}

#[test]
fn hamon_at_364_days_no_365_days_yes_and_a_leap_year_needs_366() {
    let t = terms(Product::Auto, "2025-03-10", "2026-03-10");
    assert!(!hamon_eligible_on(&t, d("2026-03-09"))); // 364 days
    assert!(hamon_eligible_on(&t, d("2026-03-10"))); // 365 days
    assert_eq!(hamon_eligible_from(&t), Some(d("2026-03-10")));
    // Across 29 February 2024, 365 days is not yet a year.
    let t = terms(Product::Habitation, "2023-03-10", "2024-03-10");
    assert!(!hamon_eligible_on(&t, d("2024-03-09")));
    assert!(hamon_eligible_on(&t, d("2024-03-10")));
    // Subscribed on 29 February: eligible on 28 February.
    let t = terms(Product::Auto, "2024-02-29", "2025-02-28");
    assert_eq!(hamon_eligible_from(&t), Some(d("2025-02-28")));
    assert!(!hamon_eligible_on(&t, d("2025-02-27")));
}

#[test]
fn hamon_covers_auto_home_and_sante_since_december_2020_for_persons_only() {
    assert_eq!(
        hamon_eligible_from(&terms(Product::Prevoyance, "2020-01-01", "2021-01-01")),
        None
    );
    assert_eq!(
        hamon_eligible_from(&terms(Product::Autre, "2020-01-01", "2021-01-01")),
        None
    );
    assert_eq!(
        hamon_eligible_from(&terms(Product::Sante, "2018-05-01", "2019-05-01")),
        Some(d("2020-12-01"))
    );
    assert_eq!(
        hamon_eligible_from(&terms(Product::Sante, "2020-06-15", "2021-06-15")),
        Some(d("2021-06-15"))
    );
    let mut t = terms(Product::Auto, "2020-01-01", "2021-01-01");
    t.subscriber.kind = ClientKind::Company;
    assert_eq!(hamon_eligible_from(&t), None);
    t.subscriber = Subscriber {
        kind: ClientKind::Person,
        professional: true,
    };
    assert_eq!(hamon_eligible_from(&t), None);
    // Effective one month after the notice, clamped at month ends.
    assert_eq!(hamon_effective_on(d("2027-01-31")), Some(d("2027-02-28")));
    assert_eq!(hamon_effective_on(d("2028-01-31")), Some(d("2028-02-29")));
    assert_eq!(hamon_effective_on(d("2027-03-15")), Some(d("2027-04-15")));
}

#[test]
fn a_releve_is_due_fifteen_days_after_the_request() {
    assert_eq!(releve_due(d("2026-02-14")), Some(d("2026-03-01")));
    assert_eq!(releve_due(d("2028-02-14")), Some(d("2028-02-29")));
    assert_eq!(releve_due(d("2026-12-20")), Some(d("2027-01-04")));
    let r = d("2026-02-14");
    assert_eq!(
        releve_status(r, Some(d("2026-03-01")), d("2026-03-10")),
        Some(ReleveStatus::Received {
            on: d("2026-03-01"),
            late: false
        })
    );
    assert_eq!(
        releve_status(r, Some(d("2026-03-02")), d("2026-03-10")),
        Some(ReleveStatus::Received {
            on: d("2026-03-02"),
            late: true
        })
    );
    assert_eq!(
        releve_status(r, None, d("2026-03-01")),
        Some(ReleveStatus::Awaited {
            due: d("2026-03-01")
        })
    );
    assert_eq!(
        releve_status(r, None, d("2026-03-04")),
        Some(ReleveStatus::Overdue {
            due: d("2026-03-01"),
            days_late: 3
        })
    );
}

#[test]
fn claims_without_news_and_advice_reviews_follow_the_agency_settings() {
    assert_eq!(
        claim_follow_up_due(d("2026-12-20"), 30),
        Some(d("2027-01-19"))
    );
    assert_eq!(
        claim_follow_up_due(d("2028-01-30"), 30),
        Some(d("2028-02-29"))
    );
    assert_eq!(
        claim_follow_up_due(d("2026-12-20"), 0),
        Some(d("2026-12-20"))
    );
    let since = d("2025-01-31");
    assert_eq!(
        advice_review_due(since, 3, d("2025-03-01")),
        Some(d("2025-04-30"))
    );
    assert_eq!(
        advice_review_due(since, 3, d("2025-04-30")),
        Some(d("2025-04-30"))
    );
    assert_eq!(
        advice_review_due(since, 3, d("2025-05-01")),
        Some(d("2025-07-31"))
    );
    assert_eq!(
        advice_review_due(d("2024-02-29"), 12, d("2025-01-01")),
        Some(d("2025-02-28"))
    );
    assert_eq!(
        advice_review_due(d("2024-02-29"), 12, d("2027-03-01")),
        Some(d("2028-02-29"))
    );
    assert_eq!(advice_review_due(since, 0, d("2025-03-01")), None);
}

#[test]
fn a_contracts_items_in_a_range_include_deadlines_of_an_echeance_just_after_it() {
    let t = terms(Product::Auto, "2026-03-01", "2027-03-01");
    let none = |_e: NaiveDate| Vec::new();
    let items = contract_deadlines(&t, &none, d("2026-12-01"), d("2027-01-31"), d("2026-11-01"));
    let got: Vec<(NaiveDate, DeadlineKind)> = items.iter().map(|i| (i.date, i.kind)).collect();
    assert_eq!(
        got,
        vec![
            (d("2026-12-17"), DeadlineKind::AvisDeadline),
            (d("2027-01-01"), DeadlineKind::TerminationDeadline)
        ]
    );
    assert!(items.iter().all(|i| i.echeance == Some(d("2027-03-01"))));
    assert_eq!(items[0].rule.code, "chatel");
    // Once the avis is sent, no avis deadline; the échéance and Hamon day in a wider range.
    let sent = |_e: NaiveDate| vec![d("2026-11-15")];
    let items = contract_deadlines(&t, &sent, d("2026-12-01"), d("2027-03-31"), d("2026-11-20"));
    let got: Vec<(NaiveDate, DeadlineKind)> = items.iter().map(|i| (i.date, i.kind)).collect();
    assert_eq!(
        got,
        vec![
            (d("2027-01-01"), DeadlineKind::TerminationDeadline),
            (d("2027-03-01"), DeadlineKind::Echeance),
            (d("2027-03-01"), DeadlineKind::HamonEligible),
        ]
    );
    assert!(matches!(
        items[1].chatel,
        Some(ChatelOutcome::OnTime { .. })
    ));
}

#[test]
fn every_rule_names_its_source() {
    for r in rules::ALL {
        assert!(!r.source.is_empty() && !r.summary.is_empty(), "{}", r.code);
    }
    assert_eq!(rules::RELEVE.spec, Some("R18"));
    assert!(rules::CHATEL.source.contains("L113-15-1"));
    assert!(rules::HAMON.source.contains("L113-15-2"));
}
