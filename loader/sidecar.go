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
// "A_HRC_43_2.en.txt". Its fields are extract.Metadata, the metadata of
// `uncite extract --json`; the ones present override the extraction, the
// rest are left alone.
const SidecarSuffix = ".json"

// applySidecar overrides doc's metadata with the fields the sidecar sets
// (see extract.Metadata). An unknown field is an error rather than
// silently ignored: a misspelt key would otherwise leave the wrong
// metadata in the graph.
func applySidecar(doc *uncite.Document, b []byte) error {
	var s extract.Metadata
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return fmt.Errorf("metadata sidecar: %w", err)
	}
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = strings.TrimSpace(*v)
		}
	}
	set(&doc.Title, s.Title)
	set(&doc.Type, s.Type)
	set(&doc.Date, s.Date)
	set(&doc.SessionStart, s.SessionStart)
	set(&doc.SessionEnd, s.SessionEnd)
	if s.Languages != nil {
		doc.Languages = s.Languages
	}
	if s.Symbol != nil {
		doc.Symbol = strings.TrimSpace(*s.Symbol)
		if c, err := uncite.ParseResolutionSymbol(doc.Symbol); err == nil {
			doc.Symbol = c.Symbol
		}
		doc.ID = extract.DocumentID(doc.File, doc.Symbol, doc.Languages)
	}
	if s.Body != nil {
		b := strings.ToUpper(strings.TrimSpace(*s.Body))
		if _, ok := uncite.BodyNames[b]; !ok && b != "" {
			return fmt.Errorf("metadata sidecar: unknown body %q (want GA, SC, HRC, ECOSOC or CHR)", *s.Body)
		}
		doc.Body = b
	}
	if s.Session != nil {
		doc.Session = *s.Session
	}
	if s.Author != nil {
		a := strings.ToUpper(strings.TrimSpace(*s.Author))
		if _, ok := refdata.StateByCode(a); !ok && a != "" {
			return fmt.Errorf("metadata sidecar: unknown State code %q (want ISO 3166-1 alpha-3)", *s.Author)
		}
		doc.Author = a
	}
	if s.AgendaItems != nil {
		doc.AgendaItems = make([]uncite.AgendaItem, len(s.AgendaItems))
		for i, a := range s.AgendaItems {
			doc.AgendaItems[i] = uncite.AgendaItem{Number: a.Number}
			set(&doc.AgendaItems[i].Title, a.Title)
		}
	}
	return nil
}
