package storetest

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/uncite/uncite"
)

// RunRelations checks the rankings and breakdowns of citations:
// co-citation, bibliographic coupling, facets, a State's most cited
// resolutions, the most cited overall, and resolutions cited in a session.
func RunRelations(t *testing.T, open Opener) {
	run(t, open, []namedCase{
		{"co-cited and coupled", coCitedAndCoupledInFixture},
		{"resolution facets", resolutionFacets},
		{"most cited and top cited", mostCitedAndTopCitedInFixture},
		{"resolutions cited in a session", resolutionsCitedInSession},
		{"co-cited in the cluster", coCitedInCluster},
		{"coupled in the cluster", coupledInCluster},
		{"facets and rankings of the cluster", facetsAndRankingsOfCluster},
	})
}

func coCitedAndCoupledInFixture(t *testing.T, open Opener) {
	s := opened(t, open, Fixture()...)
	ctx := context.Background()

	for _, c := range []struct {
		symbol          string
		limit, evidence int
		want            []uncite.CoCitation
	}{
		// 822 is cited by d1, d2 and d3: 853 by d1, d2; 874 by d2, d3; 60/251 by d2.
		{r822, 10, 10, []uncite.CoCitation{
			{Symbol: r853, Count: 2, Documents: []string{d1ID, d2ID}},
			{Symbol: r874, Count: 2, Documents: []string{d2ID, d3ID}},
			{Symbol: r251, Count: 1, Documents: []string{d2ID}},
		}},
		{r822, 2, 1, []uncite.CoCitation{
			{Symbol: r853, Count: 2, Documents: []string{d1ID}},
			{Symbol: r874, Count: 2, Documents: []string{d2ID}},
		}},
		{r822, 1, 0, []uncite.CoCitation{{Symbol: r853, Count: 2}}},
		{r822, 10, 0, []uncite.CoCitation{{Symbol: r853, Count: 2}, {Symbol: r874, Count: 2}, {Symbol: r251, Count: 1}}},
		{r853, 2, 0, []uncite.CoCitation{{Symbol: r822, Count: 2}, {Symbol: r251, Count: 1}}}, // 251 and 874 tie
		{r822, 0, 5, nil},
		{r822, 0, 0, nil},
		{r812, 10, 10, nil}, // its one citing document cites nothing else
		{r853, 10, 1, []uncite.CoCitation{{Symbol: r822, Count: 2, Documents: []string{d1ID}},
			{Symbol: r251, Count: 1, Documents: []string{d2ID}}, {Symbol: r874, Count: 1, Documents: []string{d2ID}}}},
	} {
		got, err := s.CoCited(ctx, []string{c.symbol}, c.limit, c.evidence)
		if want := map[string][]uncite.CoCitation{c.symbol: c.want}; err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("CoCited(%s, %d, %d) = %+v, %v; want %+v", c.symbol, c.limit, c.evidence, got, err, c.want)
		}
	}

	for _, c := range []struct {
		id              string
		limit, evidence int
		want            []uncite.Coupling
	}{
		// d1 cites 822 and 853: d2 cites both, d3 only 822.
		{d1ID, 10, 10, []uncite.Coupling{
			{DocumentID: d2ID, Count: 2, Shared: []string{r822, r853}},
			{DocumentID: d3ID, Count: 1, Shared: []string{r822}},
		}},
		{d1ID, 1, 1, []uncite.Coupling{{DocumentID: d2ID, Count: 2, Shared: []string{r822}}}},
		// d3 cites 822 and 874: d2 both, d1 only 822.
		{d3ID, 10, 0, []uncite.Coupling{{DocumentID: d2ID, Count: 2}, {DocumentID: d1ID, Count: 1}}},
		{r822, 10, 10, nil},
	} {
		got, err := s.Coupled(ctx, []string{c.id}, c.limit, c.evidence)
		if want := map[string][]uncite.Coupling{c.id: c.want}; err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Coupled(%s, %d, %d) = %+v, %v; want %+v", c.id, c.limit, c.evidence, got, err, c.want)
		}
	}

	// Many targets in one call, an absent one among them, answer as one
	// call each.
	co, err := s.CoCited(ctx, []string{r853, "S/RES/1 (2099)", r812, r822, r853}, 1, 1)
	if want := map[string][]uncite.CoCitation{
		r822: {{Symbol: r853, Count: 2, Documents: []string{d1ID}}},
		r853: {{Symbol: r822, Count: 2, Documents: []string{d1ID}}},
		r812: nil,
	}; err != nil || !reflect.DeepEqual(co, want) {
		t.Errorf("CoCited of several = %+v, %v; want %+v", co, err, want)
	}
	coupled, err := s.Coupled(ctx, []string{"nope", d3ID, d1ID}, 10, 0)
	if want := map[string][]uncite.Coupling{
		d1ID: {{DocumentID: d2ID, Count: 2}, {DocumentID: d3ID, Count: 1}},
		d3ID: {{DocumentID: d2ID, Count: 2}, {DocumentID: d1ID, Count: 1}},
	}; err != nil || !reflect.DeepEqual(coupled, want) {
		t.Errorf("Coupled of several = %+v, %v; want %+v", coupled, err, want)
	}
	for _, bad := range [][2]int{{-1, 1}, {1, -1}, {uncite.MaxPageSize + 1, 1}, {1, uncite.MaxPageSize + 1}} {
		if _, err := s.CoCited(ctx, []string{r822}, bad[0], bad[1]); uncite.ErrorCode(err) != uncite.EINVALID {
			t.Errorf("CoCited limit %d, evidence %d: error %v, want invalid", bad[0], bad[1], err)
		}
		if _, err := s.Coupled(ctx, []string{d1ID}, bad[0], bad[1]); uncite.ErrorCode(err) != uncite.EINVALID {
			t.Errorf("Coupled limit %d, evidence %d: error %v, want invalid", bad[0], bad[1], err)
		}
	}
}

func resolutionFacets(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	const x = "A/HRC/RES/40/1"
	doc := func(id, date, author string, session int, items ...string) *uncite.Document {
		d := &uncite.Document{ID: id, Date: date, Author: author, Body: uncite.BodyHRC, Session: session,
			Citations: []uncite.Citation{cite(x, 1)}}
		for _, n := range items {
			d.AgendaItems = append(d.AgendaItems, uncite.AgendaItem{Number: n})
		}
		return d
	}
	write(t, s,
		doc("f1", "2019-02-01", "FRA", 40, "1", "2"),
		doc("f2", "2019-03-01", "DEU", 40, "2"),
		doc("f3", "2018-01-01", "FRA", 41),
		doc("f4", "", "AUT", 40, "2", "2"), // an item twice still counts the document once
		doc("f5", "2018-12-31", "DEU", 0),  // no session
		doc("f6", "2019-05-05", "FRA", 40),
		doc("f7", "", "BEL", 9),
		doc("f9", "0000-01-01", "XXX", 0), // neither a year nor a State of the tables
		// No body, so no session either.
		&uncite.Document{ID: "f8", Date: "2020-01-01", Session: 40, Citations: []uncite.Citation{cite(x, 1)}},
		&uncite.Document{ID: "other", Date: "2019-01-01", Author: "FRA", Body: uncite.BodyHRC, Session: 40,
			Citations: []uncite.Citation{cite(r822, 1)}},
	)

	got, err := s.ResolutionFacets(ctx, []string{x, "S/RES/1 (2099)"})
	want := &uncite.Facets{
		ByYear: []uncite.YearCount{{Year: 2018, Count: 2}, {Year: 2019, Count: 3}, {Year: 2020, Count: 1}},
		// Most first, ties by code.
		ByState: []uncite.StateCount{{State: "FRA", Count: 3}, {State: "DEU", Count: 2}, {State: "AUT", Count: 1}, {State: "BEL", Count: 1}},
		// Most first, ties by body, session number (9 before 40) and item.
		BySession: []uncite.SessionItemCount{
			{Body: "HRC", Session: 40, AgendaItem: "2", Count: 3},
			{Body: "HRC", Session: 9, AgendaItem: "", Count: 1},
			{Body: "HRC", Session: 40, AgendaItem: "", Count: 1},
			{Body: "HRC", Session: 40, AgendaItem: "1", Count: 1},
			{Body: "HRC", Session: 41, AgendaItem: "", Count: 1},
		},
	}
	// The absent resolution is left out.
	if err != nil || len(got) != 1 || !reflect.DeepEqual(got[x], want) {
		t.Errorf("facets\n got %+v, %v\nwant %+v", got, err, want)
	}
	// A resolution only its own document names has nothing to break down.
	write(t, s, &uncite.Document{ID: "r", Symbol: "A/HRC/RES/41/1"})
	if got, err := s.ResolutionFacets(ctx, []string{"A/HRC/RES/41/1"}); err != nil || !reflect.DeepEqual(got, map[string]*uncite.Facets{"A/HRC/RES/41/1": {}}) {
		t.Errorf("facets of an uncited resolution: %+v, %v; want empty", got, err)
	}
}

func mostCitedAndTopCitedInFixture(t *testing.T, open Opener) {
	s := opened(t, open, Fixture()...)
	ctx := context.Background()

	for _, c := range []struct {
		state string
		limit int
		want  []uncite.ResolutionCount
	}{
		// ARM wrote d1 (822, 853) and d3 (822, 874).
		{"ARM", 10, []uncite.ResolutionCount{{Symbol: r822, Count: 2}, {Symbol: r853, Count: 1}, {Symbol: r874, Count: 1}}},
		{"ARM", 1, []uncite.ResolutionCount{{Symbol: r822, Count: 2}}},
		{"AZE", 10, []uncite.ResolutionCount{{Symbol: r251, Count: 1}, {Symbol: r822, Count: 1}, {Symbol: r853, Count: 1}, {Symbol: r874, Count: 1}}},
		{"FRA", 10, nil},
	} {
		got, err := s.MostCitedBy(ctx, []string{c.state}, c.limit)
		if want := map[string][]uncite.ResolutionCount{c.state: c.want}; err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("MostCitedBy(%s, %d) = %+v, %v; want %+v", c.state, c.limit, got, err, want)
		}
	}
	// XXX is no State of the reference tables.
	most, err := s.MostCitedBy(ctx, []string{"XXX", "FRA", "ARM"}, 1)
	if want := map[string][]uncite.ResolutionCount{"FRA": nil, "ARM": {{Symbol: r822, Count: 2}}}; err != nil || !reflect.DeepEqual(most, want) {
		t.Errorf("MostCitedBy of several = %+v, %v; want %+v", most, err, want)
	}

	for _, c := range []struct {
		body        string
		year, limit int
		want        []uncite.ResolutionCount
	}{
		{"", 0, 10, []uncite.ResolutionCount{{Symbol: r822, Count: 3}, {Symbol: r853, Count: 2}, {Symbol: r874, Count: 2},
			{Symbol: r251, Count: 1}, {Symbol: r812, Count: 1}}},
		{"", 0, 2, []uncite.ResolutionCount{{Symbol: r822, Count: 3}, {Symbol: r853, Count: 2}}},
		{"GA", 0, 10, []uncite.ResolutionCount{{Symbol: r251, Count: 1}}},
		// Dated 2020: d1 (822, 853) and d3 (822, 874).
		{"SC", 2020, 10, []uncite.ResolutionCount{{Symbol: r822, Count: 2}, {Symbol: r853, Count: 1}, {Symbol: r874, Count: 1}}},
		{"", 2021, 10, []uncite.ResolutionCount{{Symbol: r251, Count: 1}, {Symbol: r822, Count: 1}, {Symbol: r853, Count: 1}, {Symbol: r874, Count: 1}}},
		{"GA", 2020, 10, nil},
		{"SC", 1993, 10, []uncite.ResolutionCount{{Symbol: r812, Count: 1}}},
		{"HRC", 0, 10, nil},
		{"", 2022, 10, nil},
		{"XX", 0, 10, nil},
		{"", -1, 10, nil},
		{"", 10000, 10, nil},
	} {
		got, err := s.TopCited(ctx, c.body, c.year, c.limit)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("TopCited(%q, %d, %d) = %+v, %v; want %+v", c.body, c.year, c.limit, got, err, c.want)
		}
	}
	for _, limit := range []int{-1, uncite.MaxPageSize + 1} {
		if _, err := s.TopCited(ctx, "", 0, limit); uncite.ErrorCode(err) != uncite.EINVALID {
			t.Errorf("TopCited limit %d: error %v, want invalid", limit, err)
		}
	}
	if _, err := s.MostCitedBy(ctx, []string{"ARM"}, -1); uncite.ErrorCode(err) != uncite.EINVALID {
		t.Errorf("MostCitedBy limit -1: error %v, want invalid", err)
	}
}

func resolutionsCitedInSession(t *testing.T, open Opener) {
	s := opened(t, open, Fixture()...)
	ctx := context.Background()
	for _, c := range []struct {
		f    uncite.ResolutionFilter
		want []string
	}{
		{uncite.ResolutionFilter{CitedInSession: "HRC-43"}, []string{r251, r822, r853, r874}},
		// Each filter is a condition of its own: 874 is cited by ARM (d3)
		// and, in another document, in HRC-43 (d2).
		{uncite.ResolutionFilter{CitedInSession: "HRC-43", Body: uncite.BodySC, CitedBy: "ARM"}, []string{r822, r853, r874}},
		{uncite.ResolutionFilter{CitedInSession: "HRC-43", Body: uncite.BodyGA, CitedBy: "ARM"}, nil},
		{uncite.ResolutionFilter{CitedInSession: "HRC-44"}, nil},
	} {
		rs, total, err := s.Resolutions(ctx, c.f, uncite.OrderBySymbol, uncite.Page{Limit: 10})
		if got := symbols(rs); err != nil || !slices.Equal(got, c.want) || total != len(c.want) {
			t.Errorf("%+v: %v (total %d), %v; want %v", c.f, got, total, err, c.want)
		}
	}
}

func coCitedInCluster(t *testing.T, open Opener) {
	s := opened(t, open, cluster()...)
	ctx := context.Background()
	got, err := s.CoCited(ctx, []string{r822, "S/RES/1 (1946)"}, 10, 2)
	check(t, "co-cited with 822, the unknown resolution left out", got, err, map[string][]uncite.CoCitation{r822: {
		{Symbol: r853, Count: 3, Documents: []string{"D1", "D3"}},
		{Symbol: r874, Count: 3, Documents: []string{"D1", "D2"}},
	}})
	got, err = s.CoCited(ctx, []string{r874}, 1, 0)
	check(t, "co-cited with 874, one, no evidence", got, err, map[string][]uncite.CoCitation{r874: {{Symbol: r822, Count: 3}}})
	if _, err := s.CoCited(ctx, []string{r822}, uncite.MaxPageSize+1, 0); uncite.ErrorCode(err) != uncite.EINVALID {
		t.Errorf("limit past the maximum: %v", err)
	}
}

func coupledInCluster(t *testing.T, open Opener) {
	s := opened(t, open, cluster()...)
	got, err := s.Coupled(context.Background(), []string{"D3", "nope"}, 10, 2)
	check(t, "coupled with D3, the unknown document left out", got, err, map[string][]uncite.Coupling{"D3": {
		{DocumentID: "D1", Count: 3, Shared: []string{r822, r853}},
		{DocumentID: "D2", Count: 2, Shared: []string{r822, r874}},
		{DocumentID: r884, Count: 2, Shared: []string{r822, r853}},
	}})
}

func facetsAndRankingsOfCluster(t *testing.T, open Opener) {
	s := opened(t, open, cluster()...)
	ctx := context.Background()
	f, err := s.ResolutionFacets(ctx, []string{r822})
	check(t, "facets of 822", f, err, map[string]*uncite.Facets{r822: {
		ByYear:  []uncite.YearCount{{Year: 1993, Count: 1}, {Year: 2020, Count: 1}, {Year: 2021, Count: 1}},
		ByState: []uncite.StateCount{{State: "AZE", Count: 2}, {State: "ARM", Count: 1}},
		BySession: []uncite.SessionItemCount{
			{Body: uncite.BodyHRC, Session: 43, AgendaItem: "", Count: 1},
			{Body: uncite.BodyHRC, Session: 43, AgendaItem: "4", Count: 1},
		},
	}})
	most, err := s.MostCitedBy(ctx, []string{"AZE", "FRA", "XXX"}, 2)
	check(t, "most cited by AZE, none by FRA, XXX no State", most, err, map[string][]uncite.ResolutionCount{
		"AZE": {{Symbol: r822, Count: 2}, {Symbol: r853, Count: 2}}, "FRA": nil})
	top, err := s.TopCited(ctx, "", 0, 10)
	check(t, "top cited", top, err, []uncite.ResolutionCount{{Symbol: r822, Count: 4}, {Symbol: r853, Count: 3}, {Symbol: r874, Count: 3}})
	top, err = s.TopCited(ctx, uncite.BodySC, 2020, 10)
	check(t, "top cited in 2020", top, err, []uncite.ResolutionCount{{Symbol: r822, Count: 1}, {Symbol: r853, Count: 1}, {Symbol: r874, Count: 1}})
	top, err = s.TopCited(ctx, uncite.BodyGA, 0, 10)
	check(t, "top cited of the GA", top, err, nil)
	res, n, err := s.Resolutions(ctx, uncite.ResolutionFilter{CitedInSession: "HRC-43"}, uncite.OrderByCitationCount, uncite.Page{Limit: 10})
	var symbols []string
	for _, r := range res {
		symbols = append(symbols, r.Symbol)
	}
	check(t, "cited in HRC-43", symbols, err, []string{r822, r853, r874})
	if n != 3 {
		t.Errorf("cited in HRC-43: total %d", n)
	}
}
