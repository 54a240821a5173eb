package neo4jstore

import (
	"context"
	"fmt"

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

// CoCited returns the resolutions cited alongside symbol, in one query. A
// popular resolution's ranking is read from its co-citation counts (see
// cocited.go); any other's is counted from its citing documents.
//
// The evidence of a kept count is found one of two ways, whichever reads
// fewer documents: the partner's citing documents, or the resolution's, in
// id order, until enough cite the partner, which for a partner sharing n of
// the resolution's N takes about evidence*N/n. The ranking itself is read
// from the index on the counts, each count once.
func (s *Store) CoCited(ctx context.Context, symbol string, limit, evidence int) ([]uncite.CoCitation, error) {
	if err := checkLimits(limit, evidence); err != nil {
		return nil, err
	}
	const cypher = `
OPTIONAL MATCH (r:Resolution {symbol: $symbol})
CALL (r) {
  WITH r WHERE r.partnersKept
  MATCH ()-[c:CO_CITED]->()
  USING INDEX c:CO_CITED(symbol, count)
  WHERE c.symbol = $symbol AND c.count > 0
  WITH r, c
  ORDER BY c.count DESC, c.partner
  LIMIT $limit
  WITH r, c.count AS n, c.partner AS symbol
  MATCH (p:Resolution {symbol: symbol})
  WITH r, collect([p, symbol, n]) AS top
  WITH r, top, COLLECT { MATCH (r)<-[:CITES]-(d) WITH d, d.id AS id ORDER BY id RETURN d } AS citing
  UNWIND top AS t
  WITH r, citing, t[0] AS p, t[1] AS symbol, t[2] AS n
  WITH r, citing, p, symbol, n, p.citationCount * n <= $evidence * size(citing) AS fromPartner
  RETURN collect([symbol, n, COLLECT {
    CALL (r, p, fromPartner, citing) {
      WITH r, p WHERE fromPartner
      MATCH (p)<-[:CITES]-(d)
      WHERE (d)-[:CITES]->(r)
      RETURN d.id AS id
      ORDER BY id
      LIMIT $evidence
    UNION ALL
      UNWIND CASE WHEN fromPartner THEN [] ELSE citing END AS d
      WITH d WHERE (d)-[:CITES]->(p)
      RETURN d.id AS id
      LIMIT $evidence
    }
    RETURN id
  }]) AS ranking
}
CALL (r) {
  WITH r WHERE r.partnersKept IS NULL
  MATCH (r)<-[:CITES]-(d)
  WITH r, d, d.id AS id
  MATCH (d)-[:CITES]->(c)
  WHERE c <> r
  WITH c, count(*) AS n, collect(id) AS docs
  WITH c.symbol AS symbol, n, docs
  ORDER BY n DESC, symbol
  LIMIT $limit
  RETURN collect([symbol, n, COLLECT { UNWIND docs AS id RETURN id ORDER BY id LIMIT $evidence }]) AS counted
}
RETURN r IS NOT NULL AS found, ranking + counted AS ranking`
	recs, err := s.query(ctx, cypher, map[string]any{"symbol": symbol, "limit": limit, "evidence": evidence}, neo4j.Read)
	if err != nil {
		return nil, fmt.Errorf("neo4j: co-citations of %q: %w", symbol, err)
	}
	if !get[bool](recs[0], "found") {
		return nil, uncite.Errorf(uncite.ENOTFOUND, "no resolution %q in the graph", symbol)
	}
	var out []uncite.CoCitation
	for _, x := range get[[]any](recs[0], "ranking") {
		row := x.([]any)
		out = append(out, uncite.CoCitation{Symbol: row[0].(string), Count: int(row[1].(int64)), Documents: toStrings(row[2])})
	}
	return out, nil
}

// Coupled returns the documents sharing citations with the document id, in
// one query.
func (s *Store) Coupled(ctx context.Context, id string, limit, evidence int) ([]uncite.Coupling, error) {
	if err := checkLimits(limit, evidence); err != nil {
		return nil, err
	}
	// Here each row is a distinct resolution both documents cite.
	const cypher = `
OPTIONAL MATCH (d:Document {id: $id})
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
RETURN d IS NOT NULL AS found, ranking`
	recs, err := s.query(ctx, cypher, map[string]any{"id": id, "limit": limit, "evidence": evidence}, neo4j.Read)
	if err != nil {
		return nil, fmt.Errorf("neo4j: documents coupled with %q: %w", id, err)
	}
	if !get[bool](recs[0], "found") {
		return nil, uncite.Errorf(uncite.ENOTFOUND, "no document with id %q", id)
	}
	var out []uncite.Coupling
	for _, x := range get[[]any](recs[0], "ranking") {
		row := x.([]any)
		out = append(out, uncite.Coupling{DocumentID: row[0].(string), Count: int(row[1].(int64)), Shared: toStrings(row[2])})
	}
	return out, nil
}

// resolutionFacets reads the counters of the resolution (see counters.go).
const resolutionFacets = `
OPTIONAL MATCH (r:Resolution {symbol: $symbol})
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
RETURN r IS NOT NULL AS found, byYear, byState, bySession`

// ResolutionFacets breaks down the documents citing symbol, in one query.
func (s *Store) ResolutionFacets(ctx context.Context, symbol string) (*uncite.Facets, error) {
	recs, err := s.query(ctx, resolutionFacets, map[string]any{"symbol": symbol}, neo4j.Read)
	if err != nil {
		return nil, fmt.Errorf("neo4j: facets of %q: %w", symbol, err)
	}
	if !get[bool](recs[0], "found") {
		return nil, uncite.Errorf(uncite.ENOTFOUND, "no resolution %q in the graph", symbol)
	}
	f := &uncite.Facets{}
	for _, x := range get[[]any](recs[0], "byYear") {
		row := x.([]any)
		f.ByYear = append(f.ByYear, uncite.YearCount{Year: int(row[0].(int64)), Count: int(row[1].(int64))})
	}
	for _, x := range get[[]any](recs[0], "byState") {
		row := x.([]any)
		f.ByState = append(f.ByState, uncite.StateCount{State: row[0].(string), Count: int(row[1].(int64))})
	}
	for _, x := range get[[]any](recs[0], "bySession") {
		row := x.([]any)
		f.BySession = append(f.BySession, uncite.SessionItemCount{
			Body: row[0].(string), Session: int(row[1].(int64)), AgendaItem: row[2].(string), Count: int(row[3].(int64)),
		})
	}
	return f, nil
}

// MostCitedBy counts the resolutions cited by the documents a State
// authored, in one query.
func (s *Store) MostCitedBy(ctx context.Context, state string, limit int) ([]uncite.ResolutionCount, error) {
	if err := checkLimits(limit, 0); err != nil {
		return nil, err
	}
	// Only States of the reference tables have counters, so an unknown
	// code has no ranking.
	const cypher = `
MATCH (:State {code: $state})<-[c:CITED_BY_STATE]-(r)
WITH r.symbol AS symbol, c.count AS n
ORDER BY n DESC, symbol
LIMIT $limit
RETURN symbol, n`
	recs, err := s.query(ctx, cypher, map[string]any{"state": state, "limit": limit}, neo4j.Read)
	if err != nil {
		return nil, fmt.Errorf("neo4j: resolutions most cited by %q: %w", state, err)
	}
	return resolutionCounts(recs), nil
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
	if err := checkLimits(limit, 0); err != nil {
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

// checkLimits bounds the size of a ranking and of its evidence lists like
// a page size: past the maximum is an error, not clamped.
func checkLimits(limit, evidence int) error {
	if limit < 0 || limit > uncite.MaxPageSize || evidence < 0 || evidence > uncite.MaxPageSize {
		return uncite.Errorf(uncite.EINVALID, "limit %d, evidence %d: each must be between 0 and %d", limit, evidence, uncite.MaxPageSize)
	}
	return nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
