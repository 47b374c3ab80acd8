use chrono::{DateTime, NaiveDate, Utc};

/// The time, injected so that use cases can be tested on a fixed date.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
    /// Today's date where the broker is.
    fn today(&self) -> NaiveDate;
}

/// The real clock; "today" is the local date of the machine.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    fn today(&self) -> NaiveDate {
        chrono::Local::now().date_naive()
    }
}

/// A clock stopped at one instant, for tests and reproducible runs.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
    fn today(&self) -> NaiveDate {
        self.0.date_naive()
    }
}

/// The broker's local wall time now, for the callers of the reminders' use cases (the desktop
/// timer, the CLI): reminders are due at a local date and time.
pub fn local_wall_time() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}
