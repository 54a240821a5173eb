package neo4jstore

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// Node IDs of the fixture (see fixture_test.go).
const (
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

// edge builds an expected edge; count < 0 means the type carries none.
func edge(source, typ, target string, count int) uncite.Edge {
	e := uncite.Edge{Source: source, Type: typ, Target: target, Properties: map[string]any{}}
	if count >= 0 {
		e.Properties["count"] = count
	}
	return e
}

func nodeIDs(nodes []uncite.Node) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, n.ID)
	}
	return out
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

func TestNeighborhood(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	write(t, s, fixture()...)

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

func TestFilterSubgraph(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	write(t, s, fixture()...)

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

func TestPaths(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	write(t, s, fixture()...)

	type path struct {
		nodes []string
		edges []uncite.Edge
	}
	check := func(from, to string, hops int, want []path) {
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
	check(nARM, nAZE, 2, []path{
		{[]string{nARM, nD1, nAZE}, []uncite.Edge{edge(nD1, "MENTIONS", nARM, 3), edge(nD1, "MENTIONS", nAZE, 2)}},
		{[]string{nARM, nD1, nAZE}, []uncite.Edge{edge(nD1, "SUBMITTED_BY", nARM, -1), edge(nD1, "MENTIONS", nAZE, 2)}},
		{[]string{nARM, nD2, nAZE}, []uncite.Edge{edge(nD2, "MENTIONS", nARM, 1), edge(nD2, "SUBMITTED_BY", nAZE, -1)}},
	})
	check(nARM, n812, 2, nil)
	check(nARM, nAZE, 0, nil)
	check(nARM, n812, 3, []path{
		{[]string{nARM, nD1, n822, n812}, []uncite.Edge{edge(nD1, "MENTIONS", nARM, 3), edge(nD1, "CITES", n822, 2), edge(n822, "CITES", n812, 1)}},
		{[]string{nARM, nD1, n822, n812}, []uncite.Edge{edge(nD1, "SUBMITTED_BY", nARM, -1), edge(nD1, "CITES", n822, 2), edge(n822, "CITES", n812, 1)}},
		{[]string{nARM, nD2, n822, n812}, []uncite.Edge{edge(nD2, "MENTIONS", nARM, 1), edge(nD2, "CITES", n822, 1), edge(n822, "CITES", n812, 1)}},
		{[]string{nARM, nD3, n822, n812}, []uncite.Edge{edge(nD3, "SUBMITTED_BY", nARM, -1), edge(nD3, "CITES", n822, 1), edge(n822, "CITES", n812, 1)}},
	})
	// Edges keep their direction when the path runs against it.
	check(nD2, nD1, 1, []path{{[]string{nD2, nD1}, []uncite.Edge{edge(nD1, "REFERS_TO", nD2, -1)}}})
	// A path through the resolution document reaches it as the Resolution.
	check("Document:"+r822, nD3, 1, []path{{[]string{n822, nD3}, []uncite.Edge{edge(nD3, "CITES", n822, 1)}}})
	// No path leaves the component, however long.
	check("State:FRA", nARM, uncite.MaxPathHops, nil)

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

func TestPathsKeepsTheFirstMaxPaths(t *testing.T) {
	s := fresh(t)
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
