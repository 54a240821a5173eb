package neo4jstore

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// letter is a note verbale with every field set; its citations and mentions
// are in the order the store returns them.
func letter() *uncite.Document {
	return &uncite.Document{
		ID: "A/HRC/43/G/9", Symbol: "A/HRC/43/G/9", Title: "Note verbale dated 2 March 2020", Type: "note verbale",
		Date: "2020-03-02", Languages: []string{"fr", "en"}, Body: uncite.BodyHRC, Session: 43,
		SessionStart: "2020-02-24", SessionEnd: "2020-03-20",
		AgendaItems: []uncite.AgendaItem{{Number: "4", Title: "Human rights situations"}, {Number: "2"}},
		Author:      "ARM",
		Mentions:    []uncite.Mention{{State: "ARM", Count: 3}, {State: "AZE", Count: 1}},
		Citations: []uncite.Citation{
			{Symbol: "A/HRC/RES/7/1", Body: uncite.BodyHRC, Number: "7/1", Count: 1,
				Contexts: []string{"Recalling its resolution 7/1."}, Verbs: []string{"Recalling"}},
			{Symbol: "A/RES/60/251", Body: uncite.BodyGA, Number: "60/251", Count: 1, Contexts: []string{"resolution 60/251"}},
			{Symbol: "S/RES/822 (1993)", Body: uncite.BodySC, Number: "822", Year: 1993, Count: 2,
				Contexts: []string{"a", "b"}, Verbs: []string{"Reaffirming", "Demands"}, Operative: true},
		},
		References: []string{"A/HRC/43/2", "S/1993/123"},
		File:       "A_HRC_43_G_9.txt", SHA256: "v1",
	}
}

func resolution822() *uncite.Document {
	return &uncite.Document{ID: "S/RES/822 (1993)", Symbol: "S/RES/822 (1993)", Title: "Resolution 822 (1993)",
		Type: "resolution", Date: "1993-04-30", Languages: []string{"en"}, Body: uncite.BodySC,
		Citations: []uncite.Citation{{Symbol: "S/RES/812 (1993)", Body: uncite.BodySC, Number: "812", Year: 1993, Count: 1}},
		File:      "S_RES_822_(1993).txt", SHA256: "r1"}
}

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
	write(t, s, letter(), resolution822())
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

func TestRoundTrip(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	want := letter()
	write(t, s, want, resolution822())
	got, err := s.Document(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip changed the document\n got: %+v\nwant: %+v", got, want)
	}
	bare := &uncite.Document{ID: "bare.txt"}
	write(t, s, bare)
	if got, err := s.Document(ctx, bare.ID); err != nil || !reflect.DeepEqual(got, bare) {
		t.Errorf("document with only an ID came back as %+v, %v", got, err)
	}
	if _, err := s.Document(ctx, "nope"); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("absent document: error %v, want not found", err)
	}

	// The relationships the design names, each once.
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

	r, err := s.Resolution(ctx, "A/RES/60/251")
	wantRes := &uncite.Resolution{Symbol: "A/RES/60/251", Body: uncite.BodyGA, Number: "60/251", CitationCount: 1}
	if err != nil || r.Year != 0 || r.Known || !reflect.DeepEqual(r, wantRes) {
		t.Errorf("A/RES/60/251: %+v, %v; want %+v", r, err, wantRes)
	}
	if _, err := s.Resolution(ctx, "S/RES/1 (2099)"); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("absent resolution: error %v, want not found", err)
	}
	ses, err := s.Session(ctx, uncite.BodyHRC, 43)
	if want := (&uncite.Session{Body: "HRC", Number: 43, StartDate: "2020-02-24", EndDate: "2020-03-20"}); err != nil || !reflect.DeepEqual(ses, want) {
		t.Errorf("session: %+v, %v; want %+v", ses, err, want)
	}
	if _, err := s.Session(ctx, uncite.BodyHRC, 44); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("absent session: error %v, want not found", err)
	}
	items, err := s.AgendaItemsBySession(ctx, []string{"HRC-43", "HRC-44"})
	if want := map[string][]uncite.AgendaItem{"HRC-43": {{Number: "2"}, {Number: "4", Title: "Human rights situations"}}}; err != nil || !reflect.DeepEqual(items, want) {
		t.Errorf("agenda items: %+v, %v; want %+v", items, err, want)
	}
	st, err := s.State(ctx, "arm")
	if err != nil || st.Code != "ARM" || st.Name != "Armenia" {
		t.Errorf("State(arm) = %+v, %v", st, err)
	}
	if _, err := s.State(ctx, "XXX"); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("absent State: error %v, want not found", err)
	}
}

func TestReloadIsIdempotent(t *testing.T) {
	s := fresh(t)
	docs := []*uncite.Document{letter(), resolution822(), {ID: "nodigest.txt", Title: "no sha256", Body: uncite.BodyHRC, Session: 43}}
	write(t, s, docs...)
	before := dump(t, s)
	write(t, s, docs...)
	write(t, s, docs[2], docs[1], docs[0])
	if after := dump(t, s); !slices.Equal(before, after) {
		t.Errorf("rewriting the same documents changed the graph:\n%s", diff(before, after))
	}
}

func TestChangedDocumentReplacesOld(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	other := &uncite.Document{ID: "other.txt", SHA256: "o1", Body: uncite.BodyHRC, Session: 43, SessionStart: "2020-02-20",
		AgendaItems: []uncite.AgendaItem{{Number: "4", Title: "Another title"}},
		Citations:   []uncite.Citation{{Symbol: "A/RES/60/251", Count: 1}}}
	write(t, s, letter(), other)

	changed := letter()
	changed.SHA256 = "v2"
	changed.Title = ""
	changed.Citations = changed.Citations[2:] // drops A/HRC/RES/7/1 (orphaned) and A/RES/60/251 (still cited by other)
	changed.Mentions = changed.Mentions[:1]
	changed.AgendaItems = nil
	changed.Author = "AZE"
	changed.SessionEnd = ""
	write(t, s, changed)

	got, err := s.Document(ctx, changed.ID)
	if err != nil || !reflect.DeepEqual(got, changed) {
		t.Errorf("replaced document reads back as %+v, %v", got, err)
	}
	// What a fresh store given the same documents holds is the reference.
	replaced := dump(t, s)
	s = fresh(t)
	write(t, s, changed, other)
	if direct := dump(t, s); !slices.Equal(replaced, direct) {
		t.Errorf("replacing left a graph unlike writing the new version directly:\n%s", diff(direct, replaced))
	}
	if _, err := s.Resolution(ctx, "A/HRC/RES/7/1"); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("uncited resolution survives: %v", err)
	}
	if n := count(t, s, "MATCH (a:AgendaItem {key: 'HRC-43-2'}) RETURN count(a) AS n", nil); n != 0 {
		t.Errorf("agenda item of no document survives")
	}
	items, _ := s.AgendaItemsBySession(ctx, []string{"HRC-43"})
	if want := map[string][]uncite.AgendaItem{"HRC-43": {{Number: "4", Title: "Another title"}}}; !reflect.DeepEqual(items, want) {
		t.Errorf("agenda items %+v, want %+v", items, want)
	}
	ses, _ := s.Session(ctx, uncite.BodyHRC, 43)
	if ses.StartDate != "2020-02-20" || ses.EndDate != "" {
		t.Errorf("session dates %q–%q, want 2020-02-20 and none", ses.StartDate, ses.EndDate)
	}

	// Moving both documents out of the session deletes it.
	changed.Session, changed.SHA256 = 0, "v3"
	other.Session, other.SHA256 = 0, "o2"
	write(t, s, changed, other)
	if n := count(t, s, "MATCH (n) WHERE n:Session OR n:AgendaItem RETURN count(n) AS n", nil); n != 0 {
		t.Errorf("%d sessions and agenda items survive without documents", n)
	}
}

func TestResolutionDocumentIsOneNode(t *testing.T) {
	ctx := context.Background()
	// An unlisted resolution takes its title and date from its document.
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
		r, err := s.Resolution(ctx, symbol)
		want := &uncite.Resolution{Symbol: symbol, Body: uncite.BodySC, Number: "9999", Year: 2030, Title: "Resolution 9999", Date: "2030-01-02", CitationCount: 1}
		if err != nil || !reflect.DeepEqual(r, want) {
			t.Errorf("resolution %+v, %v; want %+v", r, err, want)
		}
		if docs, n, err := s.Documents(ctx, uncite.DocumentFilter{Cites: symbol}, uncite.Page{Limit: 10}); err != nil || n != 1 || docs[0].ID != citing.ID {
			t.Errorf("documents citing it: %d, %v", n, err)
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
		if r, err := s.Resolution(ctx, symbol); err != nil || r.Title != fr.Title || r.CitationCount != 1 {
			t.Errorf("resolution %+v, %v", r, err)
		}
		fr.Symbol, fr.SHA256 = "", "f2" // no document is the resolution any more: a node of its own remains
		write(t, s, &fr)
		if n := count(t, s, "MATCH (r:Resolution {symbol: $symbol}) WHERE NOT r:Document RETURN count(r) AS n", map[string]any{"symbol": symbol}); n != 1 {
			t.Errorf("the cited resolution has no node of its own")
		}
		if r, err := s.Resolution(ctx, symbol); err != nil || r.Title != "" || r.CitationCount != 1 {
			t.Errorf("resolution %+v, %v", r, err)
		}
		direct := dump(t, s)
		s = fresh(t)
		write(t, s, &moved, &fr, citing)
		if d := dump(t, s); !slices.Equal(d, direct) {
			t.Errorf("moving the resolution around left a different graph:\n%s", diff(d, direct))
		}
	})
}

func TestDocumentFilters(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	l := letter()
	write(t, s, l, resolution822(),
		&uncite.Document{ID: "a.txt", Type: "letter", Date: "2019-05-01", Languages: []string{"es"}, Author: "AZE",
			Body: uncite.BodyHRC, Session: 42, AgendaItems: []uncite.AgendaItem{{Number: "4"}},
			Mentions: []uncite.Mention{{State: "ARM", Count: 1}}},
		&uncite.Document{ID: "b.txt", Type: "letter"})
	cases := []struct {
		f    uncite.DocumentFilter
		want []string
	}{
		{uncite.DocumentFilter{}, []string{l.ID, "S/RES/822 (1993)", "a.txt", "b.txt"}},
		{uncite.DocumentFilter{Symbol: l.Symbol}, []string{l.ID}},
		{uncite.DocumentFilter{Body: uncite.BodyHRC}, []string{l.ID, "a.txt"}},
		{uncite.DocumentFilter{Body: uncite.BodyHRC, Session: 43}, []string{l.ID}},
		{uncite.DocumentFilter{Body: uncite.BodyHRC, Session: 43, AgendaItem: "2"}, []string{l.ID}},
		{uncite.DocumentFilter{Body: uncite.BodyHRC, AgendaItem: "4"}, []string{l.ID, "a.txt"}},
		{uncite.DocumentFilter{Author: "AZE"}, []string{"a.txt"}},
		{uncite.DocumentFilter{Mentions: "ARM"}, []string{l.ID, "a.txt"}},
		{uncite.DocumentFilter{Mentions: "AZE", Author: "ARM"}, []string{l.ID}},
		{uncite.DocumentFilter{Cites: "S/RES/822 (1993)"}, []string{l.ID}},
		{uncite.DocumentFilter{Cites: "S/RES/812 (1993)"}, []string{"S/RES/822 (1993)"}},
		{uncite.DocumentFilter{Cites: "S/RES/822 (1993)", Mentions: "AZE"}, []string{l.ID}},
		{uncite.DocumentFilter{Cites: "S/RES/822 (1993)", Mentions: "FRA"}, nil},
		{uncite.DocumentFilter{Cites: "S/RES/1 (1946)"}, nil},
		{uncite.DocumentFilter{Type: "letter"}, []string{"a.txt", "b.txt"}},
		{uncite.DocumentFilter{Language: "en"}, []string{l.ID, "S/RES/822 (1993)"}},
		{uncite.DocumentFilter{DateFrom: "2019-05-01"}, []string{l.ID, "a.txt"}},
		{uncite.DocumentFilter{DateTo: "2019-05-01"}, []string{"S/RES/822 (1993)", "a.txt"}},
		{uncite.DocumentFilter{DateFrom: "1993-01-01", DateTo: "2019-12-31", Language: "es"}, []string{"a.txt"}},
		{uncite.DocumentFilter{Author: "' OR 1=1 //"}, nil},
		{uncite.DocumentFilter{ID: "a.txt"}, []string{"a.txt"}},
		{uncite.DocumentFilter{ID: "a.txt", Type: "report"}, nil},
		{uncite.DocumentFilter{ID: "no such id"}, nil},
	}
	for _, c := range cases {
		docs, total, err := s.Documents(ctx, c.f, uncite.Page{Limit: 10})
		if err != nil {
			t.Fatalf("%+v: %v", c.f, err)
		}
		if got := ids(docs); !slices.Equal(got, c.want) || total != len(c.want) {
			t.Errorf("%+v: %v (total %d), want %v", c.f, got, total, c.want)
		}
	}
	if docs, _, _ := s.Documents(ctx, uncite.DocumentFilter{Symbol: l.Symbol}, uncite.Page{Limit: 1}); len(docs) != 1 || !reflect.DeepEqual(docs[0], l) {
		t.Errorf("listed document differs from the written one: %+v", docs)
	}

	// Every listing at once, in pages of several sizes and offsets: shapes
	// mix, several queries share each, and each answers as it does alone.
	var qs []uncite.DocumentQuery
	for i, c := range cases {
		for _, p := range []uncite.Page{{Limit: 10}, {Offset: 1, Limit: 1}, {Offset: i % 3, Limit: 2}, {}} {
			qs = append(qs, uncite.DocumentQuery{Filter: c.f, Page: p})
		}
	}
	pages, err := s.DocumentPages(ctx, qs)
	if err != nil || len(pages) != len(qs) {
		t.Fatalf("%d pages for %d queries, %v", len(pages), len(qs), err)
	}
	for i, q := range qs {
		docs, total, err := s.Documents(ctx, q.Filter, q.Page)
		if want := (uncite.DocumentPage{Documents: docs, Total: total}); err != nil || !reflect.DeepEqual(pages[i], want) {
			t.Errorf("%+v: batched %v (total %d), alone %v (total %d), %v", q, ids(pages[i].Documents), pages[i].Total, ids(docs), total, err)
		}
	}
	// Shaped reads: a query that omits parts or the total answers as the
	// full one does with those parts stripped and a zero total.
	for _, omit := range []uncite.DocumentParts{uncite.PartEvidence, uncite.PartCitations, uncite.PartMentions,
		uncite.PartEvidence | uncite.PartMentions, uncite.PartCitations | uncite.PartEvidence | uncite.PartMentions,
		uncite.PartDetails, uncite.PartDetails | uncite.PartMentions, uncite.AllParts} {
		shaped := slices.Clone(qs)
		for i := range shaped {
			shaped[i].Omit, shaped[i].NoTotal = omit, i%2 == 0
		}
		got, err := s.DocumentPages(ctx, shaped)
		if err != nil {
			t.Fatal(err)
		}
		full, err := s.DocumentPages(ctx, qs)
		if err != nil {
			t.Fatal(err)
		}
		for i, q := range shaped {
			want := full[i]
			for _, d := range want.Documents {
				omit.Strip(d)
			}
			if q.NoTotal {
				want.Total = 0
			}
			if !reflect.DeepEqual(got[i], want) {
				t.Errorf("%+v: %+v, want %+v", q, got[i], want)
			}
		}
	}
	if pages, err := s.DocumentPages(ctx, nil); err != nil || len(pages) != 0 {
		t.Errorf("no query: %v, %v", pages, err)
	}
	bad := append(qs[:1:1], uncite.DocumentQuery{Page: uncite.Page{Limit: uncite.MaxPageSize + 1}})
	if _, err := s.DocumentPages(ctx, bad); uncite.ErrorCode(err) != uncite.EINVALID {
		t.Errorf("a page past the maximum among others: error %v, want invalid", err)
	}
}

func TestPagination(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	var docs []*uncite.Document
	var want []string
	for i := range 23 {
		id := fmt.Sprintf("doc-%02d", i)
		docs = append(docs, &uncite.Document{ID: id, Type: "letter", Citations: []uncite.Citation{
			{Symbol: fmt.Sprintf("S/RES/%d (1993)", 800+i%5), Count: 1}}})
		want = append(want, id)
	}
	write(t, s, docs...)
	var got []string
	for offset := 0; ; offset += 5 {
		page, total, err := s.Documents(ctx, uncite.DocumentFilter{Type: "letter"}, uncite.Page{Offset: offset, Limit: 5})
		if err != nil || total != 23 {
			t.Fatalf("offset %d: total %d, %v", offset, total, err)
		}
		if len(page) == 0 {
			break
		}
		got = append(got, ids(page)...)
	}
	if !slices.Equal(got, want) {
		t.Errorf("pages joined: %v, want %v", got, want)
	}
	if page, total, err := s.Documents(ctx, uncite.DocumentFilter{}, uncite.Page{Limit: 0}); err != nil || page != nil || total != 23 {
		t.Errorf("empty page: %v, total %d, %v", page, total, err)
	}
	for _, p := range []uncite.Page{{Offset: -1, Limit: 1}, {Limit: -1}, {Limit: uncite.MaxPageSize + 1}} {
		if _, _, err := s.Documents(ctx, uncite.DocumentFilter{}, p); uncite.ErrorCode(err) != uncite.EINVALID {
			t.Errorf("page %+v: error %v, want invalid", p, err)
		}
	}

	// 800..804 (1993) are cited by 5, 5, 5, 4 and 4 documents.
	rs, total, err := s.Resolutions(ctx, uncite.ResolutionFilter{}, uncite.OrderByCitationCount, uncite.Page{Offset: 1, Limit: 3})
	if err != nil || total != 5 {
		t.Fatalf("resolutions: total %d, %v", total, err)
	}
	if got := symbols(rs); !slices.Equal(got, []string{"S/RES/801 (1993)", "S/RES/802 (1993)", "S/RES/803 (1993)"}) || rs[2].CitationCount != 4 {
		t.Errorf("by citation count, second page: %v", got)
	}
	states, total, err := s.States(ctx, uncite.Page{Offset: 2, Limit: 2})
	all := refdata.States()
	if err != nil || total != len(all) || len(states) != 2 || states[0].Code != all[2].Code || states[1].Name != all[3].Name {
		t.Errorf("States page: %+v, total %d, %v", states, total, err)
	}
}

func TestResolutionFilters(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	write(t, s, letter(), resolution822(),
		&uncite.Document{ID: "x.txt", Author: "AZE", Citations: []uncite.Citation{
			{Symbol: "A/RES/78/10", Count: 1}, {Symbol: "S/RES/822 (1993)", Count: 1}, {Symbol: "S/RES/853 (1993)", Count: 1}}})
	// A/RES/78/10 has its year from the tables; A/HRC/RES/7/1 (listed
	// without a date) and A/RES/60/251 (not listed) have none.
	for _, c := range []struct {
		f    uncite.ResolutionFilter
		o    uncite.ResolutionOrder
		want []string
	}{
		{uncite.ResolutionFilter{}, uncite.OrderBySymbol, []string{"A/HRC/RES/7/1", "A/RES/60/251", "A/RES/78/10", "S/RES/812 (1993)", "S/RES/822 (1993)", "S/RES/853 (1993)"}},
		{uncite.ResolutionFilter{}, uncite.OrderByCitationCount, []string{"S/RES/822 (1993)", "A/HRC/RES/7/1", "A/RES/60/251", "A/RES/78/10", "S/RES/812 (1993)", "S/RES/853 (1993)"}},
		{uncite.ResolutionFilter{}, uncite.OrderByYear, []string{"A/RES/78/10", "S/RES/812 (1993)", "S/RES/822 (1993)", "S/RES/853 (1993)", "A/HRC/RES/7/1", "A/RES/60/251"}},
		{uncite.ResolutionFilter{Body: uncite.BodySC}, "", []string{"S/RES/812 (1993)", "S/RES/822 (1993)", "S/RES/853 (1993)"}},
		{uncite.ResolutionFilter{YearFrom: 1994}, "", []string{"A/RES/78/10"}},
		{uncite.ResolutionFilter{YearTo: 1993}, "", []string{"S/RES/812 (1993)", "S/RES/822 (1993)", "S/RES/853 (1993)"}},
		{uncite.ResolutionFilter{CitedBy: "AZE"}, "", []string{"A/RES/78/10", "S/RES/822 (1993)", "S/RES/853 (1993)"}},
		{uncite.ResolutionFilter{CitedBy: "ARM", Body: uncite.BodySC}, "", []string{"S/RES/822 (1993)"}},
	} {
		rs, total, err := s.Resolutions(ctx, c.f, c.o, uncite.Page{Limit: 10})
		if err != nil {
			t.Fatalf("%+v %s: %v", c.f, c.o, err)
		}
		if got := symbols(rs); !slices.Equal(got, c.want) || total != len(c.want) {
			t.Errorf("%+v %s: %v (total %d), want %v", c.f, c.o, got, total, c.want)
		}
	}
	if _, _, err := s.Resolutions(ctx, uncite.ResolutionFilter{}, "NEWEST", uncite.Page{Limit: 1}); uncite.ErrorCode(err) != uncite.EINVALID {
		t.Errorf("unknown order: error %v, want invalid", err)
	}
}

func TestWriteRejectsDocumentWithoutID(t *testing.T) {
	s := fresh(t)
	_, err := s.WriteDocuments(context.Background(), []*uncite.Document{letter(), {Title: "no id"}})
	if uncite.ErrorCode(err) != uncite.EINVALID {
		t.Errorf("error %v, want invalid", err)
	}
	if n := count(t, s, "MATCH (d:Document) RETURN count(d) AS n", nil); n != 0 {
		t.Errorf("a rejected batch wrote %d documents", n)
	}
}

func ids(docs []*uncite.Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.ID)
	}
	return out
}

func symbols(rs []*uncite.Resolution) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Symbol)
	}
	return out
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

func TestBatchLookups(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	write(t, s, fixture()...)

	d1, _ := s.Document(ctx, d1ID)
	r, _ := s.Resolution(ctx, r822)
	ses, _ := s.Session(ctx, uncite.BodyHRC, 43)
	docs, err := s.DocumentsByID(ctx, []string{d1ID, "nope", d1ID})
	if want := map[string]*uncite.Document{d1ID: d1}; err != nil || !reflect.DeepEqual(docs, want) {
		t.Errorf("DocumentsByID = %+v, %v; want %+v", docs, err, want)
	}
	rs, err := s.ResolutionsBySymbol(ctx, []string{r822, "s/res/822(1993)", "S/RES/1 (2099)"})
	if want := map[string]*uncite.Resolution{r822: r}; err != nil || !reflect.DeepEqual(rs, want) {
		t.Errorf("ResolutionsBySymbol = %+v, %v; want %+v", rs, err, want)
	}
	sessions, err := s.SessionsByKey(ctx, []string{"HRC-43", "HRC-1", "43"})
	if want := map[string]*uncite.Session{"HRC-43": ses}; err != nil || !reflect.DeepEqual(sessions, want) {
		t.Errorf("SessionsByKey = %+v, %v; want %+v", sessions, err, want)
	}
	// Nothing asked, nothing found: an empty map, not nil.
	if docs, err := s.DocumentsByID(ctx, nil); err != nil || docs == nil || len(docs) != 0 {
		t.Errorf("DocumentsByID(nil) = %#v, %v", docs, err)
	}
	if rs, err := s.ResolutionsBySymbol(ctx, []string{}); err != nil || rs == nil || len(rs) != 0 {
		t.Errorf("ResolutionsBySymbol([]) = %#v, %v", rs, err)
	}
	if sessions, err := s.SessionsByKey(ctx, nil); err != nil || sessions == nil || len(sessions) != 0 {
		t.Errorf("SessionsByKey(nil) = %#v, %v", sessions, err)
	}
}

func TestResolutionsCitedInSession(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	write(t, s, fixture()...)
	for _, c := range []struct {
		f    uncite.ResolutionFilter
		want []string
	}{
		{uncite.ResolutionFilter{CitedInSession: "HRC-43"}, []string{r251, r822, r853, r874}},
		// Each filter is a condition of its own: 874 is cited by ARM (d3)
		// and, in another document, in HRC-43 (d2).
		{uncite.ResolutionFilter{CitedInSession: "HRC-43", Body: uncite.BodySC, CitedBy: "ARM"}, []string{r822, r853, r874}},
		{uncite.ResolutionFilter{CitedInSession: "HRC-43", Body: uncite.BodyGA, CitedBy: "ARM"}, nil},
		{uncite.ResolutionFilter{CitedInSession: "HRC-44"}, nil},
	} {
		rs, total, err := s.Resolutions(ctx, c.f, uncite.OrderBySymbol, uncite.Page{Limit: 10})
		if got := symbols(rs); err != nil || !slices.Equal(got, c.want) || total != len(c.want) {
			t.Errorf("%+v: %v (total %d), %v; want %v", c.f, got, total, err, c.want)
		}
	}
}

// TestReplaceKeepsViewsRight replaces a document and holds every graph view,
// facet and search to a store given the final documents directly, besides
// checking a few answers by hand.
func TestReplaceKeepsViewsRight(t *testing.T) {
	ctx := context.Background()
	docs := fixture()
	changed := *docs[0]
	changed.SHA256 = "d1-v2"
	changed.Session, changed.AgendaItems = 44, nil
	changed.Mentions, changed.References = nil, nil
	changed.Citations = []uncite.Citation{cite(r874, 1)}
	changed.Text = "Rewritten."
	final := []*uncite.Document{&changed, docs[1], docs[2], docs[3]}

	answers := func(s *Store) []any {
		var out []any
		add := func(v any, err error) { out = append(out, v, err) }
		add(s.CoCited(ctx, []string{r822, r874}, 10, 10))
		add(s.Coupled(ctx, []string{d3ID}, 10, 10))
		add(s.ResolutionFacets(ctx, []string{r822}))
		add(s.MostCitedBy(ctx, []string{"ARM"}, 10))
		add(s.TopCited(ctx, "", 0, 10))
		add(s.TopCited(ctx, "", 2020, 10))
		add(s.Neighborhood(ctx, nARM, 3, 100))
		add(s.Neighborhood(ctx, n822, 2, 100))
		add(s.FilterSubgraph(ctx, uncite.DocumentFilter{}, 100))
		add(s.Paths(ctx, nARM, nAZE, 4))
		docs, total, err := s.Search(ctx, "human", uncite.Page{Limit: 10})
		out = append(out, docs, total, err)
		return out
	}

	s := fresh(t)
	write(t, s, docs...)
	write(t, s, &changed)
	replaced := answers(s)
	s = fresh(t)
	write(t, s, final...)
	if direct := answers(s); !reflect.DeepEqual(replaced, direct) {
		t.Errorf("after replacing, the views differ from a store written directly:\n got %+v\nwant %+v", replaced, direct)
	}

	// d1 now cites only 874, in session HRC-44 with no agenda item.
	if got, _ := s.CoCited(ctx, []string{r822}, 10, 10); !reflect.DeepEqual(got[r822], []uncite.CoCitation{
		{Symbol: r874, Count: 2, Documents: []string{d2ID, d3ID}},
		{Symbol: r251, Count: 1, Documents: []string{d2ID}},
		{Symbol: r853, Count: 1, Documents: []string{d2ID}},
	}) {
		t.Errorf("co-cited with 822 after replacing: %+v", got)
	}
	f, _ := s.ResolutionFacets(ctx, []string{r822})
	if want := []uncite.SessionItemCount{{Body: "HRC", Session: 43, Count: 1}}; !reflect.DeepEqual(f[r822].BySession, want) {
		t.Errorf("sessions citing 822 after replacing: %+v, want %+v", f[r822].BySession, want)
	}
	if _, err := s.Neighborhood(ctx, nItem4, 1, 10); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("agenda item of no document: error %v, want not found", err)
	}
	g, err := s.Neighborhood(ctx, "Session:HRC-44", 1, 10)
	checkSubgraph(t, "new session", g, err, []string{"Session:HRC-44", nD1}, []uncite.Edge{edge(nD1, "IN_SESSION", "Session:HRC-44", -1)}, false)
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
		"MATCH (n) REMOVE n.citationCount, n.resolutionBody, n.dateYear",
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
