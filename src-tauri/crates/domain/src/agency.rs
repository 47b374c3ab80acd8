//! The agency's identity as its printed documents carry it (Paramètres → Agence): name, address,
//! ORIAS registration, professional association, phone, e-mail, logo and the footer's legal
//! mentions. Each field is checked here; the use case only trims and routes the messages.

use crate::fields::{email, phone_number};
use crate::text::{line, lines, TextError};

/// The largest logo kept (it is printed small in the header of each document).
pub const LOGO_MAX_BYTES: usize = 512 * 1024;
const NAME_MAX: usize = 120;
const LINE_MAX: usize = 200;
const FOOTER_MAX: usize = 1_000;

/// The image formats a logo may have, recognised by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogoFormat {
    Png,
    Jpeg,
}

impl LogoFormat {
    pub fn code(self) -> &'static str {
        match self {
            LogoFormat::Png => "png",
            LogoFormat::Jpeg => "jpeg",
        }
    }
    pub fn from_code(s: &str) -> Option<LogoFormat> {
        match s {
            "png" => Some(LogoFormat::Png),
            "jpeg" => Some(LogoFormat::Jpeg),
            _ => None,
        }
    }
}

/// The agency's identity, every field checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AgencyIdentity {
    pub name: String,
    /// One or several lines.
    pub address: Option<String>,
    /// Eight digits.
    pub orias: Option<String>,
    pub association: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub logo: Option<(LogoFormat, Vec<u8>)>,
    pub footer: Option<String>,
}

/// Why a field of the identity is refused; the `Display` is the French message. `field()` names
/// the field (camelCase, as the form names it).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgencyError {
    #[error("Le nom de l'agence est obligatoire.")]
    NameMissing,
    #[error("« {0} » n'est pas un numéro ORIAS : il a huit chiffres (par exemple 12345678).")]
    Orias(String),
    #[error("{1}")]
    Text(&'static str, TextError),
    #[error("Le téléphone « {0} » n'est pas un numéro valable.")]
    Phone(String),
    #[error("L'adresse électronique « {0} » n'est pas valable.")]
    Email(String),
    #[error(
        "Le logo n'est ni une image PNG ni une image JPEG (contenu examiné, pas l'extension)."
    )]
    LogoFormat,
    #[error("Le logo pèse {0} octets : au plus {LOGO_MAX_BYTES} octets (512 Ko).")]
    LogoTooLarge(usize),
    #[error("Le logo est vide.")]
    LogoEmpty,
}

impl AgencyError {
    pub fn field(&self) -> &'static str {
        match self {
            AgencyError::NameMissing => "name",
            AgencyError::Orias(_) => "orias",
            AgencyError::Text(f, _) => f,
            AgencyError::Phone(_) => "phone",
            AgencyError::Email(_) => "email",
            AgencyError::LogoFormat | AgencyError::LogoTooLarge(_) | AgencyError::LogoEmpty => {
                "logo"
            }
        }
    }
}

/// An ORIAS registration number: eight digits (spaces between groups accepted and removed).
pub fn orias(s: &str) -> Result<String, AgencyError> {
    let digits: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == 8 && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(AgencyError::Orias(s.trim().to_string()))
    }
}

/// The logo's format by its content: the PNG signature and IHDR chunk, or a JPEG's SOI marker
/// followed by a marker segment; within the size limit.
pub fn logo_format(bytes: &[u8]) -> Result<LogoFormat, AgencyError> {
    if bytes.is_empty() {
        return Err(AgencyError::LogoEmpty);
    }
    if bytes.len() > LOGO_MAX_BYTES {
        return Err(AgencyError::LogoTooLarge(bytes.len()));
    }
    if bytes.len() > 24 && bytes.starts_with(b"\x89PNG\r\n\x1a\n") && &bytes[12..16] == b"IHDR" {
        return Ok(LogoFormat::Png);
    }
    if bytes.len() > 4 && bytes.starts_with(&[0xFF, 0xD8, 0xFF]) && bytes[3] >= 0xC0 {
        return Ok(LogoFormat::Jpeg);
    }
    Err(AgencyError::LogoFormat)
}

/// What the form sends, raw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgencyDraft<'a> {
    pub name: &'a str,
    pub address: &'a str,
    pub orias: &'a str,
    pub association: &'a str,
    pub phone: &'a str,
    pub email: &'a str,
    pub logo: Option<&'a [u8]>,
    pub footer: &'a str,
}

fn opt<T>(
    s: &str,
    f: impl FnOnce(&str) -> Result<T, AgencyError>,
) -> Result<Option<T>, AgencyError> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        f(s).map(Some)
    }
}

impl AgencyIdentity {
    /// Checks every field of a draft: the first refusal, naming its field.
    pub fn from_draft(d: &AgencyDraft<'_>) -> Result<AgencyIdentity, AgencyError> {
        let name = line(d.name, "Le nom de l'agence", NAME_MAX)
            .map_err(|e| AgencyError::Text("name", e))?
            .ok_or(AgencyError::NameMissing)?;
        let address =
            lines(d.address, "L'adresse", LINE_MAX).map_err(|e| AgencyError::Text("address", e))?;
        let association = line(d.association, "L'association professionnelle", LINE_MAX)
            .map_err(|e| AgencyError::Text("association", e))?;
        let footer = lines(d.footer, "Les mentions légales", FOOTER_MAX)
            .map_err(|e| AgencyError::Text("footer", e))?;
        let orias = opt(d.orias, orias)?;
        let phone = opt(d.phone, |s| {
            phone_number(s).map_err(|_| AgencyError::Phone(s.trim().to_string()))
        })?;
        let email = opt(d.email, |s| {
            email(s).map_err(|_| AgencyError::Email(s.trim().to_string()))
        })?;
        let logo = match d.logo {
            None => None,
            Some(b) => Some((logo_format(b)?, b.to_vec())),
        };
        Ok(AgencyIdentity {
            name,
            address,
            orias,
            association,
            phone,
            email,
            logo,
            footer,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn draft() -> AgencyDraft<'static> {
        AgencyDraft {
            name: "  Cabinet   Durand ",
            address: "12 rue de la Paix\n75002 Paris",
            orias: "12 345 678",
            association: "Planète CSCA",
            phone: "01 23 45 67 89",
            email: "contact@Durand.FR",
            logo: None,
            footer: "SARL au capital de 10 000 €",
        }
    }

    #[test]
    fn a_full_draft_is_normalised() {
        let a = AgencyIdentity::from_draft(&draft()).unwrap();
        assert_eq!(a.name, "Cabinet Durand");
        assert_eq!(a.orias.as_deref(), Some("12345678"));
        assert_eq!(a.email.as_deref(), Some("contact@durand.fr"));
        assert_eq!(a.address.as_deref(), Some("12 rue de la Paix\n75002 Paris"));
    }

    #[test]
    fn orias_is_eight_digits() {
        assert_eq!(orias("07001234").unwrap(), "07001234");
        for bad in ["1234567", "123456789", "1234567a", "ORIAS123"] {
            let e = orias(bad).unwrap_err();
            assert_eq!(e.field(), "orias");
            assert!(e.to_string().contains("huit chiffres"), "{e}");
        }
    }

    #[test]
    fn each_refusal_names_its_field() {
        let mut d = draft();
        d.name = "  ";
        assert_eq!(
            AgencyIdentity::from_draft(&d).unwrap_err(),
            AgencyError::NameMissing
        );
        let mut d = draft();
        d.phone = "abc";
        assert_eq!(AgencyIdentity::from_draft(&d).unwrap_err().field(), "phone");
        let mut d = draft();
        d.email = "pas une adresse";
        assert_eq!(AgencyIdentity::from_draft(&d).unwrap_err().field(), "email");
        let mut d = draft();
        d.footer = "a\u{202E}b";
        assert_eq!(
            AgencyIdentity::from_draft(&d).unwrap_err().field(),
            "footer"
        );
    }

    #[test]
    fn the_logo_is_checked_by_content() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend([0u8; 20]);
        assert_eq!(logo_format(&png).unwrap(), LogoFormat::Png);
        assert_eq!(
            logo_format(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 16]).unwrap(),
            LogoFormat::Jpeg
        );
        assert_eq!(
            logo_format(b"MZ\x90\0 an executable renamed logo.png").unwrap_err(),
            AgencyError::LogoFormat
        );
        assert_eq!(logo_format(b"").unwrap_err(), AgencyError::LogoEmpty);
        let mut big = png.clone();
        big.resize(LOGO_MAX_BYTES + 1, 0);
        assert!(matches!(
            logo_format(&big).unwrap_err(),
            AgencyError::LogoTooLarge(_)
        ));
    }
}
