package memstore

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// doc is a stored document together with what its indexes and graph views
// derive from it, computed once on write so that reads never re-derive it.
type doc struct {
	// Document is the stored copy, without its Text: search needs only
	// the words, and keeping megabytes of text per document would not pay.
	*uncite.Document
	// slot is a dense number, stable per ID, that lets counting queries use
	// a flat array instead of a map keyed by document.
	slot int32
	// symbol is Symbol in canonical form when it is a resolution symbol, as
	// the Neo4j store stores it; res is then that resolution.
	symbol string
	res    *resolution
	// cites are the distinct resolutions cited, sorted by symbol, each with
	// the count of its last citation (as a repeated MERGE would keep).
	cites []cite
	// author is Author when it is a State of the reference tables, and
	// mentions the mentioned States of the tables, distinct and sorted:
	// only those States exist as nodes to link to.
	author   string
	mentions []uncite.Mention
	session  string   // session key, "" when none
	items    []string // distinct agenda item keys, only with a session
	refs     []string // distinct References
	year     int      // year of Date, 0 when undated
	words    []int32  // numbers of the distinct search words
	// nodeID is the global ID of the Document node, and the others are the
	// numbers (see nid) of the nodes the document links to, noNode when
	// absent; itemNodes and mentionNodes run parallel to items and
	// mentions. Graph walks read them instead of building strings.
	nodeID       string
	authorNode   nid
	sessionNode  nid
	itemNodes    []nid
	mentionNodes []nid
}

type cite struct {
	res   *resolution
	count int
	// idx is res.idx, kept here so that counting co-citations over
	// thousands of documents does not load every resolution cited.
	idx int32
}

// resolution holds a resolution symbol's parsed fields and the documents
// citing it, with the facet counters kept up to date on write so that
// facets, rankings and co-citations never scan the citing documents.
// Entries are interned for good: a resolution exists while it is cited or
// loaded (see alive), and the flat counters of CoCited index by idx.
type resolution struct {
	uncite.Citation // Symbol, Body, Number, Year as the symbol states them
	ref             refdata.Resolution
	known           bool
	year            int // Year, or else the year of the reference tables
	idx             int32
	nodeID          string // global ID of the Resolution node
	// host is the stored document that is the resolution, nil when none:
	// of the documents with its symbol, the one with the smallest ID, so
	// that the choice does not depend on the order of writes. Writes keep
	// it, as every graph step asks for it.
	host      *doc
	citing    docSet
	byYear    map[int]int
	byState   map[string]int
	bySession map[sessionItem]int
	// partners counts, by idx, the documents citing both r and another
	// resolution, once r has partnersFrom citing documents (nil before):
	// counting them on read would walk every citation of thousands of
	// documents, two cache misses each, on the first call after any write.
	// Writes keep the counts exact, and a resolution stays counted once it
	// is, so that replacing its documents never rebuilds them.
	partners map[int32]int32
	// coCited and facets cache the answers derived from the citing
	// documents, which for a popular resolution take milliseconds to build;
	// any change to a citing document clears them (see changed).
	coCited atomic.Pointer[[]coCitation]
	facets  atomic.Pointer[uncite.Facets]
}

func (r *resolution) changed() {
	r.coCited.Store(nil)
	r.facets.Store(nil)
}

// partnersFrom is the number of citing documents from which a resolution
// keeps its co-citation counts. Below it, counting on read takes well
// under a millisecond; above it, keeping them costs little memory, as
// few resolutions are cited that much, whereas keeping them for every
// resolution would hold millions of pairs.
const partnersFrom = 1000

// addPartners adds delta to r's count of every other resolution d cites.
func (r *resolution) addPartners(d *doc, delta int32) {
	for _, c := range d.cites {
		if c.idx == r.idx {
			continue
		}
		if r.partners[c.idx] += delta; r.partners[c.idx] == 0 {
			delete(r.partners, c.idx)
		}
	}
}

// sessionItem keys the session facet; item is "" for documents of the
// session issued under no agenda item.
type sessionItem struct {
	body    string
	session int
	item    string
}

// docSet is a set of documents that also hands out its members sorted by
// ID. Members are kept by slot, so that the garbage collector has no
// pointers to trace through millions of index entries. The sorted slice is
// built on first read after a change and cached, so that bulk loading
// stays linear and reads after it pay nothing; the cache is atomic because
// readers share the store's read lock.
type docSet struct {
	members map[int32]struct{}
	sorted  atomic.Pointer[[]*doc]
	// sorting lets one reader sort while the others wait for its list:
	// a burst of requests on a cold set would otherwise sort it once each.
	sorting sync.Mutex
}

func (s *docSet) add(d *doc) {
	if s.members == nil {
		s.members = map[int32]struct{}{}
	}
	s.members[d.slot] = struct{}{}
	s.sorted.Store(nil)
}

func (s *docSet) remove(d *doc) {
	delete(s.members, d.slot)
	s.sorted.Store(nil)
}

// The read methods accept a nil set, which is how an absent index key reads.

func (s *docSet) len() int {
	if s == nil {
		return 0
	}
	return len(s.members)
}

func (s *docSet) has(d *doc) bool {
	if s == nil {
		return false
	}
	_, ok := s.members[d.slot]
	return ok
}

// list returns the members sorted by ID; slots is the store's slot table.
func (s *docSet) list(slots []*doc) []*doc {
	if s == nil {
		return nil
	}
	if p := s.sorted.Load(); p != nil {
		return *p
	}
	s.sorting.Lock()
	defer s.sorting.Unlock()
	if p := s.sorted.Load(); p != nil {
		return *p
	}
	// The sort compares IDs copied next to their documents: reaching each
	// through its doc and Document would cost two more cache misses per
	// comparison, which for thousands of members is most of the sort.
	type keyed struct {
		id string
		d  *doc
	}
	k := make([]keyed, 0, len(s.members))
	for slot := range s.members {
		d := slots[slot]
		k = append(k, keyed{d.ID, d})
	}
	slices.SortFunc(k, func(a, b keyed) int { return strings.Compare(a.id, b.id) })
	l := make([]*doc, len(k))
	for i, e := range k {
		l[i] = e.d
	}
	s.sorted.Store(&l)
	return l
}

func byID(a, b *doc) int { return strings.Compare(a.ID, b.ID) }

// index is a family of document sets keyed by a string.
type index map[string]*docSet

func (x index) add(key string, d *doc) {
	if x[key] == nil {
		x[key] = &docSet{}
	}
	x[key].add(d)
}

func (x index) remove(key string, d *doc) {
	if set := x[key]; set != nil {
		set.remove(d)
		if set.len() == 0 {
			delete(x, key)
		}
	}
}

// indexes are the lookups that keep every filter and graph step off a scan
// of all documents.
type indexes struct {
	all        docSet
	bySymbol   index // canonical symbol
	byBody     index
	byType     index
	byLanguage index
	byAuthor   index // Author as written, as the author filter compares it
	byMention  index // reference-table States only
	bySession  index // session key
	byItem     index // agenda item key
	byRef      index // referenced symbol → documents referring to it
	// Search words are numbered, so that documents list theirs as small
	// integers instead of strings pinning their lower-cased text; a word
	// keeps its number (and its possibly empty set) for good.
	wordIDs  map[string]int32
	postings []*docSet // by word number
	// Session and agenda item keys are numbered the same way, for good, so
	// that graph walks key their nodes by integer.
	sessions keyTable
	items    keyTable
}

// keyTable numbers the keys of one kind of node in order of first use,
// keeping each node's global ID so that views need not build it.
type keyTable struct {
	kind    nid
	numbers map[string]int32
	keys    []string
	nodeIDs []string
	// session is, for agenda items, the number of the item's session.
	session []int32
}

func newKeyTable(kind nid) keyTable { return keyTable{kind: kind, numbers: map[string]int32{}} }

// node returns the node of key, numbering it on first use.
func (t *keyTable) node(key string) nid {
	i, ok := t.numbers[key]
	if !ok {
		i = int32(len(t.keys))
		t.numbers[key] = i
		t.keys = append(t.keys, key)
		t.nodeIDs = append(t.nodeIDs, uncite.NodeID(kindNames[t.kind], key))
	}
	return makeNode(t.kind, i)
}

// states numbers the States of the reference tables, sorted by code as
// refdata lists them: those are the State nodes.
var states = sync.OnceValue(func() *keyTable {
	t := newKeyTable(kindState)
	for _, st := range refdata.States() {
		t.node(st.Code)
	}
	return &t
})

func newIndexes() indexes {
	return indexes{
		bySymbol: index{}, byBody: index{}, byType: index{}, byLanguage: index{},
		byAuthor: index{}, byMention: index{}, bySession: index{}, byItem: index{},
		byRef: index{}, wordIDs: map[string]int32{},
		sessions: newKeyTable(kindSession), items: newKeyTable(kindItem),
	}
}

// newDoc derives the stored record of d.
func (s *Store) newDoc(d *uncite.Document) *doc {
	c := clone(d)
	c.Text = ""
	x := &doc{Document: c, symbol: d.Symbol, session: d.SessionKey(), nodeID: uncite.NodeID(uncite.KindDocument, d.ID),
		authorNode: noNode, sessionNode: noNode}
	if p, err := uncite.ParseResolutionSymbol(d.Symbol); err == nil {
		x.symbol = p.Symbol
		x.res = s.intern(p)
	}
	byRes := map[*resolution]int{}
	for _, ct := range d.Citations {
		// Citations whose symbol is not a resolution symbol name no node;
		// they are kept on the document but left out of the graph.
		p, err := uncite.ParseResolutionSymbol(ct.Symbol)
		if err != nil {
			continue
		}
		byRes[s.intern(p)] = ct.Count
	}
	for r, n := range byRes {
		x.cites = append(x.cites, cite{r, n, r.idx})
	}
	slices.SortFunc(x.cites, func(a, b cite) int { return strings.Compare(a.res.Symbol, b.res.Symbol) })
	if n, ok := stateNode(d.Author); ok {
		x.author, x.authorNode = d.Author, n
	}
	counts := map[string]int{}
	for _, m := range d.Mentions {
		if _, ok := stateNode(m.State); ok {
			counts[m.State] = m.Count
		}
	}
	for code, n := range counts {
		x.mentions = append(x.mentions, uncite.Mention{State: code, Count: n})
	}
	slices.SortFunc(x.mentions, func(a, b uncite.Mention) int { return strings.Compare(a.State, b.State) })
	for _, m := range x.mentions {
		n, _ := stateNode(m.State)
		x.mentionNodes = append(x.mentionNodes, n)
	}
	if x.session != "" {
		x.sessionNode = s.sessions.node(x.session)
		for _, a := range d.AgendaItems {
			x.items = append(x.items, uncite.AgendaItemKey(d.Body, d.Session, a.Number))
		}
		x.items = sortedUnique(x.items)
		for _, k := range x.items {
			n := s.items.node(k)
			if int(n.index()) == len(s.items.session) {
				s.items.session = append(s.items.session, x.sessionNode.index())
			}
			x.itemNodes = append(x.itemNodes, n)
		}
	}
	x.refs = sortedUnique(slices.Clone(d.References))
	x.year = d.Year()
	return x
}

// index adds d to every index; words are its distinct search words.
func (s *Store) index(d *doc, words []string) {
	s.all.add(d)
	s.keyed(d, func(x index, key string) { x.add(key, d) })
	if r := d.res; r != nil && (r.host == nil || d.ID < r.host.ID) {
		r.host = d
	}
	d.words = d.words[:0]
	for _, w := range words {
		id, ok := s.wordIDs[w]
		if !ok {
			id = int32(len(s.postings))
			s.wordIDs[strings.Clone(w)] = id
			s.postings = append(s.postings, &docSet{})
		}
		s.postings[id].add(d)
		d.words = append(d.words, id)
	}
	for _, c := range d.cites {
		r := c.res
		r.changed()
		r.citing.add(d)
		switch {
		case r.partners != nil:
			r.addPartners(d, 1)
		case r.citing.len() >= partnersFrom:
			// d is among the citing documents counted here.
			r.partners = map[int32]int32{}
			for slot := range r.citing.members {
				r.addPartners(s.slots[slot], 1)
			}
		}
		if d.year != 0 {
			r.byYear[d.year]++
		}
		if d.author != "" {
			r.byState[d.author]++
		}
		for _, k := range sessionItems(d) {
			r.bySession[k]++
		}
	}
}

// unindex removes d from every index, undoing index exactly.
func (s *Store) unindex(d *doc) {
	s.all.remove(d)
	s.keyed(d, func(x index, key string) { x.remove(key, d) })
	if r := d.res; r != nil && r.host == d {
		r.host = nil
		if set := s.bySymbol[d.symbol]; set != nil {
			for slot := range set.members {
				if t := s.slots[slot]; r.host == nil || t.ID < r.host.ID {
					r.host = t
				}
			}
		}
	}
	for _, w := range d.words {
		s.postings[w].remove(d)
	}
	for _, c := range d.cites {
		r := c.res
		r.changed()
		r.citing.remove(d)
		if r.partners != nil {
			r.addPartners(d, -1)
		}
		if d.year != 0 {
			decrement(r.byYear, d.year)
		}
		if d.author != "" {
			decrement(r.byState, d.author)
		}
		for _, k := range sessionItems(d) {
			decrement(r.bySession, k)
		}
	}
}

// intern returns the resolution entry of a parsed symbol, creating it.
func (s *Store) intern(p uncite.Citation) *resolution {
	if r := s.resolutions[p.Symbol]; r != nil {
		return r
	}
	r := &resolution{
		Citation: uncite.Citation{Symbol: p.Symbol, Body: p.Body, Number: p.Number, Year: p.Year},
		idx:      int32(len(s.resByIdx)),
		nodeID:   uncite.NodeID(uncite.KindResolution, p.Symbol),
		byYear:   map[int]int{}, byState: map[string]int{}, bySession: map[sessionItem]int{},
	}
	r.ref, r.known = refdata.LookupResolution(p.Symbol)
	r.year = cmp.Or(r.Year, r.ref.Year)
	s.resolutions[p.Symbol] = r
	s.resByIdx = append(s.resByIdx, r)
	return r
}

// alive reports whether r exists: cited, or the symbol of a stored document.
func (s *Store) alive(r *resolution) bool { return r.citing.len() > 0 || r.host != nil }

// list returns the documents of set sorted by ID.
func (s *Store) list(set *docSet) []*doc { return set.list(s.slots) }

// sessionItems lists the session facet keys a document counts under.
func sessionItems(d *doc) []sessionItem {
	if d.session == "" {
		return nil
	}
	if len(d.items) == 0 {
		return []sessionItem{{d.Body, d.Session, ""}}
	}
	prefix := d.session + "-"
	out := make([]sessionItem, len(d.items))
	for i, k := range d.items {
		out[i] = sessionItem{d.Body, d.Session, strings.TrimPrefix(k, prefix)}
	}
	return out
}

// stateNode is the node of the State whose code is exactly code; only the
// States of the reference tables are nodes.
func stateNode(code string) (nid, bool) {
	i, ok := states().numbers[code]
	return makeNode(kindState, i), ok
}

// keyed visits each index d belongs in with its key there, the same
// for index and unindex; empty values are not keys.
func (s *Store) keyed(d *doc, visit func(x index, key string)) {
	one := func(x index, key string) {
		if key != "" {
			visit(x, key)
		}
	}
	one(s.bySymbol, d.symbol)
	one(s.byBody, d.Body)
	one(s.byType, d.Type)
	for _, l := range sortedUnique(slices.Clone(d.Languages)) {
		visit(s.byLanguage, l)
	}
	one(s.byAuthor, d.Author)
	for _, m := range d.mentions {
		visit(s.byMention, m.State)
	}
	one(s.bySession, d.session)
	for _, k := range d.items {
		visit(s.byItem, k)
	}
	for _, r := range d.refs {
		visit(s.byRef, r)
	}
}

func decrement[K comparable](m map[K]int, k K) {
	if m[k]--; m[k] <= 0 {
		delete(m, k)
	}
}

func sortedUnique(xs []string) []string {
	slices.Sort(xs)
	return slices.Compact(xs)
}
