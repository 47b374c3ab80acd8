#!/usr/bin/env bash
# End-to-end test of the real desktop app: builds it, then under Xvfb and a private session bus
# with an unlocked gnome-keyring (the real Secret Service), starts tauri-driver (which drives
# WebKitWebDriver) and runs the selenium test. Screenshots land in tests/e2e/artifacts/.
# Each test gets its own data directory under a scratch dir (tests/e2e/launch-app.sh starts the
# app on it); arguments name the tests to run, e.g. ClientJourney.test_5_releve_then_new_contract_at_its_coefficient.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

cargo build -p courtier-desktop
# The CLI too: the calendar journey compares the window's list with `courtier calendar --json`.
# `cargo test --workspace` (scripts/test-all.sh, before this) has built it; built alone only when
# absent (building both packages in one command would unify other features and rebuild much).
[ -x target/debug/courtier ] || cargo build -p courtier-cli
export COURTIER_E2E_APP="$root/target/debug/courtier-desktop"
export COURTIER_E2E_ARTIFACTS="$root/tests/e2e/artifacts"
rm -rf "$COURTIER_E2E_ARTIFACTS"

if [ -z "${COURTIER_E2E_INNER:-}" ]; then
  export COURTIER_E2E_INNER=1
  exec xvfb-run -a -s "-screen 0 1920x1200x24" scripts/with-keyring.sh "$0" "$@"
fi

work=$(mktemp -d)
export COURTIER_E2E_WORK="$work"
unset COURTIER_DATA_DIR COURTIER_DB_KEY COURTIER_KEYCHAIN
# Free ports for tauri-driver and the WebKitWebDriver behind it, so two runs can share a machine.
free_port() {
  local p=$1
  while (echo >/dev/tcp/127.0.0.1/$p) 2>/dev/null; do p=$((p + 2)); done
  echo "$p"
}
port=$(free_port 4444)
native_port=$(free_port $((port + 1)))
export COURTIER_E2E_DRIVER="http://127.0.0.1:$port"

tauri-driver --port "$port" --native-port "$native_port" --native-driver /usr/bin/WebKitWebDriver >"$work/tauri-driver.log" 2>&1 &
driver=$!
trap 'kill $driver 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null && break
  sleep 0.1
done

python3 tests/e2e/test_clients.py "$@" || { echo "--- tauri-driver log"; tail -50 "$work/tauri-driver.log"; exit 1; }
