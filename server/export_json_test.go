package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/sample"
	"github.com/uncite/uncite/server"
)

// Two ids export the union of their neighbourhoods, as the explorer draws
// it after an expansion: each node and edge once, edges with their ids.
func TestExportCytoscapeUnion(t *testing.T) {
	ctx := context.Background()
	store := memstore.New()
	if _, err := (&loader.Loader{Store: store}).LoadFS(ctx, sample.Docs()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.Handler(store, server.Config{}))
	defer srv.Close()

	resp, body := do(t, mustReq(http.MethodGet, exportURL(srv, "format", "cytoscape", "id", res822, "id", "Session:HRC-43")))
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d, %s: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	var doc struct {
		Elements struct {
			Nodes, Edges []struct{ Data map[string]any }
		}
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}

	wantNodes, wantEdges := map[string]bool{}, map[string]bool{}
	largest := 0
	for _, id := range []string{res822, "Session:HRC-43"} {
		g, err := store.Neighborhood(ctx, id, 1, 200)
		if err != nil {
			t.Fatal(err)
		}
		largest = max(largest, len(g.Nodes))
		for _, n := range g.Nodes {
			wantNodes[n.ID] = true
		}
		for _, e := range g.Edges {
			wantEdges[e.ID()] = true
		}
	}
	var gotNodes, gotEdges []string
	for _, n := range doc.Elements.Nodes {
		gotNodes = append(gotNodes, n.Data["id"].(string))
	}
	for _, e := range doc.Elements.Edges {
		gotEdges = append(gotEdges, e.Data["id"].(string))
		if !wantNodes[e.Data["source"].(string)] || !wantNodes[e.Data["target"].(string)] {
			t.Errorf("edge %v has an end outside the nodes", e.Data)
		}
	}
	check := func(what string, got []string, want map[string]bool) {
		t.Helper()
		slices.Sort(got)
		if len(got) != len(slices.Compact(slices.Clone(got))) {
			t.Errorf("%s repeated: %v", what, got)
		}
		if len(slices.Compact(got)) != len(want) {
			t.Errorf("%d %s, want %d", len(slices.Compact(got)), what, len(want))
		}
		for _, id := range got {
			if !want[id] {
				t.Errorf("%s %q is in neither neighbourhood", what, id)
			}
		}
	}
	check("nodes", gotNodes, wantNodes)
	check("edges", gotEdges, wantEdges)
	if len(wantNodes) <= largest {
		t.Errorf("the neighbourhoods overlap entirely (%d nodes): the test shows no union", len(wantNodes))
	}
}

// GraphQL edges carry the ids the exports use, unique in a view.
func TestGraphQLEdgeIDs(t *testing.T) {
	srv := newServer(t, server.Config{})
	_, body := post(t, srv.URL, `{"query":"{ neighborhood(id: \"Session:HRC-43\") { edges { id source target type } } citationPath(from: \"Session:HRC-43\", to: \"Resolution:S/RES/853 (1993)\") { edges { id source target type } } }"}`)
	var resp struct {
		Data struct {
			Neighborhood struct{ Edges []map[string]string }
			CitationPath []struct{ Edges []map[string]string }
		}
	}
	if err := json.Unmarshal([]byte(body), &resp); err != nil {
		t.Fatal(err)
	}
	edges := resp.Data.Neighborhood.Edges
	for _, p := range resp.Data.CitationPath {
		edges = append(edges, p.Edges...)
	}
	if len(resp.Data.Neighborhood.Edges) < 2 || len(resp.Data.CitationPath) == 0 {
		t.Fatalf("too little to check: %s", body)
	}
	seen := map[string]bool{}
	for _, e := range resp.Data.Neighborhood.Edges {
		if seen[e["id"]] {
			t.Errorf("edge id %q repeated", e["id"])
		}
		seen[e["id"]] = true
	}
	for _, e := range edges {
		if want := e["source"] + " -" + e["type"] + "-> " + e["target"]; e["id"] != want {
			t.Errorf("edge id %q, want %q", e["id"], want)
		}
	}
}
