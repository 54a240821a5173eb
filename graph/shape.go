package graph

import (
	"context"
	"fmt"

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

// documentRead tells what the selection sel on a Document reads: omit
// names the parts it never reads (citations and their evidence, mentions),
// cited what it shows of the cited resolutions, which the store then
// carries on the citations.
func documentRead(ctx context.Context, sel ast.SelectionSet) (omit uncite.DocumentParts, cited uncite.CitedQuery) {
	omit = uncite.AllParts
	var citedBy []graphql.CollectedField
	for _, f := range collect(ctx, sel, "Document") {
		switch f.Name {
		case "id", "coupled", "__typename":
		case "citations":
			omit &^= uncite.PartCitations
			for _, c := range collect(ctx, f.Selections, "Citation") {
				switch c.Name {
				case "contexts", "verbs":
					omit &^= uncite.PartEvidence
				case "resolution":
					fields := collect(ctx, c.Selections, "Resolution")
					if !onlySymbol(fields) {
						// Brief while every selection of the
						// resolution is.
						cited.Brief = brief(fields) && (cited.Brief || !cited.Resolutions)
						cited.Resolutions = true
					}
					for _, r := range fields {
						if r.Name == "citedBy" {
							citedBy = append(citedBy, r)
						}
					}
				}
			}
		case "mentions":
			omit &^= uncite.PartMentions
		default:
			read, ok := detailsRead[f.Name]
			if !ok {
				read = uncite.PartDetails // a field added since: everything
			}
			omit &^= read
		}
	}
	// The page carried on a resolution answers its one citedBy field;
	// aliased listings with other arguments are asked of the loaders.
	if len(citedBy) == 1 {
		cited = citingIDs(ctx, citedBy[0], cited)
	}
	return omit, cited
}

// detailsRead are the details of a Document that each of its fields reads
// (see the documentResolver methods).
var detailsRead = map[string]uncite.DocumentParts{
	"symbol":      uncite.PartSymbol,
	"title":       uncite.PartTitle,
	"type":        uncite.PartType,
	"date":        uncite.PartDate,
	"languages":   uncite.PartLanguages,
	"body":        uncite.PartBody,
	"session":     uncite.PartBody | uncite.PartSession,
	"agendaItems": uncite.PartBody | uncite.PartSession | uncite.PartAgenda,
	"author":      uncite.PartAuthor,
	"references":  uncite.PartReferences,
	"file":        uncite.PartFile,
}

// citingIDs asks cited to carry the page of the citedBy field f when it
// shows the ids of the documents alone.
func citingIDs(ctx context.Context, f graphql.CollectedField, cited uncite.CitedQuery) uncite.CitedQuery {
	q, ok := citedByQuery(ctx, f, "")
	if !ok || q.Omit != uncite.AllParts {
		return cited
	}
	cited.CitingIDs, cited.Citing, cited.CitingTotal = true, q.Page, !q.NoTotal
	return cited
}

// citedByQuery is the listing that the citedBy field f of the resolution
// symbol asks for; not ok when its arguments are wrong, which the field's
// own resolver reports.
func citedByQuery(ctx context.Context, f graphql.CollectedField, symbol string) (q uncite.DocumentQuery, ok bool) {
	args := f.ArgumentMap(graphql.GetOperationContext(ctx).Variables)
	p, err := page(intArg(args, "first"), stringArg(args, "after"), 20)
	if err != nil {
		return q, false
	}
	return connectionQuery(ctx, f.Selections, uncite.DocumentQuery{Filter: uncite.DocumentFilter{Cites: symbol}, Page: p}), true
}

// onlyField is the field name selected on the Resolution being resolved,
// when it is selected exactly once: aliases of it with other arguments
// are left to its resolver.
func onlyField(ctx context.Context, name string) (graphql.CollectedField, bool) {
	var found []graphql.CollectedField
	for _, f := range collect(ctx, selection(ctx), "Resolution") {
		if f.Name == name {
			found = append(found, f)
		}
	}
	if len(found) != 1 {
		return graphql.CollectedField{}, false
	}
	return found[0], true
}

// resolutionQuery is what the Resolution being resolved shows of itself
// that one store call can carry: its citedBy listing and its coCited
// ranking, each when selected once with valid arguments.
func resolutionQuery(ctx context.Context, symbol string) uncite.ResolutionQuery {
	q := uncite.ResolutionQuery{Symbol: symbol}
	if f, ok := onlyField(ctx, "citedBy"); ok {
		if c, ok := citedByQuery(ctx, f, symbol); ok {
			q.CitedBy = &c
		}
	}
	if f, ok := onlyField(ctx, "coCited"); ok {
		args := f.ArgumentMap(graphql.GetOperationContext(ctx).Variables)
		if k, err := coCitedRanking(ctx, intArg(args, "first"), intArg(args, "evidence"), f.Selections); err == nil {
			q.CoCited = &k
		}
	}
	return q
}

// coCitedRanking is the ranking a coCited field asks for with its
// arguments; sel is its selection, without documents when no evidence is
// shown.
func coCitedRanking(ctx context.Context, first, evidence *int, sel ast.SelectionSet) (uncite.Ranking, error) {
	limit, err := bounded("first", first, 10, 100)
	if err != nil {
		return uncite.Ranking{}, err
	}
	ev, err := bounded("evidence", evidence, 5, 50)
	if err != nil {
		return uncite.Ranking{}, err
	}
	if !selectsIn(ctx, sel, "CoCitation", "documents") {
		ev = 0
	}
	return uncite.Ranking{Limit: limit, Evidence: ev}, nil
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
			q = readDocuments(ctx, f.Selections, q)
		case "edges":
			for _, e := range collect(ctx, f.Selections, "DocumentEdge") {
				if e.Name == "node" {
					q = readDocuments(ctx, e.Selections, q)
				}
			}
		}
	}
	return q
}

// readDocuments adds to q what the selection sel on its documents reads.
// Two selections (nodes and edges, or aliases) that differ in what they
// show of the cited resolutions get none of it carried.
func readDocuments(ctx context.Context, sel ast.SelectionSet, q uncite.DocumentQuery) uncite.DocumentQuery {
	omit, cited := documentRead(ctx, sel)
	if q.Omit == uncite.AllParts && q.Cited == (uncite.CitedQuery{}) {
		q.Cited = cited
	} else if q.Cited != cited {
		q.Cited = uncite.CitedQuery{}
	}
	q.Omit &= omit
	return q
}

// selection is the selection set of the field being resolved.
func selection(ctx context.Context) ast.SelectionSet {
	return graphql.GetFieldContext(ctx).Field.Selections
}

// selects tells whether the field being resolved, of type typ, selects
// the field name: evidence nobody shows need not be gathered.
func selects(ctx context.Context, typ, name string) bool {
	return selectsIn(ctx, selection(ctx), typ, name)
}

// selectsIn tells whether sel, on an object of type typ, selects name.
func selectsIn(ctx context.Context, sel ast.SelectionSet, typ, name string) bool {
	for _, f := range collect(ctx, sel, typ) {
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

// brief tells whether fields, selected on a Resolution, read nothing of it
// but what CitedQuery.Brief fills.
func brief(fields []graphql.CollectedField) bool {
	for _, f := range fields {
		switch f.Name {
		case "symbol", "citationCount", "citedBy", "__typename":
		default:
			return false
		}
	}
	return true
}

func onlySymbol(fields []graphql.CollectedField) bool {
	for _, f := range fields {
		if f.Name != "symbol" && f.Name != "__typename" {
			return false
		}
	}
	return true
}

// withResolutions gives the citations of one document the resolutions
// that the selection on them shows, which gqlgen then reads as a plain
// field: carried by the store (see uncite.CitedQuery), the symbols alone,
// or else loaded, in one batch with the other documents' under a list.
// Outside a list, the citedBy listings selected on them are fetched at the
// same time, so that their resolvers find them cached instead of waiting
// a batch per level. The citations are copies: the document's own may be
// shown by an alias that reads more of their resolutions.
func withResolutions(ctx context.Context, cs []uncite.Citation) ([]uncite.Citation, error) {
	if err := live(ctx); err != nil {
		return nil, err
	}
	var shown []graphql.CollectedField
	for _, f := range collect(ctx, selection(ctx), "Citation") {
		if f.Name == "resolution" {
			shown = append(shown, f)
		}
	}
	if len(cs) == 0 || len(shown) == 0 || cs[0].Resolution != nil && cs[0].Resolution.CitedBy != nil {
		return cs, nil
	}
	symbolsOnly := cs[0].Resolution == nil
	for _, f := range shown {
		symbolsOnly = symbolsOnly && onlySymbol(collect(ctx, f.Selections, "Resolution"))
	}
	out := make([]uncite.Citation, len(cs))
	copy(out, cs)
	if symbolsOnly {
		for i := range out {
			out[i].Resolution = &uncite.Resolution{Symbol: out[i].Symbol}
		}
		return out, nil
	}
	symbols := make([]string, len(cs))
	for i := range cs {
		symbols[i] = cs[i].Symbol
	}
	l := loadersFrom(ctx)
	var g errgroup.Group
	if !underList(ctx) {
		// Under a list the documents' citations share batches instead.
		for _, f := range shown {
			primeCitedBy(ctx, &g, f, symbols)
		}
	}
	if cs[0].Resolution == nil {
		rs, err := loadAll(ctx, l.resolutions, symbols)
		if err != nil {
			return nil, err
		}
		for i, r := range rs {
			if r == nil {
				return nil, fmt.Errorf("resolution %q is cited but not in the store", symbols[i])
			}
			out[i].Resolution = r
		}
	}
	return out, g.Wait()
}

// primeCitedBy fetches in g the citedBy listings that the resolution field
// f selects for each of symbols, and caches them for their resolvers.
func primeCitedBy(ctx context.Context, g *errgroup.Group, f graphql.CollectedField, symbols []string) {
	l := loadersFrom(ctx)
	for _, c := range collect(ctx, f.Selections, "Resolution") {
		if c.Name != "citedBy" {
			continue
		}
		if _, ok := citedByQuery(ctx, c, ""); !ok {
			continue // the field's own resolver reports it
		}
		keys := make([]uncite.DocumentQuery, len(symbols))
		for i, symbol := range symbols {
			keys[i], _ = citedByQuery(ctx, c, symbol)
		}
		g.Go(func() error { return prime(ctx, l.documentPages, keys) })
	}
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
