package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// RunGraphViews checks Neighborhood, FilterSubgraph and Paths on the two
// hand-built graphs: which nodes, in which order, which edges with which
// properties, where a view is cut, and the errors of bad arguments.
func RunGraphViews(t *testing.T, open Opener) {
	run(t, open, []namedCase{
		{"neighborhood", neighborhoodOfFixture},
		{"filter subgraph", filterSubgraphOfFixture},
		{"paths", pathsInFixture},
		{"paths keep the first MaxPaths", pathsKeepTheFirstMaxPaths},
		{"neighborhood of the cluster", neighborhoodOfCluster},
		{"paths in the cluster", pathsInCluster},
		{"filter subgraph of the cluster", filterSubgraphOfCluster},
	})
}

func neighborhoodOfFixture(t *testing.T, open Opener) {
	s := opened(t, open, Fixture()...)
	ctx := context.Background()

	around822 := []uncite.Edge{
		edge(nD1, "CITES", n822, 2),
		edge(nD1, "REFERS_TO", nD2, -1),
		edge(nD2, "CITES", n822, 1),
		edge(nD3, "CITES", n822, 1),
		edge(n822, "CITES", n812, 1),
	}
	for _, start := range []string{n822, "Document:" + r822} {
		g, err := s.Neighborhood(ctx, start, 1, 10)
		checkSubgraph(t, start, g, err, []string{n822, nD1, nD2, nD3, n812}, around822, false)
	}
	g, err := s.Neighborhood(ctx, n822, 1, 3)
	checkSubgraph(t, "cut in level 1", g, err, []string{n822, nD1, nD2}, around822[:3], true)

	// Level 2 mixes kinds: they sort by the whole ID.
	armLevels := []string{nARM, nD1, nD2, nD3, nItem4, n251, n822, n853, n874, nHRC43, nAZE}
	g, err = s.Neighborhood(ctx, nARM, 2, 8)
	checkSubgraph(t, "cut in level 2", g, err, armLevels[:8], []uncite.Edge{
		edge(nD1, "CITES", n822, 2),
		edge(nD1, "CITES", n853, 1),
		edge(nD1, "MENTIONS", nARM, 3),
		edge(nD1, "REFERS_TO", nD2, -1),
		edge(nD1, "SUBMITTED_BY", nARM, -1),
		edge(nD1, "UNDER_ITEM", nItem4, -1),
		edge(nD2, "CITES", n251, 1),
		edge(nD2, "CITES", n822, 1),
		edge(nD2, "CITES", n853, 1),
		edge(nD2, "MENTIONS", nARM, 1),
		edge(nD3, "CITES", n822, 1),
		edge(nD3, "SUBMITTED_BY", nARM, -1),
	}, true)
	g, err = s.Neighborhood(ctx, nARM, 2, len(armLevels))
	checkSubgraph(t, "level 2 exactly fills the limit", g, err, armLevels, nil, false)
	// A third level with anything new is cut to nothing.
	g, err = s.Neighborhood(ctx, nARM, 3, len(armLevels))
	checkSubgraph(t, "full before level 3", g, err, armLevels, nil, true)
	g, err = s.Neighborhood(ctx, nARM, 3, len(armLevels)+1)
	checkSubgraph(t, "level 3", g, err, append(slices.Clone(armLevels), n812), nil, false)
	g, err = s.Neighborhood(ctx, nARM, 3, uncite.MaxNeighborhoodLimit)
	checkSubgraph(t, "the whole component", g, err, append(slices.Clone(armLevels), n812), nil, false)

	// Each kind's node carries exactly its set properties.
	ref822, _ := refdata.LookupResolution(r822)
	want := map[string]uncite.Node{
		nARM: {ID: nARM, Kind: "State", Label: "Armenia", Properties: map[string]any{"code": "ARM", "name": "Armenia"}},
		nHRC43: {ID: nHRC43, Kind: "Session", Label: "HRC-43", Properties: map[string]any{
			"body": "HRC", "number": 43, "startDate": "2020-02-24", "endDate": "2020-03-20"}},
		nItem4: {ID: nItem4, Kind: "AgendaItem", Label: "HRC-43-4", Properties: map[string]any{
			"body": "HRC", "session": 43, "number": "4", "title": "Human rights situations"}},
		n251: {ID: n251, Kind: "Resolution", Label: r251, Properties: map[string]any{
			"symbol": r251, "body": "GA", "number": "60/251", "known": false}},
		n822: {ID: n822, Kind: "Resolution", Label: r822, Properties: map[string]any{
			"symbol": r822, "body": "SC", "number": "822", "year": 1993, "title": ref822.Title, "date": ref822.Date,
			"known": true, "document": r822}},
		nD1: {ID: nD1, Kind: "Document", Label: d1ID, Properties: map[string]any{
			"id": d1ID, "symbol": d1ID, "title": "Note verbale dated 2 March 2020", "type": "note verbale",
			"date": "2020-03-02", "body": "HRC"}},
		nD3: {ID: nD3, Kind: "Document", Label: d3ID, Properties: map[string]any{
			"id": d3ID, "title": "Untitled", "date": "2020-06-01", "body": "SC"}},
	}
	for _, n := range g.Nodes {
		if w, ok := want[n.ID]; ok && !reflect.DeepEqual(n, w) {
			t.Errorf("node %s:\n got %#v\nwant %#v", n.ID, n, w)
		}
	}

	g, err = s.Neighborhood(ctx, nItem4, 1, 10)
	checkSubgraph(t, "agenda item", g, err, []string{nItem4, nD1, nHRC43}, []uncite.Edge{
		edge(nItem4, "IN_SESSION", nHRC43, -1),
		edge(nD1, "IN_SESSION", nHRC43, -1),
		edge(nD1, "UNDER_ITEM", nItem4, -1),
	}, false)
	g, err = s.Neighborhood(ctx, "State:FRA", 2, 10)
	checkSubgraph(t, "isolated State", g, err, []string{"State:FRA"}, nil, false)
	g, err = s.Neighborhood(ctx, nARM, 0, 10)
	checkSubgraph(t, "depth 0", g, err, []string{nARM}, nil, false)

	for _, c := range []struct {
		id           string
		depth, limit int
		code         string
	}{
		{"Document:nope", 1, 10, uncite.ENOTFOUND},
		{"Resolution:S/RES/1 (2099)", 1, 10, uncite.ENOTFOUND},
		{"Session:HRC-1", 1, 10, uncite.ENOTFOUND},
		{"Body:SC", 1, 10, uncite.EINVALID},
		{"Document:", 1, 10, uncite.EINVALID},
		{"ARM", 1, 10, uncite.EINVALID},
		{nARM, -1, 10, uncite.EINVALID},
		{nARM, uncite.MaxNeighborhoodDepth + 1, 10, uncite.EINVALID},
		{nARM, 1, 0, uncite.EINVALID},
		{nARM, 1, uncite.MaxNeighborhoodLimit + 1, uncite.EINVALID},
	} {
		if _, err := s.Neighborhood(ctx, c.id, c.depth, c.limit); uncite.ErrorCode(err) != c.code {
			t.Errorf("Neighborhood(%q, %d, %d): error %v, want %s", c.id, c.depth, c.limit, err, c.code)
		}
	}
	_, _, splitErr := uncite.SplitNodeID("Bogus:1")
	if _, err := s.Neighborhood(ctx, "Bogus:1", 1, 10); err == nil || err.Error() != splitErr.Error() {
		t.Errorf("malformed id: error %v, want %v", err, splitErr)
	}
	if _, err := s.Neighborhood(ctx, "State:XXX", 1, 10); err == nil || err.Error() != `no node "State:XXX" in the graph` {
		t.Errorf("unknown node: error %v", err)
	}
}

func filterSubgraphOfFixture(t *testing.T, open Opener) {
	s := opened(t, open, Fixture()...)
	ctx := context.Background()

	g, err := s.FilterSubgraph(ctx, uncite.DocumentFilter{Author: "ARM"}, 1)
	checkSubgraph(t, "first of two", g, err, []string{nD1, nItem4, nD2, n822, n853, nHRC43, nARM, nAZE}, []uncite.Edge{
		edge(nItem4, "IN_SESSION", nHRC43, -1),
		edge(nD1, "CITES", n822, 2),
		edge(nD1, "CITES", n853, 1),
		edge(nD1, "IN_SESSION", nHRC43, -1),
		edge(nD1, "MENTIONS", nARM, 3),
		edge(nD1, "MENTIONS", nAZE, 2),
		edge(nD1, "REFERS_TO", nD2, -1),
		edge(nD1, "SUBMITTED_BY", nARM, -1),
		edge(nD1, "UNDER_ITEM", nItem4, -1),
		edge(nD2, "CITES", n822, 1),
		edge(nD2, "CITES", n853, 1),
		edge(nD2, "IN_SESSION", nHRC43, -1),
		edge(nD2, "MENTIONS", nARM, 1),
		edge(nD2, "SUBMITTED_BY", nAZE, -1),
	}, true)

	// Matched documents come in document ID order, the resolution document
	// among them as its Resolution node; then the neighbours by node ID.
	g, err = s.FilterSubgraph(ctx, uncite.DocumentFilter{DateTo: "2020-12-31"}, 3)
	checkSubgraph(t, "all matched", g, err,
		[]string{nD1, n822, nD3, nItem4, nD2, n812, n853, n874, nHRC43, nARM, nAZE}, nil, false)
	if len(g.Edges) != 19 {
		t.Errorf("all matched: %d edges, want 19:%s", len(g.Edges), showEdges(g.Edges))
	}

	g, err = s.FilterSubgraph(ctx, uncite.DocumentFilter{Cites: r812}, 5)
	checkSubgraph(t, "resolution document", g, err, []string{n822, nD1, nD2, nD3, n812}, []uncite.Edge{
		edge(nD1, "CITES", n822, 2),
		edge(nD1, "REFERS_TO", nD2, -1),
		edge(nD2, "CITES", n822, 1),
		edge(nD3, "CITES", n822, 1),
		edge(n822, "CITES", n812, 1),
	}, false)

	g, err = s.FilterSubgraph(ctx, uncite.DocumentFilter{Type: "memo"}, 5)
	checkSubgraph(t, "no match", g, err, nil, nil, false)
	if g.Edges != nil {
		t.Errorf("no match: edges %v", g.Edges)
	}
	for _, limit := range []int{0, uncite.MaxNeighborhoodLimit + 1} {
		if _, err := s.FilterSubgraph(ctx, uncite.DocumentFilter{}, limit); uncite.ErrorCode(err) != uncite.EINVALID {
			t.Errorf("limit %d: error %v, want invalid", limit, err)
		}
	}
}

func pathsInFixture(t *testing.T, open Opener) {
	s := opened(t, open, Fixture()...)
	ctx := context.Background()

	type path struct {
		nodes []string
		edges []uncite.Edge
	}
	expect := func(from, to string, hops int, want []path) {
		t.Helper()
		paths, err := s.Paths(ctx, from, to, hops)
		if err != nil {
			t.Fatalf("%s to %s: %v", from, to, err)
		}
		if len(paths) != len(want) {
			t.Errorf("%s to %s in %d: %d paths, want %d", from, to, hops, len(paths), len(want))
		}
		for i := range min(len(paths), len(want)) {
			if got := nodeIDs(paths[i].Nodes); !slices.Equal(got, want[i].nodes) {
				t.Errorf("%s to %s, path %d: nodes %q, want %q", from, to, i, got, want[i].nodes)
			}
			if !reflect.DeepEqual(paths[i].Edges, want[i].edges) {
				t.Errorf("%s to %s, path %d: edges%s\nwant%s", from, to, i, showEdges(paths[i].Edges), showEdges(want[i].edges))
			}
		}
	}
	// d1 both wrote and mentions ARM: two paths through it, MENTIONS first.
	expect(nARM, nAZE, 2, []path{
		{[]string{nARM, nD1, nAZE}, []uncite.Edge{edge(nD1, "MENTIONS", nARM, 3), edge(nD1, "MENTIONS", nAZE, 2)}},
		{[]string{nARM, nD1, nAZE}, []uncite.Edge{edge(nD1, "SUBMITTED_BY", nARM, -1), edge(nD1, "MENTIONS", nAZE, 2)}},
		{[]string{nARM, nD2, nAZE}, []uncite.Edge{edge(nD2, "MENTIONS", nARM, 1), edge(nD2, "SUBMITTED_BY", nAZE, -1)}},
	})
	expect(nARM, n812, 2, nil)
	expect(nARM, nAZE, 0, nil)
	expect(nARM, n812, 3, []path{
		{[]string{nARM, nD1, n822, n812}, []uncite.Edge{edge(nD1, "MENTIONS", nARM, 3), edge(nD1, "CITES", n822, 2), edge(n822, "CITES", n812, 1)}},
		{[]string{nARM, nD1, n822, n812}, []uncite.Edge{edge(nD1, "SUBMITTED_BY", nARM, -1), edge(nD1, "CITES", n822, 2), edge(n822, "CITES", n812, 1)}},
		{[]string{nARM, nD2, n822, n812}, []uncite.Edge{edge(nD2, "MENTIONS", nARM, 1), edge(nD2, "CITES", n822, 1), edge(n822, "CITES", n812, 1)}},
		{[]string{nARM, nD3, n822, n812}, []uncite.Edge{edge(nD3, "SUBMITTED_BY", nARM, -1), edge(nD3, "CITES", n822, 1), edge(n822, "CITES", n812, 1)}},
	})
	// Edges keep their direction when the path runs against it.
	expect(nD2, nD1, 1, []path{{[]string{nD2, nD1}, []uncite.Edge{edge(nD1, "REFERS_TO", nD2, -1)}}})
	// A path through the resolution document reaches it as the Resolution.
	expect("Document:"+r822, nD3, 1, []path{{[]string{n822, nD3}, []uncite.Edge{edge(nD3, "CITES", n822, 1)}}})
	// No path leaves the component, however long.
	expect("State:FRA", nARM, uncite.MaxPathHops, nil)

	for _, c := range [][2]string{{nARM, nARM}, {"Document:" + r822, n822}} {
		paths, err := s.Paths(ctx, c[0], c[1], 0)
		if err != nil || len(paths) != 1 || len(paths[0].Nodes) != 1 || paths[0].Edges != nil {
			t.Fatalf("%s to %s: %+v, %v; want one single-node path", c[0], c[1], paths, err)
		}
		if n := paths[0].Nodes[0]; n.ID != c[1] || n.Label == "" || len(n.Properties) == 0 {
			t.Errorf("%s to itself: node %+v", c[0], n)
		}
	}

	for _, c := range []struct {
		from, to string
		hops     int
		code     string
	}{
		{nARM, "Document:nope", 3, uncite.ENOTFOUND},
		{"State:XXX", nARM, 3, uncite.ENOTFOUND},
		{"State:XXX", "State:XXX", 3, uncite.ENOTFOUND},
		// The start is checked first, whole: absent before a malformed end.
		{"State:XXX", "AZE", 3, uncite.ENOTFOUND},
		{"Bogus:1", nARM, 3, uncite.EINVALID},
		{nARM, "AZE", 3, uncite.EINVALID},
		{nARM, nAZE, -1, uncite.EINVALID},
		{nARM, nAZE, uncite.MaxPathHops + 1, uncite.EINVALID},
	} {
		if _, err := s.Paths(ctx, c.from, c.to, c.hops); uncite.ErrorCode(err) != c.code {
			t.Errorf("Paths(%q, %q, %d): error %v, want %s", c.from, c.to, c.hops, err, c.code)
		}
	}
}

func pathsKeepTheFirstMaxPaths(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	var docs []*uncite.Document
	var want [][]string
	for i := range uncite.MaxPaths + 3 {
		id := fmt.Sprintf("doc-%02d", i)
		docs = append(docs, &uncite.Document{ID: id, Author: "FRA", Mentions: []uncite.Mention{{State: "DEU", Count: 1}}})
		want = append(want, []string{"State:DEU", "Document:" + id, "State:FRA"})
	}
	// Written in reverse so that no insertion order can pass for the sort.
	slices.Reverse(docs)
	write(t, s, docs...)
	paths, err := s.Paths(ctx, "State:DEU", "State:FRA", 2)
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, p := range paths {
		got = append(got, nodeIDs(p.Nodes))
	}
	if !reflect.DeepEqual(got, want[:uncite.MaxPaths]) {
		t.Errorf("paths %q, want %q", got, want[:uncite.MaxPaths])
	}
}

func neighborhoodOfCluster(t *testing.T, open Opener) {
	s := opened(t, open, cluster()...)
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

func pathsInCluster(t *testing.T, open Opener) {
	s := opened(t, open, cluster()...)
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

func filterSubgraphOfCluster(t *testing.T, open Opener) {
	s := opened(t, open, cluster()...)
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
