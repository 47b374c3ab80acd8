//! The names of the commands the front end may call. Shared by `build.rs` (permissions) and the
//! shell (a test checks the invoke handler answers each of them).

pub const COMMANDS: &[&str] = &[
    "agency_status",
    "agency_open",
    "agency_create_with_passphrase",
    "agency_unlock_with_passphrase",
    "agency_unlock_with_recovery_key",
    "demo_load",
    "client_list",
    "client_search",
    "client_get",
    "client_create",
    "client_update",
    "client_archive",
    "client_restore",
    "household_link",
    "household_leave",
    "contract_list",
    "contract_get",
    "contract_create",
    "contract_suspend",
    "claim_create",
    "claim_requalify",
];
