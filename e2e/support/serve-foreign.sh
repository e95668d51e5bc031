#!/usr/bin/env bash
# Playwright's second web server: an engine holding only data Flashback did not
# make (no seed), imported with `npm run import` from a CSV generated here
# (foreign-data.ts), served from the same build as the main server (which
# Playwright starts, and builds, first). Overridable: E2E_FOREIGN_PORT,
# E2E_FOREIGN_DATA_DIR, E2E_DIST_DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."

export FLASHBACK_DATA_DIR="${E2E_FOREIGN_DATA_DIR:-.data/e2e-foreign}"
export NEXT_DIST_DIR="${E2E_DIST_DIR:-.next-e2e}"
PORT="${E2E_FOREIGN_PORT:-3101}"

rm -rf "$FLASHBACK_DATA_DIR"
mkdir -p "$FLASHBACK_DATA_DIR"
CSV="$(mktemp --suffix=.csv)"
trap 'rm -f "$CSV"' EXIT
node node_modules/tsx/dist/cli.mjs e2e/support/write-foreign-data.ts "$CSV"
npm run --silent import -- "$CSV"
rm -f "$CSV"
exec node node_modules/next/dist/bin/next start -p "$PORT"
