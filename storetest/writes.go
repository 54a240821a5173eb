package storetest

import (
	"context"
	"reflect"
	"testing"

	"github.com/uncite/uncite"
)

// RunWrites checks the write contract on an empty store from open:
// rewriting is a no-op, a changed document replaces the old one, and nodes
// that nothing points to any more disappear.
func RunWrites(t *testing.T, open func(t *testing.T) uncite.Store) {
	ctx := context.Background()
	s := open(t)
	letter := &uncite.Document{
		ID: "A/HRC/43/G/9", Symbol: "A/HRC/43/G/9", Title: "Note verbale", Type: "note verbale", Date: "2020-03-02",
		Languages: []string{"en"}, Body: uncite.BodyHRC, Session: 43, SessionStart: "2020-02-24", SessionEnd: "2020-03-20",
		AgendaItems: []uncite.AgendaItem{{Number: "4", Title: "Human rights situations"}},
		Author:      "ARM", Mentions: []uncite.Mention{{State: "ARM", Count: 2}, {State: "AZE", Count: 1}},
		Citations: []uncite.Citation{
			{Symbol: "A/HRC/RES/7/1", Body: uncite.BodyHRC, Number: "7/1", Count: 1, Contexts: []string{"Recalling its resolution 7/1."}, Verbs: []string{"Recalling"}},
			{Symbol: "S/RES/822 (1993)", Body: uncite.BodySC, Number: "822", Year: 1993, Count: 2, Contexts: []string{"a", "b"}, Operative: true},
		},
		References: []string{"A/HRC/43/2"}, File: "letter.txt", SHA256: "v1",
	}
	res := &uncite.Document{ID: "S/RES/822 (1993)", Symbol: "S/RES/822 (1993)", Type: "resolution", Date: "1993-04-30",
		Languages: []string{"en"}, Body: uncite.BodySC, File: "822.txt", SHA256: "r1"}
	// write checks that the store says how many documents it wrote.
	write := func(want int, docs ...*uncite.Document) {
		t.Helper()
		n, err := s.WriteDocuments(ctx, docs)
		if err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("WriteDocuments of %d documents wrote %d, want %d", len(docs), n, want)
		}
	}
	write(2, letter, res)

	got, err := s.Document(ctx, letter.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, letter) {
		t.Errorf("round trip changed the document\n got: %+v\nwant: %+v", got, letter)
	}
	before := snapshot(ctx, t, s)
	write(0, letter, res)
	if after := snapshot(ctx, t, s); !reflect.DeepEqual(before, after) {
		t.Errorf("rewriting the same documents changed the graph\nbefore: %+v\nafter: %+v", before, after)
	}

	changed := *letter
	changed.SHA256 = "v2"
	changed.Citations = changed.Citations[1:]
	changed.AgendaItems = nil
	write(1, &changed, res)
	if _, err := s.Resolution(ctx, "A/HRC/RES/7/1"); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("resolution no longer cited still exists (err %v)", err)
	}
	if items, _ := s.AgendaItemsBySession(ctx, []string{hrc43}); len(items[hrc43]) != 0 {
		t.Errorf("agenda item of the replaced document survives: %+v", items)
	}
	if docs, n, _ := s.Documents(ctx, uncite.DocumentFilter{Cites: "A/HRC/RES/7/1"}, uncite.Page{Limit: 10}); n != 0 || len(docs) != 0 {
		t.Errorf("stale citation: %d documents still cite A/HRC/RES/7/1", n)
	}
	r, err := s.Resolution(ctx, "S/RES/822 (1993)")
	if err != nil || r.CitationCount != 1 || r.Date != "1993-04-30" || !r.Known {
		t.Errorf("resolution that is a document: %+v, %v", r, err)
	}
	if _, n, _ := s.Documents(ctx, uncite.DocumentFilter{}, uncite.Page{Limit: 10}); n != 2 {
		t.Errorf("%d documents after replacing one of two", n)
	}
}

// hrc43 is the session of the letter, keyed as by uncite.SessionKey.
const hrc43 = "HRC-43"

type graphSnapshot struct {
	Docs        []*uncite.Document
	Resolutions []*uncite.Resolution
	Session     *uncite.Session
	Items       []uncite.AgendaItem
}

func snapshot(ctx context.Context, t *testing.T, s uncite.Store) graphSnapshot {
	t.Helper()
	var g graphSnapshot
	var err error
	all := uncite.Page{Limit: uncite.MaxPageSize}
	if g.Docs, _, err = s.Documents(ctx, uncite.DocumentFilter{}, all); err != nil {
		t.Fatal(err)
	}
	if g.Resolutions, _, err = s.Resolutions(ctx, uncite.ResolutionFilter{}, uncite.OrderBySymbol, all); err != nil {
		t.Fatal(err)
	}
	if g.Session, err = s.Session(ctx, uncite.BodyHRC, 43); err != nil {
		t.Fatal(err)
	}
	items, err := s.AgendaItemsBySession(ctx, []string{hrc43})
	if err != nil {
		t.Fatal(err)
	}
	g.Items = items[hrc43]
	return g
}
