//! What the store keeps: a validated client, its addresses, phones and e-mails, and the closed
//! sets of codes they use.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::fields::fold_for_search;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientKind {
    Person,
    Company,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Civility {
    #[serde(rename = "M")]
    M,
    #[serde(rename = "Mme")]
    Mme,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientStatus {
    Prospect,
    Client,
    Former,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AddressKind {
    Principale,
    Correspondance,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneKind {
    Mobile,
    Fixe,
    Professionnel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailKind {
    Personnel,
    Professionnel,
}

macro_rules! str_enum {
    ($t:ty { $($v:ident => $s:literal => $label:literal),+ $(,)? }) => {
        impl $t {
            /// Every value, in the store's order.
            pub const ALL: &'static [$t] = &[$(<$t>::$v),+];
            /// The stable text form, as stored and sent to the front end.
            pub fn as_str(self) -> &'static str {
                match self { $(<$t>::$v => $s),+ }
            }
            /// Parses the stable text form.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($s => Some(<$t>::$v),)+ _ => None }
            }
            /// The French label, as the UI shows it (`ui/js/i18n/fr.js`).
            pub fn label(self) -> &'static str {
                match self { $(<$t>::$v => $label),+ }
            }
        }
    };
}
str_enum!(ClientKind { Person => "person" => "Particulier", Company => "company" => "Entreprise" });
str_enum!(Civility { M => "M" => "M.", Mme => "Mme" => "Mme" });
// The CLI's `status_label` says "ancien" for `former`; the UI's "Ancien client" is kept.
str_enum!(ClientStatus {
    Prospect => "prospect" => "Prospect",
    Client => "client" => "Client",
    Former => "former" => "Ancien client",
});
str_enum!(AddressKind {
    Principale => "principale" => "Principale",
    Correspondance => "correspondance" => "Correspondance",
});
str_enum!(PhoneKind {
    Mobile => "mobile" => "Mobile",
    Fixe => "fixe" => "Fixe",
    Professionnel => "professionnel" => "Professionnel",
});
str_enum!(EmailKind {
    Personnel => "personnel" => "Personnel",
    Professionnel => "professionnel" => "Professionnel",
});

/// A postal address, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    pub kind: AddressKind,
    /// Number and street; may be unknown for a prospect (postcode and city are enough).
    pub line1: Option<String>,
    pub line2: Option<String>,
    pub postcode: String,
    pub city: String,
    pub country: String,
}

/// A phone number, validated and normalised: French numbers as ten digits (`0612345678`),
/// others in international form (`+4915112345678`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Phone {
    pub kind: PhoneKind,
    pub number: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Email {
    pub kind: EmailKind,
    pub address: String,
}

/// A client or prospect, validated: what the store keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Client {
    pub kind: ClientKind,
    pub civility: Option<Civility>,
    pub last_name: Option<String>,
    pub first_name: Option<String>,
    pub company_name: Option<String>,
    pub siren: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub addresses: Vec<Address>,
    pub phones: Vec<Phone>,
    pub emails: Vec<Email>,
    pub profession: Option<String>,
    pub status: ClientStatus,
    pub source: Option<String>,
    pub assigned_broker: Option<String>,
    pub notes: Option<String>,
}

impl Client {
    /// The name a broker reads: "DUPONT Jean" style is avoided; "Jean Dupont", or the company name.
    pub fn display_name(&self) -> String {
        display_name(
            self.kind,
            self.first_name.as_deref(),
            self.last_name.as_deref(),
            self.company_name.as_deref(),
        )
    }

    /// The key lists sort on: last name then first name (or company name), lower case, without
    /// accents, so "Élodie" sorts with "Elodie".
    pub fn sort_key(&self) -> String {
        let raw = match self.kind {
            ClientKind::Company => self.company_name.clone().unwrap_or_default(),
            ClientKind::Person => format!(
                "{} {}",
                self.last_name.as_deref().unwrap_or(""),
                self.first_name.as_deref().unwrap_or("")
            ),
        };
        fold_for_search(raw.trim())
    }
}

/// The displayed name of a client from its parts.
pub fn display_name(
    kind: ClientKind,
    first_name: Option<&str>,
    last_name: Option<&str>,
    company_name: Option<&str>,
) -> String {
    match kind {
        ClientKind::Company => company_name.unwrap_or("").to_string(),
        ClientKind::Person => match (first_name, last_name) {
            (Some(f), Some(l)) if !f.is_empty() => format!("{f} {l}"),
            (_, Some(l)) => l.to_string(),
            (Some(f), None) => f.to_string(),
            (None, None) => String::new(),
        },
    }
}

/// Age in whole years on `today`.
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> u32 {
    today.years_since(birth).unwrap_or(0)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_the_json_form() {
        macro_rules! family {
            ($t:ty, $labels:expr) => {
                for v in <$t>::ALL {
                    assert_eq!(<$t>::parse(v.as_str()), Some(*v));
                    let json = serde_json::to_string(v).unwrap();
                    assert_eq!(json, format!("\"{}\"", v.as_str()));
                }
                let labels: Vec<&str> = <$t>::ALL.iter().map(|v| v.label()).collect();
                assert_eq!(labels, $labels, stringify!($t));
                assert_eq!(<$t>::parse("inconnu"), None);
            };
        }
        family!(ClientKind, ["Particulier", "Entreprise"]);
        family!(Civility, ["M.", "Mme"]);
        family!(ClientStatus, ["Prospect", "Client", "Ancien client"]);
        family!(AddressKind, ["Principale", "Correspondance"]);
        family!(PhoneKind, ["Mobile", "Fixe", "Professionnel"]);
        family!(EmailKind, ["Personnel", "Professionnel"]);
    }
}
