#!/usr/bin/env bash
# cpu-per-request.sh: the CPU time each process spends per request while
# one GraphQL query is sent over and over.
#
#   scripts/cpu-per-request.sh URL QUERY NAME=PID...
#
# Sends QUERY to URL with autocannon (CONNECTIONS connections, default 8,
# for DURATION seconds, default 5), reads utime + stime of /proc/PID/stat
# of each named process before and after, and prints the requests per
# second, the median latency and each process's CPU milliseconds per
# request. autocannon is taken from AUTOCANNON_DIR (default: the
# node_modules of the side-by-side harness, as README "Performance" sets
# it up in /tmp/peer). Example, uncite and its Neo4j:
#
#   scripts/cpu-per-request.sh http://127.0.0.1:18110/graphql '{ state(code: "FSM") { code } }' \
#     neo4j=$(pgrep -f 'Server .* 7697 ') uncite=$(pgrep -f 'serve --addr 127.0.0.1:18110')
set -euo pipefail

if [[ $# -lt 3 ]]; then
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
url=$1 query=$2
shift 2
dir=${AUTOCANNON_DIR:-/tmp/peer}
[[ -d "$dir/node_modules/autocannon" ]] || { echo "cpu-per-request.sh: no autocannon in $dir/node_modules (set AUTOCANNON_DIR)" >&2; exit 1; }

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
declare -A before
for p in "$@"; do
  pid=${p#*=}
  [[ -r /proc/$pid/stat ]] || { echo "cpu-per-request.sh: no process $pid ($p)" >&2; exit 1; }
  before[$p]=$(ticks "$pid")
done
read -r total rps p50 < <(cd "$dir" && node -e '
const autocannon = require("autocannon");
autocannon({url: process.argv[1], method: "POST", connections: +process.argv[3], duration: +process.argv[4],
  headers: {"content-type": "application/json"}, body: JSON.stringify({query: process.argv[2]})},
  (err, r) => { if (err) throw err; console.log(r.requests.total, r.requests.average, r.latency.p50); });
' "$url" "$query" "${CONNECTIONS:-8}" "${DURATION:-5}")
hz=$(getconf CLK_TCK)
line="requests/s $rps, p50 $p50 ms; CPU ms per request:"
for p in "$@"; do
  used=$(( $(ticks "${p#*=}") - ${before[$p]} ))
  line+=$(awk -v n="${p%%=*}" -v t="$used" -v hz="$hz" -v req="$total" 'BEGIN { printf " %s %.2f", n, t * 1000 / hz / req }')
done
echo "$line"
