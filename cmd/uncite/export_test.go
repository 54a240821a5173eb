package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// exportIDs runs `uncite export` on the embedded store and returns the
// node ids of the GEXF it prints.
func exportIDs(t *testing.T, args ...string) []string {
	t.Helper()
	t.Setenv("NEO4J_URI", "") // the embedded store, whatever the environment
	var out, errOut bytes.Buffer
	if err := run(context.Background(), append([]string{"export", "--format", "gexf"}, args...), &out, &errOut); err != nil {
		t.Fatalf("%v: %s", err, errOut.String())
	}
	var g struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>nodes>node"`
	}
	if err := xml.Unmarshal(out.Bytes(), &g); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out.String())
	}
	var ids []string
	for _, n := range g.Nodes {
		ids = append(ids, n.ID)
	}
	return ids
}

func TestExportNeighborhood(t *testing.T) {
	ids := exportIDs(t, "--id", "Resolution:S/RES/822 (1993)")
	if len(ids) == 0 || ids[0] != "Resolution:S/RES/822 (1993)" || !slices.Contains(ids, "Document:000_1a7a508cbf762381") {
		t.Errorf("nodes %q: want S/RES/822 first, then the seed document that cites it", ids)
	}
}

func TestExportFilterFromDocs(t *testing.T) {
	// Only the seed is loaded, so the resolutions are there only as cited.
	ids := exportIDs(t, "--docs", seed, "--author", "aze", "--limit", "5")
	for _, want := range []string{"Document:000_1a7a508cbf762381", "Resolution:S/RES/822 (1993)", "State:AZE"} {
		if !slices.Contains(ids, want) {
			t.Errorf("nodes %q lack %s", ids, want)
		}
	}
	if ids := exportIDs(t, "--docs", seed, "--author", "FRA"); len(ids) != 0 {
		t.Errorf("no document is by FRA, got %q", ids)
	}
}

func TestExportCSVToFile(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	path := filepath.Join(t.TempDir(), "out.zip")
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"export", "--format", "csv", "--id", "State:AZE", "-o", path}, &out, &errOut)
	if err != nil || out.Len() != 0 {
		t.Fatalf("%v, stdout %d bytes: %s", err, out.Len(), errOut.String())
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	if len(z.File) != 2 || z.File[0].Name != "nodes.csv" || z.File[1].Name != "edges.csv" {
		t.Fatalf("zip holds %v", z.File)
	}
	r, err := z.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil || len(rows) < 2 || rows[1][0] != "State:AZE" {
		t.Errorf("nodes.csv: %v %q", err, rows)
	}
}

func TestExportUsageErrors(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--id", "State:AZE"}, "--format"},
		{[]string{"--format", "dot"}, "graphml, gexf, csv"},
		{[]string{"--format", "gexf", "--depth", "2"}, "--depth needs --id"},
		{[]string{"--format", "gexf", "--docs", seed, "--id", "State:AZE", "--depth", "4"}, "depth must be between 1 and 3"},
		{[]string{"--format", "gexf", "--docs", seed, "--id", "State:AZE", "--body", "HRC"}, "not both"},
		{[]string{"--format", "gexf", "--docs", seed, "--id", "State:ZZZ", "-o", filepath.Join(dir, "x.gexf")}, ""},
		{[]string{"--format", "gexf", "stray"}, "no arguments"},
	} {
		err := run(context.Background(), append([]string{"export"}, c.args...), &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: err %v, want one mentioning %q", c.args, err, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.gexf")); !os.IsNotExist(err) {
		t.Errorf("a failed export left a file behind: %v", err)
	}
	if err := run(context.Background(), []string{"export", "--nope"}, &bytes.Buffer{}, &bytes.Buffer{}); err != errUsage {
		t.Errorf("unknown flag: %v, want usage error", err)
	}
}
