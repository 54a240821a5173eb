#!/usr/bin/env bash
# Runs the whole test suite, the Neo4j suite included: starts a real Neo4j
# (scripts/neo4j.sh) unless NEO4J_URI points at one already, and stops it
# again afterwards if this script started it. Extra arguments go to go test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -z "${NEO4J_URI:-}" ]]; then
  if ! scripts/neo4j.sh status >/dev/null 2>&1; then
    scripts/neo4j.sh start >/dev/null
    trap 'scripts/neo4j.sh stop >/dev/null' EXIT
  fi
  export NEO4J_URI="bolt://127.0.0.1:${NEO4J_PORT:-7687}"
fi
echo "test.sh: Neo4j at $NEO4J_URI" >&2
# Without a server the Neo4j tests fail here; a plain `go test ./...` skips them.
export UNCITE_REQUIRE_NEO4J=1
# -p 1: the Neo4j packages share one database and clear it between tests.
# -timeout 30m: the Neo4j suite (conformance, concurrent writers, a real
# neo4j-admin import) outgrows go test's 10 minutes on a busy 2-core machine.
go test -p 1 -count=1 -timeout 30m "$@" ./...
