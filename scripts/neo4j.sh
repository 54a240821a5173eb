#!/usr/bin/env bash
# Runs a real Neo4j Community server (embedded, Bolt only, auth off) for tests, without Docker.
# Dependencies come from Maven Central via scripts/neo4j/pom.xml; needs java 17, javac and mvn.
#
#   scripts/neo4j.sh start|stop|status
#
# Env: NEO4J_PORT (default 7687), NEO4J_STATE_DIR (default /tmp/uncite-neo4j-$NEO4J_PORT),
#      NEO4J_START_TIMEOUT seconds (default 180), NEO4J_HEAP (JVM heap, default 2g),
#      NEO4J_PAGECACHE (default 1g: enough to keep a 100,000-document benchmark corpus in memory;
#      with less, the benchmarks measure the disk). Both take sizes such as 512m or 2g.
#      NEO4J_DATA_DIR: keep the database in this folder, across stops and kills, instead of a
#      temporary one deleted by stop (the fault tests restart a killed server on its data).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJ="$HERE/neo4j"
LIB="$PROJ/target/lib"
CLASSES="$PROJ/target/classes"
PORT="${NEO4J_PORT:-7687}"
STATE="${NEO4J_STATE_DIR:-/tmp/uncite-neo4j-$PORT}"
TIMEOUT="${NEO4J_START_TIMEOUT:-180}"
URI="bolt://127.0.0.1:$PORT"
HEAP="${NEO4J_HEAP:-2g}"
PAGECACHE="${NEO4J_PAGECACHE:-1g}"

die() { echo "neo4j.sh: $*" >&2; exit 1; }

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT" 2>/dev/null; }

# Only trust the pid file if that pid is still our JVM: pids get reused after reboots/crashes.
running_pid() {
  local pid
  [[ -f "$STATE/pid" ]] || return 1
  pid="$(<"$STATE/pid")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$CLASSES" || return 1
  echo "$pid"
}

show_log() {
  local f
  for f in "$STATE/jvm.log" "$(cat "$STATE/data" 2>/dev/null)/logs/debug.log"; do
    [[ -f "$f" ]] || continue
    echo "---- tail of $f" >&2
    tail -n 40 "$f" >&2
  done
}

cleanup_state() {
  local data
  data="$(cat "$STATE/data" 2>/dev/null || true)"
  [[ -n "$data" && -d "$data" && ! -f "$STATE/keep" ]] && rm -rf "$data"
  rm -rf "$STATE"
}

build() {
  # The stamp is written last, so an interrupted download is redone; a pom edit refetches.
  if [[ ! -f "$LIB/.complete" || "$PROJ/pom.xml" -nt "$LIB/.complete" ]]; then
    echo "neo4j.sh: fetching Neo4j jars with Maven (first run downloads ~150 MB)..." >&2
    rm -rf "$LIB"
    # stdout is reserved for the URI, so Maven's output goes to stderr.
    (cd "$PROJ" && mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
      -DoutputDirectory=target/lib -DincludeScope=runtime) >&2 || die "maven failed to fetch dependencies"
    touch "$LIB/.complete"
  fi
  if [[ ! -f "$CLASSES/Server.class" || "$PROJ/Server.java" -nt "$CLASSES/Server.class" \
        || "$LIB/.complete" -nt "$CLASSES/Server.class" ]]; then
    mkdir -p "$CLASSES"
    javac -nowarn -cp "$LIB/*" -d "$CLASSES" "$PROJ/Server.java" || die "javac failed"
  fi
}

start() {
  if running_pid >/dev/null; then
    port_open || die "JVM $(running_pid) is running for port $PORT but Bolt does not answer yet"
    echo "neo4j.sh: already running" >&2
    echo "$URI"
    return 0
  fi
  # Leftovers from a crashed run: the old data dir is useless and would only fill /tmp.
  cleanup_state
  port_open && die "port $PORT is already taken by another process"

  build
  mkdir -p "$STATE"
  local data pid
  if [[ -n "${NEO4J_DATA_DIR:-}" ]]; then
    data="$NEO4J_DATA_DIR"
    mkdir -p "$data"
    rm -f "$data/READY"
    touch "$STATE/keep"
  else
    data="$(mktemp -d /tmp/uncite-neo4j-data.XXXXXX)"
  fi
  echo "$data" >"$STATE/data"
  echo "$STATE/jvm.log" >"$STATE/log"

  # setsid: the server must outlive the shell (and process group) that started it.
  # The --add-opens flags mirror upstream neo4j.conf; Netty and the page cache need them on 17+.
  setsid java -Xms256m "-Xmx$HEAP" -XX:+UseG1GC \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --enable-native-access=ALL-UNNAMED \
    -Dio.netty.tryReflectionSetAccessible=true -Dlog4j2.disable.jmx=true \
    -cp "$CLASSES:$LIB/*" Server "$data" "$PORT" "$PAGECACHE" \
    </dev/null >"$STATE/jvm.log" 2>&1 &
  pid=$!
  echo "$pid" >"$STATE/pid"

  local deadline=$((SECONDS + TIMEOUT))
  until [[ -f "$data/READY" ]] && port_open; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "neo4j.sh: the JVM exited during startup" >&2
      show_log; cleanup_state; exit 1
    fi
    if ((SECONDS >= deadline)); then
      echo "neo4j.sh: Bolt did not come up within ${TIMEOUT}s" >&2
      show_log; stop >/dev/null; exit 1
    fi
    sleep 0.5
  done
  echo "$URI"
}

stop() {
  local pid
  if pid="$(running_pid)"; then
    kill -TERM "$pid" 2>/dev/null || true
    # Not our child, so `wait` cannot be used; a clean shutdown flushes the store and takes a few s.
    for _ in $(seq 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "neo4j.sh: JVM $pid ignored SIGTERM for 60s, killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    fi
    echo "neo4j.sh: stopped" >&2
  else
    echo "neo4j.sh: not running" >&2
  fi
  cleanup_state
}

status() {
  if running_pid >/dev/null && port_open; then
    echo "$URI"
  else
    echo "neo4j.sh: not running on port $PORT" >&2
    return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
