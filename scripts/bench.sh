#!/usr/bin/env bash
# `npm run bench`: figures, not assertions. Seeds the default demo dataset into
# its own data dir (timing the seed), times every API route in-process, then
# serves a production build on it and times the UI in Chromium.
#   BENCH_DATA_DIR (.data/bench), BENCH_PORT (3300), BENCH_ITERATIONS (20),
#   BENCH_IMPORT_MB (1024: the generated OTLP/JSON file the import step loads)
set -euo pipefail
cd "$(dirname "$0")/.."

export FLASHBACK_DATA_DIR="${BENCH_DATA_DIR:-.data/bench}"
export NEXT_DIST_DIR=.next-bench
PORT="${BENCH_PORT:-3300}"
TSX="node_modules/.bin/tsx"

echo "== seed (default size) into $FLASHBACK_DATA_DIR"
npm run --silent seed

echo; echo "== API routes, in-process, one request at a time"
"$TSX" --conditions=react-server scripts/bench/api.ts "${BENCH_ITERATIONS:-20}"

echo; echo "== import: a generated ${BENCH_IMPORT_MB:-1024} MB OTLP/JSON file into its own data dir"
rm -rf "$FLASHBACK_DATA_DIR-import"
FLASHBACK_DATA_DIR="$FLASHBACK_DATA_DIR-import" "$TSX" --conditions=react-server scripts/bench/import.ts --mb "${BENCH_IMPORT_MB:-1024}"
rm -rf "$FLASHBACK_DATA_DIR-import"

echo; echo "== UI in Chromium against a production build"
node node_modules/next/dist/bin/next build > /dev/null
node node_modules/next/dist/bin/next start -p "$PORT" > /dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$PORT/api/health" > /dev/null && break
  sleep 1
done
"$TSX" scripts/bench/ui.ts --url "http://127.0.0.1:$PORT"
