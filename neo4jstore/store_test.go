package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
	"github.com/uncite/uncite/storetest"
)

func write(t testing.TB, s *Store, docs ...*uncite.Document) {
	t.Helper()
	if _, err := s.WriteDocuments(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
}

func TestOpenIsIdempotent(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	before := dump(t, s)
	constraints := count(t, s, "SHOW CONSTRAINTS YIELD name RETURN count(*) AS n", nil)
	again, err := Open(ctx, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close(ctx)
	if n := count(t, s, "SHOW CONSTRAINTS YIELD name RETURN count(*) AS n", nil); n != constraints || n < 6 {
		t.Errorf("%d constraints after a second Open, %d before (want at least 6)", n, constraints)
	}
	if after := dump(t, s); !slices.Equal(before, after) {
		t.Errorf("a second Open changed the graph")
	}
	if n := count(t, s, "MATCH (n:State) RETURN count(n) AS n", nil); n != len(refdata.States()) {
		t.Errorf("%d State nodes, want %d", n, len(refdata.States()))
	}
	if n := count(t, s, "MATCH (n:Body) WHERE n.name IS NOT NULL RETURN count(n) AS n", nil); n != len(uncite.BodyNames) {
		t.Errorf("%d named Body nodes, want %d", n, len(uncite.BodyNames))
	}
}

func TestResetKeepsReferenceNodes(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	write(t, s, storetest.Letter(), storetest.Resolution822())
	if err := s.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "MATCH (n) WHERE NOT n:State AND NOT n:Body AND NOT n:Migration RETURN count(n) AS n", nil); n != 0 {
		t.Errorf("%d nodes survive Reset", n)
	}
	if n := count(t, s, "MATCH (m:Migration) RETURN count(m) AS n", nil); n != len(migrations) {
		t.Errorf("%d migrations marked done after Reset, want %d", n, len(migrations))
	}
	if _, total, err := s.States(ctx, uncite.Page{}); err != nil || total != len(refdata.States()) {
		t.Errorf("%d States after Reset, %v", total, err)
	}
	if err := s.Ping(ctx); err != nil {
		t.Errorf("Ping: %v", err)
	}
}

func TestOpenUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := Open(ctx, Config{URI: "bolt://127.0.0.1:1"})
	if err == nil || !strings.Contains(err.Error(), "bolt://127.0.0.1:1") {
		t.Errorf("Open of a closed port: error %v, want one naming the URI", err)
	}
}

// TestRelationships checks the relationships the design names, each once;
// storetest.RunReads checks what reads give back.
func TestRelationships(t *testing.T) {
	s := fresh(t)
	want := storetest.Letter()
	write(t, s, want, storetest.Resolution822())
	for _, c := range []struct {
		pattern string
		want    int
	}{
		{"(:Document {id: $id})-[:SUBMITTED_BY]->(:State {code: 'ARM'})", 1},
		{"(:Document {id: $id})-[:MENTIONS {count: 3}]->(:State {code: 'ARM'})", 1},
		{"(:Document {id: $id})-[:MENTIONS]->(:State)", 2},
		{"(:Document {id: $id})-[:IN_SESSION]->(:Session {key: 'HRC-43', body: 'HRC', number: 43})-[:OF_BODY]->(:Body {code: 'HRC'})", 1},
		{"(:Document {id: $id})-[:UNDER_ITEM]->(:AgendaItem {key: 'HRC-43-4', number: '4', title: 'Human rights situations'})-[:IN_SESSION]->(:Session {key: 'HRC-43'})", 1},
		{"(:Document {id: $id})-[:UNDER_ITEM]->(:AgendaItem)", 2},
		{"(:Document {id: $id})-[:CITES {count: 2, operative: true}]->(:Resolution {symbol: 'S/RES/822 (1993)'})-[:ADOPTED_BY]->(:Body {code: 'SC'})", 1},
		{"(:Document {id: $id})-[:CITES]->(:Resolution)", 3},
		{"(:Document)-[:REFERS_TO]->()", 0}, // no referenced document is stored
	} {
		if n := count(t, s, "MATCH p = "+c.pattern+" RETURN count(p) AS n", map[string]any{"id": want.ID}); n != c.want {
			t.Errorf("%s: %d matches, want %d", c.pattern, n, c.want)
		}
	}
}

func TestReloadIsIdempotent(t *testing.T) {
	s := fresh(t)
	docs := []*uncite.Document{storetest.Letter(), storetest.Resolution822(), {ID: "nodigest.txt", Title: "no sha256", Body: uncite.BodyHRC, Session: 43}}
	write(t, s, docs...)
	before := dump(t, s)
	write(t, s, docs...)
	write(t, s, docs[2], docs[1], docs[0])
	if after := dump(t, s); !slices.Equal(before, after) {
		t.Errorf("rewriting the same documents changed the graph:\n%s", diff(before, after))
	}
}

// TestChangedDocumentReplacesOld checks that replacing a document leaves
// the very graph, node for node, that writing the new version directly
// gives; storetest.RunWrites checks the answers.
func TestChangedDocumentReplacesOld(t *testing.T) {
	s := fresh(t)
	other, changed := storetest.ReplacedLetter()
	write(t, s, storetest.Letter(), other)
	write(t, s, changed)
	replaced := dump(t, s)
	s = fresh(t)
	write(t, s, changed, other)
	if direct := dump(t, s); !slices.Equal(replaced, direct) {
		t.Errorf("replacing left a graph unlike writing the new version directly:\n%s", diff(direct, replaced))
	}
	if n := count(t, s, "MATCH (a:AgendaItem {key: 'HRC-43-2'}) RETURN count(a) AS n", nil); n != 0 {
		t.Errorf("agenda item of no document survives")
	}

	// Moving both documents out of the session deletes it.
	changed.Session, changed.SHA256 = 0, "v3"
	other.Session, other.SHA256 = 0, "o2"
	write(t, s, changed, other)
	if n := count(t, s, "MATCH (n) WHERE n:Session OR n:AgendaItem RETURN count(n) AS n", nil); n != 0 {
		t.Errorf("%d sessions and agenda items survive without documents", n)
	}
}

// TestResolutionDocumentIsOneNode checks that a loaded resolution is one
// node, labelled both Document and Resolution, whatever the order of the
// writes, and which language version holds it; storetest.RunWrites checks
// the answers.
func TestResolutionDocumentIsOneNode(t *testing.T) {
	const symbol = "S/RES/9999 (2030)"
	res := &uncite.Document{ID: symbol, Symbol: symbol, Title: "Resolution 9999", Date: "2030-01-02", Body: uncite.BodySC, SHA256: "r"}
	citing := &uncite.Document{ID: "citing.txt", SHA256: "c", Author: "ARM",
		Citations: []uncite.Citation{{Symbol: symbol, Body: uncite.BodySC, Number: "9999", Year: 2030, Count: 1}}}
	check := func(t *testing.T, s *Store, holder string) {
		t.Helper()
		if n := count(t, s, "MATCH (n) WHERE n.symbol = $symbol AND NOT n:Document RETURN count(n) AS n", map[string]any{"symbol": symbol}); n != 0 {
			t.Errorf("%d Resolution nodes besides the document, want none", n)
		}
		if n := count(t, s, "MATCH (d:Document:Resolution {id: $id, symbol: $symbol})<-[:CITES]-(:Document {id: 'citing.txt'}) RETURN count(d) AS n",
			map[string]any{"id": holder, "symbol": symbol}); n != 1 {
			t.Errorf("the citation does not reach document %q as a Resolution", holder)
		}
	}
	for _, order := range [][]*uncite.Document{{res, citing}, {citing, res}} {
		t.Run("written "+order[0].ID+" first", func(t *testing.T) {
			s := fresh(t)
			write(t, s, order[0])
			write(t, s, order[1])
			check(t, s, res.ID)
			together := dump(t, s)
			s = fresh(t)
			write(t, s, order...)
			if one := dump(t, s); !slices.Equal(one, together) {
				t.Errorf("one batch and two batches give different graphs:\n%s", diff(together, one))
			}
		})
	}

	t.Run("language versions", func(t *testing.T) {
		s := fresh(t)
		fr := *res
		fr.ID, fr.Title = symbol+"-fr", "Résolution 9999"
		write(t, s, &fr, citing)
		write(t, s, res) // the smaller ID takes the resolution over
		check(t, s, res.ID)
		if n := count(t, s, "MATCH (d:Document {id: $id}) WHERE NOT d:Resolution AND d.resolutionTitle IS NULL RETURN count(d) AS n",
			map[string]any{"id": fr.ID}); n != 1 {
			t.Errorf("the French version still holds the resolution")
		}
		moved := *res
		moved.Symbol, moved.SHA256 = "", "r2" // the English version stops being the resolution
		write(t, s, &moved)
		if n := count(t, s, "MATCH (d:Document:Resolution {id: $id}) RETURN count(d) AS n", map[string]any{"id": fr.ID}); n != 1 {
			t.Errorf("the French version did not take the resolution back")
		}
		fr.Symbol, fr.SHA256 = "", "f2" // no document is the resolution any more: a node of its own remains
		write(t, s, &fr)
		if n := count(t, s, "MATCH (r:Resolution {symbol: $symbol}) WHERE NOT r:Document RETURN count(r) AS n", map[string]any{"symbol": symbol}); n != 1 {
			t.Errorf("the cited resolution has no node of its own")
		}
		direct := dump(t, s)
		s = fresh(t)
		write(t, s, &moved, &fr, citing)
		if d := dump(t, s); !slices.Equal(d, direct) {
			t.Errorf("moving the resolution around left a different graph:\n%s", diff(d, direct))
		}
	})
}

// diff shows the lines only one of two sorted dumps has.
func diff(a, b []string) string {
	var out string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out += "- " + x + "\n"
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			out += "+ " + x + "\n"
		}
	}
	return out
}

// TestCountersFollowReplacements rewrites documents in every way that
// moves them between the counters of what they cite (see counters.go) and
// moves resolutions between nodes, then checks that the graph, counters
// included, is the one writing the final versions directly gives.
func TestCountersFollowReplacements(t *testing.T) {
	ctx := context.Background()
	s := fresh(t)
	docs := synthetic("T", 40)
	write(t, s, docs[:25]...)
	write(t, s, docs[25:]...)
	// Documents that are cited resolutions take the counters over from the
	// resolutions' own nodes, a second language version does not.
	res := &uncite.Document{ID: "S/RES/822 (1993)", Symbol: "S/RES/822 (1993)", Type: "resolution", Date: "1993-04-30",
		Body: uncite.BodySC, SHA256: "r1", Citations: []uncite.Citation{{Symbol: "S/RES/853 (1993)", Count: 1}}}
	fr := &uncite.Document{ID: "S/RES/822 (1993)-fr", Symbol: "S/RES/822 (1993)", Date: "1993-04-30", Body: uncite.BodySC, SHA256: "f1"}
	write(t, s, res, fr)
	for i, d := range docs {
		switch i % 5 {
		case 0:
			d.Date = fmt.Sprintf("%d-01-01", 2000+i)
		case 1:
			d.Author = "FRA"
		case 2:
			d.Session, d.AgendaItems = 50, []uncite.AgendaItem{{Number: "7"}, {Number: "7"}, {Number: "8", Title: "t"}}
		case 3:
			d.Citations = d.Citations[i%3:]
			d.AgendaItems = nil
		default:
			continue
		}
		d.SHA256 += "-2"
	}
	write(t, s, docs[:20]...)
	write(t, s, docs[20:]...)
	res.Symbol, res.SHA256 = "", "r2" // the French version becomes the resolution
	write(t, s, res)
	fs, err := s.ResolutionFacets(ctx, []string{"S/RES/853 (1993)"})
	f := fs["S/RES/853 (1993)"]
	if err != nil || f == nil || len(f.ByYear) == 0 || len(f.ByState) == 0 || len(f.BySession) == 0 {
		t.Fatalf("facets %+v, %v", f, err)
	}
	replaced := dump(t, s)
	s = fresh(t)
	write(t, s, append(docs, res, fr)...)
	if direct := dump(t, s); !slices.Equal(replaced, direct) {
		t.Errorf("replacing left counters unlike writing the new versions directly:\n%s", diff(direct, replaced))
	}
}

// TestOpenMigrates opens a database written before resolutions kept their
// counters, citation counts and bodies, documents their years, and
// citations their symbol and document id: opening gives it all of them.
func TestOpenMigrates(t *testing.T) {
	ctx := context.Background()
	s := fresh(t)
	res := &uncite.Document{ID: "S/RES/822 (1993)", Symbol: "S/RES/822 (1993)", Date: "1993-04-30", Body: uncite.BodySC, SHA256: "r"}
	write(t, s, append(synthetic("M", 20), res)...)
	want := dump(t, s)
	for _, stmt := range []string{
		"MATCH ()-[c:CITED_IN_YEAR|CITED_BY_STATE|CITED_IN_SESSION]->() DELETE c",
		"MATCH (n) REMOVE n.citationCount, n.resolutionBody, n.dateYear, n.cites",
		"MATCH ()-[c:CITES]->() REMOVE c.symbol, c.document",
		"MATCH (m:Migration) DELETE m",
	} {
		if _, err := s.query(ctx, stmt, nil, neo4j.Write); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.prepare(ctx); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, s); !slices.Equal(got, want) {
		t.Errorf("the migrated graph differs:\n%s", diff(want, got))
	}
}
