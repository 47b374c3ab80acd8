#!/usr/bin/env bash
# Installs what Courtier needs on Debian/Ubuntu and skips what is already there.
#   scripts/install-deps.sh app    # to build and run the desktop app
#   scripts/install-deps.sh test   # plus what the tests need (Xvfb, keyring, WebDriver, Python)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-app}

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# nodejs and npm: pdf.js (the window's PDF viewer) is an npm package, copied into ui/vendor/.
build_pkgs=(libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev file nodejs npm)
run_pkgs=(gnome-keyring libsecret-tools dbus)
# python3-gi and gir1.2-gtk-3.0: the GTK drag source of the end-to-end test's native file drop;
# xdotool drives it.
# python3-aiosmtpd: the real SMTP server the e-mail tests start on 127.0.0.1 (tests/mail/).
test_pkgs=(xvfb xauth webkit2gtk-driver imagemagick poppler-utils python3-pip python3-gi gir1.2-gtk-3.0 xdotool python3-aiosmtpd)

pkgs=("${build_pkgs[@]}" "${run_pkgs[@]}")
[ "$what" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# nodejs may come from elsewhere than Debian (nvm, nodesource): a node on PATH is enough.
if command -v node >/dev/null 2>&1; then
  missing=("${missing[@]/nodejs}")
fi
# npm likewise (it comes with node from nvm or nodesource).
if command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/npm}")
fi
# pip: any python3 with a working pip module will do.
if python3 -m pip --version >/dev/null 2>&1; then
  missing=("${missing[@]/python3-pip}")
fi
read -r -a missing <<<"${missing[*]}"
if [ ${#missing[@]} -gt 0 ]; then
  echo "Paquets système à installer : ${missing[*]}"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust (cargo) est introuvable : installez-le avec rustup (https://rustup.rs), puis relancez." >&2
  exit 1
fi

# The npm packages pinned in package-lock.json: pdf.js (served by the window from ui/vendor/)
# and TypeScript (checks the UI's JSDoc types); installed again when missing or when the
# lockfile changed since the last install.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.courtier-lock.sha256
if [ ! -x node_modules/.bin/tsc ] || [ ! -f node_modules/pdfjs-dist/build/pdf.mjs ] \
  || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
  # --omit=optional: pdf.js's optional @napi-rs/canvas (a prebuilt native module for rendering
  # in Node) is not used by the window, so it is not installed.
  npm ci --no-audit --no-fund --omit=optional
  echo "$lock_sum" >"$stamp"
fi
scripts/vendor-ui.sh

if [ "$what" = test ]; then
  if ! command -v tauri-driver >/dev/null 2>&1; then
    cargo install tauri-driver --locked --version '^2'
  fi
  py_missing=()
  python3 -c 'import selenium' 2>/dev/null || py_missing+=("selenium>=4,<5")
  python3 -c 'import sqlcipher3' 2>/dev/null || py_missing+=("sqlcipher3-binary")
  # icalendar: the renewal calendar's .ics export is parsed by a standard parser in its test.
  python3 -c 'import icalendar' 2>/dev/null || py_missing+=("icalendar>=6,<8")
  if [ ${#py_missing[@]} -gt 0 ]; then
    python3 -m pip install -q --disable-pip-version-check "${py_missing[@]}" 2>/dev/null \
      || python3 -m pip install -q --disable-pip-version-check --break-system-packages "${py_missing[@]}"
  fi
fi
