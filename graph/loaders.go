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
// one call each instead of one call per document.
type loaders struct {
	documents   *dataloadgen.Loader[string, *uncite.Document]
	resolutions *dataloadgen.Loader[string, *uncite.Resolution]
	sessions    *dataloadgen.Loader[string, *uncite.Session]
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
	return context.WithValue(ctx, loadersKey{}, &loaders{
		documents:   dataloadgen.NewMappedLoader(store.DocumentsByID, wait, capacity),
		resolutions: dataloadgen.NewMappedLoader(store.ResolutionsBySymbol, wait, capacity),
		sessions:    dataloadgen.NewMappedLoader(store.SessionsByKey, wait, capacity),
	})
}

func loadersFrom(ctx context.Context) *loaders {
	l, ok := ctx.Value(loadersKey{}).(*loaders)
	if !ok {
		panic("graph: no loaders in context; wrap operations with graph.WithLoaders")
	}
	return l
}

// load runs a loader and maps a missing key to (nil, nil), GraphQL's null.
func load[V any](ctx context.Context, l *dataloadgen.Loader[string, *V], key string) (*V, error) {
	v, err := l.Load(ctx, key)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return nil, nil
	}
	return v, err
}
