//! The iCalendar export parses in a standard parser (Python's `icalendar`, installed by
//! scripts/install-deps.sh) with every échéance of a demo portfolio; the clear file in the data
//! directory is rewritten when the data changed, without client names unless allowed.
#![allow(clippy::unwrap_used)]

use courtier_app::calendar::CalendarFilter;
use courtier_app::calendar_ics::CALENDAR_FILE;
use courtier_app::renewals::RenewalSettings;
use courtier_domain::deadlines::DeadlineKind;
use courtier_journeys::TempAgency;
use std::collections::BTreeSet;

const PARSE: &str = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for e in cal.walk('VEVENT'):
    print(str(e.get('uid')) + ' ' + e.get('dtstart').dt.isoformat() + ' ' + str(e.get('summary')))
"#;

fn parsed(path: &std::path::Path) -> Vec<String> {
    let out = std::process::Command::new("python3")
        .args(["-c", PARSE])
        .arg(path)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "Python's icalendar refused the file (scripts/install-deps.sh test installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn every_echeance_of_a_demo_portfolio_parses_in_python_icalendar() {
    let a = TempAgency::on("2026-11-24");
    a.demo_load(60, 3, |_| {}).unwrap();
    let f = CalendarFilter {
        from: "2027-01-01".into(),
        to: "2027-12-31".into(),
        ..Default::default()
    };
    let items = a.calendar(&f).unwrap();
    let echeances: BTreeSet<String> = items
        .iter()
        .filter(|i| i.kind == DeadlineKind::Echeance)
        .map(|i| format!("echeance-{}-{}@courtier {}", i.contract_id, i.date, i.date))
        .collect();
    assert!(echeances.len() > 50, "{}", echeances.len());
    let path = a.path().join("export.ics");
    std::fs::write(&path, a.calendar_ics(&f).unwrap()).unwrap();
    let events = parsed(&path);
    assert_eq!(events.len(), items.len());
    let found: BTreeSet<String> = events
        .iter()
        .filter(|e| e.starts_with("echeance-"))
        .map(|e| e.splitn(3, ' ').take(2).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(found, echeances);
    // No client name by default: the file is in clear.
    let some = items
        .iter()
        .find(|i| i.kind == DeadlineKind::Echeance)
        .unwrap();
    assert!(!events.iter().any(|e| e.contains(&some.client_name)));
}

#[test]
fn the_data_directory_file_is_rewritten_after_a_change_and_names_clients_only_if_allowed() {
    let a = TempAgency::on("2026-11-24");
    let c = a.client().name("Anne", "Martin").id();
    a.contract(c).dates("2025-12-10", "2026-01-10").create();
    let file = a.path().join(CALENDAR_FILE);
    a.refresh_calendar_file();
    let first = std::fs::read_to_string(&file).unwrap();
    assert!(
        first.contains("BEGIN:VEVENT") && !first.contains("Martin"),
        "{first}"
    );
    a.open().unwrap();
    a.set_renewal_settings(RenewalSettings {
        claim_silence_days: 30,
        advice_review_months: 12,
        ics_client_names: true,
    })
    .unwrap();
    a.refresh_calendar_file();
    let events = parsed(&file);
    assert!(
        events.iter().any(|e| e.contains("Anne Martin")),
        "{events:?}"
    );
}
