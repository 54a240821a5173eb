package loader

import (
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/pdftext"
)

func TestFillFromPDF(t *testing.T) {
	meta := &pdftext.Document{Title: "Report of the Working Group", Created: "2014-08-19"}
	blank := &uncite.Document{}
	fillFromPDF(blank, meta)
	if blank.Title != meta.Title || blank.Date != meta.Created {
		t.Errorf("empty fields not filled: %+v", blank)
	}
	read := &uncite.Document{Title: "Slovenia", Date: "2014-08-18"}
	fillFromPDF(read, meta)
	if read.Title != "Slovenia" || read.Date != "2014-08-18" {
		t.Errorf("the text's fields were overwritten: %+v", read)
	}
}
