//! The claims timeline: one chronological view per client or per contract mixing the claims,
//! their requalifications, status changes, amounts, corrections and exchanges, the contract's
//! status changes and amendments, and the coefficient set at each échéance. Filterable by kind,
//! contract, claim and period.

use crate::dto::{ClaimRecord, ContractRecord, ReleveEntry};
use crate::{AppError, Courtier};
use chrono::NaiveDate;
use courtier_domain::bonus_malus::requalification_in_time;
use courtier_domain::vocabulary::{
    AmountKind, Channel, ClaimStatus, ContractEventKind, ContractStatus, Direction, Responsibility,
    TerminatedBy,
};
use courtier_domain::{Coefficient, Money};
use serde::{Deserialize, Serialize};

/// The kinds of timeline entries, in the order they are listed within one day.
pub const TIMELINE_KINDS: [&str; 11] = [
    "contrat",
    "sinistre",
    "qualification",
    "aggravation",
    "etat",
    "montant",
    "correction",
    "echange",
    "coefficient",
    "releve",
    "document",
];

/// One dated entry of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEntry {
    /// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` for an exchange with a time.
    pub date: String,
    /// One of [`TIMELINE_KINDS`].
    pub kind: String,
    /// The contract it is about (none for a relevé, which comes with the client).
    pub contract_id: Option<i64>,
    /// "Insurer n° number".
    pub contract_label: Option<String>,
    pub claim_id: Option<i64>,
    /// A relevé d'information received: its id, to reopen its result.
    pub releve_id: Option<i64>,
    /// A document Courtier generated (attestation, avis, relevé): its id, to open it.
    pub document_id: Option<i64>,
    /// What happened, in French ("Sinistre : accident, responsabilité entière").
    pub title: String,
    /// More words: a note, an exchange's summary, an amendment's details.
    pub detail: Option<String>,
    /// The code the entry is about (a status, a responsibility, an amount kind, a channel…).
    pub code: Option<String>,
    /// For a coefficient: the new value; for an amount: the amount (decimal text).
    pub value: Option<String>,
    /// For a coefficient or a requalification: what it was before.
    pub previous: Option<String>,
}

/// Which entries to keep. Empty `kinds` keeps every kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TimelineQuery {
    pub kinds: Vec<String>,
    pub contract_id: Option<i64>,
    pub claim_id: Option<i64>,
    /// Inclusive bounds, `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Most recent first (the screen's default) or oldest first.
    pub newest_first: bool,
}

/// A client's or contract's timeline with what it was filtered from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    pub entries: Vec<TimelineEntry>,
    /// The number of entries before filtering.
    pub total: usize,
    /// The contracts it covers (id, label), for the contract filter.
    pub contracts: Vec<(i64, String)>,
}

/// A coefficient as stored ("0.85"), the French way ("0,85"); the text itself if it is not one.
fn fr_coef(s: &str) -> String {
    Coefficient::parse(s).map_or_else(|_| s.to_string(), |c| c.fr())
}

/// An amount as sent ("1302.76"), the French way ("1 302,76 €"); the text itself if it is not
/// one.
fn fr_amount(s: &str) -> String {
    Money::parse_signed(s).map_or_else(|_| s.to_string(), |m| m.to_string())
}

/// The entries of one contract, unfiltered and unsorted.
fn contract_entries(k: &ContractRecord, out: &mut Vec<TimelineEntry>) {
    let label = format!("{} n° {}", k.insurer, k.number);
    let entry = |date: &str, kind: &str, claim: Option<i64>, title: String| TimelineEntry {
        date: date.to_string(),
        kind: kind.to_string(),
        contract_id: Some(k.id),
        contract_label: Some(label.clone()),
        claim_id: claim,
        releve_id: None,
        document_id: None,
        title,
        detail: None,
        code: None,
        value: None,
        previous: None,
    };
    for (i, e) in k.events.iter().enumerate() {
        let title = match (e.kind, e.status) {
            (ContractEventKind::Avenant, _) => "Avenant".to_string(),
            (_, Some(ContractStatus::Resilie)) => format!(
                "Contrat résilié ({})",
                e.terminated_by.unwrap_or(TerminatedBy::Autre).in_sentence()
            ),
            (_, Some(s)) if i == 0 => format!("Souscription du contrat ({})", s.in_sentence()),
            (_, Some(s)) => format!("Contrat {}", s.in_sentence()),
            _ => "Contrat".to_string(),
        };
        let mut x = entry(&e.on_date, "contrat", None, title);
        x.detail = e.details.clone();
        x.code = Some(
            e.status
                .map_or(e.kind.as_str(), ContractStatus::as_str)
                .to_string(),
        );
        out.push(x);
    }
    let correction = |recorded_at: &str, title: String, r: &crate::dto::RevisionDto| {
        let day = recorded_at.get(..10).unwrap_or(recorded_at);
        let mut x = entry(day, "correction", None, title);
        x.detail = r.reason.clone();
        x.previous = Some(r.previous.to_string());
        x
    };
    for r in &k.revisions {
        out.push(correction(
            &r.recorded_at,
            "Conditions du contrat corrigées".into(),
            r,
        ));
    }
    for v in &k.vehicles {
        let name = [
            Some(v.registration.as_str()),
            v.make.as_deref(),
            v.model.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        let mut x = entry(
            &v.from_date,
            "contrat",
            None,
            format!("Véhicule {name} au contrat"),
        );
        x.code = Some("vehicule".into());
        if v.other_drivers {
            x.detail = Some(
                "Autres conducteurs habituels : la réduction ne se transfère pas (art. 10).".into(),
            );
        }
        out.push(x);
        if let (Some(to), None) = (&v.to_date, &v.replaced_by) {
            let mut x = entry(
                to,
                "contrat",
                None,
                format!("Véhicule {} retiré du contrat", v.registration),
            );
            x.code = Some("vehicule".into());
            out.push(x);
        }
        if let Some(note) = &v.transfer_note {
            if let Some(to) = &v.to_date {
                let mut x = entry(
                    to,
                    "contrat",
                    None,
                    format!("Véhicule {} remplacé", v.registration),
                );
                x.code = Some("vehicule".into());
                x.detail = Some(note.clone());
                out.push(x);
            }
        }
        for r in &v.revisions {
            out.push(correction(
                &r.recorded_at,
                format!("Véhicule {} corrigé", v.registration),
                r,
            ));
        }
    }
    for d in &k.drivers {
        let name = [d.first_name.as_deref(), Some(d.last_name.as_str())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        for r in &d.revisions {
            out.push(correction(
                &r.recorded_at,
                format!("Conducteur {name} : désignation corrigée"),
                r,
            ));
        }
    }
    let mut previous = k.start_coefficient.clone();
    for e in &k.coefficient_history {
        let title = if e.coefficient == previous {
            format!(
                "Échéance : coefficient maintenu à {}",
                fr_coef(&e.coefficient)
            )
        } else {
            format!(
                "Échéance : coefficient {} → {}",
                fr_coef(&previous),
                fr_coef(&e.coefficient)
            )
        };
        let mut x = entry(&e.echeance, "coefficient", None, title);
        x.value = Some(e.coefficient.clone());
        x.previous = Some(previous.clone());
        previous = e.coefficient.clone();
        out.push(x);
    }
    let first_echeance = NaiveDate::parse_from_str(&k.first_echeance, "%Y-%m-%d").ok();
    for c in &k.claims {
        claim_entries(c, first_echeance, &entry, out);
    }
    for a in &k.aggravations {
        aggravation_entries(a, k, &entry, out);
    }
}

/// An aggravating fact (A121-1-2) on its date, and its withdrawal on the day it was recorded.
fn aggravation_entries(
    a: &crate::AggravationDto,
    k: &ContractRecord,
    entry: MakeEntry<'_>,
    out: &mut Vec<TimelineEntry>,
) {
    let whom = match (a.claim_id, a.driver_id) {
        (Some(c), _) => format!("sinistre n° {c}"),
        (None, Some(d)) => k
            .drivers
            .iter()
            .find(|x| x.id == d)
            .map(|x| match &x.first_name {
                Some(f) => format!("conducteur {f} {}", x.last_name),
                None => format!("conducteur {}", x.last_name),
            })
            .unwrap_or_else(|| format!("conducteur n° {d}")),
        (None, None) => String::new(),
    };
    let what = a.fact.label();
    let mut x = entry(
        &a.event_date,
        "aggravation",
        a.claim_id,
        format!("Circonstance aggravante : {what} ({whom}), {} %", a.rate),
    );
    x.code = Some(a.fact.as_str().to_string());
    x.value = Some(a.rate.clone());
    x.detail = a.note.clone();
    out.push(x);
    if let Some(w) = &a.withdrawn {
        let day = w.recorded_at.get(..10).unwrap_or(&w.recorded_at);
        let mut x = entry(
            day,
            "aggravation",
            a.claim_id,
            format!("Circonstance aggravante retirée : {what} ({whom})"),
        );
        x.code = Some(a.fact.as_str().to_string());
        x.detail = Some(w.reason.clone());
        out.push(x);
    }
}

/// Makes an entry of a contract: date, kind, claim, title.
type MakeEntry<'a> = &'a dyn Fn(&str, &str, Option<i64>, String) -> TimelineEntry;

fn claim_entries(
    c: &ClaimRecord,
    first_echeance: Option<NaiveDate>,
    entry: MakeEntry<'_>,
    out: &mut Vec<TimelineEntry>,
) {
    let id = Some(c.id);
    let occurred = NaiveDate::parse_from_str(&c.occurred_on, "%Y-%m-%d").ok();
    let first = c.qualifications.first();
    let mut x = entry(
        &c.occurred_on,
        "sinistre",
        id,
        format!(
            "Sinistre : {}, {}",
            c.kind.fr(),
            first.map_or("", |q| q.responsibility.fr())
        ),
    );
    x.detail = c.description.clone();
    x.code = Some(c.kind.as_str().to_string());
    out.push(x);
    let mut before = first.map(|q| q.responsibility);
    for q in c.qualifications.iter().skip(1) {
        // R15: one found too late is on the timeline, marked, and changes nothing.
        let found = NaiveDate::parse_from_str(&q.found_on, "%Y-%m-%d").ok();
        let in_time = match (first_echeance, occurred, found) {
            (Some(e), Some(o), Some(f)) => requalification_in_time(e, o, f),
            _ => true,
        };
        let title = format!(
            "Requalification : {} → {}",
            before.map_or("", Responsibility::fr),
            q.responsibility.fr()
        );
        let mut x = entry(
            &q.found_on,
            "qualification",
            id,
            if in_time {
                title
            } else {
                format!("{title} (écartée : constatée plus de deux ans après l'échéance suivant le sinistre, art. 8)")
            },
        );
        x.detail = q.note.clone();
        x.code = Some(q.responsibility.as_str().to_string());
        x.previous = if in_time {
            before.replace(q.responsibility)
        } else {
            before
        }
        .map(|r| r.as_str().to_string());
        out.push(x);
    }
    // The first status is the declaration itself.
    for (i, s) in c.statuses.iter().enumerate() {
        let title = if i == 0 && s.status == ClaimStatus::Declare {
            "Sinistre déclaré".to_string()
        } else {
            format!("Sinistre {}", s.status.in_sentence())
        };
        let mut x = entry(&s.on_date, "etat", id, title);
        x.detail = s.note.clone();
        x.code = Some(s.status.as_str().to_string());
        out.push(x);
    }
    for a in &c.amounts {
        let mut x = entry(
            &a.on_date,
            "montant",
            id,
            format!(
                "{} : {}",
                AmountKind::parse(&a.kind).map_or(a.kind.as_str(), |x| x.label()),
                fr_amount(&a.amount)
            ),
        );
        x.detail = a.note.clone();
        x.code = Some(a.kind.clone());
        x.value = Some(a.amount.clone());
        out.push(x);
    }
    for r in &c.revisions {
        let day = r.recorded_at.get(..10).unwrap_or(&r.recorded_at);
        let mut x = entry(day, "correction", id, "Déclaration corrigée".to_string());
        x.detail = r.reason.clone();
        x.previous = Some(r.previous.to_string());
        out.push(x);
    }
    for m in &c.communications {
        let with = m
            .party_id
            .and_then(|p| c.parties.iter().find(|x| x.id == p))
            .map(|p| format!(" avec {}", p.name))
            .unwrap_or_default();
        let dir = Direction::parse(&m.direction).map_or(m.direction.as_str(), |x| x.in_sentence());
        let channel = Channel::parse(&m.channel).map_or(m.channel.as_str(), |x| x.in_sentence());
        let mut x = entry(
            &m.at,
            "echange",
            id,
            format!("Échange ({channel}, {dir}){with}"),
        );
        x.detail = Some(m.summary.clone());
        x.code = Some(m.channel.clone());
        out.push(x);
    }
}

/// A relevé received, as a timeline entry: its date, the insurer that issued it, the
/// coefficient it states and the one Courtier computed from it.
fn releve_entry(r: &ReleveEntry) -> TimelineEntry {
    let issuer = r.issuer.as_deref().unwrap_or("assureur non indiqué");
    let title = match &r.coefficient {
        Some(c) => format!(
            "Relevé d'information reçu ({issuer}, coefficient {})",
            fr_coef(c)
        ),
        None => format!("Relevé d'information reçu ({issuer})"),
    };
    TimelineEntry {
        date: r.issued_on.clone(),
        kind: "releve".into(),
        contract_id: None,
        contract_label: None,
        claim_id: None,
        releve_id: Some(r.id),
        document_id: None,
        title,
        detail: r
            .result
            .start_coefficient
            .as_deref()
            .map(|c| format!("Coefficient de départ calculé : {}", fr_coef(c))),
        code: None,
        value: r.result.start_coefficient.clone(),
        previous: None,
    }
}

/// Sorts and filters entries built from `contracts`.
pub fn build_timeline(contracts: &[ContractRecord], q: &TimelineQuery) -> Timeline {
    build_client_timeline(contracts, &[], Vec::new(), q)
}

/// Sorts and filters entries built from a client's `contracts` and `releves`, with `others`
/// (their exchanges, e-mails and avis sent, the documents generated) as they are.
pub fn build_client_timeline(
    contracts: &[ContractRecord],
    releves: &[ReleveEntry],
    others: Vec<TimelineEntry>,
    q: &TimelineQuery,
) -> Timeline {
    let mut all = Vec::new();
    for k in contracts {
        contract_entries(k, &mut all);
    }
    all.extend(releves.iter().map(releve_entry));
    for mut x in others {
        // An entry about a contract carries its label, like the contract's own entries.
        if x.contract_label.is_none() {
            if let Some(k) = contracts.iter().find(|k| Some(k.id) == x.contract_id) {
                x.contract_label = Some(format!("{} n° {}", k.insurer, k.number));
            }
        }
        all.push(x);
    }
    let total = all.len();
    let rank = |k: &str| TIMELINE_KINDS.iter().position(|x| *x == k).unwrap_or(99);
    all.sort_by(|a, b| {
        a.date
            .get(..10)
            .cmp(&b.date.get(..10))
            .then(rank(&a.kind).cmp(&rank(&b.kind)))
            .then(a.date.cmp(&b.date))
    });
    let day = |e: &TimelineEntry| e.date.get(..10).unwrap_or(&e.date).to_string();
    let mut entries: Vec<TimelineEntry> = all
        .into_iter()
        .filter(|e| q.kinds.is_empty() || q.kinds.contains(&e.kind))
        .filter(|e| q.contract_id.map_or(true, |c| Some(c) == e.contract_id))
        .filter(|e| q.claim_id.map_or(true, |c| Some(c) == e.claim_id))
        .filter(|e| q.from.as_deref().map_or(true, |f| day(e).as_str() >= f))
        .filter(|e| q.to.as_deref().map_or(true, |t| day(e).as_str() <= t))
        .collect();
    if q.newest_first {
        entries.reverse();
    }
    Timeline {
        entries,
        total,
        contracts: contracts
            .iter()
            .map(|k| (k.id, format!("{} n° {}", k.insurer, k.number)))
            .collect(),
    }
}

fn check_query(q: &TimelineQuery) -> Result<(), AppError> {
    for k in &q.kinds {
        if !TIMELINE_KINDS.contains(&k.as_str()) {
            return Err(AppError::field(
                "kinds",
                format!(
                    "Type d'événement inconnu « {k} » ({}).",
                    TIMELINE_KINDS.join(", ")
                ),
            ));
        }
    }
    for (v, code, label) in [(&q.from, "from", "Début"), (&q.to, "to", "Fin")] {
        if let Some(d) = v.as_deref().filter(|d| !d.is_empty()) {
            courtier_domain::client::parse_date(d)
                .map_err(|m| AppError::field(code, format!("{label} : {m}")))?;
        }
    }
    Ok(())
}

impl Courtier {
    /// A client's timeline across all their contracts.
    pub fn client_timeline(&self, client_id: i64, q: &TimelineQuery) -> Result<Timeline, AppError> {
        check_query(q)?;
        self.client_get(client_id)?;
        let contracts = self.contracts_of_client(client_id)?;
        let releves = self.releves_of_client(client_id)?;
        let mut others = self.exchange_entries(client_id, &contracts)?;
        others.extend(self.generated_entries(&contracts)?);
        Ok(build_client_timeline(&contracts, &releves, others, q))
    }

    /// A client's exchanges, e-mails and avis sent, as timeline entries (those about one of
    /// `contracts` carry its id).
    fn exchange_entries(
        &self,
        client_id: i64,
        contracts: &[ContractRecord],
    ) -> Result<Vec<TimelineEntry>, AppError> {
        let mut out: Vec<TimelineEntry> = self
            .with_reader(|s| Ok(s.client_exchanges_of_client(client_id)?))?
            .iter()
            .map(crate::timeline_exchanges::noted)
            .collect();
        out.extend(
            self.mail_of_client(client_id)?
                .iter()
                .map(crate::timeline_exchanges::mail),
        );
        for k in contracts {
            let sent = self.with_reader(|s| Ok(s.avis_sendings_of_contract(k.id)?))?;
            out.extend(sent.iter().map(crate::timeline_exchanges::avis));
        }
        Ok(out)
    }

    /// One contract's timeline.
    pub fn contract_timeline(
        &self,
        contract_id: i64,
        q: &TimelineQuery,
    ) -> Result<Timeline, AppError> {
        check_query(q)?;
        let k = self.contract_get(contract_id)?;
        let one = std::slice::from_ref(&k);
        let mut others = self.exchange_entries(k.client_id, one)?;
        others.retain(|x| x.contract_id == Some(k.id));
        others.extend(self.generated_entries(one)?);
        Ok(build_client_timeline(one, &[], others, q))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn amounts_are_written_the_french_way() {
        assert_eq!(super::fr_amount("0.00"), "0,00\u{a0}€");
        assert_eq!(super::fr_amount("pas un montant"), "pas un montant");
        assert_eq!(super::fr_amount("1302.76"), "1\u{202f}302,76\u{a0}€");
        assert_eq!(super::fr_amount("300.50"), "300,50\u{a0}€");
        assert_eq!(
            super::fr_amount("1234567.00"),
            "1\u{202f}234\u{202f}567,00\u{a0}€"
        );
    }
}
