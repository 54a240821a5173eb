package neo4jstore

import (
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/storetest"
)

// The shared suite holds this store to the contract's answers; the tests
// of this package check only what is Neo4j's own (Cypher, schema,
// migrations, faults of the server).

func open(t *testing.T) uncite.Store { return fresh(t) }

func TestConformance(t *testing.T) { storetest.Run(t, open) }

func TestConformanceWrites(t *testing.T) { storetest.RunWrites(t, open) }

func TestReads(t *testing.T) { storetest.RunReads(t, open) }

func TestRelations(t *testing.T) { storetest.RunRelations(t, open) }

func TestGraphViews(t *testing.T) { storetest.RunGraphViews(t, open) }

func TestHostileQueries(t *testing.T) { storetest.RunHostile(t, open) }

// TestSearch runs the search cases once with pages sorted from the
// full-text matches and once with pages read in ID order (see scanShare),
// which must agree.
func TestSearch(t *testing.T) {
	defer func(share int) { scanShare = share }(scanShare)
	for name, share := range map[string]int{"sorted": 0, "scanned": 1 << 30} {
		scanShare = share
		t.Run(name, func(t *testing.T) { storetest.RunSearch(t, open) })
	}
}
