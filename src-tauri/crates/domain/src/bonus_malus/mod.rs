//! The French bonus-malus: the clause type de réduction-majoration (annex to article A121-1 of
//! the Code des assurances), as decided point by point in `docs/bonus-malus.md`.
//!
//! Pure: no clock, no IO. Coefficients are integer hundredths; every product is computed exactly
//! in integers and truncated ("arrêté à la deuxième décimale et arrondi par défaut").
//!
//! - [`rules`]: the yearly step (R3–R11, R14) over reference periods.
//! - [`dated`]: reference periods from dates (R12, R13, R15).
//! - [`releve`]: a new insurer's starting coefficient (R16, R17) and the relevé's consistency.
//! - [`trace`] and [`note`]: how every number was reached, and the French calculation note.
//! - [`json`]: the two JSON forms of the spec (`courtier bonus-malus simulate`).
//! - [`projection`]: the next échéance, and what one more claim would make it.

pub mod dated;
pub mod json;
pub mod limits;
pub mod note;
pub mod projection;
pub mod releve;
pub mod rules;
pub mod trace;

pub use dated::{
    coefficient_in_force, compute_dated, compute_dated_coefficients, counting_echeance,
    echeance_dates, interruption_length, longer_than_three_months, next_echeance,
    requalification_in_time, responsibility_in_force, DatedClaim, DatedHistory, DatedOutcome,
    EcheanceResult, HistoryError, Interruption, Requalification,
};
pub use json::{simulate_json, simulate_note, SimulateError};
pub use projection::{project, Projection};
pub use releve::{
    start_coefficient_from_releve, transfer_on_replacement, Releve, ReleveClaim, ReleveDocument,
    ReleveDocumentClaim, ReleveOutcome, RelevePerson,
};
pub use rules::{
    run_periods, InterruptionSpan, Period, PeriodClaim, PeriodOutcome, Scenario, StartState,
};
pub use trace::{ClaimTrace, PeriodTrace, Step, Trace};

use serde::{Deserialize, Serialize};

/// R1 (A121-1, A121-2): the clause is compulsory for land motor vehicles, but a contract may be
/// outside it (mopeds, light motorcycles, collection vehicles, fleets of more than 3 vehicles…):
/// a per-contract flag. Outside the clause no coefficient modulates the premium.
pub fn applicable_coefficient(
    clause_applies: bool,
    computed: crate::Coefficient,
) -> crate::Coefficient {
    if clause_applies {
        computed
    } else {
        crate::Coefficient::ONE
    }
}

/// Usage of the vehicle: "tournées" and "tous déplacements" get their own factors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Usage {
    #[default]
    Standard,
    Tournees,
}

impl Usage {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "standard" => Some(Usage::Standard),
            "tournees" => Some(Usage::Tournees),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Usage::Standard => "standard",
            Usage::Tournees => "tournees",
        }
    }
    /// Reduction factor in hundredths: 95 (×0.95) or 93 (×0.93 for tournées), art. 4.
    pub fn reduction(self) -> u32 {
        match self {
            Usage::Standard => 95,
            Usage::Tournees => 93,
        }
    }
    /// Majoration factor in thousandths: full 1250 (×1.25) or 1200 (×1.20 tournées), art. 5;
    /// partial responsibility halves the majoration: 1125 (×1.125) or 1100 (×1.10).
    pub fn majoration(self, partial: bool) -> u32 {
        match (self, partial) {
            (Usage::Standard, false) => 1250,
            (Usage::Standard, true) => 1125,
            (Usage::Tournees, false) => 1200,
            (Usage::Tournees, true) => 1100,
        }
    }
}

/// The nature of a claim, as the spec names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Accident,
    Theft,
    Fire,
    Glass,
    ParkedUnidentified,
    ForceMajeure,
    DrivenWithoutConsent,
    NaturalDisaster,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 8] = [
        ClaimKind::Accident,
        ClaimKind::Theft,
        ClaimKind::Fire,
        ClaimKind::Glass,
        ClaimKind::ParkedUnidentified,
        ClaimKind::ForceMajeure,
        ClaimKind::DrivenWithoutConsent,
        ClaimKind::NaturalDisaster,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
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
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
    /// French label for the calculation note.
    pub fn fr(self) -> &'static str {
        match self {
            ClaimKind::Accident => "accident",
            ClaimKind::Theft => "vol",
            ClaimKind::Fire => "incendie",
            ClaimKind::Glass => "bris de glace",
            ClaimKind::ParkedUnidentified => {
                "véhicule en stationnement heurté par un tiers non identifié"
            }
            ClaimKind::ForceMajeure => "force majeure",
            ClaimKind::DrivenWithoutConsent => "véhicule conduit à l'insu du propriétaire",
            ClaimKind::NaturalDisaster => "catastrophe naturelle",
        }
    }
}

/// The insured driver's share of responsibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Responsibility {
    Full,
    Partial,
    None,
}

impl Responsibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Responsibility::Full => "full",
            Responsibility::Partial => "partial",
            Responsibility::None => "none",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "full" => Some(Responsibility::Full),
            "partial" => Some(Responsibility::Partial),
            "none" => Some(Responsibility::None),
            _ => None,
        }
    }
    pub fn fr(self) -> &'static str {
        match self {
            Responsibility::Full => "responsable",
            Responsibility::Partial => "partiellement responsable",
            Responsibility::None => "non responsable",
        }
    }
}

/// How a claim is treated (R11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimEffect {
    /// Majorates (art. 5): an accident with full or partial responsibility.
    Counts,
    /// Fully neutral (art. 7): parked vehicle hit by an unidentified third party, or only the
    /// theft, fire or glass guarantees.
    NeutralArt7,
    /// Never majorated (art. 6): driven without consent, force majeure (natural disasters
    /// included), cause entirely attributable to a third party (not responsible).
    NeutralArt6,
}

/// A qualification that cannot be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum QualificationError {
    /// Art. 7: a claim on the parked vehicle by an unidentified third party is, by definition,
    /// without liability of the insured.
    #[error("Un sinistre sur le véhicule en stationnement par un tiers non identifié est sans responsabilité de l'assuré (art. 7) : il ne peut pas être qualifié « {} ».", .0.fr())]
    ParkedUnidentifiedResponsible(Responsibility),
}

/// Whether a claim of `kind` can be qualified `responsibility`.
pub fn check_qualification(
    kind: ClaimKind,
    responsibility: Responsibility,
) -> Result<(), QualificationError> {
    match (kind, responsibility) {
        (ClaimKind::ParkedUnidentified, Responsibility::Full | Responsibility::Partial) => Err(
            QualificationError::ParkedUnidentifiedResponsible(responsibility),
        ),
        _ => Ok(()),
    }
}

/// Which rule decides a claim (R11).
pub fn classify(kind: ClaimKind, responsibility: Responsibility) -> ClaimEffect {
    match kind {
        ClaimKind::ParkedUnidentified | ClaimKind::Theft | ClaimKind::Fire | ClaimKind::Glass => {
            ClaimEffect::NeutralArt7
        }
        ClaimKind::ForceMajeure | ClaimKind::NaturalDisaster | ClaimKind::DrivenWithoutConsent => {
            ClaimEffect::NeutralArt6
        }
        ClaimKind::Accident => match responsibility {
            Responsibility::Full | Responsibility::Partial => ClaimEffect::Counts,
            Responsibility::None => ClaimEffect::NeutralArt6,
        },
    }
}

/// Option `truncation` (R5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Truncation {
    /// Truncate after each claim (default).
    #[default]
    PerClaim,
    /// Truncate once after all the period's claims.
    PerPeriod,
}

/// Option `short_first_period_claims` (R13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShortFirstPeriodClaims {
    /// The claims of a first period under 9 months count in the next period (default).
    #[default]
    CarryForward,
    /// They majorate at the first échéance.
    MajorateImmediately,
}

/// Option `floor_protection` (R10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FloorProtection {
    /// The protection comes back after three new claim-free years at 0.50 (default).
    #[default]
    Renewable,
    /// Once in the contract's life.
    Once,
}

/// Option `novice_schedule` (section 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoviceSchedule {
    /// The legal maximum: 100 → 50 → 0 (AAC 50 → 25 → 0) (default).
    #[default]
    Literal,
    /// 100 → 50 → 25 → 0, as service-public presents it (AAC 50 → 25 → 12.5 → 0).
    ThreeSteps,
}

/// The named options of the spec, with its defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RuleOptions {
    pub truncation: Truncation,
    pub short_first_period_claims: ShortFirstPeriodClaims,
    pub floor_protection: FloorProtection,
    /// Literal reading of art. 6: an art. 6 event also blocks the yearly reduction.
    pub art6_blocks_reduction: bool,
    pub novice_schedule: NoviceSchedule,
}

impl RuleOptions {
    /// The options as the calculation note states them.
    pub fn describe_fr(&self) -> Vec<String> {
        vec![
            match self.truncation {
                Truncation::PerClaim => "troncature après chaque sinistre (art. 5 al. 2)".into(),
                Truncation::PerPeriod => "troncature une fois par période".into(),
            },
            match self.short_first_period_claims {
                ShortFirstPeriodClaims::CarryForward => {
                    "sinistres d'une première période de moins de 9 mois reportés sur la suivante".into()
                }
                ShortFirstPeriodClaims::MajorateImmediately => {
                    "sinistres d'une première période de moins de 9 mois majorés dès la première échéance".into()
                }
            },
            match self.floor_protection {
                FloorProtection::Renewable => {
                    "protection à 0,50 renouvelable après trois nouvelles années sans sinistre".into()
                }
                FloorProtection::Once => "protection à 0,50 accordée une seule fois".into(),
            },
            if self.art6_blocks_reduction {
                "événements de l'art. 6 : pas de réduction (lecture littérale)".into()
            } else {
                "événements de l'art. 6 : réduction maintenue (pratique du marché)".into()
            },
        ]
    }
}
