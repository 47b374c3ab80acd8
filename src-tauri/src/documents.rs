//! The commands of attached documents: attach a file by its path (a native drop or the file
//! dialog), list, the bytes as binary (`tauri::ipc::Response`, no base64), a TIFF page as PNG,
//! the thumbnail, export, the bin, the size limit.

use crate::{blocking, Shared};
use courtier_app::{AppError, AttachResult, DocumentDraft, DocumentDto, DocumentSettings};
use tauri::ipc::Response;
use tauri::State;

fn owner(kind: &str, id: i64) -> Result<courtier_app::documents::DocumentOwner, AppError> {
    courtier_app::documents::owner(kind, id)
}

/// Attaches the file at `path` (an absolute path from a native drop or the file dialog, read
/// here in Rust and checked by its content) to a client, a contract or a claim.
#[tauri::command]
pub async fn document_attach(
    state: State<'_, Shared>,
    owner_kind: String,
    owner_id: i64,
    path: String,
    draft: DocumentDraft,
) -> Result<AttachResult, AppError> {
    blocking(state, move |c| {
        c.document_attach(
            owner(&owner_kind, owner_id)?,
            std::path::Path::new(&path),
            &draft,
        )
    })
    .await
}

#[tauri::command]
pub async fn document_list(
    state: State<'_, Shared>,
    owner_kind: String,
    owner_id: i64,
    with_bin: Option<bool>,
) -> Result<Vec<DocumentDto>, AppError> {
    blocking(state, move |c| {
        c.document_list(owner(&owner_kind, owner_id)?, with_bin.unwrap_or(false))
    })
    .await
}

/// The document's bytes, as binary (no base64).
#[tauri::command]
pub async fn document_content(state: State<'_, Shared>, id: i64) -> Result<Response, AppError> {
    blocking(state, move |c| c.document_bytes(id).map(Response::new)).await
}

/// Page `page` (from 1) of a TIFF document, converted to PNG in Rust.
#[tauri::command]
pub async fn document_page(
    state: State<'_, Shared>,
    id: i64,
    page: u32,
) -> Result<Response, AppError> {
    blocking(state, move |c| {
        c.document_page_png(id, page)
            .map(|(png, _)| Response::new(png))
    })
    .await
}

/// The document's thumbnail (PNG), empty when it has none.
#[tauri::command]
pub async fn document_thumbnail(state: State<'_, Shared>, id: i64) -> Result<Response, AppError> {
    blocking(state, move |c| {
        c.document_thumbnail(id)
            .map(|t| Response::new(t.unwrap_or_default()))
    })
    .await
}

/// Writes a copy where the broker chose (the save dialog's path); the export is recorded.
#[tauri::command]
pub async fn document_export(
    state: State<'_, Shared>,
    id: i64,
    path: String,
) -> Result<DocumentDto, AppError> {
    blocking(state, move |c| {
        c.document_export(id, std::path::Path::new(&path))
    })
    .await
}

#[tauri::command]
pub async fn document_bin(state: State<'_, Shared>, id: i64) -> Result<DocumentDto, AppError> {
    blocking(state, move |c| c.document_bin(id)).await
}

#[tauri::command]
pub async fn document_restore(state: State<'_, Shared>, id: i64) -> Result<DocumentDto, AppError> {
    blocking(state, move |c| c.document_restore(id)).await
}

#[tauri::command]
pub async fn bin_list(state: State<'_, Shared>) -> Result<Vec<DocumentDto>, AppError> {
    blocking(state, |c| c.bin_list()).await
}

/// Empties the bin of the record shown (`owner_kind` and `owner_id`), or the whole agency's
/// when neither is given (Paramètres → Documents).
#[tauri::command]
pub async fn bin_empty(
    state: State<'_, Shared>,
    owner_kind: Option<String>,
    owner_id: Option<i64>,
) -> Result<u64, AppError> {
    blocking(state, move |c| {
        let scope = match (owner_kind, owner_id) {
            (Some(k), Some(id)) => Some(owner(&k, id)?),
            _ => None,
        };
        c.bin_empty(scope)
    })
    .await
}

#[tauri::command]
pub async fn document_settings(state: State<'_, Shared>) -> Result<DocumentSettings, AppError> {
    blocking(state, |c| c.document_settings()).await
}

#[tauri::command]
pub async fn document_settings_set(
    state: State<'_, Shared>,
    max_megabytes: u64,
) -> Result<DocumentSettings, AppError> {
    blocking(state, move |c| c.set_document_size_limit(max_megabytes)).await
}

/// Changes a document's type, date and note (recorded; the attaching stays as it was).
#[tauri::command]
pub async fn document_update(
    state: State<'_, Shared>,
    id: i64,
    draft: DocumentDraft,
) -> Result<DocumentDto, AppError> {
    blocking(state, move |c| c.document_update(id, &draft)).await
}
