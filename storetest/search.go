package storetest

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/uncite/uncite"
)

// RunSearch checks full-text search: every word must occur, whole words,
// any script, case-insensitive, title and text alike, no query syntax,
// pages in ID order, and a replaced document found by its new words only.
func RunSearch(t *testing.T, open Opener) {
	run(t, open, []namedCase{
		{"fixture", searchFixture},
		{"cluster", searchCluster},
	})
}

func searchFixture(t *testing.T, open Opener) {
	docs := Fixture()
	s := opened(t, open, docs...)
	ctx := context.Background()

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

func searchCluster(t *testing.T, open Opener) {
	s := opened(t, open, cluster()...)
	ctx := context.Background()
	ids := func(q string) []string {
		docs, n, err := s.Search(ctx, q, uncite.Page{Limit: 10})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		var out []string
		for _, d := range docs {
			out = append(out, d.ID)
			if d.Text != "" {
				t.Errorf("search returned the text of %s", d.ID)
			}
		}
		if n != len(out) {
			t.Errorf("search %q: total %d for %d documents", q, n, len(out))
		}
		return out
	}
	check(t, "every word", ids("Occupied, TERRITORIES"), nil, []string{"D1", "D2"})
	check(t, "title and text together", ids("letter occupied"), nil, []string{"D2"})
	check(t, "all words must occur", ids("occupied azerbaijan"), nil, []string{"D1"})
	check(t, "whole words only", ids("territory"), nil, nil)
	if _, _, err := s.Search(ctx, " ,; ", uncite.Page{Limit: 10}); uncite.ErrorCode(err) != uncite.EINVALID {
		t.Errorf("empty query: %v", err)
	}
}
