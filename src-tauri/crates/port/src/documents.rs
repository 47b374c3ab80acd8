//! Attached documents: the facts of attaching, binning, restoring, exporting and emptying the
//! bin, and the bytes, streamed in and out (a 50 MB scan is never one value in memory twice).

use crate::StoreResult;
use chrono::NaiveDate;
use courtier_domain::vocabulary::{DocumentFormat, DocumentKind};
use std::io::{Read, Write};

/// The record a document is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "camelCase")]
pub enum DocumentOwner {
    Client(i64),
    Contract(i64),
    Claim(i64),
}

/// Where a document stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DocumentState {
    /// Attached and shown with its record.
    Active,
    /// In the bin: can be restored, or removed for good by emptying the bin.
    InBin,
    /// Removed by emptying the bin: the fact stays, the bytes are gone.
    Emptied,
}

/// What the use case knows of a document before its bytes are streamed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDocument {
    pub owner: DocumentOwner,
    pub kind: DocumentKind,
    pub format: DocumentFormat,
    pub file_name: String,
    pub date: Option<NaiveDate>,
    pub note: Option<String>,
    /// The exact number of bytes the reader gives.
    pub size: u64,
    pub pages: u32,
    /// A small PNG for the lists.
    pub thumbnail: Option<Vec<u8>>,
}

/// What attaching did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attached {
    /// A new document, with its id.
    New(i64),
    /// The same bytes (same SHA-256) are already attached to this record: nothing was stored.
    AlreadyThere { id: i64, state: DocumentState },
}

/// A document's details the broker sets: its type, date and note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentDetails {
    pub kind: DocumentKind,
    pub date: Option<NaiveDate>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    pub id: i64,
    pub owner: DocumentOwner,
    pub kind: DocumentKind,
    pub format: DocumentFormat,
    pub file_name: String,
    pub date: Option<NaiveDate>,
    pub note: Option<String>,
    pub size: u64,
    pub pages: u32,
    pub sha256: String,
    pub attached_at: String,
    pub state: DocumentState,
    pub has_thumbnail: bool,
    /// Each recorded export: when, and where to.
    pub exports: Vec<(String, String)>,
}

pub trait DocumentStore {
    /// Streams `size` bytes from `content` into the agency file, computing their SHA-256 on the
    /// way, and records the attaching; if the record already has a document with the same
    /// SHA-256 (in the bin or not), nothing is kept and that document is named instead.
    fn attach_document(
        &mut self,
        d: &NewDocument,
        content: &mut dyn Read,
        now: &str,
    ) -> StoreResult<Attached>;
    fn document(&self, id: i64) -> StoreResult<DocumentRow>;
    /// The record's documents, attached order; those in the bin only if `with_bin`.
    fn documents_of(&self, owner: DocumentOwner, with_bin: bool) -> StoreResult<Vec<DocumentRow>>;
    /// The documents in the bin.
    fn bin(&self) -> StoreResult<Vec<DocumentRow>>;
    /// Streams a document's bytes to `out`, in chunks; returns the number written.
    fn read_document(&self, id: i64, out: &mut dyn Write) -> StoreResult<u64>;
    fn document_thumbnail(&self, id: i64) -> StoreResult<Option<Vec<u8>>>;
    /// Records that the document was exported to `destination`.
    fn record_export(&mut self, id: i64, destination: &str, now: &str) -> StoreResult<()>;
    fn bin_document(&mut self, id: i64, now: &str) -> StoreResult<()>;
    fn restore_document(&mut self, id: i64, now: &str) -> StoreResult<()>;
    /// Removes for good the documents in the bin (their bytes): those of `owner` only (the
    /// record shown), or the whole agency's when `None`; returns how many.
    fn empty_bin(&mut self, owner: Option<DocumentOwner>, now: &str) -> StoreResult<u64>;
    fn document_size_limit(&self) -> StoreResult<u64>;
    fn set_document_size_limit(&mut self, bytes: u64) -> StoreResult<()>;
    /// Records new details of a document (a new fact; the attaching stays as it was).
    fn revise_document(&mut self, id: i64, details: &DocumentDetails, now: &str)
        -> StoreResult<()>;
}
