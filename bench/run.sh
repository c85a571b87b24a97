#!/usr/bin/env bash
# The measurement benchmark: dxmon against DuckDB (1 and 2 threads), SQLite and PostgreSQL on the
# same generated dossier records and the same indicator query (bench/query.sql; DuckDB runs it in its
# fastest form, bench/query_duckdb.sql, and every engine's result is checked against the others), with
# `cat` as the floor. Writes bench/RESULTS.md. Usage:
#   bench/run.sh [RECORDS]   (default 10000000; RUNS=3 for the number of timed runs per engine)
# Environment: DXMON (binary, default build-bench/dxmon, built here), DXMON_INIT ("init --builtin":
# the command that loads the built-in units into a store), SKIP_PG=1 to leave PostgreSQL out.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench="$root/bench"
records=${1:-10000000}
runs=${RUNS:-3}
peer_runs=${PEER_RUNS:-$runs}  # SQLite and PostgreSQL take minutes per run at 10M: PEER_RUNS=1 to save time
work=${BENCH_WORK:-$(mktemp -d /tmp/dxmon-bench.XXXXXX)}
mkdir -p "$work"
# What the benchmark needs beyond the build: the peers (sqlite3 and PostgreSQL come with setup.sh;
# DuckDB from npm, below), GNU time for peak memory, bc, python3 for the results page, Node.js.
bench_packages=(time bc python3)
command -v node >/dev/null 2>&1 || bench_packages+=(nodejs npm)
bash "$root/scripts/setup.sh" "${bench_packages[@]}"
if [ -z "${DXMON:-}" ]; then
  # Only the dxmon binary, optimised: the tests are not needed here.
  cmake -S "$root" -B "$root/build-bench" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$root/build-bench" --target dxmon -j"$(nproc)"
  DXMON="$root/build-bench/dxmon"
fi
init_cmd=${DXMON_INIT:-"init --builtin"}
(cd "$bench" && [ -d node_modules/@duckdb/node-api ] || npm ci --no-audit --no-fund >/dev/null)

echo "== generating $records records in $work"
"$DXMON" --db "sqlite:$work/units.db" $init_cmd >/dev/null
csv="$work/records.csv"
ndjson="$work/records.ndjson"
[ -s "$csv" ] || "$DXMON" --db "sqlite:$work/units.db" generate -n "$records" --seed 2024 -o "$csv"
[ -s "$ndjson" ] || "$DXMON" --db "sqlite:$work/units.db" generate -n "$records" --seed 2024 --format ndjson -o "$ndjson"

results="$work/results.tsv"
: > "$results"
# A reused BENCH_WORK keeps the generated files, never an earlier run's measurements.
: > "$work/dxmon_timings.txt"
# The load on the machine, before and after: other work on the 2 cores makes every time meaningless.
echo "start: $(uptime)" > "$work/load.txt"
# measure NAME FILE OUTPUT_CSV -- COMMAND…: runs it $runs times; records seconds and peak RSS (KiB).
measure() {
  local name=$1 file=$2 out=$3
  shift 4
  local times=() rss=0
  for i in $(seq "$runs"); do
    [ -n "${BEFORE_EACH:-}" ] && eval "$BEFORE_EACH"
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/stdout.txt" 2>"$work/stderr.txt" || {
      echo "$name failed:"; cat "$work/stderr.txt"; return 1; }
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
    local r
    r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    [ "$r" -gt "$rss" ] && rss=$r
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$file" "$median" "$rss" "$out" "${times[*]}" >> "$results"
  echo "$name: median ${median}s (runs: ${times[*]}), peak RSS ${rss} KiB"
}

for fmt in csv ndjson; do
  f="$work/records.$fmt"
  measure "cat > /dev/null ($fmt)" "$f" "" -- sh -c "cat '$f' > /dev/null"
  BEFORE_EACH="rm -rf '$work/dx.db' '$work/dx.db.records'; cp '$work/units.db' '$work/dx.db'" \
    measure "dxmon ingest ($fmt)" "$f" "$work/dxmon_$fmt.out" -- \
    "$DXMON" --db "sqlite:$work/dx.db" ingest "$f" --counts "$work/dxmon_$fmt.out" --timings
  grep timings_ms "$work/stderr.txt" | sed "s/^/  dxmon $fmt: /" | tee -a "$work/dxmon_timings.txt"
  for t in 1 2; do
    measure "DuckDB $t thread(s) ($fmt)" "$f" "$work/duckdb_${t}_$fmt.out" -- \
      node "$bench/duckdb_query.mjs" "$f" "$fmt" "$t" "$work/duckdb_${t}_$fmt.out"
  done
done

# Incremental: 100,000 new records into the store that holds the CSV file's records. Before each
# run the store and the log are put back as the big ingest left them (the snapshot is not rewritten
# by a small ingest), so every run does the same work.
"$DXMON" --db "sqlite:$work/units.db" generate -n 100000 --seed 777 --year 2025 -o "$work/increment.csv"
rm -rf "$work/inc.db" "$work/inc.db.records"; cp "$work/units.db" "$work/inc.db"
"$DXMON" --db "sqlite:$work/inc.db" ingest "$csv" >/dev/null
cp "$work/inc.db" "$work/inc.db.before"
cp "$work/inc.db.records/published" "$work/inc.published.before"
BEFORE_EACH="rm -f '$work/inc.db.records'/00000002.seg '$work/inc.db-wal' '$work/inc.db-shm'; cp '$work/inc.db.before' '$work/inc.db'; cp '$work/inc.published.before' '$work/inc.db.records/published'"
measure "dxmon incremental +100k" "$work/increment.csv" "" -- \
  "$DXMON" --db "sqlite:$work/inc.db" ingest "$work/increment.csv" --timings
grep timings_ms "$work/stderr.txt" | sed "s/^/  incremental: /" | tee -a "$work/dxmon_timings.txt"
unset BEFORE_EACH

# SQLite: .import + the query.
sqlite_run() {  # FILE OUT
  rm -f "$work/peer.sqlite"
  sqlite3 "$work/peer.sqlite" <<SQL >/dev/null
.mode csv
.import '$1' records
.headers on
.output '$2'
$(cat "$bench/query.sql" | sed '/^--/d');
SQL
}
export -f sqlite_run 2>/dev/null || true
runs=$peer_runs measure "SQLite .import + query (csv)" "$csv" "$work/sqlite_csv.out" -- bash -c "$(declare -f sqlite_run); work='$work'; bench='$bench'; sqlite_run '$csv' '$work/sqlite_csv.out'"

# PostgreSQL: COPY + the query, on a throwaway cluster.
if [ -z "${SKIP_PG:-}" ]; then
  cat > "$work/pg.sh" <<PG
#!/usr/bin/env bash
set -euo pipefail
psql -q "\$DXMON_TEST_POSTGRES" -c "DROP TABLE IF EXISTS records" -c "CREATE UNLOGGED TABLE records (dossier_id text, agency text, procedure text, service_level text, channel text, status text, received_at text, due_at text, completed_at text, updated_at text, fee text, paid_online text, dossier_digitised text, result_digitised text, satisfaction text)"
psql -q "\$DXMON_TEST_POSTGRES" -c "\\\\copy records FROM '$csv' WITH (FORMAT csv, HEADER true)"
psql -q -A -F, "\$DXMON_TEST_POSTGRES" -c "SET max_parallel_workers_per_gather = 2" -c "\$(sed '/^--/d' '$bench/query.sql')" | sed '\$d' > "$work/pg_csv.out"
PG
  chmod +x "$work/pg.sh"
  bash "$root/scripts/with-postgres.sh" bash -c "$(declare -f measure); work='$work'; runs=$peer_runs; results='$results'; measure 'PostgreSQL COPY + query (csv)' '$csv' '$work/pg_csv.out' -- '$work/pg.sh'" || echo "PostgreSQL run failed"
fi

# Same numbers everywhere?
check="$work/check.txt"
: > "$check"
for out in "$work"/*.out; do
  norm="$out.norm"
  tail -n +2 "$out" | tr -d '"' | sort > "$norm"
done
ref="$work/duckdb_2_csv.out.norm"
for norm in "$work"/*.out.norm; do
  if cmp -s "$norm" "$ref"; then echo "$(basename "$norm" .out.norm): identical to DuckDB" >> "$check";
  else echo "$(basename "$norm" .out.norm): DIFFERENT from DuckDB" >> "$check"; fi
done
cat "$check"

echo "end: $(uptime)" >> "$work/load.txt"
python3 "$bench/write_results.py" "$work" "$records" > "$bench/RESULTS.md"
echo "wrote $bench/RESULTS.md"
