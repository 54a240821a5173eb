package neo4jstore

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/server"
	"github.com/uncite/uncite/storetest"
)

// Two servers over one Neo4j, as replicas behind a load balancer: the
// second opens the database through a routing URI (neo4j://, as for a
// cluster or Aura), and answers for a document written through the first,
// since no server keeps state of its own.
func TestReplicasShareOneDatabase(t *testing.T) {
	first := fresh(t)
	// A bolt:// test server is asked through neo4j:// (a single server
	// answers routing requests too); any other URI is used as given.
	second := openWith(t, func(c *Config) {
		if rest, ok := strings.CutPrefix(c.URI, "bolt://"); ok {
			c.URI = "neo4j://" + rest
		}
	})
	ctx := context.Background()

	a := httptest.NewServer(server.Handler(first, server.Config{}))
	defer a.Close()
	b := httptest.NewServer(server.Handler(second, server.Config{}))
	defer b.Close()
	const q = `{ document(id: "replica.txt") { id citations { resolution { symbol citationCount } } } }`
	if body := storetest.Query(t, b.URL, q, nil); body != `{"data":{"document":null}}` {
		t.Fatalf("before the write: %s", body)
	}
	doc := &uncite.Document{ID: "replica.txt", Type: "letter", Citations: []uncite.Citation{{Symbol: "S/RES/822 (1993)", Body: uncite.BodySC, Number: "822", Year: 1993, Count: 1}}}
	if _, err := first.WriteDocuments(ctx, []*uncite.Document{doc}); err != nil {
		t.Fatal(err)
	}
	want := `{"data":{"document":{"id":"replica.txt","citations":[{"resolution":{"symbol":"S/RES/822 (1993)","citationCount":1}}]}}}`
	for name, url := range map[string]string{"writer": a.URL, "replica over neo4j://": b.URL} {
		if body := storetest.Query(t, url, q, nil); body != want {
			t.Errorf("%s: %s, want %s", name, body, want)
		}
	}
}
