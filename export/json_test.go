package export

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

func TestCytoscape(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, Cytoscape, sample()); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Elements struct {
			Nodes []struct{ Data map[string]any }
			Edges []struct{ Data map[string]any }
		}
		Truncated bool
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, buf.String())
	}
	if !doc.Truncated || len(doc.Elements.Nodes) != 5 || len(doc.Elements.Edges) != 3 {
		t.Fatalf("got %d nodes, %d edges, truncated %v", len(doc.Elements.Nodes), len(doc.Elements.Edges), doc.Truncated)
	}
	// Properties sit beside the fixed fields, the document's own id renamed.
	d1 := doc.Elements.Nodes[1].Data
	want := map[string]any{"id": "Document:d1", "label": quoted, "kind": "Document", "property_id": "d1", "title": quoted + "\nsecond line"}
	if !reflect.DeepEqual(d1, want) {
		t.Errorf("document node data = %v\nwant %v", d1, want)
	}
	if r := doc.Elements.Nodes[0].Data; r["year"] != 1993.0 || r["known"] != true {
		t.Errorf("resolution properties keep their JSON types: %v", r)
	}
	cites := doc.Elements.Edges[0].Data
	want = map[string]any{"id": "Document:d1 -CITES-> Resolution:S/RES/822 (1993)", "source": "Document:d1",
		"target": "Resolution:S/RES/822 (1993)", "type": "CITES", "count": 2.0}
	if !reflect.DeepEqual(cites, want) {
		t.Errorf("edge data = %v\nwant %v", cites, want)
	}
	if id := doc.Elements.Edges[1].Data["id"]; id != "Document:d1 -IN_SESSION-> Session:HRC-43" {
		t.Errorf("edge without properties: id %v", id)
	}
}

func TestGraphology(t *testing.T) {
	g := sample()
	// A document both submitted by and mentioning a State: parallel edges.
	g.Edges = append(g.Edges, g.Edges[2])
	g.Edges[3].Type, g.Edges[3].Properties = "SUBMITTED_BY", map[string]any{}
	var buf bytes.Buffer
	if err := Write(&buf, Graphology, g); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Options    map[string]any
		Attributes map[string]any
		Nodes      []struct {
			Key        string
			Attributes map[string]any
		}
		Edges []struct {
			Key, Source, Target string
			Attributes          map[string]any
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, buf.String())
	}
	if !reflect.DeepEqual(doc.Options, map[string]any{"type": "directed", "multi": true, "allowSelfLoops": true}) {
		t.Errorf("options = %v", doc.Options)
	}
	if doc.Attributes["truncated"] != true {
		t.Errorf("graph attributes = %v", doc.Attributes)
	}
	n := doc.Nodes[1]
	if n.Key != "Document:d1" || n.Attributes["id"] != "d1" || n.Attributes["kind"] != "Document" || n.Attributes["label"] != quoted {
		t.Errorf("node = %+v", n)
	}
	keys := map[string]bool{}
	for _, e := range doc.Edges {
		keys[e.Key] = true
	}
	if len(keys) != 4 || !keys["Document:d1 -MENTIONS-> State:CIV"] || !keys["Document:d1 -SUBMITTED_BY-> State:CIV"] {
		t.Errorf("edge keys must be distinct, parallel edges included: %v", keys)
	}
	if e := doc.Edges[0]; e.Source != "Document:d1" || e.Attributes["type"] != "CITES" || e.Attributes["count"] != 2.0 {
		t.Errorf("edge = %+v", e)
	}
}
