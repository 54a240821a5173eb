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
	documents     *batched[string, *uncite.Document]
	resolutions   *batched[string, *uncite.Resolution]
	sessions      *batched[string, *uncite.Session]
	documentPages *batched[uncite.DocumentQuery, uncite.DocumentPage]
	agendaItems   *batched[string, []uncite.AgendaItem]
	facets        *batched[string, *uncite.Facets]
	coCited       *batched[ranked, []uncite.CoCitation]
	coupled       *batched[ranked, []uncite.Coupling]
	mostCited     *batched[ranked, []uncite.ResolutionCount]
}

// batched is a loader that keeps its fetch, to call it at once where no
// sibling will join the batch (see load).
type batched[K comparable, V any] struct {
	*dataloadgen.Loader[K, V]
	fetch func(context.Context, []K) (map[K]V, error)
}

func newBatched[K comparable, V any](fetch func(context.Context, []K) (map[K]V, error), options ...dataloadgen.Option) *batched[K, V] {
	return &batched[K, V]{dataloadgen.NewMappedLoader(fetch, options...), fetch}
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
		documents:     newBatched(store.DocumentsByID, wait, capacity),
		resolutions:   newBatched(store.ResolutionsBySymbol, wait, capacity),
		sessions:      newBatched(store.SessionsByKey, wait, capacity),
		documentPages: newBatched(pages(store), wait, capacity),
		agendaItems:   newBatched(store.AgendaItemsBySession, wait, capacity),
		facets:        newBatched(store.ResolutionFacets, wait, capacity),
		coCited:       newBatched(byArguments(store.CoCited), wait, capacity),
		coupled:       newBatched(byArguments(store.Coupled), wait, capacity),
		mostCited:     newBatched(byArguments(mostCitedBy), wait, capacity),
	})
}

// pages answers a batch of listings with one store call.
func pages(store uncite.Store) func(context.Context, []uncite.DocumentQuery) (map[uncite.DocumentQuery]uncite.DocumentPage, error) {
	return func(ctx context.Context, qs []uncite.DocumentQuery) (map[uncite.DocumentQuery]uncite.DocumentPage, error) {
		found, err := store.DocumentPages(ctx, qs)
		if err != nil {
			return nil, err
		}
		out := make(map[uncite.DocumentQuery]uncite.DocumentPage, len(qs))
		for i, q := range qs {
			out[q] = found[i]
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
// null for a node, no entries for a list. Outside lists the field is
// resolved once, so the store is asked at once rather than after the
// batch wait.
func load[K comparable, V any](ctx context.Context, l *batched[K, V], key K) (V, error) {
	if err := live(ctx); err != nil {
		var zero V
		return zero, err
	}
	if !underList(ctx) {
		found, err := l.fetch(ctx, []K{key})
		return found[key], err
	}
	v, err := l.Load(ctx, key)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		var zero V
		return zero, nil
	}
	return v, err
}

// live fails once the request is over (deadline passed, client gone). It
// is called where the work of a query multiplies (each lookup, and the
// citations of each document) rather than for every field: a field
// middleware doing the same cost a fifth to a third of the handler's time
// on a query of a few hundred objects (BenchmarkPeerQueries, Q4 and Q6). The clock is read as well as the context: a
// query that fans out into thousands of goroutines delays the timer that
// cancels the context.
func live(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d, ok := ctx.Deadline(); ok && time.Now().After(d) {
		return context.DeadlineExceeded
	}
	return nil
}

// loadAll is load for many keys, which all join the same batch: loading
// them one after another would make one batch each.
func loadAll[K comparable, V any](ctx context.Context, l *batched[K, V], keys []K) ([]V, error) {
	if err := live(ctx); err != nil {
		return nil, err
	}
	if !underList(ctx) {
		found, err := l.fetch(ctx, keys)
		if err != nil {
			return nil, err
		}
		out := make([]V, len(keys))
		for i, k := range keys {
			out[i] = found[k]
		}
		return out, nil
	}
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

// prime fetches keys at once and caches them in l, for the resolvers of a
// list whose parent knows every key: they then find their value without
// waiting for a batch.
func prime[K comparable, V any](ctx context.Context, l *batched[K, V], keys []K) error {
	if len(keys) == 0 {
		return nil
	}
	found, err := l.fetch(ctx, keys)
	if err != nil {
		return err
	}
	for _, k := range keys {
		if v, ok := found[k]; ok {
			l.Prime(k, v)
		}
	}
	return nil
}
