package export

import (
	"encoding/xml"
	"io"
	"strconv"

	"github.com/uncite/uncite"
)

// GraphML documents, as encoding/xml marshals them. Node ids are the graph
// views' ids ("Resolution:S/RES/822 (1993)"): not XML name tokens, as the
// GraphML schema would have them, but what every reader accepts and what a
// user looks nodes up by.
type graphML struct {
	XMLName xml.Name     `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []graphMLKey `xml:"key"`
	Graph   graphMLGraph `xml:"graph"`
}

type graphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphMLGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Data        []graphMLData `xml:"data"`
	Nodes       []graphMLNode `xml:"node"`
	Edges       []graphMLEdge `xml:"edge"`
}

type graphMLNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphMLData `xml:"data"`
}

type graphMLEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphMLData `xml:"data"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// Ids of the fixed GraphML keys; property keys are numbered (see attr).
const (
	keyKind      = "kind"
	keyLabel     = "label"
	keyType      = "type"
	keyTruncated = "truncated"
)

func writeGraphML(w io.Writer, g *uncite.Subgraph) error {
	np, ep := nodeProps(g), edgeProps(g)
	doc := graphML{
		Keys: []graphMLKey{
			{keyTruncated, "graph", "truncated", typeBoolean},
			{keyKind, "node", "kind", typeString},
			{keyLabel, "node", "label", typeString},
			{keyType, "edge", "type", typeString},
		},
		Graph: graphMLGraph{
			ID: "G", EdgeDefault: "directed",
			Data:  []graphMLData{{keyTruncated, strconv.FormatBool(g.Truncated)}},
			Nodes: make([]graphMLNode, len(g.Nodes)),
			Edges: make([]graphMLEdge, len(g.Edges)),
		},
	}
	for _, a := range np {
		doc.Keys = append(doc.Keys, graphMLKey{a.ID, "node", a.Name, a.Type})
	}
	for _, a := range ep {
		doc.Keys = append(doc.Keys, graphMLKey{a.ID, "edge", a.Name, a.Type})
	}
	for i, n := range g.Nodes {
		doc.Graph.Nodes[i] = graphMLNode{ID: n.ID, Data: appendData([]graphMLData{{keyKind, n.Kind}, {keyLabel, n.Label}}, np, n.Properties)}
	}
	for i, e := range g.Edges {
		doc.Graph.Edges[i] = graphMLEdge{ID: edgeID(i), Source: e.Source, Target: e.Target,
			Data: appendData([]graphMLData{{keyType, e.Type}}, ep, e.Properties)}
	}
	return encodeXML(w, doc)
}

func appendData(data []graphMLData, props []attr, values map[string]any) []graphMLData {
	for a, s := range setValues(props, values) {
		data = append(data, graphMLData{a.ID, s})
	}
	return data
}

func encodeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
