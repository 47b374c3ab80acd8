// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(e) = courtier_desktop::run() {
        eprintln!("Courtier n'a pas pu démarrer : {e}");
        std::process::exit(1);
    }
}
