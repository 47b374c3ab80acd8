//! The reminders' store: firing exactly once per due time, across two connections; closed
//! reminders refuse events; rows are append-only and in the journal.

use crate::prelude::*;
use crate::OpenMode;
use courtier_vault::DbKey;

fn client() -> Client {
    Client {
        kind: ClientKind::Person,
        civility: None,
        last_name: Some("Martin".into()),
        first_name: Some("Anne".into()),
        company_name: None,
        siren: None,
        birth_date: None,
        addresses: vec![],
        phones: vec![],
        emails: vec![],
        profession: None,
        status: ClientStatus::Client,
        source: None,
        assigned_broker: None,
        notes: None,
    }
}

fn manual(client_id: i64, due_at: &str) -> NewReminder {
    NewReminder {
        client_id: Some(client_id),
        contract_id: None,
        claim_id: None,
        automatic: None,
        due_at: due_at.into(),
        title: "Rappeler Mme Martin".into(),
        note: "Devis habitation".into(),
    }
}

fn fire(id: i64, occurrence: &str) -> Vec<FireRequest> {
    vec![FireRequest {
        reminder_id: id,
        occurrence: occurrence.into(),
    }]
}

#[test]
fn a_reminder_fires_once_per_due_time_even_from_two_connections() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("agence.courtier");
    let key = DbKey::generate();
    let mut a = Store::open(&path, &key, OpenMode::Create).unwrap();
    let c = a.insert_client(&client(), "2026-12-01T09:00:00Z").unwrap();
    let id = a
        .insert_reminder(&manual(c, "2026-12-02T10:00"), "2026-12-01T09:01:00Z")
        .unwrap();
    let mut b = Store::open(&path, &key, OpenMode::Existing).unwrap();
    assert_eq!(
        a.fire_reminders(
            &fire(id, "2026-12-02T10:00"),
            "anne",
            "2026-12-02T09:00:00Z"
        )
        .unwrap(),
        vec![id]
    );
    // The other connection, asked for the same occurrence, marks nothing.
    assert!(b
        .fire_reminders(
            &fire(id, "2026-12-02T10:00"),
            "paul",
            "2026-12-02T09:00:01Z"
        )
        .unwrap()
        .is_empty());
    // Nor does the same request twice in one call.
    let twice = [fire(id, "2026-12-02T10:00"), fire(id, "2026-12-02T10:00")].concat();
    assert!(a
        .fire_reminders(&twice, "anne", "2026-12-02T09:00:02Z")
        .unwrap()
        .is_empty());
    // The unique index refuses a second row for that occurrence even written by hand.
    let e = a.conn.execute(
        "INSERT INTO reminder_events (reminder_id, seq, kind, occurrence, broker, act_id)
         VALUES (?1, 99, 'fired', '2026-12-02T10:00', 'x', 1)",
        [id],
    );
    assert!(e.is_err());
    // Snoozed, it fires again once at its new time.
    a.record_reminder_event(
        id,
        ReminderEventKind::Snoozed,
        Some("2026-12-03T08:30"),
        "anne",
        "2026-12-02T09:05:00Z",
    )
    .unwrap();
    assert_eq!(
        b.fire_reminders(
            &fire(id, "2026-12-03T08:30"),
            "paul",
            "2026-12-03T07:30:00Z"
        )
        .unwrap(),
        vec![id]
    );
    let r = a.reminder(id).unwrap();
    let kinds: Vec<_> = r
        .events
        .iter()
        .map(|e| (e.kind, e.broker.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (ReminderEventKind::Fired, "anne"),
            (ReminderEventKind::Snoozed, "anne"),
            (ReminderEventKind::Fired, "paul")
        ]
    );
    assert_eq!(r.events[0].recorded_at, "2026-12-02T09:00:00Z");
    assert_eq!(
        a.open_reminders(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap())
            .unwrap()
            .len(),
        1
    );
    // Done closes it: no more events, no more firing, in the closed list.
    a.record_reminder_event(
        id,
        ReminderEventKind::Done,
        None,
        "anne",
        "2026-12-03T08:00:00Z",
    )
    .unwrap();
    assert!(matches!(
        b.record_reminder_event(
            id,
            ReminderEventKind::Dismissed,
            None,
            "paul",
            "2026-12-03T08:01:00Z"
        ),
        Err(DbError::Invalid(_))
    ));
    assert!(a
        .fire_reminders(
            &fire(id, "2026-12-04T08:30"),
            "anne",
            "2026-12-04T07:30:00Z"
        )
        .unwrap()
        .is_empty());
    assert!(a
        .open_reminders(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap())
        .unwrap()
        .is_empty());
    assert_eq!(a.closed_reminders(10).unwrap()[0].id, id);
    // Append-only, and every row is in the journal.
    assert!(a
        .conn
        .execute("UPDATE reminders SET title = 'x'", [])
        .is_err());
    assert!(a.conn.execute("DELETE FROM reminder_events", []).is_err());
    let check = a.verify_journal(None, None).unwrap();
    assert!(check.problems.is_empty(), "{:?}", check.problems);
    assert_eq!(check.facts, 5, "one reminder and its four events");
    // A broker's name changed behind the journal's back is named.
    a.conn
        .execute_batch(
            "DROP TRIGGER reminder_events_no_update;
             UPDATE reminder_events SET broker = 'autre' WHERE seq = 1;",
        )
        .unwrap();
    let check = a.verify_journal(None, None).unwrap();
    assert!(
        check.problems.iter().any(|p| p.contains("reminder_events")),
        "{:?}",
        check.problems
    );
}

#[test]
fn a_manual_reminder_needs_what_it_is_on_and_lead_times_keep_their_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(
        &dir.path().join("a.courtier"),
        &DbKey::generate(),
        OpenMode::Create,
    )
    .unwrap();
    assert!(matches!(
        s.insert_reminder(&manual(42, "2026-12-02T10:00"), "2026-12-01T09:00:00Z"),
        Err(DbError::Missing {
            entity: "Client",
            id: 42
        })
    ));
    assert_eq!(s.reminder_lead_days().unwrap(), None);
    s.record_reminder_lead_days(&[60, 30], "2026-12-01T09:00:00Z")
        .unwrap();
    s.record_reminder_lead_days(&[45, 7, 0], "2026-12-01T09:01:00Z")
        .unwrap();
    assert_eq!(s.reminder_lead_days().unwrap(), Some(vec![45, 7, 0]));
    let rows: i64 = s
        .conn
        .query_row("SELECT count(*) FROM reminder_settings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 2);
}
