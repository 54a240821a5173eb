package neo4jstore

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
)

// TestCoCitedCountsFollowReplacements lowers the threshold so that
// resolutions of a small corpus keep co-citation counts, crosses it in the
// middle of the writes, rewrites documents so that counts rise, fall and
// vanish and resolutions move between nodes, then checks the kept counts
// against the citations, and every answer of CoCited against the one
// counted from the citing documents.
func TestCoCitedCountsFollowReplacements(t *testing.T) {
	defer func(n int) { partnersFrom = n }(partnersFrom)
	partnersFrom = 15
	ctx := context.Background()
	s := fresh(t)
	// Five citations each from a pool of twelve resolutions: each is
	// cited by some 25 of the 60 documents.
	docs := synthetic("C", 60)
	for i, d := range docs {
		d.Citations = nil
		for j := range 5 {
			c, _ := uncite.ParseResolutionSymbol(fmt.Sprintf("S/RES/%d (1993)", 800+(i*5+j*7)%12))
			c.Count = 1
			d.Citations = append(d.Citations, c)
		}
	}
	write(t, s, docs[:20]...)
	if n := count(t, s, "MATCH (r:Resolution) WHERE r.partnersKept RETURN count(r) AS n", nil); n != 0 {
		t.Fatalf("%d resolutions keep counts below the threshold", n)
	}
	write(t, s, docs[20:45]...)
	write(t, s, docs[45:]...)
	res := &uncite.Document{ID: "S/RES/800 (1993)", Symbol: "S/RES/800 (1993)", Type: "resolution", Date: "1993-04-30",
		Body: uncite.BodySC, SHA256: "r1", Citations: []uncite.Citation{{Symbol: "S/RES/801 (1993)", Count: 1}}}
	fr := &uncite.Document{ID: "S/RES/800 (1993)-fr", Symbol: "S/RES/800 (1993)", Date: "1993-04-30", Body: uncite.BodySC, SHA256: "f1"}
	write(t, s, res, fr)
	for i, d := range docs {
		switch i % 4 {
		case 0:
			d.Citations = d.Citations[:1+i%3] // fewer, and some alone
		case 1:
			d.Citations = append(d.Citations[1:], d.Citations[0]) // the same, reordered
		case 2:
			c, _ := uncite.ParseResolutionSymbol("S/RES/900 (1993)")
			d.Citations = append(d.Citations[2:], c) // a new partner
		default:
			continue
		}
		d.SHA256 += "-2"
	}
	write(t, s, docs[:30]...)
	write(t, s, docs[30:]...)
	res.Symbol, res.SHA256 = "", "r2" // the French version becomes the resolution
	write(t, s, res)

	kept := map[string][]any{}
	recs, err := s.query(ctx, `
MATCH (r:Resolution) WHERE r.partnersKept
RETURN r.symbol AS symbol,
       COLLECT { MATCH (r)-[c:CO_CITED]->(r) WITH c ORDER BY c.partner RETURN [c.symbol, c.partner, c.count] } AS kept,
       COLLECT { MATCH (r)<-[:CITES]-()-[:CITES]->(p) WHERE p <> r
                 WITH p.symbol AS partner, count(*) AS n ORDER BY partner RETURN [r.symbol, partner, n] } AS counted`, nil, neo4j.Read)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		symbol := get[string](r, "symbol")
		kept[symbol] = get[[]any](r, "kept")
		if counted := get[[]any](r, "counted"); !reflect.DeepEqual(kept[symbol], counted) {
			t.Errorf("%s keeps counts %v, its citations give %v", symbol, kept[symbol], counted)
		}
	}
	if len(kept) < 6 || kept["S/RES/800 (1993)"] == nil {
		t.Errorf("counts kept for %d resolutions (%v), want most, S/RES/800 (1993) among them", len(kept), kept)
	}
	if n := count(t, s, "MATCH (r)-[c:CO_CITED]->() WHERE NOT r:Resolution OR r.partnersKept IS NULL RETURN count(c) AS n", nil); n != 0 {
		t.Errorf("%d co-citation counts on resolutions not keeping them", n)
	}

	symbols := func() []string {
		recs, err := s.query(ctx, "MATCH (r:Resolution) RETURN r.symbol AS symbol ORDER BY symbol", nil, neo4j.Read)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range recs {
			out = append(out, get[string](r, "symbol"))
		}
		return out
	}()
	answers := func() map[string][]uncite.CoCitation {
		out := map[string][]uncite.CoCitation{}
		for _, le := range [][2]int{{0, 0}, {3, 0}, {3, 2}, {5, 1}, {100, 100}} {
			got, err := s.CoCited(ctx, symbols, le[0], le[1])
			if err != nil || len(got) != len(symbols) {
				t.Fatalf("CoCited of %d resolutions: %d answers, %v", len(symbols), len(got), err)
			}
			for _, symbol := range symbols {
				out[fmt.Sprint(symbol, le)] = got[symbol]
			}
		}
		return out
	}
	replaced := answers()
	partnersFrom = 1 << 30
	s = fresh(t)
	write(t, s, append(docs, res, fr)...)
	if n := count(t, s, "MATCH (r:Resolution) WHERE r.partnersKept RETURN count(r) AS n", nil); n != 0 {
		t.Fatalf("%d resolutions keep counts", n)
	}
	for key, want := range answers() {
		if got := replaced[key]; !reflect.DeepEqual(got, want) {
			t.Errorf("CoCited%s from kept counts = %+v, counted = %+v", key, got, want)
		}
	}
}
