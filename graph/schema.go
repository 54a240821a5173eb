package graph

import (
	"github.com/99designs/gqlgen/graphql"
	"github.com/uncite/uncite"
	"github.com/uncite/uncite/graph/model"
)

// NewSchema returns the executable schema over store. Every list field costs
// its selection times the most items it may return (`first`, `limit`, or the
// cap of a list without `first`, see limits.go), so the server's complexity
// limit bounds the real work of a query, not just its length.
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
	// topCited ranks every resolution whatever `first` is; on the
	// development corpus one call weighs about as much as a page of 200.
	cx.Query.TopCited = func(child int, _ *string, _ *int, first *int) int {
		return min(topCitedBase+times(child, first, 20), costCeiling)
	}
	// A subgraph's node list holds up to limit nodes; its edges are costed
	// the same way, as the relationships among them are of that order.
	cx.Query.Neighborhood = func(child int, _ string, _ *int, limit *int) int {
		return times(child, limit, 200)
	}
	cx.Query.CitationPath = func(child int, _, _ string, _ *int) int { return listCost(child, uncite.MaxPaths) }
	cx.Path.Nodes = func(child int) int { return listCost(child, uncite.MaxPathHops+1) }
	cx.Path.Edges = func(child int) int { return listCost(child, uncite.MaxPathHops) }
	// coCited and coupled carry up to `evidence` nodes per item, which
	// their own fields cannot see: the item's whole selection is weighed
	// by it.
	cx.Resolution.CoCited = func(child int, first, evidence *int) int {
		return times(times(child, evidence, 5), first, 10)
	}
	cx.Document.Coupled = func(child int, first, evidence *int) int {
		return times(times(child, evidence, 5), first, 10)
	}
	cx.State.MostCited = func(child int, first *int) int { return times(child, first, 10) }

	capped := func(n int) func(child int) int {
		return func(child int) int { return listCost(child, n) }
	}
	cx.Document.Languages = capped(MaxDocumentLanguages)
	cx.Document.AgendaItems = capped(MaxDocumentAgendaItems)
	cx.Document.Mentions = capped(MaxMentions)
	cx.Document.Citations = capped(MaxCitations)
	cx.Document.References = capped(MaxReferences)
	cx.Citation.Contexts = capped(MaxContexts)
	cx.Citation.Verbs = capped(MaxVerbs)
	cx.Session.AgendaItems = capped(MaxSessionAgendaItems)
	cx.ResolutionFacets.ByYear = capped(MaxFacetRows)
	cx.ResolutionFacets.ByState = capped(MaxMentions)
	cx.ResolutionFacets.BySession = capped(MaxFacetRows)
	return NewExecutableSchema(c)
}

// times is the cost of a list field: its selection once per item it may
// return (n, else def), and one for the field itself.
func times(child int, n *int, def int) int {
	k := def
	if n != nil {
		k = *n
	}
	return listCost(child, k)
}
