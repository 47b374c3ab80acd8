//! The CLI tests' fixture: the built `courtier` binary run on a temp data directory with an
//! explicit key (`COURTIER_DB_KEY`, no keychain), as a broker's script would run it.
//!
//! It lives here rather than in `courtier-journeys` because the binary's path
//! (`CARGO_BIN_EXE_courtier`) is only known to this crate's tests, and the CLI is tested as a
//! black box: it needs nothing from the app-level fixtures.
#![allow(clippy::unwrap_used, dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

pub const KEY: &str = "8d1f6c0a9b3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c";

/// The binary with nothing set: no data directory, no key, no keychain.
pub fn bare() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_courtier"));
    c.env_remove("COURTIER_DB_KEY")
        .env_remove("COURTIER_DATA_DIR")
        .env_remove("COURTIER_PASSPHRASE")
        .env("COURTIER_KEYCHAIN", "none");
    c
}

/// A temp data directory the binary is run on (removed when dropped).
pub struct CliAgency {
    dir: tempfile::TempDir,
}

impl CliAgency {
    /// An empty data directory: no agency file yet.
    pub fn empty() -> Self {
        CliAgency {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A data directory with an agency file created by `courtier init` under [`KEY`].
    pub fn init() -> Self {
        let a = Self::empty();
        a.ok(&["init"]);
        a
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `courtier --data-dir <dir>` with the key in `COURTIER_DB_KEY` and no keychain.
    pub fn command(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_courtier"));
        c.arg("--data-dir").arg(self.path());
        c.env("COURTIER_DB_KEY", KEY)
            .env("COURTIER_KEYCHAIN", "none")
            .env_remove("COURTIER_DATA_DIR");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }

    /// Runs and asserts success; standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "courtier {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs and asserts success; standard output trimmed (an id, a one-line answer).
    pub fn ok_line(&self, args: &[&str]) -> String {
        self.ok(args).trim().to_string()
    }

    /// Runs and asserts success; standard output parsed as JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("courtier {args:?}: {e}\n{out}"))
    }

    /// Runs and asserts the exit code 1 of a refused operation; standard error.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "courtier {args:?}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    /// `client add --last-name <last> [--first-name <first>]`; the new client's id.
    pub fn client(&self, last: &str, first: Option<&str>) -> String {
        let mut args = vec!["client", "add", "--last-name", last];
        if let Some(f) = first {
            args.extend(["--first-name", f]);
        }
        self.ok_line(&args)
    }

    /// `contract add` for `client` at `insurer`, subscribed on `subscription` with its first
    /// échéance on `first`, plus `extra` arguments (premiums…); the new contract's id.
    pub fn contract(
        &self,
        client: &str,
        insurer: &str,
        number: &str,
        (subscription, first): (&str, &str),
        extra: &[&str],
    ) -> String {
        let mut args = vec![
            "contract",
            "add",
            "--client",
            client,
            "--insurer",
            insurer,
            "--number",
            number,
            "--subscription",
            subscription,
            "--first-echeance",
            first,
        ];
        args.extend(extra);
        self.ok_line(&args)
    }

    /// `claim add … --json` on `contract`: the contract after the claim.
    pub fn claim(
        &self,
        contract: &str,
        date: &str,
        kind: &str,
        responsibility: &str,
        extra: &[&str],
    ) -> serde_json::Value {
        let mut args = vec![
            "claim",
            "add",
            "--contract",
            contract,
            "--date",
            date,
            "--kind",
            kind,
            "--responsibility",
            responsibility,
        ];
        args.extend(extra);
        args.push("--json");
        self.json(&args)
    }

    /// Spawns `courtier <args>` with its standard input and output piped.
    pub fn spawn_piped(&self, args: &[&str]) -> std::process::Child {
        self.command()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// The bytes of document `id` as `document export` writes them (to a file in `dir`).
    pub fn exported(&self, id: &str, dir: &Path) -> Vec<u8> {
        let back = dir.join(format!("export-{id}.pdf"));
        self.ok(&["document", "export", id, "--out", back.to_str().unwrap()]);
        std::fs::read(&back).unwrap()
    }
}

/// A PDF's text by `pdftotext` (`-layout` keeps a table's row on one line), whitespace folded.
pub fn pdf_text(pdf: &Path, layout: bool) -> String {
    let mut c = Command::new("pdftotext");
    if layout {
        c.arg("-layout");
    }
    let out = c
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, scripts/install-deps.sh)");
    let t = String::from_utf8_lossy(&out.stdout).into_owned();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}
