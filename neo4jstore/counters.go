package neo4jstore

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// Counters: the facets of a resolution, MostCitedBy and TopCited of a year
// are read from counts kept on each Resolution node, so that they cost as
// much for a resolution cited ten thousand times as for one cited once:
//
//	(r)-[:CITED_IN_YEAR {year, count}]->(r)      documents dated in year
//	(r)-[:CITED_BY_STATE {count}]->(:State)      documents the State authored
//	(r)-[:CITED_IN_SESSION {items, counts}]->(:Session)
//	                                             documents of the session under
//	                                             each agenda item number of items
//	                                             ("" for those with none), sorted
//	                                             by number, in parallel lists
//
// The year counts hang off the resolution itself as there is no year node;
// an index on their year finds a year's counts. A session's counts share
// one relationship, so that a popular resolution has one per session, not
// thousands, to look through when a write updates one. Counts are of distinct
// documents and no relationship holds a zero count. Each write updates the
// counts of what the old and new versions of its documents cite by the
// difference between them; a symbol whose Resolution node changes (see
// evictResolutions) has its counters rebuilt from the citing documents.
const counterRels = "CITED_IN_YEAR|CITED_BY_STATE|CITED_IN_SESSION"

// counted is what one document counts under in the counters of each
// resolution it cites.
type counted struct {
	cited   []string // distinct symbols
	year    int      // 0: undated
	author  string   // a State of the reference tables, or ""
	session string   // key, "" when the document is in no session
	items   []string // distinct agenda item numbers, [""] when it has none
}

func newCounted(d *uncite.Document) counted {
	var c counted
	seen := map[string]bool{}
	for _, cite := range d.Citations {
		symbol := resolutionParams(cite)["symbol"].(string)
		if !seen[symbol] {
			seen[symbol] = true
			c.cited = append(c.cited, symbol)
		}
	}
	c.year = d.Year()
	// Only States of the reference tables are nodes, so only they are linked.
	if st, ok := refdata.StateByCode(d.Author); ok && st.Code == d.Author {
		c.author = d.Author
	}
	if c.session = d.SessionKey(); c.session != "" {
		numbers := make([]string, len(d.AgendaItems))
		for i, item := range d.AgendaItems {
			numbers[i] = item.Number
		}
		c.items = sessionItems(numbers)
	}
	return c
}

// sessionItems gives the distinct agenda item numbers a document of a
// session counts under, [""] when it has none.
func sessionItems(numbers []string) []string {
	if len(numbers) == 0 {
		return []string{""}
	}
	numbers = slices.Clone(numbers)
	slices.Sort(numbers)
	return slices.Compact(numbers)
}

type (
	yearKey struct {
		symbol string
		year   int
	}
	stateKey struct{ symbol, state string }
	// pairKey is a resolution and a session.
	pairKey struct{ symbol, session string }
)

// deltas accumulates the changes to the counters over a batch, so that a
// document rewritten with the same keys changes nothing.
type deltas struct {
	years    map[yearKey]int
	states   map[stateKey]int
	sessions map[pairKey]map[string]int // by item number
	// cited lists what each old (sign -1) and new (sign 1) version cites,
	// for the co-citation counts; pairs are only formed, in count, for the
	// popular resolutions that keep them (see cocited.go).
	cited *[]signed
}

type signed struct {
	symbols []string
	sign    int
}

func newDeltas() deltas {
	return deltas{years: map[yearKey]int{}, states: map[stateKey]int{}, sessions: map[pairKey]map[string]int{}, cited: new([]signed)}
}

// add counts c once more (sign 1) or once less (sign -1).
func (d deltas) add(c counted, sign int) {
	if len(c.cited) > 1 {
		*d.cited = append(*d.cited, signed{c.cited, sign})
	}
	for _, symbol := range c.cited {
		if c.year != 0 {
			d.years[yearKey{symbol, c.year}] += sign
		}
		if c.author != "" {
			d.states[stateKey{symbol, c.author}] += sign
		}
		if c.session != "" {
			k := pairKey{symbol, c.session}
			if d.sessions[k] == nil {
				d.sessions[k] = map[string]int{}
			}
			for _, item := range c.items {
				d.sessions[k][item] += sign
			}
		}
	}
}

// The updates merge the counter, add the difference and drop a counter
// that falls to zero. Rows come sorted by resolution, so that concurrent
// writers lock nodes in the same order.
const (
	updateYearCounts = `
UNWIND $rows AS x
MATCH (r:Resolution {symbol: x.symbol})
MERGE (r)-[c:CITED_IN_YEAR {year: x.year}]->(r)
SET c.count = coalesce(c.count, 0) + x.n
WITH c WHERE c.count = 0
DELETE c`
	updateStateCounts = `
UNWIND $rows AS x
MATCH (r:Resolution {symbol: x.symbol})
MATCH (s:State {code: x.state})
MERGE (r)-[c:CITED_BY_STATE]->(s)
SET c.count = coalesce(c.count, 0) + x.n
WITH c WHERE c.count = 0
DELETE c`
	// The session counts of a pair are read, updated by the batch's
	// differences in Go, and written back whole; no items means none left.
	selectSessionCounts = `
UNWIND $pairs AS x
MATCH (r:Resolution {symbol: x.symbol})-[c:CITED_IN_SESSION]->(:Session {key: x.session})
RETURN x.symbol AS symbol, x.session AS session, c.items AS items, c.counts AS counts`
	updateSessionCounts = `
UNWIND $rows AS x
MATCH (r:Resolution {symbol: x.symbol})
MATCH (s:Session {key: x.session})
MERGE (r)-[c:CITED_IN_SESSION]->(s)
SET c.items = x.items, c.counts = x.counts
WITH c, x WHERE x.items = []
DELETE c`
)

// rebuildCounters recomputes the counters of the resolution r from its
// citing documents. Each CITES comes from a distinct document (they are
// merged per pair), and each UNDER_ITEM of a document leads to an item of
// a distinct number.
const rebuildCounters = `
CALL (r) {
  MATCH (r)-[c:` + counterRels + `]->()
  DELETE c
}
CALL (r) {
  MATCH (r)<-[:CITES]-(d:Document) WHERE d.dateYear IS NOT NULL
  WITH r, d.dateYear AS year, count(*) AS n
  CREATE (r)-[:CITED_IN_YEAR {year: year, count: n}]->(r)
}
CALL (r) {
  MATCH (r)<-[:CITES]-(:Document)-[:SUBMITTED_BY]->(s:State)
  WITH r, s, count(*) AS n
  CREATE (r)-[:CITED_BY_STATE {count: n}]->(s)
}
CALL (r) {
  MATCH (r)<-[:CITES]-(d:Document)-[:IN_SESSION]->(s:Session)
  WITH r, s, COLLECT { MATCH (d)-[:UNDER_ITEM]->(a:AgendaItem) RETURN a.number } AS numbers
  UNWIND CASE WHEN numbers = [] THEN [''] ELSE numbers END AS item
  WITH r, s, item, count(*) AS n
  ORDER BY item
  WITH r, s, collect(item) AS items, collect(n) AS counts
  CREATE (r)-[:CITED_IN_SESSION {items: items, counts: counts}]->(s)
}`

// count brings the counters of every resolution the batch touched up to
// date: by the batch's differences, or rebuilt for those whose node changed.
// It runs once the new relationships exist and before sessions and
// resolutions that lost their last document are deleted.
func (w *writer) count(ctx context.Context) error {
	if len(w.rebuild) > 0 {
		cypher := "UNWIND $symbols AS symbol MATCH (r:Resolution {symbol: symbol})" + rebuildCounters
		if _, err := run(ctx, w.tx, cypher, map[string]any{"symbols": sortedKeys(w.rebuild)}); err != nil {
			return err
		}
	}
	var years, states []map[string]any
	for k, n := range w.deltas.years {
		if n != 0 && !w.rebuild[k.symbol] {
			years = append(years, map[string]any{"symbol": k.symbol, "year": k.year, "n": n})
		}
	}
	for k, n := range w.deltas.states {
		if n != 0 && !w.rebuild[k.symbol] {
			states = append(states, map[string]any{"symbol": k.symbol, "state": k.state, "n": n})
		}
	}
	if err := w.coCount(ctx); err != nil {
		return err
	}
	sessions, err := w.sessionCounts(ctx)
	if err != nil {
		return err
	}
	for _, u := range []struct {
		cypher string
		rows   []map[string]any
	}{{updateYearCounts, years}, {updateStateCounts, states}, {updateSessionCounts, sessions}} {
		if len(u.rows) == 0 {
			continue
		}
		slices.SortFunc(u.rows, func(a, b map[string]any) int {
			return cmp.Compare(a["symbol"].(string), b["symbol"].(string))
		})
		if _, err := run(ctx, w.tx, u.cypher, map[string]any{"rows": u.rows}); err != nil {
			return err
		}
	}
	return nil
}

// sessionCounts gives the session counts of the pairs whose counts the
// batch changes, as they are to be written.
func (w *writer) sessionCounts(ctx context.Context) ([]map[string]any, error) {
	var pairs []map[string]any
	for k, items := range w.deltas.sessions {
		if w.rebuild[k.symbol] {
			continue
		}
		for _, n := range items {
			if n != 0 {
				pairs = append(pairs, map[string]any{"symbol": k.symbol, "session": k.session})
				break
			}
		}
	}
	if len(pairs) == 0 {
		return nil, nil
	}
	recs, err := run(ctx, w.tx, selectSessionCounts, map[string]any{"pairs": pairs})
	if err != nil {
		return nil, err
	}
	stored := map[pairKey]map[string]int{}
	for _, r := range recs {
		counts := map[string]int{}
		ns := get[[]any](r, "counts")
		for i, item := range toStrings(get[[]any](r, "items")) {
			counts[item] = int(ns[i].(int64))
		}
		stored[pairKey{get[string](r, "symbol"), get[string](r, "session")}] = counts
	}
	rows := make([]map[string]any, len(pairs))
	for i, p := range pairs {
		k := pairKey{p["symbol"].(string), p["session"].(string)}
		counts := stored[k]
		if counts == nil {
			counts = map[string]int{}
		}
		for item, n := range w.deltas.sessions[k] {
			counts[item] += n
		}
		items, ns := []string{}, []int64{}
		for _, item := range sortedKeys(counts) {
			if counts[item] != 0 {
				items, ns = append(items, item), append(ns, int64(counts[item]))
			}
		}
		rows[i] = map[string]any{"symbol": k.symbol, "session": k.session, "items": items, "counts": ns}
	}
	return rows, nil
}

// migrateCounters gives a database written before the counters existed its
// counters, citation counts and resolution bodies, in chunks, as prepare's
// last step; its resolutions are those without a citation count. Document years are derived in Cypher as Document.Year
// does for ISO dates.
var migrateCounters = []string{
	`MATCH (d:Document) WHERE d.dateYear IS NULL AND d.date =~ '[0-9]{4}.*' AND NOT d.date STARTS WITH '0000'
CALL (d) { SET d.dateYear = toInteger(left(d.date, 4)) } IN TRANSACTIONS OF 10000 ROWS`,
	`MATCH (r:Resolution) WHERE r.citationCount IS NULL
CALL (r) {` + indent(rebuildCounters) + `
  SET r.citationCount = COUNT { ()-[:CITES]->(r) },
      r.resolutionBody = [(r)-[:ADOPTED_BY]->(b:Body) | b.code][0]
} IN TRANSACTIONS OF 500 ROWS`,
}

func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n  ") }
