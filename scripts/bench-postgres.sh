#!/usr/bin/env bash
# Ingest throughput on SQLite vs PostgreSQL, and queue-worker scaling (docs/benchmarks.md).
#   scripts/bench-postgres.sh INPUT_DIR POSTGRES_ADMIN_URL [PGDATA]
# POSTGRES_ADMIN_URL: a server where this user may CREATE DATABASE (e.g. postgres://postgres@127.0.0.1:5432/postgres).
# PGDATA (optional): the server's data folder, to add the server's own CPU seconds (read from /proc) to each row.
# Each run ingests INPUT_DIR into a fresh database; CPU seconds are user+sys of the dateline processes.
set -euo pipefail
input=$1 admin=$2 pgdata=${3:-}
cd "$(dirname "$0")/.."
TIMEFORMAT='%R %U %S'
server_cpu() { # postmaster + reaped backends, in seconds
  [ -n "$pgdata" ] || { echo 0; return; }
  local pid; pid=$(head -1 "$pgdata/postmaster.pid")
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15 + $16 + $17) / hz }' "/proc/$pid/stat"
}
fresh() { local name="bench_$1_$$"; node --input-type=module -e "
  const pg = (await import('pg')).default; const c = new pg.Client('$admin'); await c.connect();
  await c.query('DROP DATABASE IF EXISTS $name'); await c.query('CREATE DATABASE $name'); await c.end();"
  echo "${admin%/*}/$name"; }
words=$(cat "$input"/* | wc -w)
row() { # what wall user sys server
  awk -v what="$1" -v w="$words" -v r="$2" -v u="$3" -v s="$4" -v pg="$5" 'BEGIN {
    printf "| %s | %d | %.1f | %.1f | %.1f | %.0f | %.0f |\n", what, w, r, u + s, pg, w / (u + s), w / r }'
}
echo "| run | words | wall s | dateline CPU s | server CPU s | words/CPU-s (dateline) | words/wall-s |"
echo "|---|---|---|---|---|---|---|"
db=$(mktemp -d)/bench.db
t=$( { time node bin/dateline.js ingest --db "$db" "$input" >/dev/null 2>&1; } 2>&1 )
row "SQLite, dateline ingest" $t 0
url=$(fresh single); before=$(server_cpu)
t=$( { time node bin/dateline.js ingest --db "$url" "$input" >/dev/null 2>&1; } 2>&1 )
row "PostgreSQL, dateline ingest" $t "$(echo "$(server_cpu) - $before" | bc)"
for n in ${WORKERS:-1 2 4}; do
  url=$(fresh "w$n")
  node bin/dateline.js ingest --queue --db "$url" "$input" >/dev/null 2>&1
  before=$(server_cpu)
  t=$( { time ( for i in $(seq "$n"); do node bin/dateline.js worker --until-empty --db "$url" >/dev/null 2>&1 & done; wait ); } 2>&1 )
  row "PostgreSQL, $n queue worker(s)" $t "$(echo "$(server_cpu) - $before" | bc)"
done
