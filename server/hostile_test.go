package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/server"
	"github.com/uncite/uncite/storetest"
	"github.com/uncite/uncite/synth"
)

// hostileStore is the embedded store over the test documents and 5,000
// synthetic ones, enough for nested lists to multiply into real work.
var hostileStore = sync.OnceValues(func() (uncite.Store, error) {
	s := memstore.New()
	if _, err := (&loader.Loader{Store: s}).Load(context.Background(), "../testdata/docs"); err != nil {
		return nil, err
	}
	if _, err := s.WriteDocuments(context.Background(), synth.Corpus(5000, 12)); err != nil {
		return nil, err
	}
	return s, nil
})

// discard keeps the request log of thousands of requests out of the test output.
var discard = slog.New(slog.DiscardHandler)

func hostileServer(t *testing.T, cfg server.Config) *httptest.Server {
	t.Helper()
	cfg.Logger = discard
	store, err := hostileStore()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.Handler(store, cfg))
	t.Cleanup(srv.Close)
	return srv
}

// heavy is a query that the limits below let through and that takes
// seconds on the hostile store: 400 pages of 200 documents with their
// citations' resolutions.
var heavy = func() []byte {
	q := &strings.Builder{}
	q.WriteString("{")
	for i := range 400 {
		fmt.Fprintf(q, ` a%d: documents(first: 200, after: "%s") { nodes { id citations { resolution { symbol citationCount } } } }`, i,
			base64Offset(i*10))
	}
	q.WriteString(" }")
	return storetest.GraphQLBody(q.String(), nil)
}()

func base64Offset(n int) string {
	b, _ := json.Marshal([]byte(fmt.Sprintf("offset:%d", n)))
	return strings.Trim(string(b), `"`)
}

var unlimited = server.Config{MaxComplexity: 1 << 40, MaxFields: 1 << 20, MaxResponseBytes: 1 << 40}

// TestDeadline: a query past the deadline is cut off at it. It answers with
// one TIMEOUT error, is counted as a timeout, and leaves nothing running
// behind it. Left alone the query runs for minutes; the 20 s bound is a
// backstop for a machine under load, not a speed target (the benchmarks
// measure speed).
func TestDeadline(t *testing.T) {
	cfg := unlimited
	cfg.Timeout = 200 * time.Millisecond
	srv := hostileServer(t, cfg)
	idle := runtime.NumGoroutine()
	start := time.Now()
	status, _, body, err := storetest.Send(context.Background(), t, srv.URL, heavy, false)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if status != http.StatusServiceUnavailable || !strings.Contains(string(body), `"code":"TIMEOUT"`) || len(body) > 1000 {
		t.Errorf("status %d, body %.300s; want 503 and one TIMEOUT error", status, body)
	}
	t.Logf("answered after %s, deadline %s", took, cfg.Timeout)
	if took > 20*time.Second {
		t.Errorf("answered after %s, deadline %s: the work was not cut off", took, cfg.Timeout)
	}
	// The query fans out into thousands of goroutines; once it is answered
	// none may still be resolving fields or calling the store. A few stay
	// for the connection.
	const connection = 10
	for wait := time.Now().Add(20 * time.Second); runtime.NumGoroutine() > idle+connection && time.Now().Before(wait); {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > idle+connection {
		t.Errorf("%d goroutines still running 20 s after the answer, %d before the request", n, idle)
	}
	if text := metricsText(t, srv.URL); !strings.Contains(text, `uncite_graphql_requests_total{operation="documents",outcome="timeout"} 1`) {
		t.Errorf("the request is not counted as a timeout:\n%s", text)
	}
}

// TestClientGone: when the client gives up, the work stops. Left alone the
// query runs past a minute; given that minute, it must end cancelled, well
// before. (Client and server share this process, so under the
// query's thousands of goroutines the disconnect takes a moment to be seen.)
func TestClientGone(t *testing.T) {
	cfg := unlimited
	cfg.Timeout = time.Minute
	srv := hostileServer(t, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, _, _, err := storetest.Send(ctx, t, srv.URL, heavy, false); err == nil {
		t.Fatal("the heavy query finished within 200 ms: it proves nothing")
	}
	const cancelled = `uncite_graphql_requests_total{operation="documents",outcome="cancelled"} 1`
	deadline := time.Now().Add(30 * time.Second)
	text := metricsText(t, srv.URL)
	for !strings.Contains(text, cancelled) && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		text = metricsText(t, srv.URL)
	}
	var took float64
	for line := range strings.Lines(text) {
		if v, ok := strings.CutPrefix(line, `uncite_graphql_request_duration_seconds_sum{operation="documents"} `); ok {
			took, _ = strconv.ParseFloat(strings.TrimSpace(v), 64)
		}
	}
	if !strings.Contains(text, cancelled) || took <= 0 || took > 20 {
		t.Errorf("the request did not end cancelled within 20 s (took %.1f s):\n%s", took, text)
	}
}

func metricsText(t *testing.T, url string) string {
	_, body := do(t, mustReq(http.MethodGet, url+"/metrics"))
	return body
}

// TestOverload: past the in-flight cap, 503 with Retry-After at once.
func TestOverload(t *testing.T) {
	cfg := unlimited
	cfg.MaxInFlight = 1
	cfg.Timeout = 5 * time.Second
	srv := hostileServer(t, cfg)
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _, _, _ = storetest.Send(context.Background(), t, srv.URL, heavy, false)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(metricsText(t, srv.URL), "uncite_http_requests_in_flight 2") {
		if time.Now().After(deadline) {
			t.Fatal("the heavy request never showed in flight")
		}
		time.Sleep(5 * time.Millisecond)
	}
	status, hdr, body, err := storetest.Send(context.Background(), t, srv.URL, storetest.GraphQLBody(`{ __typename }`, nil), false)
	if err != nil {
		t.Fatal(err)
	}
	if status != http.StatusServiceUnavailable || hdr.Get("Retry-After") == "" || !strings.Contains(string(body), server.CodeOverloaded) {
		t.Errorf("status %d, Retry-After %q, body %s; want 503 OVERLOADED with Retry-After", status, hdr.Get("Retry-After"), body)
	}
	<-done
	if status, _, _, _ := storetest.Send(context.Background(), t, srv.URL, storetest.GraphQLBody(`{ __typename }`, nil), false); status != 200 {
		t.Errorf("after the heavy request: status %d", status)
	}
}

// TestResponseLimit: an answer past the cap is refused, not sent.
func TestResponseLimit(t *testing.T) {
	srv := hostileServer(t, server.Config{MaxResponseBytes: 10_000})
	status, _, body, err := storetest.Send(context.Background(), t, srv.URL, storetest.GraphQLBody(`{ documents(first: 200) { nodes { id title } } }`, nil), false)
	if err != nil {
		t.Fatal(err)
	}
	if status != 400 || !strings.Contains(string(body), server.CodeResponseTooLarge) || len(body) > 1000 {
		t.Errorf("status %d, body %.300s; want 400 RESPONSE_TOO_LARGE", status, body)
	}
}

// TestIntrospectionOff refuses the schema but not __typename.
func TestIntrospectionOff(t *testing.T) {
	srv := hostileServer(t, server.Config{NoIntrospection: true})
	status, _, body, _ := storetest.Send(context.Background(), t, srv.URL, storetest.GraphQLBody(storetest.IntrospectionQuery, nil), false)
	if status != 400 || !strings.Contains(string(body), server.CodeIntrospectionOff) {
		t.Errorf("introspection: status %d, body %.300s", status, body)
	}
	status, _, body, _ = storetest.Send(context.Background(), t, srv.URL, storetest.GraphQLBody(`{ __typename state(code: "ARM") { name } }`, nil), false)
	if status != 200 || !strings.Contains(string(body), "Armenia") {
		t.Errorf("__typename: status %d, body %.300s", status, body)
	}
}
