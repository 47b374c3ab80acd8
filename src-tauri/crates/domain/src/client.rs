//! Client records: the value types and the validation rules for what a broker types in.
//!
//! Pure functions of their input (today's date is passed in). Every error names the field it is
//! about (in the camelCase form the front end uses, e.g. `addresses[0].postcode`) and carries a
//! precise French message.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A validation failure on one field of a form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FieldError {
    /// The field, as the front end names it: `lastName`, `addresses[0].postcode`, …
    pub field: String,
    /// What is wrong, in French, for the broker.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

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
    ($t:ty { $($v:ident => $s:literal),+ $(,)? }) => {
        impl $t {
            /// The stable text form, as stored and sent to the front end.
            pub fn as_str(self) -> &'static str {
                match self { $(<$t>::$v => $s),+ }
            }
            /// Parses the stable text form.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($s => Some(<$t>::$v),)+ _ => None }
            }
        }
    };
}
str_enum!(ClientKind { Person => "person", Company => "company" });
str_enum!(Civility { M => "M", Mme => "Mme" });
str_enum!(ClientStatus { Prospect => "prospect", Client => "client", Former => "former" });
str_enum!(AddressKind { Principale => "principale", Correspondance => "correspondance" });
str_enum!(PhoneKind { Mobile => "mobile", Fixe => "fixe", Professionnel => "professionnel" });
str_enum!(EmailKind { Personnel => "personnel", Professionnel => "professionnel" });

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

const MAX_NAME: usize = 100;
const MAX_TEXT: usize = 200;
const MAX_NOTES: usize = 20_000;

/// Validates and normalises a draft. `today` bounds the birth date.
pub fn validate(draft: &ClientDraft, today: NaiveDate) -> Result<Client, FieldError> {
    let kind = ClientKind::parse(draft.kind.trim()).ok_or_else(|| {
        FieldError::new(
            "kind",
            "Le type de client doit être « particulier » ou « entreprise ».",
        )
    })?;
    let civility = match clean(&draft.civility) {
        None => None,
        Some(c) => Some(Civility::parse(&c).ok_or_else(|| {
            FieldError::new("civility", "La civilité doit être « M. » ou « Mme ».")
        })?),
    };
    let last_name = name_field(&draft.last_name, "lastName", "Le nom")?;
    let first_name = name_field(&draft.first_name, "firstName", "Le prénom")?;
    let company_name = name_field(&draft.company_name, "companyName", "La raison sociale")?;
    match kind {
        ClientKind::Person if last_name.is_none() => {
            return Err(FieldError::new(
                "lastName",
                "Le nom est obligatoire pour un particulier.",
            ))
        }
        ClientKind::Company if company_name.is_none() => {
            return Err(FieldError::new(
                "companyName",
                "La raison sociale est obligatoire pour une entreprise.",
            ))
        }
        _ => {}
    }
    let siren = match clean(&draft.siren) {
        None => None,
        Some(s) => Some(siren(&s).map_err(|m| FieldError::new("siren", m))?),
    };
    let birth_date = match clean(&draft.birth_date) {
        None => None,
        Some(s) => Some(birth_date(&s, today).map_err(|m| FieldError::new("birthDate", m))?),
    };

    let mut addresses = Vec::with_capacity(draft.addresses.len());
    for (i, a) in draft.addresses.iter().enumerate() {
        let f = |name: &str| format!("addresses[{i}].{name}");
        let kind = AddressKind::parse(a.kind.trim()).ok_or_else(|| {
            FieldError::new(
                f("kind"),
                "Le type d'adresse doit être « principale » ou « correspondance ».",
            )
        })?;
        let line1 = text_field(&Some(a.line1.clone()), &f("line1"), "L'adresse", MAX_TEXT)?;
        let line2 = text_field(&a.line2, &f("line2"), "Le complément d'adresse", MAX_TEXT)?;
        let country = clean(&a.country).unwrap_or_else(|| "France".to_string());
        let is_france = is_france(&country);
        let postcode = if is_france {
            french_postcode(&a.postcode).map_err(|m| FieldError::new(f("postcode"), m))?
        } else {
            let p = a.postcode.trim();
            if p.is_empty() || p.chars().count() > 12 {
                return Err(FieldError::new(
                    f("postcode"),
                    "Le code postal est vide ou trop long.",
                ));
            }
            p.to_string()
        };
        let city = text_field(&Some(a.city.clone()), &f("city"), "La ville", MAX_NAME)?
            .ok_or_else(|| FieldError::new(f("city"), "La ville est vide."))?;
        addresses.push(Address {
            kind,
            line1,
            line2,
            postcode,
            city,
            country,
        });
    }

    let mut phones = Vec::with_capacity(draft.phones.len());
    for (i, p) in draft.phones.iter().enumerate() {
        let field = format!("phones[{i}].number");
        let kind = PhoneKind::parse(p.kind.trim()).ok_or_else(|| {
            FieldError::new(
                format!("phones[{i}].kind"),
                "Le type de téléphone doit être mobile, fixe ou professionnel.",
            )
        })?;
        let number = phone_number(&p.number).map_err(|m| FieldError::new(field, m))?;
        phones.push(Phone { kind, number });
    }

    let mut emails = Vec::with_capacity(draft.emails.len());
    for (i, e) in draft.emails.iter().enumerate() {
        let kind = EmailKind::parse(e.kind.trim()).ok_or_else(|| {
            FieldError::new(
                format!("emails[{i}].kind"),
                "Le type d'adresse e-mail doit être personnel ou professionnel.",
            )
        })?;
        let address =
            email(&e.address).map_err(|m| FieldError::new(format!("emails[{i}].address"), m))?;
        emails.push(Email { kind, address });
    }

    let status = ClientStatus::parse(draft.status.trim()).ok_or_else(|| {
        FieldError::new(
            "status",
            "Le statut doit être prospect, client ou ancien client.",
        )
    })?;

    Ok(Client {
        kind,
        civility: if kind == ClientKind::Person {
            civility
        } else {
            None
        },
        last_name,
        first_name,
        company_name,
        siren,
        birth_date: if kind == ClientKind::Person {
            birth_date
        } else {
            None
        },
        addresses,
        phones,
        emails,
        profession: text_field(&draft.profession, "profession", "La profession", MAX_TEXT)?,
        status,
        source: text_field(&draft.source, "source", "La source", MAX_TEXT)?,
        assigned_broker: text_field(
            &draft.assigned_broker,
            "assignedBroker",
            "Le nom du chargé de clientèle",
            MAX_TEXT,
        )?,
        notes: notes(&draft.notes)?,
    })
}

fn clean(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn text_field(
    v: &Option<String>,
    field: &str,
    label: &str,
    max: usize,
) -> Result<Option<String>, FieldError> {
    let Some(s) = clean(v) else { return Ok(None) };
    if s.chars().any(char::is_control) {
        return Err(FieldError::new(
            field,
            format!("{label} contient un caractère de contrôle (retour à la ligne, tabulation…)."),
        ));
    }
    if s.chars().count() > max {
        return Err(FieldError::new(
            field,
            format!("{label} dépasse {max} caractères."),
        ));
    }
    Ok(Some(collapse_spaces(&s)))
}

fn name_field(v: &Option<String>, field: &str, label: &str) -> Result<Option<String>, FieldError> {
    let Some(s) = text_field(v, field, label, MAX_NAME)? else {
        return Ok(None);
    };
    if !s.chars().any(char::is_alphabetic) {
        return Err(FieldError::new(
            field,
            format!("{label} « {s} » ne contient aucune lettre."),
        ));
    }
    Ok(Some(s))
}

fn notes(v: &Option<String>) -> Result<Option<String>, FieldError> {
    let Some(s) = clean(v) else { return Ok(None) };
    if s.chars().count() > MAX_NOTES {
        return Err(FieldError::new(
            "notes",
            format!("Les notes dépassent {MAX_NOTES} caractères."),
        ));
    }
    if s.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(FieldError::new(
            "notes",
            "Les notes contiennent un caractère de contrôle invalide.",
        ));
    }
    Ok(Some(s.replace("\r\n", "\n")))
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_france(country: &str) -> bool {
    matches!(
        fold_for_search(country).as_str(),
        "france" | "fr" | "france metropolitaine"
    )
}

/// Parses a date typed as `YYYY-MM-DD` or `JJ/MM/AAAA`, with a French message naming what is wrong.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let s = s.trim();
    let (y, m, d) = if let Some((d, rest)) = s.split_once('/') {
        let (m, y) = rest
            .split_once('/')
            .ok_or_else(|| format!("« {s} » n'est pas une date (attendu JJ/MM/AAAA)."))?;
        (y, m, d)
    } else {
        let mut it = s.splitn(3, '-');
        match (it.next(), it.next(), it.next()) {
            (Some(y), Some(m), Some(d)) => (y, m, d),
            _ => return Err(format!("« {s} » n'est pas une date (attendu JJ/MM/AAAA).")),
        }
    };
    let num = |x: &str, len: std::ops::RangeInclusive<usize>| -> Option<u32> {
        (len.contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit()))
            .then(|| x.parse().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(y, 4..=4), num(m, 1..=2), num(d, 1..=2)) else {
        return Err(format!("« {s} » n'est pas une date (attendu JJ/MM/AAAA)."));
    };
    if !(1..=12).contains(&m) {
        return Err(format!("Le mois {m} n'existe pas."));
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
        .ok_or_else(|| format!("Le {d:02}/{m:02}/{y} n'existe pas."))
}

fn birth_date(s: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let d = parse_date(s).map_err(|m| format!("Date de naissance : {m}"))?;
    if d > today {
        return Err(format!(
            "La date de naissance {} est dans le futur.",
            d.format("%d/%m/%Y")
        ));
    }
    if today.year() - d.year() > 120 {
        return Err(format!(
            "La date de naissance {} donne plus de 120 ans.",
            d.format("%d/%m/%Y")
        ));
    }
    Ok(d)
}

/// Validates a French postcode: five digits of an existing département (01–95, Corsica's 20,
/// overseas 971–976 and 984–988; 98000 is Monaco's, accepted as La Poste serves it).
pub fn french_postcode(s: &str) -> Result<String, String> {
    let p: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if p.is_empty() {
        return Err("Le code postal est vide.".into());
    }
    if p.len() != 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "Le code postal « {} » doit comporter 5 chiffres.",
            s.trim()
        ));
    }
    let dep: u32 = p[..2].parse().unwrap_or(0);
    let ok = match dep {
        1..=95 => true,
        97 => matches!(&p[..3], "971" | "972" | "973" | "974" | "975" | "976"),
        98 => matches!(&p[..3], "980" | "984" | "986" | "987" | "988"),
        _ => false,
    };
    if !ok {
        return Err(format!(
            "Le code postal « {p} » ne correspond à aucun département français."
        ));
    }
    Ok(p)
}

/// Normalises a phone number. French numbers (`06 12 34 56 78`, `+33 6 12 34 56 78`,
/// `0033612345678`, `06.12.34.56.78`) become ten digits `0612345678`; other international numbers
/// keep their `+` form with 8 to 15 digits.
pub fn phone_number(s: &str) -> Result<String, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err("Le numéro de téléphone est vide.".into());
    }
    if t.chars()
        .any(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '+' | '(' | ')')))
    {
        return Err(format!(
            "Le numéro « {t} » contient des caractères qui ne sont pas des chiffres."
        ));
    }
    let plus = t.starts_with('+');
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let international = if plus {
        Some(digits.clone())
    } else {
        digits.strip_prefix("00").map(str::to_string)
    };
    let national = match &international {
        Some(i) if i.starts_with("33") => {
            let rest = i[2..].trim_start_matches('0');
            Some(format!("0{rest}"))
        }
        Some(i) => {
            if !(8..=15).contains(&i.len()) {
                return Err(format!(
                    "Le numéro international « {t} » doit comporter de 8 à 15 chiffres."
                ));
            }
            return Ok(format!("+{i}"));
        }
        None => Some(digits),
    };
    let n = national.unwrap_or_default();
    if n.len() != 10 || !n.starts_with('0') {
        return Err(format!(
            "Le numéro « {t} » n'est pas un numéro français valide (10 chiffres commençant par 0, ou +33)."
        ));
    }
    if n.as_bytes()[1] == b'0' {
        return Err(format!(
            "Le numéro « {t} » n'est pas un numéro français valide (il ne peut commencer par 00)."
        ));
    }
    Ok(n)
}

/// Validates an e-mail address pragmatically (one `@`, a dotted domain, no spaces), lower-casing
/// the domain.
pub fn email(s: &str) -> Result<String, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err("L'adresse e-mail est vide.".into());
    }
    let bad = || format!("L'adresse e-mail « {t} » n'est pas valide (exemple : nom@domaine.fr).");
    if t.len() > 254 || t.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    let (local, domain) = t.rsplit_once('@').ok_or_else(bad)?;
    if local.is_empty() || local.len() > 64 || local.contains('@') {
        return Err(bad());
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2
        || labels.iter().any(|l| {
            l.is_empty()
                || l.starts_with('-')
                || l.ends_with('-')
                || !l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        || labels.last().is_some_and(|tld| tld.chars().count() < 2)
    {
        return Err(bad());
    }
    Ok(format!("{local}@{}", domain.to_lowercase()))
}

/// Validates a SIREN number: nine digits passing the Luhn check.
pub fn siren(s: &str) -> Result<String, String> {
    let d: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if d.len() != 9 || !d.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "Le SIREN « {} » doit comporter 9 chiffres.",
            s.trim()
        ));
    }
    if !luhn(&d) {
        return Err(format!(
            "Le SIREN « {d} » n'est pas valide (clé de contrôle incorrecte)."
        ));
    }
    Ok(d)
}

fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let v = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = v * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                v
            }
        })
        .sum();
    sum % 10 == 0
}

/// Lower case without diacritics, for sorting and for the search index ("Hélène" → "helene",
/// "Œuvre" → "oeuvre").
pub fn fold_for_search(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                out.push('a')
            }
            'ç' | 'Ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => out.push('i'),
            'ñ' | 'Ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => out.push('u'),
            'ý' | 'ÿ' | 'Ý' | 'Ÿ' => out.push('y'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Age in whole years on `today`.
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> u32 {
    today.years_since(birth).unwrap_or(0)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn person() -> ClientDraft {
        ClientDraft {
            kind: "person".into(),
            last_name: Some("  Dupont ".into()),
            first_name: Some("Hélène".into()),
            status: "prospect".into(),
            ..Default::default()
        }
    }

    #[test]
    fn minimal_person_is_valid_and_trimmed() {
        let c = validate(&person(), today()).unwrap();
        assert_eq!(c.last_name.as_deref(), Some("Dupont"));
        assert_eq!(c.display_name(), "Hélène Dupont");
        assert_eq!(c.sort_key(), "dupont helene");
    }

    #[test]
    fn person_needs_a_last_name_and_company_a_name() {
        let mut d = person();
        d.last_name = Some("   ".into());
        assert_eq!(validate(&d, today()).unwrap_err().field, "lastName");
        let d = ClientDraft {
            kind: "company".into(),
            status: "client".into(),
            ..Default::default()
        };
        assert_eq!(validate(&d, today()).unwrap_err().field, "companyName");
    }

    #[test]
    fn birth_dates() {
        let mut d = person();
        d.birth_date = Some("1990-02-31".into());
        let e = validate(&d, today()).unwrap_err();
        assert_eq!(e.field, "birthDate");
        assert!(
            e.message.contains("31/02/1990 n'existe pas"),
            "{}",
            e.message
        );
        d.birth_date = Some("29/02/2024".into());
        assert_eq!(
            validate(&d, today()).unwrap().birth_date,
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        d.birth_date = Some("2027-01-01".into());
        assert!(validate(&d, today()).unwrap_err().message.contains("futur"));
        d.birth_date = Some("1890-01-01".into());
        assert!(validate(&d, today())
            .unwrap_err()
            .message
            .contains("120 ans"));
        d.birth_date = Some("hier".into());
        assert!(validate(&d, today())
            .unwrap_err()
            .message
            .contains("n'est pas une date"));
        d.birth_date = Some("2000-13-01".into());
        assert!(validate(&d, today())
            .unwrap_err()
            .message
            .contains("mois 13"));
    }

    #[test]
    fn phones() {
        for ok in [
            "06 12 34 56 78",
            "0612345678",
            "06.12.34.56.78",
            "+33 6 12 34 56 78",
            "+33 (0)6 12 34 56 78",
            "0033612345678",
        ] {
            assert_eq!(phone_number(ok).unwrap(), "0612345678", "{ok}");
        }
        assert_eq!(phone_number("+49 151 1234 5678").unwrap(), "+4915112345678");
        for bad in [
            "",
            "06 12 34",
            "12 34 56 78 90",
            "0012",
            "06-12-ab",
            "+33 00 12",
        ] {
            assert!(phone_number(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn postcodes() {
        for ok in ["75001", "20000", "97400", "98800", " 13 008 "] {
            assert!(french_postcode(ok).is_ok(), "{ok}");
        }
        for bad in [
            "", "7500", "750011", "00100", "96000", "97700", "99000", "7500A",
        ] {
            assert!(french_postcode(bad).is_err(), "{bad}");
        }
        let mut d = person();
        d.addresses.push(AddressDraft {
            kind: "principale".into(),
            line1: "1 rue de la Paix".into(),
            postcode: "7500".into(),
            city: "Paris".into(),
            ..Default::default()
        });
        let e = validate(&d, today()).unwrap_err();
        assert_eq!(e.field, "addresses[0].postcode");
        d.addresses[0].country = Some("Belgique".into());
        d.addresses[0].postcode = "1000".into();
        assert!(validate(&d, today()).is_ok());
    }

    #[test]
    fn emails() {
        assert_eq!(
            email("Jean.Dupont@Exemple.FR").unwrap(),
            "Jean.Dupont@exemple.fr"
        );
        assert!(email("élodie@exemple.fr").is_ok());
        for bad in [
            "",
            "jean",
            "jean@",
            "@exemple.fr",
            "jean@exemple",
            "jean dupont@x.fr",
            "a@b.c",
            "a@-b.fr",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sirens() {
        assert_eq!(siren("732 829 320").unwrap(), "732829320");
        assert!(siren("732829321").is_err());
        assert!(siren("12345").is_err());
    }

    #[test]
    fn fold() {
        assert_eq!(fold_for_search("Hélène ŒUVRE Ça"), "helene oeuvre ca");
    }

    #[test]
    fn draft_round_trip() {
        let mut d = person();
        d.phones.push(PhoneDraft {
            kind: "mobile".into(),
            number: "06 12 34 56 78".into(),
        });
        let c = validate(&d, today()).unwrap();
        let again = validate(&ClientDraft::from(&c), today()).unwrap();
        assert_eq!(c, again);
    }
}
