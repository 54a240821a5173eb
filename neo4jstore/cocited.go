package neo4jstore

import (
	"cmp"
	"context"
	"slices"
)

// Co-citation counts: CoCited of a popular resolution would otherwise group
// every citation of every document citing it (some 140,000 rows for one
// cited by 10,000 documents), so a resolution once cited by partnersFrom
// documents keeps, in the write transaction, how many documents cite it
// together with each other resolution:
//
//	(r)-[:CO_CITED {symbol, partner, count}]->(r)
//
// The counts hang off r itself and name the partner by symbol, so that a
// partner's Resolution node moving to another node (see evictResolutions)
// leaves them alone; the owner's symbol is repeated on them for the index
// that finds one pair's count. r.partnersKept marks a resolution keeping
// them, which may have none. As in the in-memory store, the counts are
// built from the citing documents when the resolution first has
// partnersFrom of them, kept exact by the difference between the old and
// new citations of every document written after, and never dropped, so that
// a resolution hovering at the threshold is not rebuilt again and again.
// They are dropped with the node's Resolution role when it moves, and
// rebuilt on the next holder if it is popular. A database written before
// they existed needs no migration: reads count afresh for a resolution
// without the mark, and the next write touching a popular one builds them.

// partnersFrom is the number of citing documents from which a resolution
// keeps co-citation counts; a variable so that tests can lower it.
var partnersFrom = 1000

// selectPartnersKept tells, for each symbol the batch touched, whether its
// resolution keeps co-citation counts and how many documents cite it now.
const selectPartnersKept = `
UNWIND $symbols AS symbol
MATCH (r:Resolution {symbol: symbol})
RETURN symbol, r.partnersKept IS NOT NULL AS kept, COUNT { ()-[:CITES]->(r) } AS n`

// buildPartners counts the co-citations of resolutions that have just
// become popular from their citing documents. Each CITES comes from a
// distinct document, so rows are documents.
const buildPartners = `
UNWIND $symbols AS symbol
MATCH (r:Resolution {symbol: symbol})
SET r.partnersKept = true
WITH r
CALL (r) {
  MATCH (r)<-[:CITES]-(d)-[:CITES]->(p)
  WHERE p <> r
  WITH r, p, count(*) AS n
  CREATE (r)-[:CO_CITED {symbol: r.symbol, partner: p.symbol, count: n}]->(r)
}`

// updatePartners adds the batch's differences to the counts of the pairs,
// creating those that appear and deleting those that fall to zero. Each
// pair is one row, found by the index on (symbol, partner).
const updatePartners = `
UNWIND $rows AS x
OPTIONAL MATCH ()-[c:CO_CITED {symbol: x.symbol, partner: x.partner}]->()
CALL (x, c) {
  WITH x, c WHERE c IS NULL
  MATCH (r:Resolution {symbol: x.symbol})
  CREATE (r)-[:CO_CITED {symbol: x.symbol, partner: x.partner, count: x.n}]->(r)
}
WITH x, c WHERE c IS NOT NULL
SET c.count = c.count + x.n
WITH c WHERE c.count = 0
DELETE c`

// coCount brings the co-citation counts of the resolutions the batch
// touched up to date. It runs once the new CITES exist.
func (w *writer) coCount(ctx context.Context) error {
	if len(*w.deltas.cited) == 0 && len(w.rebuild) == 0 {
		return nil
	}
	recs, err := run(ctx, w.tx, selectPartnersKept, map[string]any{"symbols": sortedKeys(w.resolutions)})
	if err != nil {
		return err
	}
	kept := map[string]bool{}
	var build []string
	for _, r := range recs {
		symbol := get[string](r, "symbol")
		switch {
		case get[bool](r, "kept"):
			kept[symbol] = true
		case int(get[int64](r, "n")) >= partnersFrom:
			build = append(build, symbol)
		}
	}
	if len(build) > 0 {
		slices.Sort(build)
		if _, err := run(ctx, w.tx, buildPartners, map[string]any{"symbols": build}); err != nil {
			return err
		}
	}
	if len(kept) == 0 {
		return nil
	}
	type pair struct{ symbol, partner string }
	diffs := map[pair]int{}
	for _, c := range *w.deltas.cited {
		for _, a := range c.symbols {
			if !kept[a] {
				continue
			}
			for _, b := range c.symbols {
				if b != a {
					diffs[pair{a, b}] += c.sign
				}
			}
		}
	}
	var rows []map[string]any
	for p, n := range diffs {
		if n != 0 {
			rows = append(rows, map[string]any{"symbol": p.symbol, "partner": p.partner, "n": n})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	// Sorted by resolution, so that concurrent writers lock nodes in the
	// same order.
	slices.SortFunc(rows, func(a, b map[string]any) int {
		return cmp.Or(cmp.Compare(a["symbol"].(string), b["symbol"].(string)),
			cmp.Compare(a["partner"].(string), b["partner"].(string)))
	})
	_, err = run(ctx, w.tx, updatePartners, map[string]any{"rows": rows})
	return err
}
