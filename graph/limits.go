package graph

import (
	"math"

	"github.com/uncite/uncite/refdata"
)

// The lists that take no `first` return at most these many items, which is
// also what they cost (schema.graphql says so on each field). The caps sit
// well above the development corpus (most seen: 183 States named in one
// document, 74 resolutions cited, 470 references, 65 contexts of one
// citation, 8 verbs, 2 agenda items), so they bound hostile queries without
// cutting real answers; a longer list keeps its first items in the store's
// order.
const (
	MaxDocumentLanguages   = 6 // the official languages
	MaxDocumentAgendaItems = 20
	MaxCitations           = 200
	MaxReferences          = 1000
	MaxContexts            = 100
	MaxVerbs               = 20
	MaxSessionAgendaItems  = 500
	MaxFacetRows           = 500
)

// MaxMentions is the number of States of the reference tables: a document
// names each at most once, so no cap ever cuts this list.
var MaxMentions = len(refdata.States())

// topCitedBase is the cost of ranking every resolution, which topCited does
// before keeping `first` of them.
const topCitedBase = 200

// costCeiling saturates cost arithmetic: nested `first: 200` multiplies
// fast, and an overflowed int would turn negative and pass any limit.
const costCeiling = math.MaxInt32

// capped keeps the first n items of s, never nil.
func capped[T any](s []T, n int) []T {
	if len(s) > n {
		return s[:n]
	}
	return nonNil(s)
}

// listCost is the cost of a list of at most n items each costing child,
// plus one for the field itself.
func listCost(child, n int) int {
	n = max(n, 1)
	if child > (costCeiling-1)/n {
		return costCeiling
	}
	return 1 + n*child
}
