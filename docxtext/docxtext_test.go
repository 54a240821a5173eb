package docxtext

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/extract"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// buildDocx writes a Word package of the given parts (name → XML).
func buildDocx(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for name, body := range parts {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// paragraphsXML is a document part with one paragraph per block of text
// (blocks separated by blank lines), its lines joined by line breaks.
func paragraphsXML(text string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>`)
	for _, block := range strings.Split(strings.ReplaceAll(text, "\f", "\n"), "\n\n") {
		if strings.TrimSpace(block) == "" {
			continue
		}
		b.WriteString("<w:p><w:r>")
		for i, line := range strings.Split(block, "\n") {
			if i > 0 {
				b.WriteString("<w:br/>")
			}
			b.WriteString(`<w:t xml:space="preserve">`)
			xml.EscapeText(&b, []byte(line))
			b.WriteString("</w:t>")
		}
		b.WriteString("</w:r></w:p>")
	}
	b.WriteString("</w:body></w:document>")
	return b.String()
}

func TestConvert(t *testing.T) {
	doc := `<w:document ` + wordNS + `><w:body>
<w:p><w:r><w:t>Recalling its resolution 5/1</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> of 18 June 2007,</w:t></w:r></w:p>
<w:p><w:del><w:r><w:delText>withdrawn words</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText><w:t>Decides</w:t><w:tab/><w:t>to continue.</w:t></w:r></w:p>
</w:body></w:document>`
	notes := `<w:footnotes ` + wordNS + `><w:footnote w:id="1"><w:p><w:r><w:t>A/HRC/5/21.</w:t></w:r></w:p></w:footnote></w:footnotes>`
	core := `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Outcome  of the review</dc:title><dcterms:created>2020-03-25T10:30:00Z</dcterms:created></cp:coreProperties>`
	d, err := Convert(buildDocx(t, map[string]string{"word/document.xml": doc, "word/footnotes.xml": notes, "docProps/core.xml": core}))
	if err != nil {
		t.Fatal(err)
	}
	want := "Recalling its resolution 5/1 of 18 June 2007,\n\nDecides\tto continue.\n\nA/HRC/5/21.\n\n"
	if d.Text != want || d.Title != "Outcome of the review" || d.Created != "2020-03-25" {
		t.Errorf("got %q, title %q, created %q; want %q", d.Text, d.Title, d.Created, want)
	}
}

func TestConvertBadFiles(t *testing.T) {
	bomb := `<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>` + strings.Repeat("a", maxPart+1) + `</w:t></w:r></w:p></w:body></w:document>`
	for name, data := range map[string][]byte{
		"not a zip":   []byte("Recalling resolution 5/1"),
		"not Word":    buildDocx(t, map[string]string{"xl/workbook.xml": "<workbook/>"}),
		"broken XML":  buildDocx(t, map[string]string{"word/document.xml": "<w:document " + wordNS + "><w:body><w:p>"}),
		"no text":     buildDocx(t, map[string]string{"word/document.xml": "<w:document " + wordNS + "><w:body/></w:document>"}),
		"over 256 MB": buildDocx(t, map[string]string{"word/document.xml": bomb}),
	} {
		if _, err := Convert(data); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: got %v, want %v", name, err, ErrCorrupt)
		}
	}
}

// TestCorpusAsDocx writes the corpus's text documents that have a gold
// file as Word documents and extracts both: every field comes out the same.
func TestCorpusAsDocx(t *testing.T) {
	golds, err := filepath.Glob(filepath.Join("..", "testdata", "gold", "*.json"))
	if err != nil || len(golds) == 0 {
		t.Fatalf("no gold files: %v", err)
	}
	for _, g := range golds {
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		var gold struct{ File string }
		if err := json.Unmarshal(b, &gold); err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		name := gold.File
		text, err := os.ReadFile(filepath.Join("..", "testdata", "docs", name))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Convert(buildDocx(t, map[string]string{"word/document.xml": paragraphsXML(string(text))}))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		fromText, fromDocx := extract.Extract(name, string(text), nil), extract.Extract(name, d.Text, nil)
		for _, f := range []struct {
			field      string
			text, docx any
		}{
			{"symbol", fromText.Symbol, fromDocx.Symbol}, {"type", fromText.Type, fromDocx.Type},
			{"date", fromText.Date, fromDocx.Date}, {"body", fromText.Body, fromDocx.Body},
			{"session", fromText.Session, fromDocx.Session}, {"author", fromText.Author, fromDocx.Author},
			{"agendaItems", fmt.Sprint(fromText.AgendaItems), fmt.Sprint(fromDocx.AgendaItems)},
			{"mentions", fmt.Sprint(fromText.Mentions), fmt.Sprint(fromDocx.Mentions)},
			{"citations", symbols(fromText), symbols(fromDocx)},
			{"documents", fromText.References, fromDocx.References},
			{"languages", fromText.Languages, fromDocx.Languages},
		} {
			if !reflect.DeepEqual(f.text, f.docx) {
				t.Errorf("%s: %s %v from the text, %v from the .docx", name, f.field, f.text, f.docx)
			}
		}
	}
}

func symbols(d *uncite.Document) []string {
	var out []string
	for _, c := range d.Citations {
		out = append(out, c.Symbol)
	}
	return out
}
