// Package memstore is the embedded, in-process implementation of
// uncite.Store: the whole graph held in memory, built at start-up, with no
// server to install. It answers exactly as the Neo4j store does; the shared
// conformance suite in storetest holds both to that.
package memstore

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// Store keeps documents by ID and derives every other node from them, so
// that replacing a document can never leave a stale relationship. Indexes
// (index.go) are updated on every write and undone on every replacement,
// so that reads look up instead of scanning.
type Store struct {
	mu    sync.RWMutex
	docs  map[string]*doc
	slots []*doc // by doc.slot
	indexes
	resolutions map[string]*resolution
	resByIdx    []*resolution // by resolution.idx
	// rankings caches the existing resolutions sorted in each of
	// resolutionOrders; a write clears it. Atomic, as readers fill it.
	rankings [3]atomic.Pointer[[]*resolution]
	// sessionViews caches sessions as derived from their documents, which
	// for a session of thousands means scanning them all, and graph views
	// derive every session they show; a write clears it.
	sessionMu    sync.Mutex
	sessionViews map[string]uncite.Session
}

var _ uncite.Store = (*Store)(nil)

// New returns an empty store.
func New() *Store {
	return &Store{
		docs:        map[string]*doc{},
		indexes:     newIndexes(),
		resolutions: map[string]*resolution{},
	}
}

// WriteDocuments implements uncite.Store. The batch is validated before
// anything is written, and written under one lock, so it is atomic.
func (s *Store) WriteDocuments(_ context.Context, docs []*uncite.Document) (int, error) {
	for i, d := range docs {
		if d == nil || d.ID == "" {
			return 0, uncite.Errorf(uncite.EINVALID, "document %d of the batch has no ID", i)
		}
	}
	written := map[string]bool{}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range docs {
		old := s.docs[d.ID]
		// A document without a digest is always rewritten: nothing proves
		// it unchanged.
		if old != nil && d.SHA256 != "" && old.SHA256 == d.SHA256 {
			continue
		}
		x := s.newDoc(d)
		if old != nil {
			s.unindex(old)
			x.slot = old.slot
			s.slots[x.slot] = x
		} else {
			x.slot = int32(len(s.slots))
			s.slots = append(s.slots, x)
		}
		s.docs[d.ID] = x
		written[d.ID] = true
		s.index(x, sortedUnique(uncite.Words(d.Title+" "+d.Text)))
		for i := range s.rankings {
			s.rankings[i].Store(nil)
		}
		s.sessionViews = nil
	}
	return len(written), nil
}

// clone copies a document so that callers can neither mutate the store's
// copy nor observe later writes through theirs.
func clone(d *uncite.Document) *uncite.Document {
	c := *d
	c.Languages = slices.Clone(d.Languages)
	c.AgendaItems = slices.Clone(d.AgendaItems)
	c.Mentions = slices.Clone(d.Mentions)
	c.References = slices.Clone(d.References)
	c.Citations = make([]uncite.Citation, len(d.Citations))
	for i, x := range d.Citations {
		x.Contexts = slices.Clone(x.Contexts)
		x.Verbs = slices.Clone(x.Verbs)
		c.Citations[i] = x
	}
	if len(c.Citations) == 0 {
		c.Citations = nil
	}
	return &c
}

// Document implements uncite.Store.
func (s *Store) Document(ctx context.Context, id string) (*uncite.Document, error) {
	unlock, err := s.rlock(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer unlock()
	d, ok := s.docs[id]
	if !ok {
		return nil, uncite.Errorf(uncite.ENOTFOUND, "no document with id %q", id)
	}
	return clone(d.Document), nil
}

// DocumentsByID implements uncite.Store.
func (s *Store) DocumentsByID(ctx context.Context, ids []string) (map[string]*uncite.Document, error) {
	return batch(ctx, s, ids, func(id string) (*uncite.Document, bool) {
		d, ok := s.docs[id]
		if !ok {
			return nil, false
		}
		return clone(d.Document), true
	})
}

// rlock starts a read: it fails on a done context or a failed argument
// check (nil when there is none), else takes the read lock, which the
// caller releases with the returned function.
func (s *Store) rlock(ctx context.Context, check error) (unlock func(), err error) {
	if err := cmp.Or(ctx.Err(), check); err != nil {
		return nil, err
	}
	s.mu.RLock()
	return s.mu.RUnlock, nil
}

// batch answers a lookup of many keys under one read lock: each key that
// find reports present maps to its value, the others are left out. The
// context is checked between keys, so that a long batch stops when the
// request is cancelled.
func batch[V any](ctx context.Context, s *Store, keys []string, find func(key string) (V, bool)) (map[string]V, error) {
	unlock, err := s.rlock(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer unlock()
	out := make(map[string]V, len(keys))
	for _, k := range keys {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if v, ok := find(k); ok {
			out[k] = v
		}
	}
	return out, nil
}

// Documents implements uncite.Store.
func (s *Store) Documents(ctx context.Context, f uncite.DocumentFilter, p uncite.Page) ([]*uncite.Document, int, error) {
	pages, err := s.DocumentPages(ctx, []uncite.DocumentQuery{{Filter: f, Page: p}})
	if err != nil {
		return nil, 0, err
	}
	return pages[0].Documents, pages[0].Total, nil
}

// DocumentPages implements uncite.Store. The pages are read under one lock,
// so that they all see the same writes.
func (s *Store) DocumentPages(ctx context.Context, qs []uncite.DocumentQuery) ([]uncite.DocumentPage, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, q := range qs {
		if err := q.Validate(); err != nil {
			return nil, err
		}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]uncite.DocumentPage, len(qs))
	for i, q := range qs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page, err := s.queryPage(ctx, q)
		if err != nil {
			return nil, err
		}
		if q.Cited.Resolutions {
			if err := s.addCited(ctx, page.Documents, q.Cited); err != nil {
				return nil, err
			}
		}
		out[i] = page
	}
	return out, nil
}

// queryPage answers one DocumentQuery but for its Cited.
func (s *Store) queryPage(ctx context.Context, q uncite.DocumentQuery) (uncite.DocumentPage, error) {
	page, err := s.documentPage(ctx, q.Filter, q.Page, q.Omit == uncite.AllParts)
	if err != nil {
		return page, err
	}
	for _, d := range page.Documents {
		q.Omit.Strip(d)
	}
	if q.NoTotal {
		page.Total = 0
	}
	return page, nil
}

// addCited fills the citations of docs with what c asks of the
// resolutions they cite.
func (s *Store) addCited(ctx context.Context, docs []*uncite.Document, c uncite.CitedQuery) error {
	for _, d := range docs {
		for i := range d.Citations {
			cite := &d.Citations[i]
			r := s.resolution(cite.Symbol)
			if r == nil {
				continue
			}
			cite.Resolution = s.resolutionView(r)
			if c.Brief {
				cite.Resolution = &uncite.Resolution{Symbol: cite.Resolution.Symbol, CitationCount: cite.Resolution.CitationCount}
			}
			if !c.CitingIDs {
				continue
			}
			page, err := s.queryPage(ctx, c.CitingQuery(cite.Symbol))
			if err != nil {
				return err
			}
			cite.Resolution.CitedBy = &page
		}
	}
	return nil
}

// documentPage lists the documents matching f, whole or, when idsOnly,
// with their ids alone.
func (s *Store) documentPage(ctx context.Context, f uncite.DocumentFilter, p uncite.Page, idsOnly bool) (uncite.DocumentPage, error) {
	views := clones
	if idsOnly {
		views = func(_ context.Context, docs []*doc) ([]*uncite.Document, error) { return idDocuments(docs), nil }
	}
	list, exact := s.candidates(f)
	if exact {
		page, err := views(ctx, window(list, p))
		return uncite.DocumentPage{Documents: page, Total: len(list)}, err
	}
	var page []*doc
	total := 0
	for i, d := range list {
		if err := every(ctx, i); err != nil {
			return uncite.DocumentPage{}, err
		}
		if !matches(d, f) {
			continue
		}
		if total >= p.Offset && len(page) < p.Limit {
			page = append(page, d)
		}
		total++
	}
	docs, err := views(ctx, page)
	return uncite.DocumentPage{Documents: docs, Total: total}, err
}

// idDocuments is clones for a caller that reads the ids alone.
func idDocuments(docs []*doc) []*uncite.Document {
	if len(docs) == 0 {
		return nil
	}
	out := make([]*uncite.Document, len(docs))
	for i, d := range docs {
		out[i] = &uncite.Document{ID: d.ID}
	}
	return out
}

// every checks ctx once every 1024 steps of a loop, so that a scan of the
// whole store stops soon after its request ends, for the price of a
// counter.
func every(ctx context.Context, i int) error {
	if i&1023 != 0 {
		return nil
	}
	return ctx.Err()
}

// clones copies a page of documents for the caller; an empty page is nil.
// A query of hundreds of pages starts them all at once, each hundreds of
// copies, so a page too stops soon after its request ends: a deadline
// otherwise overran by every page already under way.
func clones(ctx context.Context, docs []*doc) ([]*uncite.Document, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	out := make([]*uncite.Document, len(docs))
	for i, d := range docs {
		if i&15 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		out[i] = clone(d.Document)
	}
	return out, nil
}

// candidates returns, in ID order, the documents of the smallest index set
// that a field of f selects, to be checked against the rest of f; exact
// when that set alone implies every field of f, so that no check is needed.
func (s *Store) candidates(f uncite.DocumentFilter) (list []*doc, exact bool) {
	if f.ID != "" {
		// At most one document, checked against the rest of f.
		if d, ok := s.docs[f.ID]; ok {
			return []*doc{d}, false
		}
		return nil, true
	}
	best, implied := &s.all, 0
	consider := func(set *docSet, fields int) {
		if set.len() < best.len() || (set.len() == best.len() && fields > implied) {
			best, implied = set, fields
		}
	}
	key := uncite.SessionKey(f.Body, f.Session)
	for _, c := range []struct {
		set    bool
		index  index
		key    string
		fields int
	}{
		{f.Symbol != "", s.bySymbol, f.Symbol, 1},
		{f.Body != "", s.byBody, f.Body, 1},
		{f.Body != "" && f.Session != 0, s.bySession, key, 2},
		{f.Body != "" && f.Session != 0 && f.AgendaItem != "", s.byItem, key + "-" + f.AgendaItem, 3},
		{f.Author != "", s.byAuthor, f.Author, 1},
		{f.Mentions != "", s.byMention, f.Mentions, 1},
		{f.Type != "", s.byType, f.Type, 1},
		{f.Language != "", s.byLanguage, f.Language, 1},
	} {
		if c.set {
			consider(c.index[c.key], c.fields)
		}
	}
	if f.Cites != "" {
		r := s.resolutions[f.Cites]
		if r == nil {
			return nil, true
		}
		consider(&r.citing, 1)
	}
	set := 0
	for _, v := range []bool{f.Symbol != "", f.Body != "", f.Session != 0, f.AgendaItem != "", f.Author != "",
		f.Mentions != "", f.Cites != "", f.Type != "", f.Language != "", f.DateFrom != "", f.DateTo != ""} {
		if v {
			set++
		}
	}
	return s.list(best), implied == set
}

// matching returns the first n documents matching f in ID order, and
// whether more match.
func (s *Store) matching(f uncite.DocumentFilter, n int) ([]*doc, bool) {
	list, exact := s.candidates(f)
	if exact {
		return list[:min(n, len(list))], len(list) > n
	}
	var out []*doc
	for _, d := range list {
		if matches(d, f) {
			if len(out) == n {
				return out, true
			}
			out = append(out, d)
		}
	}
	return out, false
}

// matches checks every field of f. Symbols compare in canonical form, and
// Mentions by the links to reference-table States, as the graph has them.
func matches(d *doc, f uncite.DocumentFilter) bool {
	switch {
	case f.ID != "" && d.ID != f.ID,
		f.Symbol != "" && d.symbol != f.Symbol,
		f.Body != "" && d.Body != f.Body,
		f.Session != 0 && d.Session != f.Session,
		f.Author != "" && d.Author != f.Author,
		f.Type != "" && d.Type != f.Type,
		f.Language != "" && !slices.Contains(d.Languages, f.Language),
		f.DateFrom != "" && (d.Date == "" || d.Date < f.DateFrom),
		f.DateTo != "" && (d.Date == "" || d.Date > f.DateTo),
		f.AgendaItem != "" && !slices.ContainsFunc(d.AgendaItems, func(a uncite.AgendaItem) bool { return a.Number == f.AgendaItem }),
		f.Mentions != "" && !slices.ContainsFunc(d.mentions, func(m uncite.Mention) bool { return m.State == f.Mentions }),
		f.Cites != "" && !slices.ContainsFunc(d.cites, func(c cite) bool { return c.res.Symbol == f.Cites }):
		return false
	}
	return true
}

// Resolution implements uncite.Store.
func (s *Store) Resolution(ctx context.Context, symbol string) (*uncite.Resolution, error) {
	unlock, err := s.rlock(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer unlock()
	r := s.resolution(symbol)
	if r == nil {
		return nil, uncite.Errorf(uncite.ENOTFOUND, "no resolution %q in the graph", symbol)
	}
	return s.resolutionView(r), nil
}

// ResolutionWith implements uncite.Store. In memory a call costs no round
// trip, so the parts are read one after the other.
func (s *Store) ResolutionWith(ctx context.Context, q uncite.ResolutionQuery) (*uncite.Resolution, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	r, err := s.Resolution(ctx, q.Symbol)
	if err != nil {
		return nil, err
	}
	if q.CitedBy != nil {
		pages, err := s.DocumentPages(ctx, []uncite.DocumentQuery{*q.CitedBy})
		if err != nil {
			return nil, err
		}
		r.CitedBy = &pages[0]
	}
	if k := q.CoCited; k != nil {
		ranked, err := s.CoCited(ctx, []string{q.Symbol}, k.Limit, k.Evidence)
		if err != nil {
			return nil, err
		}
		r.CoCited = &uncite.CoCitedRanking{Ranking: *k, CoCitations: ranked[q.Symbol]}
	}
	return r, nil
}

// ResolutionsBySymbol implements uncite.Store.
func (s *Store) ResolutionsBySymbol(ctx context.Context, symbols []string) (map[string]*uncite.Resolution, error) {
	return batch(ctx, s, symbols, func(symbol string) (*uncite.Resolution, bool) {
		r := s.resolution(symbol)
		if r == nil {
			return nil, false
		}
		return s.resolutionView(r), true
	})
}

// resolution returns the entry of an existing resolution, nil if none.
func (s *Store) resolution(symbol string) *resolution {
	if r := s.resolutions[symbol]; r != nil && s.alive(r) {
		return r
	}
	return nil
}

// resolutionView builds the Resolution of r. Each of title and date comes
// from the reference tables when they give it, else from the document that
// is the resolution (the Neo4j store coalesces the same way).
func (s *Store) resolutionView(r *resolution) *uncite.Resolution {
	v := &uncite.Resolution{Symbol: r.Symbol, Body: r.Body, Number: r.Number, Year: r.year, Known: r.known, CitationCount: r.citing.len(),
		Title: r.ref.Title, Date: r.ref.Date}
	if d := r.host; d != nil {
		v.Title = cmp.Or(v.Title, d.Title)
		v.Date = cmp.Or(v.Date, d.Date)
	}
	return v
}

// Resolutions implements uncite.Store, walking the cached ranking of the
// order and building views for the page only.
func (s *Store) Resolutions(ctx context.Context, f uncite.ResolutionFilter, o uncite.ResolutionOrder, p uncite.Page) ([]*uncite.Resolution, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	order := slices.Index(resolutionOrders, o)
	if o == "" {
		order = 0
	}
	if order < 0 {
		return nil, 0, uncite.Errorf(uncite.EINVALID, "unknown resolution order %q", o)
	}
	if err := p.Validate(); err != nil {
		return nil, 0, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var inSession map[*resolution]bool
	if f.CitedInSession != "" {
		inSession = map[*resolution]bool{}
		for _, d := range s.list(s.bySession[f.CitedInSession]) {
			for _, c := range d.cites {
				inSession[c.res] = true
			}
		}
	}
	var page []*uncite.Resolution
	total := 0
	for _, r := range s.ranking(order) {
		switch {
		case f.Body != "" && r.Body != f.Body,
			f.YearFrom != 0 && r.year < f.YearFrom,
			f.YearTo != 0 && (r.year == 0 || r.year > f.YearTo),
			f.CitedBy != "" && r.byState[f.CitedBy] == 0,
			inSession != nil && !inSession[r]:
			continue
		}
		if total >= p.Offset && len(page) < p.Limit {
			page = append(page, s.resolutionView(r))
		}
		total++
	}
	return page, total, nil
}

// resolutionOrders indexes Store.rankings.
var resolutionOrders = []uncite.ResolutionOrder{uncite.OrderBySymbol, uncite.OrderByCitationCount, uncite.OrderByYear}

// ranking returns the existing resolutions in the order numbered i, ties by
// symbol, sorting them on first use after a write.
func (s *Store) ranking(i int) []*resolution {
	if p := s.rankings[i].Load(); p != nil {
		return *p
	}
	var l []*resolution
	for _, r := range s.resByIdx {
		if s.alive(r) {
			l = append(l, r)
		}
	}
	slices.SortFunc(l, func(a, b *resolution) int {
		c := 0
		switch resolutionOrders[i] {
		case uncite.OrderByCitationCount:
			c = cmp.Compare(b.citing.len(), a.citing.len())
		case uncite.OrderByYear:
			c = cmp.Compare(b.year, a.year)
		}
		return cmp.Or(c, strings.Compare(a.Symbol, b.Symbol))
	})
	s.rankings[i].Store(&l)
	return l
}

func window[T any](all []T, p uncite.Page) []T {
	if p.Offset >= len(all) {
		return nil
	}
	return all[p.Offset:min(len(all), p.Offset+p.Limit)]
}

// State implements uncite.Store.
func (s *Store) State(ctx context.Context, code string) (*uncite.State, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	st, ok := refdata.StateByCode(code)
	if !ok {
		return nil, uncite.Errorf(uncite.ENOTFOUND, "no State with code %q", code)
	}
	return &uncite.State{Code: st.Code, Name: st.Name}, nil
}

// States implements uncite.Store.
func (s *Store) States(ctx context.Context, p uncite.Page) ([]*uncite.State, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	if err := p.Validate(); err != nil {
		return nil, 0, err
	}
	all := refdata.States()
	var out []*uncite.State
	for _, st := range window(all, p) {
		out = append(out, &uncite.State{Code: st.Code, Name: st.Name})
	}
	return out, len(all), nil
}

// Session implements uncite.Store.
func (s *Store) Session(ctx context.Context, body string, number int) (*uncite.Session, error) {
	unlock, err := s.rlock(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer unlock()
	ses := s.session(uncite.SessionKey(body, number))
	if ses == nil {
		return nil, uncite.Errorf(uncite.ENOTFOUND, "no documents of %s session %d in the graph", body, number)
	}
	return ses, nil
}

// SessionsByKey implements uncite.Store.
func (s *Store) SessionsByKey(ctx context.Context, keys []string) (map[string]*uncite.Session, error) {
	return batch(ctx, s, keys, func(k string) (*uncite.Session, bool) {
		ses := s.session(k)
		return ses, ses != nil
	})
}

// session derives a session from its documents, nil when it has none.
func (s *Store) session(key string) *uncite.Session {
	s.sessionMu.Lock()
	v, ok := s.sessionViews[key]
	s.sessionMu.Unlock()
	if ok {
		return &v
	}
	var ses *uncite.Session
	for _, d := range s.list(s.bySession[key]) {
		if ses == nil {
			ses = &uncite.Session{Body: d.Body, Number: d.Session}
		}
		if d.SessionStart != "" && (ses.StartDate == "" || d.SessionStart < ses.StartDate) {
			ses.StartDate = d.SessionStart
		}
		ses.EndDate = max(ses.EndDate, d.SessionEnd)
	}
	if ses != nil {
		s.sessionMu.Lock()
		if s.sessionViews == nil {
			s.sessionViews = map[string]uncite.Session{}
		}
		s.sessionViews[key] = *ses
		s.sessionMu.Unlock()
	}
	return ses
}

// AgendaItemsBySession implements uncite.Store.
func (s *Store) AgendaItemsBySession(ctx context.Context, keys []string) (map[string][]uncite.AgendaItem, error) {
	return batch(ctx, s, keys, func(k string) ([]uncite.AgendaItem, bool) {
		// A session exists while a document is in it.
		docs := s.list(s.bySession[k])
		return agendaItems(docs), len(docs) > 0
	})
}

// agendaItems gathers the distinct agenda items of a session's documents,
// ordered by number.
func agendaItems(docs []*doc) []uncite.AgendaItem {
	titles := map[string]string{}
	for _, d := range docs {
		for _, a := range d.AgendaItems {
			titles[a.Number] = smallerTitle(titles[a.Number], a.Title)
		}
	}
	var out []uncite.AgendaItem
	for n, t := range titles {
		out = append(out, uncite.AgendaItem{Number: n, Title: t})
	}
	slices.SortFunc(out, func(a, b uncite.AgendaItem) int { return uncite.CompareAgendaNumbers(a.Number, b.Number) })
	return out
}

// smallerTitle keeps the smallest non-empty title.
func smallerTitle(a, b string) string {
	if a == "" || (b != "" && b < a) {
		return b
	}
	return a
}

// Ping implements uncite.Store; memory is always reachable.
func (s *Store) Ping(context.Context) error { return nil }

// Close implements uncite.Store.
func (s *Store) Close(context.Context) error { return nil }
