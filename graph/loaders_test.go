package graph_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/sample"
	"github.com/uncite/uncite/server"
	"github.com/uncite/uncite/storetest"
)

// countingStore counts the store calls that the document fields below can
// make, so the test sees every round trip a resolver adds.
type countingStore struct {
	uncite.Store
	mu    sync.Mutex
	calls map[string]int
}

func (c *countingStore) count(name string) {
	c.mu.Lock()
	c.calls[name]++
	c.mu.Unlock()
}

func (c *countingStore) Documents(ctx context.Context, f uncite.DocumentFilter, p uncite.Page) ([]*uncite.Document, int, error) {
	c.count("Documents")
	return c.Store.Documents(ctx, f, p)
}
func (c *countingStore) Document(ctx context.Context, id string) (*uncite.Document, error) {
	c.count("Document")
	return c.Store.Document(ctx, id)
}
func (c *countingStore) DocumentsByID(ctx context.Context, ids []string) (map[string]*uncite.Document, error) {
	c.count("DocumentsByID")
	return c.Store.DocumentsByID(ctx, ids)
}
func (c *countingStore) Resolution(ctx context.Context, s string) (*uncite.Resolution, error) {
	c.count("Resolution")
	return c.Store.Resolution(ctx, s)
}
func (c *countingStore) ResolutionsBySymbol(ctx context.Context, s []string) (map[string]*uncite.Resolution, error) {
	c.count("ResolutionsBySymbol")
	return c.Store.ResolutionsBySymbol(ctx, s)
}
func (c *countingStore) Session(ctx context.Context, body string, n int) (*uncite.Session, error) {
	c.count("Session")
	return c.Store.Session(ctx, body, n)
}
func (c *countingStore) SessionsByKey(ctx context.Context, keys []string) (map[string]*uncite.Session, error) {
	c.count("SessionsByKey")
	return c.Store.SessionsByKey(ctx, keys)
}
func (c *countingStore) State(ctx context.Context, code string) (*uncite.State, error) {
	c.count("State")
	return c.Store.State(ctx, code)
}
func (c *countingStore) AgendaItems(ctx context.Context, body string, n int) ([]uncite.AgendaItem, error) {
	c.count("AgendaItems")
	return c.Store.AgendaItems(ctx, body, n)
}

func TestDocumentPageMakesConstantStoreCalls(t *testing.T) {
	mem := memstore.New()
	if _, err := (&loader.Loader{Store: mem}).LoadFS(context.Background(), sample.Docs()); err != nil {
		t.Fatal(err)
	}
	store := &countingStore{Store: mem}
	// A generous batch window keeps the count independent of how the
	// scheduler interleaves resolvers on a busy machine.
	srv := httptest.NewServer(server.Handler(store, server.Config{BatchWait: 100 * time.Millisecond}))
	defer srv.Close()

	const q = `query($n: Int) { documents(first: $n) { nodes {
		id author { name } mentions { code } session { number startDate endDate }
		agendaItems { number session { number } }
		citations { count resolution { symbol citationCount document { id } } } } } }`
	for _, n := range []int{5, 40} {
		store.calls = map[string]int{}
		body := storetest.Query(t, srv.URL, q, map[string]any{"n": n})
		if strings.Contains(body, `"errors"`) || strings.Count(body, `"citations"`) != n {
			t.Fatalf("first %d: unexpected response %.300s", n, body)
		}
		// One listing, then one batch per loader: sessions and resolutions
		// of the page's documents, and the resolutions' own documents.
		want := map[string]int{"Documents": 1, "SessionsByKey": 1, "ResolutionsBySymbol": 1, "DocumentsByID": 1}
		total := 0
		for name, k := range store.calls {
			total += k
			if k > want[name] {
				t.Errorf("first %d: %d calls to %s, want at most %d", n, k, name, want[name])
			}
		}
		if total > 4 {
			t.Errorf("first %d: %d store calls %v, want at most 4 whatever the page size", n, total, store.calls)
		}
	}
}
