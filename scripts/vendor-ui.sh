#!/usr/bin/env bash
# Copies the front end's one runtime library, pdf.js (pdfjs-dist, pinned in package-lock.json and
# installed by `npm ci`), from node_modules into ui/vendor/pdfjs/, which is git-ignored: the
# window serves it from the app's own files (no network at run time), and it is never copied
# into the repository. Run by scripts/install-deps.sh before every build.
set -euo pipefail
cd "$(dirname "$0")/.."
src=node_modules/pdfjs-dist
dst=ui/vendor/pdfjs
if [ ! -f "$src/build/pdf.mjs" ]; then
  echo "pdfjs-dist est absent de node_modules : lancez « npm ci » d'abord." >&2
  exit 1
fi
rm -rf "$dst"
mkdir -p "$dst"
cp "$src/build/pdf.mjs" "$src/build/pdf.worker.mjs" "$dst/"
cp -r "$src/cmaps" "$src/standard_fonts" "$src/wasm" "$src/iccs" "$dst/"
cp "$src/package.json" "$dst/package.json"
