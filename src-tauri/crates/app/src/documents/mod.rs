//! Attached documents: dropped or picked files checked by their content, kept encrypted in the
//! agency file, shown, exported (recorded), moved to the bin, restored, and the bin emptied
//! (recorded).
//!
//! Memory: a file is read once into one buffer of its exact size (the checks need all of it: a
//! PDF's cross-reference table is at its end), and streamed from that buffer into the agency file
//! in chunks; its SHA-256 is computed on the way. Nothing is ever written to a temporary file.

pub mod content;
pub mod pages;
#[doc(hidden)]
pub mod samples;

use crate::input::{field, iso, limits, line, opt_date_field};
use crate::{AppError, Courtier, ErrorCode};
use content::{inspect, size_fr, ContentError};
use courtier_domain::vocabulary::{DocumentFormat, DocumentKind};
use courtier_port::{Attached, DocumentDetails, DocumentRow, NewDocument};
pub use courtier_port::{DocumentOwner, DocumentState};
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::Path;

/// The smallest and largest size limit the broker may set, in megabytes.
pub const LIMIT_MB_RANGE: (u64, u64) = (1, 1024);

/// A document as the lists and its viewer show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentDto {
    pub id: i64,
    pub owner: DocumentOwner,
    pub kind: DocumentKind,
    pub kind_label: &'static str,
    pub format: DocumentFormat,
    pub mime: &'static str,
    pub file_name: String,
    pub date: Option<String>,
    pub note: Option<String>,
    pub size: u64,
    pub size_label: String,
    pub pages: u32,
    pub sha256: String,
    pub attached_at: String,
    pub state: DocumentState,
    pub has_thumbnail: bool,
    pub exports: Vec<ExportDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportDto {
    pub recorded_at: String,
    pub destination: String,
}

fn dto(d: DocumentRow) -> DocumentDto {
    DocumentDto {
        id: d.id,
        owner: d.owner,
        kind: d.kind,
        kind_label: d.kind.label(),
        format: d.format,
        mime: d.format.mime(),
        file_name: d.file_name,
        date: d.date.map(iso),
        note: d.note,
        size: d.size,
        size_label: size_fr(d.size),
        pages: d.pages,
        sha256: d.sha256,
        attached_at: d.attached_at,
        state: d.state,
        has_thumbnail: d.has_thumbnail,
        exports: d
            .exports
            .into_iter()
            .map(|(recorded_at, destination)| ExportDto {
                recorded_at,
                destination,
            })
            .collect(),
    }
}

/// What the attach form (or the CLI) sends with the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DocumentDraft {
    /// A [`DocumentKind`] code.
    pub kind: String,
    pub date: Option<String>,
    pub note: Option<String>,
}

/// What attaching did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttachResult {
    pub document: DocumentDto,
    /// The same file was already attached to this record: nothing was stored again.
    pub duplicate: bool,
    /// What to tell the broker.
    pub message: String,
}

/// The record a form names: `client`, `contract` or `claim` and its id.
pub fn owner(kind: &str, id: i64) -> Result<DocumentOwner, AppError> {
    match kind {
        "client" => Ok(DocumentOwner::Client(id)),
        "contract" => Ok(DocumentOwner::Contract(id)),
        "claim" => Ok(DocumentOwner::Claim(id)),
        other => Err(field(
            "owner",
            format!("« {other} » : fiche inconnue (client, contract ou claim)."),
        )),
    }
}

fn owner_words(o: DocumentOwner) -> String {
    match o {
        DocumentOwner::Client(id) => format!("à la fiche du client n° {id}"),
        DocumentOwner::Contract(id) => format!("au contrat n° {id}"),
        DocumentOwner::Claim(id) => format!("au sinistre n° {id}"),
    }
}

/// The size limit in force, in bytes, from the agency setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentSettings {
    pub max_bytes: u64,
    pub max_megabytes: u64,
    pub max_label: String,
}

fn settings(max_bytes: u64) -> DocumentSettings {
    DocumentSettings {
        max_bytes,
        max_megabytes: max_bytes / (1024 * 1024),
        max_label: size_fr(max_bytes),
    }
}

fn io(path: &Path, e: &std::io::Error) -> AppError {
    let what = match e.kind() {
        std::io::ErrorKind::NotFound => "introuvable".to_string(),
        std::io::ErrorKind::PermissionDenied => "accès refusé".to_string(),
        _ => e.to_string(),
    };
    AppError::new(
        ErrorCode::Io,
        format!(
            "Le fichier {} ne peut pas être lu ({what}) : rien n'a été joint.",
            path.display()
        ),
    )
}

/// Reads a file for attaching: its size checked against `limit` before anything is read, then
/// one buffer of exactly its size.
pub fn read_for_attach(path: &Path, limit: u64) -> Result<Vec<u8>, AppError> {
    let meta = std::fs::metadata(path).map_err(|e| io(path, &e))?;
    if !meta.is_file() {
        return Err(AppError::new(
            ErrorCode::DocumentUnsupported,
            format!(
                "{} n'est pas un fichier (un dossier ?) : rien n'a été joint.",
                path.display()
            ),
        ));
    }
    let size = meta.len();
    if size == 0 {
        return Err(ContentError::Empty.into());
    }
    if size > limit {
        return Err(ContentError::TooLarge { size, limit }.into());
    }
    let capacity = usize::try_from(size).map_err(AppError::internal)?;
    let mut buf = Vec::with_capacity(capacity);
    std::fs::File::open(path)
        .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut buf))
        .map_err(|e| io(path, &e))?;
    if buf.len() as u64 > limit {
        return Err(ContentError::TooLarge {
            size: buf.len() as u64,
            limit,
        }
        .into());
    }
    if buf.is_empty() {
        return Err(ContentError::Empty.into());
    }
    Ok(buf)
}

impl Courtier {
    /// Attaches the file at `path` (read here, in Rust) to `owner`.
    pub fn document_attach(
        &self,
        owner: DocumentOwner,
        path: &Path,
        draft: &DocumentDraft,
    ) -> Result<AttachResult, AppError> {
        let kind =
            DocumentKind::parse(draft.kind.trim()).map_err(|e| field("kind", e.to_string()))?;
        let date = opt_date_field(&draft.date, "date", "Date du document")?;
        let note = line(draft.note.as_deref(), "note", "La note", limits::NOTE)?;
        // The name is shown and exported again: free text of one line like any other (no
        // control or bidirectional-override character, a right-to-left override would show
        // « rapport<U+202E>fdp.exe » as « rapportexe.pdf »), checked before the file is read.
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file_name = line(
            Some(&file_name),
            "fileName",
            "Le nom du fichier",
            limits::FILE_NAME,
        )?
        .unwrap_or_else(|| "document".into());
        let limit = self.with_store(|s| Ok(s.document_size_limit()?))?;
        let bytes = read_for_attach(path, limit)?;
        let found = inspect(&bytes)?;
        let new = NewDocument {
            owner,
            kind,
            format: found.format,
            file_name,
            date,
            note,
            size: bytes.len() as u64,
            pages: found.pages,
            thumbnail: Some(found.thumbnail),
        };
        let now = self.now();
        self.with_store(|s| {
            let got = s.attach_document(&new, &mut bytes.as_slice(), &now)?;
            let (id, duplicate) = match got {
                Attached::New(id) => (id, false),
                Attached::AlreadyThere { id, .. } => (id, true),
            };
            let document = dto(s.document(id)?);
            let message = if !duplicate {
                format!("« {} » est joint {}.", document.file_name, owner_words(owner))
            } else if document.state == DocumentState::InBin {
                format!(
                    "Ce fichier est déjà joint {} (document n° {id}, « {} », dans la corbeille) : il n'a pas été enregistré une seconde fois. Restaurez-le depuis la corbeille.",
                    owner_words(owner),
                    document.file_name
                )
            } else {
                format!(
                    "Ce fichier est déjà joint {} (document n° {id}, « {} ») : il n'a pas été enregistré une seconde fois.",
                    owner_words(owner),
                    document.file_name
                )
            };
            Ok(AttachResult {
                document,
                duplicate,
                message,
            })
        })
    }

    pub fn document_list(
        &self,
        owner: DocumentOwner,
        with_bin: bool,
    ) -> Result<Vec<DocumentDto>, AppError> {
        self.with_reader(|s| {
            Ok(s.documents_of(owner, with_bin)?
                .into_iter()
                .map(dto)
                .collect())
        })
    }

    pub fn document_get(&self, id: i64) -> Result<DocumentDto, AppError> {
        self.with_reader(|s| Ok(dto(s.document(id)?)))
    }

    /// The document's bytes, for the viewer (one buffer of their exact size).
    pub fn document_bytes(&self, id: i64) -> Result<Vec<u8>, AppError> {
        self.with_reader(|s| {
            let d = s.document(id)?;
            let mut out = Vec::with_capacity(usize::try_from(d.size).map_err(AppError::internal)?);
            s.read_document(id, &mut out)?;
            Ok(out)
        })
    }

    /// Page `page` (from 1) of a TIFF document as PNG, with the number of pages.
    pub fn document_page_png(&self, id: i64, page: u32) -> Result<(Vec<u8>, u32), AppError> {
        let d = self.document_get(id)?;
        if d.format != DocumentFormat::Tiff {
            return Err(AppError::new(
                ErrorCode::InvalidOperation,
                "Seuls les TIFF sont convertis page par page ; les autres formats s'affichent tels quels.",
            ));
        }
        if page == 0 {
            return Err(field("page", "Les pages sont numérotées à partir de 1."));
        }
        let bytes = self.document_bytes(id)?;
        pages::tiff_page_png(&bytes, page - 1).map_err(|e| {
            AppError::new(
                ErrorCode::DocumentDamaged,
                format!("Page {page} illisible : {e}."),
            )
        })
    }

    pub fn document_thumbnail(&self, id: i64) -> Result<Option<Vec<u8>>, AppError> {
        self.with_reader(|s| Ok(s.document_thumbnail(id)?))
    }

    /// Writes a copy of the document at `dest` (where the broker chose) and records the export.
    pub fn document_export(&self, id: i64, dest: &Path) -> Result<DocumentDto, AppError> {
        let now = self.now();
        self.with_store(|s| {
            s.document(id)?;
            let mut file = std::fs::File::create(dest).map_err(|e| {
                AppError::new(
                    ErrorCode::Io,
                    format!(
                        "Impossible d'écrire {} : {e}. Rien n'a été exporté.",
                        dest.display()
                    ),
                )
            })?;
            if let Err(e) = s.read_document(id, &mut file) {
                drop(file);
                let _ = std::fs::remove_file(dest);
                return Err(e.into());
            }
            let shown = std::fs::canonicalize(dest).unwrap_or_else(|_| dest.to_path_buf());
            s.record_export(id, &shown.display().to_string(), &now)?;
            Ok(dto(s.document(id)?))
        })
    }

    /// Changes a document's type, date and note (a new fact; the attaching stays as it was),
    /// each checked as at attaching.
    pub fn document_update(&self, id: i64, draft: &DocumentDraft) -> Result<DocumentDto, AppError> {
        let kind =
            DocumentKind::parse(draft.kind.trim()).map_err(|e| field("kind", e.to_string()))?;
        let date = opt_date_field(&draft.date, "date", "Date du document")?;
        let note = line(draft.note.as_deref(), "note", "La note", limits::NOTE)?;
        let now = self.now();
        self.with_store(|s| {
            s.revise_document(id, &DocumentDetails { kind, date, note }, &now)?;
            Ok(dto(s.document(id)?))
        })
    }

    pub fn document_bin(&self, id: i64) -> Result<DocumentDto, AppError> {
        let now = self.now();
        self.with_store(|s| {
            s.bin_document(id, &now)?;
            Ok(dto(s.document(id)?))
        })
    }

    pub fn document_restore(&self, id: i64) -> Result<DocumentDto, AppError> {
        let now = self.now();
        self.with_store(|s| {
            s.restore_document(id, &now)?;
            Ok(dto(s.document(id)?))
        })
    }

    pub fn bin_list(&self) -> Result<Vec<DocumentDto>, AppError> {
        self.with_reader(|s| Ok(s.bin()?.into_iter().map(dto).collect()))
    }

    /// Removes for good the documents in the bin: those of `owner` (the record shown), or the
    /// whole agency's when `None` (Paramètres → Documents); returns how many.
    pub fn bin_empty(&self, owner: Option<DocumentOwner>) -> Result<u64, AppError> {
        let now = self.now();
        self.with_store(|s| Ok(s.empty_bin(owner, &now)?))
    }

    pub fn document_settings(&self) -> Result<DocumentSettings, AppError> {
        self.with_reader(|s| Ok(settings(s.document_size_limit()?)))
    }

    /// Sets the size limit, in megabytes (1 to 1 024).
    pub fn set_document_size_limit(&self, megabytes: u64) -> Result<DocumentSettings, AppError> {
        let (lo, hi) = LIMIT_MB_RANGE;
        if !(lo..=hi).contains(&megabytes) {
            return Err(field(
                "maxMegabytes",
                format!("La limite doit être comprise entre {lo} et {hi} Mo."),
            ));
        }
        let bytes = megabytes * 1024 * 1024;
        self.with_store(|s| {
            s.set_document_size_limit(bytes)?;
            Ok(settings(bytes))
        })
    }
}
