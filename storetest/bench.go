package storetest

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/synth"
)

// Bench runs one sub-benchmark per query family on s, which must already
// hold docs. Each reports the median and 99th percentile latency of its
// iterations (p50-ms, p99-ms), the numbers the latency targets are set in;
// ns/op alone would hide a slow tail. Targets vary across iterations,
// cycling deterministically through popular nodes (the most cited
// resolutions, the most prolific authors) and typical ones, and families
// whose cost grows with popularity are split so that each tail stays
// readable.
func Bench(b *testing.B, s uncite.Store, docs []*uncite.Document) {
	t := pickTargets(docs)
	ctx := context.Background()
	page := uncite.Page{Limit: 20}

	run := func(name string, targets int, query func(i int) error) {
		b.Run(name, func(b *testing.B) {
			if targets == 0 {
				b.Skip("no target in the corpus")
			}
			measure(b, func(i int) error { return query(i % targets) })
		})
	}

	run("Documents/cites=popular", len(t.popular), func(i int) error {
		_, _, err := s.Documents(ctx, uncite.DocumentFilter{Cites: t.popular[i]}, page)
		return err
	})
	run("Documents/cites=median", len(t.median), func(i int) error {
		_, _, err := s.Documents(ctx, uncite.DocumentFilter{Cites: t.median[i]}, page)
		return err
	})
	run("Documents/author", len(t.authors), func(i int) error {
		_, _, err := s.Documents(ctx, uncite.DocumentFilter{Author: t.authors[i]}, page)
		return err
	})
	run("Documents/session", len(t.sessions), func(i int) error {
		_, _, err := s.Documents(ctx, uncite.DocumentFilter{Body: t.sessions[i].Body, Session: t.sessions[i].Number}, page)
		return err
	})
	resolutionFilters := []uncite.ResolutionFilter{{}, {Body: uncite.BodyGA}, {Body: uncite.BodySC}, {Body: uncite.BodyHRC}}
	run("Resolutions/byCitationCount", len(resolutionFilters)*3, func(i int) error {
		// Later pages too: an offset must not cost a full re-sort per page.
		p := uncite.Page{Offset: (i / len(resolutionFilters)) * 100, Limit: 20}
		_, _, err := s.Resolutions(ctx, resolutionFilters[i%len(resolutionFilters)], uncite.OrderByCitationCount, p)
		return err
	})
	run("CoCited/popular", len(t.popular), func(i int) error {
		_, err := s.CoCited(ctx, []string{t.popular[i]}, 20, 5)
		return err
	})
	run("CoCited/median", len(t.median), func(i int) error {
		_, err := s.CoCited(ctx, []string{t.median[i]}, 20, 5)
		return err
	})
	run("Coupled", len(t.citing), func(i int) error {
		_, err := s.Coupled(ctx, []string{t.citing[i]}, 20, 5)
		return err
	})
	run("ResolutionFacets/popular", len(t.popular), func(i int) error {
		_, err := s.ResolutionFacets(ctx, []string{t.popular[i]})
		return err
	})
	run("ResolutionFacets/median", len(t.median), func(i int) error {
		_, err := s.ResolutionFacets(ctx, []string{t.median[i]})
		return err
	})
	run("MostCitedBy", len(t.authors), func(i int) error {
		_, err := s.MostCitedBy(ctx, []string{t.authors[i]}, 20)
		return err
	})
	topCited := []struct {
		body string
		year int
	}{{"", 0}, {uncite.BodyGA, 0}, {uncite.BodySC, 0}, {uncite.BodyHRC, 0}, {"", t.year}, {uncite.BodyGA, t.year}}
	run("TopCited", len(topCited), func(i int) error {
		_, err := s.TopCited(ctx, topCited[i].body, topCited[i].year, 20)
		return err
	})
	run("Neighborhood/resolution=popular", len(t.popular), func(i int) error {
		_, err := s.Neighborhood(ctx, uncite.NodeID(uncite.KindResolution, t.popular[i]), 1, 200)
		return err
	})
	run("Neighborhood/document", len(t.citing), func(i int) error {
		_, err := s.Neighborhood(ctx, uncite.NodeID(uncite.KindDocument, t.citing[i]), 1, 200)
		return err
	})
	run("FilterSubgraph/cites=popular", len(t.popular), func(i int) error {
		_, err := s.FilterSubgraph(ctx, uncite.DocumentFilter{Cites: t.popular[i]}, 50)
		return err
	})
	for _, hops := range []int{2, 3, 4} {
		run(fmt.Sprintf("Paths/hops=%d", hops), len(t.paths), func(i int) error {
			_, err := s.Paths(ctx, t.paths[i][0], t.paths[i][1], hops)
			return err
		})
	}
	run("Search", len(synth.SearchQueries), func(i int) error {
		_, _, err := s.Search(ctx, synth.SearchQueries[i], page)
		return err
	})
}

// measure times query over the benchmark's iterations and reports their
// percentiles. One untimed call first keeps one-off costs (query planning,
// caches filled on first use) out of the tail.
func measure(b *testing.B, query func(i int) error) {
	if err := query(0); err != nil {
		b.Fatal(err)
	}
	var lat []time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		err := query(i)
		lat = append(lat, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
	}
	slices.Sort(lat)
	b.ReportMetric(percentile(lat, 0.50), "p50-ms")
	b.ReportMetric(percentile(lat, 0.99), "p99-ms")
}

// percentile is the nearest-rank q-quantile of sorted latencies, in ms.
func percentile(sorted []time.Duration, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := max(int(math.Ceil(q*float64(len(sorted))))-1, 0)
	return float64(sorted[i]) / float64(time.Millisecond)
}

// targets are the nodes the benchmarks query, chosen from the corpus alone
// so that every store gets the same ones.
type targets struct {
	popular  []string // the most cited resolutions
	median   []string // resolutions around the median citation count
	authors  []string // the most prolific authors, then typical ones
	sessions []uncite.Session
	citing   []string    // documents citing something, spread through the corpus
	paths    [][2]string // node ID pairs
	year     int         // the year with most dated documents
}

func pickTargets(docs []*uncite.Document) targets {
	var t targets
	cites := map[string]int{}
	authored := map[string]int{}
	sessions := map[string]uncite.Session{}
	years := map[int]int{}
	var citing []*uncite.Document
	for _, d := range docs {
		for _, c := range d.Citations {
			cites[c.Symbol]++
		}
		if d.Author != "" {
			authored[d.Author]++
		}
		if k := d.SessionKey(); k != "" {
			sessions[k] = uncite.Session{Body: d.Body, Number: d.Session}
		}
		if len(d.Date) >= 4 {
			var y int
			fmt.Sscan(d.Date[:4], &y)
			years[y]++
		}
		if len(d.Citations) > 0 {
			citing = append(citing, d)
		}
	}

	symbols := ByCount(cites)
	t.popular = symbols[:min(10, len(symbols))]
	if mid := len(symbols) / 2; len(symbols) > 0 {
		t.median = symbols[max(mid-10, 0):min(mid+10, len(symbols))]
	}
	authors := ByCount(authored)
	t.authors = append(slices.Clone(authors[:min(5, len(authors))]), spread(authors, 15)...)
	for _, k := range spread(slices.Sorted(maps.Keys(sessions)), 20) {
		t.sessions = append(t.sessions, sessions[k])
	}
	for _, d := range spread(citing, 50) {
		t.citing = append(t.citing, d.ID)
	}
	// Paths between documents of the sample and documents and resolutions
	// further along: some share a resolution (two hops), most are linked
	// only through a session, State or chain of citations.
	for i, d := range spread(citing, 20) {
		other := citing[(i*7919+len(citing)/2)%len(citing)]
		t.paths = append(t.paths, [2]string{uncite.NodeID(uncite.KindDocument, d.ID), uncite.NodeID(uncite.KindDocument, other.ID)})
		if len(t.median) > 0 {
			t.paths = append(t.paths, [2]string{uncite.NodeID(uncite.KindDocument, d.ID), uncite.NodeID(uncite.KindResolution, t.median[i%len(t.median)])})
		}
	}
	best := 0
	for y, n := range years {
		if n > best || n == best && y > t.year {
			t.year, best = y, n
		}
	}
	return t
}

// ByCount returns the keys of counts, most counted first, ties by key.
func ByCount(counts map[string]int) []string {
	keys := slices.Collect(maps.Keys(counts))
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(counts[b]-counts[a], cmp.Compare(a, b))
	})
	return keys
}

// spread picks up to n elements evenly spaced through s.
func spread[T any](s []T, n int) []T {
	if len(s) <= n {
		return slices.Clone(s)
	}
	out := make([]T, n)
	for i := range out {
		out[i] = s[i*len(s)/n]
	}
	return out
}
