//! What the client form sends: every value as typed, before validation.

use serde::{Deserialize, Serialize};

use super::model::Client;

/// What the form sends: every value as typed, to be validated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientDraft {
    pub kind: String,
    pub civility: Option<String>,
    pub last_name: Option<String>,
    pub first_name: Option<String>,
    pub company_name: Option<String>,
    pub siren: Option<String>,
    pub birth_date: Option<String>,
    pub addresses: Vec<AddressDraft>,
    pub phones: Vec<PhoneDraft>,
    pub emails: Vec<EmailDraft>,
    pub profession: Option<String>,
    pub status: String,
    pub source: Option<String>,
    pub assigned_broker: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AddressDraft {
    pub kind: String,
    pub line1: String,
    pub line2: Option<String>,
    pub postcode: String,
    pub city: String,
    pub country: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PhoneDraft {
    pub kind: String,
    pub number: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct EmailDraft {
    pub kind: String,
    pub address: String,
}

impl From<&Client> for ClientDraft {
    fn from(c: &Client) -> Self {
        ClientDraft {
            kind: c.kind.as_str().into(),
            civility: c.civility.map(|x| x.as_str().into()),
            last_name: c.last_name.clone(),
            first_name: c.first_name.clone(),
            company_name: c.company_name.clone(),
            siren: c.siren.clone(),
            birth_date: c.birth_date.map(|d| d.format("%Y-%m-%d").to_string()),
            addresses: c
                .addresses
                .iter()
                .map(|a| AddressDraft {
                    kind: a.kind.as_str().into(),
                    line1: a.line1.clone().unwrap_or_default(),
                    line2: a.line2.clone(),
                    postcode: a.postcode.clone(),
                    city: a.city.clone(),
                    country: Some(a.country.clone()),
                })
                .collect(),
            phones: c
                .phones
                .iter()
                .map(|p| PhoneDraft {
                    kind: p.kind.as_str().into(),
                    number: p.number.clone(),
                })
                .collect(),
            emails: c
                .emails
                .iter()
                .map(|e| EmailDraft {
                    kind: e.kind.as_str().into(),
                    address: e.address.clone(),
                })
                .collect(),
            profession: c.profession.clone(),
            status: c.status.as_str().into(),
            source: c.source.clone(),
            assigned_broker: c.assigned_broker.clone(),
            notes: c.notes.clone(),
        }
    }
}
