#!/usr/bin/env bash
# Rows per second of an import against `serve --latency-ms`, at --concurrency 1 and at the default
# (16), in one run with the same server and database. Both files hold new pools, so both runs create.
#
# Usage: bench/import-throughput.sh [ROWS] [LATENCY_MS]     (default: 20000 rows, 20 ms)
# Needs target/ringpool-batch.jar (./mvnw -q -DskipTests package). The job database is
# $RINGPOOL_DB_URL when set (PostgreSQL), else an embedded H2 database in a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-20000}
latency=${2:-20}
jar=target/ringpool-batch.jar
network=9999
token=bench-token-$RANDOM$RANDOM
[ -r "$jar" ] || { echo "build the jar first: ./mvnw -q -DskipTests package" >&2; exit 2; }

work=$(mktemp -d)
serve_pid=
cleanup() { [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
db=()
if [ -z "${RINGPOOL_DB_URL:-}" ]; then
  db=(--db "jdbc:h2:file:$work/db/ringpool;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE")
fi

java -jar "$jar" serve --port 0 --token "$network:$token" --latency-ms "$latency" "${db[@]}" >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 120); do grep -q 'listening on' "$work/serve.log" && break; sleep 0.5; done
port=$(sed -n 's#.*listening on http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$work/serve.log")
[ -n "$port" ] || { echo "serve did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }

echo "serve on port $port with --latency-ms $latency; $rows rows per run; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
results=()
for concurrency in 1 16; do
  java -jar "$jar" generate --rows "$rows" --invalid-share 0 --id-prefix "c$concurrency-$RANDOM-" -o "$work/c$concurrency.csv" >/dev/null
  INVOCA_API_TOKEN=$token java -jar "$jar" import "$work/c$concurrency.csv" --api-url "http://127.0.0.1:$port" \
    --network-id "$network" --concurrency "$concurrency" --out "$work/out-$concurrency" "${db[@]}" | tee "$work/import-$concurrency.log"
  results+=("--concurrency $concurrency: $(sed -n 's/^  this execution: //p' "$work/import-$concurrency.log")")
done
echo
printf '%s\n' "${results[@]}"
