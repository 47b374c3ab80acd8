//! E-mail templates (issue 13, item 4): the five follow-ups a broker sends, in French, with
//! fields between braces (`{client.nom}`, `{contrat.numero}`, `{echeance}`, …) filled from the
//! record. Pure: a template is checked (every field known, braces balanced) and rendered from a
//! map of values; nothing here sends anything.

use std::collections::BTreeMap;

/// The follow-ups Courtier knows how to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TemplateKind {
    /// The avis d'échéance (renewal notice) to the client.
    RenewalNotice,
    /// The client's updated coefficient, with the statement attached.
    UpdatedCoefficient,
    /// A relevé d'information requested from an insurer (starts the fifteen-day clock, R18).
    ReleveRequest,
    /// A claim's follow-up to an expert or a garage.
    ClaimFollowUp,
    /// A missing document requested from the client.
    MissingDocument,
}

impl TemplateKind {
    pub const ALL: [TemplateKind; 5] = [
        TemplateKind::RenewalNotice,
        TemplateKind::UpdatedCoefficient,
        TemplateKind::ReleveRequest,
        TemplateKind::ClaimFollowUp,
        TemplateKind::MissingDocument,
    ];

    /// Its code, as stored and typed on the command line.
    pub fn code(self) -> &'static str {
        match self {
            TemplateKind::RenewalNotice => "avis_echeance",
            TemplateKind::UpdatedCoefficient => "coefficient",
            TemplateKind::ReleveRequest => "demande_releve",
            TemplateKind::ClaimFollowUp => "suivi_sinistre",
            TemplateKind::MissingDocument => "piece_manquante",
        }
    }

    pub fn parse(code: &str) -> Option<TemplateKind> {
        TemplateKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Its name for the broker.
    pub fn label(self) -> &'static str {
        match self {
            TemplateKind::RenewalNotice => "Avis d'échéance",
            TemplateKind::UpdatedCoefficient => "Coefficient mis à jour",
            TemplateKind::ReleveRequest => "Demande de relevé d'information",
            TemplateKind::ClaimFollowUp => "Suivi de sinistre (expert, garage)",
            TemplateKind::MissingDocument => "Demande de pièce manquante",
        }
    }

    /// Whether it is about a claim (sent from the claim's page, logged in its exchange log).
    pub fn needs_claim(self) -> bool {
        self == TemplateKind::ClaimFollowUp
    }

    /// The text Courtier starts with, until the agency writes its own.
    pub fn default_template(self) -> Template {
        let (subject, body) = match self {
            TemplateKind::RenewalNotice => (
                "Avis d'échéance de votre contrat {contrat.numero}",
                "Bonjour {client.civilite} {client.nom},\n\n\
                 Votre contrat d'assurance automobile n° {contrat.numero} arrive à échéance le {echeance}.\n\
                 Sauf résiliation de votre part, il sera reconduit tacitement à cette date ; \
                 votre coefficient de réduction-majoration sera alors de {coefficient}.\n\n\
                 Nous restons à votre disposition pour en parler.\n\n\
                 Bien cordialement,\n{cabinet.nom}",
            ),
            TemplateKind::UpdatedCoefficient => (
                "Votre coefficient de bonus-malus : {coefficient}",
                "Bonjour {client.civilite} {client.nom},\n\n\
                 Le coefficient de réduction-majoration de votre contrat n° {contrat.numero} \
                 est désormais de {coefficient}. Vous trouverez le relevé correspondant en pièce jointe.\n\n\
                 Bien cordialement,\n{cabinet.nom}",
            ),
            TemplateKind::ReleveRequest => (
                "Demande de relevé d'information — {client.prenom} {client.nom}",
                "Madame, Monsieur,\n\n\
                 Nous vous prions de bien vouloir nous adresser le relevé d'information \
                 de {client.prenom} {client.nom}, titulaire chez vous du contrat n° {contrat.numero}, \
                 dans le délai de quinze jours prévu par l'article 12 de l'annexe à l'article A121-1 du Code des assurances.\n\n\
                 Avec nos remerciements,\n{cabinet.nom}",
            ),
            TemplateKind::ClaimFollowUp => (
                "Sinistre du {sinistre.date} — contrat {contrat.numero}",
                "Madame, Monsieur,\n\n\
                 Nous revenons vers vous au sujet du sinistre survenu le {sinistre.date} \
                 à notre client {client.prenom} {client.nom} (contrat n° {contrat.numero}).\n\
                 Pourriez-vous nous indiquer où en est le dossier ?\n\n\
                 Bien cordialement,\n{cabinet.nom}",
            ),
            TemplateKind::MissingDocument => (
                "Pièce manquante à votre dossier — contrat {contrat.numero}",
                "Bonjour {client.civilite} {client.nom},\n\n\
                 Pour compléter votre dossier (contrat n° {contrat.numero}), il nous manque une pièce. \
                 Pourriez-vous nous la faire parvenir en réponse à ce message ?\n\n\
                 Bien cordialement,\n{cabinet.nom}",
            ),
        };
        Template {
            subject: subject.to_string(),
            body: body.to_string(),
        }
    }
}

/// Every field a template may use, with what it holds.
pub const FIELDS: &[(&str, &str)] = &[
    (
        "client.civilite",
        "Madame ou Monsieur (vide pour une société)",
    ),
    ("client.nom", "nom du client (ou raison sociale)"),
    ("client.prenom", "prénom du client"),
    ("contrat.numero", "numéro du contrat"),
    ("contrat.assureur", "assureur du contrat"),
    ("echeance", "prochaine échéance (JJ/MM/AAAA)"),
    (
        "coefficient",
        "coefficient de réduction-majoration en vigueur",
    ),
    ("sinistre.date", "date du sinistre (JJ/MM/AAAA)"),
    ("cabinet.nom", "nom de l'expéditeur (compte de messagerie)"),
    ("aujourdhui", "date du jour (JJ/MM/AAAA)"),
];

/// A template: its subject and its body, both with fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub subject: String,
    pub body: String,
}

/// Why a template was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("champ inconnu {{{field}}} dans {part} : les champs possibles sont {known}")]
    UnknownField {
        field: String,
        part: &'static str,
        known: String,
    },
    #[error("accolade non fermée dans {part} (après « {after} »)")]
    Unclosed { part: &'static str, after: String },
    #[error("accolade fermante sans accolade ouvrante dans {part}")]
    Unopened { part: &'static str },
    #[error("{part} est vide")]
    Empty { part: &'static str },
}

/// The pieces of a text: literal text and fields, in order.
enum Piece<'a> {
    Text(&'a str),
    Field(&'a str),
}

fn pieces<'a>(s: &'a str, part: &'static str) -> Result<Vec<Piece<'a>>, TemplateError> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        match (rest.find('{'), rest.find('}')) {
            (_, Some(c)) if rest.find('{').map_or(true, |o| c < o) => {
                return Err(TemplateError::Unopened { part });
            }
            (Some(o), _) => {
                out.push(Piece::Text(&rest[..o]));
                let after = &rest[o + 1..];
                let Some(c) = after.find('}') else {
                    return Err(TemplateError::Unclosed {
                        part,
                        after: after.chars().take(20).collect(),
                    });
                };
                let name = after[..c].trim();
                if !FIELDS.iter().any(|(f, _)| *f == name) {
                    return Err(TemplateError::UnknownField {
                        field: name.to_string(),
                        part,
                        known: FIELDS
                            .iter()
                            .map(|(f, _)| format!("{{{f}}}"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    });
                }
                out.push(Piece::Field(name));
                rest = &after[c + 1..];
            }
            (None, _) => {
                out.push(Piece::Text(rest));
                rest = "";
            }
        }
    }
    Ok(out)
}

impl Template {
    /// Checks both parts: not empty, braces balanced, every field known (named in the error).
    pub fn validate(&self) -> Result<(), TemplateError> {
        for (text, part) in [(&self.subject, "l'objet"), (&self.body, "le texte")] {
            if text.trim().is_empty() {
                return Err(TemplateError::Empty { part });
            }
            pieces(text, part)?;
        }
        Ok(())
    }

    /// The subject and body with every field replaced by its value (an empty text when the
    /// record has none, e.g. no claim date outside a claim). The subject is one line.
    pub fn render(
        &self,
        values: &BTreeMap<&str, String>,
    ) -> Result<(String, String), TemplateError> {
        let fill = |text: &str, part| -> Result<String, TemplateError> {
            Ok(pieces(text, part)?
                .into_iter()
                .map(|p| match p {
                    Piece::Text(t) => t.to_string(),
                    Piece::Field(f) => values.get(f).cloned().unwrap_or_default(),
                })
                .collect())
        };
        let subject = fill(&self.subject, "l'objet")?
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Ok((subject, fill(&self.body, "le texte")?))
    }
}

/// Whether `s` looks like an e-mail address (one `@`, a dot in the domain, no space): the
/// server has the last word, this catches typing mistakes before a message is queued.
pub fn is_address(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && (domain.contains('.') || domain == "localhost")
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>' || c == ',')
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_default_template_is_valid_and_has_a_code_that_parses_back() {
        for k in TemplateKind::ALL {
            k.default_template().validate().unwrap();
            assert_eq!(TemplateKind::parse(k.code()), Some(k));
        }
        assert_eq!(TemplateKind::parse("inconnu"), None);
    }

    #[test]
    fn an_unknown_field_is_named_in_french() {
        let t = Template {
            subject: "Objet".into(),
            body: "Bonjour {client.nom}, votre {contrat.numro}".into(),
        };
        let e = t.validate().unwrap_err();
        assert!(
            matches!(&e, TemplateError::UnknownField { field, .. } if field == "contrat.numro")
        );
        let m = e.to_string();
        assert!(
            m.starts_with("champ inconnu {contrat.numro} dans le texte"),
            "{m}"
        );
        assert!(m.contains("{contrat.numero}"), "{m}");
    }

    #[test]
    fn unbalanced_braces_and_empty_parts_are_refused() {
        let t = |s: &str, b: &str| Template {
            subject: s.into(),
            body: b.into(),
        };
        assert!(matches!(
            t("a {echeance", "b").validate(),
            Err(TemplateError::Unclosed {
                part: "l'objet",
                ..
            })
        ));
        assert!(matches!(
            t("a", "b } c").validate(),
            Err(TemplateError::Unopened { part: "le texte" })
        ));
        assert!(matches!(
            t(" ", "b").validate(),
            Err(TemplateError::Empty { part: "l'objet" })
        ));
    }

    #[test]
    fn rendering_fills_every_field_and_keeps_the_subject_on_one_line() {
        let t = Template {
            subject: "Échéance\n{echeance}".into(),
            body: "Bonjour {client.nom}, coefficient {coefficient}{sinistre.date}.".into(),
        };
        let mut v = BTreeMap::new();
        v.insert("echeance", "01/03/2027".to_string());
        v.insert("client.nom", "Lefèvre".to_string());
        v.insert("coefficient", "0,95".to_string());
        let (s, b) = t.render(&v).unwrap();
        assert_eq!(s, "Échéance 01/03/2027");
        assert_eq!(b, "Bonjour Lefèvre, coefficient 0,95.");
    }

    #[test]
    fn addresses_are_checked_for_typing_mistakes() {
        assert!(is_address("a.b@example.fr"));
        assert!(is_address("x@localhost"));
        for bad in [
            "",
            "a",
            "a@",
            "@b.fr",
            "a b@c.fr",
            "a@b@c.fr",
            "a@b",
            "a@.fr",
            "<a@b.fr>",
            "a@b.fr,c@d.fr",
        ] {
            assert!(!is_address(bad), "{bad}");
        }
    }
}
