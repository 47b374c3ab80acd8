//! A second implementation of the bonus-malus rules, written from the spec
//! (`docs/bonus-malus.md`, the clause type of the annex to article A121-1) and never from the
//! engine's code: it calls nothing of `courtier_domain::bonus_malus` but its vocabulary (the
//! enums of kinds, responsibilities, usages and options, and the input structs). The property
//! tests compare the engine with it on generated histories.
//!
//! - this module: the yearly step as the spec says it (R3–R11, R13's short first period, R14's
//!   blocked reduction, R16's lost reduction), on integer hundredths and exact fractions;
//! - [`period`]: the period-scenario JSON form, built and read here;
//! - [`dated`]: the dated form (R12, R13, R14 from dates, R15 with `known_on`, R16 by date);
//! - [`releve`]: a new insurer's start from a relevé d'information (R17);
//! - [`novice`]: the novice driver's surcharge schedule (A121-1-1, option `novice_schedule`).
#![allow(dead_code)]

pub mod dated;
pub mod novice;
pub mod period;
pub mod releve;

use courtier_domain::bonus_malus::{
    ClaimKind, FloorProtection, Responsibility, RuleOptions, Truncation, Usage,
};

/// R11: a claim counts only if it is an accident with full or partial responsibility.
pub fn counts(kind: ClaimKind, r: Responsibility) -> bool {
    kind == ClaimKind::Accident && r != Responsibility::None
}

/// R11, art. 6 ("never majorated"): driven without consent, force majeure (natural disasters
/// are force majeure), an accident whose cause is entirely a third party's. Art. 7's events
/// (parked vehicle and unidentified third party, theft, fire, glass alone) are not art. 6.
pub fn art6(kind: ClaimKind, r: Responsibility) -> bool {
    match kind {
        ClaimKind::DrivenWithoutConsent | ClaimKind::ForceMajeure | ClaimKind::NaturalDisaster => {
            true
        }
        ClaimKind::Accident => r == Responsibility::None,
        ClaimKind::ParkedUnidentified | ClaimKind::Theft | ClaimKind::Fire | ClaimKind::Glass => {
            false
        }
    }
}

fn gcd(a: u128, b: u128) -> u128 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// R5, R7: the majoration as a fraction, read off the percentages: +25 % (full), +12.5 % (half
/// of it, partial); "tournées" +20 % and +10 %.
fn majoration(usage: Usage, r: Responsibility) -> (u128, u128) {
    let partial = r == Responsibility::Partial;
    match (usage, partial) {
        (Usage::Standard, false) => (125, 100),
        (Usage::Standard, true) => (1125, 1000),
        (Usage::Tournees, false) => (120, 100),
        (Usage::Tournees, true) => (110, 100),
    }
}

/// What the insured carries from one échéance to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Insured {
    /// The coefficient in force, in hundredths.
    pub c: u32,
    /// R10: completed claim-free periods at 0.50, in a row.
    pub at_floor: u32,
    /// R9: claim-free periods in a row.
    pub claim_free: u32,
    /// R10 with `floor_protection: once`: whether the protection was granted already.
    pub protection_used: bool,
}

impl Insured {
    pub fn new(c: u32, at_floor: u32, claim_free: u32) -> Self {
        Insured {
            c,
            at_floor,
            claim_free,
            protection_used: false,
        }
    }

    /// R16 (art. 10): a vehicle replaced or added with other usual drivers: a reduction does
    /// not follow (back to 1.00, and the claim-free years were another driver's: the counters
    /// start again); a malus always follows.
    pub fn lose_reduction(&mut self) {
        if self.c < 100 {
            *self = Insured {
                c: 100,
                at_floor: 0,
                claim_free: 0,
                protection_used: self.protection_used,
            };
        }
    }

    /// The échéance closing a reference period whose claims (in order of occurrence, their
    /// responsibility in force) are `claims`. `year`: whether the period counts as a year (R13:
    /// a short first period gives no reduction; the caller carries its claims forward unless
    /// `majorate_immediately`). `blocked`: R14, a suspension of more than three months overlaps
    /// the period.
    pub fn close(
        &mut self,
        usage: Usage,
        o: &RuleOptions,
        claims: &[(ClaimKind, Responsibility)],
        year: bool,
        blocked: bool,
    ) {
        let counting: Vec<Responsibility> = claims
            .iter()
            .filter(|(k, r)| counts(*k, *r))
            .map(|(_, r)| *r)
            .collect();
        if !counting.is_empty() {
            // R10: at 0.50 for three completed claim-free periods (and, `once`, never granted
            // before): the first counting claim of the period is not majorated.
            let forgiven = self.c == 50
                && self.at_floor >= 3
                && (o.floor_protection == FloorProtection::Renewable || !self.protection_used);
            if forgiven {
                self.protection_used = true;
            }
            let majorated = &counting[usize::from(forgiven)..];
            // R5 (compounding), R6 (from the coefficient in force, no reduction), R8.
            let c = match o.truncation {
                Truncation::PerClaim => majorated.iter().fold(u128::from(self.c), |c, r| {
                    let (n, d) = majoration(usage, *r);
                    c * n / d
                }),
                Truncation::PerPeriod => {
                    let (n, d) = majorated.iter().fold((u128::from(self.c), 1), |(n, d), r| {
                        let (fn_, fd) = majoration(usage, *r);
                        let (n, d) = (n * fn_, d * fd);
                        let g = gcd(n, d);
                        (n / g, d / g)
                    });
                    n / d
                }
            };
            self.c = c.min(350) as u32;
            self.at_floor = 0;
            self.claim_free = 0;
            return;
        }
        // No counting claim.
        if !year || blocked {
            // R13: not a year; R14: the previous coefficient stays, the counters too.
            return;
        }
        if o.art6_blocks_reduction && claims.iter().any(|(k, r)| art6(*k, *r)) {
            return;
        }
        // R3, R4: one truncation, then the floor.
        let r = match usage {
            Usage::Standard => 95,
            Usage::Tournees => 93,
        };
        let before = self.c;
        let mut c = (before * r / 100).max(50);
        self.at_floor = if before == 50 { self.at_floor + 1 } else { 0 };
        self.claim_free += 1;
        // R9: two claim-free periods in a row cap it at 1.00.
        if self.claim_free >= 2 {
            c = c.min(100);
        }
        self.c = c;
    }
}

/// "1.25" for 125.
pub fn fmt(h: u32) -> String {
    format!("{}.{:02}", h / 100, h % 100)
}

/// R16 (art. 10): the coefficient after a vehicle is replaced or one added: a reduction follows
/// only with the same usual drivers (or fewer), a malus always.
pub fn transfer(c: u32, same_or_fewer_drivers: bool) -> u32 {
    if c < 100 && !same_or_fewer_drivers {
        100
    } else {
        c
    }
}
