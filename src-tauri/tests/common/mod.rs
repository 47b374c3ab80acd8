//! What the shell's tests share: the app on Tauri's mock runtime, with its real configuration
//! and capabilities, over an agency file in a temp directory, and a command invoked as the
//! front end invokes it.
#![allow(clippy::unwrap_used, dead_code)]

use chrono::{TimeZone, Utc};
use courtier_app::{Config, Courtier, FixedClock};
use serde_json::Value;
use std::sync::Arc;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

pub fn window(
    dir: &std::path::Path,
) -> (
    tauri::App<tauri::test::MockRuntime>,
    WebviewWindow<tauri::test::MockRuntime>,
) {
    let courtier = Arc::new(Courtier::new(Config {
        data_dir: dir.to_path_buf(),
        keychain: Box::new(courtier_vault::MemoryKeychain::default()),
        env_key: None,
        clock: Box::new(FixedClock(
            Utc.with_ymd_and_hms(2026, 11, 24, 9, 30, 0)
                .single()
                .unwrap(),
        )),
    }));
    // The real configuration and capabilities of the app, on the mock runtime.
    let app = courtier_desktop::register(mock_builder(), courtier)
        .build(tauri::generate_context!())
        .unwrap();
    let w = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (app, w)
}

pub fn invoke(
    w: &WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().unwrap())
}
