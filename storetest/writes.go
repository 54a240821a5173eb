package storetest

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/uncite/uncite"
)

// RunWrites checks the write contract: rewriting is a no-op, a changed
// document replaces the old one in every answer, as if written directly,
// nodes that nothing points to any more disappear, and a resolution's node
// follows the documents that carry its symbol.
func RunWrites(t *testing.T, open Opener) {
	run(t, open, []namedCase{
		{"rewrite and replace", rewriteAndReplace},
		{"replace keeps views right", replaceKeepsViewsRight},
		{"replace keeps indexes", replaceKeepsIndexes},
		{"resolution node follows writes", resolutionNodeFollowsWrites},
		{"changed document replaces the old", changedDocumentReplacesOld},
		{"resolution document is one node", resolutionDocumentIsOneNode},
		{"rewriting changes nothing", rewritingChangesNothing},
		{"derived from the documents", derivedFromDocuments},
	})
}

// rewriteAndReplace checks that rewriting is a no-op, that a changed
// document replaces the old one, and that nodes nothing points to any more
// disappear.
func rewriteAndReplace(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	letter := &uncite.Document{
		ID: "A/HRC/43/G/9", Symbol: "A/HRC/43/G/9", Title: "Note verbale", Type: "note verbale", Date: "2020-03-02",
		Languages: []string{"en"}, Body: uncite.BodyHRC, Session: 43, SessionStart: "2020-02-24", SessionEnd: "2020-03-20",
		AgendaItems: []uncite.AgendaItem{{Number: "4", Title: "Human rights situations"}},
		Author:      "ARM", Mentions: []uncite.Mention{{State: "ARM", Count: 2}, {State: "AZE", Count: 1}},
		Citations: []uncite.Citation{
			{Symbol: "A/HRC/RES/7/1", Body: uncite.BodyHRC, Number: "7/1", Count: 1, Contexts: []string{"Recalling its resolution 7/1."}, Verbs: []string{"Recalling"}},
			{Symbol: "S/RES/822 (1993)", Body: uncite.BodySC, Number: "822", Year: 1993, Count: 2, Contexts: []string{"a", "b"}, Operative: true},
		},
		References: []string{"A/HRC/43/2"}, File: "letter.txt", SHA256: "v1",
	}
	res := &uncite.Document{ID: "S/RES/822 (1993)", Symbol: "S/RES/822 (1993)", Type: "resolution", Date: "1993-04-30",
		Languages: []string{"en"}, Body: uncite.BodySC, File: "822.txt", SHA256: "r1"}
	// write checks that the store says how many documents it wrote.
	write := func(want int, docs ...*uncite.Document) {
		t.Helper()
		n, err := s.WriteDocuments(ctx, docs)
		if err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("WriteDocuments of %d documents wrote %d, want %d", len(docs), n, want)
		}
	}
	write(2, letter, res)

	got, err := s.Document(ctx, letter.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, letter) {
		t.Errorf("round trip changed the document\n got: %+v\nwant: %+v", got, letter)
	}
	before := snapshot(ctx, t, s)
	write(0, letter, res)
	if after := snapshot(ctx, t, s); !reflect.DeepEqual(before, after) {
		t.Errorf("rewriting the same documents changed the graph\nbefore: %+v\nafter: %+v", before, after)
	}

	changed := *letter
	changed.SHA256 = "v2"
	changed.Citations = changed.Citations[1:]
	changed.AgendaItems = nil
	write(1, &changed, res)
	if _, err := s.Resolution(ctx, "A/HRC/RES/7/1"); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("resolution no longer cited still exists (err %v)", err)
	}
	if items, _ := s.AgendaItemsBySession(ctx, []string{hrc43}); len(items[hrc43]) != 0 {
		t.Errorf("agenda item of the replaced document survives: %+v", items)
	}
	if docs, n, _ := s.Documents(ctx, uncite.DocumentFilter{Cites: "A/HRC/RES/7/1"}, uncite.Page{Limit: 10}); n != 0 || len(docs) != 0 {
		t.Errorf("stale citation: %d documents still cite A/HRC/RES/7/1", n)
	}
	r, err := s.Resolution(ctx, "S/RES/822 (1993)")
	if err != nil || r.CitationCount != 1 || r.Date != "1993-04-30" || !r.Known {
		t.Errorf("resolution that is a document: %+v, %v", r, err)
	}
	if _, n, _ := s.Documents(ctx, uncite.DocumentFilter{}, uncite.Page{Limit: 10}); n != 2 {
		t.Errorf("%d documents after replacing one of two", n)
	}
}

// hrc43 is the session of the letter, keyed as by uncite.SessionKey.
const hrc43 = "HRC-43"

type graphSnapshot struct {
	Docs        []*uncite.Document
	Resolutions []*uncite.Resolution
	Session     *uncite.Session
	Items       []uncite.AgendaItem
}

func snapshot(ctx context.Context, t *testing.T, s uncite.Store) graphSnapshot {
	t.Helper()
	var g graphSnapshot
	var err error
	all := uncite.Page{Limit: uncite.MaxPageSize}
	if g.Docs, _, err = s.Documents(ctx, uncite.DocumentFilter{}, all); err != nil {
		t.Fatal(err)
	}
	if g.Resolutions, _, err = s.Resolutions(ctx, uncite.ResolutionFilter{}, uncite.OrderBySymbol, all); err != nil {
		t.Fatal(err)
	}
	if g.Session, err = s.Session(ctx, uncite.BodyHRC, 43); err != nil {
		t.Fatal(err)
	}
	items, err := s.AgendaItemsBySession(ctx, []string{hrc43})
	if err != nil {
		t.Fatal(err)
	}
	g.Items = items[hrc43]
	return g
}

// replaceKeepsViewsRight replaces a document and holds every graph view,
// facet and search to a store given the final documents directly, besides
// checking a few answers by hand.
func replaceKeepsViewsRight(t *testing.T, open Opener) {
	ctx := context.Background()
	docs := Fixture()
	changed := *docs[0]
	changed.SHA256 = "d1-v2"
	changed.Session, changed.AgendaItems = 44, nil
	changed.Mentions, changed.References = nil, nil
	changed.Citations = []uncite.Citation{cite(r874, 1)}
	changed.Text = "Rewritten."
	final := []*uncite.Document{&changed, docs[1], docs[2], docs[3]}

	answers := func(s uncite.Store) []any {
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

	s := open(t)
	write(t, s, docs...)
	write(t, s, &changed)
	replaced := answers(s)
	s = open(t)
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

// replaceKeepsIndexes rewrites a document with different content and checks
// that every answer a store may keep an index for drops the old version.
func replaceKeepsIndexes(t *testing.T, open Opener) {
	s := opened(t, open, cluster()...)
	ctx := context.Background()
	d1 := &uncite.Document{ID: "D1", Title: "Note", Text: "Peace", Author: "FRA", Citations: cites(r874), SHA256: "1b"}
	if _, err := s.WriteDocuments(ctx, []*uncite.Document{d1}); err != nil {
		t.Fatal(err)
	}
	list := func(f uncite.DocumentFilter) []string {
		docs, _, err := s.Documents(ctx, f, uncite.Page{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, d := range docs {
			ids = append(ids, d.ID)
		}
		return ids
	}
	check(t, "citing 822", list(uncite.DocumentFilter{Cites: r822}), nil, []string{"D2", "D3", r884})
	check(t, "by AZE", list(uncite.DocumentFilter{Author: "AZE"}), nil, []string{"D3"})
	check(t, "mentioning ARM", list(uncite.DocumentFilter{Mentions: "ARM"}), nil, nil)
	check(t, "in HRC-43", list(uncite.DocumentFilter{Body: uncite.BodyHRC, Session: 43}), nil, []string{"D2"})
	check(t, "by symbol", list(uncite.DocumentFilter{Symbol: "A/HRC/43/G/1"}), nil, nil)
	docs, _, err := s.Search(ctx, "occupied", uncite.Page{Limit: 10})
	check(t, "search old words", len(docs), err, 1)
	docs, _, err = s.Search(ctx, "peace", uncite.Page{Limit: 10})
	check(t, "search new words", len(docs), err, 1)
	f, err := s.ResolutionFacets(ctx, []string{r822})
	check(t, "facets by State", f[r822].ByState, err, []uncite.StateCount{{State: "ARM", Count: 1}, {State: "AZE", Count: 1}})
	most, err := s.MostCitedBy(ctx, []string{"FRA"}, 5)
	check(t, "most cited by the new author", most["FRA"], err, []uncite.ResolutionCount{{Symbol: r874, Count: 1}})
	co, err := s.CoCited(ctx, []string{r853}, 5, 5)
	check(t, "co-cited with 853", co[r853], err, []uncite.CoCitation{
		{Symbol: r822, Count: 2, Documents: []string{"D3", r884}},
		{Symbol: r874, Count: 1, Documents: []string{"D3"}},
	})
	items, err := s.AgendaItemsBySession(ctx, []string{"HRC-43"})
	check(t, "agenda items", items, err, map[string][]uncite.AgendaItem{"HRC-43": nil})
	if _, err := s.Neighborhood(ctx, "AgendaItem:HRC-43-4", 1, 10); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("agenda item of the old version: %v", err)
	}
}

// resolutionNodeFollowsWrites checks what a store may keep at write time
// rather than derive per read: which document is a resolution's node (the
// smallest ID with its symbol) and the session dates that views show.
func resolutionNodeFollowsWrites(t *testing.T, open Opener) {
	s := opened(t, open, cluster()...)
	ctx := context.Background()
	write := func(docs ...*uncite.Document) {
		t.Helper()
		if _, err := s.WriteDocuments(ctx, docs); err != nil {
			t.Fatal(err)
		}
	}
	node := func(id string) string {
		t.Helper()
		g, err := s.Neighborhood(ctx, id, 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		return g.Nodes[0].ID + " " + fmt.Sprint(g.Nodes[0].Properties["document"])
	}
	ses, err := s.Session(ctx, uncite.BodyHRC, 43)
	check(t, "session before", ses, err, &uncite.Session{Body: uncite.BodyHRC, Number: 43})

	write(&uncite.Document{ID: "A-copy", Symbol: r884, SHA256: "a"})
	check(t, "smaller ID takes the node", node("Document:A-copy"), nil, "Resolution:"+r884+" A-copy")
	check(t, "the other is a Document", node("Document:"+r884), nil, "Document:"+r884+" <nil>")

	write(&uncite.Document{ID: "A-copy", SHA256: "b"})
	check(t, "node handed back", node("Resolution:"+r884), nil, "Resolution:"+r884+" "+r884)
	check(t, "symbol-less document", node("Document:A-copy"), nil, "Document:A-copy <nil>")

	write(&uncite.Document{ID: "D2", Body: uncite.BodyHRC, Session: 43, SessionStart: "2020-02-24", SessionEnd: "2020-03-20", SHA256: "2b"})
	ses, err = s.Session(ctx, uncite.BodyHRC, 43)
	check(t, "session after", ses, err, &uncite.Session{Body: uncite.BodyHRC, Number: 43, StartDate: "2020-02-24", EndDate: "2020-03-20"})
}

func changedDocumentReplacesOld(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	other, changed := ReplacedLetter()
	write(t, s, Letter(), other)
	write(t, s, changed)

	got, err := s.Document(ctx, changed.ID)
	if err != nil || !reflect.DeepEqual(got, changed) {
		t.Errorf("replaced document reads back as %+v, %v", got, err)
	}
	// What a fresh store given the same documents holds is the reference.
	replaced := view(t, s)
	s = opened(t, open, changed, other)
	if direct := view(t, s); !reflect.DeepEqual(replaced, direct) {
		t.Errorf("replacing left a graph unlike writing the new version directly\n got %+v\nwant %+v", replaced, direct)
	}
	if _, err := s.Resolution(ctx, "A/HRC/RES/7/1"); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("uncited resolution survives: %v", err)
	}
	if _, err := s.Neighborhood(ctx, "AgendaItem:HRC-43-2", 0, 1); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("agenda item of no document survives: %v", err)
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
	if _, err := s.Session(ctx, uncite.BodyHRC, 43); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("session without documents: error %v, want not found", err)
	}
	for _, id := range []string{"Session:HRC-43", "AgendaItem:HRC-43-4"} {
		if _, err := s.Neighborhood(ctx, id, 0, 1); uncite.ErrorCode(err) != uncite.ENOTFOUND {
			t.Errorf("%s survives without documents: %v", id, err)
		}
	}
}

// resolutionDocumentIsOneNode checks that a loaded resolution and the
// resolution its citations name are one: an unlisted resolution takes its
// title and date from its document, whatever the order of the writes, and
// of several language versions the smallest ID holds it.
func resolutionDocumentIsOneNode(t *testing.T, open Opener) {
	ctx := context.Background()
	const symbol = "S/RES/9999 (2030)"
	res := &uncite.Document{ID: symbol, Symbol: symbol, Title: "Resolution 9999", Date: "2030-01-02", Body: uncite.BodySC, SHA256: "r"}
	citing := &uncite.Document{ID: "citing.txt", SHA256: "c", Author: "ARM",
		Citations: []uncite.Citation{{Symbol: symbol, Body: uncite.BodySC, Number: "9999", Year: 2030, Count: 1}}}
	expect := func(t *testing.T, s uncite.Store, holder string) {
		t.Helper()
		r, err := s.Resolution(ctx, symbol)
		want := &uncite.Resolution{Symbol: symbol, Body: uncite.BodySC, Number: "9999", Year: 2030, Title: "Resolution 9999", Date: "2030-01-02", CitationCount: 1}
		if err != nil || !reflect.DeepEqual(r, want) {
			t.Errorf("resolution %+v, %v; want %+v", r, err, want)
		}
		if docs, n, err := s.Documents(ctx, uncite.DocumentFilter{Cites: symbol}, uncite.Page{Limit: 10}); err != nil || n != 1 || docs[0].ID != citing.ID {
			t.Errorf("documents citing it: %d, %v", n, err)
		}
		g, err := s.Neighborhood(ctx, "Document:"+holder, 1, 10)
		checkSubgraph(t, "the holder is the resolution", g, err, []string{"Resolution:" + symbol, "Document:citing.txt"},
			[]uncite.Edge{edge("Document:citing.txt", "CITES", "Resolution:"+symbol, 1)}, false)
	}
	for _, order := range [][]*uncite.Document{{res, citing}, {citing, res}} {
		t.Run("written "+order[0].ID+" first", func(t *testing.T) {
			s := opened(t, open, order[0])
			write(t, s, order[1])
			expect(t, s, res.ID)
			together := view(t, s)
			s = opened(t, open, order...)
			if one := view(t, s); !reflect.DeepEqual(one, together) {
				t.Errorf("one batch and two batches give different graphs\n got %+v\nwant %+v", one, together)
			}
		})
	}

	t.Run("language versions", func(t *testing.T) {
		fr := *res
		fr.ID, fr.Title = symbol+"-fr", "Résolution 9999"
		s := opened(t, open, &fr, citing)
		write(t, s, res) // the smaller ID takes the resolution over
		expect(t, s, res.ID)
		if g, err := s.Neighborhood(ctx, "Document:"+fr.ID, 0, 1); err != nil || g.Nodes[0].ID != "Document:"+fr.ID {
			t.Errorf("the French version still holds the resolution: %+v, %v", g, err)
		}
		moved := *res
		moved.Symbol, moved.SHA256 = "", "r2" // the English version stops being the resolution
		write(t, s, &moved)
		if g, err := s.Neighborhood(ctx, "Document:"+fr.ID, 0, 1); err != nil || g.Nodes[0].ID != "Resolution:"+symbol {
			t.Errorf("the French version did not take the resolution back: %+v, %v", g, err)
		}
		if r, err := s.Resolution(ctx, symbol); err != nil || r.Title != fr.Title || r.CitationCount != 1 {
			t.Errorf("resolution %+v, %v", r, err)
		}
		fr.Symbol, fr.SHA256 = "", "f2" // no document is the resolution any more: a node of its own remains
		write(t, s, &fr)
		if g, err := s.Neighborhood(ctx, "Resolution:"+symbol, 0, 1); err != nil || g.Nodes[0].Properties["document"] != nil {
			t.Errorf("the cited resolution has no node of its own: %+v, %v", g, err)
		}
		if r, err := s.Resolution(ctx, symbol); err != nil || r.Title != "" || r.CitationCount != 1 {
			t.Errorf("resolution %+v, %v", r, err)
		}
		direct := view(t, s)
		s = opened(t, open, &moved, &fr, citing)
		if d := view(t, s); !reflect.DeepEqual(d, direct) {
			t.Errorf("moving the resolution around left a different graph\n got %+v\nwant %+v", d, direct)
		}
	})
}

// view is all a store shows of its graph: every document, resolution and
// State listing, and the subgraph of every document with its neighbours,
// so that two views are equal when the stores answer alike.
func view(t *testing.T, s uncite.Store) []any {
	t.Helper()
	ctx := context.Background()
	all := uncite.Page{Limit: uncite.MaxPageSize}
	var out []any
	add := func(v any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	docs, n, err := s.Documents(ctx, uncite.DocumentFilter{}, all)
	add(docs, err)
	out = append(out, n)
	rs, n, err := s.Resolutions(ctx, uncite.ResolutionFilter{}, uncite.OrderBySymbol, all)
	add(rs, err)
	out = append(out, n)
	add(s.FilterSubgraph(ctx, uncite.DocumentFilter{}, uncite.MaxNeighborhoodLimit))
	return out
}

// rewritingChangesNothing writes the same documents again, in another
// order and one without a digest among them: every answer stays as it was,
// and a batch of unchanged documents with digests writes none.
func rewritingChangesNothing(t *testing.T, open Opener) {
	ctx := context.Background()
	docs := []*uncite.Document{Letter(), Resolution822(), {ID: "nodigest.txt", Title: "no sha256", Body: uncite.BodyHRC, Session: 43}}
	s := opened(t, open, docs...)
	before := []any{view(t, s), snapshot(ctx, t, s)}
	write(t, s, docs...)
	write(t, s, docs[2], docs[1], docs[0])
	if after := []any{view(t, s), snapshot(ctx, t, s)}; !reflect.DeepEqual(before, after) {
		t.Errorf("rewriting the same documents changed the graph\nbefore: %+v\n after: %+v", before, after)
	}
	if n, err := s.WriteDocuments(ctx, docs[:2]); err != nil || n != 0 {
		t.Errorf("rewriting two unchanged documents wrote %d, %v; want 0", n, err)
	}
}

// derivedFromDocuments checks what the contract derives from the documents
// stored: a session's dates are the earliest start and the latest end its
// documents give, an agenda item's title the smallest non-empty one, and
// both follow when the documents giving them go.
func derivedFromDocuments(t *testing.T, open Opener) {
	ctx := context.Background()
	doc := func(id, start, end string, items ...uncite.AgendaItem) *uncite.Document {
		return &uncite.Document{ID: id, SHA256: id, Body: uncite.BodyHRC, Session: 43, SessionStart: start, SessionEnd: end, AgendaItems: items}
	}
	a := doc("a", "2020-02-26", "2020-03-13", uncite.AgendaItem{Number: "4", Title: "Situations"}, uncite.AgendaItem{Number: "3"})
	b := doc("b", "2020-02-24", "", uncite.AgendaItem{Number: "4", Title: "Human rights situations"})
	c := doc("c", "", "2020-03-20", uncite.AgendaItem{Number: "4"}, uncite.AgendaItem{Number: "10", Title: "Technical assistance"})
	s := opened(t, open, a, b, c)
	ses, err := s.Session(ctx, uncite.BodyHRC, 43)
	check(t, "session of three", ses, err, &uncite.Session{Body: uncite.BodyHRC, Number: 43, StartDate: "2020-02-24", EndDate: "2020-03-20"})
	items, err := s.AgendaItemsBySession(ctx, []string{hrc43})
	// Ordered by number as read (uncite.CompareAgendaNumbers), not as text.
	check(t, "agenda items of three", items, err, map[string][]uncite.AgendaItem{hrc43: {
		{Number: "3"}, {Number: "4", Title: "Human rights situations"}, {Number: "10", Title: "Technical assistance"}}})

	b.Session, b.SHA256 = 0, "b2"
	c.AgendaItems, c.SHA256 = nil, "c2"
	write(t, s, b, c)
	ses, err = s.Session(ctx, uncite.BodyHRC, 43)
	check(t, "session without b", ses, err, &uncite.Session{Body: uncite.BodyHRC, Number: 43, StartDate: "2020-02-26", EndDate: "2020-03-20"})
	items, err = s.AgendaItemsBySession(ctx, []string{hrc43})
	check(t, "agenda items without b's and c's", items, err, map[string][]uncite.AgendaItem{hrc43: {{Number: "3"}, {Number: "4", Title: "Situations"}}})
}
