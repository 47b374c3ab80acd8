//! Declares the application's commands so that each gets its own permission
//! (`allow-<command>`), and the window's capability grants exactly the ones it uses.

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(courtier_commands::COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {e:#}");
    }
}

#[path = "src/commands_list.rs"]
mod courtier_commands;
