#!/usr/bin/env bash
# The throughput benchmark of issue 6: one serve on PostgreSQL, one machine, one run, every figure
# measured side by side so that ratios survive a noisy shared machine.
#
# Usage: bench/run.sh [ROWS] [LATENCIES]        default: 20000 rows, latencies "20 0" (ms)
#        bench/run.sh memory [ROWS]             the memory run: ROWS (default 1000000) imported and
#                                               exported with -Xmx256m at latency 0
#        bench/run.sh only-changed [ROWS_LIST]  --only-changed against a full re-import at latency 20 for
#                                               each file size of ROWS_LIST (default "20000 80000"): how the
#                                               speed-up grows with the file
# Environment: BENCH_DB (default jdbc:postgresql://127.0.0.1:5432/ringpool_bench, created when
# missing, its public schema emptied at the start), BENCH_CONCURRENCIES (the sweep, default "32 64"),
# BENCH_WARMUP (requests sent to a fresh serve before anything is timed, default 40000), BENCH_PAIRS (how many
# times the ceiling and the import at the defaults run, one after the other, default 3; the table shows the
# pair with the median ratio, and every pair's ratio is printed).
# The client commands run through bin/ringpool, so with its JVM settings; the bare client gets the same
# settings ($client_opts), and one extra row shows the import under the JVM's own defaults (java -jar).
# Last, the --only-changed run and the re-import run again through `ringpool daemon` (a JVM kept running).
# Needs: target/ringpool-batch.jar and target/test-classes (./mvnw -q -DskipTests package), psql,
# curl, GNU time. Prints one table per latency and writes bench/last-run.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=throughput
if [ "${1:-}" = memory ] || [ "${1:-}" = only-changed ]; then mode=$1; shift; fi
rows=${1:-20000}
latencies=${2:-"20 0"}
[ $mode = memory ] && { rows=${1:-1000000}; latencies=0; }
[ $mode = only-changed ] && { rows=${1:-"20000 80000"}; latencies=20; }
sweep=${BENCH_CONCURRENCIES:-"32 64"}
db=${BENCH_DB:-jdbc:postgresql://127.0.0.1:5432/ringpool_bench}
db_name=${db##*/}
jar=target/ringpool-batch.jar
network=4242
token=bench-$RANDOM$RANDOM$RANDOM
baseline_rows=2000
warmup=${BENCH_WARMUP:-40000}
pairs=${BENCH_PAIRS:-3}
client_opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dio.netty.jfr.enabled=false"   # what bin/ringpool gives client commands
grep -qv '\[never\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null \
  && client_opts="$client_opts -XX:+UseTransparentHugePages"   # and huge pages, where the kernel has them
default_concurrency=$(java -jar "$jar" import --help | sed -n 's/.*--concurrency.*default: \([0-9]*\).*/\1/p' | head -1)
default_concurrency=${default_concurrency:-16}
# the export reads campaigns, not rows, at a concurrency of its own; the bare reader matches it
export_concurrency=$(java -jar "$jar" export --help | sed -n 's/.*--concurrency.*default: \([0-9]*\).*/\1/p' | head -1)
export_concurrency=${export_concurrency:-4}

[ -r "$jar" ] && [ -d target/test-classes ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
if [ ! -r target/bench.classpath ]; then
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
fi
classpath="target/classes:target/test-classes:$(cat target/bench.classpath)"
bin/ringpool --version > /dev/null   # bin/ringpool extracts the jar and records its CDS archive once, untimed

psql_db() { psql -h 127.0.0.1 -U postgres -d "$db_name" -qtA "$@"; }
psql -h 127.0.0.1 -U postgres -d postgres -qtA -c "SELECT 1 FROM pg_database WHERE datname = '$db_name'" | grep -q 1 \
  || createdb -h 127.0.0.1 -U postgres "$db_name"
psql_db -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"

work=$(mktemp -d)
serve_pid=
cleanup() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true
  [ -n "${daemon_pid:-}" ] && kill "$daemon_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export INVOCA_API_TOKEN=$token
report=bench/last-run.txt
: > "$report"
say() { echo "$*" | tee -a "$report"; }

# measure NAME ROWS CMD...: wall seconds, CPU seconds and peak RSS of CMD, with GNU time
declare -A wall cpu rss count
measure() {
  local name=$1 n=$2; shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$work/time-$name" "$@" > "$work/$name.log" 2>&1 || {
    local code=$?
    if [ $code -ne 0 ] && [ $code -ne 3 ]; then echo "$name failed ($code):" >&2; tail -20 "$work/$name.log" >&2; exit 1; fi
  }
  read -r w u s m < <(tail -1 "$work/time-$name")
  wall[$name]=$w; cpu[$name]=$(echo "$u + $s" | bc -l); rss[$name]=$m; count[$name]=$n
}
rate() { echo "scale=1; ${count[$1]} / ${wall[$1]}" | bc -l; }
cpu_per_k() { echo "scale=2; ${cpu[$1]} * 1000 / ${count[$1]}" | bc -l; }
row() { printf '%-34s %8s %9s %10s %9s %12s\n' "$1" "${count[$2]}" "${wall[$2]}" "$(rate "$2")" "$(cpu_per_k "$2")" "$((${rss[$2]} / 1024)) MiB"; }
ratio() { echo "scale=2; $(rate "$1") / $(rate "$2")" | bc -l; }

start_serve() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null || true
  java -jar "$jar" serve --port 0 --token "$network:$token" --latency-ms "$1" --allocation-delay 30d --db "$db" --db-user postgres \
    > "$work/serve.log" 2>&1 &
  serve_pid=$!
  for _ in $(seq 1 600); do
    grep -q 'listening on' "$work/serve.log" && break
    kill -0 "$serve_pid" 2>/dev/null || break
    sleep 0.5
  done
  port=$(sed -n 's#.*listening on http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$work/serve.log")
  [ -n "$port" ] || { echo "serve did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }
  api=http://127.0.0.1:$port
}
# every file gets advertisers of its own ("main-adv-3"), so that the campaigns of one run hold that run's
# pools only: --only-changed reads the file's campaigns, and they should hold the file, not every run's leftovers
generate() {
  java -jar "$jar" generate --rows "$2" --invalid-share 0 --id-prefix "$1-" -o "$work/$1.csv" > /dev/null
  sed -i -E "2,\$ s/^adv-/$1-adv-/" "$work/$1.csv"
}
import() { local name=$1 file=$2 n=$3; shift 3
  measure "$name" "$n" env RINGPOOL_DAEMON=0 RINGPOOL_JAVA_OPTS="$client_opts ${JAVA_HEAP:-}" bin/ringpool import "$work/$file.csv" \
    --api-url "$api" --network-id "$network" --db "$db" --db-user postgres --out "$work/out-$name" "$@"; }

# `ringpool daemon` for this directory, with the JVM's defaults as bin/ringpool gives it; commands started by
# bin/ringpool here are then handed to it, except those run with RINGPOOL_DAEMON=0 (import above)
daemon_pid=
start_daemon() {
  bin/ringpool daemon --idle-minutes 30 > "$work/daemon.log" 2>&1 &
  daemon_pid=$!
  for _ in $(seq 1 100); do grep -q 'running' "$work/daemon.log" && return; sleep 0.2; done
  echo "the daemon did not start:" >&2; cat "$work/daemon.log" >&2; exit 1
}
stop_daemon() { [ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null || true; daemon_pid=; }
daemon_ticks() { awk '{print $14 + $15}' "/proc/$daemon_pid/stat"; }
# through the daemon: the client's wall time; CPU the client's and the daemon's together; RSS the daemon's peak
import_via_daemon() { local name=$1 file=$2 n=$3; shift 3
  local before ran; before=$(daemon_ticks); ran=$(grep -c 'import: exit' "$work/daemon.log" || true)
  measure "$name" "$n" bin/ringpool import "$work/$file.csv" --api-url "$api" --network-id "$network" --db "$db" \
    --db-user postgres --out "$work/out-$name" "$@"
  [ "$(grep -c 'import: exit' "$work/daemon.log")" -gt "$ran" ] \
    || { echo "$name did not run in the daemon:" >&2; cat "$work/daemon.log" >&2; exit 1; }
  cpu[$name]=$(echo "${cpu[$name]} + ($(daemon_ticks) - $before) / $(getconf CLK_TCK)" | bc -l)
  rss[$name]=$(awk '/VmHWM/ {print $2}' "/proc/$daemon_pid/status")
}
# the daemon's --only-changed: two runs untimed (its compiler warms up on them), then the median of three
only_changed_via_daemon() { local name=$1 file=$2 n=$3 runs=()
  for i in 1 2; do import_via_daemon "$name-warmup$i" "$file" "$n" --only-changed; done
  for i in 1 2 3; do import_via_daemon "$name$i" "$file" "$n" --only-changed; runs+=("${wall[$name$i]} $i"); done
  local middle; middle=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p | cut -d' ' -f2)
  wall[$name]=${wall[$name$middle]}; cpu[$name]=${cpu[$name$middle]}; rss[$name]=${rss[$name$middle]}
  count[$name]=${count[$name$middle]}
}

say "ringpool-batch benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
say "rows per run: $rows; sequential baselines: $baseline_rows rows; default --concurrency $default_concurrency (import), $export_concurrency (export)"

if [ $mode = memory ]; then
  start_serve 0
  generate mem "$rows"
  JAVA_HEAP=-Xmx256m import import-1m mem "$rows"
  measure export-1m "$rows" env RINGPOOL_JAVA_OPTS="$client_opts -Xmx256m" bin/ringpool export --all -o "$work/export.csv" --api-url "$api" \
    --network-id "$network" --db "$db" --db-user postgres
  say ""
  printf '%-34s %8s %9s %10s %9s %12s\n' run rows seconds rows/s "cpu s/1k" "peak RSS" | tee -a "$report"
  row "import, -Xmx256m" import-1m | tee -a "$report"
  row "export, -Xmx256m" export-1m | tee -a "$report"
  say "exported rows: $(($(wc -l < "$work/export.csv") - 1))"
  exit 0
fi

if [ $mode = only-changed ]; then
  start_serve 20
  generate warm "$warmup"
  java $client_opts -cp "$classpath" net.ringpool.bench.BareClient put "$api" "$network" "$token" "$work/warm.csv" \
    "$default_concurrency" > /dev/null
  say ""
  printf '%-8s %14s %16s %12s %16s %9s %8s\n' rows "import (s)" "only-changed (s)" "its RSS" "re-import (s)" speed-up writes \
    | tee -a "$report"
  for n in $rows; do
    generate "oc$n" "$n"
    import "first$n" "oc$n" "$n"
    since=$(psql_db -c "SELECT now()")
    import "only-changed$n" "oc$n" "$n" --only-changed
    writes=$(psql_db -c "SELECT count(*) FROM api_ring_pool WHERE updated_at > '$since'")
    import "reimport$n" "oc$n" "$n"
    printf '%-8s %14s %16s %12s %16s %9s %8s\n' "$n" "${wall[first$n]}" "${wall[only-changed$n]}" \
      "$((${rss[only-changed$n]} / 1024)) MiB" "${wall[reimport$n]}" \
      "$(echo "scale=1; ${wall[reimport$n]} / ${wall[only-changed$n]}" | bc -l)x" "$writes" | tee -a "$report"
  done
  say ""
  say "the same through \`ringpool daemon\` (only-changed: the median of 3 after 2 untimed; RSS: the daemon's peak)"
  start_daemon
  for n in $rows; do
    since=$(psql_db -c "SELECT now()")
    only_changed_via_daemon "d-only-changed$n" "oc$n" "$n"
    writes=$(psql_db -c "SELECT count(*) FROM api_ring_pool WHERE updated_at > '$since'")
    import_via_daemon "d-reimport$n" "oc$n" "$n"
    printf '%-8s %14s %16s %12s %16s %9s %8s\n' "$n" - "${wall[d-only-changed$n]}" \
      "$((${rss[d-only-changed$n]} / 1024)) MiB" "${wall[d-reimport$n]}" \
      "$(echo "scale=1; ${wall[d-reimport$n]} / ${wall[d-only-changed$n]}" | bc -l)x" "$writes" | tee -a "$report"
  done
  stop_daemon
  exit 0
fi

for latency in $latencies; do
  psql_db -c "SET client_min_messages = warning; TRUNCATE api_ring_pool CASCADE" 2>/dev/null || true
  start_serve "$latency"
  say ""
  say "== serve --latency-ms $latency on PostgreSQL"
  for p in $(seq 1 "$pairs"); do generate "ceil$p" "$rows"; generate "main$p" "$rows"; done
  generate base "$baseline_rows"; generate curl "$baseline_rows"
  generate jvmdefaults "$rows"; generate warm "$warmup"
  # a fresh serve compiles its hot paths (C2) during its first tens of thousands of requests: warm it up
  # untimed, so that whichever run comes first is not slowed down by it. After 5,000 requests its C2
  # compiler still took a quarter of its CPU, and 20,000 rows cost it 78, 46, 25 and 23 CPU seconds in turn
  java $client_opts -cp "$classpath" net.ringpool.bench.BareClient put "$api" "$network" "$token" "$work/warm.csv" \
    "$default_concurrency" > /dev/null
  psql_db -c "DELETE FROM api_ring_pool WHERE id_from_network LIKE 'warm-%'"

  # the ceiling and the defaults, the issue's first ratio, in pairs one right after the other: on a shared machine
  # one pair can land in a slow minute (0.68 in one run; 0.80-0.83 in the three pairs of the next, same code). Every
  # other pair runs the import first, since each run leaves serve's table 20,000 pools larger for the next
  pair_ratios=()
  for p in $(seq 1 "$pairs"); do
    [ $((p % 2)) = 0 ] && import "import-default$p" "main$p" "$rows"
    measure "ceiling$p" "$rows" java $client_opts -cp "$classpath" net.ringpool.bench.BareClient put "$api" "$network" \
      "$token" "$work/ceil$p.csv" "$default_concurrency"
    [ $((p % 2)) = 1 ] && import "import-default$p" "main$p" "$rows"
    pair_ratios+=("$(ratio "import-default$p" "ceiling$p") $p")
  done
  median=$(printf '%s\n' "${pair_ratios[@]}" | sort -n | sed -n "$(( (pairs + 1) / 2 ))p" | cut -d' ' -f2)
  for name in ceiling import-default; do
    wall[$name]=${wall[$name$median]}; cpu[$name]=${cpu[$name$median]}; rss[$name]=${rss[$name$median]}
    count[$name]=${count[$name$median]}
  done
  import import-c1 base "$baseline_rows" --concurrency 1
  java $client_opts -cp "$classpath" net.ringpool.bench.BareClient emit "$api" "$network" "$token" "$work/curl.csv" 1 \
    "$baseline_rows" "$work/curl.requests"
  measure curl-loop "$baseline_rows" bash -c 'while IFS=$'"'"'\t'"'"' read -r url body; do
      curl -s -o /dev/null -X PUT -H "Authorization: $INVOCA_API_TOKEN" -H "Content-Type: application/json" \
        --data "$body" "$url"; done < "$1"' _ "$work/curl.requests"
  measure import-jvm-defaults "$rows" java -jar "$jar" import "$work/jvmdefaults.csv" --api-url "$api" \
    --network-id "$network" --db "$db" --db-user postgres --out "$work/out-jvm-defaults"
  best=import-default
  for c in $sweep; do
    generate "sweep$c" "$rows"
    import "import-c$c" "sweep$c" "$rows" --concurrency "$c"
    if [ "$(echo "$(rate "import-c$c") > $(rate "$best")" | bc -l)" = 1 ]; then best=import-c$c; fi
  done
  since=$(psql_db -c "SELECT now()")
  import only-changed main1 "$rows" --only-changed
  writes=$(psql_db -c "SELECT count(*) FROM api_ring_pool WHERE updated_at > '$since'")
  import reimport main1 "$rows"
  pools=$(psql_db -c "SELECT count(*) FROM api_ring_pool WHERE network_id = '$network'")
  measure export "$pools" bin/ringpool export --all -o "$work/export.csv" --api-url "$api" --network-id "$network" \
    --db "$db" --db-user postgres
  # the bare client reads the campaigns of every file written to this serve, which are all the export reads
  files="warm base curl jvmdefaults"; for c in $sweep; do files="$files sweep$c"; done
  for p in $(seq 1 "$pairs"); do files="$files ceil$p main$p"; done
  { head -1 "$work/main1.csv"; for f in $files; do tail -n +2 "$work/$f.csv"; done; } > "$work/all.csv"
  measure bare-list "$pools" java $client_opts -cp "$classpath" net.ringpool.bench.BareClient list "$api" "$network" "$token" \
    "$work/all.csv" "$export_concurrency"
  # the same --only-changed and re-import through a daemon, after everything above ran without one
  start_daemon
  since=$(psql_db -c "SELECT now()")
  only_changed_via_daemon d-only-changed main1 "$rows"
  daemon_writes=$(psql_db -c "SELECT count(*) FROM api_ring_pool WHERE updated_at > '$since'")
  import_via_daemon d-reimport main1 "$rows"
  stop_daemon

  printf '%-34s %8s %9s %10s %9s %12s\n' run rows seconds rows/s "cpu s/1k" "peak RSS" | tee -a "$report"
  row "ceiling: bare client, c=$default_concurrency (*)" ceiling | tee -a "$report"
  row "baseline: import, concurrency 1" import-c1 | tee -a "$report"
  row "baseline: sequential curl loop" curl-loop | tee -a "$report"
  row "import, defaults (*)" import-default | tee -a "$report"
  row "import, defaults, java -jar" import-jvm-defaults | tee -a "$report"
  for c in $sweep; do row "import, concurrency $c" "import-c$c" | tee -a "$report"; done
  row "import --only-changed (unchanged)" only-changed | tee -a "$report"
  row "full re-import (all UPDATED)" reimport | tee -a "$report"
  row "daemon: import --only-changed (+)" d-only-changed | tee -a "$report"
  row "daemon: full re-import" d-reimport | tee -a "$report"
  row "export --all ($pools pools)" export | tee -a "$report"
  row "bare client reading them, c=$export_concurrency" bare-list | tee -a "$report"
  say "(*) pair $median of $pairs, the median ratio; every pair's import defaults / ceiling:"
  for p in $(seq 1 "$pairs"); do
    say "    pair $p: $(ratio "import-default$p" "ceiling$p") (${wall[import-default$p]} s vs ${wall[ceiling$p]} s)"
  done
  say "import defaults / ceiling:          $(ratio import-default ceiling)"
  say "best import ($best) / ceiling: $(ratio "$best" ceiling)"
  say "import defaults / import c=1:       $(ratio import-default import-c1)"
  say "import defaults / curl loop:        $(ratio import-default curl-loop)"
  say "(+) through \`ringpool daemon\`: the median of 3 runs after 2 untimed; CPU the client's and the daemon's, RSS the daemon's"
  say "only-changed speed-up over re-import: $(echo "scale=1; ${wall[reimport]} / ${wall[only-changed]}" | bc -l)x; pools written during it: $writes"
  say "  through the daemon:                 $(echo "scale=1; ${wall[d-reimport]} / ${wall[d-only-changed]}" | bc -l)x; pools written during it: $daemon_writes"
  say "export / bare client reading:       $(echo "scale=2; ${wall[bare-list]} / ${wall[export]}" | bc -l); pools exported: $(($(wc -l < "$work/export.csv") - 1)) of $pools"
done
