package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"golang.org/x/sync/errgroup"

	"github.com/uncite/uncite"
)

// Reads shaped by the query: the resolvers read the request's selection
// (gqlgen's collected fields) and ask the store only for what it shows, so
// that a listing of ids reads no citation sentence and no total is counted
// that nobody asked for.

// collect lists the fields selected under sel on an object of type typ,
// fragments and aliases merged.
func collect(ctx context.Context, sel ast.SelectionSet, typ string) []graphql.CollectedField {
	return graphql.CollectFields(graphql.GetOperationContext(ctx), sel, []string{typ})
}

// documentOmit names the parts of a Document that the selection sel on it
// never reads: citations and their evidence, mentions.
func documentOmit(ctx context.Context, sel ast.SelectionSet) uncite.DocumentParts {
	omit := uncite.AllParts
	for _, f := range collect(ctx, sel, "Document") {
		switch f.Name {
		case "id", "coupled", "__typename":
		case "citations":
			omit &^= uncite.PartCitations
			for _, c := range collect(ctx, f.Selections, "Citation") {
				if c.Name == "contexts" || c.Name == "verbs" {
					omit &^= uncite.PartEvidence
				}
			}
		case "mentions":
			omit &^= uncite.PartMentions
		default:
			omit &^= uncite.PartDetails
		}
	}
	return omit
}

// connectionQuery shapes the query of a DocumentConnection selected as
// sel: its documents carry what its nodes or edges read, and the total
// is counted when totalCount or pageInfo.hasNextPage needs it.
func connectionQuery(ctx context.Context, sel ast.SelectionSet, q uncite.DocumentQuery) uncite.DocumentQuery {
	q.Omit, q.NoTotal = uncite.AllParts, true
	for _, f := range collect(ctx, sel, "DocumentConnection") {
		switch f.Name {
		case "totalCount":
			q.NoTotal = false
		case "pageInfo":
			for _, p := range collect(ctx, f.Selections, "PageInfo") {
				if p.Name == "hasNextPage" {
					q.NoTotal = false
				}
			}
		case "nodes":
			q.Omit &= documentOmit(ctx, f.Selections)
		case "edges":
			for _, e := range collect(ctx, f.Selections, "DocumentEdge") {
				if e.Name == "node" {
					q.Omit &= documentOmit(ctx, e.Selections)
				}
			}
		}
	}
	return q
}

// selection is the selection set of the field being resolved.
func selection(ctx context.Context) ast.SelectionSet {
	return graphql.GetFieldContext(ctx).Field.Selections
}

// selects tells whether the field being resolved, of type typ, selects
// the field name: evidence nobody shows need not be gathered.
func selects(ctx context.Context, typ, name string) bool {
	for _, f := range collect(ctx, selection(ctx), typ) {
		if f.Name == name {
			return true
		}
	}
	return false
}

// symbolOnly tells whether the Resolution being resolved is read for its
// symbol alone, which its citing parent already holds.
func symbolOnly(ctx context.Context) bool {
	return onlySymbol(collect(ctx, selection(ctx), "Resolution"))
}

func onlySymbol(fields []graphql.CollectedField) bool {
	for _, f := range fields {
		if f.Name != "symbol" && f.Name != "__typename" {
			return false
		}
	}
	return true
}

// prefetchCitations loads, for the citations of one document, the
// resolutions and the citedBy listings that the selection on them reads,
// all at once, so that the citations' resolvers find them cached instead
// of waiting a batch per level.
func prefetchCitations(ctx context.Context, symbols []string) error {
	l := loadersFrom(ctx)
	vars := graphql.GetOperationContext(ctx).Variables
	var g errgroup.Group
	for _, f := range collect(ctx, selection(ctx), "Citation") {
		if f.Name != "resolution" {
			continue
		}
		fields := collect(ctx, f.Selections, "Resolution")
		if !onlySymbol(fields) {
			g.Go(func() error { return prime(ctx, l.resolutions, symbols) })
		}
		for _, c := range fields {
			if c.Name != "citedBy" {
				continue
			}
			args := c.ArgumentMap(vars)
			p, err := page(intArg(args, "first"), stringArg(args, "after"), 20)
			if err != nil {
				continue // the field's own resolver reports it
			}
			keys := make([]uncite.DocumentQuery, len(symbols))
			for i, symbol := range symbols {
				keys[i] = connectionQuery(ctx, c.Selections, uncite.DocumentQuery{Filter: uncite.DocumentFilter{Cites: symbol}, Page: p})
			}
			g.Go(func() error { return prime(ctx, l.documentPages, keys) })
		}
	}
	return g.Wait()
}

// underList tells whether the field being resolved is resolved for each
// element of a list, where sibling resolvers can share a batch; elsewhere
// a loader would only wait for siblings that never come.
func underList(ctx context.Context) bool {
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		if fc.Index != nil {
			return true
		}
	}
	return false
}

// intArg and stringArg read an argument of a collected field, defaults
// applied; nil when absent.
func intArg(args map[string]any, name string) *int {
	if v, ok := args[name].(int64); ok {
		n := int(v)
		return &n
	}
	return nil
}

func stringArg(args map[string]any, name string) *string {
	if v, ok := args[name].(string); ok {
		return &v
	}
	return nil
}
