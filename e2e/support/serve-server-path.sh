#!/usr/bin/env bash
# Playwright's third web server: Flashback's server path. A small seed in its
# own data dir, served by the ClickHouse stand-in (test/stand-in/serve.ts) to a
# production server of the main e2e build (built first by serve.sh) through
# CLICKHOUSE_URL, with the account of e2e/support/server-path.ts. Ports:
# E2E_SERVER_PATH_PORT, _CLICKHOUSE_PORT, _CONTROL_PORT (E2E_PORT + 2, 3, 4).
set -euo pipefail
cd "$(dirname "$0")/../.."

DATA_DIR="${E2E_SERVER_PATH_DATA_DIR:-.data/e2e-server-path}"
export NEXT_DIST_DIR="${E2E_DIST_DIR:-.next-e2e}"

rm -rf "$DATA_DIR"
FLASHBACK_DATA_DIR="$DATA_DIR" npm run --silent seed -- --scale 0.005 --days 1 --end 2026-01-15T12:00:00Z >/dev/null
# Import from the browser is off against a server unless the operator allows it; allowed here so that its errors are searched too.
export FLASHBACK_ALLOW_IMPORT=1
export CLICKHOUSE_USER="$E2E_CLICKHOUSE_USER" CLICKHOUSE_PASSWORD="$E2E_CLICKHOUSE_PASSWORD" STAND_IN_PASSWORD="$E2E_CLICKHOUSE_PASSWORD"
exec node node_modules/tsx/dist/cli.mjs test/stand-in/serve.ts --path "$DATA_DIR" \
  --port "$E2E_SERVER_PATH_CLICKHOUSE_PORT" --control "$E2E_SERVER_PATH_CONTROL_PORT" --user "$CLICKHOUSE_USER" \
  -- node node_modules/next/dist/bin/next start -p "$E2E_SERVER_PATH_PORT"
