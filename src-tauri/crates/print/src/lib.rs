//! Courtier's print engine: PDFs (A4, French, fonts embedded) from Typst templates kept as text
//! files (`templates/*.typ`), which an agency may copy into `<data dir>/templates/` and adjust.
//!
//! Data goes in as a generated `#let d = (…)` block of escaped literals ([`Value`]), prepended
//! to the template: nothing of the data is ever parsed as Typst markup. The same data gives the
//! same bytes: `today()` is fixed by the caller, the PDF's timestamp is absent and its
//! identifier derived from the content.

mod value;
mod world;

pub use value::Value;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use typst::foundations::Smart;
use typst_layout::PagedDocument;

/// The templates shipped with Courtier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// Relevé de situation / attestation de bonus-malus.
    Statement,
    /// Relevé d'information (R18).
    Releve,
    /// Avis d'échéance (R19).
    Notice,
}

impl Template {
    pub fn file_name(self) -> &'static str {
        match self {
            Template::Statement => "statement.typ",
            Template::Releve => "releve.typ",
            Template::Notice => "notice.typ",
        }
    }
    fn builtin(self) -> &'static str {
        match self {
            Template::Statement => include_str!("../templates/statement.typ"),
            Template::Releve => include_str!("../templates/releve.typ"),
            Template::Notice => include_str!("../templates/notice.typ"),
        }
    }
}

/// Why a document could not be made; the `Display` is French.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrintError {
    #[error("Le modèle « {file} » ne peut être lu : {reason}.")]
    Template { file: String, reason: String },
    #[error("Le modèle « {file} » contient une erreur : {message}.")]
    Compile { file: String, message: String },
    #[error("Le PDF n'a pu être écrit : {0}.")]
    Pdf(String),
}

/// The fonts (parsed once) and where templates are looked for. Cheap to share (`Arc` inside).
#[derive(Clone)]
pub struct Engine {
    shared: Arc<world::Shared>,
    templates_dir: Option<PathBuf>,
}

impl Engine {
    /// An engine with the embedded fonts; a template found in `templates_dir` (if given)
    /// replaces the shipped one of the same name.
    pub fn new(templates_dir: Option<&Path>) -> Engine {
        Engine {
            shared: Arc::new(world::Shared::new()),
            templates_dir: templates_dir.map(Path::to_path_buf),
        }
    }

    /// The template's text: the agency's copy if there is one, else the shipped one.
    pub fn template_source(&self, t: Template) -> Result<String, PrintError> {
        if let Some(dir) = &self.templates_dir {
            let p = dir.join(t.file_name());
            if p.is_file() {
                return std::fs::read_to_string(&p).map_err(|e| PrintError::Template {
                    file: p.display().to_string(),
                    reason: e.to_string(),
                });
            }
        }
        Ok(t.builtin().to_string())
    }

    /// The shared page (header, footer), `common.typ`: the agency's copy or the shipped one.
    pub fn common_source(&self) -> Result<String, PrintError> {
        if let Some(dir) = &self.templates_dir {
            let p = dir.join("common.typ");
            if p.is_file() {
                return std::fs::read_to_string(&p).map_err(|e| PrintError::Template {
                    file: p.display().to_string(),
                    reason: e.to_string(),
                });
            }
        }
        Ok(include_str!("../templates/common.typ").to_string())
    }

    /// A PDF of `t` over `data` (bound to `d`), with `files` readable by the template (the logo),
    /// `today` as Typst's `datetime.today()` (year, month, day).
    pub fn render(
        &self,
        t: Template,
        data: &Value,
        files: &[(&str, &[u8])],
        today: (i32, u8, u8),
    ) -> Result<Vec<u8>, PrintError> {
        let template = self.template_source(t)?;
        let common = self.common_source()?;
        let source = format!("#let d = {}\n{common}\n{template}", data.to_typst());
        let w = world::PrintWorld::new(&self.shared, source, files, today);
        let file = t.file_name().to_string();
        let doc: PagedDocument = typst::compile(&w)
            .output
            .map_err(|errs| PrintError::Compile {
                file: file.clone(),
                message: errs
                    .iter()
                    .map(|e| e.message.to_string())
                    .collect::<Vec<_>>()
                    .join(" ; "),
            })?;
        let options = typst_pdf::PdfOptions {
            ident: Smart::Custom(format!("courtier-{file}")),
            timestamp: None,
            ..Default::default()
        };
        let pdf = typst_pdf::pdf(&doc, &options).map_err(|errs| {
            PrintError::Pdf(
                errs.iter()
                    .map(|e| e.message.to_string())
                    .collect::<Vec<_>>()
                    .join(" ; "),
            )
        });
        // The memoisation cache grows without limit otherwise (platform notes).
        typst::comemo::evict(10);
        pdf
    }
}

/// French formats for the data block.
pub mod french {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];

    /// `1er janvier 2027`, `15 mars 2026`.
    pub fn long_date(y: i32, m: u32, d: u32) -> String {
        let day = if d == 1 {
            "1er".to_string()
        } else {
            d.to_string()
        };
        let month = MONTHS
            .get(m.saturating_sub(1) as usize)
            .copied()
            .unwrap_or("?");
        format!("{day} {month} {y}")
    }

    /// `01/01/2027` from `2027-01-01`; the text itself when it is not an ISO date.
    pub fn short_date(iso: &str) -> String {
        let p: Vec<&str> = iso.split('-').collect();
        match p.as_slice() {
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => format!("{d}/{m}/{y}"),
            _ => iso.to_string(),
        }
    }

    /// `1 234,56 €` (U+202F between thousands, U+00A0 before the sign) from `1234.56`.
    pub fn money(decimal: &str) -> String {
        format!("{}\u{a0}€", number(decimal))
    }

    /// A French telephone number in pairs: `01 23 45 67 89` from `0123456789`, `01.23.45.67.89`
    /// or `01-23-45-67-89`; `+33 1 23 45 67 89` from `+33123456789`. Anything else (a foreign
    /// number, an extension) is printed as typed.
    pub fn phone(typed: &str) -> String {
        let digits: String = typed.chars().filter(|c| c.is_ascii_digit()).collect();
        let only_separators = typed
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '+' | '\u{a0}'));
        let pairs = |d: &str| {
            d.as_bytes()
                .chunks(2)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join(" ")
        };
        if !only_separators {
            return typed.to_string();
        }
        let t = typed.trim();
        if t.starts_with('0') && !t.starts_with("00") && digits.len() == 10 {
            pairs(&digits)
        } else if t.starts_with("+33") && digits.len() == 11 {
            format!("+33 {} {}", &digits[2..3], pairs(&digits[3..]))
        } else {
            typed.to_string()
        }
    }

    /// `0,85`, `1 234,5` from `0.85`, `1234.5`.
    pub fn number(decimal: &str) -> String {
        let (neg, s) = match decimal.strip_prefix('-') {
            Some(s) => (true, s),
            None => (false, decimal),
        };
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        let mut out = String::new();
        if neg {
            out.push('-');
        }
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push('\u{202f}');
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push(',');
            out.push_str(frac);
        }
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
