//! The commands of follow-ups by e-mail: the account, the templates, the preview, the
//! confirmed send, the outbox. Each calls one use case of `courtier_app::mail`.

use crate::{blocking, Shared};
use courtier_app::mail::{
    MailAccountDraft, MailAccountDto, MailDraft, MailMessageDto, MailPreview, MailTemplateDto,
};
use courtier_app::AppError;
use tauri::State;

#[tauri::command]
pub async fn mail_account(state: State<'_, Shared>) -> Result<Option<MailAccountDto>, AppError> {
    blocking(state, |c| c.mail_account()).await
}

#[tauri::command]
pub async fn mail_account_set(
    state: State<'_, Shared>,
    draft: MailAccountDraft,
) -> Result<MailAccountDto, AppError> {
    blocking(state, move |c| c.mail_account_set(&draft)).await
}

/// The password for this session only (no keychain): kept in memory, never written.
#[tauri::command]
pub async fn mail_session_password(
    state: State<'_, Shared>,
    password: String,
) -> Result<(), AppError> {
    blocking(state, move |c| {
        c.mail_session_password(&password);
        Ok(())
    })
    .await
}

#[tauri::command]
pub async fn mail_templates(state: State<'_, Shared>) -> Result<Vec<MailTemplateDto>, AppError> {
    blocking(state, |c| c.mail_templates()).await
}

#[tauri::command]
pub async fn mail_template_set(
    state: State<'_, Shared>,
    kind: String,
    subject: String,
    body: String,
) -> Result<MailTemplateDto, AppError> {
    blocking(state, move |c| c.mail_template_set(&kind, &subject, &body)).await
}

#[tauri::command]
pub async fn mail_preview(
    state: State<'_, Shared>,
    draft: MailDraft,
) -> Result<MailPreview, AppError> {
    blocking(state, move |c| c.mail_preview(&draft)).await
}

/// Sends what the broker confirmed in the preview dialog (`confirmed` is its « Envoyer »).
#[tauri::command]
pub async fn mail_send(
    state: State<'_, Shared>,
    draft: MailDraft,
    confirmed: bool,
) -> Result<MailMessageDto, AppError> {
    blocking(state, move |c| c.mail_send(&draft, confirmed)).await
}

#[tauri::command]
pub async fn mail_outbox(state: State<'_, Shared>) -> Result<Vec<MailMessageDto>, AppError> {
    blocking(state, |c| c.mail_outbox()).await
}

#[tauri::command]
pub async fn mail_retry(
    state: State<'_, Shared>,
    id: Option<i64>,
) -> Result<Vec<MailMessageDto>, AppError> {
    blocking(state, move |c| c.mail_retry(id)).await
}
