package uncite

import (
	"reflect"
	"testing"
)

func TestGraphViewLimits(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		ok   bool
	}{
		{"neighbourhood 0, 1", ValidateNeighborhood(0, 1), true},
		{"neighbourhood at the maxima", ValidateNeighborhood(MaxNeighborhoodDepth, MaxNeighborhoodLimit), true},
		{"negative depth", ValidateNeighborhood(-1, 10), false},
		{"depth past the maximum", ValidateNeighborhood(MaxNeighborhoodDepth+1, 10), false},
		{"no nodes", ValidateNeighborhood(1, 0), false},
		{"nodes past the maximum", ValidateNeighborhood(1, MaxNeighborhoodLimit+1), false},
		{"subgraph 1", ValidateSubgraphLimit(1), true},
		{"subgraph at the maximum", ValidateSubgraphLimit(MaxNeighborhoodLimit), true},
		{"subgraph 0", ValidateSubgraphLimit(0), false},
		{"subgraph past the maximum", ValidateSubgraphLimit(MaxNeighborhoodLimit + 1), false},
		{"0 hops", ValidatePathHops(0), true},
		{"hops at the maximum", ValidatePathHops(MaxPathHops), true},
		{"negative hops", ValidatePathHops(-1), false},
		{"hops past the maximum", ValidatePathHops(MaxPathHops + 1), false},
	} {
		if c.ok != (c.err == nil) || (c.err != nil && ErrorCode(c.err) != EINVALID) {
			t.Errorf("%s: error %v, want ok=%v or EINVALID", c.name, c.err, c.ok)
		}
	}
}

func TestNodeLabel(t *testing.T) {
	for _, c := range []struct {
		kind, key string
		props     map[string]any
		want      string
	}{
		{KindState, "AZE", map[string]any{"code": "AZE", "name": "Azerbaijan"}, "Azerbaijan"},
		{KindDocument, "A_HRC_43_G_9.txt", map[string]any{"id": "A_HRC_43_G_9.txt", "symbol": "A/HRC/43/G/9"}, "A/HRC/43/G/9"},
		{KindDocument, "note.txt", map[string]any{"id": "note.txt"}, "note.txt"},
		{KindResolution, "S/RES/822 (1993)", map[string]any{"symbol": "S/RES/822 (1993)", "title": "Armenia"}, "S/RES/822 (1993)"},
		{KindSession, "HRC-43", map[string]any{"body": "HRC", "number": 43}, "HRC-43"},
		{KindAgendaItem, "HRC-43-4", map[string]any{"number": "4", "title": "Situations"}, "HRC-43-4"},
	} {
		if got := NodeLabel(c.kind, c.key, c.props); got != c.want {
			t.Errorf("NodeLabel(%s, %s) = %q, want %q", c.kind, c.key, got, c.want)
		}
	}
}

func TestNewEdgeCountsOnlyCitesAndMentions(t *testing.T) {
	for typ, want := range map[string]map[string]any{
		RelCites: {"count": 3}, RelMentions: {"count": 3},
		RelSubmittedBy: {}, RelInSession: {}, RelUnderItem: {}, RelRefersTo: {},
	} {
		e := NewEdge("Document:a", "State:AZE", typ, 3)
		if e.Properties == nil || !reflect.DeepEqual(e.Properties, want) || e.Type != typ {
			t.Errorf("%s: %+v, want properties %v", typ, e, want)
		}
	}
}

func TestSortEdges(t *testing.T) {
	edges := []Edge{
		{Source: "Document:b", Type: RelCites, Target: "Resolution:x"},
		{Source: "Document:a", Type: RelMentions, Target: "State:AZE"},
		{Source: "Document:a", Type: RelCites, Target: "Resolution:y"},
		{Source: "Document:a", Type: RelCites, Target: "Resolution:x"},
	}
	SortEdges(edges)
	var got []string
	for _, e := range edges {
		got = append(got, e.ID())
	}
	want := []string{"Document:a -CITES-> Resolution:x", "Document:a -CITES-> Resolution:y",
		"Document:a -MENTIONS-> State:AZE", "Document:b -CITES-> Resolution:x"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order %q, want %q", got, want)
	}
}

func TestPathsAlong(t *testing.T) {
	nodes := []Node{{ID: "Document:a"}, {ID: "Document:b"}, {ID: "State:AZE"}}
	// Parallel relationships, given out of order: the two REFERS_TO sort
	// by source, the second hop's by type.
	ab := Edge{Source: "Document:a", Target: "Document:b", Type: RelRefersTo}
	ba := Edge{Source: "Document:b", Target: "Document:a", Type: RelRefersTo}
	mentions := Edge{Source: "Document:b", Target: "State:AZE", Type: RelMentions}
	submitted := Edge{Source: "Document:b", Target: "State:AZE", Type: RelSubmittedBy}
	hops := [][]Edge{{ba, ab}, {submitted, mentions}}
	want := []Path{
		{nodes, []Edge{ab, mentions}}, {nodes, []Edge{ab, submitted}},
		{nodes, []Edge{ba, mentions}}, {nodes, []Edge{ba, submitted}},
	}
	if got := PathsAlong(nodes, hops, MaxPaths); !reflect.DeepEqual(got, want) {
		t.Errorf("paths %+v, want %+v", got, want)
	}
	if got := PathsAlong(nodes, hops, 3); !reflect.DeepEqual(got, want[:3]) {
		t.Errorf("at most 3: %+v, want %+v", got, want[:3])
	}
	if got := PathsAlong(nodes, hops, 0); len(got) != 0 {
		t.Errorf("at most 0: %d paths", len(got))
	}
	if got := PathsAlong(nodes, [][]Edge{hops[0], nil}, MaxPaths); len(got) != 0 {
		t.Errorf("a hop without edges: %d paths, want none", len(got))
	}
	one := []Node{{ID: "Document:a"}}
	if got := PathsAlong(one, nil, MaxPaths); len(got) != 1 || len(got[0].Edges) != 0 {
		t.Errorf("a path of one node: %+v, want one path without edges", got)
	}
}
