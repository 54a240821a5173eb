package neo4jstore

import (
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/storetest"
)

// The shared suite holds this store to the embedded one's answers.

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) uncite.Store { return fresh(t) })
}

func TestConformanceWrites(t *testing.T) {
	storetest.RunWrites(t, func(t *testing.T) uncite.Store { return fresh(t) })
}

func TestHostileQueries(t *testing.T) {
	storetest.RunHostile(t, func(t *testing.T) uncite.Store { return fresh(t) })
}
