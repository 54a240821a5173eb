package neo4jstore

import (
	"context"
	"fmt"
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

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
				if err := s.WriteDocuments(ctx, synthetic(fmt.Sprintf("B/%d", i), size)); err != nil {
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
				if err := s.WriteDocuments(ctx, docs); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(size*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
