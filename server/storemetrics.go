package server

import (
	"context"
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/uncite/uncite"
)

// timedStore measures every read of the store the handlers use, by method
// and outcome (ok, timeout, cancelled, or the error's code), into
// uncite_store_call_duration_seconds.
type timedStore struct {
	uncite.Store
	calls *prometheus.HistogramVec
}

func (s timedStore) observe(method string, start time.Time, err error) {
	outcome := "ok"
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		outcome = "timeout"
	case errors.Is(err, context.Canceled):
		outcome = "cancelled"
	case err != nil:
		outcome = uncite.ErrorCode(err)
	}
	s.calls.WithLabelValues(method, outcome).Observe(time.Since(start).Seconds())
}

func timed[T any](s timedStore, method string, f func() (T, error)) (T, error) {
	start := time.Now()
	v, err := f()
	s.observe(method, start, err)
	return v, err
}

func timedPage[T any](s timedStore, method string, f func() (T, int, error)) (T, int, error) {
	start := time.Now()
	v, n, err := f()
	s.observe(method, start, err)
	return v, n, err
}

func (s timedStore) WriteDocuments(ctx context.Context, docs []*uncite.Document) (int, error) {
	return timed(s, "WriteDocuments", func() (int, error) { return s.Store.WriteDocuments(ctx, docs) })
}

func (s timedStore) Document(ctx context.Context, id string) (*uncite.Document, error) {
	return timed(s, "Document", func() (*uncite.Document, error) { return s.Store.Document(ctx, id) })
}

func (s timedStore) Documents(ctx context.Context, f uncite.DocumentFilter, p uncite.Page) ([]*uncite.Document, int, error) {
	return timedPage(s, "Documents", func() ([]*uncite.Document, int, error) { return s.Store.Documents(ctx, f, p) })
}

func (s timedStore) DocumentPages(ctx context.Context, qs []uncite.DocumentQuery) ([]uncite.DocumentPage, error) {
	return timed(s, "DocumentPages", func() ([]uncite.DocumentPage, error) { return s.Store.DocumentPages(ctx, qs) })
}

func (s timedStore) Resolution(ctx context.Context, symbol string) (*uncite.Resolution, error) {
	return timed(s, "Resolution", func() (*uncite.Resolution, error) { return s.Store.Resolution(ctx, symbol) })
}

func (s timedStore) ResolutionWith(ctx context.Context, q uncite.ResolutionQuery) (*uncite.Resolution, error) {
	return timed(s, "ResolutionWith", func() (*uncite.Resolution, error) { return s.Store.ResolutionWith(ctx, q) })
}

func (s timedStore) Resolutions(ctx context.Context, f uncite.ResolutionFilter, o uncite.ResolutionOrder, p uncite.Page) ([]*uncite.Resolution, int, error) {
	return timedPage(s, "Resolutions", func() ([]*uncite.Resolution, int, error) { return s.Store.Resolutions(ctx, f, o, p) })
}

func (s timedStore) State(ctx context.Context, code string) (*uncite.State, error) {
	return timed(s, "State", func() (*uncite.State, error) { return s.Store.State(ctx, code) })
}

func (s timedStore) States(ctx context.Context, p uncite.Page) ([]*uncite.State, int, error) {
	return timedPage(s, "States", func() ([]*uncite.State, int, error) { return s.Store.States(ctx, p) })
}

func (s timedStore) Session(ctx context.Context, body string, number int) (*uncite.Session, error) {
	return timed(s, "Session", func() (*uncite.Session, error) { return s.Store.Session(ctx, body, number) })
}

func (s timedStore) AgendaItemsBySession(ctx context.Context, keys []string) (map[string][]uncite.AgendaItem, error) {
	return timed(s, "AgendaItemsBySession", func() (map[string][]uncite.AgendaItem, error) { return s.Store.AgendaItemsBySession(ctx, keys) })
}

func (s timedStore) DocumentsByID(ctx context.Context, ids []string) (map[string]*uncite.Document, error) {
	return timed(s, "DocumentsByID", func() (map[string]*uncite.Document, error) { return s.Store.DocumentsByID(ctx, ids) })
}

func (s timedStore) ResolutionsBySymbol(ctx context.Context, symbols []string) (map[string]*uncite.Resolution, error) {
	return timed(s, "ResolutionsBySymbol", func() (map[string]*uncite.Resolution, error) { return s.Store.ResolutionsBySymbol(ctx, symbols) })
}

func (s timedStore) SessionsByKey(ctx context.Context, keys []string) (map[string]*uncite.Session, error) {
	return timed(s, "SessionsByKey", func() (map[string]*uncite.Session, error) { return s.Store.SessionsByKey(ctx, keys) })
}

func (s timedStore) CoCited(ctx context.Context, symbols []string, limit, evidence int) (map[string][]uncite.CoCitation, error) {
	return timed(s, "CoCited", func() (map[string][]uncite.CoCitation, error) { return s.Store.CoCited(ctx, symbols, limit, evidence) })
}

func (s timedStore) Coupled(ctx context.Context, ids []string, limit, evidence int) (map[string][]uncite.Coupling, error) {
	return timed(s, "Coupled", func() (map[string][]uncite.Coupling, error) { return s.Store.Coupled(ctx, ids, limit, evidence) })
}

func (s timedStore) ResolutionFacets(ctx context.Context, symbols []string) (map[string]*uncite.Facets, error) {
	return timed(s, "ResolutionFacets", func() (map[string]*uncite.Facets, error) { return s.Store.ResolutionFacets(ctx, symbols) })
}

func (s timedStore) MostCitedBy(ctx context.Context, states []string, limit int) (map[string][]uncite.ResolutionCount, error) {
	return timed(s, "MostCitedBy", func() (map[string][]uncite.ResolutionCount, error) { return s.Store.MostCitedBy(ctx, states, limit) })
}

func (s timedStore) TopCited(ctx context.Context, body string, year, limit int) ([]uncite.ResolutionCount, error) {
	return timed(s, "TopCited", func() ([]uncite.ResolutionCount, error) { return s.Store.TopCited(ctx, body, year, limit) })
}

func (s timedStore) Neighborhood(ctx context.Context, id string, depth, limit int) (*uncite.Subgraph, error) {
	return timed(s, "Neighborhood", func() (*uncite.Subgraph, error) { return s.Store.Neighborhood(ctx, id, depth, limit) })
}

func (s timedStore) FilterSubgraph(ctx context.Context, f uncite.DocumentFilter, limit int) (*uncite.Subgraph, error) {
	return timed(s, "FilterSubgraph", func() (*uncite.Subgraph, error) { return s.Store.FilterSubgraph(ctx, f, limit) })
}

func (s timedStore) Paths(ctx context.Context, from, to string, maxHops int) ([]uncite.Path, error) {
	return timed(s, "Paths", func() ([]uncite.Path, error) { return s.Store.Paths(ctx, from, to, maxHops) })
}

func (s timedStore) Search(ctx context.Context, query string, p uncite.Page) ([]*uncite.Document, int, error) {
	return timedPage(s, "Search", func() ([]*uncite.Document, int, error) { return s.Store.Search(ctx, query, p) })
}
