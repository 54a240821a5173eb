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
)

// node is a node of the graph views (see uncite.Node). Its global ID is
// built only for output: comparing kind then key orders nodes as their IDs
// do (no kind is a prefix of another), and nodeRef keys them, so that
// walking thousands of nodes allocates no strings.
type node struct {
	kind string
	key  string
	doc  *doc        // the document of a Document node or of a loaded Resolution
	res  *resolution // the resolution of a Resolution node
}

type nodeRef struct{ kind, key string }

func (n node) id() string   { return uncite.NodeID(n.kind, n.key) }
func (n node) ref() nodeRef { return nodeRef{n.kind, n.key} }

func compareNodes(a, b node) int {
	return cmp.Or(strings.Compare(a.kind, b.kind), strings.Compare(a.key, b.key))
}

// link is a relationship out of a document; count is set for the types
// that carry one.
type link struct {
	typ     string
	to      node
	count   int
	counted bool
}

func (s *Store) docNode(d *doc) node {
	if s.isHost(d) {
		return s.resNode(d.res)
	}
	return node{kind: uncite.KindDocument, key: d.ID, doc: d}
}

func (s *Store) resNode(r *resolution) node {
	return node{kind: uncite.KindResolution, key: r.Symbol, doc: s.host(r), res: r}
}

func keyNode(kind, key string) node { return node{kind: kind, key: key} }

// lookupNode finds a node by global ID. Keys match exactly, as stored. The
// Document ID of a loaded resolution gives its Resolution node: both name
// the same node.
func (s *Store) lookupNode(id string) (node, error) {
	kind, key, err := uncite.SplitNodeID(id)
	if err != nil {
		return node{}, err
	}
	switch kind {
	case uncite.KindDocument:
		if d := s.docs[key]; d != nil {
			return s.docNode(d), nil
		}
	case uncite.KindResolution:
		if r := s.resolution(key); r != nil {
			return s.resNode(r), nil
		}
	case uncite.KindState:
		if knownState(key) {
			return keyNode(kind, key), nil
		}
	case uncite.KindSession:
		if s.bySession[key].len() > 0 {
			return keyNode(kind, key), nil
		}
	case uncite.KindAgendaItem:
		if s.byItem[key].len() > 0 {
			return keyNode(kind, key), nil
		}
	}
	return node{}, uncite.Errorf(uncite.ENOTFOUND, "no node %q in the graph", id)
}

// links yields the relationships out of n: a document's, or an agenda
// item's IN_SESSION. REFERS_TO goes to every other document whose
// (canonical) symbol the document references.
func (s *Store) links(n node) iter.Seq[link] {
	return func(yield func(link) bool) {
		if n.kind == uncite.KindAgendaItem {
			yield(link{typ: uncite.RelInSession, to: keyNode(uncite.KindSession, s.itemSession(n.key))})
			return
		}
		d := n.doc
		if d == nil {
			return
		}
		if d.author != "" && !yield(link{typ: uncite.RelSubmittedBy, to: keyNode(uncite.KindState, d.author)}) {
			return
		}
		for _, m := range d.mentions {
			if !yield(link{uncite.RelMentions, keyNode(uncite.KindState, m.State), m.Count, true}) {
				return
			}
		}
		if d.session != "" && !yield(link{typ: uncite.RelInSession, to: keyNode(uncite.KindSession, d.session)}) {
			return
		}
		for _, k := range d.items {
			if !yield(link{typ: uncite.RelUnderItem, to: keyNode(uncite.KindAgendaItem, k)}) {
				return
			}
		}
		for _, c := range d.cites {
			if !yield(link{uncite.RelCites, s.resNode(c.res), c.count, true}) {
				return
			}
		}
		for _, ref := range d.refs {
			for _, t := range s.list(s.bySymbol[ref]) {
				if t != d && !yield(link{typ: uncite.RelRefersTo, to: s.docNode(t)}) {
					return
				}
			}
		}
	}
}

// edge builds the view of the link l out of n. Properties are never nil:
// the GraphQL field is non-null.
func edge(n node, l link) uncite.Edge {
	p := map[string]any{}
	if l.counted {
		p["count"] = l.count
	}
	return uncite.Edge{Source: n.id(), Target: l.to.id(), Type: l.typ, Properties: p}
}

// itemSession is the session key of an existing agenda item.
func (s *Store) itemSession(item string) string { return s.list(s.byItem[item])[0].session }

// adjacent lists the neighbours of n, over relationships in either
// direction: nodes named one by one, and lists of documents sorted by ID
// (which may hold n itself, and repeat), so that a hub's thousands of
// documents are handed over without being copied or sorted.
func (s *Store) adjacent(n node) (named []node, lists [][]*doc) {
	if n.doc != nil {
		for l := range s.links(n) {
			named = append(named, l.to)
		}
		if n.doc.symbol != "" {
			lists = append(lists, s.list(s.byRef[n.doc.symbol]))
		}
	}
	switch n.kind {
	case uncite.KindResolution:
		lists = append(lists, s.list(&n.res.citing))
	case uncite.KindState:
		lists = append(lists, s.list(s.byAuthor[n.key]), s.list(s.byMention[n.key]))
	case uncite.KindSession:
		docs := s.list(s.bySession[n.key])
		lists = append(lists, docs)
		var items []string
		for _, d := range docs {
			items = append(items, d.items...)
		}
		for _, k := range sortedUnique(items) {
			named = append(named, keyNode(uncite.KindAgendaItem, k))
		}
	case uncite.KindAgendaItem:
		named = append(named, keyNode(uncite.KindSession, s.itemSession(n.key)))
		lists = append(lists, s.list(s.byItem[n.key]))
	}
	return named, lists
}

// view builds the uncite.Node of n with its properties, only set ones.
func (s *Store) view(n node) uncite.Node {
	p := props{}
	label := n.key
	switch n.kind {
	case uncite.KindDocument:
		d := n.doc
		p.set("id", d.ID)
		p.set("symbol", d.symbol)
		p.set("title", d.Title)
		p.set("type", d.Type)
		p.set("date", d.Date)
		p.set("body", d.Body)
		label = cmp.Or(d.symbol, d.ID)
	case uncite.KindResolution:
		r := s.resolutionView(n.res)
		p.set("symbol", r.Symbol)
		p.set("body", r.Body)
		p.set("number", r.Number)
		p.set("year", r.Year)
		p.set("title", r.Title)
		p.set("date", r.Date)
		p["known"] = r.Known
		if n.doc != nil {
			p.set("document", n.doc.ID)
		}
	case uncite.KindState:
		st, _ := s.State(context.Background(), n.key)
		p.set("code", st.Code)
		p.set("name", st.Name)
		label = st.Name
	case uncite.KindSession:
		ses := s.session(n.key)
		p.set("body", ses.Body)
		p.set("number", ses.Number)
		p.set("startDate", ses.StartDate)
		p.set("endDate", ses.EndDate)
	case uncite.KindAgendaItem:
		docs := s.list(s.byItem[n.key])
		number := strings.TrimPrefix(n.key, docs[0].session+"-")
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
	return uncite.Node{ID: n.id(), Kind: n.kind, Label: label, Properties: p}
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
	nodes []node
	refs  map[nodeRef]bool
	docs  map[*doc]bool // documents selected, as Document or Resolution nodes
}

func newSelection() *selection {
	return &selection{refs: map[nodeRef]bool{}, docs: map[*doc]bool{}}
}

func (sel *selection) add(n node) {
	sel.nodes = append(sel.nodes, n)
	sel.refs[n.ref()] = true
	if n.doc != nil {
		sel.docs[n.doc] = true
	}
}

// subgraph builds the view of the selected nodes and every relationship
// among them, sorted by source, type and target.
func (s *Store) subgraph(sel *selection, truncated bool) *uncite.Subgraph {
	g := &uncite.Subgraph{Nodes: make([]uncite.Node, len(sel.nodes)), Truncated: truncated}
	for i, n := range sel.nodes {
		g.Nodes[i] = s.view(n)
		for l := range s.links(n) {
			if sel.refs[l.to.ref()] {
				g.Edges = append(g.Edges, edge(n, l))
			}
		}
	}
	slices.SortFunc(g.Edges, compareEdges)
	return g
}

func compareEdges(a, b uncite.Edge) int {
	return cmp.Or(strings.Compare(a.Source, b.Source), strings.Compare(a.Type, b.Type), strings.Compare(a.Target, b.Target))
}

// Neighborhood implements uncite.Store.
func (s *Store) Neighborhood(_ context.Context, id string, depth, limit int) (*uncite.Subgraph, error) {
	if depth < 0 || depth > uncite.MaxNeighborhoodDepth || limit < 1 || limit > uncite.MaxNeighborhoodLimit {
		return nil, uncite.Errorf(uncite.EINVALID, "depth %d, limit %d: the depth must be between 0 and %d and the limit between 1 and %d",
			depth, limit, uncite.MaxNeighborhoodDepth, uncite.MaxNeighborhoodLimit)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	start, err := s.lookupNode(id)
	if err != nil {
		return nil, err
	}
	sel := newSelection()
	sel.add(start)
	level, truncated := []node{start}, false
	for range depth {
		if len(level) == 0 || truncated {
			break
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
func (s *Store) expand(level []node, sel *selection, room int) ([]node, bool) {
	named := map[nodeRef]node{}
	var lists [][]*doc
	var docs []*doc
	for _, n := range level {
		nm, ls := s.adjacent(n)
		for _, x := range nm {
			switch {
			case sel.refs[x.ref()]:
			case x.kind == uncite.KindDocument:
				docs = append(docs, x.doc)
			default:
				named[x.ref()] = x
			}
		}
		lists = append(lists, ls...)
	}
	slices.SortFunc(docs, byID)
	lists = append(lists, docs)

	want := room + 1
	var out []node
	sortedNamed := func() []node { return slices.SortedFunc(maps.Values(named), compareNodes) }
	for _, n := range sortedNamed() {
		if n.kind > uncite.KindDocument || len(out) == want {
			break
		}
		out = append(out, n)
		delete(named, n.ref())
	}
	if len(out) < want {
		mergeDocs(lists, func(d *doc) bool {
			if sel.docs[d] {
				return true
			}
			n := s.docNode(d)
			if n.kind != uncite.KindDocument {
				// A loaded resolution sorts after every Document.
				named[n.ref()] = n
				return true
			}
			out = append(out, n)
			return len(out) < want
		})
	}
	for _, n := range sortedNamed() {
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
func (s *Store) FilterSubgraph(_ context.Context, f uncite.DocumentFilter, limit int) (*uncite.Subgraph, error) {
	if limit < 1 || limit > uncite.MaxNeighborhoodLimit {
		return nil, uncite.Errorf(uncite.EINVALID, "limit %d: must be between 1 and %d", limit, uncite.MaxNeighborhoodLimit)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	matched, truncated := s.matching(f, limit)
	sel := newSelection()
	for _, d := range matched {
		sel.add(s.docNode(d))
	}
	around := map[nodeRef]node{}
	for _, n := range sel.nodes {
		named, lists := s.adjacent(n)
		for _, x := range named {
			if !sel.refs[x.ref()] {
				around[x.ref()] = x
			}
		}
		for _, l := range lists {
			for _, d := range l {
				if !sel.docs[d] {
					x := s.docNode(d)
					around[x.ref()] = x
				}
			}
		}
	}
	for _, n := range slices.SortedFunc(maps.Values(around), compareNodes) {
		sel.add(n)
	}
	return s.subgraph(sel, truncated), nil
}
