package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// RunReads checks what a store reads back: documents field for field,
// lookups one by one and in batches, document and resolution filters,
// orders and pages, and the errors of absent keys and bad pages.
func RunReads(t *testing.T, open Opener) {
	run(t, open, []namedCase{
		{"round trip", roundTrip},
		{"document filters", documentFilters},
		{"pagination", pagination},
		{"resolution filters", resolutionFilters},
		{"batch lookups", batchLookups},
		{"a resolution with its listings in one call", resolutionWith},
		{"agenda items in reading order", agendaOrder},
		{"a document without ID fails the batch", writeRejectsDocumentWithoutID},
	})
}

func roundTrip(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	want := Letter()
	write(t, s, want, Resolution822())
	got, err := s.Document(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip changed the document\n got: %+v\nwant: %+v", got, want)
	}
	bare := &uncite.Document{ID: "bare.txt"}
	write(t, s, bare)
	if got, err := s.Document(ctx, bare.ID); err != nil || !reflect.DeepEqual(got, bare) {
		t.Errorf("document with only an ID came back as %+v, %v", got, err)
	}
	if _, err := s.Document(ctx, "nope"); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("absent document: error %v, want not found", err)
	}

	r, err := s.Resolution(ctx, "A/RES/60/251")
	wantRes := &uncite.Resolution{Symbol: "A/RES/60/251", Body: uncite.BodyGA, Number: "60/251", CitationCount: 1}
	if err != nil || r.Year != 0 || r.Known || !reflect.DeepEqual(r, wantRes) {
		t.Errorf("A/RES/60/251: %+v, %v; want %+v", r, err, wantRes)
	}
	if _, err := s.Resolution(ctx, "S/RES/1 (2099)"); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("absent resolution: error %v, want not found", err)
	}
	ses, err := s.Session(ctx, uncite.BodyHRC, 43)
	if want := (&uncite.Session{Body: "HRC", Number: 43, StartDate: "2020-02-24", EndDate: "2020-03-20"}); err != nil || !reflect.DeepEqual(ses, want) {
		t.Errorf("session: %+v, %v; want %+v", ses, err, want)
	}
	if _, err := s.Session(ctx, uncite.BodyHRC, 44); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("absent session: error %v, want not found", err)
	}
	items, err := s.AgendaItemsBySession(ctx, []string{"HRC-43", "HRC-44"})
	if want := map[string][]uncite.AgendaItem{"HRC-43": {{Number: "2"}, {Number: "4", Title: "Human rights situations"}}}; err != nil || !reflect.DeepEqual(items, want) {
		t.Errorf("agenda items: %+v, %v; want %+v", items, err, want)
	}
	st, err := s.State(ctx, "arm")
	if err != nil || st.Code != "ARM" || st.Name != "Armenia" {
		t.Errorf("State(arm) = %+v, %v", st, err)
	}
	if _, err := s.State(ctx, "XXX"); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("absent State: error %v, want not found", err)
	}
}

// agendaOrder checks that agenda items are listed by number as a reader
// expects (uncite.CompareAgendaNumbers), not as text, where "10" would
// come before "3".
func agendaOrder(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	const x = "A/HRC/RES/40/1"
	numbers := []string{"10", "68 (b)", "3", "68", "A", "68 (a)", "2"}
	var docs []*uncite.Document
	for i, n := range numbers {
		docs = append(docs, &uncite.Document{ID: fmt.Sprintf("item%d.txt", i), Body: uncite.BodyHRC, Session: 40,
			AgendaItems: []uncite.AgendaItem{{Number: n}}, Citations: []uncite.Citation{cite(x, 1)}})
	}
	write(t, s, docs...)
	ordered := []string{"2", "3", "10", "68", "68 (a)", "68 (b)", "A"}

	items, err := s.AgendaItemsBySession(ctx, []string{"HRC-40"})
	var got []string
	for _, a := range items["HRC-40"] {
		got = append(got, a.Number)
	}
	check(t, "agenda items of HRC-40", got, err, ordered)

	// Facets tie on the count, so the item number decides.
	facets, err := s.ResolutionFacets(ctx, []string{x})
	got = nil
	for _, c := range facets[x].BySession {
		got = append(got, c.AgendaItem)
	}
	check(t, "facets by session of "+x, got, err, ordered)
}

func documentFilters(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	l := Letter()
	write(t, s, l, Resolution822(),
		&uncite.Document{ID: "a.txt", Type: "letter", Date: "2019-05-01", Languages: []string{"es"}, Author: "AZE",
			Body: uncite.BodyHRC, Session: 42, AgendaItems: []uncite.AgendaItem{{Number: "4"}},
			Mentions: []uncite.Mention{{State: "ARM", Count: 1}}},
		&uncite.Document{ID: "b.txt", Type: "letter"})
	cases := []struct {
		f    uncite.DocumentFilter
		want []string
	}{
		{uncite.DocumentFilter{}, []string{l.ID, "S/RES/822 (1993)", "a.txt", "b.txt"}},
		{uncite.DocumentFilter{Symbol: l.Symbol}, []string{l.ID}},
		{uncite.DocumentFilter{Body: uncite.BodyHRC}, []string{l.ID, "a.txt"}},
		{uncite.DocumentFilter{Body: uncite.BodyHRC, Session: 43}, []string{l.ID}},
		{uncite.DocumentFilter{Body: uncite.BodyHRC, Session: 43, AgendaItem: "2"}, []string{l.ID}},
		{uncite.DocumentFilter{Body: uncite.BodyHRC, AgendaItem: "4"}, []string{l.ID, "a.txt"}},
		{uncite.DocumentFilter{Author: "AZE"}, []string{"a.txt"}},
		{uncite.DocumentFilter{Mentions: "ARM"}, []string{l.ID, "a.txt"}},
		{uncite.DocumentFilter{Mentions: "AZE", Author: "ARM"}, []string{l.ID}},
		{uncite.DocumentFilter{Cites: "S/RES/822 (1993)"}, []string{l.ID}},
		{uncite.DocumentFilter{Cites: "S/RES/812 (1993)"}, []string{"S/RES/822 (1993)"}},
		{uncite.DocumentFilter{Cites: "S/RES/822 (1993)", Mentions: "AZE"}, []string{l.ID}},
		{uncite.DocumentFilter{Cites: "S/RES/822 (1993)", Mentions: "FRA"}, nil},
		{uncite.DocumentFilter{Cites: "S/RES/1 (1946)"}, nil},
		{uncite.DocumentFilter{Type: "letter"}, []string{"a.txt", "b.txt"}},
		{uncite.DocumentFilter{Language: "en"}, []string{l.ID, "S/RES/822 (1993)"}},
		{uncite.DocumentFilter{DateFrom: "2019-05-01"}, []string{l.ID, "a.txt"}},
		{uncite.DocumentFilter{DateTo: "2019-05-01"}, []string{"S/RES/822 (1993)", "a.txt"}},
		{uncite.DocumentFilter{DateFrom: "1993-01-01", DateTo: "2019-12-31", Language: "es"}, []string{"a.txt"}},
		{uncite.DocumentFilter{Author: "' OR 1=1 //"}, nil},
		{uncite.DocumentFilter{ID: "a.txt"}, []string{"a.txt"}},
		{uncite.DocumentFilter{ID: "a.txt", Type: "report"}, nil},
		{uncite.DocumentFilter{ID: "no such id"}, nil},
	}
	for _, c := range cases {
		docs, total, err := s.Documents(ctx, c.f, uncite.Page{Limit: 10})
		if err != nil {
			t.Fatalf("%+v: %v", c.f, err)
		}
		if got := ids(docs); !slices.Equal(got, c.want) || total != len(c.want) {
			t.Errorf("%+v: %v (total %d), want %v", c.f, got, total, c.want)
		}
	}
	if docs, _, _ := s.Documents(ctx, uncite.DocumentFilter{Symbol: l.Symbol}, uncite.Page{Limit: 1}); len(docs) != 1 || !reflect.DeepEqual(docs[0], l) {
		t.Errorf("listed document differs from the written one: %+v", docs)
	}

	// Every listing at once, in pages of several sizes and offsets: shapes
	// mix, several queries share each, and each answers as it does alone.
	var qs []uncite.DocumentQuery
	for i, c := range cases {
		for _, p := range []uncite.Page{{Limit: 10}, {Offset: 1, Limit: 1}, {Offset: i % 3, Limit: 2}, {}} {
			qs = append(qs, uncite.DocumentQuery{Filter: c.f, Page: p})
		}
	}
	pages, err := s.DocumentPages(ctx, qs)
	if err != nil || len(pages) != len(qs) {
		t.Fatalf("%d pages for %d queries, %v", len(pages), len(qs), err)
	}
	for i, q := range qs {
		docs, total, err := s.Documents(ctx, q.Filter, q.Page)
		if want := (uncite.DocumentPage{Documents: docs, Total: total}); err != nil || !reflect.DeepEqual(pages[i], want) {
			t.Errorf("%+v: batched %v (total %d), alone %v (total %d), %v", q, ids(pages[i].Documents), pages[i].Total, ids(docs), total, err)
		}
	}
	// Shaped reads: a query that omits parts or the total answers as the
	// full one does with those parts stripped and a zero total.
	for _, omit := range []uncite.DocumentParts{uncite.PartEvidence, uncite.PartCitations, uncite.PartMentions,
		uncite.PartEvidence | uncite.PartMentions, uncite.PartCitations | uncite.PartEvidence | uncite.PartMentions,
		uncite.PartDetails, uncite.PartDetails | uncite.PartMentions, uncite.AllParts,
		uncite.AllParts &^ (uncite.PartDate | uncite.PartAuthor), uncite.PartTitle | uncite.PartReferences | uncite.PartAgenda,
		uncite.PartDetails&^(uncite.PartBody|uncite.PartSession|uncite.PartAgenda) | uncite.PartEvidence} {
		shaped := slices.Clone(qs)
		for i := range shaped {
			shaped[i].Omit, shaped[i].NoTotal = omit, i%2 == 0
		}
		got, err := s.DocumentPages(ctx, shaped)
		if err != nil {
			t.Fatal(err)
		}
		full, err := s.DocumentPages(ctx, qs)
		if err != nil {
			t.Fatal(err)
		}
		for i, q := range shaped {
			want := full[i]
			for _, d := range want.Documents {
				omit.Strip(d)
			}
			if q.NoTotal {
				want.Total = 0
			}
			if !reflect.DeepEqual(got[i], want) {
				t.Errorf("%+v: %+v, want %+v", q, got[i], want)
			}
		}
	}
	if pages, err := s.DocumentPages(ctx, nil); err != nil || len(pages) != 0 {
		t.Errorf("no query: %v, %v", pages, err)
	}
	bad := append(qs[:1:1], uncite.DocumentQuery{Page: uncite.Page{Limit: uncite.MaxPageSize + 1}})
	if _, err := s.DocumentPages(ctx, bad); uncite.ErrorCode(err) != uncite.EINVALID {
		t.Errorf("a page past the maximum among others: error %v, want invalid", err)
	}
}

func pagination(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	var docs []*uncite.Document
	var want []string
	for i := range 23 {
		id := fmt.Sprintf("doc-%02d", i)
		docs = append(docs, &uncite.Document{ID: id, Type: "letter", Citations: []uncite.Citation{
			{Symbol: fmt.Sprintf("S/RES/%d (1993)", 800+i%5), Count: 1}}})
		want = append(want, id)
	}
	write(t, s, docs...)
	var got []string
	for offset := 0; ; offset += 5 {
		page, total, err := s.Documents(ctx, uncite.DocumentFilter{Type: "letter"}, uncite.Page{Offset: offset, Limit: 5})
		if err != nil || total != 23 {
			t.Fatalf("offset %d: total %d, %v", offset, total, err)
		}
		if len(page) == 0 {
			break
		}
		got = append(got, ids(page)...)
	}
	if !slices.Equal(got, want) {
		t.Errorf("pages joined: %v, want %v", got, want)
	}
	if page, total, err := s.Documents(ctx, uncite.DocumentFilter{}, uncite.Page{Limit: 0}); err != nil || page != nil || total != 23 {
		t.Errorf("empty page: %v, total %d, %v", page, total, err)
	}
	for _, p := range []uncite.Page{{Offset: -1, Limit: 1}, {Limit: -1}, {Limit: uncite.MaxPageSize + 1}} {
		if _, _, err := s.Documents(ctx, uncite.DocumentFilter{}, p); uncite.ErrorCode(err) != uncite.EINVALID {
			t.Errorf("page %+v: error %v, want invalid", p, err)
		}
	}

	// 800..804 (1993) are cited by 5, 5, 5, 4 and 4 documents.
	rs, total, err := s.Resolutions(ctx, uncite.ResolutionFilter{}, uncite.OrderByCitationCount, uncite.Page{Offset: 1, Limit: 3})
	if err != nil || total != 5 {
		t.Fatalf("resolutions: total %d, %v", total, err)
	}
	if got := symbols(rs); !slices.Equal(got, []string{"S/RES/801 (1993)", "S/RES/802 (1993)", "S/RES/803 (1993)"}) || rs[2].CitationCount != 4 {
		t.Errorf("by citation count, second page: %v", got)
	}
	states, total, err := s.States(ctx, uncite.Page{Offset: 2, Limit: 2})
	all := refdata.States()
	if err != nil || total != len(all) || len(states) != 2 || states[0].Code != all[2].Code || states[1].Name != all[3].Name {
		t.Errorf("States page: %+v, total %d, %v", states, total, err)
	}
}

func resolutionFilters(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	write(t, s, Letter(), Resolution822(),
		&uncite.Document{ID: "x.txt", Author: "AZE", Citations: []uncite.Citation{
			{Symbol: "A/RES/78/10", Count: 1}, {Symbol: "S/RES/822 (1993)", Count: 1}, {Symbol: "S/RES/853 (1993)", Count: 1}}})
	// A/RES/78/10 has its year from the tables; A/HRC/RES/7/1 (listed
	// without a date) and A/RES/60/251 (not listed) have none.
	for _, c := range []struct {
		f    uncite.ResolutionFilter
		o    uncite.ResolutionOrder
		want []string
	}{
		{uncite.ResolutionFilter{}, uncite.OrderBySymbol, []string{"A/HRC/RES/7/1", "A/RES/60/251", "A/RES/78/10", "S/RES/812 (1993)", "S/RES/822 (1993)", "S/RES/853 (1993)"}},
		{uncite.ResolutionFilter{}, uncite.OrderByCitationCount, []string{"S/RES/822 (1993)", "A/HRC/RES/7/1", "A/RES/60/251", "A/RES/78/10", "S/RES/812 (1993)", "S/RES/853 (1993)"}},
		{uncite.ResolutionFilter{}, uncite.OrderByYear, []string{"A/RES/78/10", "S/RES/812 (1993)", "S/RES/822 (1993)", "S/RES/853 (1993)", "A/HRC/RES/7/1", "A/RES/60/251"}},
		{uncite.ResolutionFilter{Body: uncite.BodySC}, "", []string{"S/RES/812 (1993)", "S/RES/822 (1993)", "S/RES/853 (1993)"}},
		{uncite.ResolutionFilter{YearFrom: 1994}, "", []string{"A/RES/78/10"}},
		{uncite.ResolutionFilter{YearTo: 1993}, "", []string{"S/RES/812 (1993)", "S/RES/822 (1993)", "S/RES/853 (1993)"}},
		{uncite.ResolutionFilter{CitedBy: "AZE"}, "", []string{"A/RES/78/10", "S/RES/822 (1993)", "S/RES/853 (1993)"}},
		{uncite.ResolutionFilter{CitedBy: "ARM", Body: uncite.BodySC}, "", []string{"S/RES/822 (1993)"}},
	} {
		rs, total, err := s.Resolutions(ctx, c.f, c.o, uncite.Page{Limit: 10})
		if err != nil {
			t.Fatalf("%+v %s: %v", c.f, c.o, err)
		}
		if got := symbols(rs); !slices.Equal(got, c.want) || total != len(c.want) {
			t.Errorf("%+v %s: %v (total %d), want %v", c.f, c.o, got, total, c.want)
		}
	}
	if _, _, err := s.Resolutions(ctx, uncite.ResolutionFilter{}, "NEWEST", uncite.Page{Limit: 1}); uncite.ErrorCode(err) != uncite.EINVALID {
		t.Errorf("unknown order: error %v, want invalid", err)
	}
}

func batchLookups(t *testing.T, open Opener) {
	s := opened(t, open, Fixture()...)
	ctx := context.Background()

	d1, _ := s.Document(ctx, d1ID)
	r, _ := s.Resolution(ctx, r822)
	ses, _ := s.Session(ctx, uncite.BodyHRC, 43)
	docs, err := s.DocumentsByID(ctx, []string{d1ID, "nope", d1ID})
	if want := map[string]*uncite.Document{d1ID: d1}; err != nil || !reflect.DeepEqual(docs, want) {
		t.Errorf("DocumentsByID = %+v, %v; want %+v", docs, err, want)
	}
	rs, err := s.ResolutionsBySymbol(ctx, []string{r822, "s/res/822(1993)", "S/RES/1 (2099)"})
	if want := map[string]*uncite.Resolution{r822: r}; err != nil || !reflect.DeepEqual(rs, want) {
		t.Errorf("ResolutionsBySymbol = %+v, %v; want %+v", rs, err, want)
	}
	sessions, err := s.SessionsByKey(ctx, []string{"HRC-43", "HRC-1", "43"})
	if want := map[string]*uncite.Session{"HRC-43": ses}; err != nil || !reflect.DeepEqual(sessions, want) {
		t.Errorf("SessionsByKey = %+v, %v; want %+v", sessions, err, want)
	}
	// Nothing asked, nothing found: an empty map, not nil.
	if docs, err := s.DocumentsByID(ctx, nil); err != nil || docs == nil || len(docs) != 0 {
		t.Errorf("DocumentsByID(nil) = %#v, %v", docs, err)
	}
	if rs, err := s.ResolutionsBySymbol(ctx, []string{}); err != nil || rs == nil || len(rs) != 0 {
		t.Errorf("ResolutionsBySymbol([]) = %#v, %v", rs, err)
	}
	if sessions, err := s.SessionsByKey(ctx, nil); err != nil || sessions == nil || len(sessions) != 0 {
		t.Errorf("SessionsByKey(nil) = %#v, %v", sessions, err)
	}
}

// resolutionWith answers as Resolution, DocumentPages and CoCited do, for
// every shape of listing and ranking a request may carry.
func resolutionWith(t *testing.T, open Opener) {
	s := opened(t, open, Fixture()...)
	ctx := context.Background()
	for _, symbol := range []string{r822, "S/RES/853 (1993)"} {
		alone, err := s.Resolution(ctx, symbol)
		if err != nil {
			t.Fatal(err)
		}
		cites := uncite.DocumentFilter{Cites: symbol}
		for _, q := range []uncite.DocumentQuery{
			{Filter: cites, Page: uncite.Page{Limit: 20}},
			{Filter: cites, Page: uncite.Page{Offset: 1, Limit: 1}, Omit: uncite.AllParts, NoTotal: true},
			{Filter: cites, Page: uncite.Page{Limit: 2}, Omit: uncite.AllParts &^ (uncite.PartDate | uncite.PartAuthor)},
		} {
			for _, k := range []*uncite.Ranking{nil, {Limit: 3}, {Limit: 2, Evidence: 2}} {
				got, err := s.ResolutionWith(ctx, uncite.ResolutionQuery{Symbol: symbol, CitedBy: &q, CoCited: k})
				if err != nil {
					t.Fatalf("%s %+v %+v: %v", symbol, q, k, err)
				}
				want := *alone
				pages, err := s.DocumentPages(ctx, []uncite.DocumentQuery{q})
				if err != nil {
					t.Fatal(err)
				}
				want.CitedBy = &pages[0]
				if k != nil {
					ranked, err := s.CoCited(ctx, []string{symbol}, k.Limit, k.Evidence)
					if err != nil {
						t.Fatal(err)
					}
					want.CoCited = &uncite.CoCitedRanking{Ranking: *k, CoCitations: ranked[symbol]}
				}
				if !reflect.DeepEqual(got, &want) {
					t.Errorf("%s %+v %+v:\n got %+v\nwant %+v", symbol, q, k, got, &want)
				}
			}
		}
	}
	if _, err := s.ResolutionWith(ctx, uncite.ResolutionQuery{Symbol: "S/RES/1 (2099)", CoCited: &uncite.Ranking{Limit: 3}}); uncite.ErrorCode(err) != uncite.ENOTFOUND {
		t.Errorf("absent resolution: %v, want not found", err)
	}
	other := uncite.DocumentQuery{Filter: uncite.DocumentFilter{Cites: r822, Author: "AZE"}, Page: uncite.Page{Limit: 5}}
	for _, q := range []uncite.ResolutionQuery{
		{Symbol: r822, CitedBy: &other},
		{Symbol: r822, CitedBy: &uncite.DocumentQuery{Filter: uncite.DocumentFilter{Cites: r822}, Page: uncite.Page{Limit: -1}}},
		{Symbol: r822, CoCited: &uncite.Ranking{Limit: uncite.MaxPageSize + 1}},
	} {
		if _, err := s.ResolutionWith(ctx, q); uncite.ErrorCode(err) != uncite.EINVALID {
			t.Errorf("%+v: %v, want invalid", q, err)
		}
	}
}

func writeRejectsDocumentWithoutID(t *testing.T, open Opener) {
	s := open(t)
	_, err := s.WriteDocuments(context.Background(), []*uncite.Document{Letter(), {Title: "no id"}})
	if uncite.ErrorCode(err) != uncite.EINVALID {
		t.Errorf("error %v, want invalid", err)
	}
	if _, n, err := s.Documents(context.Background(), uncite.DocumentFilter{}, uncite.Page{}); err != nil || n != 0 {
		t.Errorf("a rejected batch wrote %d documents (%v)", n, err)
	}
}
