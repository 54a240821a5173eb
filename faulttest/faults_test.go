// Package faulttest holds the fault tests against a real Neo4j: a
// throwaway server (internal/neo4jtest) is killed, paused and restarted
// while the loader writes to it and the server answers from it, and the
// answers and the graph are checked. They need Java and Maven as
// scripts/neo4j.sh does, and take about a minute; without Neo4j they are
// skipped unless UNCITE_REQUIRE_NEO4J=1 (CI).
package faulttest

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
	"github.com/uncite/uncite/internal/neo4jtest"
	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/neo4jstore"
	"github.com/uncite/uncite/server"
)

// corpus is the bundled sample: 40 documents citing each other's
// resolutions, enough for every kind of node and relationship.
var corpus = filepath.Join("..", "sample", "docs")

// A killed server refuses connections: calls fail within the retry time,
// whatever the query timeout, which killConfig leaves at its default so
// that a busy machine's slow batch is not taken for the fault. A paused
// server answers nothing: calls fail at the query timeout, which
// pauseConfig sets short, though well above what a batch of a few
// documents takes.
func killConfig(uri string) neo4jstore.Config {
	return neo4jstore.Config{URI: uri, ConnectTimeout: time.Second, RetryTime: time.Second}
}

func pauseConfig(uri string) neo4jstore.Config {
	return neo4jstore.Config{URI: uri, ConnectTimeout: time.Second, QueryTimeout: pauseTimeout, RetryTime: time.Second}
}

const pauseTimeout = 10 * time.Second

const fastBatch = 3

func open(t *testing.T, cfg neo4jstore.Config) *neo4jstore.Store {
	t.Helper()
	s, err := neo4jstore.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

func load(t *testing.T, s uncite.Store, batch int) *loader.Report {
	t.Helper()
	rep, err := (&loader.Loader{Store: s, BatchSize: batch}).Load(context.Background(), corpus)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Failed) > 0 {
		t.Fatal(rep.Err())
	}
	return rep
}

// dump lists every node with its labels and properties and every
// relationship with its type, ends and properties, sorted: two dumps are
// equal exactly when the graphs are.
func dump(t *testing.T, uri string) []string {
	t.Helper()
	ctx := context.Background()
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(ctx)
	const cypher = `
MATCH (n)
RETURN 'node' AS kind, labels(n) AS what, properties(n) AS props
UNION ALL
MATCH (a)-[r]->(b)
RETURN 'rel' AS kind,
       [coalesce(a.id, a.symbol, a.code, a.key, a.name), type(r), coalesce(b.id, b.symbol, b.code, b.key, b.name)] AS what,
       properties(r) AS props`
	res, err := neo4j.ExecuteQuery(ctx, driver, cypher, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range res.Records {
		kind, _ := r.Get("kind")
		what, _ := r.Get("what")
		props, _ := r.Get("props")
		if l, ok := what.([]any); ok && kind == "node" {
			slices.SortFunc(l, func(a, b any) int { return cmp.Compare(a.(string), b.(string)) })
		}
		lines = append(lines, fmt.Sprint(kind, what, props))
	}
	slices.Sort(lines)
	return lines
}

func sameGraph(t *testing.T, what string, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	var missing, extra []string
	for _, l := range want {
		if !slices.Contains(got, l) {
			missing = append(missing, l)
		}
	}
	for _, l := range got {
		if !slices.Contains(want, l) {
			extra = append(extra, l)
		}
	}
	t.Errorf("%s: %d lines, a clean load %d; missing %d %.5q, extra %d %.5q", what, len(got), len(want), len(missing), missing, len(extra), extra)
}

// wipe empties the database, schema marks included, as a new server is.
func wipe(t *testing.T, s *neo4jstore.Store) {
	t.Helper()
	if err := s.Reset(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestNeo4jFaults(t *testing.T) {
	srv := neo4jtest.Throwaway(t)
	// patient sets up and checks with the default timeouts; killed and
	// paused are the stores under faults, each with an HTTP server.
	patient := open(t, neo4jstore.Config{URI: srv.URI})
	killed, paused := open(t, killConfig(srv.URI)), open(t, pauseConfig(srv.URI))
	killedAPI, pausedAPI := newAPI(t, killed), newAPI(t, paused)

	// The graph of a clean load, that every interrupted one must end as.
	wipe(t, patient)
	clean := load(t, patient, 0)
	want := dump(t, srv.URI)
	if clean.Written != 40 || len(want) < 500 {
		t.Fatalf("clean load: %+v, %d dump lines", clean, len(want))
	}

	t.Run("kill mid-load, restart, load again", func(t *testing.T) {
		wipe(t, patient)
		// The kill lands inside the fourth transaction.
		var once sync.Once
		gone := make(chan time.Time, 1) // when the JVM was gone
		l := &loader.Loader{Store: killed, BatchSize: fastBatch, Progress: func(done, total int) {
			if done >= 9 {
				once.Do(func() {
					go func() { time.Sleep(30 * time.Millisecond); srv.Kill(t); gone <- time.Now() }()
				})
			}
		}}
		rep, err := l.Load(context.Background(), corpus)
		end := time.Now()
		if err == nil {
			t.Fatalf("the load went through a killed server: %+v", rep)
		}
		// Measured from the JVM's end: on a busy machine, dying can take
		// a while, and until then its connections are open.
		if took := end.Sub(<-gone); uncite.ErrorCode(err) != uncite.EUNAVAILABLE || took > 5*time.Second {
			t.Errorf("load failed %s after the kill with %v (code %s), want %s within seconds", took, err, uncite.ErrorCode(err), uncite.EUNAVAILABLE)
		}
		if rep == nil || rep.Written < 9 || rep.Written >= 40 {
			t.Fatalf("report of the failed load: %+v, want the documents written before the kill", rep)
		}
		// The server over the dead database: a query fails within its
		// timeouts with the code, the next ones at once with 503, and
		// /readyz says 503 without naming the database's address.
		start := time.Now()
		status, body := killedAPI.query(t)
		if took := time.Since(start); took > 7*time.Second || !strings.Contains(body, `"code":"`+server.CodeUnavailable+`"`) {
			t.Errorf("query with Neo4j killed: %d %s after %s", status, body, took)
		}
		start = time.Now()
		if status, body := killedAPI.query(t); status != http.StatusServiceUnavailable || time.Since(start) > time.Second {
			t.Errorf("next query with Neo4j killed: %d %s after %s, want 503 at once", status, body, time.Since(start))
		}
		if status, body := killedAPI.get(t, "/readyz"); status != http.StatusServiceUnavailable || strings.Contains(body, "127.0.0.1") {
			t.Errorf("/readyz with Neo4j killed: %d %s", status, body)
		}

		srv.Start(t)
		killedAPI.readyWithin(t, 5*time.Second)
		if status, body := killedAPI.query(t); status != 200 || !strings.Contains(body, `"symbol":"S/RES/822 (1993)"`) {
			t.Errorf("query after the restart: %d %s", status, body)
		}
		// The same store, without reopening: the driver reconnects.
		again := load(t, killed, fastBatch)
		if again.Written+again.Unchanged != 40 || again.Unchanged < rep.Written {
			t.Errorf("rerun: %+v after %d written before the kill", again, rep.Written)
		}
		sameGraph(t, "killed load run again", dump(t, srv.URI), want)
	})

	t.Run("pause mid-query", func(t *testing.T) {
		srv.Pause(t)
		defer srv.Resume(t)
		start := time.Now()
		_, err := paused.Resolution(context.Background(), "S/RES/822 (1993)")
		if took := time.Since(start); took > pauseTimeout+3*time.Second || uncite.ErrorCode(err) != uncite.EUNAVAILABLE {
			t.Errorf("a read from a paused server: %v after %s, want %s within the query timeout", err, took, uncite.EUNAVAILABLE)
		}
		// A request's own deadline is shorter still.
		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		defer cancel()
		start = time.Now()
		if _, err := paused.Document(ctx, "000_1a7a508cbf762381"); err == nil || time.Since(start) > 2*time.Second {
			t.Errorf("a read with a 500 ms deadline: %v after %s", err, time.Since(start))
		}
		// Open against the paused server gives up within its connect
		// timeout rather than waiting in the handshake.
		start = time.Now()
		if _, err := neo4jstore.Open(context.Background(), pauseConfig(srv.URI)); err == nil || time.Since(start) > 4*time.Second {
			t.Errorf("Open of a paused server: %v after %s", err, time.Since(start))
		}
		// Over HTTP: the query gives up at the request's deadline (shorter
		// than the store's query timeout) and the server, asking Neo4j
		// in the background, finds it down: the next queries are refused
		// at once, and /readyz answers within its probe's timeout.
		start = time.Now()
		// (UNAVAILABLE when the pool gives up on a connection first).
		if status, body := pausedAPI.query(t); time.Since(start) > server.DefaultTimeout+3*time.Second ||
			!strings.Contains(body, `"code":"`+server.CodeTimeout+`"`) && !strings.Contains(body, `"code":"`+server.CodeUnavailable+`"`) {
			t.Errorf("query with Neo4j paused: %d %s after %s", status, body, time.Since(start))
		}
		deadline := time.Now().Add(5 * time.Second)
		for {
			start = time.Now()
			status, body := pausedAPI.query(t)
			if status == http.StatusServiceUnavailable && strings.Contains(body, `"code":"`+server.CodeUnavailable+`"`) && time.Since(start) < time.Second {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("queries with Neo4j paused still %d %s after the first timed out", status, body)
			}
		}
		start = time.Now()
		if status, _ := pausedAPI.get(t, "/readyz"); status != http.StatusServiceUnavailable || time.Since(start) > 4*time.Second {
			t.Errorf("/readyz with Neo4j paused: %d after %s", status, time.Since(start))
		}
		srv.Resume(t)
		pausedAPI.readyWithin(t, 5*time.Second)
		if _, err := paused.Resolution(context.Background(), "S/RES/822 (1993)"); err != nil {
			t.Errorf("after the pause: %v", err)
		}
	})

	t.Run("pause mid-load", func(t *testing.T) {
		wipe(t, patient)
		var once sync.Once
		var pausedAt time.Time
		l := &loader.Loader{Store: paused, BatchSize: fastBatch, Progress: func(done, total int) {
			if done >= 6 {
				once.Do(func() { srv.Pause(t); pausedAt = time.Now() })
			}
		}}
		rep, err := l.Load(context.Background(), corpus)
		took := time.Since(pausedAt)
		srv.Resume(t)
		if err == nil || uncite.ErrorCode(err) != uncite.EUNAVAILABLE || took > pauseTimeout+3*time.Second {
			t.Errorf("load into a paused server: %v %s after the pause", err, took)
		}
		if rep == nil || rep.Written != 6 {
			t.Fatalf("report: %+v, want the 6 documents written before the pause", rep)
		}
		load(t, paused, fastBatch)
		sameGraph(t, "paused load run again", dump(t, srv.URI), want)
	})

	t.Run("concurrent first loads", func(t *testing.T) {
		wipe(t, patient)
		// As on a new server: no migration done, no constraint on their marks.
		for _, stmt := range []string{"MATCH (m:Migration) DELETE m", "DROP CONSTRAINT migration_name IF EXISTS"} {
			if _, err := neo4j.ExecuteQuery(context.Background(), mustDriver(t, srv.URI), stmt, nil, neo4j.EagerResultTransformer); err != nil {
				t.Fatal(err)
			}
		}
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				cfg := neo4jstore.Config{URI: srv.URI, RetryTime: 30 * time.Second}
				s, err := neo4jstore.Open(context.Background(), cfg)
				if err != nil {
					t.Error(err)
					return
				}
				defer s.Close(context.Background())
				if rep, err := (&loader.Loader{Store: s, BatchSize: 5}).Load(context.Background(), corpus); err != nil || len(rep.Failed) > 0 {
					t.Errorf("concurrent load: %v %v", err, rep)
				}
			})
		}
		wg.Wait()
		// The dump holds the Migration marks too: one per migration.
		sameGraph(t, "three concurrent loads", dump(t, srv.URI), want)
	})
}

func mustDriver(t *testing.T, uri string) neo4j.DriverWithContext {
	t.Helper()
	d, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close(context.Background()) })
	return d
}

// api is the HTTP server over the store under faults.
type api struct {
	url  string
	logs *strings.Builder
}

func newAPI(t *testing.T, store uncite.Store) *api {
	var logs strings.Builder
	var mu sync.Mutex
	h := server.Handler(store, server.Config{Logger: slog.New(slog.NewTextHandler(writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return logs.Write(p)
	}), nil))})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &api{url: srv.URL, logs: &logs}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func (a *api) do(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (a *api) get(t *testing.T, path string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, a.url+path, nil)
	return a.do(t, req)
}

// query asks for a resolution the first documents of the corpus cite.
func (a *api) query(t *testing.T) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, a.url+server.GraphQLPath,
		strings.NewReader(`{"query":"{ resolution(symbol: \"S/RES/822 (1993)\") { symbol } }"}`))
	req.Header.Set("Content-Type", "application/json")
	return a.do(t, req)
}

// readyWithin waits for /readyz to answer 200.
func (a *api) readyWithin(t *testing.T, d time.Duration) {
	t.Helper()
	start := time.Now()
	for {
		status, body := a.get(t, "/readyz")
		if status == http.StatusOK {
			return
		}
		if time.Since(start) > d {
			t.Fatalf("/readyz still %d %s %s after Neo4j came back", status, body, d)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
