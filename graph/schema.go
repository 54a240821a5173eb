package graph

import (
	"github.com/99designs/gqlgen/graphql"
	"github.com/uncite/uncite"
	"github.com/uncite/uncite/graph/model"
)

// NewSchema returns the executable schema over store, with list fields
// costed by the number of items they may return so that the server's
// complexity limit bounds the real work of a query.
func NewSchema(store uncite.Store) graphql.ExecutableSchema {
	c := Config{Resolvers: &Resolver{Store: store}}
	conn := func(def int) func(child int, first *int, _ *string) int {
		return func(child int, first *int, _ *string) int {
			n := def
			if first != nil {
				n = *first
			}
			return 1 + max(n, 1)*child
		}
	}
	c.Complexity.AgendaItem.Documents = conn(20)
	c.Complexity.Session.Documents = conn(20)
	c.Complexity.Resolution.CitedBy = conn(20)
	c.Complexity.State.Authored = conn(20)
	c.Complexity.State.MentionedIn = conn(20)
	c.Complexity.Query.States = conn(50)
	c.Complexity.Query.Documents = func(child int, _ *model.DocumentFilter, first *int, after *string) int {
		return conn(20)(child, first, after)
	}
	c.Complexity.Query.Resolutions = func(child int, _ *model.ResolutionFilter, _ *model.ResolutionOrder, first *int, after *string) int {
		return conn(20)(child, first, after)
	}
	return NewExecutableSchema(c)
}
