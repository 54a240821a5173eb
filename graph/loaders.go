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

// WithLoaders returns ctx carrying fresh loaders over store; the server
// calls it once per operation so that cached results never outlive it.
func WithLoaders(ctx context.Context, store uncite.Store) context.Context {
	// A short wait lets sibling resolvers, which gqlgen runs concurrently,
	// join the same batch.
	wait := dataloadgen.WithWait(time.Millisecond)
	return context.WithValue(ctx, loadersKey{}, &loaders{
		documents:   dataloadgen.NewMappedLoader(store.DocumentsByID, wait),
		resolutions: dataloadgen.NewMappedLoader(store.ResolutionsBySymbol, wait),
		sessions:    dataloadgen.NewMappedLoader(store.SessionsByKey, wait),
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
