package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/server"
)

const (
	evidence = uncite.PartEvidence
)

// The store is asked for the parts of each document the selection reads,
// through fragments and aliases too, and for the total only when
// totalCount or hasNextPage shows it.
func TestListingsAreShapedBySelection(t *testing.T) {
	store, _, url := sampleServer(t)
	cases := []struct {
		query   string
		omit    uncite.DocumentParts
		noTotal bool
	}{
		{`{ documents(first: 3) { nodes { id date author { code } } } }`, uncite.AllParts &^ (uncite.PartDate | uncite.PartAuthor), true},
		{`{ documents(first: 3) { nodes { id symbol title type languages body { code } references file } } }`,
			uncite.AllParts &^ (uncite.PartSymbol | uncite.PartTitle | uncite.PartType | uncite.PartLanguages | uncite.PartBody | uncite.PartReferences | uncite.PartFile), true},
		{`{ documents(first: 3) { nodes { agendaItems { number } } } }`, uncite.AllParts &^ (uncite.PartBody | uncite.PartSession | uncite.PartAgenda), true},
		{`{ documents(first: 3) { nodes { id } } }`, uncite.AllParts, true},
		{`{ documents(first: 3) { totalCount nodes { id mentions { code } } } }`, uncite.PartCitations | evidence | uncite.PartDetails, false},
		{`{ documents(first: 3) { pageInfo { hasNextPage } edges { node { citations { count } } } } }`, evidence | uncite.PartMentions | uncite.PartDetails, false},
		{`{ documents(first: 3) { pageInfo { endCursor } nodes { title citations { contexts } } } }`, uncite.PartMentions | uncite.PartDetails&^uncite.PartTitle, true},
		{`{ documents(first: 3) { ...c } } fragment c on DocumentConnection { a: nodes { ... on Document { citations { verbs } } } }`, uncite.PartMentions | uncite.PartDetails, true},
		{`{ state(code: "AZE") { authored(first: 3) { nodes { id citations { resolution { symbol } } } } } }`, evidence | uncite.PartMentions | uncite.PartDetails, true},
		{`{ resolution(symbol: "S/RES/822 (1993)") { citedBy(first: 3) { totalCount nodes { id } } } }`, uncite.AllParts, false},
		{`{ resolution(symbol: "S/RES/822 (1993)") { citedBy(first: 3) { nodes { session { number } } } } }`, uncite.AllParts &^ (uncite.PartBody | uncite.PartSession), true},
	}
	for _, c := range cases {
		store.reset()
		if body := post(t, url, c.query); strings.Contains(body, `"errors"`) {
			t.Fatalf("%s: %s", c.query, body)
		}
		store.mu.Lock()
		qs := store.queries
		store.mu.Unlock()
		if len(qs) != 1 || qs[0].Omit != c.omit || qs[0].NoTotal != c.noTotal {
			t.Errorf("%s: asked %+v, want omit %b, noTotal %v", c.query, qs, c.omit, c.noTotal)
		}
	}
}

// A field outside any list has no sibling to share a batch with, and a
// document's citations prefetch what their resolutions show: with a batch
// wait of an hour, these queries answer only if nothing waits for a batch.
func TestFieldsOutsideListsDoNotWaitForBatches(t *testing.T) {
	_, mem, _ := sampleServer(t)
	// A minute's deadline, not the default 4 s, so that a busy machine is
	// not taken for a field waiting on a batch; post gives up after 30 s.
	srv := httptest.NewServer(server.Handler(mem, server.Config{BatchWait: time.Hour, Timeout: time.Minute}))
	t.Cleanup(srv.Close)
	for _, q := range []string{
		`{ resolution(symbol: "S/RES/822 (1993)") { symbol citationCount citedBy(first: 20) { totalCount nodes { id date author { code } } } } }`,
		`{ document(id: "000_1a7a508cbf762381") { id citations { count resolution { symbol citationCount citedBy(first: 5) { nodes { id } } } } } }`,
		`{ resolution(symbol: "S/RES/822 (1993)") { coCited(first: 10) { resolution { symbol } count } facets { byYear { year } } } }`,
		`{ state(code: "AZE") { code mostCited { count } authored(first: 20) { totalCount nodes { id citations { resolution { symbol } } } } } }`,
	} {
		if body := post(t, srv.URL, q); !strings.Contains(body, `{"data":{`) || strings.Contains(body, `"errors"`) {
			t.Errorf("%s: %s", q, body)
		}
	}
}

// post runs a query, failing the test after 30 s rather than waiting for
// a batch that never comes.
func post(t *testing.T, url, query string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	payload, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url+server.GraphQLPath, bytes.NewReader(payload))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}

// A document, the resolutions it cites and the first documents citing
// each are one store call, whose answer is that of the calls one level
// at a time.
func TestDocumentWithWhatItCitesIsOneStoreCall(t *testing.T) {
	store, mem, url := sampleServer(t)
	ctx := context.Background()
	const id = "000_1a7a508cbf762381"
	const q = `query($n: Int) { document(id: "` + id + `") { id citations { count resolution { symbol citationCount
		citedBy(first: $n) { totalCount nodes { id } } } } } }`
	type cited struct {
		Count      int
		Resolution struct {
			Symbol        string
			CitationCount int
			CitedBy       docPage
		}
	}
	var got struct{ Document struct{ Citations []cited } }
	store.reset()
	query(t, url, q, 2, &got)
	if calls := store.reset(); len(calls) != 1 || calls["DocumentPages"] != 1 {
		t.Errorf("store calls %v, want one DocumentPages", calls)
	}
	doc, err := mem.Document(ctx, id)
	must(t, err)
	if len(got.Document.Citations) != len(doc.Citations) || len(doc.Citations) < 2 {
		t.Fatalf("%d citations, want %d (at least 2)", len(got.Document.Citations), len(doc.Citations))
	}
	compare(t, "citation", got.Document.Citations, func(c cited) cited {
		i := slices.IndexFunc(doc.Citations, func(x uncite.Citation) bool { return x.Symbol == c.Resolution.Symbol })
		if i < 0 {
			t.Fatalf("%s is not cited", c.Resolution.Symbol)
		}
		rs, err := mem.ResolutionsBySymbol(ctx, []string{c.Resolution.Symbol})
		must(t, err)
		var w cited
		w.Count = doc.Citations[i].Count
		w.Resolution.Symbol = c.Resolution.Symbol
		w.Resolution.CitationCount = rs[c.Resolution.Symbol].CitationCount
		w.Resolution.CitedBy = pageOf(t, mem, uncite.DocumentFilter{Cites: c.Resolution.Symbol}, 2)
		return w
	}, func(c cited) bool { return c.Resolution.CitedBy.TotalCount > 2 && len(c.Resolution.CitedBy.Nodes) == 2 })
}

// meetingStore answers Resolution only once DocumentPages has been asked,
// and fails it after a while otherwise.
type meetingStore struct {
	uncite.Store
	asked chan struct{}
	once  sync.Once
}

func (m *meetingStore) DocumentPages(ctx context.Context, qs []uncite.DocumentQuery) ([]uncite.DocumentPage, error) {
	m.once.Do(func() { close(m.asked) })
	return m.Store.DocumentPages(ctx, qs)
}

func (m *meetingStore) Resolution(ctx context.Context, symbol string) (*uncite.Resolution, error) {
	select {
	case <-m.asked:
		return m.Store.Resolution(ctx, symbol)
	case <-time.After(10 * time.Second):
		return nil, errors.New("the citing documents were not asked at the same time")
	}
}

// A resolution and the documents citing it are asked of the store at the
// same time, not one after the other.
func TestResolutionAndItsCitingDocumentsAreReadTogether(t *testing.T) {
	_, mem, _ := sampleServer(t)
	for _, q := range []string{
		`{ resolution(symbol: "S/RES/822 (1993)") { symbol citationCount citedBy(first: 2) { totalCount nodes { id date author { code } } } } }`,
		`{ resolution(symbol: "S/RES/822 (1993)") { citedBy(first: 1, after: "b2Zmc2V0OjA=") { pageInfo { hasNextPage } nodes { id } } } }`,
	} {
		srv := httptest.NewServer(server.Handler(&meetingStore{Store: mem, asked: make(chan struct{})}, server.Config{}))
		got := post(t, srv.URL, q)
		srv.Close()
		want := post(t, sampleURL(t, mem), q)
		if got != want || !strings.Contains(got, `"nodes":[{"id":`) {
			t.Errorf("%s\n got: %s\nwant: %s", q, got, want)
		}
	}
}

// sampleURL serves mem as it is, for the answers to compare with.
func sampleURL(t *testing.T, mem uncite.Store) string {
	t.Helper()
	srv := httptest.NewServer(server.Handler(mem, server.Config{}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// The resolutions a listing carries on its citations are read briefly
// (symbol and citation count) unless a selection of them shows more.
func TestCitedResolutionsAreBriefUnlessShownInFull(t *testing.T) {
	store, _, url := sampleServer(t)
	for query, brief := range map[string]bool{
		`{ documents(first: 3) { nodes { citations { resolution { symbol citationCount citedBy(first: 5) { nodes { id } } } } } } }`: true,
		`{ documents(first: 3) { nodes { citations { resolution { symbol title } } } } }`:                                            false,
		`{ documents(first: 3) { nodes { citations { a: resolution { citationCount } b: resolution { symbol year } } } } }`:          false,
		`{ documents(first: 3) { nodes { citations { a: resolution { symbol year } b: resolution { citationCount } } } } }`:          false,
	} {
		store.reset()
		if body := post(t, url, query); strings.Contains(body, `"errors"`) {
			t.Fatalf("%s: %s", query, body)
		}
		store.mu.Lock()
		qs := store.queries
		store.mu.Unlock()
		if len(qs) != 1 || !qs[0].Cited.Resolutions || qs[0].Cited.Brief != brief {
			t.Errorf("%s: asked %+v, want the resolutions carried, brief %v", query, qs, brief)
		}
	}
}
