package export

import (
	"encoding/xml"
	"io"

	"github.com/uncite/uncite"
)

// GEXF 1.3 documents, as Gephi reads them. The relationship type goes in
// both the edge's label and its kind, not in an attribute, which would
// clash with Gephi's own Type column (directed or not). Kind matters:
// Gephi merges parallel edges of the same kind, and a document can both
// cite a resolution (CITES) and refer to the document that is it
// (REFERS_TO).
type gexf struct {
	XMLName xml.Name  `xml:"http://gexf.net/1.3 gexf"`
	Version string    `xml:"version,attr"`
	Meta    gexfMeta  `xml:"meta"`
	Graph   gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description,omitempty"`
}

type gexfGraph struct {
	DefaultEdgeType string           `xml:"defaultedgetype,attr"`
	Mode            string           `xml:"mode,attr"`
	Attributes      []gexfAttributes `xml:"attributes"`
	Nodes           []gexfNode       `xml:"nodes>node"`
	Edges           []gexfEdge       `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class      string          `xml:"class,attr"`
	Attributes []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID        string         `xml:"id,attr"`
	Label     string         `xml:"label,attr"`
	AttValues []gexfAttValue `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	ID        string         `xml:"id,attr"`
	Source    string         `xml:"source,attr"`
	Target    string         `xml:"target,attr"`
	Label     string         `xml:"label,attr"`
	Kind      string         `xml:"kind,attr"`
	AttValues []gexfAttValue `xml:"attvalues>attvalue"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

// gexfTypes maps attribute types to GEXF's names for them.
var gexfTypes = map[string]string{typeString: "string", typeInt: "integer", typeBoolean: "boolean"}

func writeGEXF(w io.Writer, g *uncite.Subgraph) error {
	np, ep := nodeProps(g), edgeProps(g)
	// Node attribute ids are "kind" then those of the properties.
	nodeAttrs := gexfAttributes{Class: "node", Attributes: append([]gexfAttribute{{"kind", "kind", "string"}}, gexfAttrs(np)...)}
	edgeAttrs := gexfAttributes{Class: "edge", Attributes: gexfAttrs(ep)}

	doc := gexf{
		Version: "1.3",
		Meta:    gexfMeta{Creator: "uncite"},
		Graph: gexfGraph{
			DefaultEdgeType: "directed", Mode: "static",
			Attributes: []gexfAttributes{nodeAttrs, edgeAttrs},
			Nodes:      make([]gexfNode, len(g.Nodes)),
			Edges:      make([]gexfEdge, len(g.Edges)),
		},
	}
	if g.Truncated {
		doc.Meta.Description = "truncated: the node limit cut the expansion short"
	}
	for i, n := range g.Nodes {
		doc.Graph.Nodes[i] = gexfNode{ID: n.ID, Label: n.Label, AttValues: attValues([]gexfAttValue{{"kind", n.Kind}}, np, n.Properties)}
	}
	for i, e := range g.Edges {
		doc.Graph.Edges[i] = gexfEdge{ID: edgeID(i), Source: e.Source, Target: e.Target, Label: e.Type, Kind: e.Type,
			AttValues: attValues(nil, ep, e.Properties)}
	}
	return encodeXML(w, doc)
}

func gexfAttrs(props []attr) []gexfAttribute {
	var out []gexfAttribute
	for _, a := range props {
		out = append(out, gexfAttribute{a.ID, a.Name, gexfTypes[a.Type]})
	}
	return out
}

func attValues(vals []gexfAttValue, props []attr, values map[string]any) []gexfAttValue {
	for a, s := range setValues(props, values) {
		vals = append(vals, gexfAttValue{a.ID, s})
	}
	return vals
}
