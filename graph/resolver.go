// Package graph holds the gqlgen resolvers. They are thin: they translate
// GraphQL arguments into Store calls and never speak Cypher.
package graph

//go:generate sh -c "cd .. && go tool gqlgen generate"

import "github.com/uncite/uncite"

// Resolver is the root resolver; its Store is shared by every request.
type Resolver struct {
	Store uncite.Store
}
