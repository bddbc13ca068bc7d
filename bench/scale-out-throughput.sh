#!/usr/bin/env bash
# Rows per second of a remote partitioned import (import --partitions 4 --remote) with one worker, with
# two workers sharing one token, and with two workers holding a token each, against one
# `serve --latency-ms LATENCY --rate-limit R` (requests/s per token), in one run.
#
# Usage: RINGPOOL_DB_URL=jdbc:postgresql://127.0.0.1:5432/bench bench/scale-out-throughput.sh [ROWS] [R] [LATENCY_MS]
#        (default: 1000 rows, 20 requests/s per token, 20 ms; RabbitMQ on 127.0.0.1:5672, guest/guest,
#        or $RINGPOOL_BROKER)
# Every worker limits itself to 90% of R (import --rate-limit travels with the partitions and applies
# per worker), so one worker per token stays under the API's limit and two on one token exceed it.
# Needs target/ringpool-batch.jar (./mvnw -q -DskipTests package) and a PostgreSQL job database that
# the workers share ($RINGPOOL_DB_URL, $RINGPOOL_DB_USER).
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-1000}
rate=${2:-20}
latency=${3:-20}
client_rate=$(awk "BEGIN { print $rate * 0.9 }")
jar=target/ringpool-batch.jar
network=9998
token1=bench-token-1-$RANDOM$RANDOM
token2=bench-token-2-$RANDOM$RANDOM
broker=${RINGPOOL_BROKER:-amqp://guest:guest@127.0.0.1:5672}
queue=ringpool.bench.$RANDOM$RANDOM
[ -r "$jar" ] || { echo "build the jar first: ./mvnw -q -DskipTests package" >&2; exit 2; }
[ -n "${RINGPOOL_DB_URL:-}" ] || { echo "set RINGPOOL_DB_URL to a PostgreSQL database the workers share" >&2; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
  command -v rabbitmqctl >/dev/null && { rabbitmqctl delete_queue "$queue" >/dev/null 2>&1 || true;
    rabbitmqctl delete_queue "$queue.dead" >/dev/null 2>&1 || true; }
}
trap cleanup EXIT

java -jar "$jar" serve --port 0 --token "$network:$token1" --token "$network:$token2" --latency-ms "$latency" \
  --rate-limit "$rate" >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do grep -q 'listening on' "$work/serve.log" && break; sleep 0.5; done
port=$(sed -n 's#.*listening on http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$work/serve.log")
[ -n "$port" ] || { echo "serve did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }

start_worker() { # NAME TOKEN
  printf '%s' "$2" >"$work/$1.token"
  java -jar "$jar" worker --broker "$broker" --queue "$queue" --token-file "$work/$1.token" >"$work/$1.log" 2>&1 &
  pids+=($!)
  eval "pid_$1=$!"
  for _ in $(seq 1 120); do grep -q 'worker listening' "$work/$1.log" && return; sleep 0.5; done
  echo "worker $1 did not start:" >&2; cat "$work/$1.log" >&2; exit 1
}

run() { # LABEL
  local file="$work/$RANDOM.csv"
  java -jar "$jar" generate --rows "$rows" --invalid-share 0 --id-prefix "s-$RANDOM-" -o "$file" >/dev/null
  printf '%s' "$token1" >"$work/manager.token"
  java -jar "$jar" import "$file" --api-url "http://127.0.0.1:$port" --network-id "$network" \
    --token-file "$work/manager.token" --partitions 4 --remote --broker "$broker" --queue "$queue" \
    --rate-limit "$client_rate" --out "$work/out-$RANDOM" >"$work/import.log" 2>&1 || true
  results+=("$1: $(sed -n 's/^  this execution: //p' "$work/import.log")")
  tail -n 6 "$work/import.log"
}

echo "serve on port $port: --latency-ms $latency, --rate-limit $rate per token; $rows rows per run;" \
  "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
results=()
start_worker one "$token1"
run "1 worker"
start_worker two "$token1"
run "2 workers, one token"
kill "$pid_two"; wait "$pid_two" 2>/dev/null || true
start_worker three "$token2"
run "2 workers, a token each"
echo
printf '%s\n' "${results[@]}"
