package graph

import (
	"github.com/99designs/gqlgen/graphql"
	"github.com/uncite/uncite"
	"github.com/uncite/uncite/graph/model"
)

// NewSchema returns the executable schema over store. List fields cost
// their selection times the number of items they may return (`first`,
// `limit`), so the server's complexity limit bounds the real work of a
// query, not just its length.
func NewSchema(store uncite.Store) graphql.ExecutableSchema {
	c := Config{Resolvers: &Resolver{Store: store}}
	cx := &c.Complexity

	page := func(def int) func(child int, first *int, _ *string) int {
		return func(child int, first *int, _ *string) int { return times(child, first, def) }
	}
	cx.AgendaItem.Documents = page(20)
	cx.Session.Documents = page(20)
	cx.Resolution.CitedBy = page(20)
	cx.State.Authored = page(20)
	cx.State.MentionedIn = page(20)
	cx.Query.States = page(50)
	cx.Query.Documents = func(child int, _ *model.DocumentFilter, first *int, _ *string) int {
		return times(child, first, 20)
	}
	cx.Query.Resolutions = func(child int, _ *model.ResolutionFilter, _ *model.ResolutionOrder, first *int, _ *string) int {
		return times(child, first, 20)
	}
	cx.Query.Search = func(child int, _ string, first *int, _ *string) int { return times(child, first, 20) }
	cx.Query.FindStates = func(child int, _ string, first *int) int { return times(child, first, 10) }
	cx.Query.TopCited = func(child int, _ *string, _ *int, first *int) int { return times(child, first, 20) }
	// A subgraph is one object whose lists grow with limit; weighing every
	// node like a page item would price the documented maximum out.
	cx.Query.Neighborhood = func(child int, _ string, _ *int, limit *int) int {
		n := 200
		if limit != nil {
			n = *limit
		}
		return 1 + child*(1+max(n, 0)/100)
	}
	cx.Query.CitationPath = func(child int, _, _ string, _ *int) int { return times(child, nil, uncite.MaxPaths) }
	cx.Resolution.CoCited = func(child int, first, _ *int) int { return times(child, first, 10) }
	cx.Document.Coupled = func(child int, first, _ *int) int { return times(child, first, 10) }
	cx.State.MostCited = func(child int, first *int) int { return times(child, first, 10) }
	return NewExecutableSchema(c)
}

// times is the cost of a list field: its selection once per item it may
// return, and at least one for the field itself.
func times(child int, n *int, def int) int {
	k := def
	if n != nil {
		k = *n
	}
	return 1 + max(k, 1)*child
}
