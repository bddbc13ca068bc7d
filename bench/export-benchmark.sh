#!/usr/bin/env bash
# Measures export: rows/s and memory, for a network of N pools, with a small heap (-Xmx64m by default)
# to show that memory does not grow with the number of pools.
#   bench/export-benchmark.sh [ADVERTISERS CAMPAIGNS POOLS_PER_CAMPAIGN [HEAP]]
# Needs target/ringpool-batch.jar and PostgreSQL ($RINGPOOL_DB_URL, default jdbc:postgresql://127.0.0.1:5432/ringpool_perf).
set -euo pipefail
cd "$(dirname "$0")/.."

ADVERTISERS=${1:-4}; CAMPAIGNS=${2:-10}; POOLS=${3:-500}; HEAP=${4:-64m}
DB=${RINGPOOL_DB_URL:-jdbc:postgresql://127.0.0.1:5432/ringpool_perf}
PORT=${PERF_PORT:-18777}
NETWORK=${PERF_NETWORK:-$((9000 + RANDOM % 1000))}
WORK=$(mktemp -d)
export INVOCA_API_TOKEN="perf-token-$NETWORK"
export RINGPOOL_DB_URL=$DB RINGPOOL_DB_USER=${RINGPOOL_DB_USER:-postgres}

java -jar target/ringpool-batch.jar serve --port "$PORT" --token "$NETWORK:$INVOCA_API_TOKEN" >"$WORK/serve.log" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null; wait $SERVE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done

java bench/SeedPools.java "http://127.0.0.1:$PORT" "$NETWORK" "$ADVERTISERS" "$CAMPAIGNS" "$POOLS" 16

/usr/bin/time -f '%M' -o "$WORK/rss" \
  java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc.log" -jar target/ringpool-batch.jar export \
    --api-url "http://127.0.0.1:$PORT" --network-id "$NETWORK" --all -o "$WORK/pools.csv" --progress 5

ROWS=$(($(wc -l <"$WORK/pools.csv")))
PEAK_AFTER_GC=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -1)
echo "file: $(du -h "$WORK/pools.csv" | cut -f1), $ROWS lines (with the header and embedded line breaks)"
echo "heap: -Xmx$HEAP, largest heap after a GC: ${PEAK_AFTER_GC:-?} MB, GCs: $(grep -c 'Pause' "$WORK/gc.log")"
echo "peak RSS of the export JVM: $(( $(cat "$WORK/rss") / 1024 )) MB"
rm -rf "$WORK"
