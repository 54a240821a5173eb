package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/uncite/uncite"
)

// awkward holds the labels most likely to break an encoder.
const (
	quoted = `He said "stop" & <left>`
	ivory  = "Côte d'Ivoire"
	arabic = "الجمهورية العربية السورية"
)

func sample() *uncite.Subgraph {
	return &uncite.Subgraph{
		Nodes: []uncite.Node{
			{ID: "Resolution:S/RES/822 (1993)", Kind: uncite.KindResolution, Label: "S/RES/822 (1993)",
				Properties: map[string]any{"symbol": "S/RES/822 (1993)", "year": 1993, "known": true, "number": "822"}},
			{ID: "Document:d1", Kind: uncite.KindDocument, Label: quoted,
				Properties: map[string]any{"id": "d1", "title": quoted + "\nsecond line"}},
			{ID: "State:CIV", Kind: uncite.KindState, Label: ivory, Properties: map[string]any{"code": "CIV", "name": ivory}},
			{ID: "State:SYR", Kind: uncite.KindState, Label: arabic, Properties: map[string]any{"code": "SYR", "name": arabic}},
			{ID: "Session:HRC-43", Kind: uncite.KindSession, Label: "HRC-43", Properties: map[string]any{"number": int64(43)}},
		},
		Edges: []uncite.Edge{
			{Source: "Document:d1", Target: "Resolution:S/RES/822 (1993)", Type: uncite.RelCites, Properties: map[string]any{"count": 2}},
			{Source: "Document:d1", Target: "Session:HRC-43", Type: uncite.RelInSession},
			{Source: "Document:d1", Target: "State:CIV", Type: uncite.RelMentions, Properties: map[string]any{"count": int64(1)}},
		},
		Truncated: true,
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"graphml": GraphML, " GEXF ": GEXF, "Csv": CSV} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	_, err := ParseFormat("dot")
	if uncite.ErrorCode(err) != uncite.EINVALID || !strings.Contains(err.Error(), "graphml, gexf, csv") {
		t.Errorf("ParseFormat(dot) = %v; want an invalid-input error listing the formats", err)
	}
	if err := Write(io.Discard, "dot", sample()); uncite.ErrorCode(err) != uncite.EINVALID {
		t.Errorf("Write(dot) = %v", err)
	}
}

func TestAttrTypes(t *testing.T) {
	got := nodeProps(sample())
	want := []attr{{"code", "code", "string", "n0"}, {"id", "property_id", "string", "n1"}, {"known", "known", "boolean", "n2"}, {"name", "name", "string", "n3"},
		// an int on sessions and a string on resolutions, hence a string
		{"number", "number", "string", "n4"}, {"symbol", "symbol", "string", "n5"}, {"title", "title", "string", "n6"}, {"year", "year", "int", "n7"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("node attributes = %v\nwant %v", got, want)
	}
	if got := edgeProps(sample()); !reflect.DeepEqual(got, []attr{{"count", "count", "int", "e0"}}) {
		t.Errorf("edge attributes = %v", got)
	}
}

// Decoding structs, written independently of the encoder's.
type xmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type graphMLDoc struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string    `xml:"edgedefault,attr"`
		Data        []xmlData `xml:"data"`
		Nodes       []struct {
			ID   string    `xml:"id,attr"`
			Data []xmlData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string    `xml:"id,attr"`
			Source string    `xml:"source,attr"`
			Target string    `xml:"target,attr"`
			Data   []xmlData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

func TestGraphML(t *testing.T) {
	g := sample()
	var buf bytes.Buffer
	if err := Write(&buf, GraphML, g); err != nil {
		t.Fatal(err)
	}
	var doc graphMLDoc
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not well-formed GraphML: %v\n%s", err, buf.String())
	}
	// name → "for/type" and key id → name, to read data by attribute name.
	keys, names := map[string]string{}, map[string]string{}
	for _, k := range doc.Keys {
		keys[k.Name+"@"+k.For] = k.Type
		names[k.ID] = k.Name
	}
	for key, typ := range map[string]string{"kind@node": "string", "label@node": "string", "year@node": "int",
		"known@node": "boolean", "number@node": "string", "property_id@node": "string", "type@edge": "string", "count@edge": "int", "truncated@graph": "boolean"} {
		if keys[key] != typ {
			t.Errorf("key %s has type %q, want %q", key, keys[key], typ)
		}
	}
	if len(doc.Keys) != len(keys) {
		t.Errorf("duplicate keys: %+v", doc.Keys)
	}
	if doc.Graph.EdgeDefault != "directed" || len(doc.Graph.Data) != 1 || doc.Graph.Data[0].Value != "true" {
		t.Errorf("graph: edgedefault %q, data %+v", doc.Graph.EdgeDefault, doc.Graph.Data)
	}
	if len(doc.Graph.Nodes) != len(g.Nodes) || len(doc.Graph.Edges) != len(g.Edges) {
		t.Fatalf("%d nodes, %d edges; want %d, %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), len(g.Nodes), len(g.Edges))
	}
	byName := func(data []xmlData) map[string]string {
		m := map[string]string{}
		for _, d := range data {
			m[names[d.Key]] = d.Value
		}
		return m
	}
	for i, n := range g.Nodes {
		got := doc.Graph.Nodes[i]
		data := byName(got.Data)
		if got.ID != n.ID || data["kind"] != n.Kind || data["label"] != n.Label {
			t.Errorf("node %d = %s %v; want %s %s %q", i, got.ID, data, n.ID, n.Kind, n.Label)
		}
		if len(data) != 2+len(n.Properties) {
			t.Errorf("node %s data %v: absent properties must be left out", n.ID, data)
		}
	}
	if d := byName(doc.Graph.Nodes[1].Data); d["title"] != quoted+"\nsecond line" || d["property_id"] != "d1" {
		t.Errorf("document data = %q", d)
	}
	if d := byName(doc.Graph.Nodes[0].Data); d["year"] != "1993" || d["known"] != "true" {
		t.Errorf("resolution data = %v", d)
	}
	e := doc.Graph.Edges[0]
	if d := byName(e.Data); e.ID != "e0" || e.Source != "Document:d1" || e.Target != "Resolution:S/RES/822 (1993)" ||
		d["type"] != "CITES" || d["count"] != "2" {
		t.Errorf("edge 0 = %+v %v", e, d)
	}
	if d := byName(doc.Graph.Edges[1].Data); len(d) != 1 {
		t.Errorf("IN_SESSION has no count: %v", d)
	}
}

type gexfDoc struct {
	XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
	Version string   `xml:"version,attr"`
	Meta    struct {
		Description string `xml:"description"`
	} `xml:"meta"`
	Graph struct {
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		Attributes      []struct {
			Class      string `xml:"class,attr"`
			Attributes []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID        string     `xml:"id,attr"`
			Label     string     `xml:"label,attr"`
			AttValues []attValue `xml:"attvalues>attvalue"`
		} `xml:"nodes>node"`
		Edges []struct {
			ID        string     `xml:"id,attr"`
			Source    string     `xml:"source,attr"`
			Target    string     `xml:"target,attr"`
			Label     string     `xml:"label,attr"`
			Kind      string     `xml:"kind,attr"`
			AttValues []attValue `xml:"attvalues>attvalue"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

type attValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

func TestGEXF(t *testing.T) {
	g := sample()
	var buf bytes.Buffer
	if err := Write(&buf, GEXF, g); err != nil {
		t.Fatal(err)
	}
	var doc gexfDoc
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not well-formed GEXF: %v\n%s", err, buf.String())
	}
	if doc.Version != "1.3" || doc.Graph.DefaultEdgeType != "directed" || !strings.HasPrefix(doc.Meta.Description, "truncated") {
		t.Errorf("version %q, defaultedgetype %q, description %q", doc.Version, doc.Graph.DefaultEdgeType, doc.Meta.Description)
	}
	// class/id → title, class/title → type
	titles, types := map[string]string{}, map[string]string{}
	for _, as := range doc.Graph.Attributes {
		for _, a := range as.Attributes {
			titles[as.Class+"/"+a.ID] = a.Title
			types[as.Class+"/"+a.Title] = a.Type
		}
	}
	for key, typ := range map[string]string{"node/kind": "string", "node/year": "integer", "node/known": "boolean",
		"node/name": "string", "node/property_id": "string", "edge/count": "integer"} {
		if types[key] != typ {
			t.Errorf("attribute %s has type %q, want %q", key, types[key], typ)
		}
	}
	if len(doc.Graph.Nodes) != len(g.Nodes) || len(doc.Graph.Edges) != len(g.Edges) {
		t.Fatalf("%d nodes, %d edges; want %d, %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), len(g.Nodes), len(g.Edges))
	}
	values := func(class string, vs []attValue) map[string]string {
		m := map[string]string{}
		for _, v := range vs {
			m[titles[class+"/"+v.For]] = v.Value
		}
		return m
	}
	for i, n := range g.Nodes {
		got := doc.Graph.Nodes[i]
		vals := values("node", got.AttValues)
		if got.ID != n.ID || got.Label != n.Label || vals["kind"] != n.Kind || len(vals) != 1+len(n.Properties) {
			t.Errorf("node %d = %s %q %v; want %s %q %s", i, got.ID, got.Label, vals, n.ID, n.Label, n.Kind)
		}
	}
	if v := values("node", doc.Graph.Nodes[3].AttValues); v["name"] != arabic {
		t.Errorf("Arabic name = %q", v["name"])
	}
	e := doc.Graph.Edges[2]
	if v := values("edge", e.AttValues); e.ID != "e2" || e.Source != "Document:d1" || e.Target != "State:CIV" ||
		e.Label != "MENTIONS" || e.Kind != "MENTIONS" || len(v) != 1 || v["count"] != "1" {
		t.Errorf("edge 2 = %+v %v", e, v)
	}
}

func TestCSVZip(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, CSV, sample()); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var files [][]byte
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		files = append(files, b)
	}
	if len(z.File) != 2 || z.File[0].Name != NodesFile || z.File[1].Name != EdgesFile {
		t.Fatalf("zip holds %d files, want nodes.csv and edges.csv", len(z.File))
	}
	checkCSV(t, files[0], files[1])
}

func checkCSV(t *testing.T, nodes, edges []byte) {
	t.Helper()
	nr, err := csv.NewReader(bytes.NewReader(nodes)).ReadAll()
	if err != nil {
		t.Fatalf("nodes.csv: %v\n%s", err, nodes)
	}
	want := [][]string{
		{"id", "kind", "label", "code", "property_id", "known", "name", "number", "symbol", "title", "year"},
		{"Resolution:S/RES/822 (1993)", "Resolution", "S/RES/822 (1993)", "", "", "true", "", "822", "S/RES/822 (1993)", "", "1993"},
		{"Document:d1", "Document", quoted, "", "d1", "", "", "", "", quoted + "\nsecond line", ""},
		{"State:CIV", "State", ivory, "CIV", "", "", ivory, "", "", "", ""},
		{"State:SYR", "State", arabic, "SYR", "", "", arabic, "", "", "", ""},
		{"Session:HRC-43", "Session", "HRC-43", "", "", "", "", "43", "", "", ""},
	}
	if !reflect.DeepEqual(nr, want) {
		t.Errorf("nodes.csv =\n%q\nwant\n%q", nr, want)
	}
	er, err := csv.NewReader(bytes.NewReader(edges)).ReadAll()
	if err != nil {
		t.Fatalf("edges.csv: %v\n%s", err, edges)
	}
	want = [][]string{
		{"id", "source", "target", "type", "count"},
		{"e0", "Document:d1", "Resolution:S/RES/822 (1993)", "CITES", "2"},
		{"e1", "Document:d1", "Session:HRC-43", "IN_SESSION", ""},
		{"e2", "Document:d1", "State:CIV", "MENTIONS", "1"},
	}
	if !reflect.DeepEqual(er, want) {
		t.Errorf("edges.csv =\n%q\nwant\n%q", er, want)
	}
}

func TestEmpty(t *testing.T) {
	for _, f := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, f, &uncite.Subgraph{}); err != nil || buf.Len() == 0 {
			t.Errorf("%s of an empty graph: %v, %d bytes", f, err, buf.Len())
		}
	}
}
