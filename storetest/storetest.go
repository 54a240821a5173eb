// Package storetest is the conformance suite every uncite.Store must pass:
// one table of GraphQL queries with their expected answers over the bundled
// sample corpus, run through the real HTTP handler. Each query's whole
// response must also equal the embedded store's, so Neo4j and memory can
// never drift apart on a field the table does not spell out.
package storetest

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/sample"
	"github.com/uncite/uncite/server"
)

// Case is one query of the suite. Want holds JSON fragments that the
// response must contain, as produced by encoding/json, so that each case
// states the facts it checks without pinning unrelated fields.
type Case struct {
	Name  string
	Query string
	Vars  map[string]any
	Want  []string
}

// Run loads the sample corpus into a fresh store from open and checks every
// case of Cases against it and against the embedded store.
func Run(t *testing.T, open func(t *testing.T) uncite.Store) {
	ctx := context.Background()
	ref := loaded(ctx, t, memstore.New())
	got := loaded(ctx, t, open(t))
	// The cases compare answers, some of queries that cost more than the
	// default limit allows (every list weighed at its cap), and some that
	// a busy test server plans for longer than a request's default
	// deadline the first time.
	cfg := server.Config{MaxComplexity: 1 << 30, Timeout: time.Minute}
	refSrv := httptest.NewServer(server.Handler(ref, cfg))
	defer refSrv.Close()
	srv := httptest.NewServer(server.Handler(got, cfg))
	defer srv.Close()

	for _, c := range append(Cases, GraphCases...) {
		t.Run(c.Name, func(t *testing.T) {
			body := Query(t, srv.URL, c.Query, c.Vars)
			for _, w := range c.Want {
				if !strings.Contains(body, w) {
					t.Errorf("response lacks %s\nresponse: %s", w, body)
				}
			}
			if want := Query(t, refSrv.URL, c.Query, c.Vars); body != want {
				t.Errorf("differs from the embedded store\n got: %s\nwant: %s", body, want)
			}
		})
	}
}

func loaded(ctx context.Context, t *testing.T, s uncite.Store) uncite.Store {
	t.Helper()
	rep, err := (&loader.Loader{Store: s, BatchSize: 7}).LoadFS(ctx, sample.Docs())
	if err != nil {
		t.Fatalf("loading the sample corpus: %v", err)
	}
	if err := rep.Err(); err != nil {
		t.Fatalf("sample corpus files failed: %v", err)
	}
	return s
}

// Query posts a GraphQL query and returns the compact JSON response body.
func Query(t *testing.T, url, query string, vars map[string]any) string {
	t.Helper()
	payload, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(url+server.GraphQLPath, "application/json", bytes.NewReader(payload))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var raw json.RawMessage
	if err := json.NewDecoder(resp.Body).Decode(&raw); err != nil {
		t.Fatalf("status %d, undecodable body: %v", resp.StatusCode, err)
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
