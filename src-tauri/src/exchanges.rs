//! The client's exchange log: calls, meetings, letters and consents noted by the broker.

use crate::{blocking, Shared};
use courtier_app::{AppError, ClientExchangeDto};
use tauri::State;

#[tauri::command]
pub(crate) async fn client_exchange_add(
    state: State<'_, Shared>,
    client_id: i64,
    input: ClientExchangeDto,
) -> Result<ClientExchangeDto, AppError> {
    blocking(state, move |c| c.client_exchange_add(client_id, &input)).await
}

#[tauri::command]
pub(crate) async fn client_exchanges(
    state: State<'_, Shared>,
    client_id: i64,
) -> Result<Vec<ClientExchangeDto>, AppError> {
    blocking(state, move |c| c.client_exchanges(client_id)).await
}
