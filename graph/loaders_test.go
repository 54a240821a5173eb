package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/sample"
	"github.com/uncite/uncite/server"
	"github.com/uncite/uncite/storetest"
)

// countingStore counts every call to the store, so that the tests see each
// round trip a resolver adds. It wraps the store rather than embedding it:
// a method added to uncite.Store then fails to compile here instead of
// slipping through uncounted.
type countingStore struct {
	s     uncite.Store
	mu    sync.Mutex
	calls map[string]int
	// queries are the listings asked of DocumentPages, in order.
	queries []uncite.DocumentQuery
}

var _ uncite.Store = (*countingStore)(nil)

func (c *countingStore) count(name string) {
	c.mu.Lock()
	c.calls[name]++
	c.mu.Unlock()
}

// reset starts a new count and returns the finished one.
func (c *countingStore) reset() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	calls := c.calls
	c.calls, c.queries = map[string]int{}, nil
	return calls
}

func (c *countingStore) WriteDocuments(ctx context.Context, docs []*uncite.Document) (int, error) {
	c.count("WriteDocuments")
	return c.s.WriteDocuments(ctx, docs)
}
func (c *countingStore) Document(ctx context.Context, id string) (*uncite.Document, error) {
	c.count("Document")
	return c.s.Document(ctx, id)
}
func (c *countingStore) Documents(ctx context.Context, f uncite.DocumentFilter, p uncite.Page) ([]*uncite.Document, int, error) {
	c.count("Documents")
	return c.s.Documents(ctx, f, p)
}
func (c *countingStore) DocumentPages(ctx context.Context, qs []uncite.DocumentQuery) ([]uncite.DocumentPage, error) {
	c.count("DocumentPages")
	c.mu.Lock()
	c.queries = append(c.queries, qs...)
	c.mu.Unlock()
	return c.s.DocumentPages(ctx, qs)
}
func (c *countingStore) Resolution(ctx context.Context, s string) (*uncite.Resolution, error) {
	c.count("Resolution")
	return c.s.Resolution(ctx, s)
}
func (c *countingStore) ResolutionWith(ctx context.Context, q uncite.ResolutionQuery) (*uncite.Resolution, error) {
	c.count("ResolutionWith")
	if q.CitedBy != nil {
		c.mu.Lock()
		c.queries = append(c.queries, *q.CitedBy)
		c.mu.Unlock()
	}
	return c.s.ResolutionWith(ctx, q)
}
func (c *countingStore) Resolutions(ctx context.Context, f uncite.ResolutionFilter, o uncite.ResolutionOrder, p uncite.Page) ([]*uncite.Resolution, int, error) {
	c.count("Resolutions")
	return c.s.Resolutions(ctx, f, o, p)
}
func (c *countingStore) State(ctx context.Context, code string) (*uncite.State, error) {
	c.count("State")
	return c.s.State(ctx, code)
}
func (c *countingStore) States(ctx context.Context, p uncite.Page) ([]*uncite.State, int, error) {
	c.count("States")
	return c.s.States(ctx, p)
}
func (c *countingStore) Session(ctx context.Context, body string, n int) (*uncite.Session, error) {
	c.count("Session")
	return c.s.Session(ctx, body, n)
}
func (c *countingStore) AgendaItemsBySession(ctx context.Context, keys []string) (map[string][]uncite.AgendaItem, error) {
	c.count("AgendaItemsBySession")
	return c.s.AgendaItemsBySession(ctx, keys)
}
func (c *countingStore) DocumentsByID(ctx context.Context, ids []string) (map[string]*uncite.Document, error) {
	c.count("DocumentsByID")
	return c.s.DocumentsByID(ctx, ids)
}
func (c *countingStore) ResolutionsBySymbol(ctx context.Context, s []string) (map[string]*uncite.Resolution, error) {
	c.count("ResolutionsBySymbol")
	return c.s.ResolutionsBySymbol(ctx, s)
}
func (c *countingStore) SessionsByKey(ctx context.Context, keys []string) (map[string]*uncite.Session, error) {
	c.count("SessionsByKey")
	return c.s.SessionsByKey(ctx, keys)
}
func (c *countingStore) CoCited(ctx context.Context, symbols []string, limit, evidence int) (map[string][]uncite.CoCitation, error) {
	c.count("CoCited")
	return c.s.CoCited(ctx, symbols, limit, evidence)
}
func (c *countingStore) Coupled(ctx context.Context, ids []string, limit, evidence int) (map[string][]uncite.Coupling, error) {
	c.count("Coupled")
	return c.s.Coupled(ctx, ids, limit, evidence)
}
func (c *countingStore) ResolutionFacets(ctx context.Context, symbols []string) (map[string]*uncite.Facets, error) {
	c.count("ResolutionFacets")
	return c.s.ResolutionFacets(ctx, symbols)
}
func (c *countingStore) MostCitedBy(ctx context.Context, states []string, limit int) (map[string][]uncite.ResolutionCount, error) {
	c.count("MostCitedBy")
	return c.s.MostCitedBy(ctx, states, limit)
}
func (c *countingStore) TopCited(ctx context.Context, body string, year, limit int) ([]uncite.ResolutionCount, error) {
	c.count("TopCited")
	return c.s.TopCited(ctx, body, year, limit)
}
func (c *countingStore) Neighborhood(ctx context.Context, id string, depth, limit int) (*uncite.Subgraph, error) {
	c.count("Neighborhood")
	return c.s.Neighborhood(ctx, id, depth, limit)
}
func (c *countingStore) FilterSubgraph(ctx context.Context, f uncite.DocumentFilter, limit int) (*uncite.Subgraph, error) {
	c.count("FilterSubgraph")
	return c.s.FilterSubgraph(ctx, f, limit)
}
func (c *countingStore) Paths(ctx context.Context, from, to string, maxHops int) ([]uncite.Path, error) {
	c.count("Paths")
	return c.s.Paths(ctx, from, to, maxHops)
}
func (c *countingStore) Search(ctx context.Context, query string, p uncite.Page) ([]*uncite.Document, int, error) {
	c.count("Search")
	return c.s.Search(ctx, query, p)
}
func (c *countingStore) Ping(ctx context.Context) error {
	c.count("Ping")
	return c.s.Ping(ctx)
}
func (c *countingStore) Close(ctx context.Context) error {
	c.count("Close")
	return c.s.Close(ctx)
}

// sampleServer serves the sample corpus from the embedded store through a
// countingStore, and returns the store too, for the answers of direct calls.
func sampleServer(t *testing.T) (*countingStore, *memstore.Store, string) {
	t.Helper()
	mem := memstore.New()
	if _, err := (&loader.Loader{Store: mem}).LoadFS(context.Background(), sample.Docs()); err != nil {
		t.Fatal(err)
	}
	store := &countingStore{s: mem, calls: map[string]int{}}
	// A generous batch window keeps the count independent of how the
	// scheduler interleaves resolvers on a busy machine. Pages of 40 cost
	// more than the default limit allows; these tests count store calls.
	// The default deadline (4 s) would time every query of these tests,
	// which fail under load when it passes: a minute is a backstop only.
	srv := httptest.NewServer(server.Handler(store, server.Config{BatchWait: 100 * time.Millisecond, MaxComplexity: 1 << 30, Timeout: time.Minute}))
	t.Cleanup(srv.Close)
	return store, mem, srv.URL
}

// query runs q with first: n and decodes its data into out.
func query(t *testing.T, url, q string, n int, out any) {
	t.Helper()
	body := storetest.Query(t, url, q, map[string]any{"n": n})
	var resp struct {
		Data   json.RawMessage
		Errors []any
	}
	if err := json.Unmarshal([]byte(body), &resp); err != nil || resp.Errors != nil {
		t.Fatalf("first %d: unexpected response %.300s", n, body)
	}
	if err := json.Unmarshal(resp.Data, out); err != nil {
		t.Fatal(err)
	}
}

func TestDocumentPageMakesConstantStoreCalls(t *testing.T) {
	store, _, url := sampleServer(t)
	const q = `query($n: Int) { documents(first: $n) { nodes {
		id author { name } mentions { code } session { number startDate endDate }
		agendaItems { number session { number } }
		citations { count resolution { symbol citationCount document { id } } } } } }`
	for _, n := range []int{5, 40} {
		store.reset()
		body := storetest.Query(t, url, q, map[string]any{"n": n})
		if strings.Contains(body, `"errors"`) || strings.Count(body, `"citations"`) != n {
			t.Fatalf("first %d: unexpected response %.300s", n, body)
		}
		// One listing, then one batch per loader: sessions and resolutions
		// of the page's documents, and the resolutions' own documents.
		want := map[string]int{"DocumentPages": 1, "SessionsByKey": 1, "ResolutionsBySymbol": 1, "DocumentsByID": 1}
		checkCalls(t, n, store.reset(), want)
	}
}

// parentLists select, on each parent of a list, the fields that would
// otherwise ask the store once per parent. want bounds the store calls, one
// per loader and level of nesting whatever the page size.
var parentLists = []struct {
	name, query string
	want        map[string]int
}{
	{
		name: "resolutions",
		query: `query($n: Int) { resolutions(first: $n) { nodes { symbol
			citedBy(first: 3) { totalCount nodes { id } }
			coCited(first: 3) { count resolution { symbol known } documents { id } }
			facets { byYear { year count } byState { state { code } count }
				bySession { session { number } agendaItem { number title } count } } } } }`,
		// The co-cited resolutions and the facets' sessions and agenda
		// items are a level further down, one batch each.
		want: map[string]int{"Resolutions": 1, "DocumentPages": 1, "CoCited": 1, "ResolutionFacets": 1,
			"ResolutionsBySymbol": 1, "DocumentsByID": 1, "SessionsByKey": 1, "AgendaItemsBySession": 1},
	},
	{
		name: "states",
		query: `query($n: Int) { states(first: $n) { nodes { code
			authored(first: 2) { totalCount nodes { id } }
			mentionedIn(first: 2) { totalCount nodes { id } }
			mostCited(first: 3) { count resolution { symbol citationCount } } } } }`,
		// authored and mentionedIn share one batch of listings.
		want: map[string]int{"States": 1, "DocumentPages": 1, "MostCitedBy": 1, "ResolutionsBySymbol": 1},
	},
	{
		name: "sessions",
		query: `query($n: Int) { documents(first: $n) { nodes { id session { body { code } number
			documents(first: 2) { totalCount nodes { id } }
			agendaItems { number title documents(first: 2) { totalCount nodes { id } } } } } } }`,
		// The listing, then the sessions' documents and their agenda
		// items' documents, two levels which may or may not share a batch.
		want: map[string]int{"SessionsByKey": 1, "DocumentPages": 3, "AgendaItemsBySession": 1},
	},
	{
		name: "coupled documents",
		query: `query($n: Int) { documents(first: $n) { nodes { id
			coupled(first: 3) { count document { id } shared { symbol } } } } }`,
		want: map[string]int{"DocumentPages": 1, "Coupled": 1, "DocumentsByID": 1, "ResolutionsBySymbol": 1},
	},
}

func TestParentListsMakeConstantStoreCalls(t *testing.T) {
	store, _, url := sampleServer(t)
	for _, c := range parentLists {
		t.Run(c.name, func(t *testing.T) {
			for _, n := range []int{5, 40} {
				store.reset()
				var data any
				query(t, url, c.query, n, &data)
				calls := store.reset()
				checkCalls(t, n, calls, c.want)
				// Every method the bound names must be the one that
				// answered, or the bound proves nothing.
				for name := range c.want {
					if n == 40 && calls[name] == 0 {
						t.Errorf("first %d: no call to %s %v", n, name, calls)
					}
				}
			}
		})
	}
}

// checkCalls holds the store calls of a page of n parents to want, which
// does not depend on n.
func checkCalls(t *testing.T, n int, calls, want map[string]int) {
	t.Helper()
	total, limit := 0, 0
	for _, k := range want {
		limit += k
	}
	for name, k := range calls {
		total += k
		if k > want[name] {
			t.Errorf("first %d: %d calls to %s, want at most %d", n, k, name, want[name])
		}
	}
	if total > limit {
		t.Errorf("first %d: %d store calls %v, want at most %d whatever the page size", n, total, calls, limit)
	}
	t.Logf("first %d: store calls %v", n, calls)
}

// The shapes below decode the parent lists' answers; the tests build the
// same shapes from direct calls to the store, one target at a time.
type (
	nodeID   struct{ ID string }
	symbolOf struct{ Symbol string }
	docPage  struct {
		TotalCount int
		Nodes      []nodeID
	}
	coCited struct {
		Count      int
		Resolution symbolOf
		Documents  []nodeID
	}
	facets struct {
		ByYear    []struct{ Year, Count int }
		ByState   []stateCount
		BySession []sessionCount
	}
	stateCount struct {
		State struct{ Code string }
		Count int
	}
	sessionCount struct {
		Session    struct{ Number int }
		AgendaItem *agendaItem
		Count      int
	}
	agendaItem struct {
		Number string
		Title  *string
	}
	resolutionCount struct {
		Count      int
		Resolution symbolOf
	}
	coupling struct {
		Count    int
		Document nodeID
		Shared   []symbolOf
	}
)

// pageOf is what a connection field shows of a listing.
func pageOf(t *testing.T, mem *memstore.Store, f uncite.DocumentFilter, limit int) docPage {
	t.Helper()
	docs, total, err := mem.Documents(context.Background(), f, uncite.Page{Limit: limit})
	if err != nil {
		t.Fatal(err)
	}
	return docPage{TotalCount: total, Nodes: mapped(docs, func(d *uncite.Document) nodeID { return nodeID{d.ID} })}
}

// must stops the test at a store error.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// mapped converts a list, never nil: JSON's empty lists decode as empty.
func mapped[T, U any](s []T, f func(T) U) []U {
	out := make([]U, len(s))
	for i, x := range s {
		out[i] = f(x)
	}
	return out
}

func ids(ids []string) []nodeID {
	return mapped(ids, func(id string) nodeID { return nodeID{id} })
}

// compare checks that each parent's answer in the batched response equals
// the one built from direct calls, and that some parent has an answer
// that shows, so that empty answers cannot pass for right ones.
func compare[T any](t *testing.T, what string, got []T, want func(T) T, shows func(T) bool) {
	t.Helper()
	if !slices.ContainsFunc(got, shows) {
		t.Errorf("%s: no parent with an answer to compare", what)
	}
	for _, g := range got {
		if w := want(g); !reflect.DeepEqual(g, w) {
			t.Errorf("%s\n got: %+v\nwant: %+v", what, g, w)
		}
	}
}

func TestParentListsAnswerAsSingleCalls(t *testing.T) {
	_, mem, url := sampleServer(t)
	ctx := context.Background()
	const n = 40

	type resolution struct {
		Symbol  string
		CitedBy docPage
		CoCited []coCited
		Facets  facets
	}
	var rs struct{ Resolutions struct{ Nodes []resolution } }
	query(t, url, parentLists[0].query, n, &rs)
	compare(t, "resolution", rs.Resolutions.Nodes, func(r resolution) resolution {
		co, err := mem.CoCited(ctx, []string{r.Symbol}, 3, 5)
		must(t, err)
		f, err := mem.ResolutionFacets(ctx, []string{r.Symbol})
		must(t, err)
		return resolution{
			Symbol:  r.Symbol,
			CitedBy: pageOf(t, mem, uncite.DocumentFilter{Cites: r.Symbol}, 3),
			CoCited: mapped(co[r.Symbol], func(c uncite.CoCitation) coCited {
				return coCited{Count: c.Count, Resolution: symbolOf{c.Symbol}, Documents: ids(c.Documents)}
			}),
			Facets: facetsOf(t, mem, f[r.Symbol]),
		}
	}, func(r resolution) bool {
		return len(r.CitedBy.Nodes) > 0 && len(r.CoCited) > 0 &&
			slices.ContainsFunc(r.Facets.BySession, func(s sessionCount) bool { return s.AgendaItem != nil })
	})

	type state struct {
		Code        string
		Authored    docPage
		MentionedIn docPage
		MostCited   []resolutionCount
	}
	var ss struct{ States struct{ Nodes []state } }
	query(t, url, parentLists[1].query, n, &ss)
	compare(t, "state", ss.States.Nodes, func(s state) state {
		most, err := mem.MostCitedBy(ctx, []string{s.Code}, 3)
		must(t, err)
		return state{
			Code:        s.Code,
			Authored:    pageOf(t, mem, uncite.DocumentFilter{Author: s.Code}, 2),
			MentionedIn: pageOf(t, mem, uncite.DocumentFilter{Mentions: s.Code}, 2),
			MostCited: mapped(most[s.Code], func(c uncite.ResolutionCount) resolutionCount {
				return resolutionCount{Count: c.Count, Resolution: symbolOf{c.Symbol}}
			}),
		}
	}, func(s state) bool {
		return len(s.Authored.Nodes) > 0 && len(s.MentionedIn.Nodes) > 0 && len(s.MostCited) > 0
	})

	type item struct {
		Number    string
		Title     *string
		Documents docPage
	}
	type session struct {
		Body        struct{ Code string }
		Number      int
		Documents   docPage
		AgendaItems []item
	}
	var ds struct {
		Documents struct {
			Nodes []struct {
				ID      string
				Session *session
			}
		}
	}
	query(t, url, parentLists[2].query, n, &ds)
	var sessions []session
	for _, d := range ds.Documents.Nodes {
		if d.Session != nil {
			sessions = append(sessions, *d.Session)
		}
	}
	compare(t, "session", sessions, func(s session) session {
		f := uncite.DocumentFilter{Body: s.Body.Code, Session: s.Number}
		key := uncite.SessionKey(f.Body, f.Session)
		items, err := mem.AgendaItemsBySession(ctx, []string{key})
		must(t, err)
		s.Documents = pageOf(t, mem, f, 2)
		s.AgendaItems = mapped(items[key], func(a uncite.AgendaItem) item {
			f := f
			f.AgendaItem = a.Number
			return item{Number: a.Number, Title: orNull(a.Title), Documents: pageOf(t, mem, f, 2)}
		})
		return s
	}, func(s session) bool {
		return len(s.Documents.Nodes) > 0 && len(s.AgendaItems) > 0 && len(s.AgendaItems[0].Documents.Nodes) > 0
	})

	type document struct {
		ID      string
		Coupled []coupling
	}
	var cs struct{ Documents struct{ Nodes []document } }
	query(t, url, parentLists[3].query, n, &cs)
	compare(t, "coupled", cs.Documents.Nodes, func(d document) document {
		coupled, err := mem.Coupled(ctx, []string{d.ID}, 3, 5)
		must(t, err)
		return document{ID: d.ID, Coupled: mapped(coupled[d.ID], func(c uncite.Coupling) coupling {
			return coupling{Count: c.Count, Document: nodeID{c.DocumentID},
				Shared: mapped(c.Shared, func(s string) symbolOf { return symbolOf{s} })}
		})}
	}, func(d document) bool { return len(d.Coupled) > 0 && len(d.Coupled[0].Shared) > 0 })
}

// facetsOf is what the facets field shows of f; an agenda item is titled
// from its session's agenda.
func facetsOf(t *testing.T, mem *memstore.Store, f *uncite.Facets) facets {
	t.Helper()
	out := facets{
		ByYear: mapped(f.ByYear, func(y uncite.YearCount) struct{ Year, Count int } { return struct{ Year, Count int }{y.Year, y.Count} }),
		ByState: mapped(f.ByState, func(s uncite.StateCount) stateCount {
			c := stateCount{Count: s.Count}
			c.State.Code = s.State
			return c
		}),
	}
	out.BySession = mapped(f.BySession, func(s uncite.SessionItemCount) sessionCount {
		c := sessionCount{Count: s.Count}
		c.Session.Number = s.Session
		if s.AgendaItem != "" {
			key := uncite.SessionKey(s.Body, s.Session)
			agenda, err := mem.AgendaItemsBySession(context.Background(), []string{key})
			must(t, err)
			items := agenda[key]
			i := slices.IndexFunc(items, func(a uncite.AgendaItem) bool { return a.Number == s.AgendaItem })
			c.AgendaItem = &agendaItem{Number: s.AgendaItem, Title: orNull(items[i].Title)}
		}
		return c
	})
	return out
}

func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// A resolution with its citing documents and its co-citations is one store
// call, and answers as the same fields read each on its own do: selected
// twice, under two aliases, a field is no longer carried on the resolution
// but loaded.
func TestResolutionWithItsListingsIsOneStoreCall(t *testing.T) {
	store, _, url := sampleServer(t)
	const symbol = `"S/RES/822 (1993)"`
	fields := map[string]string{
		"citedBy": `citedBy(first: 2) { totalCount nodes { id date author { code } } }`,
		"coCited": `coCited(first: 3) { count resolution { symbol } }`,
	}
	for _, names := range [][]string{{"citedBy"}, {"coCited"}, {"citedBy", "coCited"}} {
		var once, twice string
		for _, name := range names {
			once += " " + fields[name]
			twice += " " + name + ": " + fields[name] + " again_" + name + ": " + fields[name]
		}
		store.reset()
		var one, apart map[string]map[string]any
		query(t, url, `{ resolution(symbol: `+symbol+`) { symbol citationCount`+once+` } }`, 0, &one)
		if calls := store.reset(); !maps.Equal(calls, map[string]int{"ResolutionWith": 1}) {
			t.Errorf("%v: store calls %v, want one ResolutionWith", names, calls)
		}
		query(t, url, `{ resolution(symbol: `+symbol+`) { symbol citationCount`+twice+` } }`, 0, &apart)
		if calls := store.reset(); calls["ResolutionWith"] != 0 {
			t.Errorf("%v twice: store calls %v, want the fields loaded", names, calls)
		}
		for _, name := range names {
			got, want := fmt.Sprint(one["resolution"][name]), fmt.Sprint(apart["resolution"][name])
			if got != want || want != fmt.Sprint(apart["resolution"]["again_"+name]) || len(got) < 20 {
				t.Errorf("%v: %s read with the resolution is %s, on its own %s", names, name, got, want)
			}
		}
	}
}
