//! Renewals: the avis d'échéance sent for a contract's échéance (the fact the Chatel outcome is
//! computed from) and the agency's renewal settings.
//!
//! What the agency file does not say yet, and the reasoned defaults used (docs/deadlines.md):
//! every contract is **tacitly renewed** (the default of art. L113-12: an annual contract is
//! renewed unless it says otherwise); a contract is **professional** when its client is a
//! company, or when its usage is « tournées » (a vehicle used for professional rounds); a person's
//! contract of standard usage is outside their profession.

use crate::input::{date_field, iso, trimmed};
use crate::{AppError, Courtier};
use chrono::NaiveDate;
use courtier_domain::bonus_malus::Usage;
use courtier_domain::client::ClientKind;
use courtier_domain::deadlines::{
    chatel_outcome, chatel_window, echeances_between, ContractTerms, Subscriber,
    DEFAULT_NOTICE_MONTHS,
};
use courtier_port::{AvisSendingRow, ContractRow, RenewalSettingsRow};
use serde::{Deserialize, Serialize};

/// How an avis d'échéance was sent (`avis_sendings.channel`).
pub const CHANNELS: &[(&str, &str)] = &[
    ("courrier", "Courrier"),
    ("email", "Courriel"),
    ("remise", "Remis en main propre"),
];

/// An avis d'échéance sent, as the contract page and the CLI show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AvisSentDto {
    pub id: i64,
    pub contract_id: i64,
    pub echeance: String,
    pub sent_on: String,
    pub channel: String,
    pub recorded_at: String,
    /// What the subscriber may do for that échéance today (art. L113-15-1), or `None` when
    /// Chatel does not apply to the contract.
    pub chatel: Option<String>,
}

/// The renewal settings as the UI and the CLI exchange them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RenewalSettings {
    pub claim_silence_days: u32,
    pub advice_review_months: u32,
    pub ics_client_names: bool,
}

/// The deadline terms of a contract, with the defaults stated in the module's note.
pub(crate) fn terms_of(c: &ContractRow, client_kind: ClientKind) -> ContractTerms {
    ContractTerms {
        product: c.product,
        subscription: c.subscription_date,
        first_echeance: c.first_echeance,
        tacit_renewal: true,
        notice_months: DEFAULT_NOTICE_MONTHS,
        subscriber: Subscriber {
            kind: client_kind,
            professional: client_kind == ClientKind::Company || c.usage == Usage::Tournees,
        },
    }
}

fn channel(s: &Option<String>) -> Result<String, AppError> {
    let c = trimmed(s).unwrap_or_else(|| "courrier".to_string());
    if CHANNELS.iter().any(|(code, _)| *code == c) {
        Ok(c)
    } else {
        Err(AppError::field(
            "channel",
            format!("« {c} » : moyen d'envoi inconnu (codes acceptés : courrier, email, remise)."),
        ))
    }
}

fn dto(
    row: &AvisSendingRow,
    terms: &ContractTerms,
    all: &[AvisSendingRow],
    today: NaiveDate,
) -> AvisSentDto {
    let sent: Vec<NaiveDate> = all
        .iter()
        .filter(|a| a.echeance == row.echeance)
        .map(|a| a.sent_on)
        .collect();
    AvisSentDto {
        id: row.id,
        contract_id: row.contract_id,
        echeance: iso(row.echeance),
        sent_on: iso(row.sent_on),
        channel: row.channel.clone(),
        recorded_at: row.recorded_at.clone(),
        chatel: chatel_window(terms, row.echeance)
            .map(|w| chatel_outcome(&w, &sent, today).describe()),
    }
}

impl Courtier {
    /// Records that the avis d'échéance of `contract_id` for `echeance` was sent on `on` by
    /// `channel` (`courrier` by default). The échéance must be one of the contract's; the
    /// sending cannot be in the future.
    pub fn avis_sent(
        &self,
        contract_id: i64,
        echeance: &str,
        on: &str,
        channel_code: &Option<String>,
    ) -> Result<AvisSentDto, AppError> {
        let echeance = date_field(echeance, "echeance", "Échéance")?;
        let on = date_field(on, "on", "Date d'envoi")?;
        let channel = channel(channel_code)?;
        let today = self.today();
        if on > today {
            return Err(AppError::field(
                "on",
                format!(
                    "L'avis serait envoyé le {}, dans le futur : enregistrez-le une fois envoyé.",
                    on.format("%d/%m/%Y")
                ),
            ));
        }
        let now = self.now();
        self.with_store(|s| {
            let c = s.contract(contract_id)?;
            if echeances_between(c.first_echeance, echeance, echeance).is_empty() {
                return Err(AppError::field(
                    "echeance",
                    format!(
                        "Le {} n'est pas une échéance de ce contrat (ses échéances tombent chaque année le {}, à partir du {}).",
                        echeance.format("%d/%m/%Y"),
                        c.first_echeance.format("%d/%m"),
                        c.first_echeance.format("%d/%m/%Y")
                    ),
                ));
            }
            let kind = s.get_client(c.client_id)?.client.kind;
            let id = s.insert_avis_sending(contract_id, echeance, on, &channel, &now)?;
            let all = s.avis_sendings_of_contract(contract_id)?;
            let row = all
                .iter()
                .find(|a| a.id == id)
                .ok_or_else(|| AppError::internal("avis enregistré introuvable"))?;
            Ok(dto(row, &terms_of(&c, kind), &all, today))
        })
    }

    /// The avis d'échéance sent for a contract, by échéance then sending date.
    pub fn avis_of_contract(&self, contract_id: i64) -> Result<Vec<AvisSentDto>, AppError> {
        let today = self.today();
        self.with_reader(|s| {
            let c = s.contract(contract_id)?;
            let terms = terms_of(&c, s.get_client(c.client_id)?.client.kind);
            let all = s.avis_sendings_of_contract(contract_id)?;
            Ok(all.iter().map(|a| dto(a, &terms, &all, today)).collect())
        })
    }

    /// The renewal settings in force.
    pub fn renewal_settings(&self) -> Result<RenewalSettings, AppError> {
        self.with_reader(|s| {
            let r = s.renewal_settings()?;
            Ok(RenewalSettings {
                claim_silence_days: r.claim_silence_days,
                advice_review_months: r.advice_review_months,
                ics_client_names: r.ics_client_names,
            })
        })
    }

    /// Records new renewal settings: 1 to 3 650 days without news, 0 to 120 months between
    /// re-examinations of advice (0: none).
    pub fn set_renewal_settings(&self, r: RenewalSettings) -> Result<RenewalSettings, AppError> {
        if !(1..=3650).contains(&r.claim_silence_days) {
            return Err(AppError::field(
                "claimSilenceDays",
                "Le délai de relance d'un sinistre sans nouvelles est compris entre 1 et 3 650 jours.",
            ));
        }
        if r.advice_review_months > 120 {
            return Err(AppError::field(
                "adviceReviewMonths",
                "L'intervalle de réexamen du conseil est compris entre 0 (aucun) et 120 mois.",
            ));
        }
        let now = self.now();
        self.with_store(|s| {
            s.record_renewal_settings(
                &RenewalSettingsRow {
                    claim_silence_days: r.claim_silence_days,
                    advice_review_months: r.advice_review_months,
                    ics_client_names: r.ics_client_names,
                },
                &now,
            )?;
            Ok(r)
        })
    }
}
