package neo4jstore

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
)

// Paths finds the paths in one query that never lists them all: between
// two documents four hops apart through hubs (a State authoring thousands
// of documents, a session, a popular resolution) there are tens of
// thousands of shortest paths, and allShortestPaths would produce and sort
// them all to keep MaxPaths. The query instead walks them in the order
// they are returned, as the embedded store does, and stops at MaxPaths.
//
// It keeps the nodes around b by their exact distance from b, in layers
// (lb[0] is b, lb[1] its neighbours, lb[2] the next ones when they are
// cheap to gather), and the neighbours of a. Up to four hops, the distance
// d is the first h for which a's neighbours reach layer h-1: by lying in
// it, by being adjacent to layer h-2, or by sharing a neighbour with a node
// of layer h-3. As no shorter distance held, each of these tests is exact.
// Farther distances occur only in sparse corners of the graph and are
// found otherwise (see farther), with lb then made of the exact layers of
// the shortest paths.
//
// The walk then extends prefixes (node sequences from a) one position at
// a time. At position i+1 a prefix takes its neighbours at distance
// d-i-1 from b, in ID order; a neighbour of a node on a shortest path is
// never nearer to b than that, so the same three tests pick them out. The
// prefixes are taken in order and each contributes its first MaxPaths
// extensions until MaxPaths are found, so prefixes past them are never
// expanded: the first MaxPaths node sequences of the walk are those of the
// first MaxPaths paths, whatever the relationships between their nodes.
//
// Hubs stay cheap because whether a node is adjacent to a short list of
// nodes is asked of each node of the list, one direction at a time
// (Expand(Into) then walks the end with fewer relationships, which for a
// hub is the other one), rather than by walking the node's own thousands
// of relationships; and because no layer is grown through a hub unless it
// is cheaper than the tests.
func (s *Store) Paths(ctx context.Context, from, to string, maxHops int) ([]uncite.Path, error) {
	if err := uncite.ValidatePathHops(maxHops); err != nil {
		return nil, err
	}
	fromKind, fromKey, err := uncite.SplitNodeID(from)
	if err != nil {
		return nil, err
	}
	toKind, toKey, err := uncite.SplitNodeID(to)
	if err != nil {
		// The ends are checked in order, as the embedded store does: an
		// absent start is reported before a malformed end.
		found, ferr := s.exists(ctx, fromKind, fromKey)
		switch {
		case ferr != nil:
			return nil, ferr
		case !found:
			return nil, notFound(from)
		}
		return nil, err
	}
	recs, err := s.query(ctx, pathsCypher[maxHops], map[string]any{
		"from": fromKey, "fromKind": fromKind, "to": toKey, "toKind": toKind, "max": uncite.MaxPaths}, neo4j.Read)
	if err != nil {
		return nil, fmt.Errorf("neo4j: paths from %q to %q: %w", from, to, err)
	}
	a, b := get[map[string]any](recs[0], "from"), get[map[string]any](recs[0], "to")
	switch {
	case a == nil:
		return nil, notFound(from)
	case b == nil:
		return nil, notFound(to)
	case a["id"] == b["id"]:
		// A document and the Resolution it is are one node too.
		return []uncite.Path{{Nodes: []uncite.Node{toNode(a)}}}, nil
	}
	return walkedPaths(get[[]any](recs[0], "seqs"), get[[]any](recs[0], "nodes"), get[[]any](recs[0], "rels")), nil
}

// walkedPaths builds the paths along the node sequences of the walk, named
// by element ID, one per choice of relationship at each hop, in order of
// those relationships (see uncite.PathsAlong), up to MaxPaths.
func walkedPaths(seqs, nodes, rels []any) []uncite.Path {
	views := make(map[string]uncite.Node, len(nodes))
	for _, x := range nodes {
		pair := x.([]any)
		views[pair[0].(string)] = toNode(pair[1].(map[string]any))
	}
	// Relationships by their ends in sequence order, which each pair of
	// nodes keeps in every sequence: both are at fixed distances from a.
	between := map[[2]string][]uncite.Edge{}
	for _, x := range rels {
		m := x.(map[string]any)
		ends := [2]string{m["x"].(string), m["y"].(string)}
		m["source"], m["target"] = views[m["source"].(string)].ID, views[m["target"].(string)].ID
		between[ends] = append(between[ends], toEdge(m))
	}
	var paths []uncite.Path
	for _, x := range seqs {
		seq := toStrings(x)
		along := make([]uncite.Node, len(seq))
		hops := make([][]uncite.Edge, len(seq)-1)
		for i, eid := range seq {
			along[i] = views[eid]
			if i > 0 {
				hops[i-1] = between[[2]string{seq[i-1], eid}]
			}
		}
		paths = append(paths, uncite.PathsAlong(along, hops, uncite.MaxPaths-len(paths))...)
	}
	return paths
}

// Costs that choose between two ways of finding a node's neighbours among
// a list: walking the node's own relationships, or asking for each node of
// the list whether a relationship joins them, which costs about as much as
// walking some tens of relationships.
const (
	pathCheckCost = "32"
	pathOwnWalk   = "64"
)

// The neighbours of b's neighbours are gathered as a layer, even when the
// distance does not require it, when their relationships are few: fewer
// than pathLayerRels, or than pathLayerPerNode per neighbour of a up to
// pathLayerMaxRels. Walking them once then costs less than testing, one by
// one in ID order, the thousands of neighbours of a hub at a, of which few
// may pass; walking a hundred thousand would cost more than sorting them.
const (
	pathLayerRels    = "4096"
	pathLayerPerNode = "16"
	pathLayerMaxRels = "65536"
)

// The Cypher fragments below are built from constant variable names only.

func degree(v string) string { return "COUNT { (" + v + ")-[:" + viewRels + "]-() }" }

// ownWalk is whether v's relationships are fewer to walk than the nodes of
// list are to check one by one.
func ownWalk(v, list string) string {
	return "(" + degree(v) + " <= " + pathOwnWalk + " + " + pathCheckCost + " * size(" + list + "))"
}

// linked is whether a relationship joins x and y. Each direction is its own
// pattern so that Neo4j answers it from the end with fewer relationships
// that way: a State has no outgoing relationship at all.
func linked(x, y string) string {
	return "(EXISTS { (" + x + ")-[:" + viewRels + "]->(" + y + ") } OR EXISTS { (" + y + ")-[:" + viewRels + "]->(" + x + ") })"
}

// adjacent is whether v has a neighbour in list; y names its nodes.
func adjacent(v, list, y string) string {
	return "(CASE WHEN " + ownWalk(v, list) +
		" THEN EXISTS { MATCH (" + v + ")-[:" + viewRels + "]-(" + y + ") WHERE " + y + " IN " + list + " }" +
		" ELSE any(" + y + " IN " + list + " WHERE " + linked(v, y) + ") END)"
}

// bridged is whether v has a neighbour adjacent to a node of list.
func bridged(v, list string) string {
	return "EXISTS { MATCH (" + v + ")-[:" + viewRels + "]-(m) WHERE " + adjacent("m", list, "y") + " }"
}

// Ways of testing a node against layer l of b, by how much further from b
// than l the node must be: k - r is 0 (l is layer k), 1 or 2 (l is the
// deepest layer, r).
const (
	inLayer = iota
	nextToLayer
	twoFromLayer
)

// layerDepths lists the depths r the layers of b can have reached when the
// distance d is found: only b's neighbours before the third hop, its second
// neighbours too when cheap, and from five hops on every one the walk
// needs (see farther).
func layerDepths(d int) []int {
	switch {
	case d <= 2:
		return []int{1}
	case d <= 4:
		return []int{1, 2}
	}
	return []int{d - 1}
}

// byWay picks among the Cypher expressions of the ways of testing, by how
// k stands to r, keeping only the ways that can occur: each left out is
// nested queries fewer to plan.
func byWay(ways map[int]bool, exprs [3]string) string {
	var conds, picked []string
	for way, cond := range [3]string{"k <= r", "k = r + 1", "k = r + 2"} {
		if ways[way] {
			conds, picked = append(conds, cond), append(picked, exprs[way])
		}
	}
	if len(picked) == 1 {
		return picked[0]
	}
	var b strings.Builder
	b.WriteString("CASE")
	for i := range picked {
		b.WriteString("\n  WHEN " + conds[i] + " THEN " + picked[i])
	}
	b.WriteString(" END")
	return b.String()
}

// reaches is whether some node of na lies in, is adjacent to, or is bridged
// to the layer l, each asked of the shorter list against the other.
func reaches(way int) string {
	pred := func(list string) string {
		switch way {
		case inLayer:
			return "v IN " + list
		case nextToLayer:
			return adjacent("v", list, "y")
		}
		return bridged("v", list)
	}
	return "CASE WHEN size(na) <= size(l) THEN any(v IN na WHERE " + pred("l") + ") ELSE any(v IN l WHERE " + pred("na") + ") END"
}

// growLayer adds to the layers ls (of a or b) the next one, the nodes
// adjacent to the last layer and in neither it nor the one before, when
// grow holds. carry lists the other variables to keep.
func growLayer(ls, carry, grow string) string {
	return `
WITH ` + carry + `, ` + ls + `, ` + grow + ` AS grow
CALL (` + ls + `, grow) {
  WITH ` + ls + `, grow WHERE grow
  WITH ` + ls + `[-1] AS cur, ` + ls + `[-2] AS prev
  UNWIND cur AS x
  MATCH (x)-[:` + viewRels + `]-(y)
  WHERE NOT y IN cur AND NOT y IN prev
  RETURN collect(DISTINCT y) AS next
}
WITH ` + carry + `, CASE WHEN grow THEN ` + ls + ` + [next] ELSE ` + ls + ` END AS ` + ls
}

// children lists, sorted by ID, at most $max of the neighbours of the last
// node of prefix p that are at distance k from b: the members of layer l
// (found from whichever side is cheaper), or those adjacent or bridged to
// it. The tests run in ID order and stop at $max, so that a hub's thousands
// of neighbours are sorted but not tested.
func children(ways map[int]bool) string {
	sorted := func(test string) string {
		return `COLLECT {
      WITH last(p) AS u
      MATCH (u)-[:` + viewRels + `]-(c)
      WITH DISTINCT c
      WITH c, ` + fmt.Sprintf(nodeIDOf, "c") + ` AS id
      ORDER BY id
      WITH c WHERE ` + test + `
      RETURN c LIMIT $max }`
	}
	return byWay(ways, [3]string{members("l"), sorted(adjacent("c", "l", "y")), sorted(bridged("c", "l"))})
}

// members lists, sorted by ID, at most $max of the neighbours of the last
// node of prefix p that are in the layer layer, found from whichever side
// is cheaper.
func members(layer string) string {
	return `COLLECT {
      WITH last(p) AS u, ` + layer + ` AS l
      CALL (u, l) {
        WITH u, l WHERE ` + ownWalk("u", "l") + `
        MATCH (u)-[:` + viewRels + `]-(c) WHERE c IN l
        RETURN DISTINCT c
      UNION
        WITH u, l WHERE NOT ` + ownWalk("u", "l") + `
        UNWIND l AS c
        WITH u, c WHERE ` + linked("u", "c") + `
        RETURN c
      }
      WITH c, ` + fmt.Sprintf(nodeIDOf, "c") + ` AS id
      ORDER BY id
      LIMIT $max
      RETURN c }`
}

// farther finds distances of five hops and more, which only sparse
// corners of the graph have, and makes lb the layers the walk needs, all
// exact, so that it only tests membership.
//
// The distance comes from the kernel's breadth-first search from both ends,
// which stops as soon as either end's component is exhausted. The layers
// are then grown as the embedded store grows them, on whichever side has
// the smaller last layer, until they meet: from a sparse end towards a hub
// the hub's side is never grown, when growing b's side by itself could
// cover the whole graph. b's layers hold nodes by their distance from b,
// which is what the walk tests; a's hold them by their distance from a, so
// they are cut down to the shortest-path nodes, from the meeting nodes
// back towards a: those adjacent to the ones kept next to them.
func farther(hops int) string {
	// a's layers were grown only while sparser than b's.
	touching := "EXISTS { MATCH (v)-[:" + viewRels + "]-(y) WHERE y IN s }"
	var q strings.Builder
	q.WriteString(`
OPTIONAL CALL (a, b, d) {
  WITH a, b, d WHERE d IS NULL
  MATCH p = shortestPath((a)-[:` + viewRels + `*..` + strconv.Itoa(hops) + `]-(b))
  RETURN length(p) AS far
}
WITH a, lb, coalesce(d, far) AS d, [[a], na] AS la
WHERE d IS NOT NULL`)
	// Each step grows one side; they start one and at least one layer deep.
	for range hops - 2 {
		q.WriteString(`
WITH a, la, lb, d, d >= 5 AND size(la) + size(lb) - 2 < d AS more
WITH a, la, lb, d, more AND size(la[-1]) <= size(lb[-1]) AS growA, more AND size(la[-1]) > size(lb[-1]) AS growB`)
		q.WriteString(growLayer("la", "a, lb, d, growB", "growA"))
		q.WriteString(growLayer("lb", "a, la, d", "growB"))
	}
	q.WriteString(`
WITH a, la, lb, d, la[-1] AS fa, lb[-1] AS fb
WITH a, la, lb, d,
  CASE WHEN d < 5 THEN [] WHEN size(fa) <= size(fb) THEN [v IN fa WHERE v IN fb] ELSE [v IN fb WHERE v IN fa] END AS meet
WITH a, la, lb, d, [meet] AS sa`)
	for range hops - 2 {
		q.WriteString(`
WITH a, la, lb, d, sa, sa[0] AS s, CASE WHEN size(sa) < size(la) - 1 THEN la[size(la) - 1 - size(sa)] END AS layer
WITH a, la, lb, d, CASE WHEN layer IS NULL THEN sa ELSE [[v IN layer WHERE ` + touching + `]] + sa END AS sa`)
	}
	q.WriteString(`
WITH a, CASE WHEN d >= 5 THEN lb + reverse(sa)[1..] ELSE lb END AS lb, d`)
	return q.String()
}

// extended is the first $max extensions of the prefixes ps by the nodes
// next lists for each, prefix by prefix: once $max are found the later
// prefixes are not expanded at all.
func extended(next string) string {
	return `reduce(acc = [], p IN ps |
  CASE WHEN size(acc) >= $max THEN acc ELSE acc + [x IN ` + next + ` | p + x] END)[..$max]`
}

// lookup binds v to the node whose kind and key are the parameters
// $<param>Kind and $<param>, so that one query serves every kind of end:
// each kind's branch is an index seek that finds nothing unless the kind
// is its own.
func lookup(v, param string) string {
	var branches []string
	for _, kind := range slices.Sorted(maps.Keys(nodeKeys)) {
		branches = append(branches, "MATCH "+nodePattern("n", kind, param)+" WHERE $"+param+"Kind = '"+kind+"' RETURN n AS "+v)
	}
	return "\nOPTIONAL CALL () {\n  " + strings.Join(branches, "\n  UNION\n  ") + "\n}"
}

// pathsCypher finds the paths between the nodes $fromKind:$from and
// $toKind:$to, one query per hop bound, indexed by the validated maxHops:
// the distance tests and the walk are unrolled for each possible hop. Both
// ends are looked up in the same query so that an absent one is told apart
// from an unreachable one. It returns their projections and, when there is
// a path, the node sequences of the walk as element IDs, the nodes on them
// and the relationships between consecutive ones (x, y in sequence order);
// with no hop allowed only the ends.
var pathsCypher = func() (qs [uncite.MaxPathHops + 1]string) {
	ends := lookup("a", "from") + lookup("b", "to")
	project := `
RETURN CASE WHEN a IS NOT NULL THEN ` + fmt.Sprintf(nodeOf, "a") + ` END AS from,
       CASE WHEN b IS NOT NULL THEN ` + fmt.Sprintf(nodeOf, "b") + ` END AS to`
	qs[0] = ends + project
	for hops := 1; hops <= uncite.MaxPathHops; hops++ {
		var q strings.Builder
		q.WriteString(ends + `
OPTIONAL CALL (a, b) {
WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
WITH a, b, CASE WHEN ` + linked("a", "b") + ` THEN 1 END AS d
WITH a, b, d,
  CASE WHEN d IS NULL THEN COLLECT { MATCH (a)-[:` + viewRels + `]-(x) WHERE x <> a RETURN DISTINCT x } ELSE [] END AS na,
  [[b], CASE WHEN d IS NULL THEN COLLECT { MATCH (b)-[:` + viewRels + `]-(x) WHERE x <> b RETURN DISTINCT x } ELSE [] END] AS lb`)
		for h := 2; h <= min(hops, 4); h++ {
			if h == 3 {
				// Only now, with the distance past two, are b's second
				// neighbours worth gathering when cheap. The sum of
				// degrees stops growing once past the bound.
				q.WriteString(`
WITH a, b, na, lb, d, ` + pathLayerPerNode + ` * size(na) AS cheap
WITH a, b, na, lb, d, CASE WHEN cheap < ` + pathLayerRels + ` THEN ` + pathLayerRels + `
  WHEN cheap > ` + pathLayerMaxRels + ` THEN ` + pathLayerMaxRels + ` ELSE cheap END AS cheap`)
				q.WriteString(growLayer("lb", "a, b, na, d", `CASE WHEN d IS NOT NULL OR size(lb[1]) > cheap THEN false
  ELSE reduce(n = 0, x IN lb[1] | CASE WHEN n > cheap THEN n ELSE n + `+degree("x")+` END) <= cheap END`))
			}
			ways := map[int]bool{}
			for _, r := range layerDepths(h) {
				ways[max(h-1-r, inLayer)] = true
			}
			q.WriteString(`
WITH a, b, na, lb, d, size(lb) - 1 AS r, ` + strconv.Itoa(h-1) + ` AS k
WITH a, b, na, lb, d, r, k, CASE WHEN k <= r THEN lb[k] ELSE lb[r] END AS l
WITH a, b, na, lb, CASE WHEN d IS NOT NULL THEN d WHEN ` +
				byWay(ways, [3]string{reaches(inLayer), reaches(nextToLayer), reaches(twoFromLayer)}) +
				` THEN ` + strconv.Itoa(h) + ` END AS d`)
		}
		if hops >= 5 {
			q.WriteString(farther(hops))
		}
		q.WriteString(`
WITH a, lb, d WHERE d IS NOT NULL
WITH lb, d, [[a]] AS ps`)
		// Past the first two positions every way is membership, which one
		// step repeated over the positions does: a query part fewer to plan
		// for each.
		for i := range min(hops, 2) {
			ways := map[int]bool{}
			for d := i + 1; d <= hops; d++ {
				for _, r := range layerDepths(d) {
					ways[max(d-1-i-r, inLayer)] = true
				}
			}
			q.WriteString(`
WITH lb, d, ps, size(lb) - 1 AS r, d - ` + strconv.Itoa(i+1) + ` AS k
WITH lb, d, ps, r, k, CASE WHEN k <= r THEN lb[k] ELSE lb[r] END AS l
WITH lb, d, CASE WHEN k < 0 THEN ps ELSE ` + extended(children(ways)) + ` END AS ps`)
		}
		if hops > 2 {
			q.WriteString(`
WITH lb, d, reduce(ps = ps, i IN range(2, d - 1) | ` + extended(members("lb[d - 1 - i]")) + `) AS ps`)
		}
		q.WriteString(`
RETURN [p IN ps | [n IN p | elementId(n)]] AS seqs,
  COLLECT { UNWIND ps AS p UNWIND p AS n WITH DISTINCT n RETURN [elementId(n), ` + nodeN + `] } AS nodes,
  COLLECT {
    UNWIND ps AS p
    UNWIND range(0, size(p) - 2) AS i
    WITH DISTINCT p[i] AS x, p[i + 1] AS y
    MATCH (x)-[r:` + viewRels + `]-(y)
    RETURN {x: elementId(x), y: elementId(y), source: elementId(startNode(r)), target: elementId(endNode(r)),
            type: type(r), count: r.count} } AS rels
}` + project + ", seqs, nodes, rels")
		qs[hops] = q.String()
	}
	return qs
}()
