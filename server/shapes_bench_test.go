package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/server"
	"github.com/uncite/uncite/storetest"
	"github.com/uncite/uncite/synth"
)

// BenchmarkPeerQueries runs the seven query families of the side-by-side
// comparison with @neo4j/graphql (bench/peer-graphql/compare.mjs in the
// shared folder, README "Performance"), on their targets as compare.mjs
// picks them, through the handler in this process on the embedded store
// over 5,000 synthetic documents. What it measures is the server's own
// cost of a request (parsing, shaping the reads, executing, writing the
// JSON): on Neo4j the same work is done on top of the database's.
//
//	go test -run '^$' -bench PeerQueries -count 5 ./server
func BenchmarkPeerQueries(b *testing.B) {
	docs := synth.Corpus(5000, 1)
	store := memstore.New()
	if _, err := store.WriteDocuments(context.Background(), docs); err != nil {
		b.Fatal(err)
	}
	t := peerTargets(docs)
	h := server.Handler(store, server.Config{Logger: discard})
	citedBy := func(symbol string) string {
		return fmt.Sprintf(`{ resolution(symbol: %q) { symbol citationCount citedBy(first: 20) { totalCount nodes { id date author { code } } } } }`, symbol)
	}
	for _, q := range []struct{ name, query string }{
		{"Q1a", citedBy(t.top)},
		{"Q1b", citedBy(t.median)},
		{"Q2", fmt.Sprintf(`{ documents(filter: {body: %q, dateFrom: "%s-01-01", dateTo: "%s-12-31"}, first: 20) { totalCount nodes { id date } } }`, t.body, t.year, t.year)},
		{"Q3", `{ resolutions(orderBy: CITATION_COUNT, first: 20) { nodes { symbol citationCount } } }`},
		{"Q4", fmt.Sprintf(`{ document(id: %q) { id citations { count resolution { symbol citationCount citedBy(first: 5) { nodes { id } } } } } }`, t.doc)},
		{"Q5", fmt.Sprintf(`{ resolution(symbol: %q) { coCited(first: 10) { resolution { symbol } count } } }`, t.top)},
		{"Q6", fmt.Sprintf(`{ state(code: %q) { code authored(first: 20) { totalCount nodes { id citations { resolution { symbol } } } } } }`, t.state)},
	} {
		body := storetest.GraphQLBody(q.query, nil)
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			var w *httptest.ResponseRecorder
			for b.Loop() {
				r := httptest.NewRequest(http.MethodPost, server.GraphQLPath, bytes.NewReader(body))
				r.Header.Set("Content-Type", "application/json")
				w = httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != http.StatusOK {
					b.Fatalf("status %d: %.300s", w.Code, w.Body)
				}
			}
			// The answer is checked once, outside the timed loop.
			var resp struct {
				Data   map[string]any
				Errors []any
			}
			err := json.Unmarshal(w.Body.Bytes(), &resp)
			if err != nil || len(resp.Errors) > 0 || len(resp.Data) != 1 {
				b.Fatalf("%v: %.300s", err, w.Body)
			}
			for _, root := range resp.Data {
				if root == nil {
					b.Fatalf("no answer: %.300s", w.Body)
				}
			}
			b.ReportMetric(float64(w.Body.Len()), "resp-bytes")
		})
	}
}

// peerTargets picks what compare.mjs picks: the most-cited resolution and
// the median one (by citing documents, ties by symbol), the document
// citing the most resolutions, the State that wrote the most documents,
// and the body and year with the most documents.
func peerTargets(docs []*uncite.Document) (t struct{ top, median, doc, state, body, year string }) {
	citing := map[string]int{}
	authored := map[string]int{}
	periods := map[string]int{}
	most := -1
	for _, d := range docs {
		for _, c := range d.Citations {
			citing[c.Symbol]++
		}
		if d.Author != "" {
			authored[d.Author]++
		}
		if d.Body != "" && len(d.Date) >= 4 {
			periods[d.Body+" "+d.Date[:4]]++
		}
		if n := len(d.Citations); n > most || n == most && d.ID < t.doc {
			most, t.doc = n, d.ID
		}
	}
	cited := storetest.ByCount(citing)
	t.top, t.median = cited[0], cited[len(cited)/2]
	t.state = storetest.ByCount(authored)[0]
	t.body, t.year, _ = strings.Cut(storetest.ByCount(periods)[0], " ")
	return t
}
