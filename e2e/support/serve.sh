#!/usr/bin/env bash
# Playwright's web server: seed a dedicated data dir with a small dataset whose
# end is fixed (tests deep-link to known instants), build into a separate dist
# dir, and serve the production build. Overridable so two runs can coexist:
# E2E_PORT, E2E_DATA_DIR, E2E_DIST_DIR; E2E_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/../.."

export FLASHBACK_DATA_DIR="${E2E_DATA_DIR:-.data/e2e}"
export NEXT_DIST_DIR="${E2E_DIST_DIR:-.next-e2e}"
PORT="${E2E_PORT:-3100}"

rm -rf "$FLASHBACK_DATA_DIR"
npm run --silent seed -- --scale 0.02 --days 3 --end 2026-01-15T12:00:00Z

if [ -z "${E2E_SKIP_BUILD:-}" ] || [ ! -d "$NEXT_DIST_DIR" ]; then
  node node_modules/next/dist/bin/next build
fi
exec node node_modules/next/dist/bin/next start -p "$PORT"
