package loader

import (
	"testing"

	"github.com/uncite/uncite"
)

func TestFillFromMeta(t *testing.T) {
	meta := &fileMeta{title: "Report of the Working Group", created: "2014-08-19"}
	blank := &uncite.Document{}
	fillFromMeta(blank, meta)
	if blank.Title != meta.title || blank.Date != meta.created {
		t.Errorf("empty fields not filled: %+v", blank)
	}
	read := &uncite.Document{Title: "Slovenia", Date: "2014-08-18"}
	fillFromMeta(read, meta)
	if read.Title != "Slovenia" || read.Date != "2014-08-18" {
		t.Errorf("the text's fields were overwritten: %+v", read)
	}
}
