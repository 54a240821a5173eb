package memstore

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// CoCited implements uncite.Store from each resolution's co-citation
// ranking, built on first use after a change to its citing documents.
func (s *Store) CoCited(ctx context.Context, symbols []string, limit, evidence int) (map[string][]uncite.CoCitation, error) {
	if err := uncite.ValidateRanking(limit, evidence); err != nil {
		return nil, err
	}
	return batch(ctx, s, symbols, func(symbol string) ([]uncite.CoCitation, bool) {
		r := s.resolution(symbol)
		if r == nil {
			return nil, false
		}
		return s.coCited(r, limit, evidence), true
	})
}

func (s *Store) coCited(r *resolution, limit, evidence int) []uncite.CoCitation {
	ranking := s.coCitedRanking(r)
	if min(limit, len(ranking)) == 0 {
		return nil // the contract's "none", not an empty list
	}
	out := make([]uncite.CoCitation, min(limit, len(ranking)))
	at := make(map[int32]int, len(out))
	missing := 0
	for i, c := range ranking[:len(out)] {
		out[i] = uncite.CoCitation{Symbol: s.resByIdx[c.idx].Symbol, Count: int(c.count)}
		at[c.idx] = i
		missing += min(int(c.count), evidence)
	}
	// The evidence of every entry comes from one walk of r's citing
	// documents in ID order, which stops once each entry has its share:
	// walking each co-cited resolution's own documents instead would sort
	// thousands of them on first use.
	for _, d := range s.list(&r.citing) {
		if missing == 0 {
			break
		}
		for _, c := range d.cites {
			if i, ok := at[c.idx]; ok && len(out[i].Documents) < min(out[i].Count, evidence) {
				out[i].Documents = append(out[i].Documents, d.ID)
				missing--
			}
		}
	}
	return out
}

// coCitation is an entry of a co-citation ranking: a resolution, by idx,
// and the number of documents citing it with the ranked one.
type coCitation struct{ idx, count int32 }

// coCitedRanking returns the first MaxPageSize resolutions co-cited with
// r, as many as any call may ask for, most shared documents first, ties
// by symbol, selecting them without sorting the thousands counted. The
// counts are r's partners when writes keep them, else counted here.
func (s *Store) coCitedRanking(r *resolution) []coCitation {
	if p := r.coCited.Load(); p != nil {
		return *p
	}
	top := topN[coCitation]{n: uncite.MaxPageSize, cmp: func(a, b coCitation) int {
		return cmp.Or(cmp.Compare(b.count, a.count), strings.Compare(s.resByIdx[a.idx].Symbol, s.resByIdx[b.idx].Symbol))
	}}
	if r.partners != nil {
		for idx, n := range r.partners {
			top.offer(coCitation{idx, n})
		}
	} else {
		counts, touched := s.countPartners(r)
		for _, idx := range touched {
			top.offer(coCitation{idx, counts[idx]})
		}
	}
	r.coCited.Store(&top.items)
	return top.items
}

// countPartners counts, over the documents citing r, every other
// resolution they cite, in a flat array indexed by resolution: one pass
// over their citations, in no particular order, and no map traffic.
// touched lists the resolutions counted.
func (s *Store) countPartners(r *resolution) (counts []int32, touched []int32) {
	counts = make([]int32, len(s.resByIdx))
	for slot := range r.citing.members {
		for _, c := range s.slots[slot].cites {
			if c.idx == r.idx {
				continue
			}
			if counts[c.idx] == 0 {
				touched = append(touched, c.idx)
			}
			counts[c.idx]++
		}
	}
	return counts, touched
}

// Coupled implements uncite.Store.
func (s *Store) Coupled(ctx context.Context, ids []string, limit, evidence int) (map[string][]uncite.Coupling, error) {
	if err := uncite.ValidateRanking(limit, evidence); err != nil {
		return nil, err
	}
	return batch(ctx, s, ids, func(id string) ([]uncite.Coupling, bool) {
		d := s.docs[id]
		if d == nil {
			return nil, false
		}
		return s.coupled(d, limit, evidence), true
	})
}

// coupled counts shared resolutions per document in a flat array indexed
// by document slot.
func (s *Store) coupled(d *doc, limit, evidence int) []uncite.Coupling {
	counts := make([]int32, len(s.slots))
	var touched []int32
	for _, c := range d.cites {
		for _, e := range s.list(&c.res.citing) {
			if e == d {
				continue
			}
			if counts[e.slot] == 0 {
				touched = append(touched, e.slot)
			}
			counts[e.slot]++
		}
	}
	top := topN[*doc]{n: limit, cmp: func(a, b *doc) int {
		return cmp.Or(cmp.Compare(counts[b.slot], counts[a.slot]), strings.Compare(a.ID, b.ID))
	}}
	for _, i := range touched {
		top.offer(s.slots[i])
	}
	if len(top.items) == 0 {
		return nil // the contract's "none", not an empty list
	}
	out := make([]uncite.Coupling, len(top.items))
	for i, e := range top.items {
		out[i] = uncite.Coupling{DocumentID: e.ID, Count: int(counts[e.slot]), Shared: sharedCites(d, e, evidence)}
	}
	return out
}

// sharedCites returns the first n symbols, in order, that both documents
// cite; their citations are sorted by symbol, so one merge finds them.
func sharedCites(a, b *doc, n int) []string {
	var out []string
	for i, j := 0, 0; i < len(a.cites) && j < len(b.cites) && len(out) < n; {
		switch c := strings.Compare(a.cites[i].res.Symbol, b.cites[j].res.Symbol); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			out = append(out, a.cites[i].res.Symbol)
			i++
			j++
		}
	}
	return out
}

// ResolutionFacets implements uncite.Store from the counters that writes
// keep on each resolution, sorted on first use after a change.
func (s *Store) ResolutionFacets(ctx context.Context, symbols []string) (map[string]*uncite.Facets, error) {
	return batch(ctx, s, symbols, func(symbol string) (*uncite.Facets, bool) {
		r := s.resolution(symbol)
		if r == nil {
			return nil, false
		}
		return cachedFacets(r), true
	})
}

func cachedFacets(r *resolution) *uncite.Facets {
	f := r.facets.Load()
	if f == nil {
		f = facets(r)
		r.facets.Store(f)
	}
	// The cache is shared: the caller gets slices of its own.
	return &uncite.Facets{ByYear: slices.Clone(f.ByYear), ByState: slices.Clone(f.ByState), BySession: slices.Clone(f.BySession)}
}

func facets(r *resolution) *uncite.Facets {
	f := &uncite.Facets{}
	for y, n := range r.byYear {
		f.ByYear = append(f.ByYear, uncite.YearCount{Year: y, Count: n})
	}
	slices.SortFunc(f.ByYear, func(a, b uncite.YearCount) int { return cmp.Compare(a.Year, b.Year) })
	for st, n := range r.byState {
		f.ByState = append(f.ByState, uncite.StateCount{State: st, Count: n})
	}
	slices.SortFunc(f.ByState, func(a, b uncite.StateCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.State, b.State))
	})
	for k, n := range r.bySession {
		f.BySession = append(f.BySession, uncite.SessionItemCount{Body: k.body, Session: k.session, AgendaItem: k.item, Count: n})
	}
	slices.SortFunc(f.BySession, uncite.CompareSessionItemCounts)
	return f
}

// MostCitedBy implements uncite.Store.
func (s *Store) MostCitedBy(ctx context.Context, states []string, limit int) (map[string][]uncite.ResolutionCount, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := uncite.ValidateRanking(limit, 0); err != nil {
		return nil, err
	}
	tops := map[string]*topN[uncite.ResolutionCount]{}
	for _, st := range states {
		// Codes compare as given, as they do on Neo4j.
		if ref, ok := refdata.StateByCode(st); ok && ref.Code == st {
			tops[st] = &topN[uncite.ResolutionCount]{n: limit, cmp: byCountThenSymbol}
		}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	// One walk per State: ranging over the map of States for each of the
	// tens of thousands of resolutions would cost more than the lookups.
	for st, top := range tops {
		for _, r := range s.resByIdx {
			if n := r.byState[st]; n > 0 {
				top.offer(uncite.ResolutionCount{Symbol: r.Symbol, Count: n})
			}
		}
	}
	out := make(map[string][]uncite.ResolutionCount, len(tops))
	for st, top := range tops {
		out[st] = top.items
	}
	return out, nil
}

// TopCited implements uncite.Store.
func (s *Store) TopCited(ctx context.Context, body string, year, limit int) ([]uncite.ResolutionCount, error) {
	unlock, err := s.rlock(ctx, uncite.ValidateRanking(limit, 0))
	if err != nil {
		return nil, err
	}
	defer unlock()
	top := topN[uncite.ResolutionCount]{n: limit, cmp: byCountThenSymbol}
	for _, r := range s.resByIdx {
		if body != "" && r.Body != body {
			continue
		}
		n := r.citing.len()
		if year != 0 {
			n = r.byYear[year]
		}
		if n > 0 {
			top.offer(uncite.ResolutionCount{Symbol: r.Symbol, Count: n})
		}
	}
	return top.items, nil
}

func byCountThenSymbol(a, b uncite.ResolutionCount) int {
	return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Symbol, b.Symbol))
}

// topN keeps the n first items offered, in the order of cmp, without
// sorting everything offered: rankings look at thousands of candidates to
// return a few.
type topN[T any] struct {
	n     int
	cmp   func(a, b T) int
	items []T
}

func (t *topN[T]) offer(x T) {
	if t.n == 0 || (len(t.items) == t.n && t.cmp(x, t.items[t.n-1]) >= 0) {
		return
	}
	if len(t.items) == t.n {
		t.items = t.items[:t.n-1]
	}
	i, _ := slices.BinarySearchFunc(t.items, x, t.cmp)
	t.items = slices.Insert(t.items, i, x)
}
