//! The integrity check of the agency file (`courtier check`) and the anchor kept next to it:
//! SQLite's pages, the schema against the migrations, the foreign keys, the journal (one hash
//! chain over every append-only fact) against its anchor and a printed head, the exchange log,
//! the coefficients recomputed from the facts.

use crate::engine::coefficient_rows;
use crate::{AppError, Courtier, ErrorCode};
use courtier_port::{AgencyStore, ExchangeAnchor, JournalHead};
use std::path::PathBuf;

/// The exchange log's anchor and the journal's head, kept next to the agency file
/// (`journal-echanges.ancre.json`): a copy outside the database, so that acts or exchanges cut
/// from the end, or a history rewritten, contradict it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AnchorFile {
    #[serde(flatten)]
    pub exchanges: ExchangeAnchor,
    /// Absent in anchors written before the journal.
    #[serde(default)]
    pub journal: Option<JournalHead>,
}

/// What `check` verified and what it found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IntegrityReport {
    /// One line per verification, in French, with what it covered.
    pub verified: Vec<String>,
    /// Each problem, with the table and row it concerns. Empty when the file is sound.
    pub problems: Vec<String>,
    /// The « empreinte du journal » (printed form), and the act it is the head of.
    pub head: Option<String>,
    pub head_act: Option<i64>,
}

impl IntegrityReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

fn status(problems: &[String]) -> String {
    match problems.len() {
        0 => "ok".into(),
        n => format!("{n} problème(s)"),
    }
}

impl Courtier {
    /// Where the anchor is kept, next to the agency file.
    pub(crate) fn anchor_path(&self) -> PathBuf {
        self.config.data_dir.join(crate::EXCHANGE_ANCHOR_FILE)
    }

    /// The anchor as kept: `None` when there is none, `Err` when it cannot be read.
    fn read_anchor(&self) -> Result<Option<Result<AnchorFile, String>>, AppError> {
        match std::fs::read(self.anchor_path()) {
            Ok(bytes) => Ok(Some(
                serde_json::from_slice::<AnchorFile>(&bytes).map_err(|e| e.to_string()),
            )),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(AppError::internal(e)),
        }
    }

    /// Writes the anchor atomically: a crash before it is written leaves an older anchor,
    /// which the file still satisfies.
    fn write_anchor(&self, a: &AnchorFile) -> Result<(), AppError> {
        let path = self.anchor_path();
        let tmp = path.with_extension("json.tmp");
        let bytes = serde_json::to_vec_pretty(a).map_err(AppError::internal)?;
        courtier_vault::private_fs::create(&tmp)
            .and_then(|mut f| std::io::Write::write_all(&mut f, &bytes))
            .and_then(|()| std::fs::rename(&tmp, &path))
            .map_err(AppError::internal)
    }

    /// Moves the anchor to the store's current head once a write has sealed new acts. Only from
    /// a head the file still has: an anchor the file contradicts is evidence, kept for `check`,
    /// never overwritten. Never fails the use case (what was written is saved).
    pub(crate) fn advance_anchor(&self, s: &dyn AgencyStore) {
        let result = (|| -> Result<(), AppError> {
            let head = s.journal_head()?;
            let mut seen = self
                .anchored
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if *seen == head && self.anchor_path().exists() {
                return Ok(());
            }
            let exchanges = s.exchange_anchor()?;
            let kept = |what: &str| {
                AppError::new(
                    ErrorCode::Corrupt,
                    format!("{what} ne correspond plus à son ancre : l'ancre est gardée telle quelle pour « courtier check »"),
                )
            };
            if let Some(Ok(old)) = self.read_anchor()? {
                if let Some(j) = &old.journal {
                    if s.journal_link(j.act)?.as_deref() != Some(j.link.as_str()) {
                        return Err(kept("le journal"));
                    }
                }
                let e = &old.exchanges;
                let contradicted = exchanges.count < e.count
                    || (exchanges.count == e.count && exchanges.head != e.head)
                    || (exchanges.count > e.count
                        && e.count > 0
                        && !s.verify_exchange_log(Some(e))?.is_empty());
                if contradicted {
                    return Err(kept("le journal des échanges"));
                }
            }
            self.write_anchor(&AnchorFile {
                exchanges,
                journal: head.clone(),
            })?;
            *seen = head;
            Ok(())
        })();
        if let Err(e) = result {
            eprintln!(
                "Courtier : l'ancre du journal n'a pas été écrite : {}",
                e.message
            );
        }
    }

    /// Everything `courtier check` verifies; `against` is a printed « empreinte du journal »
    /// to look for in the chain.
    pub fn verify(&self, against: Option<&str>) -> Result<IntegrityReport, AppError> {
        let against = against
            .map(|a| {
                courtier_port::parse_printed(a).ok_or_else(|| {
                    AppError::new(
                        ErrorCode::Invalid("against".into()),
                        format!("Empreinte « {a} » illisible : attendu au moins 16 chiffres hexadécimaux (0-9, A-F), groupés ou non par des espaces ou des tirets."),
                    )
                })
            })
            .transpose()?;
        let anchor = self.read_anchor()?;
        let today = self.today();
        self.with_store(|s| {
            let mut verified = Vec::new();
            let mut problems = Vec::new();
            let pages: Vec<String> = s.integrity_check()?.into_iter().filter(|l| l != "ok").collect();
            verified.push(format!("Pages : contrôle SQLite de chaque page (PRAGMA integrity_check) — {}", status(&pages)));
            problems.extend(pages.into_iter().map(|l| format!("pages : {l}")));
            let schema = s.verify_schema()?;
            verified.push(format!(
                "Schéma : {} tables, index et déclencheurs comparés à ceux des migrations — {}",
                schema.objects,
                status(&schema.problems)
            ));
            problems.extend(schema.problems);
            let fk = s.foreign_key_check()?;
            verified.push(format!("Clés étrangères : chaque référence (PRAGMA foreign_key_check) — {}", status(&fk)));
            problems.extend(fk);
            let (anchor, mut anchor_problems) = match anchor {
                Some(Ok(a)) => (Some(a), Vec::new()),
                Some(Err(e)) => (None, vec![format!("ancre : {} est illisible ({e})", crate::EXCHANGE_ANCHOR_FILE)]),
                None => (None, Vec::new()),
            };
            let j = s.verify_journal(anchor.as_ref().and_then(|a| a.journal.as_ref()), against.as_deref())?;
            anchor_problems.extend(j.problems);
            verified.push(format!(
                "Journal : {} actes, {} faits dans la chaîne, liens vérifiés avec la clé de l'agence{} — {}",
                j.acts,
                j.facts,
                if anchor.as_ref().and_then(|a| a.journal.as_ref()).is_some() { ", tête comparée à l'ancre" } else { "" },
                status(&anchor_problems)
            ));
            problems.extend(anchor_problems);
            let ex = s.verify_exchange_log(anchor.as_ref().map(|a| &a.exchanges))?;
            let exchanges = s.exchange_anchor()?;
            verified.push(format!("Journal des échanges : {} échanges, chaîne SHA-256 — {}", exchanges.count, status(&ex)));
            problems.extend(ex);
            let c = s.verify_coefficients(&|f| coefficient_rows(f, today))?;
            verified.push(format!("Coefficients : {} contrats recalculés depuis les faits — {}", c.contracts, status(&c.problems)));
            problems.extend(c.problems);
            if let (Some(printed), Some(found)) = (&against, &j.against) {
                let p = courtier_port::printed(printed);
                verified.push(match found {
                    Some(h) => format!(
                        "Empreinte {p} : celle de l'acte n° {} du {} ; le journal imprimé alors est un préfixe du journal actuel ({} acte(s) depuis)",
                        h.act, h.recorded_at, h.acts_after
                    ),
                    None => format!("Empreinte {p} : absente du journal — l'historique a été réécrit depuis"),
                });
            }
            Ok(IntegrityReport {
                verified,
                problems,
                head: j.head.as_ref().map(JournalHead::printed),
                head_act: j.head.as_ref().map(|h| h.act),
            })
        })
    }

    /// The check as lines: `["ok"]` when sound, else each problem.
    pub fn integrity_check(&self) -> Result<Vec<String>, AppError> {
        let r = self.verify(None)?;
        Ok(if r.ok() {
            vec!["ok".into()]
        } else {
            r.problems
        })
    }
}
