// Package neo4jtest is what tests against a real Neo4j share: where the
// server is, what to do when none answers, and throwaway servers that a test
// may kill, pause and restart (scripts/neo4j.sh on a port of their own).
package neo4jtest

import (
	"fmt"
	"net/url"
	"os"
	"strconv"
	"testing"
)

// RequireEnv names the variable that turns a missing server into a failure.
// scripts/test.sh and .ci/run set it; a contributor's plain `go test ./...`
// without Neo4j skips the Neo4j tests instead, saying so loudly.
const RequireEnv = "UNCITE_REQUIRE_NEO4J"

// URI is the server of the shared tests: NEO4J_URI, or the default port of
// scripts/neo4j.sh.
func URI() string {
	if uri := os.Getenv("NEO4J_URI"); uri != "" {
		return uri
	}
	return "bolt://127.0.0.1:7687"
}

// Required reports whether tests must fail without a server.
func Required() bool { return os.Getenv(RequireEnv) == "1" }

// Unavailable ends a test that needs Neo4j when none answers (err says
// why): a failure when Required, otherwise a skip.
func Unavailable(t testing.TB, err error) {
	t.Helper()
	msg := fmt.Sprintf("Neo4j at %s does not answer: %v\n"+
		"(start a test server with `scripts/neo4j.sh start`, point NEO4J_URI at one, or run scripts/test.sh)", URI(), err)
	if Required() {
		t.Fatal(msg)
	}
	t.Skip("SKIPPED, NO NEO4J: " + msg + "\nset " + RequireEnv + "=1 to make this a failure, as CI does")
}

// Banner is printed once by a TestMain whose server does not answer, so a
// run of many skipped tests says why even without -v.
func Banner(err error) {
	if err == nil || Required() {
		return
	}
	fmt.Fprintf(os.Stderr, "\n*** Neo4j at %s does not answer (%v): the Neo4j tests of this package are SKIPPED.\n"+
		"*** Run scripts/test.sh, or set %s=1 to make them fail.\n\n", URI(), err, RequireEnv)
}

// port is the port of a bolt:// URI, 0 if it has none.
func port(uri string) int {
	u, err := url.Parse(uri)
	if err != nil {
		return 0
	}
	p, _ := strconv.Atoi(u.Port())
	return p
}
