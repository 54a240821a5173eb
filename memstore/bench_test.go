package memstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/storetest"
	"github.com/uncite/uncite/synth"
)

// benchDocs is the size of the benchmark corpus, about the size of a
// several-year collection of a body's documents.
const benchDocs = 100_000

// The corpus and the store loaded with it are built once per test binary:
// generating and loading take seconds, and every query benchmark reads the
// same store.
var (
	loadOnce sync.Once
	corpus   []*uncite.Document
	loaded   *memstore.Store
	loadTime time.Duration
)

func loadCorpus(b *testing.B) ([]*uncite.Document, *memstore.Store) {
	loadOnce.Do(func() {
		corpus = synth.Corpus(benchDocs, 1)
		loaded = memstore.New()
		start := time.Now()
		for i := 0; i < len(corpus); i += 1000 {
			if _, err := loaded.WriteDocuments(context.Background(), corpus[i:min(i+1000, len(corpus))]); err != nil {
				panic(err)
			}
		}
		loadTime = time.Since(start)
	})
	if loaded == nil {
		b.Fatal("loading the corpus failed")
	}
	b.Logf("%d synthetic documents loaded in %v", len(corpus), loadTime.Round(time.Millisecond))
	return corpus, loaded
}

// BenchmarkQueries measures every query family on 100,000 synthetic
// documents; see storetest.Bench for what each sub-benchmark asks.
func BenchmarkQueries(b *testing.B) {
	docs, s := loadCorpus(b)
	storetest.Bench(b, s, docs)
}

// BenchmarkWrite measures writes of new documents in batches into a store
// that grows to the size of the benchmark corpus (then starts afresh), and
// the rewrite of an unchanged batch, in documents per second.
func BenchmarkWrite(b *testing.B) {
	docs, _ := loadCorpus(b)
	ctx := context.Background()
	for _, size := range []int{100, 1000} {
		b.Run(fmt.Sprintf("new/batch=%d", size), func(b *testing.B) {
			s, next := memstore.New(), 0
			for b.Loop() {
				if next+size > len(docs) {
					s, next = memstore.New(), 0
				}
				if _, err := s.WriteDocuments(ctx, docs[next:next+size]); err != nil {
					b.Fatal(err)
				}
				next += size
			}
			b.ReportMetric(float64(size*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
		b.Run(fmt.Sprintf("unchanged/batch=%d", size), func(b *testing.B) {
			s := memstore.New()
			if _, err := s.WriteDocuments(ctx, docs[:size]); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := s.WriteDocuments(ctx, docs[:size]); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(size*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
