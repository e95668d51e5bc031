#!/usr/bin/env bash
# `npm run bench [-- --sizes 1e6,1e7,1e8]`: figures, not assertions. For each
# size: the dataset (seeded into .data/bench-<size> once, then reused), the
# routes' SQL run directly and the Grafana-style queries (in-process), then a
# production build serving the dataset: the routes over HTTP, the UI in
# Chromium, load and many viewers. Writes bench-results/*.json and
# docs/benchmarks.md. Each step is one line of `measure`, so a step is
# added or dropped in one line.
#   BENCH_PORT (3310), BENCH_ITERATIONS (7; 1e8: BENCH_1E8_ITERATIONS, 5),
#   BENCH_GRAFANA_ITERATIONS (half the runs, at least 3; 1e8: 0, i.e. one run),
#   BENCH_IMPORT_MB (1024: the generated OTLP/JSON file the import step loads),
#   BENCH_ONLY (a regular expression: the direct and HTTP steps time only the
#   routes whose id matches, e.g. 'density|30d'; a step alone runs as its
#   script, e.g. `tsx --conditions=react-server scripts/bench/direct.ts 1e8 7`)
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES="1e6,1e7,1e8"
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --sizes=*) SIZES="${1#--sizes=}"; shift ;;
    *) echo "bench: unknown option $1 (use --sizes 1e6,1e7,1e8)" >&2; exit 2 ;;
  esac
done

PORT="${BENCH_PORT:-3310}"
URL="http://127.0.0.1:$PORT"
ITERATIONS="${BENCH_ITERATIONS:-7}"
TSX="node_modules/.bin/tsx"
NEXT="node node_modules/next/dist/bin/next"
export NEXT_DIST_DIR=.next-bench
mkdir -p bench-results
LOG="$PWD/bench-results/query-log.jsonl"
server=""

stop_server() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi
}
trap stop_server EXIT

# serve <data dir> <read cache seconds>: a production server on the dataset, logging its reads.
serve() {
  : > "$LOG"
  FLASHBACK_DATA_DIR="$1" FLASHBACK_READ_CACHE_SECONDS="$2" FLASHBACK_QUERY_LOG="$LOG" \
    $NEXT start -p "$PORT" > bench-results/server.log 2>&1 &
  server=$!
  for _ in $(seq 1 120); do
    curl -sf "$URL/api/health" > /dev/null && return 0
    sleep 0.5
  done
  echo "bench: the server did not come up (bench-results/server.log)" >&2
  exit 1
}

measure() {
  local name="$1"; shift
  local begun=$SECONDS
  echo; echo "== $size: $name"
  "$@"
  echo "   ($name: $((SECONDS - begun)) s)"
}

started=$SECONDS
echo "== build (production, $NEXT_DIST_DIR)"
$NEXT build > bench-results/build.log

for size in ${SIZES//,/ }; do
  size_started=$SECONDS
  export FLASHBACK_DATA_DIR=".data/bench-$size"
  # 1e8: fewer runs (5: a p50 of 3 is one unlucky run away from the max), and each Grafana-style raw query once (they take up to a minute there; over 60 s is recorded as such).
  runs="$ITERATIONS"; grafana_runs="${BENCH_GRAFANA_ITERATIONS:-}"
  if [ "$size" = 1e8 ]; then runs="${BENCH_1E8_ITERATIONS:-5}"; grafana_runs="${BENCH_GRAFANA_ITERATIONS:-0}"; fi
  measure dataset "$TSX" --conditions=react-server scripts/bench/dataset.ts "$size"
  measure "direct SQL and Grafana-style queries" env ${grafana_runs:+BENCH_GRAFANA_ITERATIONS=$grafana_runs} \
    "$TSX" --conditions=react-server scripts/bench/direct.ts "$size" "$runs"
  measure "what changed (/api/changes, 1 h against 1 h and 7 d)" "$TSX" --conditions=react-server scripts/bench/changes.ts "$size" 3
  end=$(node -e "console.log(JSON.parse(require('fs').readFileSync('bench-results/$size.json','utf8')).end)")
  serve "$FLASHBACK_DATA_DIR" 0
  measure "routes over HTTP (read cache off)" "$TSX" scripts/bench/http.ts "$size" --url "$URL" --log "$LOG" --iterations "$runs"
  measure "UI in Chromium" "$TSX" scripts/bench/ui.ts --url "$URL" --path "/?from=$((end - 86400000))&to=$end" --runs 4 --size "$size"
  stop_server
  serve "$FLASHBACK_DATA_DIR" ""
  measure "load and viewers (default read cache)" "$TSX" scripts/bench/load.ts "$size" --url "$URL" --pid "$server" --log "$LOG"
  stop_server
  node -e "const f='bench-results/$size.json', fs=require('fs'); const r=JSON.parse(fs.readFileSync(f,'utf8')); r.seconds=$((SECONDS - size_started)); fs.writeFileSync(f, JSON.stringify(r, null, 2) + '\\n')"
  echo "== $size: $((SECONDS - size_started)) s in all"
done

size=import
rm -rf .data/bench-import
FLASHBACK_DATA_DIR=.data/bench-import measure "a generated ${BENCH_IMPORT_MB:-1024} MB OTLP/JSON file" "$TSX" --conditions=react-server scripts/bench/import.ts --mb "${BENCH_IMPORT_MB:-1024}"
rm -rf .data/bench-import

"$TSX" scripts/bench/report.ts "$SIZES" "$((SECONDS - started))"
