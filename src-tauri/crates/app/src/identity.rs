//! Paramètres → Agence: the agency's identity printed on every generated document.

use crate::input::field;
use crate::{AppError, Courtier};
use courtier_domain::agency::{AgencyDraft, AgencyIdentity, LOGO_MAX_BYTES};
use serde::{Deserialize, Serialize};
use std::io::Read;

/// The identity as the form shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgencyIdentityDto {
    pub name: String,
    pub address: Option<String>,
    pub orias: Option<String>,
    pub association: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub footer: Option<String>,
    /// `png` or `jpeg` when a logo is kept.
    pub logo_format: Option<String>,
    pub logo_size: Option<u64>,
    /// When the identity in force was recorded, and how many versions were.
    pub recorded_at: Option<String>,
    pub versions: u64,
}

/// What the form (or the CLI) sends. A field left out keeps its value; an empty text clears it.
/// `logo_path` names an image file to read; `remove_logo` drops the logo kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AgencyIdentityDraft {
    pub name: Option<String>,
    pub address: Option<String>,
    pub orias: Option<String>,
    pub association: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub footer: Option<String>,
    pub logo_path: Option<String>,
    pub remove_logo: bool,
}

fn dto(a: Option<(AgencyIdentity, String)>, versions: u64) -> AgencyIdentityDto {
    let Some((a, at)) = a else {
        return AgencyIdentityDto::default();
    };
    AgencyIdentityDto {
        logo_format: a.logo.as_ref().map(|(f, _)| f.code().to_string()),
        logo_size: a.logo.as_ref().map(|(_, b)| b.len() as u64),
        name: a.name,
        address: a.address,
        orias: a.orias,
        association: a.association,
        phone: a.phone,
        email: a.email,
        footer: a.footer,
        recorded_at: Some(at),
        versions,
    }
}

/// The logo file's bytes, read up to one byte past the limit (a huge file is never read whole).
fn read_logo(path: &str) -> Result<Vec<u8>, AppError> {
    let f = std::fs::File::open(path).map_err(|e| {
        field(
            "logo",
            format!("Le fichier « {path} » ne peut être lu : {e}."),
        )
    })?;
    let mut bytes = Vec::new();
    f.take(LOGO_MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            field(
                "logo",
                format!("Le fichier « {path} » ne peut être lu : {e}."),
            )
        })?;
    Ok(bytes)
}

impl Courtier {
    /// The identity in force (empty before the first is recorded).
    pub fn agency_identity_get(&self) -> Result<AgencyIdentityDto, AppError> {
        self.with_store(|s| {
            let n = s.agency_identity_history()?.len() as u64;
            Ok(dto(
                s.agency_identity()?.map(|r| (r.identity, r.recorded_at)),
                n,
            ))
        })
    }

    /// The identity in force as the print engine needs it.
    pub fn agency_identity_in_force(&self) -> Result<Option<AgencyIdentity>, AppError> {
        self.with_store(|s| Ok(s.agency_identity()?.map(|r| r.identity)))
    }

    /// Records a new version of the identity: the draft over the one in force, every field
    /// checked; nothing is written when one is refused.
    pub fn agency_identity_set(
        &self,
        d: &AgencyIdentityDraft,
    ) -> Result<AgencyIdentityDto, AppError> {
        let logo = d.logo_path.as_deref().map(read_logo).transpose()?;
        let now = self.now();
        self.with_store(|s| {
            let old = s.agency_identity()?.map(|r| r.identity).unwrap_or_default();
            let pick = |new: &Option<String>, old: &Option<String>| {
                new.clone().or_else(|| old.clone()).unwrap_or_default()
            };
            let name = d.name.clone().unwrap_or(old.name.clone());
            let (address, orias, association) = (
                pick(&d.address, &old.address),
                pick(&d.orias, &old.orias),
                pick(&d.association, &old.association),
            );
            let (phone, email, footer) = (
                pick(&d.phone, &old.phone),
                pick(&d.email, &old.email),
                pick(&d.footer, &old.footer),
            );
            let kept_logo = old.logo.as_ref().map(|(_, b)| b.as_slice());
            let draft = AgencyDraft {
                name: &name,
                address: &address,
                orias: &orias,
                association: &association,
                phone: &phone,
                email: &email,
                footer: &footer,
                logo: match (&logo, d.remove_logo) {
                    (Some(b), _) => Some(b.as_slice()),
                    (None, true) => None,
                    (None, false) => kept_logo,
                },
            };
            let a =
                AgencyIdentity::from_draft(&draft).map_err(|e| field(e.field(), e.to_string()))?;
            s.set_agency_identity(&a, &now)?;
            let n = s.agency_identity_history()?.len() as u64;
            Ok(dto(Some((a, now.clone())), n))
        })
    }
}
