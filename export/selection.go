package export

import (
	"context"
	"strings"

	"github.com/uncite/uncite"
)

// Defaults of a Selection, shared by the HTTP endpoint and the command line.
const (
	DefaultDepth = 1
	DefaultLimit = 200
)

// Selection picks the subgraph to export: the neighbourhoods of the nodes
// IDs when there are any (Depth levels, at most Limit nodes each, merged as
// the explorer draws them: each node and edge once), else the first Limit
// documents matching Filter with their direct neighbours. Both limits are
// checked against those of the graph views and rejected, not clamped, when
// out of range.
type Selection struct {
	IDs    []string
	Depth  int
	Limit  int
	Filter uncite.DocumentFilter
}

// Subgraph validates s and fetches its subgraph from store. Input errors
// are *uncite.Error with code EINVALID; an unknown node is ENOTFOUND.
func (s Selection) Subgraph(ctx context.Context, store uncite.Store) (*uncite.Subgraph, error) {
	if err := uncite.ValidateSubgraphLimit(s.Limit); err != nil {
		return nil, err
	}
	if len(s.IDs) == 0 {
		f, err := s.Filter.Normalize()
		if err != nil {
			return nil, err
		}
		return store.FilterSubgraph(ctx, f, s.Limit)
	}
	if s.Filter != (uncite.DocumentFilter{}) {
		return nil, uncite.Errorf(uncite.EINVALID, "give either a node id or document filters, not both")
	}
	if s.Depth < 1 || s.Depth > uncite.MaxNeighborhoodDepth {
		return nil, uncite.Errorf(uncite.EINVALID, "depth must be between 1 and %d, got %d", uncite.MaxNeighborhoodDepth, s.Depth)
	}
	for _, id := range s.IDs {
		if _, _, err := uncite.SplitNodeID(id); err != nil {
			return nil, err
		}
	}
	g, err := store.Neighborhood(ctx, s.IDs[0], s.Depth, s.Limit)
	for _, id := range s.IDs[1:] {
		if err != nil {
			return nil, err
		}
		var more *uncite.Subgraph
		if more, err = store.Neighborhood(ctx, id, s.Depth, s.Limit); err == nil {
			merge(g, more)
		}
	}
	return g, err
}

// merge adds to g the nodes and edges of more that it lacks, in more's
// order after g's own.
func merge(g, more *uncite.Subgraph) {
	nodes := make(map[string]bool, len(g.Nodes))
	for _, n := range g.Nodes {
		nodes[n.ID] = true
	}
	edges := make(map[string]bool, len(g.Edges))
	for _, e := range g.Edges {
		edges[e.ID()] = true
	}
	for _, n := range more.Nodes {
		if !nodes[n.ID] {
			nodes[n.ID] = true
			g.Nodes = append(g.Nodes, n)
		}
	}
	for _, e := range more.Edges {
		if !edges[e.ID()] {
			edges[e.ID()] = true
			g.Edges = append(g.Edges, e)
		}
	}
	g.Truncated = g.Truncated || more.Truncated
}

// Filename is a download name for the selection in format f, made of
// characters safe in any file system: "uncite-Resolution_S_RES_822_1993.graphml"
// for a neighbourhood (named by the first when there are several),
// "uncite-documents.gexf" for a filter.
func (s Selection) Filename(f Format) string {
	name := "documents"
	if len(s.IDs) > 0 {
		name = safeName(s.IDs[0])
	}
	return "uncite-" + name + f.Extension()
}

// safeName keeps ASCII letters, digits, '.' and '-', and turns every run
// of anything else into one '_'.
func safeName(s string) string {
	var b strings.Builder
	under := false
	for _, r := range s {
		if r < 128 && (r == '.' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b.WriteRune(r)
			under = false
		} else if !under {
			b.WriteByte('_')
			under = true
		}
	}
	if s := strings.Trim(b.String(), "_"); s != "" {
		return s
	}
	return "graph"
}
