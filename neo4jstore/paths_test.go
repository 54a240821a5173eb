package neo4jstore

import (
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/storetest"
)

// TestAgainstEmbedded holds Neo4j to the embedded store on the answers too
// many to write down (see storetest.RunAgainstReference).
func TestAgainstEmbedded(t *testing.T) {
	storetest.RunAgainstReference(t, open, func(*testing.T) uncite.Store { return memstore.New() })
}
