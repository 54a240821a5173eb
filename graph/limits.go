package graph

import (
	"math"

	"github.com/uncite/uncite/internal/nullable"
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

// scanCost is the cost of the root fields whose work grows with the store
// rather than with their answer: rankings of every resolution, filtered
// listings and searches that walk an index, path searches. On 100,000
// synthetic documents one such call weighs about as much as a page of 200.
const scanCost = 200

func scan(cost int) int { return min(scanCost+cost, costCeiling) }

// costCeiling saturates cost arithmetic: nested `first: 200` multiplies
// fast, and an overflowed int would turn negative and pass any limit.
const costCeiling = math.MaxInt32

// capped keeps the first n items of s, never nil.
func capped[T any](s []T, n int) []T {
	if len(s) > n {
		return s[:n]
	}
	return nullable.List(s)
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
