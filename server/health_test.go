package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/sample"
	"github.com/uncite/uncite/server"
)

// flakyStore fails as the Neo4j store does while its server is away.
type flakyStore struct {
	*memstore.Store
	down  atomic.Bool
	calls atomic.Int32 // reads that reached the store
}

var errGone = &uncite.Error{Code: uncite.EUNAVAILABLE, Message: "the database is unavailable",
	Err: errorString("neo4j ping: ConnectivityError: dial tcp 10.1.2.3:7687: connect: connection refused")}

type errorString string

func (e errorString) Error() string { return string(e) }

func (s *flakyStore) Ping(ctx context.Context) error {
	if s.down.Load() {
		return errGone
	}
	return nil
}

func (s *flakyStore) Resolution(ctx context.Context, symbol string) (*uncite.Resolution, error) {
	s.calls.Add(1)
	if s.down.Load() {
		return nil, errGone
	}
	return s.Store.Resolution(ctx, symbol)
}

// syncBuffer is a log destination shared by the handler's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// While the store is away, GraphQL requests fail at once with 503 and a
// code, /readyz answers 503 without the cause, the cause is logged once,
// and everything comes back by itself when the store does.
func TestStoreOutage(t *testing.T) {
	store := &flakyStore{Store: memstore.New()}
	if _, err := (&loader.Loader{Store: store}).LoadFS(context.Background(), sample.Docs()); err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	srv := httptest.NewServer(server.Handler(store, server.Config{Logger: slog.New(slog.NewTextHandler(&logs, nil))}))
	defer srv.Close()
	const query = `{"query":"{ resolution(symbol: \"S/RES/822 (1993)\") { symbol } }"}`

	if resp, body := post(t, srv.URL, query); resp.StatusCode != 200 || !strings.Contains(body, `"symbol":"S/RES/822 (1993)"`) {
		t.Fatalf("before the outage: %d %s", resp.StatusCode, body)
	}
	store.down.Store(true)
	// The first request finds out: its field fails with the code.
	_, body := post(t, srv.URL, query)
	if !strings.Contains(body, `"code":"`+server.CodeUnavailable+`"`) || strings.Contains(body, "10.1.2.3") {
		t.Errorf("query as the store fails: %s", body)
	}
	// The next ones are refused without reaching the store.
	calls := store.calls.Load()
	for range 20 {
		resp, body := post(t, srv.URL, query)
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, `"code":"`+server.CodeUnavailable+`"`) {
			t.Fatalf("query while down: %d %q, Retry-After %q", resp.StatusCode, body, resp.Header.Get("Retry-After"))
		}
	}
	// Exports too.
	if resp, body := do(t, mustReq(http.MethodGet, srv.URL+server.ExportPath+"?format=gexf&id=Resolution:S/RES/822%20(1993)")); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("export while down: %d %s", resp.StatusCode, body)
	}
	if n := store.calls.Load() - calls; n > 1 {
		t.Errorf("%d of 20 requests while down reached the store, want at most one probe's worth", n)
	}
	for range 3 {
		resp, body := do(t, mustReq(http.MethodGet, srv.URL+"/readyz"))
		if resp.StatusCode != http.StatusServiceUnavailable || strings.Contains(body, "10.1.2.3") || strings.Contains(body, "refused") {
			t.Errorf("/readyz while down: %d %s", resp.StatusCode, body)
		}
	}
	if n := strings.Count(logs.String(), "10.1.2.3"); n != 1 {
		t.Errorf("the cause is logged %d times, want once per outage:\n%s", n, logs.String())
	}

	store.down.Store(false)
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, body := post(t, srv.URL, query)
		if resp.StatusCode == 200 && strings.Contains(body, `"symbol":"S/RES/822 (1993)"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not back 5 s after the store: %d %s", resp.StatusCode, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
	resp, body := do(t, mustReq(http.MethodGet, srv.URL+"/readyz"))
	var ready struct{ Status string }
	json.Unmarshal([]byte(body), &ready)
	if resp.StatusCode != 200 || ready.Status != "ready" {
		t.Errorf("/readyz after the outage: %d %s", resp.StatusCode, body)
	}
	if !strings.Contains(logs.String(), "store available again") {
		t.Errorf("recovery not logged:\n%s", logs.String())
	}
}

// slowStore times out on reads but answers pings, as Neo4j does for a query
// that hits its deadline.
type slowStore struct {
	*memstore.Store
}

func (slowStore) Resolution(ctx context.Context, symbol string) (*uncite.Resolution, error) {
	return nil, &uncite.Error{Code: uncite.EUNAVAILABLE, Message: "the database did not answer in time", Err: context.DeadlineExceeded}
}

// A query that runs out of time does not shut the other requests out while
// the store still answers.
func TestSlowQueryIsNoOutage(t *testing.T) {
	srv := httptest.NewServer(server.Handler(slowStore{memstore.New()}, server.Config{}))
	defer srv.Close()
	for range 5 {
		resp, body := post(t, srv.URL, `{"query":"{ resolution(symbol: \"S/RES/822 (1993)\") { symbol } }"}`)
		if resp.StatusCode != 200 || !strings.Contains(body, "did not answer in time") {
			t.Fatalf("%d %s", resp.StatusCode, body)
		}
		time.Sleep(20 * time.Millisecond) // lets the background probe finish
	}
	if resp, body := post(t, srv.URL, `{"query":"{ states { totalCount } }"}`); resp.StatusCode != 200 {
		t.Errorf("another query after slow ones: %d %s", resp.StatusCode, body)
	}
}
