package extract

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/uncite/uncite"
)

// The record's keys keep the order the scorer's readers and the committed
// outputs were written with, the metadata in the middle.
func TestRecordKeyOrder(t *testing.T) {
	d := &uncite.Document{File: "A_HRC_RES_43_1.txt", ID: "A/HRC/RES/43/1", Symbol: "A/HRC/RES/43/1", Body: "HRC", Session: 43,
		Languages: []string{"en"}, AgendaItems: []uncite.AgendaItem{{Number: "3"}},
		Citations: []uncite.Citation{{Symbol: "A/RES/60/251", Body: "GA", Number: "60/251", Year: 2006, Count: 1}}}
	b, err := json.Marshal(NewRecord(d))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"file", "id", "symbol", "title", "type", "date", "languages", "body", "session",
		"sessionStart", "sessionEnd", "agendaItems", "author", "mentions", "citations", "documents"}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	var got []string
	dec.Token() // {
	for dec.More() {
		k, _ := dec.Token()
		got = append(got, k.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("keys %v, want %v", got, want)
	}
	var back Record
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, NewRecord(d)) {
		t.Errorf("the record does not read back as printed: %+v, %v", back, err)
	}
}

// A sidecar reads Metadata: absent and null leave a field nil, "" and []
// are values, and agenda items come as numbers or as objects.
func TestMetadataTellsAbsentFromEmpty(t *testing.T) {
	var m Metadata
	in := `{"title": "", "date": null, "languages": [], "agendaItems": ["4", {"number": "68 (b)", "title": "Trade"}]}`
	if err := json.Unmarshal([]byte(in), &m); err != nil {
		t.Fatal(err)
	}
	if m.Title == nil || *m.Title != "" || m.Date != nil || m.Symbol != nil || m.Languages == nil || len(m.Languages) != 0 {
		t.Errorf("title %v, date %v, symbol %v, languages %#v: want \"\", nil, nil, []", m.Title, m.Date, m.Symbol, m.Languages)
	}
	title := "Trade"
	want := []AgendaItemRecord{{Number: "4"}, {Number: "68 (b)", Title: &title}}
	if !reflect.DeepEqual(m.AgendaItems, want) {
		t.Errorf("agenda items %+v, want %+v", m.AgendaItems, want)
	}
	if err := json.Unmarshal([]byte(`{"agendaItems": [4]}`), &m); err == nil || !strings.Contains(err.Error(), "number or {number, title}") {
		t.Errorf("a bare integer item: error %v, want one saying what an item is", err)
	}
}
