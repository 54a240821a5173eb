package extract

import (
	"reflect"
	"testing"

	"github.com/uncite/uncite"
)

// TestMetadataFillsWhatTheTextLeaves checks the file's own properties: they
// fill an empty title and date, never the text's.
func TestMetadataFillsWhatTheTextLeaves(t *testing.T) {
	meta := &Metadata{FileTitle: "Report of the Working Group", FileDate: "2014-08-19"}
	blank := Extract("x.txt", "Texte.", meta)
	if blank.Title != meta.FileTitle || blank.Date != meta.FileDate {
		t.Errorf("empty fields not filled: title %q, date %q", blank.Title, blank.Date)
	}
	read := Extract("A_69_719.en.txt", "Letter dated 9 January 2015 from the Permanent Representative\nof Armenia\n", meta)
	if read.Date != "2015-01-09" || read.Title != "Letter dated 9 January 2015 from the Permanent Representative of Armenia" {
		t.Errorf("the text's fields were overwritten: title %q, date %q", read.Title, read.Date)
	}
}

// TestMetadataOverrides checks a sidecar's fields: each set one replaces
// the extraction's, the symbol is the document's own (canonical, not cited
// by the document, its type read from it, in its id) and the id follows
// the languages given.
func TestMetadataOverrides(t *testing.T) {
	text := "The Security Council,\nRecalling its resolutions 822 (1993) and 853 (1993),\n"
	plain := Extract("x.txt", text, nil)
	if len(plain.Citations) != 2 {
		t.Fatalf("without metadata: %d citations, want 2", len(plain.Citations))
	}
	symbol, title, body, author, session := "S/RES/853(1993)", "Corrected title", uncite.BodyGA, "AZE", 4
	d := Extract("x.txt", text, &Metadata{Symbol: &symbol, Title: &title, Body: &body, Author: &author,
		Session: &session, AgendaItems: []AgendaItemRecord{{Number: "4"}}, Languages: []string{"fr"}})
	if d.Symbol != "S/RES/853 (1993)" || d.ID != "S/RES/853 (1993) (fr)" {
		t.Errorf("symbol %q, id %q; want the canonical symbol and its French id", d.Symbol, d.ID)
	}
	if len(d.Citations) != 1 || d.Citations[0].Symbol != "S/RES/822 (1993)" {
		t.Errorf("citations %+v, want 822 (1993) only: the document does not cite itself", d.Citations)
	}
	if d.Title != title || d.Body != body || d.Author != author || d.Session != session ||
		!reflect.DeepEqual(d.AgendaItems, []uncite.AgendaItem{{Number: "4"}}) || !reflect.DeepEqual(d.Languages, []string{"fr"}) {
		t.Errorf("overrides not applied: %+v", d)
	}
	if plain.Type != "" || d.Type != "resolution" {
		t.Errorf("type %q (without metadata %q); want the type the given symbol says", d.Type, plain.Type)
	}
	if d.Date != plain.Date || len(d.Mentions) != 0 {
		t.Errorf("fields not set were changed: date %q (was %q), mentions %v", d.Date, plain.Date, d.Mentions)
	}
	empty := ""
	if d := Extract("S_RES_822(1993).en.txt", text, &Metadata{Symbol: &empty}); d.Symbol != "" || d.ID != "S_RES_822(1993)" {
		t.Errorf("a symbol set to empty: symbol %q, id %q; want none, and the file's base name as id", d.Symbol, d.ID)
	}
}
