#!/usr/bin/env bash
# Every test, in order of speed; stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

echo "== format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings

echo "== Rust tests (workspace, desktop shell included)"
cargo test --workspace

echo "== OS keychain: the real Secret Service (gnome-keyring under a private D-Bus session)"
scripts/with-keyring.sh cargo test -p courtier-vault --test secret_service -- --ignored

echo "== UI modules (JSDoc types checked by TypeScript, then node --test)"
if [ ! -x node_modules/.bin/tsc ]; then
  echo "TypeScript est absent : lancez scripts/install-deps.sh test (ou npm ci)." >&2
  exit 1
fi
node_modules/.bin/tsc -p .
node --test tests/ui/

echo "== End to end: the real window under Xvfb, driven by tauri-driver"
tests/e2e/run.sh

echo "All test suites passed."
