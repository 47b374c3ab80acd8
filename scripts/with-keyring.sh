#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring answering as the
# Secret Service, so the real OS keychain path is exercised headless.
#   usage: scripts/with-keyring.sh COMMAND [ARGS...]
# Re-executes itself under dbus-run-session when no private bus is set up yet. The keyring lives
# in a throwaway XDG_DATA_HOME; HOME is left alone (rustup finds its toolchain through it).
set -euo pipefail

if [ -z "${COURTIER_KEYRING_SESSION:-}" ]; then
  export COURTIER_KEYRING_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi

scratch=$(mktemp -d)
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# A non-empty password: an empty one leaves the login keyring locked on some versions.
printf '%s' "courtier-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null

# Wait until the daemon owns org.freedesktop.secrets, otherwise D-Bus activation would start a
# second, locked daemon on the first call.
for _ in $(seq 1 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    ready=1
    break
  fi
  sleep 0.1
done
if [ -z "${ready:-}" ]; then
  echo "with-keyring: gnome-keyring did not take org.freedesktop.secrets within 10 s" >&2
  exit 1
fi

# This session's daemon, asked of its own bus: stopping it must not touch another run's.
daemon=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null \
  | awk '/uint32/ {print $2}')

status=0
"$@" || status=$?
[ -n "$daemon" ] && kill "$daemon" 2>/dev/null || true
rm -rf "$scratch"
exit $status
