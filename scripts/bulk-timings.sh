#!/usr/bin/env bash
# bulk-timings.sh: times each stage of the bulk path into a new Neo4j.
#
#   scripts/bulk-timings.sh N [DIR]
#
# Writes the import files of N synthetic documents (uncite load --bulk-csv
# --synthetic N) to DIR/csv, imports them with the test server's jars into
# DIR/db, starts a test server on it (NEO4J_PORT, default 7852, 1 GB heap,
# 1.5 GB page cache) and opens it once (the first open builds the
# indexes), then prints the seconds of each stage and stops the server.
# DIR defaults to /tmp/uncite-bulk-N and is emptied first. UNCITE is the
# uncite binary to run (default: uncite on PATH).
set -euo pipefail

if [[ $# -lt 1 ]]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
n=$1
dir=${2:-/tmp/uncite-bulk-$n}
uncite=${UNCITE:-uncite}
port=${NEO4J_PORT:-7852}
root=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$dir"
mkdir -p "$dir/conf" "$dir/db"
touch "$dir/conf/neo4j.conf"

t0=$(date +%s)
"$uncite" load --bulk-csv "$dir/csv" --synthetic "$n" >"$dir/csv.log" 2>&1 || { tail -5 "$dir/csv.log" >&2; exit 1; }
t1=$(date +%s)
read -r -a args < <(grep -o -- '--array-delimiter.*' "$dir/csv.log" | head -1)
NEO4J_HOME="$dir/db" NEO4J_CONF="$dir/conf" java -cp "$root/scripts/neo4j/target/lib/*" \
  org.neo4j.cli.AdminTool database import full neo4j --overwrite-destination "${args[@]}" >"$dir/import.log" 2>&1 || { tail -5 "$dir/import.log" >&2; exit 1; }
t2=$(date +%s)
NEO4J_PORT=$port NEO4J_HEAP=${NEO4J_HEAP:-1g} NEO4J_PAGECACHE=${NEO4J_PAGECACHE:-1500m} NEO4J_DATA_DIR="$dir/db" \
  "$root/scripts/neo4j.sh" start >/dev/null
t3=$(date +%s)
# Exporting a node that does not exist only opens the store.
"$uncite" export --store "bolt://127.0.0.1:$port" --format csv --id Resolution:none -o /dev/null >/dev/null 2>&1 || true
t4=$(date +%s)
NEO4J_PORT=$port "$root/scripts/neo4j.sh" stop >/dev/null
echo "files $((t1 - t0)) s, import $((t2 - t1)) s ($(grep -o 'IMPORT DONE in .*' "$dir/import.log")), start $((t3 - t2)) s, first open $((t4 - t3)) s: $((t4 - t0)) s end to end"
