package graph

import (
	"context"
	"errors"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/uncite/uncite"
)

// loaders batch the per-parent lookups of one GraphQL operation: a page of
// 100 documents asks the store for their sessions and cited resolutions in
// one call each instead of one call per document, and a page of 40
// resolutions for their citing documents, co-citations and facets in one
// call each.
type loaders struct {
	documents     *dataloadgen.Loader[string, *uncite.Document]
	resolutions   *dataloadgen.Loader[string, *uncite.Resolution]
	sessions      *dataloadgen.Loader[string, *uncite.Session]
	documentPages *dataloadgen.Loader[uncite.DocumentQuery, uncite.DocumentPage]
	agendaItems   *dataloadgen.Loader[string, []uncite.AgendaItem]
	facets        *dataloadgen.Loader[string, *uncite.Facets]
	coCited       *dataloadgen.Loader[ranked, []uncite.CoCitation]
	coupled       *dataloadgen.Loader[ranked, []uncite.Coupling]
	mostCited     *dataloadgen.Loader[ranked, []uncite.ResolutionCount]
}

// ranked asks for the ranking of one target (a resolution, document or
// State) with the arguments of its field. Sibling fields usually share
// their arguments, and one store call answers all the targets of a set of
// arguments.
type ranked struct {
	target          string
	limit, evidence int
}

type loadersKey struct{}

// DefaultBatchWait is how long a loader waits for sibling resolvers, which
// gqlgen runs concurrently, to join a batch: long enough for a page on an
// idle machine, short enough not to be felt.
const DefaultBatchWait = 2 * time.Millisecond

// WithLoaders returns ctx carrying fresh loaders over store; the server
// calls it once per operation so that cached results never outlive it.
func WithLoaders(ctx context.Context, store uncite.Store, batchWait time.Duration) context.Context {
	// The capacity covers a full page of documents with their citations,
	// so that one page is one batch.
	wait := dataloadgen.WithWait(batchWait)
	capacity := dataloadgen.WithBatchCapacity(5000)
	mostCitedBy := func(ctx context.Context, states []string, limit, _ int) (map[string][]uncite.ResolutionCount, error) {
		return store.MostCitedBy(ctx, states, limit)
	}
	return context.WithValue(ctx, loadersKey{}, &loaders{
		documents:     dataloadgen.NewMappedLoader(store.DocumentsByID, wait, capacity),
		resolutions:   dataloadgen.NewMappedLoader(store.ResolutionsBySymbol, wait, capacity),
		sessions:      dataloadgen.NewMappedLoader(store.SessionsByKey, wait, capacity),
		documentPages: dataloadgen.NewLoader(pages(store), wait, capacity),
		agendaItems:   dataloadgen.NewMappedLoader(store.AgendaItemsBySession, wait, capacity),
		facets:        dataloadgen.NewMappedLoader(store.ResolutionFacets, wait, capacity),
		coCited:       dataloadgen.NewMappedLoader(byArguments(store.CoCited), wait, capacity),
		coupled:       dataloadgen.NewMappedLoader(byArguments(store.Coupled), wait, capacity),
		mostCited:     dataloadgen.NewMappedLoader(byArguments(mostCitedBy), wait, capacity),
	})
}

// pages answers a batch of listings with one store call; an error fails
// them all.
func pages(store uncite.Store) func(context.Context, []uncite.DocumentQuery) ([]uncite.DocumentPage, []error) {
	return func(ctx context.Context, qs []uncite.DocumentQuery) ([]uncite.DocumentPage, []error) {
		out, err := store.DocumentPages(ctx, qs)
		if err != nil {
			return nil, []error{err}
		}
		return out, nil
	}
}

// byArguments turns a store ranking of many targets into a loader fetch
// that makes one store call per distinct set of arguments among its keys.
func byArguments[V any](rank func(ctx context.Context, targets []string, limit, evidence int) (map[string]V, error)) func(context.Context, []ranked) (map[ranked]V, error) {
	return func(ctx context.Context, keys []ranked) (map[ranked]V, error) {
		out := make(map[ranked]V, len(keys))
		for args, targets := range groupByArguments(keys) {
			found, err := rank(ctx, targets, args.limit, args.evidence)
			if err != nil {
				return nil, err
			}
			for target, v := range found {
				args.target = target
				out[args] = v
			}
		}
		return out, nil
	}
}

// groupByArguments maps the arguments of keys, target left empty, to the
// targets asked with them.
func groupByArguments(keys []ranked) map[ranked][]string {
	groups := map[ranked][]string{}
	for _, k := range keys {
		args := ranked{limit: k.limit, evidence: k.evidence}
		groups[args] = append(groups[args], k.target)
	}
	return groups
}

func loadersFrom(ctx context.Context) *loaders {
	l, ok := ctx.Value(loadersKey{}).(*loaders)
	if !ok {
		panic("graph: no loaders in context; wrap operations with graph.WithLoaders")
	}
	return l
}

// load runs a loader and maps a missing key to the zero value: GraphQL's
// null for a node, no entries for a list.
func load[K comparable, V any](ctx context.Context, l *dataloadgen.Loader[K, V], key K) (V, error) {
	v, err := l.Load(ctx, key)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		var zero V
		return zero, nil
	}
	return v, err
}

// loadAll is load for many keys, which all join the same batch: loading
// them one after another would make one batch each.
func loadAll[K comparable, V any](ctx context.Context, l *dataloadgen.Loader[K, V], keys []K) ([]V, error) {
	thunks := make([]func() (V, error), len(keys))
	for i, k := range keys {
		thunks[i] = l.LoadThunk(ctx, k)
	}
	out := make([]V, len(keys))
	for i, thunk := range thunks {
		v, err := thunk()
		if err != nil && !errors.Is(err, dataloadgen.ErrNotFound) {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}
