package extract

import (
	"encoding/json"
	"fmt"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/internal/nullable"
)

// Record is the JSON Lines record of `uncite extract --json`, the format
// the extraction scorer and cmd/extractdiff read; absent values are null,
// absent lists empty.
type Record struct {
	File string `json:"file"`
	ID   string `json:"id"`
	Metadata
	Mentions  []string         `json:"mentions"`
	Citations []CitationRecord `json:"citations"`
	Documents []string         `json:"documents"`
}

// Metadata is the part of a Record that a metadata sidecar may set (see
// loader.SidecarSuffix), in the same format. Read from JSON, a field left
// out or null stays nil, while "" or [] is a value: pointers and nil
// slices tell "absent" from "set to empty".
//
// Given to Extract, the fields set replace the extraction's, as given. The
// symbol is known before the text is read, so the rules that use the
// document's own symbol (its type and body, the citations and references
// that leave it out) use it, as they use a symbol in front matter; a
// resolution symbol is put in its canonical form. FileTitle and FileDate,
// which are not part of the format, fill the title and date where the
// text gives none (a PDF's Title property, its creation date).
type Metadata struct {
	Symbol       *string            `json:"symbol"`
	Title        *string            `json:"title"`
	Type         *string            `json:"type"`
	Date         *string            `json:"date"`
	Languages    []string           `json:"languages"`
	Body         *string            `json:"body"`
	Session      *int               `json:"session"`
	SessionStart *string            `json:"sessionStart"`
	SessionEnd   *string            `json:"sessionEnd"`
	AgendaItems  []AgendaItemRecord `json:"agendaItems"`
	Author       *string            `json:"author"`
	FileTitle    string             `json:"-"`
	FileDate     string             `json:"-"`
}

// AgendaItemRecord is an agenda item of a Record.
type AgendaItemRecord struct {
	Number string  `json:"number"`
	Title  *string `json:"title"`
}

// UnmarshalJSON reads an item as extract prints it, {"number": "68 (b)",
// "title": ...}, or by its number alone, "68 (b)", as the gold files and
// hand-written sidecars give it.
func (a *AgendaItemRecord) UnmarshalJSON(b []byte) error {
	var number string
	if json.Unmarshal(b, &number) == nil {
		*a = AgendaItemRecord{Number: number}
		return nil
	}
	type object AgendaItemRecord // without this method
	if err := json.Unmarshal(b, (*object)(a)); err != nil {
		return fmt.Errorf("an agenda item is a number or {number, title}: %w", err)
	}
	return nil
}

// CitationRecord is a citation of a Record.
type CitationRecord struct {
	Symbol    string   `json:"symbol"`
	Body      string   `json:"body"`
	Number    string   `json:"number"`
	Year      *int     `json:"year"`
	Count     int      `json:"count"`
	Contexts  []string `json:"contexts"`
	Verbs     []string `json:"verbs"`
	Operative bool     `json:"operative"`
}

// NewRecord is the Record of an extracted document.
func NewRecord(d *uncite.Document) Record {
	e := Record{
		File: d.File, ID: d.ID,
		Metadata: Metadata{
			Symbol: nullable.String(d.Symbol), Title: nullable.String(d.Title), Type: nullable.String(d.Type),
			Date: nullable.String(d.Date), Languages: nullable.List(d.Languages), Body: nullable.String(d.Body),
			SessionStart: nullable.String(d.SessionStart), SessionEnd: nullable.String(d.SessionEnd), Author: nullable.String(d.Author),
			AgendaItems: []AgendaItemRecord{},
		},
		Mentions: []string{}, Citations: []CitationRecord{}, Documents: nullable.List(d.References),
	}
	if d.Session != 0 {
		e.Session = &d.Session
	}
	for _, a := range d.AgendaItems {
		e.AgendaItems = append(e.AgendaItems, AgendaItemRecord{Number: a.Number, Title: nullable.String(a.Title)})
	}
	for _, m := range d.Mentions {
		e.Mentions = append(e.Mentions, m.State)
	}
	for _, c := range d.Citations {
		cj := CitationRecord{Symbol: c.Symbol, Body: c.Body, Number: c.Number, Count: c.Count,
			Contexts: nullable.List(c.Contexts), Verbs: nullable.List(c.Verbs), Operative: c.Operative}
		if c.Year != 0 {
			cj.Year = &c.Year
		}
		e.Citations = append(e.Citations, cj)
	}
	return e
}
