package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
)

// viewRels are the relationship types of the graph views. ADOPTED_BY and
// OF_BODY are left out with the Body nodes they lead to (see uncite.KindDocument).
const viewRels = "SUBMITTED_BY|MENTIONS|IN_SESSION|UNDER_ITEM|CITES|REFERS_TO"

// nodeIDOf is the Cypher expression of the graph-view ID of the node bound
// to %[1]s. The Resolution label is tested first: a document that is a
// resolution is shown as the Resolution.
const nodeIDOf = `CASE
  WHEN %[1]s:Resolution THEN 'Resolution:' + %[1]s.symbol
  WHEN %[1]s:Document THEN 'Document:' + %[1]s.id
  WHEN %[1]s:State THEN 'State:' + %[1]s.code
  WHEN %[1]s:Session THEN 'Session:' + %[1]s.key
  WHEN %[1]s:AgendaItem THEN 'AgendaItem:' + %[1]s.key
END`

// nodeOf projects the node bound to %[1]s into its ID and the properties
// graphview.go lists for its kind; absent properties come back null and are
// dropped by toNode. A resolution's body is that of the Body it is adopted
// by (kept on it as resolutionBody), an agenda item's body and session
// those of its one session.
const nodeOf = `{id: ` + nodeIDOf + `, props: CASE
  WHEN %[1]s:Resolution THEN {
    symbol: %[1]s.symbol, number: %[1]s.number, year: %[1]s.year, known: coalesce(%[1]s.known, false),
    title: %[1]s.resolutionTitle, date: %[1]s.resolutionDate,
    body: %[1]s.resolutionBody,
    document: CASE WHEN %[1]s:Document THEN %[1]s.id END}
  WHEN %[1]s:Document THEN {
    id: %[1]s.id, symbol: %[1]s.symbol, title: %[1]s.title, type: %[1]s.type, date: %[1]s.date, body: %[1]s.body}
  WHEN %[1]s:State THEN {code: %[1]s.code, name: %[1]s.name}
  WHEN %[1]s:Session THEN {
    body: %[1]s.body, number: %[1]s.number, startDate: %[1]s.startDate, endDate: %[1]s.endDate}
  WHEN %[1]s:AgendaItem THEN head([(%[1]s)-[:IN_SESSION]->(s:Session) |
    {body: s.body, session: s.number, number: %[1]s.number, title: %[1]s.title}])
END}`

// The expressions above bound to the variable names the queries use. Only
// these constant names are ever substituted.
var (
	idN   = fmt.Sprintf(nodeIDOf, "n")
	nodeN = fmt.Sprintf(nodeOf, "n")
	// edgeAB projects a relationship r from a to b with the element IDs
	// of its ends, which the caller maps to node IDs (see elementEdges): a
	// subgraph has thousands of edges among far fewer nodes, whose IDs are
	// computed once each rather than once per edge end.
	edgeAB = `{source: elementId(a), target: elementId(b), type: type(r), count: r.count}`
)

// nodeKeys gives, for each kind of node ID, the label and key property that
// find the node. A Document key finds a resolution document too, which then
// stands as its Resolution.
var nodeKeys = map[string][2]string{
	uncite.KindDocument:   {"Document", "id"},
	uncite.KindResolution: {"Resolution", "symbol"},
	uncite.KindState:      {"State", "code"},
	uncite.KindSession:    {"Session", "key"},
	uncite.KindAgendaItem: {"AgendaItem", "key"},
}

// nodePattern is the pattern binding v to the node of the given kind whose
// key is the parameter param. kind has been checked by uncite.SplitNodeID
// and v and param are constants of this package, so no input reaches the text.
func nodePattern(v, kind, param string) string {
	k := nodeKeys[kind]
	return "(" + v + ":" + k[0] + " {" + k[1] + ": $" + param + "})"
}

// Neighborhood expands breadth-first from the node id, one query per level
// in one read transaction. Nodes are passed between levels by element ID,
// which is stable within the transaction.
func (s *Store) Neighborhood(ctx context.Context, id string, depth, limit int) (*uncite.Subgraph, error) {
	if err := uncite.ValidateNeighborhood(depth, limit); err != nil {
		return nil, err
	}
	kind, key, err := uncite.SplitNodeID(id)
	if err != nil {
		return nil, err
	}
	g, err := execute(ctx, s, neo4j.AccessModeRead, func(ctx context.Context, tx neo4j.ManagedTransaction) (*uncite.Subgraph, error) {
		return neighborhood(ctx, tx, id, kind, key, depth, limit)
	})
	if err != nil {
		if uncite.ErrorCode(err) == uncite.ENOTFOUND {
			return nil, err
		}
		return nil, fmt.Errorf("neo4j: neighbourhood of %q: %w", id, err)
	}
	return g, nil
}

// expandLevel returns the neighbours of the frontier not selected yet, in ID
// order, at most $take of them; the IDs are computed before the cut so that
// the cut keeps the smallest.
var expandLevel = `
UNWIND $frontier AS eid
MATCH (f) WHERE elementId(f) = eid
MATCH (f)-[:` + viewRels + `]-(n)
WITH DISTINCT n
WHERE NOT elementId(n) IN $seen
WITH n, ` + idN + ` AS id
ORDER BY id
LIMIT $take
RETURN elementId(n) AS eid, ` + nodeN + ` AS node`

// edgesAmong returns every view relationship between the nodes $ids. Only
// outgoing relationships are expanded, so each is found once, from its
// source.
var edgesAmong = `
UNWIND $ids AS eid
MATCH (a) WHERE elementId(a) = eid
MATCH (a)-[r:` + viewRels + `]->(b)
WHERE elementId(b) IN $ids
RETURN ` + edgeAB + ` AS edge`

func neighborhood(ctx context.Context, tx neo4j.ManagedTransaction, id, kind, key string, depth, limit int) (*uncite.Subgraph, error) {
	recs, err := run(ctx, tx, "MATCH "+nodePattern("n", kind, "key")+" RETURN elementId(n) AS eid, "+nodeN+" AS node",
		map[string]any{"key": key})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, notFound(id)
	}
	g := &uncite.Subgraph{Nodes: []uncite.Node{toNode(get[map[string]any](recs[0], "node"))}}
	seen := []string{get[string](recs[0], "eid")}
	frontier := seen
	for level := 1; level <= depth && len(frontier) > 0 && !g.Truncated; level++ {
		room := limit - len(g.Nodes)
		// One row past the room tells a full level from a cut one.
		recs, err := run(ctx, tx, expandLevel, map[string]any{"frontier": frontier, "seen": seen, "take": room + 1})
		if err != nil {
			return nil, err
		}
		if len(recs) > room {
			recs, g.Truncated = recs[:room], true
		}
		frontier = make([]string, len(recs))
		for i, r := range recs {
			frontier[i] = get[string](r, "eid")
			g.Nodes = append(g.Nodes, toNode(get[map[string]any](r, "node")))
		}
		seen = append(seen, frontier...)
	}
	recs, err = run(ctx, tx, edgesAmong, map[string]any{"ids": seen})
	if err != nil {
		return nil, err
	}
	ids := make(map[string]string, len(seen))
	for i, eid := range seen {
		ids[eid] = g.Nodes[i].ID
	}
	edges := make([]any, len(recs))
	for i, r := range recs {
		edges[i] = get[map[string]any](r, "edge")
	}
	g.Edges = elementEdges(edges, ids)
	return g, nil
}

// elementEdges converts projections of edgeAB, naming their ends by the
// node IDs that ids gives for their element IDs, in the order of
// uncite.SortEdges.
func elementEdges(edges []any, ids map[string]string) []uncite.Edge {
	var out []uncite.Edge
	for _, x := range edges {
		m := x.(map[string]any)
		m["source"], m["target"] = ids[m["source"].(string)], ids[m["target"].(string)]
		out = append(out, toEdge(m))
	}
	uncite.SortEdges(out)
	return out
}

// FilterSubgraph draws the first limit documents matching f and their
// direct neighbours, in one query.
func (s *Store) FilterSubgraph(ctx context.Context, f uncite.DocumentFilter, limit int) (*uncite.Subgraph, error) {
	if err := uncite.ValidateSubgraphLimit(limit); err != nil {
		return nil, err
	}
	match, order, params := documentMatch(f, dollar)
	params["limit"] = limit
	// One document past the limit tells whether more matched. The edges
	// are the view relationships leaving any node of the subgraph for
	// another: every relationship among them, each once.
	cypher := `
CALL () { ` + match + ` WITH d ORDER BY ` + order + ` LIMIT $limit + 1 RETURN collect(d) AS docs }
WITH docs[..$limit] AS matched, size(docs) > $limit AS truncated
CALL (matched) {
  UNWIND matched AS d
  MATCH (d)-[:` + viewRels + `]-(n)
  WITH DISTINCT n
  WHERE NOT n IN matched
  WITH n, ` + idN + ` AS id
  ORDER BY id
  RETURN collect(n) AS neighbours
}
WITH matched, neighbours, truncated, matched + neighbours AS selected
CALL (selected) {
  UNWIND selected AS a
  MATCH (a)-[r:` + viewRels + `]->(b)
  WHERE b IN selected
  RETURN collect(` + edgeAB + `) AS edges
}
RETURN [n IN selected | [elementId(n), ` + nodeN + `]] AS nodes, edges, truncated`
	recs, err := s.query(ctx, cypher, params, neo4j.Read)
	if err != nil {
		return nil, fmt.Errorf("neo4j: subgraph of %+v: %w", f, err)
	}
	g := &uncite.Subgraph{Truncated: get[bool](recs[0], "truncated")}
	nodes := get[[]any](recs[0], "nodes")
	ids := make(map[string]string, len(nodes))
	for _, x := range nodes {
		pair := x.([]any)
		n := toNode(pair[1].(map[string]any))
		ids[pair[0].(string)] = n.ID
		g.Nodes = append(g.Nodes, n)
	}
	g.Edges = elementEdges(get[[]any](recs[0], "edges"), ids)
	return g, nil
}

// toNode converts a projection of nodeOf. Null properties are dropped and
// integers narrowed to int, so that both stores give the same values.
func toNode(m map[string]any) uncite.Node {
	id := m["id"].(string)
	kind, key, _ := strings.Cut(id, ":")
	n := uncite.Node{ID: id, Kind: kind, Properties: map[string]any{}}
	for k, v := range m["props"].(map[string]any) {
		switch v := v.(type) {
		case nil:
		case int64:
			n.Properties[k] = int(v)
		default:
			n.Properties[k] = v
		}
	}
	n.Label = uncite.NodeLabel(kind, key, n.Properties)
	return n
}

// toEdge converts a projection of an edge.
func toEdge(m map[string]any) uncite.Edge {
	count, _ := m["count"].(int64)
	return uncite.NewEdge(m["source"].(string), m["target"].(string), m["type"].(string), int(count))
}

// exists reports whether the node of kind with key exists.
func (s *Store) exists(ctx context.Context, kind, key string) (bool, error) {
	recs, err := s.query(ctx, "MATCH "+nodePattern("n", kind, "key")+" RETURN count(n) > 0 AS found", map[string]any{"key": key}, neo4j.Read)
	if err != nil {
		return false, fmt.Errorf("neo4j: looking up %q: %w", uncite.NodeID(kind, key), err)
	}
	return get[bool](recs[0], "found"), nil
}

func notFound(id string) error {
	return uncite.Errorf(uncite.ENOTFOUND, "no node %q in the graph", id)
}
