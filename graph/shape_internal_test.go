package graph

import (
	"testing"

	"github.com/uncite/uncite"
)

// Every field of Document reads a known part of it, so that a field added
// to the schema without a place in documentRead is noticed here rather
// than read as every detail.
func TestEveryDocumentFieldReadsKnownParts(t *testing.T) {
	other := map[string]bool{"id": true, "coupled": true, "citations": true, "mentions": true}
	var all uncite.DocumentParts
	for _, f := range NewExecutableSchema(Config{}).Schema().Types["Document"].Fields {
		part, ok := detailsRead[f.Name]
		if !ok && !other[f.Name] {
			t.Errorf("Document.%s: neither a detail nor a relation in documentRead", f.Name)
		}
		all |= part
	}
	if all != uncite.PartDetails {
		t.Errorf("the fields read details %b, not all of them (%b)", all, uncite.PartDetails)
	}
}
