package neo4jstore

import (
	"context"
	"slices"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
	"github.com/uncite/uncite/storetest"
)

// A document stored before search existed has no words; writing it again
// unchanged must still make it searchable.
func TestReloadMakesOldDocumentsSearchable(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	docs := storetest.Fixture()
	write(t, s, docs...)
	removeWords := func() {
		t.Helper()
		if _, err := s.query(ctx, "MATCH (d:Document) REMOVE d.words", nil, neo4j.Write); err != nil {
			t.Fatal(err)
		}
	}
	removeWords()
	if _, total, _ := s.Search(ctx, "human", uncite.Page{}); total != 0 {
		t.Fatalf("%d documents found without words", total)
	}
	before := dump(t, s)
	write(t, s, docs...)
	if _, total, err := s.Search(ctx, "human", uncite.Page{}); err != nil || total != 2 {
		t.Errorf("after reloading: %d found, %v; want 2", total, err)
	}
	// Only the words came back.
	if n := count(t, s, "MATCH (d:Document) WHERE d.words IS NOT NULL RETURN count(d) AS n", nil); n != len(docs) {
		t.Errorf("%d documents with words, want %d", n, len(docs))
	}
	removeWords()
	if after := dump(t, s); !slices.Equal(before, after) {
		t.Errorf("reloading changed more than the words:\n%s", diff(before, after))
	}
}
