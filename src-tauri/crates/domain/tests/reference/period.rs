//! The period-scenario JSON form of the spec, built here and computed here: one entry per annual
//! reference period, `months` (first period only, default 12), `interruption_months` (over 3
//! blocks the reduction, R14), `reduction_lost` (R16) and claims in order of occurrence, each
//! optionally requalified (`initial_responsibility`, found
//! `requalified_months_after_following_echeance` months after the échéance that followed it:
//! more than 24 and the initial one stands, R15).

use super::{fmt, Insured};
use courtier_domain::bonus_malus::{
    ClaimKind, FloorProtection, Responsibility, RuleOptions, ShortFirstPeriodClaims, Truncation,
    Usage,
};
use serde_json::{json, Map, Value};

#[derive(Debug, Clone)]
pub struct Claim {
    pub kind: ClaimKind,
    /// The qualification as the JSON gives it (the corrected one when requalified).
    pub responsibility: Responsibility,
    /// `(initial_responsibility, requalified_months_after_following_echeance)`.
    pub requalified: Option<(Responsibility, Option<u32>)>,
}

#[derive(Debug, Clone)]
pub struct Period {
    /// Written only when `Some` (the first period may be short).
    pub months: Option<u32>,
    pub interruption_months: Option<u32>,
    pub reduction_lost: bool,
    pub claims: Vec<Claim>,
}

#[derive(Debug, Clone)]
pub struct Scenario {
    pub usage: Usage,
    pub start: u32,
    pub at_floor: Option<u32>,
    pub claim_free: Option<u32>,
    /// `None`: no `options` object (the defaults).
    pub options: Option<RuleOptions>,
    pub periods: Vec<Period>,
}

pub fn kind_name(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::Accident => "accident",
        ClaimKind::Theft => "theft",
        ClaimKind::Fire => "fire",
        ClaimKind::Glass => "glass",
        ClaimKind::ParkedUnidentified => "parked_unidentified",
        ClaimKind::ForceMajeure => "force_majeure",
        ClaimKind::DrivenWithoutConsent => "driven_without_consent",
        ClaimKind::NaturalDisaster => "natural_disaster",
    }
}

pub fn resp_name(r: Responsibility) -> &'static str {
    match r {
        Responsibility::Full => "full",
        Responsibility::Partial => "partial",
        Responsibility::None => "none",
    }
}

/// The options object with the spec's names.
pub fn options_json(o: &RuleOptions) -> Value {
    json!({
        "truncation": match o.truncation {
            Truncation::PerClaim => "per_claim",
            Truncation::PerPeriod => "per_period",
        },
        "short_first_period_claims": match o.short_first_period_claims {
            ShortFirstPeriodClaims::CarryForward => "carry_forward",
            ShortFirstPeriodClaims::MajorateImmediately => "majorate_immediately",
        },
        "floor_protection": match o.floor_protection {
            FloorProtection::Renewable => "renewable",
            FloorProtection::Once => "once",
        },
        "art6_blocks_reduction": o.art6_blocks_reduction,
    })
}

impl Scenario {
    /// The spec's JSON for this scenario.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert(
            "usage".into(),
            json!(match self.usage {
                Usage::Standard => "standard",
                Usage::Tournees => "tournees",
            }),
        );
        m.insert("start_coefficient".into(), json!(fmt(self.start)));
        if let Some(n) = self.at_floor {
            m.insert("start_periods_at_floor".into(), json!(n));
        }
        if let Some(n) = self.claim_free {
            m.insert("start_claim_free_streak".into(), json!(n));
        }
        if let Some(o) = &self.options {
            m.insert("options".into(), options_json(o));
        }
        let periods: Vec<Value> = self
            .periods
            .iter()
            .map(|p| {
                let mut pm = Map::new();
                if let Some(n) = p.months {
                    pm.insert("months".into(), json!(n));
                }
                if let Some(n) = p.interruption_months {
                    pm.insert("interruption_months".into(), json!(n));
                }
                if p.reduction_lost {
                    pm.insert("reduction_lost".into(), json!(true));
                }
                let claims: Vec<Value> = p
                    .claims
                    .iter()
                    .map(|c| {
                        let mut cm = Map::new();
                        cm.insert("kind".into(), json!(kind_name(c.kind)));
                        cm.insert("responsibility".into(), json!(resp_name(c.responsibility)));
                        if let Some((initial, after)) = c.requalified {
                            cm.insert("initial_responsibility".into(), json!(resp_name(initial)));
                            if let Some(a) = after {
                                cm.insert(
                                    "requalified_months_after_following_echeance".into(),
                                    json!(a),
                                );
                            }
                        }
                        Value::Object(cm)
                    })
                    .collect();
                pm.insert("claims".into(), Value::Array(claims));
                Value::Object(pm)
            })
            .collect();
        m.insert("periods".into(), Value::Array(periods));
        Value::Object(m)
    }
}

/// R15 in the period form: the corrected qualification, unless found more than 24 months after
/// the échéance that followed the claim.
fn in_force(c: &Claim) -> Responsibility {
    match c.requalified {
        Some((initial, Some(after))) if after > 24 => initial,
        _ => c.responsibility,
    }
}

/// The coefficient set at the échéance closing each period, as the JSON's two-decimal strings.
pub fn coefficients(s: &Scenario) -> Vec<String> {
    let o = s.options.unwrap_or_default();
    let mut insured = Insured::new(s.start, s.at_floor.unwrap_or(0), s.claim_free.unwrap_or(0));
    let mut carried: Vec<(ClaimKind, Responsibility)> = Vec::new();
    let mut out = Vec::new();
    for p in &s.periods {
        // Claims carried from a short first period happened before this period's own.
        let mut claims = std::mem::take(&mut carried);
        claims.extend(p.claims.iter().map(|c| (c.kind, in_force(c))));
        if p.reduction_lost {
            insured.lose_reduction();
        }
        // R13: a first period under 9 months is not a year.
        let year = p.months.unwrap_or(12) >= 9;
        if !year && o.short_first_period_claims == ShortFirstPeriodClaims::CarryForward {
            carried = claims;
        } else {
            let blocked = p.interruption_months.unwrap_or(0) > 3;
            insured.close(s.usage, &o, &claims, year, blocked);
        }
        out.push(fmt(insured.c));
    }
    out
}
