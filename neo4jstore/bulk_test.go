package neo4jstore

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/internal/neo4jtest"
	"github.com/uncite/uncite/storetest"
	"github.com/uncite/uncite/synth"
)

// importCorpus is synthetic documents with the fixture and the cases an
// import must treat as the writes do: a second language version of a
// resolution document (the smaller ID holds the symbol), a citation given
// twice, a State mentioned twice and one that is no node, an agenda item
// listed twice and untitled ones, a reference to the document's own symbol,
// quotes, commas and a newline in values.
func importCorpus() []*uncite.Document {
	docs := append(storetest.Fixture(), synth.Corpus(600, 7)...)
	fr := storetest.Resolution822()
	fr.ID, fr.Title, fr.SHA256 = "S/RES/822 (1993) fr", "Résolution 822 (1993)", "r822fr"
	odd := &uncite.Document{ID: "odd", Symbol: "A/HRC/43/ODD", Title: "A \"quoted\", comma\nand newline", Date: "2020-03-05",
		Body: uncite.BodyHRC, Session: 43, AgendaItems: []uncite.AgendaItem{{Number: "4", Title: "b"}, {Number: "4", Title: "a"}, {Number: "9"}},
		Mentions:   []uncite.Mention{{State: "ARM", Count: 1}, {State: "ARM", Count: 4}, {State: "XXX", Count: 2}},
		Citations:  []uncite.Citation{cite(r822, 1), cite(r822, 3), cite("S/RES/874 (1993)", 1)},
		References: []string{"A/HRC/43/ODD", "A/HRC/43/G/1", "A/HRC/43/G/1"}, Languages: []string{"en", ""}, SHA256: "odd"}
	return append(docs, fr, odd)
}

// TestImportMatchesWrites imports the CSV files of ImportWriter into a
// throwaway server with neo4j-admin and requires, once Open has derived the
// counts, the very graph that WriteDocuments makes of the same documents.
func TestImportMatchesWrites(t *testing.T) {
	defer func(n int) { partnersFrom = n }(partnersFrom)
	partnersFrom = 20 // so that some resolutions keep co-citation counts
	docs := importCorpus()

	s := fresh(t)
	for i := 0; i < len(docs); i += 500 {
		write(t, s, docs[i:min(i+500, len(docs))]...)
	}
	want := dump(t, s)
	if !strings.Contains(strings.Join(want, "\n"), "CO_CITED") {
		t.Fatal("no co-citation counts in the written graph: the comparison would miss them")
	}

	dir := t.TempDir()
	w, err := NewImportWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(docs); i += 300 {
		if _, err := w.WriteDocuments(context.Background(), docs[i:min(i+300, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, "*.tmp")); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
	srv := neo4jtest.Throwaway(t)
	srv.Import(t, ImportArgs(dir)...)
	imported := openWith(t, func(c *Config) { c.URI = srv.URI })
	if d := diff(dump(t, imported), want); d != "" {
		t.Fatalf("the imported graph differs from the written one:\n%s", d)
	}
}

func TestImportRefusesAnIDTwice(t *testing.T) {
	w, err := NewImportWriter(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	d := &uncite.Document{ID: "x", File: "b/x.txt"}
	if _, err := w.WriteDocuments(context.Background(), []*uncite.Document{d}); err != nil {
		t.Fatal(err)
	}
	_, err = w.WriteDocuments(context.Background(), []*uncite.Document{d})
	if uncite.ErrorCode(err) != uncite.EINVALID || !strings.Contains(err.Error(), "b/x.txt") {
		t.Fatalf("second write of x: %v, want an invalid-input error naming the file", err)
	}
}

func TestImportRefusesTheArrayDelimiter(t *testing.T) {
	dir := t.TempDir()
	w, err := NewImportWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := &uncite.Document{ID: "x", File: "x.txt", Languages: []string{"en\x1ffr"}}
	_, err = w.WriteDocuments(context.Background(), []*uncite.Document{d})
	if err == nil || !strings.Contains(err.Error(), "x.txt") {
		t.Fatalf("got %v, want an error naming x.txt", err)
	}
	w.Close()
	if _, err := os.Stat(filepath.Join(dir, "documents.csv")); err != nil {
		t.Fatal(err)
	}
}

func TestImportRefusesAFolderNeo4jAdminMisreads(t *testing.T) {
	for _, name := range []string{"docs=10", "a,b"} {
		dir := filepath.Join(t.TempDir(), name)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if _, err := NewImportWriter(dir); uncite.ErrorCode(err) != uncite.EINVALID {
			t.Errorf("%s: %v, want an invalid-input error", name, err)
		}
	}
}
