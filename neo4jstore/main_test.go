package neo4jstore

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite/internal/neo4jtest"
)

// The tests run against a real server and share one connection; each test
// empties the database first, so they must not run in parallel (nor at the
// same time as other packages' tests on the same server).
var (
	shared  *Store
	openErr error
)

// openWith opens a store of its own on testConfig as change alters it,
// closed when the test ends.
func openWith(tb testing.TB, change func(*Config)) *Store {
	tb.Helper()
	cfg := testConfig()
	change(&cfg)
	s, err := Open(context.Background(), cfg)
	if err != nil {
		tb.Fatalf("opening %s: %v", cfg.URI, err)
	}
	tb.Cleanup(func() { s.Close(context.Background()) })
	return s
}

// testConfig points at NEO4J_URI, by default the server of scripts/neo4j.sh.
func testConfig() Config {
	return Config{URI: neo4jtest.URI(), Username: os.Getenv("NEO4J_USERNAME"),
		Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")}
}

func TestMain(m *testing.M) {
	ctx := context.Background()
	shared, openErr = Open(ctx, testConfig())
	neo4jtest.Banner(openErr)
	code := m.Run()
	if shared != nil {
		shared.Close(ctx)
	}
	os.Exit(code)
}

// fresh returns the shared store over an emptied, freshly prepared database.
// An unreachable server fails the test when UNCITE_REQUIRE_NEO4J=1, as in
// CI: the suite is the only check that the Cypher actually works.
func fresh(t testing.TB) *Store {
	t.Helper()
	if openErr != nil {
		neo4jtest.Unavailable(t, openErr)
	}
	if err := shared.Reset(context.Background()); err != nil {
		t.Fatal(err)
	}
	return shared
}

// count runs a query that returns one integer column n.
func count(t testing.TB, s *Store, cypher string, params map[string]any) int {
	t.Helper()
	recs, err := s.query(context.Background(), cypher, params, neo4j.Read)
	if err != nil {
		t.Fatalf("%s: %v", cypher, err)
	}
	return int(get[int64](recs[0], "n"))
}

// dump lists every node with its labels and properties and every
// relationship with its ends and properties, sorted, so that two dumps are
// equal exactly when the graphs are.
func dump(t testing.TB, s *Store) []string {
	t.Helper()
	const cypher = `
MATCH (n)
RETURN 'node' AS kind, labels(n) AS labels, properties(n) AS props
UNION ALL
MATCH (a)-[r]->(b)
RETURN 'rel' AS kind,
       [coalesce(a.id, a.symbol, a.code, a.key), type(r), coalesce(b.id, b.symbol, b.code, b.key)] AS labels,
       properties(r) AS props`
	recs, err := s.query(context.Background(), cypher, nil, neo4j.Read)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range recs {
		kind, labels := get[string](r, "kind"), get[[]any](r, "labels")
		if kind == "node" {
			// labels() lists a node's labels in the order their tokens were
			// created in the database, which is its history, not the graph.
			slices.SortFunc(labels, func(a, b any) int { return strings.Compare(a.(string), b.(string)) })
		}
		lines = append(lines, fmt.Sprint(kind, labels, get[map[string]any](r, "props")))
	}
	slices.Sort(lines)
	return lines
}
