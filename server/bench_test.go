package server_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/server"
	"github.com/uncite/uncite/storetest"
	"github.com/uncite/uncite/synth"
)

// costliest are queries of at most 10 KB that go as far as the default
// limits allow, each in its most expensive shape found: many aliases of
// the fields whose work is not their output (rankings, neighbourhoods,
// paths, search, counts) and the widest pages.
var costliest = []struct{ name, query string }{
	{"topCited x120", aliases(120, `topCited(first: 200) { count }`)},
	{"neighborhood depth 3 limit 1000 x12", aliases(12, `neighborhood(id: "State:ARM", depth: 3, limit: 1000) { nodes { id } edges { source } }`)},
	{"citationPath x45", aliases(45, `citationPath(from: "State:ARM", to: "State:USA", maxHops: 6) { length }`)},
	{"search x100", aliases(100, `search(query: "the", first: 200) { totalCount }`)},
	{"filtered totalCount x120", aliases(120, `documents(filter: {dateFrom: "1990-01-01"}, first: 0) { totalCount }`)},
	{"documents first 25 with citations and mentions", `{ documents(first: 25) { nodes { id title citations { count resolution { symbol title } } mentions { code name } } } }`},
	{"states with mentionedIn", `{ states(first: 200) { nodes { code mentionedIn(first: 5) { totalCount nodes { id } } } } }`},
}

func aliases(n int, field string) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a%d: %s", i, field)
	}
	b.WriteString(" }")
	return b.String()
}

// BenchmarkCostliestQueries runs each of costliest on the embedded store
// over UNCITE_BENCH_DOCS synthetic documents (default 100,000), on the
// default limits: each must answer, or be refused at the deadline
// (counted as timeouts), within 5 s. It reports the slowest run and the
// peak of the live heap above the loaded store's.
//
//	go test -run '^$' -bench CostliestQueries -benchtime 3x ./server
func BenchmarkCostliestQueries(b *testing.B) {
	n := 100_000
	if v := os.Getenv("UNCITE_BENCH_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	store := memstore.New()
	for batch := range chunks(synth.Corpus(n, 1), 5000) {
		if _, err := store.WriteDocuments(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	srv := httptest.NewServer(server.Handler(store, server.Config{Logger: discard}))
	defer srv.Close()
	for _, q := range costliest {
		b.Run(q.name, func(b *testing.B) {
			body := storetest.GraphQLBody(q.query, nil)
			if len(body) > 10<<10 {
				b.Fatalf("%d bytes, over 10 KB", len(body))
			}
			runtime.GC()
			var base runtime.MemStats
			runtime.ReadMemStats(&base)
			var peak atomic.Uint64
			stop := storetest.WatchHeap(&peak)
			var slowest time.Duration
			timeouts := 0
			for b.Loop() {
				start := time.Now()
				status, _, resp, err := storetest.Send(context.Background(), b, srv.URL, body, false)
				slowest = max(slowest, time.Since(start))
				switch {
				case err == nil && status == 503 && strings.Contains(string(resp), server.CodeTimeout):
					timeouts++ // refused at the deadline: within bounds, and counted
				case err != nil || status != 200 || strings.Contains(string(resp), `"errors"`):
					b.Fatalf("status %d, %v: %.300s", status, err, resp)
				}
			}
			stop()
			if slowest > 5*time.Second {
				b.Errorf("a run took %s, over 5 s", slowest)
			}
			b.ReportMetric(slowest.Seconds(), "max-s")
			b.ReportMetric(float64(timeouts), "timeouts")
			b.ReportMetric(float64(peak.Load()-min(peak.Load(), base.HeapAlloc))/(1<<20), "peak-heap-MB")
		})
	}
}

func chunks[T any](s []T, n int) func(func([]T) bool) {
	return func(yield func([]T) bool) {
		for i := 0; i < len(s); i += n {
			if !yield(s[i:min(i+n, len(s))]) {
				return
			}
		}
	}
}
