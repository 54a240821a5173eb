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

func TestSidecarOverridesMetadata(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "000_1a7a508cbf762381.txt")
	os.WriteFile(doc, seed, 0o644)
	os.WriteFile(doc+".json", []byte(`{"symbol": "A/HRC/43/G/9", "title": "Note verbale from Azerbaijan",
		"agendaItems": ["4"], "author": "aze"}`), 0o644)

	store := memstore.New()
	l := &loader.Loader{Store: store}
	rep, err := l.Load(ctx, dir)
	if err != nil || rep.Err() != nil || rep.Files != 1 {
		t.Fatalf("load: %+v, %v", rep, err)
	}
	// The French cover makes French the document's language.
	got, err := store.Document(ctx, "A/HRC/43/G/9 (fr)")
	if err != nil {
		t.Fatal(err)
	}
	if got.Symbol != "A/HRC/43/G/9" || got.Title != "Note verbale from Azerbaijan" || got.Author != "AZE" ||
		len(got.AgendaItems) != 1 || got.AgendaItems[0] != (uncite.AgendaItem{Number: "4"}) {
		t.Errorf("sidecar not applied: %+v", got)
	}
	if got.Date != "2020-08-24" || len(got.Citations) != 4 {
		t.Errorf("fields the sidecar does not set must keep their extracted values: date %q, %d citations", got.Date, len(got.Citations))
	}

	// Editing only the sidecar replaces the document on reload.
	os.WriteFile(doc+".json", []byte(`{"symbol": "A/HRC/43/G/9", "title": "Corrected title"}`), 0o644)
	if _, err := l.Load(ctx, dir); err != nil {
		t.Fatal(err)
	}
	if got, _ := store.Document(ctx, "A/HRC/43/G/9 (fr)"); got == nil || got.Title != "Corrected title" {
		t.Errorf("edited sidecar did not replace the document: %+v", got)
	}
}

func TestSidecarErrorsNameTheFile(t *testing.T) {
	for name, body := range map[string]string{
		"unknown field": `{"titel": "typo"}`,
		"bad body":      `{"body": "UNESCO"}`,
		"bad author":    `{"author": "XYZ"}`,
		"not json":      `{`,
	} {
		dir := t.TempDir()
		doc := filepath.Join(dir, "note.txt")
		os.WriteFile(doc, []byte("Note verbale from the Permanent Mission of Armenia."), 0o644)
		os.WriteFile(doc+".json", []byte(body), 0o644)
		rep, err := (&loader.Loader{Store: memstore.New()}).Load(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Failed) != 1 || !strings.Contains(rep.Failed[0].Error(), "note.txt: metadata sidecar") {
			t.Errorf("%s: failures %v, want one naming note.txt and the sidecar", name, rep.Failed)
		}
	}
}
