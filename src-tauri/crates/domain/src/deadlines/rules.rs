//! The rules a deadline cites: each computed date names where it comes from, so that a broker
//! can answer « pourquoi cette date ? » from the screen.

use serde::Serialize;

/// A rule: its legal source and, when there is one, the rule of the bonus-malus spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// Stable code (used by the UI, the CLI's JSON and the .ics export).
    pub code: &'static str,
    /// The article, in French (« art. L113-15-1 du Code des assurances »), or the agency setting.
    pub source: &'static str,
    /// The rule of `shared/spec/bonus-malus.md`, if any (« R18 »).
    pub spec: Option<&'static str>,
    /// What it says, in one French sentence.
    pub summary: &'static str,
}

/// The annual échéance and the termination notice before it.
pub const ECHEANCE: Rule = Rule {
    code: "echeance",
    source: "art. L113-12 du Code des assurances",
    spec: Some("R2"),
    summary: "Le contrat est conclu pour un an et reconduit à chaque échéance annuelle ; l'assuré peut le résilier à l'échéance avec un préavis de deux mois, sauf préavis différent au contrat.",
};

/// The avis d'échéance and the Chatel window.
pub const CHATEL: Rule = Rule {
    code: "chatel",
    source: "art. L113-15-1 du Code des assurances (loi Chatel)",
    spec: Some("R19"),
    summary: "L'avis d'échéance d'un contrat tacitement reconduit d'une personne physique hors activité professionnelle est envoyé au plus tôt trois mois et au plus tard quinze jours avant la date limite de résiliation ; envoyé plus tard, l'assuré dispose de vingt jours après son envoi ; non envoyé, il peut résilier à tout moment à partir de la reconduction.",
};

/// Termination at any time after the first year.
pub const HAMON: Rule = Rule {
    code: "hamon",
    source: "art. L113-15-2 du Code des assurances (loi Hamon)",
    spec: None,
    summary: "Après un an à compter de la souscription, un contrat automobile, habitation ou de complémentaire santé (depuis le 1er décembre 2020) d'une personne physique hors activité professionnelle peut être résilié à tout moment ; la résiliation prend effet un mois après la notification.",
};

/// The relevé d'information within fifteen days of a request.
pub const RELEVE: Rule = Rule {
    code: "releve",
    source: "art. 12 de l'annexe à l'art. A121-1 et art. R113-12 du Code des assurances",
    spec: Some("R18"),
    summary: "L'assureur délivre le relevé d'information dans les quinze jours d'une demande.",
};

/// Claims without news: an agency setting, not a legal deadline.
pub const CLAIM_FOLLOW_UP: Rule = Rule {
    code: "sinistre_sans_nouvelles",
    source: "paramètre de l'agence (délai de relance des sinistres)",
    spec: None,
    summary: "Un sinistre ouvert sans nouvelles depuis le nombre de jours fixé par l'agence est à relancer.",
};

/// The periodic re-examination of advice during the life of the contract.
pub const ADVICE_REVIEW: Rule = Rule {
    code: "reexamen_conseil",
    source: "art. L521-4 du Code des assurances (devoir de conseil) ; intervalle fixé par l'agence",
    spec: None,
    summary: "Le conseil donné à la souscription est réexaminé pendant la vie du contrat, à l'intervalle fixé par l'agence.",
};

/// Every rule, for the UI's legend and the tests.
pub const ALL: &[Rule] = &[
    ECHEANCE,
    CHATEL,
    HAMON,
    RELEVE,
    CLAIM_FOLLOW_UP,
    ADVICE_REVIEW,
];
