// Package export writes graph views (uncite.Subgraph) in formats that graph
// tools read: GraphML (yEd, Cytoscape, networkx), GEXF 1.3 (Gephi), CSV
// (spreadsheets, pandas), and JSON that the JavaScript drawing libraries
// take as it is: Cytoscape.js elements and graphology's serialised graph.
//
// Every format carries the same columns. A node has its id, kind and label,
// then its properties; an edge has an id ("e0", "e1", … in the Subgraph's
// order, which is stable), source, target and type (in GEXF its label and
// kind), then its properties. Property names are sorted so that exports
// diff cleanly; one that would take the name of a fixed column (documents
// have an "id" property, the key of their node id) is renamed, here
// "property_id", since pandas would rename a duplicate column and Gephi
// drop it. A property gets one type across all nodes (or edges): int or
// boolean when every value has that type, string otherwise — "number", for
// example, is an int on sessions but a string on agenda items, so it is
// exported as a string.
package export

import (
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/uncite/uncite"
)

// Format is an export file format.
type Format string

const (
	GraphML Format = "graphml"
	GEXF    Format = "gexf"
	// CSV as a single stream is a zip archive holding nodes.csv and
	// edges.csv.
	CSV Format = "csv"
	// Cytoscape is {"elements": {"nodes": [{"data": …}], "edges": …}}.
	Cytoscape Format = "cytoscape"
	// Graphology is graphology's serialisation of a directed multigraph.
	Graphology Format = "graphology"
)

// Formats lists the supported formats.
var Formats = []Format{GraphML, GEXF, CSV, Cytoscape, Graphology}

// FormatNames lists the supported formats for messages and help texts:
// "graphml, gexf, csv, cytoscape, graphology".
func FormatNames() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// ParseFormat reads a format name, ignoring case.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Formats, f) {
		return f, nil
	}
	if f == "" {
		return "", uncite.Errorf(uncite.EINVALID, "missing format: use one of %s", FormatNames())
	}
	return "", uncite.Errorf(uncite.EINVALID, "unknown export format %q: use one of %s", s, FormatNames())
}

// ContentType is the media type of the format.
func (f Format) ContentType() string {
	switch f {
	case GraphML:
		return "application/graphml+xml"
	case GEXF:
		return "application/gexf+xml"
	case CSV:
		return "application/zip"
	case Cytoscape, Graphology:
		return "application/json"
	}
	return "application/octet-stream"
}

// Extension is the file name extension of the format, with its dot.
func (f Format) Extension() string {
	switch f {
	case CSV:
		return ".zip" // the single-stream form: a zip of two CSV files
	case Cytoscape, Graphology:
		return "." + string(f) + ".json"
	}
	return "." + string(f)
}

// Write writes g to w in format f.
func Write(w io.Writer, f Format, g *uncite.Subgraph) error {
	switch f {
	case GraphML:
		return writeGraphML(w, g)
	case GEXF:
		return writeGEXF(w, g)
	case CSV:
		return writeCSVZip(w, g)
	case Cytoscape:
		return writeCytoscape(w, g)
	case Graphology:
		return writeGraphology(w, g)
	}
	_, err := ParseFormat(string(f))
	return err
}

// Attribute types, named as GraphML does; each format maps them to its own.
const (
	typeString  = "string"
	typeInt     = "int"
	typeBoolean = "boolean"
)

// attr is a property column: the property's key, the column's name, the
// type all its values share, and its id in the XML formats: "n0", "n1", …
// for nodes, "e0", … for edges. Not GraphML's usual "d0", "d1", …: Gephi
// reads keys "d3" and "d7" as the node and edge labels of old yEd files.
type attr struct {
	Key  string
	Name string
	Type string
	ID   string
}

// Fixed columns, before the properties.
var (
	nodeColumns = []string{"id", "kind", "label"}
	edgeColumns = []string{"id", "source", "target", "type"}
)

// attrs returns the sorted union of the property keys of props, each
// typed by the values it holds and named clear of the fixed columns.
func attrs(props []map[string]any, fixed []string) []attr {
	types := map[string]string{}
	for _, p := range props {
		for name, v := range p {
			t := valueType(v)
			if prev, ok := types[name]; ok && prev != t {
				t = typeString
			}
			types[name] = t
		}
	}
	out := make([]attr, 0, len(types))
	for key, t := range types {
		name := key
		if slices.ContainsFunc(fixed, func(c string) bool { return strings.EqualFold(c, key) }) {
			name = "property_" + key
		}
		out = append(out, attr{Key: key, Name: name, Type: t})
	}
	slices.SortFunc(out, func(a, b attr) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// numbered gives the columns their ids, prefix followed by their number.
func numbered(columns []attr, prefix string) []attr {
	for i := range columns {
		columns[i].ID = prefix + strconv.Itoa(i)
	}
	return columns
}

func valueType(v any) string {
	switch v.(type) {
	case bool:
		return typeBoolean
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return typeInt
	}
	return typeString
}

// format renders a property value; ok is false when it is absent, which
// the XML formats show by leaving the value out and CSV by an empty cell.
func format(v any, present bool) (s string, ok bool) {
	if !present || v == nil {
		return "", false
	}
	switch v := v.(type) {
	case string:
		return v, true
	case bool:
		return strconv.FormatBool(v), true
	}
	return fmt.Sprint(v), true
}

// setValues yields the properties of props that values sets, in order,
// each with its value formatted.
func setValues(props []attr, values map[string]any) iter.Seq2[attr, string] {
	return func(yield func(attr, string) bool) {
		for _, a := range props {
			v, present := values[a.Key]
			if s, ok := format(v, present); ok && !yield(a, s) {
				return
			}
		}
	}
}

func nodeProps(g *uncite.Subgraph) []attr {
	props := make([]map[string]any, len(g.Nodes))
	for i, n := range g.Nodes {
		props[i] = n.Properties
	}
	return numbered(attrs(props, nodeColumns), "n")
}

func edgeProps(g *uncite.Subgraph) []attr {
	props := make([]map[string]any, len(g.Edges))
	for i, e := range g.Edges {
		props[i] = e.Properties
	}
	return numbered(attrs(props, edgeColumns), "e")
}

func edgeID(i int) string { return "e" + strconv.Itoa(i) }
