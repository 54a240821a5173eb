package loader

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/extract"
	"github.com/uncite/uncite/refdata"
)

// SidecarSuffix names the optional metadata file beside a document:
// "A_HRC_43_2.en.txt.json" supplies or corrects what is read from
// "A_HRC_43_2.en.txt". Its fields are those of `uncite extract --json`;
// the ones present override the extraction, the rest are left alone.
const SidecarSuffix = ".json"

// sidecar is the subset of the extraction record a sidecar may set.
// Pointers tell "absent" from "set to empty".
type sidecar struct {
	Symbol       *string         `json:"symbol"`
	Title        *string         `json:"title"`
	Type         *string         `json:"type"`
	Date         *string         `json:"date"`
	Languages    []string        `json:"languages"`
	Body         *string         `json:"body"`
	Session      *int            `json:"session"`
	SessionStart *string         `json:"sessionStart"`
	SessionEnd   *string         `json:"sessionEnd"`
	AgendaItems  json.RawMessage `json:"agendaItems"`
	Author       *string         `json:"author"`
}

// readSidecar reads a sidecar into the metadata given to the extraction,
// its values trimmed and its codes checked. An unknown field is an error
// rather than silently ignored: a misspelt key would otherwise leave the
// wrong metadata in the graph.
func readSidecar(b []byte, meta *extract.Metadata) error {
	var s sidecar
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return fmt.Errorf("metadata sidecar: %w", err)
	}
	trim := func(v *string) *string {
		if v == nil {
			return nil
		}
		t := strings.TrimSpace(*v)
		return &t
	}
	meta.Symbol, meta.Title, meta.Type, meta.Date = trim(s.Symbol), trim(s.Title), trim(s.Type), trim(s.Date)
	meta.SessionStart, meta.SessionEnd = trim(s.SessionStart), trim(s.SessionEnd)
	meta.Languages, meta.Session = s.Languages, s.Session
	if s.Body != nil {
		b := strings.ToUpper(strings.TrimSpace(*s.Body))
		if _, ok := uncite.BodyNames[b]; !ok && b != "" {
			return fmt.Errorf("metadata sidecar: unknown body %q (want GA, SC, HRC, ECOSOC or CHR)", *s.Body)
		}
		meta.Body = &b
	}
	if s.Author != nil {
		a := strings.ToUpper(strings.TrimSpace(*s.Author))
		if _, ok := refdata.StateByCode(a); !ok && a != "" {
			return fmt.Errorf("metadata sidecar: unknown State code %q (want ISO 3166-1 alpha-3)", *s.Author)
		}
		meta.Author = &a
	}
	if len(s.AgendaItems) > 0 {
		items, err := agendaItems(s.AgendaItems)
		if err != nil {
			return err
		}
		meta.AgendaItems = items
	}
	return nil
}

// agendaItems accepts both shapes in use: ["4", "68 (b)"] as in the gold
// files, and [{"number": "4", "title": "..."}] as extract prints.
func agendaItems(raw json.RawMessage) ([]uncite.AgendaItem, error) {
	var numbers []string
	if err := json.Unmarshal(raw, &numbers); err == nil {
		items := make([]uncite.AgendaItem, len(numbers))
		for i, n := range numbers {
			items[i] = uncite.AgendaItem{Number: n}
		}
		return items, nil
	}
	var items []uncite.AgendaItem
	var objs []struct {
		Number string  `json:"number"`
		Title  *string `json:"title"`
	}
	if err := json.Unmarshal(raw, &objs); err != nil {
		return nil, fmt.Errorf("metadata sidecar: agendaItems must be a list of numbers or of {number, title}: %w", err)
	}
	for _, o := range objs {
		it := uncite.AgendaItem{Number: o.Number}
		if o.Title != nil {
			it.Title = *o.Title
		}
		items = append(items, it)
	}
	return items, nil
}
