package memstore

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/uncite/uncite"
)

// Paths implements uncite.Store with a breadth-first search from both ends
// (growing the smaller frontier, so that a hub is expanded only when
// unavoidable), then a depth-first walk of the shortest-path nodes in ID
// order, which yields the paths already sorted by their node IDs. Two
// nodes linked by several relationships give one path per relationship;
// such paths sort by their relationship types (then, for two of one type
// in opposite directions, by source).
func (s *Store) Paths(_ context.Context, from, to string, maxHops int) ([]uncite.Path, error) {
	if maxHops < 0 || maxHops > uncite.MaxPathHops {
		return nil, uncite.Errorf(uncite.EINVALID, "maxHops %d: must be between 0 and %d", maxHops, uncite.MaxPathHops)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	a, err := s.lookupNode(from)
	if err != nil {
		return nil, err
	}
	b, err := s.lookupNode(to)
	if err != nil {
		return nil, err
	}
	if a.ref() == b.ref() {
		return []uncite.Path{{Nodes: []uncite.Node{s.view(a)}}}, nil
	}
	ps := &pathSearch{s: s, adj: map[nodeRef][]node{}}
	fwd, back := newBFS(a), newBFS(b)
	var meet []node
	for meet == nil && fwd.depth()+back.depth() < maxHops {
		grow, other := fwd, back
		if ps.cost(back.last()) < ps.cost(fwd.last()) {
			grow, other = back, fwd
		}
		next := grow.step(ps)
		if len(next) == 0 {
			return nil, nil // one end's whole component is explored
		}
		for _, n := range next {
			if _, ok := other.dist[n.ref()]; ok {
				meet = append(meet, n)
			}
		}
	}
	if meet == nil {
		return nil, nil
	}
	ps.fwd, ps.back, ps.hops = fwd, back, fwd.depth()+back.depth()
	ps.prune(meet)
	ps.walk([]node{a})
	return ps.paths, nil
}

// bfs is one end of the search: the distance of every node reached and
// the nodes of each level.
type bfs struct {
	dist   map[nodeRef]int
	levels [][]node
}

func newBFS(n node) *bfs { return &bfs{dist: map[nodeRef]int{n.ref(): 0}, levels: [][]node{{n}}} }

func (b *bfs) depth() int   { return len(b.levels) - 1 }
func (b *bfs) last() []node { return b.levels[len(b.levels)-1] }

func (b *bfs) step(ps *pathSearch) []node {
	d := len(b.levels)
	var next []node
	for _, u := range b.last() {
		for _, v := range ps.neighbours(u) {
			if _, seen := b.dist[v.ref()]; !seen {
				b.dist[v.ref()] = d
				next = append(next, v)
			}
		}
	}
	b.levels = append(b.levels, next)
	return next
}

type pathSearch struct {
	s         *Store
	adj       map[nodeRef][]node // distinct neighbours sorted by ID, per node
	fwd, back *bfs
	hops      int
	onPath    map[nodeRef]bool // nodes of the forward side on a shortest path
	paths     []uncite.Path
}

func (ps *pathSearch) neighbours(n node) []node {
	if l, ok := ps.adj[n.ref()]; ok {
		return l
	}
	seen := map[nodeRef]node{}
	named, lists := ps.s.adjacent(n)
	for _, x := range named {
		seen[x.ref()] = x
	}
	for _, l := range lists {
		for _, d := range l {
			x := ps.s.docNode(d)
			seen[x.ref()] = x
		}
	}
	delete(seen, n.ref())
	l := slices.SortedFunc(maps.Values(seen), compareNodes)
	ps.adj[n.ref()] = l
	return l
}

// cost estimates the work of expanding a frontier: the number of
// relationships of its nodes. A frontier of one hub costs more than one of
// a hundred documents.
func (ps *pathSearch) cost(frontier []node) int {
	n := 0
	for _, u := range frontier {
		if l, ok := ps.adj[u.ref()]; ok {
			n += len(l)
			continue
		}
		named, lists := ps.s.adjacent(u)
		n += len(named)
		for _, l := range lists {
			n += len(l)
		}
	}
	return n
}

// prune marks the forward nodes that lead to the meeting nodes, so that
// the walk never enters a dead end. On the backward side every node leads
// to the target by construction.
func (ps *pathSearch) prune(meet []node) {
	ps.onPath = map[nodeRef]bool{}
	for _, n := range meet {
		ps.onPath[n.ref()] = true
	}
	for i := ps.fwd.depth() - 1; i >= 0; i-- {
		for _, u := range ps.fwd.levels[i] {
			for _, v := range ps.neighbours(u) {
				if ps.onPath[v.ref()] && ps.fwd.dist[v.ref()] == i+1 {
					ps.onPath[u.ref()] = true
					break
				}
			}
		}
	}
}

// onShortest reports whether v can stand at position i of a shortest path.
func (ps *pathSearch) onShortest(v node, i int) bool {
	if i <= ps.fwd.depth() {
		d, ok := ps.fwd.dist[v.ref()]
		return ok && d == i && ps.onPath[v.ref()]
	}
	d, ok := ps.back.dist[v.ref()]
	return ok && d == ps.hops-i
}

// walk extends path through the shortest-path nodes in ID order.
func (ps *pathSearch) walk(path []node) {
	i := len(path) - 1
	if i == ps.hops {
		ps.emit(path)
		return
	}
	for _, v := range ps.neighbours(path[i]) {
		if len(ps.paths) == uncite.MaxPaths {
			return
		}
		if ps.onShortest(v, i+1) {
			ps.walk(append(path, v))
		}
	}
}

// emit adds the paths along one node sequence, one per choice of
// relationship at each hop, in order of those relationships.
func (ps *pathSearch) emit(seq []node) {
	nodes := make([]uncite.Node, len(seq))
	for i, n := range seq {
		nodes[i] = ps.s.view(n)
	}
	hops := make([][]uncite.Edge, len(seq)-1)
	for i := range hops {
		hops[i] = ps.between(seq[i], seq[i+1])
	}
	choice := make([]int, len(hops))
	for len(ps.paths) < uncite.MaxPaths {
		edges := make([]uncite.Edge, len(hops))
		for i, c := range choice {
			edges[i] = hops[i][c]
		}
		ps.paths = append(ps.paths, uncite.Path{Nodes: nodes, Edges: edges})
		// Advance the last hop first, so that the choices come in order.
		i := len(choice) - 1
		for ; i >= 0; i-- {
			if choice[i]++; choice[i] < len(hops[i]) {
				break
			}
			choice[i] = 0
		}
		if i < 0 {
			return
		}
	}
}

// between lists the relationships linking u and v in either direction.
func (ps *pathSearch) between(u, v node) []uncite.Edge {
	var out []uncite.Edge
	for _, ends := range [][2]node{{u, v}, {v, u}} {
		for l := range ps.s.links(ends[0]) {
			if l.to.ref() == ends[1].ref() {
				out = append(out, edge(ends[0], l))
			}
		}
	}
	slices.SortFunc(out, func(a, b uncite.Edge) int {
		return cmp.Or(strings.Compare(a.Type, b.Type), strings.Compare(a.Source, b.Source))
	})
	return out
}
