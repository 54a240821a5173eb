package loader_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/memstore"
)

// TestLoadPDFs loads a folder of real UN PDFs with a truncated copy and a
// text file named .pdf among them: the good ones load, each bad one is
// reported by name and reason.
func TestLoadPDFs(t *testing.T) {
	dir := t.TempDir()
	copyPDF := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "pdf", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		return b
	}
	dec := copyPDF("A_HRC_DEC_43_112.en.pdf")
	copyPDF("UPR7_SVN_advance_questions.en.pdf")
	if err := os.WriteFile(filepath.Join(dir, "truncated.pdf"), dec[:len(dec)/3], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.pdf"), []byte("not a PDF at all"), 0o644); err != nil {
		t.Fatal(err)
	}

	ctx := context.Background()
	store := memstore.New()
	rep, err := (&loader.Loader{Store: store}).Load(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Files != 4 || rep.Written != 2 {
		t.Errorf("read %d files and wrote %d documents, want 4 and 2", rep.Files, rep.Written)
	}
	failed := map[string]string{}
	for _, f := range rep.Failed {
		failed[filepath.Base(f.Path)] = f.Err.Error()
	}
	if len(failed) != 2 || failed["truncated.pdf"] != "corrupt or truncated PDF: not a PDF file: missing %EOF" ||
		!strings.Contains(failed["notes.pdf"], "no %PDF- header") {
		t.Errorf("failures = %v", failed)
	}

	d, err := store.Document(ctx, "A/HRC/DEC/43/112")
	if err != nil {
		t.Fatal(err)
	}
	if d.Type != "decision" || d.Date != "2020-03-12" || d.Session != 43 || d.File != "A_HRC_DEC_43_112.en.pdf" {
		t.Errorf("decision read as %s %s session %d from %s", d.Type, d.Date, d.Session, d.File)
	}
	docs, _, err := store.Documents(ctx, uncite.DocumentFilter{Cites: "A/RES/60/251"}, uncite.Page{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].ID != "A/HRC/DEC/43/112" {
		t.Errorf("documents citing A/RES/60/251: %v", docs)
	}
}
