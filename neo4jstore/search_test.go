package neo4jstore

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
)

// TestSearch runs once with pages sorted from the full-text matches and
// once with pages read in ID order (see scanShare), which must agree.
func TestSearch(t *testing.T) {
	defer func(share int) { scanShare = share }(scanShare)
	for name, share := range map[string]int{"sorted": 0, "scanned": 1 << 30} {
		scanShare = share
		t.Run(name, func(t *testing.T) { testSearch(t) })
	}
}

func testSearch(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	docs := fixture()
	write(t, s, docs...)

	for _, c := range []struct {
		query string
		want  []string
	}{
		// Every word, anywhere, not as a phrase: d2 has "human" and "rights" apart.
		{"human rights", []string{d1ID, d2ID}},
		{"  Human, RIGHTS! ", []string{d1ID, d2ID}},
		{"rights situations", []string{d1ID}},
		// Whole words: "right" is not "rights", and "humanrights" is one word.
		{"right", []string{d3ID}},
		{"humanrights", []string{d3ID}},
		// Title words count as much as text words.
		{"verbale", []string{d1ID}},
		{"untitled determination", []string{d3ID}},
		// Cyrillic, matched case-insensitively.
		{"ФЕДЕРАЦИЯ", []string{d2ID}},
		{"российская федерация азербайджана", []string{d2ID}},
		{"Армения", []string{r822}},
		{"812", []string{r822}},
		{"human nothing", nil},
		// Words Lucene would read as syntax are plain words here.
		{"AND", nil},
		{"OR rights", nil},
		{"title:note", nil},
		{`"human" (rights)`, []string{d1ID, d2ID}},
	} {
		got, total, err := s.Search(ctx, c.query, uncite.Page{Limit: 10})
		if err != nil {
			t.Fatalf("%q: %v", c.query, err)
		}
		if ids := ids(got); !slices.Equal(ids, c.want) || total != len(c.want) {
			t.Errorf("%q: %v (total %d), want %v", c.query, ids, total, c.want)
		}
	}

	// Pages run in ID order over the whole result; the text is never returned.
	page, total, err := s.Search(ctx, "its", uncite.Page{Offset: 1, Limit: 1})
	if err != nil || total != 2 || len(page) != 1 || page[0].ID != r822 {
		t.Fatalf("second page of %q: %v, total %d, %v", "its", ids(page), total, err)
	}
	stored, _ := s.Document(ctx, r822)
	if page[0].Text != "" || !reflect.DeepEqual(page[0], stored) {
		t.Errorf("search result %+v differs from the stored document %+v", page[0], stored)
	}

	for _, q := range []string{"", "  ", "!? -"} {
		if _, _, err := s.Search(ctx, q, uncite.Page{Limit: 10}); uncite.ErrorCode(err) != uncite.EINVALID || err.Error() != "search needs at least one word" {
			t.Errorf("query %q: error %v, want invalid", q, err)
		}
	}
	if _, _, err := s.Search(ctx, "human", uncite.Page{Limit: uncite.MaxPageSize + 1}); uncite.ErrorCode(err) != uncite.EINVALID {
		t.Errorf("oversized page: error %v, want invalid", err)
	}

	// A replaced document is found by its new words only.
	changed := *docs[1]
	changed.Text, changed.SHA256 = "Replaced wording.", "d2-v2"
	write(t, s, &changed)
	for q, want := range map[string][]string{"федерация": nil, "wording": {d2ID}, "letter replaced": {d2ID}, "human": {d1ID}} {
		if got, _, err := s.Search(ctx, q, uncite.Page{Limit: 10}); err != nil || !slices.Equal(ids(got), want) {
			t.Errorf("after replacing: %q found %v, %v; want %v", q, ids(got), err, want)
		}
	}
}

// A document stored before search existed has no words; writing it again
// unchanged must still make it searchable.
func TestReloadMakesOldDocumentsSearchable(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	docs := fixture()
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
