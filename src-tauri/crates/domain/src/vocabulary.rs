//! The closed sets of codes the store keeps as text (its `CHECK (… IN (…))` constraints), as
//! types.
//!
//! Each family has the same shape:
//! - `parse(&str) -> Result<Self, UnknownCode>`: the exact code (no trimming, no case folding:
//!   codes are machine values, not typed text);
//! - `as_str()` (and `Display`): the code as stored and sent today;
//! - `label()`: the French label the UI shows (`ui/js/i18n/fr.js`), for lists and forms;
//! - `ALL` and `CODES`, in the order the store's constraint lists them;
//! - serde as the code string, so the JSON is byte-identical to today's `String` fields;
//!   deserialising an unknown code fails with the [`UnknownCode`] message.
//!
//! Some families also have `in_sentence()`: the lower-case form the timeline writes inside a
//! sentence ("Sinistre en expertise", "résilié à l'initiative du client").
//!
//! Claim kinds, responsibility and usage are the engine's:
//! [`ClaimKind`](crate::bonus_malus::ClaimKind), [`Responsibility`](crate::bonus_malus::Responsibility)
//! and [`Usage`](crate::bonus_malus::Usage), re-exported here; the client's codes are in
//! [`crate::client`].

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

pub use crate::bonus_malus::{ClaimKind, Responsibility, Usage};

/// A code that is not one of its family's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("« {value} » : {family_fr} inconnu (codes acceptés : {}).", .accepted.join(", "))]
pub struct UnknownCode {
    /// The family's type name, stable: `ClaimStatus`, `Channel`, …
    pub family: &'static str,
    /// The family in French (all masculine nouns, for the message): "état de sinistre", …
    pub family_fr: &'static str,
    /// What was given.
    pub value: String,
    /// The accepted codes.
    pub accepted: &'static [&'static str],
}

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident ($family_fr:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal => $label:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "&'static str")]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in the store's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every code, in the same order as [`Self::ALL`].
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// The code, as stored and sent to the front end.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The French label, as the UI shows it.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Parses the exact code.
            pub fn parse(s: &str) -> Result<Self, UnknownCode> {
                match s {
                    $($code => Ok($name::$variant),)+
                    _ => Err(UnknownCode {
                        family: stringify!($name),
                        family_fr: $family_fr,
                        value: s.to_string(),
                        accepted: Self::CODES,
                    }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, UnknownCode> {
                Self::parse(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = UnknownCode;
            fn try_from(s: String) -> Result<Self, UnknownCode> {
                Self::parse(&s)
            }
        }

        impl From<$name> for &'static str {
            fn from(v: $name) -> &'static str {
                v.as_str()
            }
        }
    };
}

vocabulary! {
    /// Where a claim stands (`claim_statuses.status`).
    ClaimStatus ("état de sinistre") {
        Declare = "declare" => "Déclaré",
        EnExpertise = "en_expertise" => "En expertise",
        EnReparation = "en_reparation" => "En réparation",
        Indemnise = "indemnise" => "Indemnisé",
        Clos = "clos" => "Clos",
        Refuse = "refuse" => "Refusé",
    }
}

impl ClaimStatus {
    /// Still being handled: neither closed nor refused (the open-claims list).
    pub fn is_open(self) -> bool {
        !matches!(self, ClaimStatus::Clos | ClaimStatus::Refuse)
    }

    /// The timeline's form, inside a sentence: "Sinistre en expertise".
    pub fn in_sentence(self) -> &'static str {
        match self {
            ClaimStatus::Declare => "déclaré",
            ClaimStatus::EnExpertise => "en expertise",
            ClaimStatus::EnReparation => "en réparation",
            ClaimStatus::Indemnise => "indemnisé",
            ClaimStatus::Clos => "clos",
            ClaimStatus::Refuse => "refusé",
        }
    }
}

vocabulary! {
    /// Where a contract stands (`contract_events.status`). The UI labels only the two starting
    /// states; "Suspendu" and "Résilié" are the timeline's words, capitalised.
    ContractStatus ("état de contrat") {
        Devis = "devis" => "Devis",
        EnCours = "en_cours" => "En cours",
        Suspendu = "suspendu" => "Suspendu",
        Resilie = "resilie" => "Résilié",
    }
}

impl ContractStatus {
    /// The states a new contract may start in (the new-contract form).
    pub const START: &'static [ContractStatus] = &[ContractStatus::EnCours, ContractStatus::Devis];

    /// The timeline's form, inside a sentence: "Contrat résilié".
    pub fn in_sentence(self) -> &'static str {
        match self {
            ContractStatus::Devis => "devis",
            ContractStatus::EnCours => "en cours",
            ContractStatus::Suspendu => "suspendu",
            ContractStatus::Resilie => "résilié",
        }
    }
}

vocabulary! {
    /// Who or what ended a contract (`contract_events.terminated_by`).
    TerminatedBy ("motif de résiliation") {
        Client = "client" => "Le client",
        Assureur = "assureur" => "L’assureur",
        LoiHamon = "loi_hamon" => "Loi Hamon",
        LoiChatel = "loi_chatel" => "Loi Chatel",
        VenteVehicule = "vente_vehicule" => "Vente du véhicule",
        Autre = "autre" => "Autre",
    }
}

impl TerminatedBy {
    /// The timeline's form, after "résilié": "à l'initiative du client", "loi Hamon".
    pub fn in_sentence(self) -> &'static str {
        match self {
            TerminatedBy::Client => "à l'initiative du client",
            TerminatedBy::Assureur => "à l'initiative de l'assureur",
            TerminatedBy::LoiHamon => "loi Hamon",
            TerminatedBy::LoiChatel => "loi Chatel",
            TerminatedBy::VenteVehicule => "vente du véhicule",
            TerminatedBy::Autre => "autre motif",
        }
    }
}

vocabulary! {
    /// How an exchange about a claim happened (`claim_messages.channel`).
    Channel ("canal d'échange") {
        Telephone = "telephone" => "Téléphone",
        Email = "email" => "Courriel",
        Courrier = "courrier" => "Courrier",
        RendezVous = "rendez_vous" => "Rendez-vous",
        Autre = "autre" => "Autre",
    }
}

impl Channel {
    /// The timeline's form, inside a sentence: "par téléphone", "par autre canal".
    pub fn in_sentence(self) -> &'static str {
        match self {
            Channel::Telephone => "téléphone",
            Channel::Email => "courriel",
            Channel::Courrier => "courrier",
            Channel::RendezVous => "rendez-vous",
            Channel::Autre => "autre canal",
        }
    }
}

vocabulary! {
    /// Whether an exchange came in or went out (`claim_messages.direction`).
    Direction ("sens d'échange") {
        Entrant = "entrant" => "Reçu",
        Sortant = "sortant" => "Envoyé",
    }
}

impl Direction {
    /// The timeline's form, inside a sentence: "Courriel reçu".
    pub fn in_sentence(self) -> &'static str {
        match self {
            Direction::Entrant => "reçu",
            Direction::Sortant => "envoyé",
        }
    }
}

vocabulary! {
    /// What a dated claim amount is (`claim_amounts.kind`).
    AmountKind ("type de montant") {
        Estimation = "estimation" => "Estimation",
        Reglement = "reglement" => "Règlement",
        Franchise = "franchise" => "Franchise",
    }
}

vocabulary! {
    /// Who a claim party is (`claim_parties.role`).
    PartyRole ("rôle d'intervenant") {
        Expert = "expert" => "Expert",
        Garage = "garage" => "Garage / réparateur",
        Tiers = "tiers" => "Tiers",
        AssureurTiers = "assureur_tiers" => "Assureur du tiers",
        Autre = "autre" => "Autre",
    }
}

vocabulary! {
    /// The line of business of a contract (`contracts.product`).
    Product ("produit") {
        Auto = "auto" => "Automobile",
        Habitation = "habitation" => "Habitation",
        Sante = "sante" => "Santé",
        Prevoyance = "prevoyance" => "Prévoyance",
        Autre = "autre" => "Autre",
    }
}

vocabulary! {
    /// How a named driver drives the vehicle (`drivers.role`).
    DriverRole ("rôle de conducteur") {
        Principal = "principal" => "Conducteur principal",
        Secondaire = "secondaire" => "Conducteur secondaire",
        Occasionnel = "occasionnel" => "Conducteur occasionnel",
    }
}

impl DriverRole {
    /// The form inside a sentence, after "Conducteur": "Conducteur 3 (principal)".
    pub fn in_sentence(self) -> &'static str {
        match self {
            DriverRole::Principal => "principal",
            DriverRole::Secondaire => "secondaire",
            DriverRole::Occasionnel => "occasionnel",
        }
    }
}

impl Usage {
    /// The French label, as the UI shows it (the new-contract form).
    pub fn label(self) -> &'static str {
        match self {
            Usage::Standard => "Standard",
            Usage::Tournees => "Tournées",
        }
    }
}

vocabulary! {
    /// What a contract event is (`contract_events.kind`). No label exists yet in the UI; these
    /// are the contract page's words.
    ContractEventKind ("type d'événement de contrat") {
        Status = "status" => "Changement d’état",
        Avenant = "avenant" => "Avenant",
    }
}

vocabulary! {
    /// What a correction is about (`revisions.entity`). No label exists yet in the UI.
    RevisionEntity ("type de fiche corrigée") {
        Client = "client" => "Client",
        Claim = "claim" => "Sinistre",
        Contract = "contract" => "Contrat",
        Vehicle = "vehicle" => "Véhicule",
        Driver = "driver" => "Conducteur",
        Insurer = "insurer" => "Assureur",
    }
}

vocabulary! {
    /// The kinds of timeline entry the timeline filter offers (`app::timeline::TIMELINE_KINDS`).
    TimelineKind ("type d'événement") {
        Contrat = "contrat" => "Contrat",
        Sinistre = "sinistre" => "Sinistre",
        Qualification = "qualification" => "Requalification",
        Aggravation = "aggravation" => "Circonstance aggravante",
        Etat = "etat" => "Suivi",
        Montant = "montant" => "Montant",
        Correction = "correction" => "Correction",
        Echange = "echange" => "Échange",
        Coefficient = "coefficient" => "Coefficient",
    }
}

vocabulary! {
    /// An aggravating circumstance (A121-1-2) as the broker records it (`aggravations.kind`):
    /// the first two on a claim, the others on a driver. The rate is the domain's
    /// ([`crate::premium::Aggravation`]): a suspension's from its length.
    AggravationFact ("fait aggravant") {
        Alcohol = "alcohol" => "Alcool ou stupéfiants",
        HitAndRun = "hit_and_run" => "Délit de fuite",
        Suspension = "suspension" => "Suspension du permis",
        Cancellation = "cancellation" => "Annulation du permis",
        MultipleSuspensions = "multiple_suspensions" => "Plusieurs suspensions de plus de deux mois dans la période",
        NonDeclaration = "non_declaration" => "Non-déclaration à la souscription",
    }
}

impl AggravationFact {
    /// Recorded on a claim (alcohol or drugs, hit-and-run), not on a driver.
    pub fn on_claim(self) -> bool {
        matches!(self, AggravationFact::Alcohol | AggravationFact::HitAndRun)
    }
}
mod documents;
pub use documents::{DocumentFormat, DocumentKind};

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
