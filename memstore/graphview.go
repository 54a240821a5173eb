package memstore

import (
	"cmp"
	"container/heap"
	"context"
	"iter"
	"maps"
	"slices"
	"strings"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// nid is a node of the graph views as one integer: its kind in the top
// bits, numbered in the order the kinds' names sort, and below them the
// document slot, resolution idx, or number of the State, session or agenda
// item (see keyTable). Walks key their maps by it, so that visiting
// thousands of nodes hashes no strings; the global ID and the key are
// looked up only for output and for sorting.
type nid uint32

const (
	kindItem nid = iota
	kindDoc
	kindRes
	kindSession
	kindState

	kindShift = 28
	// noNode stands for an absent node in the fields of doc.
	noNode = ^nid(0)
)

var kindNames = [...]string{uncite.KindAgendaItem, uncite.KindDocument, uncite.KindResolution, uncite.KindSession, uncite.KindState}

func makeNode(kind nid, i int32) nid { return kind<<kindShift | nid(i) }
func (n nid) kind() nid              { return n >> kindShift }
func (n nid) index() int32           { return int32(n & (1<<kindShift - 1)) }

// docNode is the node of a document: its resolution's when it is the host.
func docNode(d *doc) nid {
	if d.res != nil && d.res.host == d {
		return resNode(d.res)
	}
	return makeNode(kindDoc, d.slot)
}

func resNode(r *resolution) nid { return makeNode(kindRes, r.idx) }

// nodeDoc is the document of a Document node or of a loaded Resolution.
func (s *Store) nodeDoc(n nid) *doc {
	switch n.kind() {
	case kindDoc:
		return s.slots[n.index()]
	case kindRes:
		return s.resByIdx[n.index()].host
	}
	return nil
}

// key is the key of n within its kind (see uncite.NodeID).
func (s *Store) key(n nid) string {
	key, _ := s.names(n)
	return key
}

// id is the global ID of n.
func (s *Store) id(n nid) string {
	_, id := s.names(n)
	return id
}

// names are the key and the global ID of n, both built once per node on
// write.
func (s *Store) names(n nid) (key, id string) {
	switch i := n.index(); n.kind() {
	case kindItem:
		return s.items.keys[i], s.items.nodeIDs[i]
	case kindDoc:
		return s.slots[i].ID, s.slots[i].nodeID
	case kindRes:
		return s.resByIdx[i].Symbol, s.resByIdx[i].nodeID
	case kindSession:
		return s.sessions.keys[i], s.sessions.nodeIDs[i]
	default:
		return states().keys[i], states().nodeIDs[i]
	}
}

// compareNodes orders nodes by ID: by kind, then key, since no kind's
// name is a prefix of another's.
func (s *Store) compareNodes(a, b nid) int {
	return cmp.Or(cmp.Compare(a.kind(), b.kind()), strings.Compare(s.key(a), s.key(b)))
}

// link is a relationship out of a document; count is set for the types
// that carry one (see uncite.NewEdge).
type link struct {
	typ   string
	to    nid
	count int
}

// lookupNode finds a node by global ID. Keys match exactly, as stored. The
// Document ID of a loaded resolution gives its Resolution node: both name
// the same node.
func (s *Store) lookupNode(id string) (nid, error) {
	kind, key, err := uncite.SplitNodeID(id)
	if err != nil {
		return 0, err
	}
	switch kind {
	case uncite.KindDocument:
		if d := s.docs[key]; d != nil {
			return docNode(d), nil
		}
	case uncite.KindResolution:
		if r := s.resolution(key); r != nil {
			return resNode(r), nil
		}
	case uncite.KindState:
		if n, ok := stateNode(key); ok {
			return n, nil
		}
	case uncite.KindSession:
		if s.bySession[key].len() > 0 {
			return makeNode(kindSession, s.sessions.numbers[key]), nil
		}
	case uncite.KindAgendaItem:
		if s.byItem[key].len() > 0 {
			return makeNode(kindItem, s.items.numbers[key]), nil
		}
	}
	return 0, uncite.Errorf(uncite.ENOTFOUND, "no node %q in the graph", id)
}

// links yields the relationships out of n: a document's, or an agenda
// item's IN_SESSION. REFERS_TO goes to every other document whose
// (canonical) symbol the document references.
func (s *Store) links(n nid) iter.Seq[link] {
	return func(yield func(link) bool) {
		if n.kind() == kindItem {
			yield(link{typ: uncite.RelInSession, to: makeNode(kindSession, s.items.session[n.index()])})
			return
		}
		d := s.nodeDoc(n)
		if d == nil {
			return
		}
		if d.authorNode != noNode && !yield(link{typ: uncite.RelSubmittedBy, to: d.authorNode}) {
			return
		}
		for i, m := range d.mentions {
			if !yield(link{uncite.RelMentions, d.mentionNodes[i], m.Count}) {
				return
			}
		}
		if d.sessionNode != noNode && !yield(link{typ: uncite.RelInSession, to: d.sessionNode}) {
			return
		}
		for _, k := range d.itemNodes {
			if !yield(link{typ: uncite.RelUnderItem, to: k}) {
				return
			}
		}
		for _, c := range d.cites {
			if !yield(link{uncite.RelCites, makeNode(kindRes, c.idx), c.count}) {
				return
			}
		}
		for _, ref := range d.refs {
			for _, t := range s.list(s.bySymbol[ref]) {
				if t != d && !yield(link{typ: uncite.RelRefersTo, to: docNode(t)}) {
					return
				}
			}
		}
	}
}

// edge builds the view of the link l out of n.
func (s *Store) edge(n nid, l link) uncite.Edge {
	return uncite.NewEdge(s.id(n), s.id(l.to), l.typ, l.count)
}

// adjacent hands over the neighbours of n, over relationships in either
// direction: nodes one by one to named, and lists of documents sorted by
// ID to list (they may hold n itself, and repeat), so that a hub's
// thousands of documents are handed over without being copied or sorted.
// Named nodes may repeat too.
func (s *Store) adjacent(n nid, named func(nid), list func([]*doc)) {
	if d := s.nodeDoc(n); d != nil {
		for l := range s.links(n) {
			named(l.to)
		}
		if d.symbol != "" {
			list(s.list(s.byRef[d.symbol]))
		}
	}
	switch n.kind() {
	case kindRes:
		list(s.list(&s.resByIdx[n.index()].citing))
	case kindState:
		code := s.key(n)
		list(s.list(s.byAuthor[code]))
		list(s.list(s.byMention[code]))
	case kindSession:
		docs := s.list(s.bySession[s.key(n)])
		list(docs)
		for _, d := range docs {
			for _, k := range d.itemNodes {
				named(k)
			}
		}
	case kindItem:
		named(makeNode(kindSession, s.items.session[n.index()]))
		list(s.list(s.byItem[s.key(n)]))
	}
}

// neighbours visits every neighbour of n, documents of lists included,
// with the repeats of adjacent.
func (s *Store) neighbours(n nid, visit func(nid)) {
	s.adjacent(n, visit, func(l []*doc) {
		for _, d := range l {
			visit(docNode(d))
		}
	})
}

// view builds the uncite.Node of n with its properties, only set ones.
func (s *Store) view(n nid) uncite.Node {
	p := props{}
	key := s.key(n)
	switch n.kind() {
	case kindDoc:
		d := s.nodeDoc(n)
		p.set("id", d.ID)
		p.set("symbol", d.symbol)
		p.set("title", d.Title)
		p.set("type", d.Type)
		p.set("date", d.Date)
		p.set("body", d.Body)
	case kindRes:
		res := s.resByIdx[n.index()]
		r := s.resolutionView(res)
		p.set("symbol", r.Symbol)
		p.set("body", r.Body)
		p.set("number", r.Number)
		p.set("year", r.Year)
		p.set("title", r.Title)
		p.set("date", r.Date)
		p["known"] = r.Known
		if res.host != nil {
			p.set("document", res.host.ID)
		}
	case kindState:
		st := refdata.States()[n.index()]
		p.set("code", st.Code)
		p.set("name", st.Name)
	case kindSession:
		ses := s.session(key)
		p.set("body", ses.Body)
		p.set("number", ses.Number)
		p.set("startDate", ses.StartDate)
		p.set("endDate", ses.EndDate)
	case kindItem:
		docs := s.list(s.byItem[key])
		number := strings.TrimPrefix(key, docs[0].session+"-")
		title := ""
		for _, d := range docs {
			for _, a := range d.AgendaItems {
				if a.Number == number {
					title = smallerTitle(title, a.Title)
				}
			}
		}
		p.set("body", docs[0].Body)
		p.set("session", docs[0].Session)
		p.set("number", number)
		p.set("title", title)
	}
	kind := kindNames[n.kind()]
	return uncite.Node{ID: s.id(n), Kind: kind, Label: uncite.NodeLabel(kind, key, p), Properties: p}
}

// props are node properties, holding only set values.
type props map[string]any

func (p props) set(k string, v any) {
	switch v := v.(type) {
	case string:
		if v != "" {
			p[k] = v
		}
	case int:
		if v != 0 {
			p[k] = v
		}
	}
}

// selection is the growing node set of a subgraph, in insertion order.
type selection struct {
	nodes []nid
	has   map[nid]bool
}

func newSelection() *selection { return &selection{has: map[nid]bool{}} }

func (sel *selection) add(n nid) {
	sel.nodes = append(sel.nodes, n)
	sel.has[n] = true
}

// subgraph builds the view of the selected nodes and every relationship
// among them, sorted by source, type and target.
func (s *Store) subgraph(sel *selection, truncated bool) *uncite.Subgraph {
	g := &uncite.Subgraph{Nodes: make([]uncite.Node, len(sel.nodes)), Truncated: truncated}
	for i, n := range sel.nodes {
		g.Nodes[i] = s.view(n)
		for l := range s.links(n) {
			if sel.has[l.to] {
				g.Edges = append(g.Edges, s.edge(n, l))
			}
		}
	}
	uncite.SortEdges(g.Edges)
	return g
}

// Neighborhood implements uncite.Store.
func (s *Store) Neighborhood(ctx context.Context, id string, depth, limit int) (*uncite.Subgraph, error) {
	unlock, err := s.rlock(ctx, uncite.ValidateNeighborhood(depth, limit))
	if err != nil {
		return nil, err
	}
	defer unlock()
	start, err := s.lookupNode(id)
	if err != nil {
		return nil, err
	}
	sel := newSelection()
	sel.add(start)
	level, truncated := []nid{start}, false
	for range depth {
		if len(level) == 0 || truncated {
			break
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		level, truncated = s.expand(level, sel, limit-len(sel.nodes))
		for _, n := range level {
			sel.add(n)
		}
	}
	return s.subgraph(sel, truncated), nil
}

// expand returns the first room neighbours of the level's nodes that are
// not selected yet, in ID order, and whether there were more.
//
// It produces them in ID order without collecting them all: kinds sort as
// AgendaItem < Document < Resolution < Session < State, and the Document
// neighbours are merged from the ID-sorted index lists, stopping as soon
// as room+1 are found. A resolution of 100,000 citing documents costs
// room steps, not a sort of its citers.
func (s *Store) expand(level []nid, sel *selection, room int) ([]nid, bool) {
	named := map[nid]bool{}
	var lists [][]*doc
	var docs []*doc
	for _, n := range level {
		s.adjacent(n, func(x nid) {
			switch {
			case sel.has[x]:
			case x.kind() == kindDoc:
				docs = append(docs, s.slots[x.index()])
			default:
				named[x] = true
			}
		}, func(l []*doc) { lists = append(lists, l) })
	}
	slices.SortFunc(docs, byID)
	lists = append(lists, docs)

	want := room + 1
	var out []nid
	for _, n := range s.sorted(named) {
		if n.kind() > kindDoc || len(out) == want {
			break
		}
		out = append(out, n)
		delete(named, n)
	}
	if len(out) < want {
		mergeDocs(lists, func(d *doc) bool {
			n := docNode(d)
			switch {
			case sel.has[n]:
			case n.kind() != kindDoc:
				// A loaded resolution sorts after every Document.
				named[n] = true
			default:
				out = append(out, n)
			}
			return len(out) < want
		})
	}
	for _, n := range s.sorted(named) {
		if len(out) == want {
			break
		}
		out = append(out, n)
	}
	if len(out) > room {
		return out[:room], true
	}
	return out, false
}

// sorted returns the nodes of set in ID order.
func (s *Store) sorted(set map[nid]bool) []nid {
	return slices.SortedFunc(maps.Keys(set), s.compareNodes)
}

// mergeDocs visits the documents of ID-sorted lists in ID order, each
// once, until visit returns false.
func mergeDocs(lists [][]*doc, visit func(*doc) bool) {
	h := make(docHeap, 0, len(lists))
	for _, l := range lists {
		if len(l) > 0 {
			h = append(h, l)
		}
	}
	heap.Init(&h)
	var last *doc
	for len(h) > 0 {
		d := h[0][0]
		if h[0] = h[0][1:]; len(h[0]) == 0 {
			heap.Pop(&h)
		} else {
			heap.Fix(&h, 0)
		}
		if d == last {
			continue
		}
		last = d
		if !visit(d) {
			return
		}
	}
}

// docHeap orders non-empty ID-sorted lists by their first document.
type docHeap [][]*doc

func (h docHeap) Len() int           { return len(h) }
func (h docHeap) Less(i, j int) bool { return h[i][0].ID < h[j][0].ID }
func (h docHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *docHeap) Push(x any)        { *h = append(*h, x.([]*doc)) }
func (h *docHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// FilterSubgraph implements uncite.Store: the matched documents in ID
// order, then all their neighbours in ID order.
func (s *Store) FilterSubgraph(ctx context.Context, f uncite.DocumentFilter, limit int) (*uncite.Subgraph, error) {
	unlock, err := s.rlock(ctx, uncite.ValidateSubgraphLimit(limit))
	if err != nil {
		return nil, err
	}
	defer unlock()
	matched, truncated := s.matching(f, limit)
	sel := newSelection()
	for _, d := range matched {
		sel.add(docNode(d))
	}
	around := map[nid]bool{}
	for _, n := range sel.nodes {
		s.neighbours(n, func(x nid) {
			if !sel.has[x] {
				around[x] = true
			}
		})
	}
	for _, n := range s.sorted(around) {
		sel.add(n)
	}
	return s.subgraph(sel, truncated), nil
}
