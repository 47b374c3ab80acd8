//! The two JSON forms of the spec, as `courtier bonus-malus simulate` reads them.
//!
//! Input: either the **period form** (`periods`: one object per reference period) or the **dated
//! form** (`subscription_date`, `first_echeance`, `until`, optional `known_on` (R15: the date the
//! history is known at, default `until`), `interruptions`, dated `claims`), both
//! with `usage`, `start_coefficient`, optional `start_periods_at_floor`,
//! `start_claim_free_streak` and `options`. Unknown fields are refused.
//!
//! Output ([`simulate_json`]):
//! `{ "coefficients": ["0.95", …], "echeances": [{ "date", "period_start", "period_end",
//! "coefficient" }] (dated form only), "trace": { "usage", "start_coefficient", "options",
//! "periods": [{ "index", "start", "end", "echeance", "months", "interruption_months", "before",
//! "after", "claims": [{ "id", "date", "kind", "responsibility", "initial_responsibility",
//! "requalification", "counted", "rule", "reason" }], "steps": [{ "kind": "reduction" | "floor" |
//! "majoration" | "majoration_per_period" | "protection" | "ceiling" | "two_year_rule" |
//! "interruption" | "short_first_period" | "carried_in" | "art6_no_reduction" |
//! "no_reduction_claim_year", … }], "periods_at_floor", "claim_free_streak" }], "outside": [claims
//! not counted in any computed period] } }`. Coefficients are decimal strings with two decimals.

use super::dated::{compute_dated, DatedClaim, DatedHistory, Interruption, Requalification};
use super::note::render;
use super::rules::{run_periods, Period, PeriodClaim, Scenario, StartState};
use super::trace::Trace;
use super::{ClaimKind, Responsibility, RuleOptions, Usage};
use crate::Coefficient;
use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value};

/// Malformed input: names the field and the problem, in French.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SimulateError {
    #[error("JSON illisible : {0}")]
    Syntax(String),
    #[error("{field} : {problem}")]
    Field { field: String, problem: String },
    #[error("{0}")]
    History(#[from] super::dated::HistoryError),
    /// Too large, too deep, too many periods or claims: refused before it is computed.
    #[error("{0}")]
    Limit(#[from] super::limits::LimitError),
}

fn err(field: &str, problem: impl Into<String>) -> SimulateError {
    SimulateError::Field {
        field: field.to_string(),
        problem: problem.into(),
    }
}

fn object<'a>(v: &'a Value, field: &str) -> Result<&'a Map<String, Value>, SimulateError> {
    v.as_object()
        .ok_or_else(|| err(field, "un objet JSON est attendu"))
}

fn only(m: &Map<String, Value>, path: &str, allowed: &[&str]) -> Result<(), SimulateError> {
    for k in m.keys() {
        if !allowed.contains(&k.as_str()) {
            let f = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            return Err(err(
                &f,
                format!("champ inconnu (champs admis : {})", allowed.join(", ")),
            ));
        }
    }
    Ok(())
}

fn join(path: &str, k: &str) -> String {
    if path.is_empty() {
        k.to_string()
    } else {
        format!("{path}.{k}")
    }
}

fn string<'a>(
    m: &'a Map<String, Value>,
    path: &str,
    k: &str,
) -> Result<Option<&'a str>, SimulateError> {
    match m.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(err(&join(path, k), "une chaîne de caractères est attendue")),
    }
}

fn required<'a>(m: &'a Map<String, Value>, path: &str, k: &str) -> Result<&'a str, SimulateError> {
    string(m, path, k)?.ok_or_else(|| err(&join(path, k), "champ obligatoire absent"))
}

fn uint(m: &Map<String, Value>, path: &str, k: &str, default: u32) -> Result<u32, SimulateError> {
    match m.get(k) {
        None | Some(Value::Null) => Ok(default),
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| err(&join(path, k), "un entier positif est attendu")),
    }
}

fn boolean(m: &Map<String, Value>, path: &str, k: &str) -> Result<bool, SimulateError> {
    match m.get(k) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(err(&join(path, k), "true ou false est attendu")),
    }
}

fn enum_field<T>(
    m: &Map<String, Value>,
    path: &str,
    k: &str,
    parse: fn(&str) -> Option<T>,
    expected: &str,
) -> Result<Option<T>, SimulateError> {
    match string(m, path, k)? {
        None => Ok(None),
        Some(s) => parse(s).map(Some).ok_or_else(|| {
            err(
                &join(path, k),
                format!("valeur inconnue « {s} » (attendu : {expected})"),
            )
        }),
    }
}

const KINDS: &str = "accident, theft, fire, glass, parked_unidentified, force_majeure, driven_without_consent, natural_disaster";
const RESPONSIBILITIES: &str = "full, partial, none";

fn date(m: &Map<String, Value>, path: &str, k: &str) -> Result<NaiveDate, SimulateError> {
    let s = required(m, path, k)?;
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        err(
            &join(path, k),
            format!("« {s} » n'est pas une date existante au format AAAA-MM-JJ"),
        )
    })
}

/// The parts common to both forms.
struct Common {
    usage: Usage,
    start: StartState,
    options: RuleOptions,
}

fn common(m: &Map<String, Value>) -> Result<Common, SimulateError> {
    let usage = enum_field(m, "", "usage", Usage::parse, "standard, tournees")?
        .ok_or_else(|| err("usage", "champ obligatoire absent"))?;
    let c = required(m, "", "start_coefficient")?;
    let coefficient = Coefficient::parse(c).map_err(|e| err("start_coefficient", e.to_string()))?;
    let options = match m.get("options") {
        None | Some(Value::Null) => RuleOptions::default(),
        Some(v) => {
            let o = object(v, "options")?;
            only(
                o,
                "options",
                &[
                    "truncation",
                    "short_first_period_claims",
                    "floor_protection",
                    "art6_blocks_reduction",
                    "novice_schedule",
                ],
            )?;
            serde_json::from_value(v.clone()).map_err(|e| err("options", e.to_string()))?
        }
    };
    Ok(Common {
        usage,
        start: StartState {
            coefficient,
            periods_at_floor: uint(m, "", "start_periods_at_floor", 0)?,
            claim_free_streak: uint(m, "", "start_claim_free_streak", 0)?,
            protection_used: false,
        },
        options,
    })
}

const COMMON: [&str; 5] = [
    "usage",
    "start_coefficient",
    "start_periods_at_floor",
    "start_claim_free_streak",
    "options",
];

/// A parsed input, in either form.
pub enum Input {
    Periods(Scenario),
    Dated(DatedHistory, RuleOptions),
}

/// Parses either JSON form.
pub fn parse(input: &str) -> Result<Input, SimulateError> {
    use super::limits::{self, check_count};
    const WHAT: &str = "Le scénario";
    limits::check_document(input, WHAT, limits::SIMULATE_MAX_BYTES)?;
    let v: Value = serde_json::from_str(input).map_err(|e| SimulateError::Syntax(e.to_string()))?;
    let m = object(&v, "(racine)")?;
    for (key, items) in [
        ("claims", "sinistres"),
        ("interruptions", "interruptions"),
        ("reductions_lost", "pertes de réduction"),
    ] {
        if let Some(a) = m.get(key).and_then(Value::as_array) {
            check_count(a.len(), limits::SIMULATE_MAX_CLAIMS, WHAT, items)?;
        }
    }
    let cm = common(m)?;
    if m.contains_key("periods") {
        let mut allowed = COMMON.to_vec();
        allowed.push("periods");
        only(m, "", &allowed)?;
        let arr = m
            .get("periods")
            .and_then(Value::as_array)
            .ok_or_else(|| err("periods", "un tableau est attendu"))?;
        check_count(arr.len(), limits::SIMULATE_MAX_PERIODS, WHAT, "périodes")?;
        let mut periods = Vec::with_capacity(arr.len());
        for (i, p) in arr.iter().enumerate() {
            let path = format!("periods[{i}]");
            let pm = object(p, &path)?;
            only(
                pm,
                &path,
                &["months", "interruption_months", "reduction_lost", "claims"],
            )?;
            let months = uint(pm, &path, "months", 12)?;
            if months == 0 || months > 12 {
                return Err(err(&join(&path, "months"), "de 1 à 12 mois"));
            }
            if i > 0 && months != 12 {
                return Err(err(
                    &join(&path, "months"),
                    "seule la première période peut durer moins de 12 mois",
                ));
            }
            let interruption_months = uint(pm, &path, "interruption_months", 0)?;
            if interruption_months > months {
                return Err(err(
                    &join(&path, "interruption_months"),
                    "l'interruption dépasse la durée de la période",
                ));
            }
            let claims = match pm.get("claims") {
                None | Some(Value::Null) => Vec::new(),
                Some(c) => c
                    .as_array()
                    .ok_or_else(|| err(&join(&path, "claims"), "un tableau est attendu"))?
                    .iter()
                    .enumerate()
                    .map(|(j, c)| period_claim(c, &format!("{path}.claims[{j}]")))
                    .collect::<Result<_, _>>()?,
            };
            periods.push(Period {
                months,
                interruption_months,
                interrupted: interruption_months > 3,
                interruption: None,
                counts_as_year: months >= 9,
                claims,
                start: None,
                end: None,
                echeance: None,
                reduction_lost: boolean(pm, &path, "reduction_lost")?,
            });
        }
        Ok(Input::Periods(Scenario {
            usage: cm.usage,
            start: cm.start,
            options: cm.options,
            periods,
        }))
    } else if m.contains_key("subscription_date") {
        let mut allowed = COMMON.to_vec();
        allowed.extend([
            "subscription_date",
            "first_echeance",
            "until",
            "known_on",
            "interruptions",
            "reductions_lost",
            "claims",
        ]);
        only(m, "", &allowed)?;
        let interruptions = match m.get("interruptions") {
            None | Some(Value::Null) => Vec::new(),
            Some(a) => a
                .as_array()
                .ok_or_else(|| err("interruptions", "un tableau est attendu"))?
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    let path = format!("interruptions[{i}]");
                    let o = object(x, &path)?;
                    only(o, &path, &["from", "to"])?;
                    Ok(Interruption {
                        from: date(o, &path, "from")?,
                        to: date(o, &path, "to")?,
                    })
                })
                .collect::<Result<_, SimulateError>>()?,
        };
        let claims = match m.get("claims") {
            None | Some(Value::Null) => Vec::new(),
            Some(a) => a
                .as_array()
                .ok_or_else(|| err("claims", "un tableau est attendu"))?
                .iter()
                .enumerate()
                .map(|(i, x)| dated_claim(x, &format!("claims[{i}]")))
                .collect::<Result<_, _>>()?,
        };
        let reductions_lost = match m.get("reductions_lost") {
            None | Some(Value::Null) => Vec::new(),
            Some(a) => a
                .as_array()
                .ok_or_else(|| err("reductions_lost", "un tableau de dates est attendu"))?
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    let path = format!("reductions_lost[{i}]");
                    let s = x
                        .as_str()
                        .ok_or_else(|| err(&path, "une date AAAA-MM-JJ est attendue"))?;
                    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
                        err(
                            &path,
                            format!("« {s} » n'est pas une date existante au format AAAA-MM-JJ"),
                        )
                    })
                })
                .collect::<Result<_, SimulateError>>()?,
        };
        let subscription_date = date(m, "", "subscription_date")?;
        let until = date(m, "", "until")?;
        if until.year() - subscription_date.year() > limits::SIMULATE_MAX_YEARS {
            return Err(err(
                "until",
                format!(
                    "l'historique couvrirait plus de {} ans depuis la souscription",
                    limits::SIMULATE_MAX_YEARS
                ),
            ));
        }
        Ok(Input::Dated(
            DatedHistory {
                usage: cm.usage,
                start_coefficient: cm.start.coefficient,
                start_periods_at_floor: cm.start.periods_at_floor,
                start_claim_free_streak: cm.start.claim_free_streak,
                subscription_date,
                first_echeance: date(m, "", "first_echeance")?,
                until,
                known_on: match m.get("known_on") {
                    None | Some(Value::Null) => None,
                    Some(_) => Some(date(m, "", "known_on")?),
                },
                interruptions,
                reductions_lost,
                claims,
            },
            cm.options,
        ))
    } else {
        Err(err(
            "(racine)",
            "ni « periods » (forme par périodes) ni « subscription_date » (historique daté)",
        ))
    }
}

fn period_claim(v: &Value, path: &str) -> Result<PeriodClaim, SimulateError> {
    let m = object(v, path)?;
    only(
        m,
        path,
        &[
            "kind",
            "responsibility",
            "initial_responsibility",
            "requalified_months_after_following_echeance",
        ],
    )?;
    let kind = enum_field(m, path, "kind", ClaimKind::parse, KINDS)?
        .ok_or_else(|| err(&join(path, "kind"), "champ obligatoire absent"))?;
    let responsibility = enum_field(
        m,
        path,
        "responsibility",
        Responsibility::parse,
        RESPONSIBILITIES,
    )?
    .ok_or_else(|| err(&join(path, "responsibility"), "champ obligatoire absent"))?;
    let initial = enum_field(
        m,
        path,
        "initial_responsibility",
        Responsibility::parse,
        RESPONSIBILITIES,
    )?;
    let mut c = PeriodClaim::new(kind, responsibility);
    // R15: `responsibility` is the corrected qualification, found so many months after the
    // échéance following the claim; more than 24 months and the original one stands.
    if let Some(initial) = initial {
        let after = uint(m, path, "requalified_months_after_following_echeance", 0)?;
        if after > 24 {
            c.responsibility = initial;
            c.initial_responsibility = Some(initial);
            c.requalification = Some(format!(
                "requalification « {} » écartée : constatée {after} mois après l'échéance suivant le sinistre, plus de deux ans (art. 8)",
                responsibility.fr()
            ));
        } else if initial != responsibility {
            c.initial_responsibility = Some(initial);
            c.requalification = Some(format!(
                "requalifié « {} » {after} mois après l'échéance suivant le sinistre (art. 8)",
                responsibility.fr()
            ));
        }
    }
    Ok(c)
}

fn dated_claim(v: &Value, path: &str) -> Result<DatedClaim, SimulateError> {
    let m = object(v, path)?;
    only(
        m,
        path,
        &["id", "date", "kind", "responsibility", "requalifications"],
    )?;
    let requalifications = match m.get("requalifications") {
        None | Some(Value::Null) => Vec::new(),
        Some(a) => a
            .as_array()
            .ok_or_else(|| err(&join(path, "requalifications"), "un tableau est attendu"))?
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let rp = format!("{path}.requalifications[{i}]");
                let o = object(r, &rp)?;
                only(o, &rp, &["on", "responsibility"])?;
                Ok(Requalification {
                    on: date(o, &rp, "on")?,
                    responsibility: enum_field(
                        o,
                        &rp,
                        "responsibility",
                        Responsibility::parse,
                        RESPONSIBILITIES,
                    )?
                    .ok_or_else(|| err(&join(&rp, "responsibility"), "champ obligatoire absent"))?,
                })
            })
            .collect::<Result<_, SimulateError>>()?,
    };
    Ok(DatedClaim {
        id: string(m, path, "id")?.map(str::to_string),
        date: date(m, path, "date")?,
        kind: enum_field(m, path, "kind", ClaimKind::parse, KINDS)?
            .ok_or_else(|| err(&join(path, "kind"), "champ obligatoire absent"))?,
        responsibility: enum_field(
            m,
            path,
            "responsibility",
            Responsibility::parse,
            RESPONSIBILITIES,
        )?
        .ok_or_else(|| err(&join(path, "responsibility"), "champ obligatoire absent"))?,
        requalifications,
    })
}

fn trace_of(input: &Input) -> Result<(Value, Trace), SimulateError> {
    match input {
        Input::Periods(sc) => {
            let out = run_periods(sc);
            let v = serde_json::json!({
                "coefficients": out.coefficients,
                "trace": out.trace,
            });
            Ok((v, out.trace))
        }
        Input::Dated(h, opts) => {
            let out = compute_dated(h, opts)?;
            let v = serde_json::json!({
                "coefficients": out.coefficients,
                "echeances": out.echeances,
                "trace": out.trace,
            });
            Ok((v, out.trace))
        }
    }
}

/// Runs either JSON form; returns `coefficients`, `echeances` (dated form) and `trace`.
pub fn simulate_json(input: &str) -> Result<Value, SimulateError> {
    Ok(trace_of(&parse(input)?)?.0)
}

/// Runs either JSON form; returns the French calculation note.
pub fn simulate_note(input: &str) -> Result<String, SimulateError> {
    Ok(render(&trace_of(&parse(input)?)?.1))
}
