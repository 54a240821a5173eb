package memstore

import (
	"context"
	"slices"
	"sync"

	"github.com/uncite/uncite"
)

// Paths implements uncite.Store with a breadth-first search from both ends
// (growing the side whose next level costs less, so that a hub is
// expanded only when unavoidable), then a depth-first walk of the
// shortest-path nodes in ID order, which yields the paths already sorted
// by their node IDs. Two nodes linked by several relationships give one
// path per relationship; such paths sort by their relationship types
// (then, for two of one type in opposite directions, by source).
//
// The search works on node numbers and flat distance arrays: levels of
// tens of thousands of nodes around hubs (popular resolutions, big
// sessions, States) cost no strings, maps or sorting; only the few nodes
// the walk chooses between are sorted, and only the paths returned are
// built as views.
func (s *Store) Paths(ctx context.Context, from, to string, maxHops int) ([]uncite.Path, error) {
	unlock, err := s.rlock(ctx, uncite.ValidatePathHops(maxHops))
	if err != nil {
		return nil, err
	}
	defer unlock()
	a, err := s.lookupNode(from)
	if err != nil {
		return nil, err
	}
	b, err := s.lookupNode(to)
	if err != nil {
		return nil, err
	}
	if a == b {
		return []uncite.Path{{Nodes: []uncite.Node{s.view(a)}}}, nil
	}
	ps := s.newPathSearch()
	defer ps.release()
	fwd, back := ps.start(0, a), ps.start(1, b)
	var meet []nid
	for meet == nil && fwd.depth()+back.depth() < maxHops {
		grow, other := fwd, back
		if back.cost < fwd.cost {
			grow, other = back, fwd
		}
		next, err := grow.step(ctx, ps)
		if err != nil {
			return nil, err
		}
		if len(next) == 0 {
			return nil, nil // one end's whole component is explored
		}
		for _, n := range next {
			if other.dist(ps.slot(n)) >= 0 {
				meet = append(meet, n)
			}
		}
	}
	if meet == nil {
		return nil, nil
	}
	ps.hops = fwd.depth() + back.depth()
	ps.prune(meet)
	ps.walk([]nid{a})
	return ps.paths, nil
}

// pathSearch is one search. Nodes of every kind are numbered densely
// (slot) to index the distance arrays: agenda items, then documents,
// resolutions, sessions and States.
type pathSearch struct {
	s         *Store
	base      [kindState + 1]int
	scratch   *pathScratch
	fwd, back *bfs
	hops      int
	onPath    map[nid]bool // nodes of the forward side on a shortest path
	paths     []uncite.Path
}

// pathScratch holds the distance arrays of the two sides of a search,
// pooled: they are as long as the graph has nodes, and allocating and
// zeroing them per search would cost more than most searches.
type pathScratch struct{ reached [2][]uint8 }

var pathScratches = sync.Pool{New: func() any { return new(pathScratch) }}

func (s *Store) newPathSearch() *pathSearch {
	ps := &pathSearch{s: s, scratch: pathScratches.Get().(*pathScratch)}
	sizes := [...]int{len(s.items.keys), len(s.slots), len(s.resByIdx), len(s.sessions.keys), len(states().keys)}
	n := 0
	for k, size := range sizes {
		ps.base[k] = n
		n += size
	}
	for i, r := range ps.scratch.reached {
		if len(r) < n {
			ps.scratch.reached[i] = make([]uint8, n)
		}
	}
	return ps
}

func (ps *pathSearch) slot(n nid) int { return ps.base[n.kind()] + int(n.index()) }

// release clears the entries the search set, which are those of the nodes
// of its levels, and returns the arrays to the pool.
func (ps *pathSearch) release() {
	for _, b := range []*bfs{ps.fwd, ps.back} {
		if b == nil {
			continue
		}
		for _, level := range b.levels {
			for _, n := range level {
				b.reached[ps.slot(n)] = 0
			}
		}
	}
	pathScratches.Put(ps.scratch)
}

// bfs is one end of the search: the nodes of each level, and for every
// node reached its distance plus one (0 when not reached), by slot.
type bfs struct {
	reached []uint8
	levels  [][]nid
	cost    int // estimated work of expanding the last level
}

func (ps *pathSearch) start(side int, n nid) *bfs {
	b := &bfs{reached: ps.scratch.reached[side], levels: [][]nid{{n}}, cost: ps.s.degree(n)}
	b.reached[ps.slot(n)] = 1
	// Kept on ps at once, so that release finds both sides.
	if side == 0 {
		ps.fwd = b
	} else {
		ps.back = b
	}
	return b
}

func (b *bfs) depth() int { return len(b.levels) - 1 }

// dist is the distance of the node at slot i, -1 when not reached.
func (b *bfs) dist(i int) int { return int(b.reached[i]) - 1 }

func (b *bfs) step(ctx context.Context, ps *pathSearch) ([]nid, error) {
	d := uint8(len(b.levels) + 1)
	var next []nid
	cost := 0
	for i, u := range b.levels[len(b.levels)-1] {
		if err := every(ctx, i); err != nil {
			return nil, err
		}
		ps.s.neighbours(u, func(v nid) {
			if i := ps.slot(v); b.reached[i] == 0 {
				b.reached[i] = d
				next = append(next, v)
				cost += ps.s.degree(v)
			}
		})
	}
	b.levels = append(b.levels, next)
	b.cost = cost
	return next, nil
}

// degree estimates the number of relationships of n, to choose the side
// to grow; it need not be exact.
func (s *Store) degree(n nid) int {
	k := 0
	if d := s.nodeDoc(n); d != nil {
		k += 2 + len(d.mentions) + len(d.items) + len(d.cites) + len(d.refs)
	}
	switch n.kind() {
	case kindRes:
		k += s.resByIdx[n.index()].citing.len()
	case kindState:
		k += s.byAuthor[s.key(n)].len() + s.byMention[s.key(n)].len()
	case kindSession:
		k += s.bySession[s.key(n)].len()
	case kindItem:
		k += 1 + s.byItem[s.key(n)].len()
	}
	return k
}

// prune marks the forward nodes that lead to the meeting nodes, level by
// level back from them, so that the walk never enters a dead end. On the
// backward side every node leads to the target by construction.
func (ps *pathSearch) prune(meet []nid) {
	ps.onPath = map[nid]bool{}
	for _, n := range meet {
		ps.onPath[n] = true
	}
	level := meet
	for i := ps.fwd.depth() - 1; i >= 0; i-- {
		var prev []nid
		for _, v := range level {
			ps.s.neighbours(v, func(u nid) {
				if ps.fwd.dist(ps.slot(u)) == i && !ps.onPath[u] {
					ps.onPath[u] = true
					prev = append(prev, u)
				}
			})
		}
		level = prev
	}
}

// onShortest reports whether v can stand at position i of a shortest path.
func (ps *pathSearch) onShortest(v nid, i int) bool {
	if i <= ps.fwd.depth() {
		return ps.fwd.dist(ps.slot(v)) == i && ps.onPath[v]
	}
	return ps.back.dist(ps.slot(v)) == ps.hops-i
}

// walk extends path through the shortest-path nodes in ID order. Every
// node it enters leads to the target, so it makes at most MaxPaths visits
// per position.
func (ps *pathSearch) walk(path []nid) {
	i := len(path) - 1
	if i == ps.hops {
		ps.emit(path)
		return
	}
	for _, v := range ps.next(path[i], i+1) {
		if len(ps.paths) == uncite.MaxPaths {
			return
		}
		ps.walk(append(path, v))
	}
}

// next lists the distinct neighbours of u that can stand at position i of
// a shortest path, in ID order.
func (ps *pathSearch) next(u nid, i int) []nid {
	var out []nid
	ps.s.neighbours(u, func(v nid) {
		if ps.onShortest(v, i) {
			out = append(out, v)
		}
	})
	slices.SortFunc(out, ps.s.compareNodes)
	return slices.Compact(out)
}

// emit adds the paths along one node sequence, one per choice of
// relationship at each hop, in order of those relationships.
func (ps *pathSearch) emit(seq []nid) {
	nodes := make([]uncite.Node, len(seq))
	for i, n := range seq {
		nodes[i] = ps.s.view(n)
	}
	hops := make([][]uncite.Edge, len(seq)-1)
	for i := range hops {
		hops[i] = ps.between(seq[i], seq[i+1])
	}
	ps.paths = append(ps.paths, uncite.PathsAlong(nodes, hops, uncite.MaxPaths-len(ps.paths))...)
}

// between lists the relationships linking u and v in either direction.
func (ps *pathSearch) between(u, v nid) []uncite.Edge {
	var out []uncite.Edge
	for _, ends := range [][2]nid{{u, v}, {v, u}} {
		for l := range ps.s.links(ends[0]) {
			if l.to == ends[1] {
				out = append(out, ps.s.edge(ends[0], l))
			}
		}
	}
	return out
}
