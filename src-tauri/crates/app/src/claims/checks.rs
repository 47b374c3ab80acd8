//! The checks of a claim's dated facts against the claim's and the contract's dates and today,
//! and of its free texts: each refusal a field error with a precise French message.

use crate::input::{field, limits, line, lines};
use crate::AppError;
use chrono::NaiveDate;
use courtier_domain::contract::terminated_on;
use courtier_port::AgencyStore;

fn fr(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A claim belongs to its contract's life: not before its subscription (the previous insurer's
/// relevé holds it), not after its termination (nothing was covered any more).
pub(crate) fn within_contract(
    s: &dyn AgencyStore,
    contract_id: i64,
    occurred: NaiveDate,
) -> Result<(), AppError> {
    let contract = s.contract(contract_id)?;
    if occurred < contract.subscription_date {
        return Err(field(
            "occurredOn",
            "Le sinistre précède la souscription du contrat : il relève du relevé d'information de l'assureur précédent.",
        ));
    }
    let events = s.contract_events(contract_id)?;
    let terminated = terminated_on(events.iter().filter_map(|e| Some((e.on_date, e.status?))));
    if let Some(t) = terminated.filter(|t| occurred >= *t) {
        return Err(field(
            "occurredOn",
            format!(
                "Le contrat est résilié depuis le {} : un sinistre du {} n'est pas couvert par lui.",
                fr(t),
                fr(occurred)
            ),
        ));
    }
    Ok(())
}

/// The date a claim occurred on.
pub(crate) fn occurred_on(s: &dyn AgencyStore, claim_id: i64) -> Result<NaiveDate, AppError> {
    let facts = s.contract_facts(s.claim_contract(claim_id)?)?;
    facts
        .claims
        .iter()
        .find(|c| c.id == claim_id)
        .map(|c| c.occurred_on)
        .ok_or_else(|| AppError::internal("sinistre absent de son contrat"))
}

/// A fact dated on `on` about a claim that occurred on `occurred`: neither before the claim nor
/// after today. `what` names the date in the message (« La date du montant »).
pub(crate) fn fact_date(
    on: NaiveDate,
    occurred: NaiveDate,
    today: NaiveDate,
    code: &str,
    what: &str,
) -> Result<(), AppError> {
    if on > today {
        return Err(field(
            code,
            format!("{what} ({}) est dans le futur.", fr(on)),
        ));
    }
    if on < occurred {
        return Err(field(
            code,
            format!(
                "{what} ({}) précède le sinistre, survenu le {}.",
                fr(on),
                fr(occurred)
            ),
        ));
    }
    Ok(())
}

/// A note on a claim's fact (a status, a requalification, an amount).
pub(crate) fn note(v: Option<&str>) -> Result<Option<String>, AppError> {
    line(v, "note", "La note", limits::NOTE)
}

/// A claim's declared free texts, checked: place, description, insurer's reference.
pub(crate) struct Texts {
    pub place: Option<String>,
    pub description: Option<String>,
    pub insurer_reference: Option<String>,
}

pub(crate) fn texts(
    place: Option<&str>,
    description: Option<&str>,
    insurer_reference: Option<&str>,
) -> Result<Texts, AppError> {
    Ok(Texts {
        place: line(place, "place", "Le lieu", limits::LINE)?,
        description: lines(description, "description", "La description", limits::TEXT)?,
        insurer_reference: line(
            insurer_reference,
            "insurerReference",
            "La référence de l'assureur",
            limits::REFERENCE,
        )?,
    })
}
