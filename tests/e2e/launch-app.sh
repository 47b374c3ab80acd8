#!/usr/bin/env bash
# What tauri-driver starts for each WebDriver session: the desktop app ($COURTIER_E2E_APP) on the
# data directory given as --courtier-data-dir=DIR (the app reads it from COURTIER_DATA_DIR), so
# that each test starts from its own agency. Other arguments are passed on.
set -euo pipefail
args=()
for a in "$@"; do
  case "$a" in
    --courtier-data-dir=*) export COURTIER_DATA_DIR="${a#--courtier-data-dir=}" ;;
    *) args+=("$a") ;;
  esac
done
if [ -z "${COURTIER_DATA_DIR:-}" ]; then
  echo "launch-app: no --courtier-data-dir given" >&2
  exit 2
fi
# The webview's own storage (where the window keeps its zoom level) beside the test's data
# directory, not in the user's profile: each test starts at 100 %, a relaunch finds its level.
export XDG_DATA_HOME="${COURTIER_DATA_DIR%/}.webview"
mkdir -p "$XDG_DATA_HOME"
exec "$COURTIER_E2E_APP" ${args[@]+"${args[@]}"}
