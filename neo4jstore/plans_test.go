package neo4jstore

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
)

// scanOperators read every node of a label, every node, or every
// relationship of a type: on a hot path they make a query's cost grow with
// the graph instead of with its answer.
var scanOperators = []string{"NodeByLabelScan", "AllNodesScan", "RelationshipTypeScan", "AllRelationshipsScan"}

// scansAllowed are the queries that may scan, each with the reason.
var scansAllowed = map[string]string{
	"seedStates": "runs once at start-up over the ~200 States",
	"States":     "the ~200 State nodes of the reference tables",
}

// boundBy completes a query that reads a variable bound by the statement
// it is part of (a lookup's key, a batch's q, a counter's r).
var boundBy = []string{
	"UNWIND $keys AS key WITH DISTINCT key ",
	"UNWIND $queries AS q ",
	"UNWIND $symbols AS symbol MATCH (r:Resolution {symbol: symbol}) ",
}

// fragments are constants that are parts of queries, checked within them.
var fragments = []string{"documentProperties", "citationsPart", "citationsWithoutEvidencePart", "mentionsPart",
	"documentProjection", "resolutionProjection", "nodeIDOf", "nodeOf", "citingIDs", "counterRels", "viewRels", "wordsIndex",
	"coCitedKept", "coCitedCounted", "coCitedCountedBare"}

// TestQueryPlans runs EXPLAIN on every Cypher constant of the package, and
// on the document listings built for each filter, and fails on a plan that
// scans where an index should lead, or on a query the server rejects.
func TestQueryPlans(t *testing.T) {
	s := fresh(t)
	queries := cypherConstants(t)
	if len(queries) < 30 {
		t.Fatalf("found only %d Cypher constants: the parser missed them", len(queries))
	}
	for _, f := range []uncite.DocumentFilter{{}, {ID: "x"}, {Symbol: "x"}, {Body: "HRC"}, {Body: "HRC", Session: 43},
		{Body: "HRC", Session: 43, AgendaItem: "4"}, {Author: "AZE"}, {Mentions: "ARM"}, {Cites: "x"},
		{Cites: "x", Author: "AZE"}, {Type: "letter"}, {Language: "en"}, {DateFrom: "2020-01-01", DateTo: "2020-12-31"},
		{Body: "HRC", DateFrom: "2020-01-01", DateTo: "2020-12-31"}} {
		for _, q := range []uncite.DocumentQuery{{Filter: f}, {Filter: f, Omit: uncite.AllParts, NoTotal: true}} {
			g := documentShapes([]uncite.DocumentQuery{q})[0]
			queries["documentPages "+strings.TrimSpace(g.match)] = documentPages(g.match, g.order, g.total, g.omit, g.cited)
		}
	}
	// The resolutions, unfiltered, in the orders an index gives.
	for _, o := range []uncite.ResolutionOrder{uncite.OrderBySymbol, uncite.OrderByCitationCount} {
		queries["Resolutions by "+string(o)] = resolutionPage("", whereClause([]string{inOrderOf[o]}), resolutionOrders[o])
	}
	// A document with what it cites, the citing pages counted or not.
	for _, cited := range []uncite.CitedQuery{{Resolutions: true}, {Resolutions: true, CitingIDs: true},
		{Resolutions: true, Brief: true, CitingIDs: true},
		{Resolutions: true, CitingIDs: true, CitingTotal: true}} {
		q := uncite.DocumentQuery{Filter: uncite.DocumentFilter{ID: "x"}, Omit: uncite.PartEvidence, NoTotal: true, Cited: cited}
		g := documentShapes([]uncite.DocumentQuery{q})[0]
		queries[fmt.Sprintf("documentPages cited %+v", cited)] = documentPages(g.match, g.order, g.total, g.omit, g.cited)
	}
	// Co-citations with evidence and without, and a resolution read
	// with its citing documents and co-citations.
	for _, evidence := range []int{0, 1} {
		queries[fmt.Sprintf("CoCited evidence %d", evidence)] = "UNWIND $keys AS key WITH DISTINCT key " + coCited(evidence)
		citing := uncite.DocumentQuery{Filter: uncite.DocumentFilter{Cites: "x"}, Omit: []uncite.DocumentParts{uncite.AllParts, uncite.PartEvidence}[evidence]}
		queries[fmt.Sprintf("ResolutionWith evidence %d", evidence)], _, _ = resolutionWith(uncite.ResolutionQuery{
			Symbol: "x", CitedBy: &citing, CoCited: &uncite.Ranking{Evidence: evidence}})
	}
	ctx := context.Background()
	for name, cypher := range queries {
		if slices.Contains(fragments, name) {
			continue
		}
		plan, err := explain(ctx, s, cypher)
		for _, prefix := range boundBy {
			if err == nil || !strings.Contains(err.Error(), "not defined") {
				break
			}
			plan, err = explain(ctx, s, prefix+cypher)
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if op := scan(plan); op != "" && scansAllowed[name] == "" {
			t.Errorf("%s scans (%s):\n%s", name, op, cypher)
		}
	}
}

func explain(ctx context.Context, s *Store, cypher string) (neo4j.Plan, error) {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead})
	defer session.Close(ctx)
	res, err := session.Run(ctx, "EXPLAIN "+cypher, nil)
	if err != nil {
		return nil, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	return sum.Plan(), nil
}

// scan returns the first scanning operator of a plan, "" when none.
func scan(p neo4j.Plan) string {
	for _, op := range scanOperators {
		if strings.Contains(p.Operator(), op) {
			return p.Operator()
		}
	}
	for _, c := range p.Children() {
		if op := scan(c); op != "" {
			return op
		}
	}
	return ""
}

var clause = regexp.MustCompile(`^\s*(MATCH|OPTIONAL MATCH|UNWIND|MERGE|CREATE|CALL|WITH|RETURN)\b`)

// cypherConstants evaluates the string constants of the package's source,
// at any scope, and keeps those that start with a Cypher clause. A
// function's "cypher" or "match" constant is named after the function.
func cypherConstants(t *testing.T) map[string]string {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	exprs := map[string]ast.Expr{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(fset, f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		fn := ""
		ast.Inspect(file, func(n ast.Node) bool {
			if d, ok := n.(*ast.FuncDecl); ok {
				fn = d.Name.Name
			}
			d, ok := n.(*ast.GenDecl)
			if !ok || d.Tok != token.CONST {
				return true
			}
			for _, spec := range d.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i >= len(vs.Values) {
						continue
					}
					key := name.Name
					if key == "cypher" || key == "match" {
						key = fn
					}
					exprs[key] = vs.Values[i]
				}
			}
			return true
		})
	}
	var eval func(e ast.Expr) (string, bool)
	eval = func(e ast.Expr) (string, bool) {
		switch e := e.(type) {
		case *ast.BasicLit:
			if e.Kind != token.STRING {
				return "", false
			}
			s, err := strconv.Unquote(e.Value)
			return s, err == nil
		case *ast.Ident:
			if x, ok := exprs[e.Name]; ok {
				return eval(x)
			}
		case *ast.ParenExpr:
			return eval(e.X)
		case *ast.BinaryExpr:
			if e.Op == token.ADD {
				a, okA := eval(e.X)
				b, okB := eval(e.Y)
				return a + b, okA && okB
			}
		}
		return "", false
	}
	out := map[string]string{}
	for name, e := range exprs {
		if s, ok := eval(e); ok && (clause.MatchString(s) || slices.Contains(fragments, name)) {
			out[name] = s
		}
	}
	return out
}

// TestPagesReadInIndexOrder: the listings that an index hands over in
// their order read the page and stop, instead of reading every match and
// keeping the first (a Top operator): a State's documents, of the
// thousands it may have written, and the resolutions by symbol and by
// citation count.
func TestPagesReadInIndexOrder(t *testing.T) {
	s := fresh(t)
	queries := map[string]string{}
	for _, q := range []uncite.DocumentQuery{
		{Filter: uncite.DocumentFilter{Author: "AZE"}, Omit: uncite.AllParts},
		{Filter: uncite.DocumentFilter{Author: "AZE"}, Omit: uncite.AllParts&^uncite.PartCitations | uncite.PartEvidence},
		{Filter: uncite.DocumentFilter{Author: "AZE", Type: "letter"}, Omit: uncite.PartEvidence, NoTotal: true},
	} {
		g := documentShapes([]uncite.DocumentQuery{q})[0]
		queries[fmt.Sprintf("documentPages %+v omit %b", q.Filter, q.Omit)] = g.cypher()
	}
	for _, o := range []uncite.ResolutionOrder{uncite.OrderBySymbol, uncite.OrderByCitationCount} {
		queries["Resolutions by "+string(o)] = resolutionPage("", whereClause([]string{inOrderOf[o]}), resolutionOrders[o])
	}
	for name, cypher := range queries {
		plan, err := explain(context.Background(), s, cypher)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if hasOperator(plan, "Top") {
			t.Errorf("%s reads every match to keep a page:\n%s", name, cypher)
		}
	}
}

func hasOperator(p neo4j.Plan, op string) bool {
	if strings.HasPrefix(p.Operator(), op) {
		return true
	}
	return slices.ContainsFunc(p.Children(), func(c neo4j.Plan) bool { return hasOperator(c, op) })
}
