//! Where the verification of a store's pages stands: done at opening for a small file, on a
//! thread of its own for a large one. Writes wait for it (a damaged file must never be written
//! to); reads do not.

use std::sync::{Arc, Condvar, Mutex, PoisonError};

#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    Pending,
    Sound,
    /// What is wrong, in French.
    Damaged(String),
}

/// A shared handle on one verification (cloning it shares it).
#[derive(Debug, Clone)]
pub struct Verification(Arc<(Mutex<State>, Condvar)>);

impl Verification {
    /// A verification still under way.
    pub fn pending() -> Self {
        Verification(Arc::new((Mutex::new(State::Pending), Condvar::new())))
    }

    /// A store verified sound (or one that has nothing to verify).
    pub fn sound() -> Self {
        let v = Self::pending();
        v.finish(None);
        v
    }

    /// Records the outcome: `Some(what is wrong)` or `None` when sound; wakes who waits.
    pub fn finish(&self, damage: Option<String>) {
        let (lock, cv) = &*self.0;
        *lock.lock().unwrap_or_else(PoisonError::into_inner) = match damage {
            Some(d) => State::Damaged(d),
            None => State::Sound,
        };
        cv.notify_all();
    }

    /// Waits for the outcome: what is wrong, or `None` when sound.
    pub fn wait(&self) -> Option<String> {
        let (lock, cv) = &*self.0;
        let mut state = lock.lock().unwrap_or_else(PoisonError::into_inner);
        while *state == State::Pending {
            state = cv.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
        match &*state {
            State::Damaged(d) => Some(d.clone()),
            _ => None,
        }
    }

    /// The outcome if known: `None` while under way, `Some(None)` when sound.
    pub fn outcome(&self) -> Option<Option<String>> {
        let (lock, _) = &*self.0;
        match &*lock.lock().unwrap_or_else(PoisonError::into_inner) {
            State::Pending => None,
            State::Sound => Some(None),
            State::Damaged(d) => Some(Some(d.clone())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_waiter_gets_the_outcome_recorded_on_another_thread() {
        let v = Verification::pending();
        assert_eq!(v.outcome(), None);
        let w = v.clone();
        let t = std::thread::spawn(move || w.wait());
        v.finish(Some("abîmé".into()));
        assert_eq!(t.join().ok().flatten().as_deref(), Some("abîmé"));
        assert_eq!(v.outcome(), Some(Some("abîmé".into())));
        assert_eq!(Verification::sound().wait(), None);
    }
}
