// Package storetest is the conformance suite every uncite.Store must pass,
// each case written once and run on every store: a table of GraphQL
// queries over the bundled sample corpus, run through the real HTTP
// handler, whose whole answers are reviewed facts kept in testdata (Run);
// and the Store methods called directly on small hand-built graphs whose
// answers are worked out by hand (RunReads, RunWrites, RunRelations,
// RunGraphViews, RunSearch), besides hostile requests (RunHostile).
package storetest

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/loader"
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
// case of Cases and GraphCases against it: the response must contain each
// hand-checked fragment of Want and equal, whole, the reviewed answer in
// testdata/conformance.json (see testdata/README.md), so that no store,
// the embedded one included, is held only to itself.
func Run(t *testing.T, open Opener) {
	ctx := context.Background()
	s := loaded(ctx, t, open(t))
	// The cases compare answers, some of queries that cost more than the
	// default limit allows (every list weighed at its cap), and some that
	// a busy test server plans for longer than a request's default
	// deadline the first time.
	cfg := server.Config{MaxComplexity: 1 << 30, Timeout: time.Minute, Logger: slog.New(slog.DiscardHandler)}
	srv := httptest.NewServer(server.Handler(s, cfg))
	defer srv.Close()

	want := goldenAnswers(t)
	update := os.Getenv(UpdateEnv) == "1"
	got := map[string]json.RawMessage{}
	for _, c := range append(Cases, GraphCases...) {
		t.Run(c.Name, func(t *testing.T) {
			body := Query(t, srv.URL, c.Query, c.Vars)
			got[c.Name] = json.RawMessage(body)
			for _, w := range c.Want {
				if !strings.Contains(body, w) {
					t.Errorf("response lacks %s\nresponse: %s", w, body)
				}
			}
			if update {
				return
			}
			w, ok := want[c.Name]
			if !ok {
				t.Errorf("no reviewed answer in %s; write one with %s=1 and review it", goldenFile, UpdateEnv)
				return
			}
			if body != w {
				t.Errorf("differs from the reviewed answer in %s\n got: %s\nwant: %s", goldenFile, body, w)
			}
		})
	}
	if update {
		writeGolden(t, got)
		return
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("%s answers case %q, which is no case any more", goldenFile, name)
		}
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
