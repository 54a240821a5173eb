package export

import (
	"archive/zip"
	"encoding/csv"
	"io"
	"slices"

	"github.com/uncite/uncite"
)

// File names inside the zip that Write produces for the CSV format.
const (
	NodesFile = "nodes.csv"
	EdgesFile = "edges.csv"
)

// writeNodesCSV writes the node table with a header row: id, kind, label
// then the sorted property names; absent properties are empty cells.
func writeNodesCSV(w io.Writer, g *uncite.Subgraph) error {
	props := nodeProps(g)
	rows := [][]string{header(nodeColumns, props)}
	for _, n := range g.Nodes {
		rows = append(rows, row([]string{n.ID, n.Kind, n.Label}, props, n.Properties))
	}
	return csv.NewWriter(w).WriteAll(rows)
}

// writeEdgesCSV writes the edge table likewise: id, source, target, type
// then the property names.
func writeEdgesCSV(w io.Writer, g *uncite.Subgraph) error {
	props := edgeProps(g)
	rows := [][]string{header(edgeColumns, props)}
	for i, e := range g.Edges {
		rows = append(rows, row([]string{edgeID(i), e.Source, e.Target, e.Type}, props, e.Properties))
	}
	return csv.NewWriter(w).WriteAll(rows)
}

func header(fixed []string, props []attr) []string {
	h := slices.Clone(fixed)
	for _, a := range props {
		h = append(h, a.Name)
	}
	return h
}

func row(fixed []string, props []attr, values map[string]any) []string {
	for _, a := range props {
		v, present := values[a.Key]
		s, _ := format(v, present)
		fixed = append(fixed, s)
	}
	return fixed
}

// writeCSVZip is the single-stream CSV form: a zip of nodes.csv and
// edges.csv, since two tables do not fit in one CSV file.
func writeCSVZip(w io.Writer, g *uncite.Subgraph) error {
	z := zip.NewWriter(w)
	for _, f := range []struct {
		name  string
		write func(io.Writer, *uncite.Subgraph) error
	}{{NodesFile, writeNodesCSV}, {EdgesFile, writeEdgesCSV}} {
		fw, err := z.Create(f.name)
		if err != nil {
			return err
		}
		if err := f.write(fw, g); err != nil {
			return err
		}
	}
	return z.Close()
}
