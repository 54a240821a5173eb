package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/server"
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

func hostileServer(t *testing.T, cfg server.Config) *httptest.Server {
	t.Helper()
	store, err := hostileStore()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.Handler(store, cfg))
	t.Cleanup(srv.Close)
	return srv
}

// send posts body as the spec's media type asks, with the length unknown
// to the server (chunked) when chunked is set.
func send(ctx context.Context, t *testing.T, url string, body []byte, chunked bool) (int, http.Header, []byte, error) {
	t.Helper()
	var r io.Reader = bytes.NewReader(body)
	if chunked {
		r = io.MultiReader(r) // hides the length: net/http sends it chunked
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url+"/graphql", r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b, err
}

func gql(query string, vars map[string]any) []byte {
	b, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		panic(err)
	}
	return b
}

// nest wraps inner in n levels of `mentions { mentionedIn(first: 1) { nodes { … } } }`.
func nest(n int, inner string) string {
	for range n {
		inner = "mentions { code mentionedIn(first: 1) { nodes { id " + inner + " } } }"
	}
	return inner
}

// introspectionQuery is GraphiQL's (graphql-js getIntrospectionQuery), the
// deepest query a legitimate client sends.
const introspectionQuery = `query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name }
  types { ...FullType } directives { name description locations args { ...InputValue } } } }
fragment FullType on __Type { kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue } interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }`

// TestHostileQueries sends what an attacker would, on the default limits:
// each is refused or answered within the deadline, and the heap stays
// under a ceiling throughout.
func TestHostileQueries(t *testing.T) {
	const ceiling = 256 << 20
	srv := hostileServer(t, server.Config{})
	var peak atomic.Uint64
	stop := watchHeap(&peak)
	defer stop()

	manyAliases := &strings.Builder{}
	manyAliases.WriteString("{")
	for i := range 1000 {
		fmt.Fprintf(manyAliases, " a%d: topCited(first: 200) { count }", i)
	}
	manyAliases.WriteString(" }")
	// Each fragment spreads the next twice: 2^30 fields once expanded.
	fragments := &strings.Builder{}
	fragments.WriteString("{ document(id: \"A/80/L.4\") { ...F0 } }")
	for i := range 30 {
		fmt.Fprintf(fragments, " fragment F%d on Document { ...F%d ... on Document { ...F%d } }", i, i+1, i+1)
	}
	fragments.WriteString(" fragment F30 on Document { id }")
	deepFirst := "id"
	for range 3 {
		deepFirst = "citations { resolution { citedBy(first: 200) { nodes { " + deepFirst + " } } } }"
	}

	for _, tc := range []struct {
		name    string
		body    []byte
		chunked bool
		status  int
		code    string // "" for an answer with data
	}{
		{"the issue's query, 4 levels", gql(`{ document(id: "A/80/L.4") { `+nest(4, "mentions { code }")+` } }`, nil), false, 400, server.CodeComplexityLimit},
		{"the issue's query, 2 levels", gql(`{ document(id: "A/80/L.4") { `+nest(2, "mentions { code }")+` } }`, nil), false, 400, server.CodeComplexityLimit},
		{"45 levels", gql(`{ document(id: "A/80/L.4") { `+nest(15, "")+` } }`, nil), false, 400, server.CodeDepthLimit},
		{"1000 aliases", gql(manyAliases.String(), nil), false, 400, server.CodeFieldLimit},
		{"fragments doubling 30 times", gql(fragments.String(), nil), false, 400, server.CodeFieldLimit},
		{"unpaginated lists nested", gql(`{ documents(first: 200) { nodes { citations { contexts verbs resolution { citedBy(first: 20) { nodes { references mentions { code } } } } } } } }`, nil), false, 400, server.CodeComplexityLimit},
		{"first: 200 nested to the depth limit (cost saturates)", gql(`{ documents(first: 200) { nodes { `+deepFirst+` } } }`, nil), false, 400, server.CodeComplexityLimit},
		{"huge first", gql(`{ documents(first: 1000000) { nodes { id } } }`, nil), false, 400, server.CodeComplexityLimit},
		{"first past Int", gql(`{ documents(first: 99999999999) { nodes { id } } }`, nil), false, 400, server.CodeComplexityLimit},
		{"first past the page size, cheap", gql(`{ documents(first: 201) { totalCount } }`, nil), false, 200, server.CodeBadUserInput},
		{"big variables", gql(`query($id: ID!) { document(id: $id) { id } }`, map[string]any{"id": strings.Repeat("x", 900_000)}), false, 200, ""},
		{"variables past the body limit", gql(`query($id: ID!) { document(id: $id) { id } }`, map[string]any{"id": strings.Repeat("x", 2<<20)}), false, 413, server.CodePayloadTooLarge},
		{"2 MB chunked body", gql(`{ __typename }`, map[string]any{"pad": strings.Repeat("x", 2<<20)}), true, 413, server.CodePayloadTooLarge},
		{"batch", []byte(`[{"query":"{ __typename }"},{"query":"{ __typename }"}]`), false, 400, server.CodeBadRequest},
		{"900 KB of bad JSON", append([]byte(`{"query": "`), bytes.Repeat([]byte("\x01"), 900_000)...), false, 400, server.CodeBadRequest},
		{"introspection", gql(introspectionQuery, nil), false, 200, ""},
		{"a page at the cost limit", gql(`{ documents(first: 25) { nodes { id title citations { count resolution { symbol title } } mentions { code name } } } }`, nil), false, 200, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			status, _, body, err := send(context.Background(), t, srv.URL, tc.body, tc.chunked)
			took := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			if took > server.DefaultTimeout+time.Second {
				t.Errorf("took %s, past the deadline of %s", took, server.DefaultTimeout)
			}
			var resp struct {
				Data   json.RawMessage
				Errors []struct{ Extensions struct{ Code string } }
			}
			if err := json.Unmarshal(body, &resp); err != nil {
				t.Fatalf("status %d, not JSON: %.200s", status, body)
			}
			if status != tc.status {
				t.Errorf("status %d, want %d: %.300s", status, tc.status, body)
			}
			switch {
			case tc.code == "" && len(resp.Errors) > 0:
				t.Errorf("errors: %.300s", body)
			case tc.code != "" && (len(resp.Errors) == 0 || resp.Errors[0].Extensions.Code != tc.code):
				t.Errorf("want code %s: %.300s", tc.code, body)
			}
			if tc.code != "" && len(body) > 1000 {
				t.Errorf("an error of %d bytes: the request is echoed back", len(body))
			}
		})
	}
	if p := peak.Load(); p > ceiling {
		t.Errorf("heap peaked at %d MB, over the ceiling of %d MB", p>>20, ceiling>>20)
	}
}

// watchHeap records the peak of the live heap until stopped.
func watchHeap(peak *atomic.Uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	})
	return func() { close(done); wg.Wait() }
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
	return gql(q.String(), nil)
}()

func base64Offset(n int) string {
	b, _ := json.Marshal([]byte(fmt.Sprintf("offset:%d", n)))
	return strings.Trim(string(b), `"`)
}

var unlimited = server.Config{MaxComplexity: 1 << 40, MaxFields: 1 << 20, MaxResponseBytes: 1 << 40}

// TestDeadline: a query past the deadline ends at the deadline with one
// TIMEOUT error.
func TestDeadline(t *testing.T) {
	cfg := unlimited
	cfg.Timeout = 200 * time.Millisecond
	srv := hostileServer(t, cfg)
	start := time.Now()
	status, _, body, err := send(context.Background(), t, srv.URL, heavy, false)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if status != http.StatusServiceUnavailable || !strings.Contains(string(body), `"code":"TIMEOUT"`) || len(body) > 1000 {
		t.Errorf("status %d, body %.300s; want 503 and one TIMEOUT error", status, body)
	}
	// Left alone the query runs past a minute; the fields already under
	// way when the deadline passes finish first, slower on a busy machine.
	if took > 3*time.Second {
		t.Errorf("answered after %s, deadline %s", took, cfg.Timeout)
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
	if _, _, _, err := send(ctx, t, srv.URL, heavy, false); err == nil {
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
		_, _, _, _ = send(context.Background(), t, srv.URL, heavy, false)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(metricsText(t, srv.URL), "uncite_http_requests_in_flight 2") {
		if time.Now().After(deadline) {
			t.Fatal("the heavy request never showed in flight")
		}
		time.Sleep(5 * time.Millisecond)
	}
	status, hdr, body, err := send(context.Background(), t, srv.URL, gql(`{ __typename }`, nil), false)
	if err != nil {
		t.Fatal(err)
	}
	if status != http.StatusServiceUnavailable || hdr.Get("Retry-After") == "" || !strings.Contains(string(body), server.CodeOverloaded) {
		t.Errorf("status %d, Retry-After %q, body %s; want 503 OVERLOADED with Retry-After", status, hdr.Get("Retry-After"), body)
	}
	<-done
	if status, _, _, _ := send(context.Background(), t, srv.URL, gql(`{ __typename }`, nil), false); status != 200 {
		t.Errorf("after the heavy request: status %d", status)
	}
}

// TestResponseLimit: an answer past the cap is refused, not sent.
func TestResponseLimit(t *testing.T) {
	srv := hostileServer(t, server.Config{MaxResponseBytes: 10_000})
	status, _, body, err := send(context.Background(), t, srv.URL, gql(`{ documents(first: 200) { nodes { id title } } }`, nil), false)
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
	status, _, body, _ := send(context.Background(), t, srv.URL, gql(introspectionQuery, nil), false)
	if status != 400 || !strings.Contains(string(body), server.CodeIntrospectionOff) {
		t.Errorf("introspection: status %d, body %.300s", status, body)
	}
	status, _, body, _ = send(context.Background(), t, srv.URL, gql(`{ __typename state(code: "ARM") { name } }`, nil), false)
	if status != 200 || !strings.Contains(string(body), "Armenia") {
		t.Errorf("__typename: status %d, body %.300s", status, body)
	}
}
