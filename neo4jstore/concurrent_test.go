package neo4jstore

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/uncite/uncite"
	"golang.org/x/sync/errgroup"
)

// cite is a citation of a resolution by its canonical symbol.
func cite(symbol string, count int) uncite.Citation {
	c, _ := uncite.ParseResolutionSymbol(symbol)
	c.Count = count
	return c
}

const r822 = "S/RES/822 (1993)"

// racingBatches gives each of writers batches that overlap on purpose: in
// round k every writer writes its own language version of resolution
// S/RES/(2000+k) (same symbol, another ID), and documents citing that
// resolution and the next one, which another writer's batch of round k+1
// holds. So several transactions at once decide which node holds a symbol,
// promote a document to it or create a Resolution node for it.
func racingBatches(writers, rounds int) [][]*uncite.Document {
	symbol := func(k int) string { return fmt.Sprintf("S/RES/%d (1993)", 2000+k) }
	batches := make([][]*uncite.Document, writers)
	for w := range writers {
		for k := range rounds {
			res := &uncite.Document{ID: fmt.Sprintf("%s-%d", symbol(k), w), Symbol: symbol(k), Type: "resolution",
				Date: "1993-01-01", Body: uncite.BodySC, SHA256: fmt.Sprintf("r%d-%d", k, w),
				Citations: []uncite.Citation{cite(symbol(k+1), 1)}}
			note := &uncite.Document{ID: fmt.Sprintf("N/%d/%d", w, k), Symbol: fmt.Sprintf("N/%d/%d", w, k),
				Date: fmt.Sprintf("20%02d-01-01", k%20), Body: uncite.BodyHRC, Session: 40 + k%3, Author: "ARM",
				AgendaItems: []uncite.AgendaItem{{Number: fmt.Sprint(k % 4)}},
				Citations:   []uncite.Citation{cite(symbol(k), 1), cite(symbol(k+1), 2), cite(r822, 1)},
				References:  []string{symbol(k), fmt.Sprintf("N/%d/%d", (w+1)%writers, k)},
				SHA256:      fmt.Sprintf("n%d-%d", w, k)}
			batches[w] = append(batches[w], res, note)
		}
	}
	return batches
}

// TestConcurrentWritesOverlap writes overlapping batches from several
// writers at once, as concurrent loads of one corpus do, and requires the
// graph to be the one a single writer makes. Writers deciding at once which
// node holds a resolution's symbol used to fail on the uniqueness
// constraint of Resolution.symbol.
func TestConcurrentWritesOverlap(t *testing.T) {
	const writers, rounds = 6, 12
	batches := racingBatches(writers, rounds)
	fresh(t)
	for _, b := range batches {
		write(t, shared, b...)
	}
	want := dump(t, shared)

	// Deadlocks between the writers are retried by the driver; the retry
	// time is that of a load.
	s := openWith(t, func(c *Config) { c.RetryTime = time.Minute })
	for attempt := range 3 {
		fresh(t)
		var g errgroup.Group
		for _, b := range batches {
			g.Go(func() error {
				// Two documents at a time, so that writers interleave.
				for i := 0; i < len(b); i += 2 {
					if _, err := s.WriteDocuments(context.Background(), b[i:i+2]); err != nil {
						return err
					}
				}
				return nil
			})
		}
		if err := g.Wait(); err != nil {
			t.Fatalf("attempt %d: %v", attempt, err)
		}
		if d := diff(dump(t, shared), want); d != "" {
			t.Fatalf("attempt %d: concurrent writers made another graph than one writer:\n%s", attempt, d)
		}
	}
}
