package memstore_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/memstore"
)

const (
	r822 = "S/RES/822 (1993)"
	r853 = "S/RES/853 (1993)"
	r874 = "S/RES/874 (1993)"
	r884 = "S/RES/884 (1993)"
)

func cites(symbols ...string) []uncite.Citation {
	var out []uncite.Citation
	for _, s := range symbols {
		c, err := uncite.ParseResolutionSymbol(s)
		if err != nil {
			panic(err)
		}
		c.Count = 1
		out = append(out, c)
	}
	return out
}

// small is a hand-built graph whose answers are worked out in the tests:
//
//	D1 (HRC-43, item 4, 2020, by AZE, mentions ARM and AZE, refers to D2) cites 822 (twice), 853, 874
//	D2 (HRC-43, no item, 2021, by ARM)                                 cites 822, 874
//	D3 (no session, undated, by AZE)                                   cites 822, 853, 874
//	S/RES/884 (1993), a loaded resolution (1993, mentions AZE)          cites 822, 853
func small(t *testing.T) *memstore.Store {
	t.Helper()
	d1 := &uncite.Document{ID: "D1", Symbol: "A/HRC/43/G/1", Title: "Note verbale", Text: "Occupied territories of Azerbaijan",
		Date: "2020-03-02", Body: uncite.BodyHRC, Session: 43, AgendaItems: []uncite.AgendaItem{{Number: "4", Title: "Item four"}},
		Author: "AZE", Mentions: []uncite.Mention{{State: "ARM", Count: 2}, {State: "AZE", Count: 3}},
		Citations: cites(r822, r853, r874), References: []string{"A/HRC/43/G/2"}, SHA256: "1"}
	d1.Citations[0].Count = 2
	docs := []*uncite.Document{
		d1,
		{ID: "D2", Symbol: "A/HRC/43/G/2", Title: "Letter", Text: "The territories are occupied.", Date: "2021-01-05",
			Body: uncite.BodyHRC, Session: 43, Author: "ARM", Citations: cites(r822, r874), SHA256: "2"},
		{ID: "D3", Author: "AZE", Citations: cites(r822, r853, r874), SHA256: "3"},
		{ID: r884, Symbol: r884, Type: "resolution", Date: "1993-11-12", Body: uncite.BodySC,
			Mentions: []uncite.Mention{{State: "AZE", Count: 1}}, Citations: cites(r822, r853), SHA256: "4"},
	}
	s := memstore.New()
	if _, err := s.WriteDocuments(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return s
}

func check[T any](t *testing.T, what string, got T, err error, want T) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s\n got: %+v\nwant: %+v", what, got, want)
	}
}

func nodeIDs(nodes []uncite.Node) []string {
	var ids []string
	for _, n := range nodes {
		ids = append(ids, n.ID)
	}
	return ids
}

func TestCoCited(t *testing.T) {
	s := small(t)
	ctx := context.Background()
	got, err := s.CoCited(ctx, []string{r822, "S/RES/1 (1946)"}, 10, 2)
	check(t, "co-cited with 822, the unknown resolution left out", got, err, map[string][]uncite.CoCitation{r822: {
		{Symbol: r853, Count: 3, Documents: []string{"D1", "D3"}},
		{Symbol: r874, Count: 3, Documents: []string{"D1", "D2"}},
	}})
	got, err = s.CoCited(ctx, []string{r874}, 1, 0)
	check(t, "co-cited with 874, one, no evidence", got, err, map[string][]uncite.CoCitation{r874: {{Symbol: r822, Count: 3}}})
	if _, err := s.CoCited(ctx, []string{r822}, uncite.MaxPageSize+1, 0); uncite.ErrorCode(err) != uncite.EINVALID {
		t.Errorf("limit past the maximum: %v", err)
	}
}

func TestCoupled(t *testing.T) {
	s := small(t)
	got, err := s.Coupled(context.Background(), []string{"D3", "nope"}, 10, 2)
	check(t, "coupled with D3, the unknown document left out", got, err, map[string][]uncite.Coupling{"D3": {
		{DocumentID: "D1", Count: 3, Shared: []string{r822, r853}},
		{DocumentID: "D2", Count: 2, Shared: []string{r822, r874}},
		{DocumentID: r884, Count: 2, Shared: []string{r822, r853}},
	}})
}

func TestFacetsAndRankings(t *testing.T) {
	s := small(t)
	ctx := context.Background()
	f, err := s.ResolutionFacets(ctx, []string{r822})
	check(t, "facets of 822", f, err, map[string]*uncite.Facets{r822: {
		ByYear:  []uncite.YearCount{{Year: 1993, Count: 1}, {Year: 2020, Count: 1}, {Year: 2021, Count: 1}},
		ByState: []uncite.StateCount{{State: "AZE", Count: 2}, {State: "ARM", Count: 1}},
		BySession: []uncite.SessionItemCount{
			{Body: uncite.BodyHRC, Session: 43, AgendaItem: "", Count: 1},
			{Body: uncite.BodyHRC, Session: 43, AgendaItem: "4", Count: 1},
		},
	}})
	most, err := s.MostCitedBy(ctx, []string{"AZE", "FRA", "XXX"}, 2)
	check(t, "most cited by AZE, none by FRA, XXX no State", most, err, map[string][]uncite.ResolutionCount{
		"AZE": {{Symbol: r822, Count: 2}, {Symbol: r853, Count: 2}}, "FRA": nil})
	top, err := s.TopCited(ctx, "", 0, 10)
	check(t, "top cited", top, err, []uncite.ResolutionCount{{Symbol: r822, Count: 4}, {Symbol: r853, Count: 3}, {Symbol: r874, Count: 3}})
	top, err = s.TopCited(ctx, uncite.BodySC, 2020, 10)
	check(t, "top cited in 2020", top, err, []uncite.ResolutionCount{{Symbol: r822, Count: 1}, {Symbol: r853, Count: 1}, {Symbol: r874, Count: 1}})
	top, err = s.TopCited(ctx, uncite.BodyGA, 0, 10)
	check(t, "top cited of the GA", top, err, nil)
	res, n, err := s.Resolutions(ctx, uncite.ResolutionFilter{CitedInSession: "HRC-43"}, uncite.OrderByCitationCount, uncite.Page{Limit: 10})
	var symbols []string
	for _, r := range res {
		symbols = append(symbols, r.Symbol)
	}
	check(t, "cited in HRC-43", symbols, err, []string{r822, r853, r874})
	if n != 3 {
		t.Errorf("cited in HRC-43: total %d", n)
	}
}

func TestSearch(t *testing.T) {
	s := small(t)
	ctx := context.Background()
	ids := func(q string) []string {
		docs, n, err := s.Search(ctx, q, uncite.Page{Limit: 10})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		var out []string
		for _, d := range docs {
			out = append(out, d.ID)
			if d.Text != "" {
				t.Errorf("search returned the text of %s", d.ID)
			}
		}
		if n != len(out) {
			t.Errorf("search %q: total %d for %d documents", q, n, len(out))
		}
		return out
	}
	check(t, "every word", ids("Occupied, TERRITORIES"), nil, []string{"D1", "D2"})
	check(t, "title and text together", ids("letter occupied"), nil, []string{"D2"})
	check(t, "all words must occur", ids("occupied azerbaijan"), nil, []string{"D1"})
	check(t, "whole words only", ids("territory"), nil, nil)
	if _, _, err := s.Search(ctx, " ,; ", uncite.Page{Limit: 10}); uncite.ErrorCode(err) != uncite.EINVALID {
		t.Errorf("empty query: %v", err)
	}
}

func TestNeighborhood(t *testing.T) {
	s := small(t)
	ctx := context.Background()
	g, err := s.Neighborhood(ctx, "Resolution:"+r822, 1, 3)
	if err != nil {
		t.Fatal(err)
	}
	check(t, "truncated nodes", nodeIDs(g.Nodes), nil, []string{"Resolution:" + r822, "Document:D1", "Document:D2"})
	check(t, "edges among them", g.Edges, nil, []uncite.Edge{
		{Source: "Document:D1", Target: "Resolution:" + r822, Type: uncite.RelCites, Properties: map[string]any{"count": 2}},
		{Source: "Document:D1", Target: "Document:D2", Type: uncite.RelRefersTo, Properties: map[string]any{}},
		{Source: "Document:D2", Target: "Resolution:" + r822, Type: uncite.RelCites, Properties: map[string]any{"count": 1}},
	})
	if !g.Truncated {
		t.Error("not truncated")
	}

	// The Document ID of a loaded resolution names its Resolution node.
	g, err = s.Neighborhood(ctx, "Document:"+r884, 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	check(t, "loaded resolution's neighbours", nodeIDs(g.Nodes), nil,
		[]string{"Resolution:" + r884, "Resolution:" + r822, "Resolution:" + r853, "State:AZE"})
	start := g.Nodes[0]
	if start.Label != r884 || start.Properties["document"] != r884 || start.Properties["known"] != true || start.Properties["year"] != 1993 {
		t.Errorf("loaded resolution node: %+v", start)
	}
	if g.Truncated {
		t.Error("truncated")
	}

	g, err = s.Neighborhood(ctx, "AgendaItem:HRC-43-4", 2, 100)
	check(t, "two levels from an agenda item", nodeIDs(g.Nodes), err, []string{
		"AgendaItem:HRC-43-4",
		"Document:D1", "Session:HRC-43",
		"Document:D2", "Resolution:" + r822, "Resolution:" + r853, "Resolution:" + r874, "State:ARM", "State:AZE",
	})
	check(t, "agenda item properties", g.Nodes[0].Properties, nil,
		map[string]any{"body": uncite.BodyHRC, "session": 43, "number": "4", "title": "Item four"})

	if _, err := s.Neighborhood(ctx, "State:XXX", 1, 10); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("unknown node: %v", err)
	}
	if _, err := s.Neighborhood(ctx, "D1", 1, 10); uncite.ErrorCode(err) != uncite.EINVALID {
		t.Errorf("malformed id: %v", err)
	}
}

func TestPaths(t *testing.T) {
	s := small(t)
	ctx := context.Background()
	paths, err := s.Paths(ctx, "State:ARM", "Resolution:"+r884, 4)
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, p := range paths {
		seq := nodeIDs(p.Nodes)
		for i, e := range p.Edges {
			ends := []string{e.Source, e.Target}
			if !slices.Contains(ends, seq[i]) || !slices.Contains(ends, seq[i+1]) {
				t.Errorf("edge %d of %v does not link its nodes: %+v", i, seq, e)
			}
			seq = append(seq, e.Type)
		}
		got = append(got, seq)
	}
	d1, d2, azeR := "Document:D1", "Document:D2", "State:AZE"
	check(t, "paths from ARM to 884", got, nil, [][]string{
		{"State:ARM", d1, "Resolution:" + r822, "Resolution:" + r884, "MENTIONS", "CITES", "CITES"},
		{"State:ARM", d1, "Resolution:" + r853, "Resolution:" + r884, "MENTIONS", "CITES", "CITES"},
		{"State:ARM", d1, azeR, "Resolution:" + r884, "MENTIONS", "MENTIONS", "MENTIONS"},
		{"State:ARM", d1, azeR, "Resolution:" + r884, "MENTIONS", "SUBMITTED_BY", "MENTIONS"},
		{"State:ARM", d2, "Resolution:" + r822, "Resolution:" + r884, "SUBMITTED_BY", "CITES", "CITES"},
	})

	paths, err = s.Paths(ctx, "State:ARM", "Resolution:"+r884, 2)
	check(t, "no path within two hops", paths, err, nil)

	paths, err = s.Paths(ctx, "Document:"+r884, "Resolution:"+r884, 0)
	if err != nil || len(paths) != 1 || len(paths[0].Nodes) != 1 || len(paths[0].Edges) != 0 || paths[0].Nodes[0].ID != "Resolution:"+r884 {
		t.Errorf("a node to itself: %+v, %v", paths, err)
	}
}

func TestFilterSubgraph(t *testing.T) {
	s := small(t)
	g, err := s.FilterSubgraph(context.Background(), uncite.DocumentFilter{Author: "AZE"}, 1)
	check(t, "first AZE document and its neighbours", nodeIDs(g.Nodes), err, []string{
		"Document:D1",
		"AgendaItem:HRC-43-4", "Document:D2", "Resolution:" + r822, "Resolution:" + r853, "Resolution:" + r874,
		"Session:HRC-43", "State:ARM", "State:AZE",
	})
	if !g.Truncated {
		t.Error("not truncated with two matches and limit 1")
	}
	// D1: SUBMITTED_BY, two MENTIONS, IN_SESSION, UNDER_ITEM, three CITES
	// and REFERS_TO; the item's IN_SESSION; D2: SUBMITTED_BY, IN_SESSION
	// and two CITES.
	if n := len(g.Edges); n != 14 {
		t.Errorf("%d edges, want 14: %+v", n, g.Edges)
	}
}

// TestReplaceKeepsIndexes rewrites a document with different content and
// checks every index-backed answer drops the old version.
func TestReplaceKeepsIndexes(t *testing.T) {
	s := small(t)
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

// TestResolutionNodeFollowsWrites checks what writes keep rather than
// derive per read: which document is a resolution's node (the smallest ID
// with its symbol) and the session dates that views cache.
func TestResolutionNodeFollowsWrites(t *testing.T) {
	s := small(t)
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
