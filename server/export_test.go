package server_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/server"
)

const (
	res822 = "Resolution:S/RES/822 (1993)"
	seedID = "Document:000_1a7a508cbf762381"
)

func exportURL(srv *httptest.Server, params ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(params); i += 2 {
		q.Add(params[i], params[i+1])
	}
	return srv.URL + server.ExportPath + "?" + q.Encode()
}

// graphML is the part of a GraphML file the tests look at.
type graphML struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
	} `xml:"key"`
	Nodes []struct {
		ID string `xml:"id,attr"`
	} `xml:"graph>node"`
	Edges []struct {
		Source string `xml:"source,attr"`
		Target string `xml:"target,attr"`
		Data   []struct {
			Key   string `xml:"key,attr"`
			Value string `xml:",chardata"`
		} `xml:"data"`
	} `xml:"graph>edge"`
}

func TestExportNeighborhoodGraphML(t *testing.T) {
	srv := newServer(t, server.Config{})
	resp, body := do(t, mustReq(http.MethodGet, exportURL(srv, "format", "graphml", "id", res822)))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/graphml+xml" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename=uncite-Resolution_S_RES_822_1993.graphml` {
		t.Errorf("Content-Disposition %q", cd)
	}
	var g graphML
	if err := xml.Unmarshal([]byte(body), &g); err != nil {
		t.Fatalf("not XML: %v\n%s", err, body)
	}
	var ids []string
	for _, n := range g.Nodes {
		ids = append(ids, n.ID)
	}
	if len(ids) == 0 || ids[0] != res822 || !slices.Contains(ids, seedID) {
		t.Errorf("nodes %q: want %s first and %s among them", ids, res822, seedID)
	}
	typeKey := ""
	for _, k := range g.Keys {
		if k.For == "edge" && k.Name == "type" { // documents have a "type" too
			typeKey = k.ID
		}
	}
	cites := false
	for _, e := range g.Edges {
		for _, d := range e.Data {
			cites = cites || e.Source == seedID && e.Target == res822 && d.Key == typeKey && d.Value == uncite.RelCites
		}
	}
	if !cites {
		t.Errorf("no CITES edge from %s to %s in %+v", seedID, res822, g.Edges)
	}
}

func TestExportNeighborhoodGEXF(t *testing.T) {
	srv := newServer(t, server.Config{})
	resp, body := do(t, mustReq(http.MethodGet, exportURL(srv, "format", "gexf", "id", res822, "depth", "2", "limit", "3")))
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/gexf+xml" {
		t.Fatalf("status %d, Content-Type %q: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	var g struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>nodes>node"`
	}
	if err := xml.Unmarshal([]byte(body), &g); err != nil {
		t.Fatalf("not XML: %v\n%s", err, body)
	}
	if len(g.Nodes) != 3 || resp.Header.Get("X-Uncite-Truncated") != "true" {
		t.Errorf("%d nodes, X-Uncite-Truncated %q: want the limit of 3, truncated", len(g.Nodes), resp.Header.Get("X-Uncite-Truncated"))
	}
}

func TestExportFilterCSV(t *testing.T) {
	srv := newServer(t, server.Config{})
	// The cited symbol is written loosely, as the GraphQL filter accepts it.
	resp, body := do(t, mustReq(http.MethodGet, exportURL(srv, "format", "csv", "cites", "s/res/822(1993)", "body", "hrc")))
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("status %d, Content-Type %q: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	if cd := resp.Header.Get("Content-Disposition"); cd != "attachment; filename=uncite-documents.zip" {
		t.Errorf("Content-Disposition %q", cd)
	}
	z, err := zip.NewReader(strings.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string][][]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		tables[f.Name], err = csv.NewReader(r).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
	}
	nodes, edges := tables["nodes.csv"], tables["edges.csv"]
	if len(nodes) < 3 || !slices.Equal(nodes[0][:3], []string{"id", "kind", "label"}) {
		t.Fatalf("nodes.csv = %q", nodes)
	}
	if len(edges) < 2 || !slices.Equal(edges[0][:4], []string{"id", "source", "target", "type"}) {
		t.Fatalf("edges.csv = %q", edges)
	}
	var ids []string
	for _, row := range nodes[1:] {
		ids = append(ids, row[0])
	}
	if !slices.Contains(ids, seedID) || !slices.Contains(ids, res822) {
		t.Errorf("nodes %q lack the seed document or S/RES/822", ids)
	}
	found := false
	for _, row := range edges[1:] {
		found = found || row[1] == seedID && row[2] == res822 && row[3] == uncite.RelCites
	}
	if !found {
		t.Errorf("edges.csv lacks the seed's CITES edge: %q", edges)
	}
}

func TestExportBadRequests(t *testing.T) {
	srv := newServer(t, server.Config{})
	for _, c := range []struct {
		params []string
		status int
		msg    string
	}{
		{[]string{"id", res822}, 400, "missing format"},
		{[]string{"format", "dot", "id", res822}, 400, "graphml, gexf, csv"},
		{[]string{"format", "gexf", "id", res822, "depth", "4"}, 400, "depth must be between 1 and 3"},
		{[]string{"format", "gexf", "id", res822, "limit", "1001"}, 400, "limit must be between 1 and 1000"},
		{[]string{"format", "gexf", "limit", "0"}, 400, "limit must be between 1 and 1000"},
		{[]string{"format", "gexf", "id", res822, "depth", "two"}, 400, "depth must be a whole number"},
		{[]string{"format", "gexf", "depth", "2"}, 400, "depth needs id"},
		{[]string{"format", "gexf", "id", res822, "author", "AZE"}, 400, "not both"},
		{[]string{"format", "gexf", "agenda_item", "4"}, 400, `unknown parameter "agenda_item"`},
		{[]string{"format", "gexf", "cites", "nonsense"}, 400, "not a resolution symbol"},
		{[]string{"format", "gexf", "id", "S/RES/822 (1993)"}, 400, "not a node id"},
		{[]string{"format", "gexf", "id", "Resolution:S/RES/9999 (1993)"}, 404, ""},
	} {
		resp, body := do(t, mustReq(http.MethodGet, exportURL(srv, c.params...)))
		if resp.StatusCode != c.status || !strings.Contains(body, c.msg) || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
			t.Errorf("%q: %d %q (%s); want %d with %q", c.params, resp.StatusCode, body, resp.Header.Get("Content-Type"), c.status, c.msg)
		}
	}
}

// brokenStore fails as a store does when its database is unreachable.
type brokenStore struct{ uncite.Store }

func (brokenStore) Neighborhood(context.Context, string, int, int) (*uncite.Subgraph, error) {
	return nil, errors.New("bolt: connection reset by peer")
}

func TestExportInternalError(t *testing.T) {
	var logs bytes.Buffer
	srv := httptest.NewServer(server.Handler(brokenStore{}, server.Config{Logger: slog.New(slog.NewTextHandler(&logs, nil))}))
	defer srv.Close()
	resp, body := do(t, mustReq(http.MethodGet, exportURL(srv, "format", "graphml", "id", res822)))
	if resp.StatusCode != http.StatusInternalServerError || strings.TrimSpace(body) != "internal error" {
		t.Errorf("%d %q; want 500 without the cause", resp.StatusCode, body)
	}
	if !strings.Contains(logs.String(), "connection reset") {
		t.Errorf("the cause is not logged: %s", logs.String())
	}
}
