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

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// Store keeps documents by ID and derives every other node from them on
// read, so that replacing a document can never leave a stale relationship.
type Store struct {
	mu   sync.RWMutex
	docs map[string]*uncite.Document
	// ids is the sorted key set of docs, kept so listings need no sort.
	ids []string
	// citing maps a resolution symbol to the IDs of documents citing it.
	citing map[string]map[string]bool
	// bySymbol maps a document symbol to the IDs of documents carrying it.
	bySymbol map[string]map[string]bool
}

var _ uncite.Store = (*Store)(nil)

// New returns an empty store.
func New() *Store {
	return &Store{
		docs:     map[string]*uncite.Document{},
		citing:   map[string]map[string]bool{},
		bySymbol: map[string]map[string]bool{},
	}
}

// WriteDocuments implements uncite.Store.
func (s *Store) WriteDocuments(_ context.Context, docs []*uncite.Document) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range docs {
		if old, ok := s.docs[d.ID]; ok {
			if old.SHA256 == d.SHA256 && d.SHA256 != "" {
				continue
			}
			s.unindex(old)
		} else {
			i, _ := slices.BinarySearch(s.ids, d.ID)
			s.ids = slices.Insert(s.ids, i, d.ID)
		}
		c := clone(d)
		s.docs[d.ID] = c
		s.index(c)
	}
	return nil
}

func (s *Store) index(d *uncite.Document) {
	for _, c := range d.Citations {
		addTo(s.citing, c.Symbol, d.ID)
	}
	if d.Symbol != "" {
		addTo(s.bySymbol, d.Symbol, d.ID)
	}
}

func (s *Store) unindex(d *uncite.Document) {
	for _, c := range d.Citations {
		removeFrom(s.citing, c.Symbol, d.ID)
	}
	if d.Symbol != "" {
		removeFrom(s.bySymbol, d.Symbol, d.ID)
	}
}

func addTo(m map[string]map[string]bool, k, id string) {
	if m[k] == nil {
		m[k] = map[string]bool{}
	}
	m[k][id] = true
}

func removeFrom(m map[string]map[string]bool, k, id string) {
	delete(m[k], id)
	if len(m[k]) == 0 {
		delete(m, k)
	}
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
func (s *Store) Document(_ context.Context, id string) (*uncite.Document, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	d, ok := s.docs[id]
	if !ok {
		return nil, uncite.Errorf(uncite.ENOTFOUND, "no document with id %q", id)
	}
	return clone(d), nil
}

// Documents implements uncite.Store.
func (s *Store) Documents(_ context.Context, f uncite.DocumentFilter, p uncite.Page) ([]*uncite.Document, int, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	candidates := s.ids
	if f.Cites != "" {
		// The citation index turns the most selective common filter into a
		// lookup instead of a scan.
		candidates = sortedKeys(s.citing[f.Cites])
	}
	var out []*uncite.Document
	total := 0
	for _, id := range candidates {
		d := s.docs[id]
		if !matches(d, f) {
			continue
		}
		if total >= p.Offset && len(out) < p.Limit {
			out = append(out, clone(d))
		}
		total++
	}
	return out, total, nil
}

func sortedKeys(m map[string]bool) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func matches(d *uncite.Document, f uncite.DocumentFilter) bool {
	switch {
	case f.Symbol != "" && d.Symbol != f.Symbol,
		f.Body != "" && d.Body != f.Body,
		f.Session != 0 && d.Session != f.Session,
		f.Author != "" && d.Author != f.Author,
		f.Type != "" && d.Type != f.Type,
		f.Language != "" && !slices.Contains(d.Languages, f.Language),
		f.DateFrom != "" && (d.Date == "" || d.Date < f.DateFrom),
		f.DateTo != "" && (d.Date == "" || d.Date > f.DateTo),
		f.AgendaItem != "" && !slices.ContainsFunc(d.AgendaItems, func(a uncite.AgendaItem) bool { return a.Number == f.AgendaItem }),
		f.Mentions != "" && !slices.ContainsFunc(d.Mentions, func(m uncite.Mention) bool { return m.State == f.Mentions }),
		f.Cites != "" && !slices.ContainsFunc(d.Citations, func(c uncite.Citation) bool { return c.Symbol == f.Cites }):
		return false
	}
	return true
}

// Resolution implements uncite.Store.
func (s *Store) Resolution(_ context.Context, symbol string) (*uncite.Resolution, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := s.resolution(symbol)
	if r == nil {
		return nil, uncite.Errorf(uncite.ENOTFOUND, "no resolution %q in the graph", symbol)
	}
	return r, nil
}

// resolution builds the resolution node for symbol, or nil if none exists.
func (s *Store) resolution(symbol string) *uncite.Resolution {
	citers, selfIDs := s.citing[symbol], s.bySymbol[symbol]
	if len(citers) == 0 && len(selfIDs) == 0 {
		return nil
	}
	c, err := uncite.ParseResolutionSymbol(symbol)
	if err != nil {
		return nil
	}
	r := &uncite.Resolution{Symbol: c.Symbol, Body: c.Body, Number: c.Number, Year: c.Year, CitationCount: len(citers)}
	if ref, ok := refdata.LookupResolution(symbol); ok {
		r.Title, r.Date, r.Known = ref.Title, ref.Date, true
		if r.Year == 0 {
			r.Year = ref.Year
		}
	} else if ids := sortedKeys(selfIDs); len(ids) > 0 {
		d := s.docs[ids[0]]
		r.Title, r.Date = d.Title, d.Date
	}
	return r
}

// Resolutions implements uncite.Store.
func (s *Store) Resolutions(_ context.Context, f uncite.ResolutionFilter, o uncite.ResolutionOrder, p uncite.Page) ([]*uncite.Resolution, int, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	symbols := map[string]bool{}
	for sym := range s.citing {
		symbols[sym] = true
	}
	for sym := range s.bySymbol {
		symbols[sym] = true
	}
	var all []*uncite.Resolution
	for sym := range symbols {
		r := s.resolution(sym)
		if r == nil || !s.resolutionMatches(r, f) {
			continue
		}
		all = append(all, r)
	}
	slices.SortFunc(all, func(a, b *uncite.Resolution) int {
		switch o {
		case uncite.OrderByCitationCount:
			if c := cmp.Compare(b.CitationCount, a.CitationCount); c != 0 {
				return c
			}
		case uncite.OrderByYear:
			if c := cmp.Compare(b.Year, a.Year); c != 0 {
				return c
			}
		}
		return strings.Compare(a.Symbol, b.Symbol)
	})
	return window(all, p), len(all), nil
}

func (s *Store) resolutionMatches(r *uncite.Resolution, f uncite.ResolutionFilter) bool {
	switch {
	case f.Body != "" && r.Body != f.Body,
		f.YearFrom != 0 && r.Year < f.YearFrom,
		f.YearTo != 0 && (r.Year == 0 || r.Year > f.YearTo):
		return false
	}
	if f.CitedBy != "" {
		for id := range s.citing[r.Symbol] {
			if s.docs[id].Author == f.CitedBy {
				return true
			}
		}
		return false
	}
	return true
}

func window[T any](all []T, p uncite.Page) []T {
	if p.Offset >= len(all) {
		return nil
	}
	return all[p.Offset:min(len(all), p.Offset+p.Limit)]
}

// State implements uncite.Store.
func (s *Store) State(_ context.Context, code string) (*uncite.State, error) {
	st, ok := refdata.StateByCode(code)
	if !ok {
		return nil, uncite.Errorf(uncite.ENOTFOUND, "no State with code %q", code)
	}
	return &uncite.State{Code: st.Code, Name: st.Name}, nil
}

// States implements uncite.Store.
func (s *Store) States(_ context.Context, p uncite.Page) ([]*uncite.State, int, error) {
	all := refdata.States()
	var out []*uncite.State
	for _, st := range window(all, p) {
		out = append(out, &uncite.State{Code: st.Code, Name: st.Name})
	}
	return out, len(all), nil
}

// Session implements uncite.Store.
func (s *Store) Session(_ context.Context, body string, number int) (*uncite.Session, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var ses *uncite.Session
	for _, d := range s.docs {
		if d.Body != body || d.Session != number {
			continue
		}
		if ses == nil {
			ses = &uncite.Session{Body: body, Number: number}
		}
		if d.SessionStart != "" && (ses.StartDate == "" || d.SessionStart < ses.StartDate) {
			ses.StartDate = d.SessionStart
		}
		ses.EndDate = max(ses.EndDate, d.SessionEnd)
	}
	if ses == nil {
		return nil, uncite.Errorf(uncite.ENOTFOUND, "no documents of %s session %d in the graph", body, number)
	}
	return ses, nil
}

// AgendaItems implements uncite.Store.
func (s *Store) AgendaItems(_ context.Context, body string, session int) ([]uncite.AgendaItem, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	titles := map[string]string{}
	for _, d := range s.docs {
		if d.Body != body || d.Session != session {
			continue
		}
		for _, a := range d.AgendaItems {
			t, seen := titles[a.Number]
			if !seen || (a.Title != "" && (t == "" || a.Title < t)) {
				titles[a.Number] = a.Title
			}
		}
	}
	var out []uncite.AgendaItem
	for n, t := range titles {
		out = append(out, uncite.AgendaItem{Number: n, Title: t})
	}
	slices.SortFunc(out, func(a, b uncite.AgendaItem) int { return strings.Compare(a.Number, b.Number) })
	return out, nil
}

// Ping implements uncite.Store; memory is always reachable.
func (s *Store) Ping(context.Context) error { return nil }

// Close implements uncite.Store.
func (s *Store) Close(context.Context) error { return nil }
