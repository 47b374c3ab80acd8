//! Reminders on a temp agency with a fixed clock: automatic ones from the lead times before an
//! échéance, manual ones; `fire_due` marks each due time once, at start-up too (what came due
//! while the app was closed), never twice; snoozed comes back, done and dismissed never.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDateTime;
use courtier_app::reminders::{ReminderDraft, ReminderSettings};
use courtier_journeys::TempAgency;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn ids(v: &[courtier_app::reminders::ReminderDto]) -> Vec<i64> {
    v.iter().map(|r| r.id).collect()
}

fn manual(client_id: i64, due: &str) -> ReminderDraft {
    ReminderDraft {
        client_id: Some(client_id),
        title: "Rappeler pour le devis habitation".into(),
        due_at: due.into(),
        note: Some("Demande faite au téléphone".into()),
        ..Default::default()
    }
}

#[test]
fn an_echeance_reminds_at_its_lead_times_and_fires_once_each() {
    let a = TempAgency::on("2026-11-01");
    let c = a.client().id();
    let k = a.contract(c).dates("2025-03-01", "2026-03-01").create().id;
    // 90 days before the 1 March 2027 échéance is 1 December 2026.
    assert!(a
        .fire_due(at("2026-11-30T23:59"), "anne")
        .unwrap()
        .is_empty());
    let fired = a.fire_due(at("2026-12-01T00:00"), "anne").unwrap();
    assert_eq!(fired.len(), 1, "{fired:?}");
    let r = &fired[0];
    assert_eq!(
        (r.origin, r.contract_id, r.client_id, r.lead_days),
        ("auto", Some(k), Some(c), Some(90))
    );
    assert_eq!(r.deadline_kind.as_deref(), Some("echeance"));
    assert_eq!(r.deadline_date.as_deref(), Some("2027-03-01"));
    assert_eq!(r.rule.as_deref(), Some("echeance"));
    assert!(r
        .title
        .starts_with("Échéance du 01/03/2027 — rappel à 90 jours — contrat AUTO-2021-"));
    assert_eq!(r.events[0].broker, "anne");
    assert!(r.fired);
    // Asked again the same day: nothing new; it stays due until done.
    assert!(a
        .fire_due(at("2026-12-01T10:00"), "anne")
        .unwrap()
        .is_empty());
    assert_eq!(
        ids(&a.reminders_due(at("2026-12-01T10:00")).unwrap()),
        vec![r.id]
    );
    // The Chatel avis deadline (17 December, 15 days before the termination deadline) on its day.
    let fired = a.fire_due(at("2026-12-17T08:00"), "anne").unwrap();
    assert_eq!(fired.len(), 1);
    assert_eq!(fired[0].deadline_kind.as_deref(), Some("avis_deadline"));
    assert_eq!(fired[0].rule.as_deref(), Some("chatel"));
    // 60 days before: the 90-day reminder is superseded by the nearer one.
    let fired = a.fire_due(at("2026-12-31T08:00"), "anne").unwrap();
    assert_eq!(
        fired.iter().map(|r| r.lead_days).collect::<Vec<_>>(),
        vec![Some(60)]
    );
    let due = a.reminders_due(at("2026-12-31T08:00")).unwrap();
    assert!(due.iter().all(|r| r.lead_days != Some(90)), "{due:?}");
    // After the échéance, nothing of it is due any more.
    assert!(a
        .reminders_due(at("2027-03-02T08:00"))
        .unwrap()
        .iter()
        .all(|r| r.deadline_date.as_deref() != Some("2027-03-01")));
}

#[test]
fn a_reminder_due_while_the_app_was_closed_fires_at_the_next_start_exactly_once() {
    let mut a = TempAgency::on("2026-11-01");
    let c = a.client().id();
    let r = a.add_reminder(&manual(c, "2026-11-05T08:00")).unwrap();
    assert_eq!((r.origin, r.state, r.fired), ("manual", "upcoming", false));
    assert!(a
        .fire_due(at("2026-11-04T18:00"), "anne")
        .unwrap()
        .is_empty());
    // Closed on the 4th in the evening, started on the 6th: the first call catches up.
    a.relaunch();
    a.open().unwrap();
    let fired = a.fire_due(at("2026-11-06T09:00"), "anne").unwrap();
    assert_eq!(ids(&fired), vec![r.id]);
    assert_eq!(fired[0].fired_count, 1);
    assert!(a
        .fire_due(at("2026-11-06T09:01"), "anne")
        .unwrap()
        .is_empty());
    // Started again: not fired a second time, still due (neither done nor dismissed).
    a.relaunch();
    a.open().unwrap();
    assert!(a
        .fire_due(at("2026-11-06T09:30"), "anne")
        .unwrap()
        .is_empty());
    let due = a.reminders_due(at("2026-11-06T09:30")).unwrap();
    assert_eq!(ids(&due), vec![r.id]);
    assert_eq!(due[0].fired_count, 1);
}

#[test]
fn snoozed_comes_back_after_its_time_done_and_dismissed_never() {
    let a = TempAgency::on("2026-11-01");
    let c = a.client().id();
    let r = a.add_reminder(&manual(c, "2026-11-05T08:00")).unwrap();
    let s = a.add_reminder(&manual(c, "2026-11-05T09:00")).unwrap();
    assert_eq!(a.fire_due(at("2026-11-05T09:00"), "anne").unwrap().len(), 2);
    // Snoozed to 15:00: not due before, fires again at 15:00, once.
    let e = a
        .reminder_snooze(r.id, "2026-11-05T08:59", "anne", at("2026-11-05T09:00"))
        .unwrap_err();
    assert_eq!(e.code.to_string(), "invalid:until");
    assert!(e.message.contains("05/11/2026 à 08:59"), "{}", e.message);
    let z = a
        .reminder_snooze(r.id, "2026-11-05T15:00", "paul", at("2026-11-05T09:00"))
        .unwrap();
    assert_eq!(
        (z.state, z.due_at.as_str()),
        ("upcoming", "2026-11-05T15:00")
    );
    assert!(!ids(&a.reminders_due(at("2026-11-05T14:59")).unwrap()).contains(&r.id));
    assert!(a
        .fire_due(at("2026-11-05T14:59"), "anne")
        .unwrap()
        .is_empty());
    let fired = a.fire_due(at("2026-11-05T15:00"), "anne").unwrap();
    assert_eq!(ids(&fired), vec![r.id]);
    assert_eq!(fired[0].fired_count, 2);
    assert!(a
        .fire_due(at("2026-11-05T15:01"), "anne")
        .unwrap()
        .is_empty());
    // Done and dismissed: gone from the due list, never fired again, recorded with the broker.
    let d = a
        .reminder_done(r.id, "paul", at("2026-11-05T15:05"))
        .unwrap();
    assert_eq!(d.state, "done");
    assert_eq!(d.events.last().unwrap().broker, "paul");
    a.reminder_dismiss(s.id, "anne", at("2026-11-05T15:06"))
        .unwrap();
    assert!(a.reminders_due(at("2026-11-09T08:00")).unwrap().is_empty());
    assert!(a
        .fire_due(at("2026-11-09T08:00"), "anne")
        .unwrap()
        .is_empty());
    let page = a.reminders(at("2026-11-09T08:00")).unwrap();
    assert_eq!(ids(&page.closed), vec![s.id, r.id]);
    let e = a
        .reminder_done(r.id, "paul", at("2026-11-09T08:00"))
        .unwrap_err();
    assert_eq!(e.code.to_string(), "invalid_operation");
    assert!(e.message.contains("déjà fait"), "{}", e.message);
    let e = a
        .reminder_snooze(s.id, "2026-11-10T08:00", "anne", at("2026-11-09T08:00"))
        .unwrap_err();
    assert!(e.message.contains("déjà ignoré"), "{}", e.message);
}

#[test]
fn a_manual_reminder_is_validated_in_french_and_loses_nothing_saved() {
    let a = TempAgency::on("2026-11-01");
    let c = a.client().id();
    let k = a.contract(c).dates("2025-03-01", "2026-03-01").create().id;
    let mut d = manual(c, "demain");
    assert_eq!(
        a.add_reminder(&d).unwrap_err().code.to_string(),
        "invalid:dueAt"
    );
    d.due_at = "2026-11-05T08:00".into();
    d.title = "  ".into();
    let e = a.add_reminder(&d).unwrap_err();
    assert_eq!(
        (e.code.to_string().as_str(), e.message.as_str()),
        ("invalid:title", "Indiquez l'objet du rappel.")
    );
    let e = a
        .add_reminder(&ReminderDraft {
            title: "x".into(),
            due_at: "2026-11-05T08:00".into(),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(e.code.to_string(), "invalid:clientId");
    assert_eq!(
        a.add_reminder(&ReminderDraft {
            contract_id: Some(999),
            title: "x".into(),
            due_at: "2026-11-05T08:00".into(),
            ..Default::default()
        })
        .unwrap_err()
        .code
        .to_string(),
        "not_found"
    );
    assert!(a.reminders(at("2026-11-05T08:00")).unwrap().due.is_empty());
    // On a contract: its client is named too, and the contract page lists it.
    let r = a
        .add_reminder(&ReminderDraft {
            contract_id: Some(k),
            title: "Demander la carte grise".into(),
            due_at: "2026-11-05T08:00".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(r.client_id, Some(c));
    assert_eq!(
        ids(&a
            .reminders_of(at("2026-11-05T08:00"), None, Some(k), None)
            .unwrap()),
        vec![r.id]
    );
    assert_eq!(
        ids(&a
            .reminders_of(at("2026-11-05T08:00"), Some(c), None, None)
            .unwrap()),
        vec![r.id]
    );
}

#[test]
fn lead_times_are_settable_and_a_terminated_contract_reminds_of_nothing() {
    let a = TempAgency::on("2026-11-01");
    assert_eq!(
        a.reminder_settings().unwrap().lead_days,
        vec![90, 60, 30, 15]
    );
    let e = a
        .set_reminder_settings(&ReminderSettings {
            lead_days: vec![400],
        })
        .unwrap_err();
    assert_eq!(e.code.to_string(), "invalid:leadDays");
    assert!(e.message.contains("400 jours"), "{}", e.message);
    assert!(a
        .set_reminder_settings(&ReminderSettings { lead_days: vec![] })
        .is_err());
    let s = a
        .set_reminder_settings(&ReminderSettings {
            lead_days: vec![7, 45],
        })
        .unwrap();
    assert_eq!(s.lead_days, vec![45, 7]);
    assert_eq!(a.reminder_settings().unwrap().lead_days, vec![45, 7]);
    let c = a.client().company("Transports Royer").id();
    let k = a.contract(c).dates("2025-03-01", "2026-03-01").create().id;
    // 45 days before 1 March 2027 is 15 January.
    assert!(a
        .fire_due(at("2027-01-14T12:00"), "anne")
        .unwrap()
        .is_empty());
    let fired = a.fire_due(at("2027-01-15T00:00"), "anne").unwrap();
    assert_eq!(
        fired.iter().map(|r| r.lead_days).collect::<Vec<_>>(),
        vec![Some(45)]
    );
    // Terminated: no reminder for its next échéance.
    let c2 = a.client().company("Garage Hoarau").id();
    let k2 = a.contract(c2).dates("2025-03-01", "2026-03-01").create().id;
    a.contract_terminate(k2, "2026-10-31", "client", None)
        .unwrap();
    let due = a.reminders_due(at("2027-02-22T08:00")).unwrap();
    assert_eq!(
        due.iter().map(|r| r.contract_id).collect::<Vec<_>>(),
        vec![Some(k)]
    );
}
