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

// readSidecar reads a sidecar into the metadata given to the extraction,
// its values trimmed and its codes checked. An unknown field is an error
// rather than silently ignored: a misspelt key would otherwise leave the
// wrong metadata in the graph.
func readSidecar(b []byte, meta *extract.Metadata) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(meta); err != nil {
		return fmt.Errorf("metadata sidecar: %w", err)
	}
	for _, v := range []*string{meta.Symbol, meta.Title, meta.Type, meta.Date, meta.SessionStart, meta.SessionEnd} {
		if v != nil {
			*v = strings.TrimSpace(*v)
		}
	}
	for _, a := range meta.AgendaItems {
		if a.Title != nil {
			*a.Title = strings.TrimSpace(*a.Title)
		}
	}
	if b := meta.Body; b != nil {
		*b = strings.ToUpper(strings.TrimSpace(*b))
		if _, ok := uncite.BodyNames[*b]; !ok && *b != "" {
			return fmt.Errorf("metadata sidecar: unknown body %q (want GA, SC, HRC, ECOSOC or CHR)", *b)
		}
	}
	if a := meta.Author; a != nil {
		*a = strings.ToUpper(strings.TrimSpace(*a))
		if _, ok := refdata.StateByCode(*a); !ok && *a != "" {
			return fmt.Errorf("metadata sidecar: unknown State code %q (want ISO 3166-1 alpha-3)", *a)
		}
	}
	return nil
}
