package storetest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uncite/uncite/server"
)

// RunHostile sends what an attacker would to a server on the default limits
// over the store open returns, loaded with the sample corpus: each request
// is refused or answered within the deadline, and the heap stays under a
// ceiling throughout.
func RunHostile(t *testing.T, open Opener) {
	const ceiling = 256 << 20
	store := loaded(context.Background(), t, open(t))
	srv := httptest.NewServer(server.Handler(store, server.Config{Logger: slog.New(slog.DiscardHandler)}))
	defer srv.Close()
	var peak atomic.Uint64
	stop := WatchHeap(&peak)
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
		{"the issue's query, 4 levels", GraphQLBody(`{ document(id: "A/80/L.4") { `+nest(4, "mentions { code }")+` } }`, nil), false, 400, server.CodeComplexityLimit},
		{"the issue's query, 2 levels", GraphQLBody(`{ document(id: "A/80/L.4") { `+nest(2, "mentions { code }")+` } }`, nil), false, 400, server.CodeComplexityLimit},
		{"45 levels", GraphQLBody(`{ document(id: "A/80/L.4") { `+nest(15, "")+` } }`, nil), false, 400, server.CodeDepthLimit},
		{"1000 aliases", GraphQLBody(manyAliases.String(), nil), false, 400, server.CodeFieldLimit},
		{"fragments doubling 30 times", GraphQLBody(fragments.String(), nil), false, 400, server.CodeFieldLimit},
		{"unpaginated lists nested", GraphQLBody(`{ documents(first: 200) { nodes { citations { contexts verbs resolution { citedBy(first: 20) { nodes { references mentions { code } } } } } } } }`, nil), false, 400, server.CodeComplexityLimit},
		{"first: 200 nested to the depth limit (cost saturates)", GraphQLBody(`{ documents(first: 200) { nodes { `+deepFirst+` } } }`, nil), false, 400, server.CodeComplexityLimit},
		{"huge first", GraphQLBody(`{ documents(first: 1000000) { nodes { id } } }`, nil), false, 400, server.CodeComplexityLimit},
		{"first past Int", GraphQLBody(`{ documents(first: 99999999999) { nodes { id } } }`, nil), false, 400, server.CodeComplexityLimit},
		{"first past the page size, cheap", GraphQLBody(`{ documents(first: 201) { totalCount } }`, nil), false, 200, server.CodeBadUserInput},
		{"big variables", GraphQLBody(`query($id: ID!) { document(id: $id) { id } }`, map[string]any{"id": strings.Repeat("x", 900_000)}), false, 200, ""},
		{"variables past the body limit", GraphQLBody(`query($id: ID!) { document(id: $id) { id } }`, map[string]any{"id": strings.Repeat("x", 2<<20)}), false, 413, server.CodePayloadTooLarge},
		{"2 MB chunked body", GraphQLBody(`{ __typename }`, map[string]any{"pad": strings.Repeat("x", 2<<20)}), true, 413, server.CodePayloadTooLarge},
		{"batch", []byte(`[{"query":"{ __typename }"},{"query":"{ __typename }"}]`), false, 400, server.CodeBadRequest},
		{"900 KB of bad JSON", append([]byte(`{"query": "`), bytes.Repeat([]byte("\x01"), 900_000)...), false, 400, server.CodeBadRequest},
		{"introspection", GraphQLBody(IntrospectionQuery, nil), false, 200, ""},
		{"a page at the cost limit", GraphQLBody(`{ documents(first: 25) { nodes { id title citations { count resolution { symbol title } } mentions { code name } } } }`, nil), false, 200, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			status, _, body, err := Send(context.Background(), t, srv.URL, tc.body, tc.chunked)
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

// WatchHeap records the peak of the live heap until stopped.
func WatchHeap(peak *atomic.Uint64) (stop func()) {
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

// Send posts body as the spec's media type asks, with the length unknown
// to the server (chunked) when chunked is set.
func Send(ctx context.Context, t testing.TB, url string, body []byte, chunked bool) (int, http.Header, []byte, error) {
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

// GraphQLBody is the JSON body of a request.
func GraphQLBody(query string, vars map[string]any) []byte {
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

// IntrospectionQuery is the one the bundled GraphiQL sends (graphql-js
// getIntrospectionQuery: nine levels of ofType), the deepest query a
// legitimate client sends: 15 levels, the default depth limit.
const IntrospectionQuery = `query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name }
  types { ...FullType } directives { name description locations args { ...InputValue } } } }
fragment FullType on __Type { kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue } interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } } }`
