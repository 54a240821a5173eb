package neo4jstore

import (
	"context"
	"flag"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/internal/neo4jtest"
	"github.com/uncite/uncite/refdata"
	"github.com/uncite/uncite/storetest"
	"github.com/uncite/uncite/synth"
)

// benchDocs is the size of the query benchmark corpus, the same as the
// in-memory store's so that the two can be compared.
const benchDocs = 100_000

// benchBatch is the batch size of the benchmark load: large batches amortise
// the per-transaction work of the derived nodes, and 1,000 of these
// documents stay well within the test server's heap (2 GB by default).
const benchBatch = 1000

// benchCorpus is generated once per test binary.
var benchCorpus []*uncite.Document

// loadBenchCorpus empties the database and writes the synthetic corpus
// unless the server holds it already, from an earlier benchmark of this
// run or of another, logging how long the load took: the load takes
// minutes, and the Neo4j figures are those of a second run over the loaded
// graph.
func loadBenchCorpus(b *testing.B) (*Store, []*uncite.Document) {
	if benchCorpus == nil {
		benchCorpus = synth.Corpus(benchDocs, 1)
	}
	if holdsCorpus(b, benchCorpus) {
		return shared, benchCorpus
	}
	s := fresh(b)
	ctx := context.Background()
	start := time.Now()
	for i := 0; i < len(benchCorpus); i += benchBatch {
		if _, err := s.WriteDocuments(ctx, benchCorpus[i:min(i+benchBatch, len(benchCorpus))]); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%d synthetic documents loaded in batches of %d in %v", len(benchCorpus), benchBatch, time.Since(start).Round(time.Second))
	return s, benchCorpus
}

// holdsCorpus tells whether the database holds exactly docs: as many
// documents, the first and last of them with their digests. The corpus is
// generated from a fixed seed, so a database loaded from another seed or
// size, or since changed by a test, fails the check.
func holdsCorpus(b *testing.B, docs []*uncite.Document) bool {
	first, last := docs[0], docs[len(docs)-1]
	n := count(b, shared, `MATCH (d:Document) WITH count(d) AS n
RETURN CASE WHEN EXISTS { (:Document {id: $first, sha256: $firstSHA}) } AND EXISTS { (:Document {id: $last, sha256: $lastSHA}) }
  THEN n ELSE -1 END AS n`,
		map[string]any{"first": first.ID, "firstSHA": first.SHA256, "last": last.ID, "lastSHA": last.SHA256})
	return n == len(docs)
}

// BenchmarkQueries measures every query family on 100,000 synthetic
// documents; see storetest.Bench for what each sub-benchmark asks. The load
// is not timed by the benchmark but logged (run with -v to see it).
func BenchmarkQueries(b *testing.B) {
	s, docs := loadBenchCorpus(b)
	storetest.Bench(b, s, docs)
}

// synthetic returns n documents shaped like the corpus's notes verbales:
// a session, two agenda items, an author, five mentions, ten citations drawn
// from a pool of 300 Security Council resolutions, three references.
func synthetic(prefix string, n int) []*uncite.Document {
	states := refdata.States()
	docs := make([]*uncite.Document, n)
	for i := range docs {
		d := &uncite.Document{
			ID: fmt.Sprintf("%s/%d", prefix, i), Symbol: fmt.Sprintf("%s/%d", prefix, i), Title: "Note verbale",
			Type: "note verbale", Date: "2020-03-02", Languages: []string{"en"}, Body: uncite.BodyHRC,
			Session: 40 + i%5, SessionStart: "2020-02-24", SessionEnd: "2020-03-20",
			AgendaItems: []uncite.AgendaItem{{Number: "4", Title: "Human rights situations"}, {Number: fmt.Sprint(i % 10)}},
			Author:      states[i%len(states)].Code,
			References:  []string{fmt.Sprintf("%s/%d", prefix, (i+1)%n), "A/HRC/43/2", "S/2020/100"},
			File:        fmt.Sprintf("%d.txt", i), SHA256: fmt.Sprint(i),
		}
		for j := range 5 {
			d.Mentions = append(d.Mentions, uncite.Mention{State: states[(i+j*7)%len(states)].Code, Count: j + 1})
		}
		for j := range 10 {
			c, _ := uncite.ParseResolutionSymbol(fmt.Sprintf("S/RES/%d (1993)", 800+(i*7+j*31)%300))
			c.Count, c.Contexts, c.Verbs = 1, []string{"Recalling its resolution."}, []string{"Recalling"}
			d.Citations = append(d.Citations, c)
		}
		docs[i] = d
	}
	return docs
}

// BenchmarkWriteDocuments times batches of new documents into a growing
// graph, and the reload of a batch that is already stored.
func BenchmarkWriteDocuments(b *testing.B) {
	ctx := context.Background()
	for _, size := range []int{10, 100, 500} {
		b.Run(fmt.Sprintf("new/batch=%d", size), func(b *testing.B) {
			s := fresh(b)
			i := 0
			for b.Loop() {
				if _, err := s.WriteDocuments(ctx, synthetic(fmt.Sprintf("B/%d", i), size)); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.ReportMetric(float64(size*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
		b.Run(fmt.Sprintf("unchanged/batch=%d", size), func(b *testing.B) {
			s := fresh(b)
			docs := synthetic("U", size)
			write(b, s, docs...)
			for b.Loop() {
				if _, err := s.WriteDocuments(ctx, docs); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(size*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// loadDocs is the size of the corpus BenchmarkLoad loads.
var loadDocs = flag.Int("load-docs", 10_000, "synthetic documents BenchmarkLoad loads")

// BenchmarkLoad loads -load-docs synthetic documents into an empty graph,
// through WriteDocuments in batches of loadBatch (writes) and through the
// CSV files of ImportWriter imported by neo4j-admin into a throwaway server
// and opened (import: the files, the import, the start of the server, the
// indexes and the counts Open derives). It reports the CITES relationships
// in the graph per second and the documents per second; one iteration is a
// whole load, so run it with -benchtime 1x.
func BenchmarkLoad(b *testing.B) {
	docs := synth.Corpus(*loadDocs, 1)
	ctx := context.Background()
	report := func(b *testing.B, s *Store) {
		cites := count(b, s, "MATCH ()-[c:CITES]->() RETURN count(c) AS n", nil)
		secs := b.Elapsed().Seconds() / float64(b.N)
		b.ReportMetric(float64(cites)/secs, "cites/s")
		b.ReportMetric(float64(len(docs))/secs, "docs/s")
	}
	b.Run(fmt.Sprintf("writes/docs=%d", len(docs)), func(b *testing.B) {
		s := fresh(b)
		for b.Loop() {
			b.StopTimer()
			fresh(b)
			b.StartTimer()
			for i := 0; i < len(docs); i += loadBatch {
				if _, err := s.WriteDocuments(ctx, docs[i:min(i+loadBatch, len(docs))]); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b, s)
	})
	b.Run(fmt.Sprintf("import/docs=%d", len(docs)), func(b *testing.B) {
		srv := neo4jtest.Throwaway(b)
		var s *Store
		for b.Loop() {
			// Not b.TempDir: its name holds the "=" of the benchmark's,
			// which neo4j-admin reads as the end of a label.
			dir, err := os.MkdirTemp("", "uncite-import")
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { os.RemoveAll(dir) })
			w, err := NewImportWriter(dir)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := w.WriteDocuments(ctx, docs); err != nil {
				b.Fatal(err)
			}
			if err := w.Close(); err != nil {
				b.Fatal(err)
			}
			srv.Import(b, ImportArgs(dir)...)
			s = openWith(b, func(c *Config) { c.URI = srv.URI })
		}
		report(b, s)
	})
}

// loadBatch is the batch of BenchmarkLoad's writes, that of the benchmark
// corpus's load.
const loadBatch = benchBatch
