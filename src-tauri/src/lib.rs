//! The desktop shell: a window, and commands that are thin wrappers over `courtier_app`.
//!
//! No SQL, no rule and no formatting here. Each command moves its work off the main thread
//! (`spawn_blocking`: the database and the keychain block) and returns the use case's result or its
//! `AppError` as `{ code, message }`.

mod calendar;
mod commands_list;
mod documents;
mod exchanges;
mod mail;
mod printing;
mod reminders;

pub use commands_list::COMMANDS;

use courtier_app::{
    AgencyOpened, AgencyStatus, AggravationDraft, AmountDto, AppError, AvenantDraft, ClaimDraft,
    ClaimListPage, ClaimListQuery, ClaimPage, ClaimRecord, ClaimUpdate, ClientListPage,
    ClientListQuery, ClientRecord, ClientSummary, CommunicationDto, Config, ContractDraft,
    ContractRecord, ContractUpdate, Courtier, DemoLoaded, DriverDraft, DriverDto, DriverUpdate,
    InsurerDraft, InsurerDto, OpenClaim, PartyDto, ReleveEntry, ReleveResult, SearchResults,
    Timeline, TimelineQuery, VehicleDraft, VehicleDto, VehicleUpdate,
};
use courtier_domain::client::ClientDraft;
use std::sync::Arc;
use tauri::{Builder, Runtime, State};

/// The application state shared by the commands.
pub type Shared = Arc<Courtier>;

pub(crate) async fn blocking<T, F>(state: State<'_, Shared>, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&Courtier) -> Result<T, AppError> + Send + 'static,
{
    let app = Arc::clone(&state);
    tauri::async_runtime::spawn_blocking(move || f(&app))
        .await
        .map_err(AppError::internal)?
}

#[tauri::command]
async fn agency_status(state: State<'_, Shared>) -> Result<AgencyStatus, AppError> {
    blocking(state, |c| c.status()).await
}

/// Waits for the verification of the open file's pages (a large file's runs on its own thread):
/// what is wrong, in French, or `null` when sound.
#[tauri::command]
async fn agency_verification(state: State<'_, Shared>) -> Result<Option<String>, AppError> {
    blocking(state, |c| c.verification()).await
}

#[tauri::command]
async fn agency_open(state: State<'_, Shared>) -> Result<AgencyOpened, AppError> {
    blocking(state, |c| c.open()).await
}

#[tauri::command]
async fn agency_create_with_passphrase(
    state: State<'_, Shared>,
    passphrase: String,
) -> Result<AgencyOpened, AppError> {
    blocking(state, move |c| c.create_with_passphrase(&passphrase)).await
}

#[tauri::command]
async fn agency_unlock_with_passphrase(
    state: State<'_, Shared>,
    passphrase: String,
) -> Result<AgencyOpened, AppError> {
    blocking(state, move |c| c.unlock_with_passphrase(&passphrase)).await
}

#[tauri::command]
async fn agency_unlock_with_recovery_key(
    state: State<'_, Shared>,
    recovery_key: String,
) -> Result<AgencyOpened, AppError> {
    blocking(state, move |c| c.unlock_with_recovery_key(&recovery_key)).await
}

#[tauri::command]
async fn demo_load(state: State<'_, Shared>, clients: u32) -> Result<DemoLoaded, AppError> {
    blocking(state, move |c| c.demo_load(clients, 2026, |_| {})).await
}

#[tauri::command]
async fn client_list(
    state: State<'_, Shared>,
    query: Option<ClientListQuery>,
) -> Result<ClientListPage, AppError> {
    blocking(state, move |c| c.client_list(&query.unwrap_or_default())).await
}

#[tauri::command]
async fn client_search(
    state: State<'_, Shared>,
    text: String,
    limit: Option<u32>,
    include_archived: Option<bool>,
) -> Result<Vec<ClientSummary>, AppError> {
    blocking(state, move |c| {
        c.client_search(&text, limit, include_archived.unwrap_or(false))
    })
    .await
}

/// The search box: clients, and contracts, vehicles, claims and insurers.
#[tauri::command]
async fn search(
    state: State<'_, Shared>,
    text: String,
    limit: Option<u32>,
    include_archived: Option<bool>,
) -> Result<SearchResults, AppError> {
    blocking(state, move |c| {
        c.search(&text, limit, include_archived.unwrap_or(false))
    })
    .await
}

/// The Sinistres section: a page of claims, open and closed, filtered.
#[tauri::command]
async fn claims_search(
    state: State<'_, Shared>,
    query: Option<ClaimListQuery>,
) -> Result<ClaimListPage, AppError> {
    blocking(state, move |c| c.claims_list(&query.unwrap_or_default())).await
}

#[tauri::command]
async fn releve_list(
    state: State<'_, Shared>,
    client_id: i64,
) -> Result<Vec<ReleveEntry>, AppError> {
    blocking(state, move |c| c.releves_of_client(client_id)).await
}

#[tauri::command]
async fn releve_get(state: State<'_, Shared>, id: i64) -> Result<ReleveEntry, AppError> {
    blocking(state, move |c| c.releve_get(id)).await
}

#[tauri::command]
async fn client_get(state: State<'_, Shared>, id: i64) -> Result<ClientRecord, AppError> {
    blocking(state, move |c| c.client_get(id)).await
}

#[tauri::command]
async fn client_create(
    state: State<'_, Shared>,
    input: ClientDraft,
) -> Result<ClientRecord, AppError> {
    blocking(state, move |c| c.client_create(&input)).await
}

#[tauri::command]
async fn client_update(
    state: State<'_, Shared>,
    id: i64,
    input: ClientDraft,
    expected_version: Option<i64>,
    reason: Option<String>,
) -> Result<ClientRecord, AppError> {
    blocking(state, move |c| {
        c.client_correct(id, &input, expected_version, reason.as_deref())
    })
    .await
}

#[tauri::command]
async fn client_archive(state: State<'_, Shared>, id: i64) -> Result<ClientRecord, AppError> {
    blocking(state, move |c| c.client_archive(id)).await
}

#[tauri::command]
async fn client_restore(state: State<'_, Shared>, id: i64) -> Result<ClientRecord, AppError> {
    blocking(state, move |c| c.client_restore(id)).await
}

#[tauri::command]
async fn household_link(
    state: State<'_, Shared>,
    client_id: i64,
    with_client_id: i64,
) -> Result<ClientRecord, AppError> {
    blocking(state, move |c| c.household_link(client_id, with_client_id)).await
}

#[tauri::command]
async fn household_leave(
    state: State<'_, Shared>,
    client_id: i64,
) -> Result<ClientRecord, AppError> {
    blocking(state, move |c| c.household_leave(client_id)).await
}

#[tauri::command]
async fn contract_list(
    state: State<'_, Shared>,
    client_id: i64,
) -> Result<Vec<ContractRecord>, AppError> {
    blocking(state, move |c| c.contracts_of_client(client_id)).await
}

#[tauri::command]
async fn contract_get(state: State<'_, Shared>, id: i64) -> Result<ContractRecord, AppError> {
    blocking(state, move |c| c.contract_get(id)).await
}

#[tauri::command]
async fn contract_create(
    state: State<'_, Shared>,
    input: ContractDraft,
) -> Result<ContractRecord, AppError> {
    blocking(state, move |c| c.contract_create(&input)).await
}

#[tauri::command]
async fn contract_suspend(
    state: State<'_, Shared>,
    id: i64,
    from: String,
    to: String,
) -> Result<ContractRecord, AppError> {
    blocking(state, move |c| c.contract_suspend(id, &from, &to)).await
}

#[tauri::command]
async fn claim_create(
    state: State<'_, Shared>,
    input: ClaimDraft,
) -> Result<ContractRecord, AppError> {
    blocking(state, move |c| c.claim_create(&input)).await
}

#[tauri::command]
async fn claim_requalify(
    state: State<'_, Shared>,
    claim_id: i64,
    responsibility: String,
    found_on: String,
    note: Option<String>,
) -> Result<ContractRecord, AppError> {
    blocking(state, move |c| {
        c.claim_requalify(claim_id, &responsibility, &found_on, note.as_deref())
    })
    .await
}

/// Records alcohol or drugs, or a hit-and-run, on a claim (A121-1-2).
#[tauri::command]
async fn claim_aggravation_add(
    state: State<'_, Shared>,
    claim_id: i64,
    input: AggravationDraft,
) -> Result<ClaimPage, AppError> {
    blocking(state, move |c| c.claim_aggravation_add(claim_id, &input)).await
}

/// Records a suspension, a cancellation, several suspensions or a non-declaration on a driver.
#[tauri::command]
async fn driver_aggravation_add(
    state: State<'_, Shared>,
    driver_id: i64,
    input: AggravationDraft,
) -> Result<ContractRecord, AppError> {
    blocking(state, move |c| c.driver_aggravation_add(driver_id, &input)).await
}

/// Withdraws an aggravating fact recorded by mistake, with the reason.
#[tauri::command]
async fn aggravation_withdraw(
    state: State<'_, Shared>,
    id: i64,
    reason: String,
) -> Result<ContractRecord, AppError> {
    blocking(state, move |c| c.aggravation_withdraw(id, &reason)).await
}

#[tauri::command]
async fn vehicle_add(
    state: State<'_, Shared>,
    input: VehicleDraft,
) -> Result<VehicleDto, AppError> {
    blocking(state, move |c| c.vehicle_add(&input)).await
}

#[tauri::command]
async fn vehicle_replace(
    state: State<'_, Shared>,
    old_vehicle_id: i64,
    input: VehicleDraft,
    same_or_fewer_drivers: bool,
) -> Result<VehicleDto, AppError> {
    blocking(state, move |c| {
        c.vehicle_replace(old_vehicle_id, &input, same_or_fewer_drivers)
    })
    .await
}

#[tauri::command]
async fn driver_add(state: State<'_, Shared>, input: DriverDraft) -> Result<DriverDto, AppError> {
    blocking(state, move |c| c.driver_add(&input)).await
}

/// `document` is the relevé in the JSON form of `ReleveDocument`.
#[tauri::command]
async fn releve_record(
    state: State<'_, Shared>,
    client_id: i64,
    document: serde_json::Value,
) -> Result<ReleveResult, AppError> {
    blocking(state, move |c| {
        c.releve_record(client_id, &document.to_string())
    })
    .await
}

#[tauri::command]
async fn claim_set_status(
    state: State<'_, Shared>,
    claim_id: i64,
    status: String,
    on_date: String,
    note: Option<String>,
) -> Result<ContractRecord, AppError> {
    blocking(state, move |c| {
        c.claim_set_status(claim_id, &status, &on_date, note.as_deref())
    })
    .await
}

#[tauri::command]
async fn claims_open(
    state: State<'_, Shared>,
    limit: Option<u32>,
) -> Result<Vec<OpenClaim>, AppError> {
    blocking(state, move |c| c.open_claims(limit)).await
}

#[tauri::command]
async fn contract_terminate(
    state: State<'_, Shared>,
    id: i64,
    on_date: String,
    terminated_by: String,
    reason: Option<String>,
) -> Result<ContractRecord, AppError> {
    blocking(state, move |c| {
        c.contract_terminate(id, &on_date, &terminated_by, reason.as_deref())
    })
    .await
}

#[tauri::command]
async fn claim_party_add(
    state: State<'_, Shared>,
    claim_id: i64,
    party: PartyDto,
) -> Result<ContractRecord, AppError> {
    blocking(state, move |c| c.claim_party_add(claim_id, &party)).await
}

#[tauri::command]
async fn claim_communication_add(
    state: State<'_, Shared>,
    claim_id: i64,
    communication: CommunicationDto,
) -> Result<ContractRecord, AppError> {
    blocking(state, move |c| {
        c.claim_communication_add(claim_id, &communication)
    })
    .await
}

#[tauri::command]
async fn claim_get(state: State<'_, Shared>, claim_id: i64) -> Result<ClaimPage, AppError> {
    blocking(state, move |c| c.claim_get(claim_id)).await
}

#[tauri::command]
async fn claim_update(
    state: State<'_, Shared>,
    claim_id: i64,
    update: ClaimUpdate,
) -> Result<ClaimPage, AppError> {
    blocking(state, move |c| c.claim_update(claim_id, &update)).await
}

#[tauri::command]
async fn claim_amount_add(
    state: State<'_, Shared>,
    claim_id: i64,
    amount: AmountDto,
) -> Result<ClaimPage, AppError> {
    blocking(state, move |c| c.claim_amount_add(claim_id, &amount)).await
}

#[tauri::command]
async fn claim_list(
    state: State<'_, Shared>,
    client_id: i64,
) -> Result<Vec<ClaimRecord>, AppError> {
    blocking(state, move |c| c.claim_list(client_id)).await
}

#[tauri::command]
async fn contract_avenant(
    state: State<'_, Shared>,
    id: i64,
    avenant: AvenantDraft,
) -> Result<ContractRecord, AppError> {
    blocking(state, move |c| c.contract_avenant(id, &avenant)).await
}

#[tauri::command]
async fn client_timeline(
    state: State<'_, Shared>,
    client_id: i64,
    query: Option<TimelineQuery>,
) -> Result<Timeline, AppError> {
    blocking(state, move |c| {
        c.client_timeline(client_id, &query.unwrap_or_default())
    })
    .await
}

#[tauri::command]
async fn contract_timeline(
    state: State<'_, Shared>,
    contract_id: i64,
    query: Option<TimelineQuery>,
) -> Result<Timeline, AppError> {
    blocking(state, move |c| {
        c.contract_timeline(contract_id, &query.unwrap_or_default())
    })
    .await
}

#[tauri::command]
async fn vehicle_list(
    state: State<'_, Shared>,
    contract_id: i64,
) -> Result<Vec<VehicleDto>, AppError> {
    blocking(state, move |c| c.vehicle_list(contract_id)).await
}

#[tauri::command]
async fn driver_list(
    state: State<'_, Shared>,
    contract_id: i64,
) -> Result<Vec<DriverDto>, AppError> {
    blocking(state, move |c| c.driver_list(contract_id)).await
}

#[tauri::command]
async fn contract_update(
    state: State<'_, Shared>,
    id: i64,
    update: ContractUpdate,
) -> Result<ContractRecord, AppError> {
    blocking(state, move |c| c.contract_update(id, &update)).await
}

#[tauri::command]
async fn vehicle_update(
    state: State<'_, Shared>,
    id: i64,
    update: VehicleUpdate,
) -> Result<VehicleDto, AppError> {
    blocking(state, move |c| c.vehicle_update(id, &update)).await
}

#[tauri::command]
async fn driver_update(
    state: State<'_, Shared>,
    id: i64,
    update: DriverUpdate,
) -> Result<DriverDto, AppError> {
    blocking(state, move |c| c.driver_update(id, &update)).await
}

#[tauri::command]
async fn insurer_list(state: State<'_, Shared>) -> Result<Vec<InsurerDto>, AppError> {
    blocking(state, |c| c.insurer_list()).await
}

#[tauri::command]
async fn insurer_create(
    state: State<'_, Shared>,
    input: InsurerDraft,
) -> Result<InsurerDto, AppError> {
    blocking(state, move |c| c.insurer_create(&input)).await
}

#[tauri::command]
async fn insurer_update(
    state: State<'_, Shared>,
    id: i64,
    update: InsurerDraft,
) -> Result<InsurerDto, AppError> {
    blocking(state, move |c| c.insurer_update(id, &update)).await
}

/// Registers the state and every command on a builder, whatever its runtime (the real one, or
/// `tauri::test`'s mock runtime in tests).
pub fn register<R: Runtime>(builder: Builder<R>, courtier: Shared) -> Builder<R> {
    builder
        .manage(courtier)
        .manage(reminders::Wake::default())
        .invoke_handler(tauri::generate_handler![
            agency_status,
            agency_verification,
            agency_open,
            agency_create_with_passphrase,
            agency_unlock_with_passphrase,
            agency_unlock_with_recovery_key,
            demo_load,
            client_list,
            client_search,
            search,
            claims_search,
            releve_list,
            releve_get,
            client_get,
            client_create,
            client_update,
            client_archive,
            client_restore,
            household_link,
            household_leave,
            contract_list,
            contract_get,
            contract_create,
            contract_suspend,
            claim_create,
            claim_requalify,
            claim_aggravation_add,
            driver_aggravation_add,
            aggravation_withdraw,
            vehicle_add,
            vehicle_replace,
            driver_add,
            releve_record,
            claim_set_status,
            claims_open,
            contract_terminate,
            claim_party_add,
            claim_communication_add,
            claim_get,
            claim_update,
            claim_amount_add,
            claim_list,
            contract_avenant,
            client_timeline,
            contract_timeline,
            vehicle_list,
            driver_list,
            contract_update,
            vehicle_update,
            driver_update,
            insurer_list,
            insurer_create,
            insurer_update,
            documents::document_attach,
            documents::document_list,
            documents::document_content,
            documents::document_page,
            documents::document_thumbnail,
            documents::document_export,
            documents::document_bin,
            documents::document_restore,
            documents::bin_list,
            documents::bin_empty,
            documents::document_settings,
            documents::document_settings_set,
            mail::mail_account,
            mail::mail_account_set,
            mail::mail_session_password,
            mail::mail_templates,
            mail::mail_template_set,
            mail::mail_preview,
            mail::mail_send,
            mail::mail_outbox,
            mail::mail_retry,
            exchanges::client_exchange_add,
            exchanges::client_exchanges,
            calendar::calendar,
            calendar::calendar_export,
            calendar::renewal_settings,
            printing::agency_identity_get,
            printing::agency_identity_set,
            printing::agency_logo,
            printing::print_pdf,
            printing::avis_sent_record,
            printing::avis_sent_list,
            documents::document_update,
            printing::webview_print,
            reminders::reminders_page,
            reminders::reminders_count,
            reminders::reminders_of,
            reminders::reminder_add,
            reminders::reminder_done,
            reminders::reminder_dismiss,
            reminders::reminder_snooze,
            reminders::reminder_settings,
            reminders::reminder_settings_set,
        ])
}

/// Starts the desktop application.
///
/// At exit the agency file is closed cleanly: its write-ahead log written back into
/// `agence.courtier` (not on a damaged file, nor while its verification is under way).
pub fn run() -> Result<(), Box<dyn std::error::Error>> {
    let courtier = Arc::new(Courtier::new(Config::from_env(None)?));
    let app = register(
        tauri::Builder::default()
            .plugin(tauri_plugin_dialog::init())
            .plugin(tauri_plugin_notification::init()),
        Arc::clone(&courtier),
    )
    .build(tauri::generate_context!())?;
    reminders::start_timer(app.handle(), Arc::downgrade(&courtier));
    // The clear calendrier.ics follows the data: rewritten in the background, at most every
    // half minute, when something was written (it reads most of the portfolio).
    let refresher = Arc::downgrade(&courtier);
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_secs(30));
        match refresher.upgrade() {
            Some(c) => c.refresh_calendar_file(),
            None => break,
        }
    });
    app.run(move |_, event| {
        if let tauri::RunEvent::Exit = event {
            if let Err(e) = courtier.close() {
                eprintln!("Courtier : fermeture du fichier d'agence : {}", e.message);
            }
        }
    });
    Ok(())
}
