package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/uncite/uncite"
)

// Opener returns an empty store; the runners call it once per case, or
// twice when a case compares two stores (the first is then done with).
type Opener func(t *testing.T) uncite.Store

// Resolutions of both hand-built graphs.
const (
	r251 = "A/RES/60/251"
	r812 = "S/RES/812 (1993)"
	r822 = "S/RES/822 (1993)"
	r853 = "S/RES/853 (1993)"
	r874 = "S/RES/874 (1993)"
	r884 = "S/RES/884 (1993)"
)

// Fixture is the small graph the graph-view, facet and search cases share.
// Every expectation of those cases is worked out by hand from it:
//
//	d1 A/HRC/43/G/1  2020-03-02 HRC-43, item 4  by ARM, mentions ARM 3, AZE 2
//	                 cites 822 (x2), 853         refers to A/HRC/43/G/2
//	d2 A/HRC/43/G/2  2021-01-05 HRC-43, no item by AZE, mentions ARM 1
//	                 cites 822, 853, 874, A/RES/60/251
//	d3 x.txt         2020-06-01 SC, no session  by ARM
//	                 cites 822, 874
//	r  S/RES/822 (1993), the resolution itself, 1993-04-30, cites 812
func Fixture() []*uncite.Document {
	return []*uncite.Document{
		{
			ID: d1ID, Symbol: d1ID, Title: "Note verbale dated 2 March 2020", Type: "note verbale", Date: "2020-03-02",
			Body: uncite.BodyHRC, Session: 43, SessionStart: "2020-02-24", SessionEnd: "2020-03-20",
			AgendaItems: []uncite.AgendaItem{{Number: "4", Title: "Human rights situations"}},
			Author:      "ARM", Mentions: []uncite.Mention{{State: "ARM", Count: 3}, {State: "AZE", Count: 2}},
			Citations:  []uncite.Citation{cite(r822, 2), cite(r853, 1)},
			References: []string{d2ID},
			Text:       "The Permanent Mission of Armenia presents its compliments. Human rights situations.",
			SHA256:     "d1",
		},
		{
			ID: d2ID, Symbol: d2ID, Title: "Letter", Type: "letter", Date: "2021-01-05",
			Body: uncite.BodyHRC, Session: 43,
			Author: "AZE", Mentions: []uncite.Mention{{State: "ARM", Count: 1}},
			Citations: []uncite.Citation{cite(r822, 1), cite(r853, 1), cite(r874, 1), cite(r251, 1)},
			Text:      "Постоянное представительство Азербайджана; Российская Федерация. Human dignity, rights-based.",
			SHA256:    "d2",
		},
		{
			ID: d3ID, Title: "Untitled", Date: "2020-06-01", Body: uncite.BodySC, Author: "ARM",
			Citations: []uncite.Citation{cite(r822, 1), cite(r874, 1)},
			Text:      "Right of self-determination; humanrights is one word here.",
			SHA256:    "d3",
		},
		{
			ID: r822, Symbol: r822, Title: "Resolution 822 (1993)", Type: "resolution", Date: "1993-04-30",
			Body: uncite.BodySC, Citations: []uncite.Citation{cite(r812, 1)},
			Text: "The Security Council, recalling its resolution 812 (1993), Армения.", SHA256: "r822",
		},
	}
}

// Document IDs of Fixture and their node IDs.
const (
	d1ID   = "A/HRC/43/G/1"
	d2ID   = "A/HRC/43/G/2"
	d3ID   = "x.txt"
	nD1    = "Document:" + d1ID
	nD2    = "Document:" + d2ID
	nD3    = "Document:" + d3ID
	n822   = "Resolution:" + r822
	n812   = "Resolution:" + r812
	n853   = "Resolution:" + r853
	n874   = "Resolution:" + r874
	n251   = "Resolution:" + r251
	nARM   = "State:ARM"
	nAZE   = "State:AZE"
	nHRC43 = "Session:HRC-43"
	nItem4 = "AgendaItem:HRC-43-4"
)

// cluster is a second hand-built graph, denser in co-citations, whose
// answers are worked out in the cases that use it:
//
//	D1 (HRC-43, item 4, 2020, by AZE, mentions ARM and AZE, refers to D2) cites 822 (twice), 853, 874
//	D2 (HRC-43, no item, 2021, by ARM)                                 cites 822, 874
//	D3 (no session, undated, by AZE)                                   cites 822, 853, 874
//	S/RES/884 (1993), a loaded resolution (1993, mentions AZE)          cites 822, 853
func cluster() []*uncite.Document {
	d1 := &uncite.Document{ID: "D1", Symbol: "A/HRC/43/G/1", Title: "Note verbale", Text: "Occupied territories of Azerbaijan",
		Date: "2020-03-02", Body: uncite.BodyHRC, Session: 43, AgendaItems: []uncite.AgendaItem{{Number: "4", Title: "Item four"}},
		Author: "AZE", Mentions: []uncite.Mention{{State: "ARM", Count: 2}, {State: "AZE", Count: 3}},
		Citations: cites(r822, r853, r874), References: []string{"A/HRC/43/G/2"}, SHA256: "1"}
	d1.Citations[0].Count = 2
	return []*uncite.Document{
		d1,
		{ID: "D2", Symbol: "A/HRC/43/G/2", Title: "Letter", Text: "The territories are occupied.", Date: "2021-01-05",
			Body: uncite.BodyHRC, Session: 43, Author: "ARM", Citations: cites(r822, r874), SHA256: "2"},
		{ID: "D3", Author: "AZE", Citations: cites(r822, r853, r874), SHA256: "3"},
		{ID: r884, Symbol: r884, Type: "resolution", Date: "1993-11-12", Body: uncite.BodySC,
			Mentions: []uncite.Mention{{State: "AZE", Count: 1}}, Citations: cites(r822, r853), SHA256: "4"},
	}
}

// Letter is a note verbale with every field set; its citations and mentions
// are in the order a store returns them.
func Letter() *uncite.Document {
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

// Resolution822 is the document of S/RES/822 (1993), citing 812.
func Resolution822() *uncite.Document {
	return &uncite.Document{ID: "S/RES/822 (1993)", Symbol: "S/RES/822 (1993)", Title: "Resolution 822 (1993)",
		Type: "resolution", Date: "1993-04-30", Languages: []string{"en"}, Body: uncite.BodySC,
		Citations: []uncite.Citation{{Symbol: "S/RES/812 (1993)", Body: uncite.BodySC, Number: "812", Year: 1993, Count: 1}},
		File:      "S_RES_822_(1993).txt", SHA256: "r1"}
}

func cite(symbol string, count int) uncite.Citation {
	c, err := uncite.ParseResolutionSymbol(symbol)
	if err != nil {
		panic(err) // the symbols are constants of this package
	}
	c.Count = count
	return c
}

func cites(symbols ...string) []uncite.Citation {
	var out []uncite.Citation
	for _, s := range symbols {
		out = append(out, cite(s, 1))
	}
	return out
}

// opened returns an empty store from open with docs written to it.
func opened(t *testing.T, open Opener, docs ...*uncite.Document) uncite.Store {
	t.Helper()
	s := open(t)
	write(t, s, docs...)
	return s
}

func write(t testing.TB, s uncite.Store, docs ...*uncite.Document) {
	t.Helper()
	if _, err := s.WriteDocuments(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
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

func nodeIDs(nodes []uncite.Node) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, n.ID)
	}
	return out
}

// edge builds an expected edge; count < 0 means the type carries none.
func edge(source, typ, target string, count int) uncite.Edge {
	e := uncite.Edge{Source: source, Type: typ, Target: target, Properties: map[string]any{}}
	if count >= 0 {
		e.Properties["count"] = count
	}
	return e
}

func showEdges(edges []uncite.Edge) string {
	var b strings.Builder
	for _, e := range edges {
		fmt.Fprintf(&b, "\n  %s -%s-> %s %v", e.Source, e.Type, e.Target, e.Properties)
	}
	return b.String()
}

func checkSubgraph(t *testing.T, name string, g *uncite.Subgraph, err error, nodes []string, edges []uncite.Edge, truncated bool) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if got := nodeIDs(g.Nodes); !slices.Equal(got, nodes) {
		t.Errorf("%s: nodes\n got %q\nwant %q", name, got, nodes)
	}
	if edges != nil && !reflect.DeepEqual(g.Edges, edges) {
		t.Errorf("%s: edges%s\nwant%s", name, showEdges(g.Edges), showEdges(edges))
	}
	if g.Truncated != truncated {
		t.Errorf("%s: truncated %v, want %v", name, g.Truncated, truncated)
	}
}

// namedCase is one case of a runner, run on a store of its own.
type namedCase struct {
	name string
	run  func(*testing.T, Opener)
}

func run(t *testing.T, open Opener, cases []namedCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.run(t, open) })
	}
}

// ReplacedLetter is the pair of documents of the replacement cases: another
// document sharing Letter's session, agenda item and one citation, and a
// second version of Letter that drops that shared citation, an orphaned one,
// a mention, its agenda items and its session end, and changes its author.
func ReplacedLetter() (other, changed *uncite.Document) {
	other = &uncite.Document{ID: "other.txt", SHA256: "o1", Body: uncite.BodyHRC, Session: 43, SessionStart: "2020-02-20",
		AgendaItems: []uncite.AgendaItem{{Number: "4", Title: "Another title"}},
		Citations:   []uncite.Citation{{Symbol: "A/RES/60/251", Count: 1}}}
	changed = Letter()
	changed.SHA256 = "v2"
	changed.Title = ""
	changed.Citations = changed.Citations[2:] // drops A/HRC/RES/7/1 (orphaned) and A/RES/60/251 (still cited by other)
	changed.Mentions = changed.Mentions[:1]
	changed.AgendaItems = nil
	changed.Author = "AZE"
	changed.SessionEnd = ""
	return other, changed
}
