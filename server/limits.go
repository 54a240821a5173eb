package server

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// maxTokens bounds the parse of a query; it is far above what maxFields
// fields take, so the field limit is what clients meet.
const maxTokens = 50_000

// shapeLimit refuses a query that nests too deep, selects too many fields
// (aliases included, fragments counted where they are spread) or asks for
// the schema when introspection is off. It reads the query before gqlgen
// parses and validates it: validation compares fields pairwise, so a query
// of thousands of aliases costs seconds before any cost is computed.
type shapeLimit struct {
	maxDepth, maxFields int
	introspection       bool
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = shapeLimit{}

func (shapeLimit) ExtensionName() string                   { return "ShapeLimit" }
func (shapeLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (l shapeLimit) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: p.Query}, maxTokens)
	if err != nil {
		// gqlgen parses again and reports the error in its own words.
		return nil
	}
	w := shapeWalker{limit: l, fragments: map[string]*ast.FragmentDefinition{}, visiting: map[string]bool{}}
	for _, f := range doc.Fragments {
		w.fragments[f.Name] = f
	}
	for _, op := range doc.Operations {
		if e := w.walk(op.SelectionSet, 1); e != nil {
			return e
		}
	}
	return nil
}

type shapeWalker struct {
	limit     shapeLimit
	fragments map[string]*ast.FragmentDefinition
	visiting  map[string]bool // fragments being expanded: a cycle is left to validation
	fields    int
}

func (w *shapeWalker) walk(set ast.SelectionSet, depth int) *gqlerror.Error {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			w.fields++
			if w.fields > w.limit.maxFields {
				return withCode(fmt.Sprintf("the query selects more than %d fields (aliases and fragment spreads included)", w.limit.maxFields), CodeFieldLimit)
			}
			if depth > w.limit.maxDepth {
				return withCode(fmt.Sprintf("the query nests deeper than %d levels", w.limit.maxDepth), CodeDepthLimit)
			}
			if !w.limit.introspection && (s.Name == "__schema" || s.Name == "__type") {
				return withCode("introspection is disabled on this server", CodeIntrospectionOff)
			}
			if e := w.walk(s.SelectionSet, depth+1); e != nil {
				return e
			}
		case *ast.InlineFragment:
			if e := w.walk(s.SelectionSet, depth); e != nil {
				return e
			}
		case *ast.FragmentSpread:
			f := w.fragments[s.Name]
			if f == nil || w.visiting[s.Name] {
				continue
			}
			w.visiting[s.Name] = true
			e := w.walk(f.SelectionSet, depth)
			w.visiting[s.Name] = false
			if e != nil {
				return e
			}
		}
	}
	return nil
}
