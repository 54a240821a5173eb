package export

import (
	"encoding/json"
	"io"
	"maps"

	"github.com/uncite/uncite"
)

// Cytoscape.js takes this document as it is: cytoscape({elements: doc.elements}).
// Each element's data holds the fixed fields (id, label, kind for nodes;
// id, source, target, type for edges) and, flattened beside them, the
// properties, so that selectors such as edge[count > 2] match. A property
// that would take a fixed field's name is renamed as in the other
// formats ("property_id").
type cytoscapeDoc struct {
	Elements  cytoscapeElements `json:"elements"`
	Truncated bool              `json:"truncated"`
}

type cytoscapeElements struct {
	Nodes []cytoscapeElement `json:"nodes"`
	Edges []cytoscapeElement `json:"edges"`
}

type cytoscapeElement struct {
	Data map[string]any `json:"data"`
}

func writeCytoscape(w io.Writer, g *uncite.Subgraph) error {
	doc := cytoscapeDoc{
		Elements:  cytoscapeElements{Nodes: make([]cytoscapeElement, len(g.Nodes)), Edges: make([]cytoscapeElement, len(g.Edges))},
		Truncated: g.Truncated,
	}
	for i, n := range g.Nodes {
		doc.Elements.Nodes[i].Data = flatten(n.Properties, nodeColumns, map[string]any{"id": n.ID, "label": n.Label, "kind": n.Kind})
	}
	for i, e := range g.Edges {
		doc.Elements.Edges[i].Data = flatten(e.Properties, edgeColumns, map[string]any{"id": e.ID(), "source": e.Source, "target": e.Target, "type": e.Type})
	}
	return json.NewEncoder(w).Encode(doc)
}

// flatten adds props to fixed, renaming those that clash with columns.
func flatten(props map[string]any, columns []string, fixed map[string]any) map[string]any {
	for _, a := range attrs([]map[string]any{props}, columns) {
		fixed[a.Name] = props[a.Key]
	}
	return fixed
}

// graphology's serialisation format, which Graph.from and graph.import
// read: nodes by key, edges by key with their ends, attributes beside.
// The graph is a directed multigraph, since a document both submitted by
// and mentioning a State has two edges to it.
type graphologyDoc struct {
	Options    graphologyOptions `json:"options"`
	Attributes map[string]any    `json:"attributes"`
	Nodes      []graphologyNode  `json:"nodes"`
	Edges      []graphologyEdge  `json:"edges"`
}

type graphologyOptions struct {
	Type           string `json:"type"`
	Multi          bool   `json:"multi"`
	AllowSelfLoops bool   `json:"allowSelfLoops"`
}

type graphologyNode struct {
	Key        string         `json:"key"`
	Attributes map[string]any `json:"attributes"`
}

type graphologyEdge struct {
	Key        string         `json:"key"`
	Source     string         `json:"source"`
	Target     string         `json:"target"`
	Attributes map[string]any `json:"attributes"`
}

func writeGraphology(w io.Writer, g *uncite.Subgraph) error {
	doc := graphologyDoc{
		Options:    graphologyOptions{Type: "directed", Multi: true, AllowSelfLoops: true},
		Attributes: map[string]any{"truncated": g.Truncated},
		Nodes:      make([]graphologyNode, len(g.Nodes)),
		Edges:      make([]graphologyEdge, len(g.Edges)),
	}
	for i, n := range g.Nodes {
		// The key is outside the attributes, so no property clashes with it.
		a := maps.Clone(n.Properties)
		if a == nil {
			a = map[string]any{}
		}
		a["label"], a["kind"] = n.Label, n.Kind
		doc.Nodes[i] = graphologyNode{Key: n.ID, Attributes: a}
	}
	for i, e := range g.Edges {
		a := maps.Clone(e.Properties)
		if a == nil {
			a = map[string]any{}
		}
		a["type"] = e.Type
		doc.Edges[i] = graphologyEdge{Key: e.ID(), Source: e.Source, Target: e.Target, Attributes: a}
	}
	return json.NewEncoder(w).Encode(doc)
}
