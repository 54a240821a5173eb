package neo4jstore

import (
	"context"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
)

// The counts below are of distinct documents, yet count rows: a document
// has at most one CITES to a resolution (they are merged per pair), so
// each row of a citation pattern stands for a different citing document.
// The facets and rankings of resolutions read counters that writes keep
// (see counters.go).
// Evidence lists are cut to their smallest entries inside the query, so that
// only what is returned crosses the wire.
//
// Reading a property costs about as much as following a relationship, and
// these queries fan out to tens of thousands of rows on a large graph: each
// property is read once per node, before the fan-out or after the grouping,
// rather than once per row.

// CoCited returns the resolutions cited alongside each of symbols, in one
// query. A popular resolution's ranking is read from its co-citation counts
// (see cocited.go); any other's is counted from its citing documents.
//
// A kept ranking is read in the order of the index on the counts: the
// count of the limit-th partner is found first, then only the counts from
// it up are read and sorted, which are the page and its ties. The evidence
// of each partner is found by reading, in id order (index cites_in_order),
// the citing documents of whichever of the two resolutions has fewer, until
// enough also cite the other: for a pair cited together by n documents
// that is about evidence*min(N, P)/n of them, never all N.
func (s *Store) CoCited(ctx context.Context, symbols []string, limit, evidence int) (map[string][]uncite.CoCitation, error) {
	if err := uncite.ValidateRanking(limit, evidence); err != nil {
		return nil, err
	}
	return readByKey(ctx, s, "co-citations", coCited(evidence), symbols, map[string]any{"rankLimit": limit, "rankEvidence": evidence},
		ranking(coCitation))
}

// coCited ranks the co-citations of the resolution whose symbol is key
// (see CoCited), with evidence or without: a ranking that shows none
// neither reads nor gathers the citing documents' ids, which costs a
// count about a third of its time.
func coCited(evidence int) string {
	counted := coCitedCounted
	if evidence == 0 {
		counted = coCitedCountedBare
	}
	return coCitedKept + counted + "\nRETURN key, ranking + counted AS ranking"
}

// The parts of coCited: the ranking kept on a popular resolution, and
// that counted from the citing documents of any other, each of which
// lists the symbols it cites (the property cites): for a resolution cited
// by 74 documents, 74 lists are read instead of the 977 CITES of those
// documents and their resolutions.
const (
	coCitedKept = `
MATCH (r:Resolution {symbol: key})
CALL (r, key) {
  WITH r, key WHERE r.partnersKept
  CALL (key) {
    MATCH ()-[c:CO_CITED]->()
    WHERE c.symbol = key AND c.count > 0
    WITH c ORDER BY c.symbol DESC, c.count DESC LIMIT $rankLimit
    RETURN min(c.count) AS floor
  }
  MATCH ()-[c:CO_CITED]->()
  WHERE c.symbol = key AND c.count >= floor
  WITH r, key, c ORDER BY c.count DESC, c.partner LIMIT $rankLimit
  WITH r, key, c.count AS n, c.partner AS partner
  MATCH (p:Resolution {symbol: partner})
  WITH n, partner, CASE WHEN p.citationCount < r.citationCount THEN [partner, key] ELSE [key, partner] END AS sides
  RETURN collect([partner, n, COLLECT {
    MATCH ()-[c:CITES]->()
    WHERE c.symbol = sides[0] AND c.document IS NOT NULL
    WITH c ORDER BY c.symbol, c.document
    WHERE EXISTS { MATCH ()-[o:CITES]->() WHERE o.symbol = sides[1] AND o.document = c.document }
    RETURN c.document LIMIT $rankEvidence
  }]) AS ranking
}`
	coCitedCounted = `
CALL (r) {
  WITH r WHERE r.partnersKept IS NULL
  MATCH (r)<-[:CITES]-(d)
  WITH r, d.id AS id, d.cites AS cites
  UNWIND cites AS symbol
  WITH r, symbol, count(*) AS n, collect(id) AS docs
  WHERE symbol <> r.symbol
  ORDER BY n DESC, symbol
  LIMIT $rankLimit
  RETURN collect([symbol, n, COLLECT { UNWIND docs AS id RETURN id ORDER BY id LIMIT $rankEvidence }]) AS counted
}`
	coCitedCountedBare = `
CALL (r) {
  WITH r WHERE r.partnersKept IS NULL
  MATCH (r)<-[:CITES]-(d)
  UNWIND d.cites AS symbol
  WITH r, symbol, count(*) AS n
  WHERE symbol <> r.symbol
  ORDER BY n DESC, symbol
  LIMIT $rankLimit
  RETURN collect([symbol, n, []]) AS counted
}`
)

func coCitation(row []any) uncite.CoCitation {
	return uncite.CoCitation{Symbol: row[0].(string), Count: int(row[1].(int64)), Documents: toStrings(row[2])}
}

// ranking reads the ranking column of a batch read, one entry per row of
// the ranking.
func ranking[T any](entry func(row []any) T) func(*neo4j.Record) []T {
	return func(r *neo4j.Record) []T {
		var out []T
		for _, x := range get[[]any](r, "ranking") {
			out = append(out, entry(x.([]any)))
		}
		return out
	}
}

// Coupled returns the documents sharing citations with each document of
// ids, in one query.
func (s *Store) Coupled(ctx context.Context, ids []string, limit, evidence int) (map[string][]uncite.Coupling, error) {
	if err := uncite.ValidateRanking(limit, evidence); err != nil {
		return nil, err
	}
	// Here each row is a distinct resolution both documents cite.
	const cypher = `
MATCH (d:Document {id: key})
CALL (d) {
  MATCH (d)-[:CITES]->(r)
  WITH d, r, r.symbol AS symbol
  MATCH (r)<-[:CITES]-(o)
  WHERE o <> d
  WITH o, count(*) AS n, collect(symbol) AS shared
  WITH o.id AS id, n, shared
  ORDER BY n DESC, id
  LIMIT $limit
  RETURN collect([id, n, COLLECT { UNWIND shared AS symbol RETURN symbol ORDER BY symbol LIMIT $evidence }]) AS ranking
}
RETURN key, ranking`
	return readByKey(ctx, s, "coupled documents", cypher, ids, map[string]any{"limit": limit, "evidence": evidence},
		ranking(func(row []any) uncite.Coupling {
			return uncite.Coupling{DocumentID: row[0].(string), Count: int(row[1].(int64)), Shared: toStrings(row[2])}
		}))
}

// resolutionFacets reads the counters of each resolution (see counters.go).
const resolutionFacets = `
MATCH (r:Resolution {symbol: key})
CALL (r) {
  MATCH (r)-[c:CITED_IN_YEAR]->(r)
  WITH c.year AS year, c.count AS n
  ORDER BY year
  RETURN collect([year, n]) AS byYear
}
CALL (r) {
  MATCH (r)-[c:CITED_BY_STATE]->(s)
  WITH s.code AS state, c.count AS n
  ORDER BY n DESC, state
  RETURN collect([state, n]) AS byState
}
CALL (r) {
  MATCH (r)-[c:CITED_IN_SESSION]->(s)
  UNWIND range(0, size(c.items) - 1) AS i
  WITH s.body AS body, s.number AS session, c.items[i] AS item, c.counts[i] AS n
  ORDER BY n DESC, body, session, item
  RETURN collect([body, session, item, n]) AS bySession
}
RETURN key, byYear, byState, bySession`

// ResolutionFacets breaks down the documents citing each of symbols, in one
// query.
func (s *Store) ResolutionFacets(ctx context.Context, symbols []string) (map[string]*uncite.Facets, error) {
	return readByKey(ctx, s, "facets", resolutionFacets, symbols, nil, toFacets)
}

func toFacets(r *neo4j.Record) *uncite.Facets {
	f := &uncite.Facets{}
	for _, x := range get[[]any](r, "byYear") {
		row := x.([]any)
		f.ByYear = append(f.ByYear, uncite.YearCount{Year: int(row[0].(int64)), Count: int(row[1].(int64))})
	}
	for _, x := range get[[]any](r, "byState") {
		row := x.([]any)
		f.ByState = append(f.ByState, uncite.StateCount{State: row[0].(string), Count: int(row[1].(int64))})
	}
	for _, x := range get[[]any](r, "bySession") {
		row := x.([]any)
		f.BySession = append(f.BySession, uncite.SessionItemCount{
			Body: row[0].(string), Session: int(row[1].(int64)), AgendaItem: row[2].(string), Count: int(row[3].(int64)),
		})
	}
	// Cypher orders items as text; the one rule for agenda numbers is
	// uncite.CompareAgendaNumbers.
	slices.SortFunc(f.BySession, uncite.CompareSessionItemCounts)
	return f
}

// MostCitedBy counts the resolutions cited by the documents each State
// authored, in one query.
func (s *Store) MostCitedBy(ctx context.Context, states []string, limit int) (map[string][]uncite.ResolutionCount, error) {
	if err := uncite.ValidateRanking(limit, 0); err != nil {
		return nil, err
	}
	// Only States of the reference tables have nodes and counters, so an
	// unknown code is missing.
	const cypher = `
MATCH (s:State {code: key})
CALL (s) {
  MATCH (s)<-[c:CITED_BY_STATE]-(r)
  WITH r.symbol AS symbol, c.count AS n
  ORDER BY n DESC, symbol
  LIMIT $limit
  RETURN collect([symbol, n]) AS ranking
}
RETURN key, ranking`
	return readByKey(ctx, s, "resolutions most cited by States", cypher, states, map[string]any{"limit": limit},
		ranking(func(row []any) uncite.ResolutionCount {
			return uncite.ResolutionCount{Symbol: row[0].(string), Count: int(row[1].(int64))}
		}))
}

// topCited holds the TopCited query for each combination of filters,
// indexed by [body set][year set]. Over all years a resolution's count is
// the citation count kept on it, whose index gives the resolutions most
// cited first, so that the ranking stops after limit of them (and the ties
// of the last) instead of sorting them all. For one year the counts are
// those of the year's counters (see counters.go), found through their
// index. The body is checked per resolution, on its resolutionBody.
var topCited = [2][2]string{
	{
		`MATCH (r:Resolution) WHERE r.citationCount > 0
WITH r.citationCount AS n, r.symbol AS symbol`,
		`MATCH (r:Resolution)-[c:CITED_IN_YEAR]->(r) WHERE c.year = $year
WITH c.count AS n, r.symbol AS symbol`,
	},
	{
		`MATCH (r:Resolution) WHERE r.citationCount > 0 AND r.resolutionBody = $body
WITH r.citationCount AS n, r.symbol AS symbol`,
		`MATCH (r:Resolution)-[c:CITED_IN_YEAR]->(r) WHERE c.year = $year AND r.resolutionBody = $body
WITH c.count AS n, r.symbol AS symbol`,
	},
}

// TopCited counts the resolutions of body cited by documents dated in year,
// in one query. Resolutions no document cites are left out.
func (s *Store) TopCited(ctx context.Context, body string, year, limit int) ([]uncite.ResolutionCount, error) {
	if err := uncite.ValidateRanking(limit, 0); err != nil {
		return nil, err
	}
	params := map[string]any{"body": body, "year": year, "limit": limit}
	cypher := topCited[b2i(body != "")][b2i(year != 0)] + `
ORDER BY n DESC, symbol
LIMIT $limit
RETURN symbol, n`
	recs, err := s.query(ctx, cypher, params, neo4j.Read)
	if err != nil {
		return nil, fmt.Errorf("neo4j: most cited resolutions of %q in %d: %w", body, year, err)
	}
	return resolutionCounts(recs), nil
}

func resolutionCounts(recs []*neo4j.Record) []uncite.ResolutionCount {
	var out []uncite.ResolutionCount
	for _, r := range recs {
		out = append(out, uncite.ResolutionCount{Symbol: get[string](r, "symbol"), Count: int(get[int64](r, "n"))})
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
