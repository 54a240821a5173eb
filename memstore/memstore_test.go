package memstore_test

import (
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/storetest"
)

func open(*testing.T) uncite.Store { return memstore.New() }

func TestConformance(t *testing.T) { storetest.Run(t, open) }

func TestWrites(t *testing.T) { storetest.RunWrites(t, open) }

func TestHostileQueries(t *testing.T) { storetest.RunHostile(t, open) }
