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

func TestReads(t *testing.T) { storetest.RunReads(t, open) }

func TestRelations(t *testing.T) { storetest.RunRelations(t, open) }

func TestGraphViews(t *testing.T) { storetest.RunGraphViews(t, open) }

func TestSearch(t *testing.T) { storetest.RunSearch(t, open) }

func TestHostileQueries(t *testing.T) { storetest.RunHostile(t, open) }
