package memstore

import (
	"context"

	"github.com/uncite/uncite"
)

// Search implements uncite.Store over the inverted index of words that
// writes maintain: it walks the rarest word's documents and keeps those
// holding every other word.
func (s *Store) Search(ctx context.Context, query string, p uncite.Page) ([]*uncite.Document, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	if err := p.Validate(); err != nil {
		return nil, 0, err
	}
	words := sortedUnique(uncite.Words(query))
	if len(words) == 0 {
		return nil, 0, uncite.Errorf(uncite.EINVALID, "search needs at least one word")
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	sets := make([]*docSet, len(words))
	rarest := 0
	for i, w := range words {
		id, ok := s.wordIDs[w]
		if !ok {
			return nil, 0, nil
		}
		sets[i] = s.postings[id]
		if sets[i].len() < sets[rarest].len() {
			rarest = i
		}
	}
	if len(sets) == 1 {
		list := s.list(sets[0])
		docs, err := clones(ctx, window(list, p))
		return docs, len(list), err
	}
	var out []*uncite.Document
	total := 0
next:
	for i, d := range s.list(sets[rarest]) {
		if err := every(ctx, i); err != nil {
			return nil, 0, err
		}
		for _, set := range sets {
			if !set.has(d) {
				continue next
			}
		}
		if total >= p.Offset && len(out) < p.Limit {
			out = append(out, clone(d.Document))
		}
		total++
	}
	return out, total, nil
}
