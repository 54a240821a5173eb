package neo4jstore

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
)

// documentProjection turns a Document node d into a map that carries its
// citations and mentions too, so that a document costs no extra round trip.
// The properties are named rather than taken with .*, which would also carry
// the words kept for search (see search.go), as large as the text, and on
// a citation the citing document's id. A citation holds the cited symbol
// itself (see citeParams), so the resolutions are not visited.
const documentProjection = documentProperties + citationsPart + mentionsPart + "\n}"

// Parts of the projection, left out when a query omits them (see
// projection): a page of documents listed by id reads no relationship.
const (
	documentProperties = `d {.id, .symbol, .title, .type, .date, .languages, .body, .session,
  .sessionStart, .sessionEnd, .author, .file, .sha256, .references, .agendaItems, .agendaTitles`
	citationsPart = `,
  citations: COLLECT {
    MATCH (d)-[c:CITES]->()
    RETURN c {.symbol, .count, .contexts, .verbs, .operative}
    ORDER BY c.symbol
  }`
	citationsWithoutEvidencePart = `,
  citations: COLLECT {
    MATCH (d)-[c:CITES]->()
    RETURN c {.symbol, .count, .operative}
    ORDER BY c.symbol
  }`
	mentionsPart = `,
  mentions: COLLECT {
    MATCH (d)-[m:MENTIONS]->(s:State)
    RETURN {state: s.code, count: m.count}
    ORDER BY s.code
  }`
)

// The citations with what a CitedQuery asks of the resolutions they cite:
// the resolution, and a page of the ids of the documents citing it, read
// from the index cites_in_order in id order as citingIDs does. The page
// is the shape's own ($citingOffset, $citingLimit).
const (
	citedFrom = `,
  citations: COLLECT {
    MATCH (d)-[c:CITES]->(r:Resolution)
    RETURN c {`
	citedEvidence   = `.symbol, .count, .contexts, .verbs, .operative`
	citedNoEvidence = `.symbol, .count, .operative`
	citedResolution = `, resolution: ` + resolutionProjection
	citedBrief      = `, resolution: {symbol: r.symbol, citationCount: r.citationCount}`
	citedCiting     = `, citing: COLLECT {
      MATCH ()-[x:CITES]->() WHERE x.symbol = c.symbol AND x.document IS NOT NULL
      WITH x ORDER BY x.symbol, x.document SKIP $citingOffset LIMIT $citingLimit
      RETURN x.document
    }`
	citedCitingTotal = `, citingTotal: COUNT { (r)<-[:CITES]-() }`
	citedEnd         = `}
    ORDER BY c.symbol
  }`
)

// projection is documentProjection without the parts omit names, with
// what cited asks of the cited resolutions.
func projection(omit uncite.DocumentParts, cited uncite.CitedQuery) string {
	p := documentProperties
	if omit&uncite.PartDetails != 0 {
		p = detailProperties(omit)
	}
	switch {
	case omit&uncite.PartCitations != 0:
	case cited.Resolutions:
		p += citedFrom
		if omit&uncite.PartEvidence != 0 {
			p += citedNoEvidence
		} else {
			p += citedEvidence
		}
		if cited.Brief {
			p += citedBrief
		} else {
			p += citedResolution
		}
		if cited.CitingIDs {
			p += citedCiting
			if cited.CitingTotal {
				p += citedCitingTotal
			}
		}
		p += citedEnd
	case omit&uncite.PartEvidence != 0:
		p += citationsWithoutEvidencePart
	default:
		p += citationsPart
	}
	if omit&uncite.PartMentions == 0 {
		p += mentionsPart
	}
	return p + "\n}"
}

// detailOf names the properties that hold each detail part, in the order
// of documentProperties.
var detailOf = []struct {
	part       uncite.DocumentParts
	properties string
}{
	{uncite.PartSymbol, ".symbol"}, {uncite.PartTitle, ".title"}, {uncite.PartType, ".type"},
	{uncite.PartDate, ".date"}, {uncite.PartLanguages, ".languages"}, {uncite.PartBody, ".body"},
	{uncite.PartSession, ".session, .sessionStart, .sessionEnd"}, {uncite.PartAuthor, ".author"},
	{uncite.PartFile, ".file, .sha256"}, {uncite.PartReferences, ".references"},
	{uncite.PartAgenda, ".agendaItems, .agendaTitles"},
}

// detailProperties is the start of a projection of d with the details
// omit does not name: a page of documents shown by their dates reads
// neither their titles nor their references.
func detailProperties(omit uncite.DocumentParts) string {
	p := "d {.id"
	for _, d := range detailOf {
		if omit&d.part == 0 {
			p += ", " + d.properties
		}
	}
	return p
}

// resolutionProjection turns a Resolution node r into a map. The citation
// count is kept on the node by every write (see refreshResolutions).
const resolutionProjection = `{
  symbol: r.symbol, number: r.number, year: r.year, known: r.known,
  title: r.resolutionTitle, date: r.resolutionDate,
  body: r.resolutionBody,
  citationCount: r.citationCount
}`

// Document returns one document by ID.
func (s *Store) Document(ctx context.Context, id string) (*uncite.Document, error) {
	return readOne(ctx, s, fmt.Sprintf("document %q", id), "MATCH (d:Document {id: $id}) RETURN "+documentProjection+" AS doc",
		map[string]any{"id": id}, func(r *neo4j.Record) *uncite.Document { return toDocument(get[map[string]any](r, "doc")) })
}

// readOne runs a read of one node: what names it in the errors, and none
// found is ENOTFOUND; value reads the record.
func readOne[V any](ctx context.Context, s *Store, what, cypher string, params map[string]any, value func(*neo4j.Record) V) (V, error) {
	var none V
	recs, err := s.query(ctx, cypher, params, neo4j.Read)
	if err != nil {
		return none, fmt.Errorf("neo4j: reading %s: %w", what, err)
	}
	if len(recs) == 0 {
		return none, uncite.Errorf(uncite.ENOTFOUND, "%s not found", what)
	}
	return value(recs[0]), nil
}

// Documents returns one page of the documents matching f, ordered by ID,
// and the number of all matches, counted by the server.
func (s *Store) Documents(ctx context.Context, f uncite.DocumentFilter, p uncite.Page) ([]*uncite.Document, int, error) {
	pages, err := s.DocumentPages(ctx, []uncite.DocumentQuery{{Filter: f, Page: p}})
	if err != nil {
		return nil, 0, err
	}
	return pages[0].Documents, pages[0].Total, nil
}

// documentPages lists the documents of each query of a shape (see
// DocumentPages), whose filter values are in q. SKIP and LIMIT cannot read
// q, so the page is the shape's own. total counts the matches, "" when
// they are not asked for.
func documentPages(match, order, total string, omit uncite.DocumentParts, cited uncite.CitedQuery) string {
	count := "0"
	if total != "" {
		count = "total"
		total = "\nCALL (q) { " + total + " }"
	}
	row, result := "d", projection(omit, cited)
	if match == citingIDs {
		row, result = "cited", "{id: cited.document}"
	}
	return `
UNWIND $queries AS q` + total + `
CALL (q) {
  ` + match + `
  WITH ` + row + ` ORDER BY ` + order + ` SKIP $offset LIMIT $limit
  RETURN collect(` + result + `) AS page
}
RETURN q.i AS i, ` + count + ` AS total, page`
}

// citingIDs matches the citations of a resolution, whose ids are those of
// the citing documents: a listing of their ids alone reads no document.
const citingIDs = "MATCH ()-[cited:CITES]->() WHERE cited.symbol = q.cites AND cited.document IS NOT NULL"

// DocumentPages answers the queries with one query per shape: queries with
// the same filter fields set, the same page and the same parts share their
// Cypher and run together, one UNWIND row each.
func (s *Store) DocumentPages(ctx context.Context, qs []uncite.DocumentQuery) ([]uncite.DocumentPage, error) {
	for _, q := range qs {
		if err := q.Validate(); err != nil {
			return nil, err
		}
	}
	out := make([]uncite.DocumentPage, len(qs))
	for _, g := range documentShapes(qs) {
		recs, err := s.query(ctx, g.cypher(), g.params(), neo4j.Read)
		if err != nil {
			return nil, fmt.Errorf("neo4j: listing documents: %w", err)
		}
		for _, r := range recs {
			out[get[int64](r, "i")] = toDocumentPage(r, g.cited)
		}
	}
	return out, nil
}

// documentShape is a group of queries that one Cypher statement answers.
type documentShape struct {
	match   string
	order   string
	total   string // "" when not counted
	page    uncite.Page
	omit    uncite.DocumentParts
	cited   uncite.CitedQuery
	queries []map[string]any // the filter values of each, with its index i in the call
}

func (g *documentShape) cypher() string {
	return documentPages(g.match, g.order, g.total, g.omit, g.cited)
}

func (g *documentShape) params() map[string]any {
	params := map[string]any{"queries": g.queries, "offset": g.page.Offset, "limit": g.page.Limit}
	if g.cited.CitingIDs {
		params["citingOffset"], params["citingLimit"] = g.cited.Citing.Offset, g.cited.Citing.Limit
	}
	return params
}

// documentShapes groups queries by shape, in the order the shapes first appear.
func documentShapes(qs []uncite.DocumentQuery) []*documentShape {
	type key struct {
		match, total string
		page         uncite.Page
		omit         uncite.DocumentParts
		cited        uncite.CitedQuery
	}
	var shapes []*documentShape
	byKey := map[key]*documentShape{}
	for i, q := range qs {
		match, order, values := documentMatch(q.Filter, field)
		if q.Omit == uncite.AllParts && q.Filter == (uncite.DocumentFilter{Cites: q.Filter.Cites}) && q.Filter.Cites != "" {
			match = citingIDs
		}
		values["i"] = i
		total := ""
		if !q.NoTotal {
			total = documentCount(q.Filter, match)
		}
		cited := q.Cited
		if q.Omit&uncite.PartCitations != 0 {
			cited = uncite.CitedQuery{}
		}
		k := key{match, total, q.Page, q.Omit, cited}
		g := byKey[k]
		if g == nil {
			g = &documentShape{match: match, order: order, total: total, page: q.Page, omit: q.Omit, cited: cited}
			byKey[k] = g
			shapes = append(shapes, g)
		}
		g.queries = append(g.queries, values)
	}
	return shapes
}

// documentCount counts the matches of match. The documents citing a
// resolution, and nothing else, are as many as its CITES, whose number
// the server keeps on the node; those of an author as the SUBMITTED_BY of
// its State, which links every document of a State of the reference
// tables (other codes have no node, and are counted by property).
func documentCount(f uncite.DocumentFilter, match string) string {
	switch {
	case f.Cites != "" && f == (uncite.DocumentFilter{Cites: f.Cites}):
		return "OPTIONAL MATCH (r:Resolution {symbol: q.cites}) RETURN COUNT { (r)<-[:CITES]-() } AS total"
	case f.Author != "" && f == (uncite.DocumentFilter{Author: f.Author}):
		return "OPTIONAL MATCH (s:State {code: q.author}) RETURN CASE WHEN s IS NULL THEN COUNT { " + match +
			" } ELSE COUNT { (s)<-[:SUBMITTED_BY]-() } END AS total"
	}
	return match + " RETURN count(d) AS total"
}

func toDocumentPage(r *neo4j.Record, cited uncite.CitedQuery) uncite.DocumentPage {
	p := uncite.DocumentPage{Total: int(get[int64](r, "total"))}
	for _, m := range get[[]any](r, "page") {
		d := toDocument(m.(map[string]any))
		if cited.Resolutions {
			addCited(d, m.(map[string]any), cited)
		}
		p.Documents = append(p.Documents, d)
	}
	return p
}

// addCited reads into the citations of d what cited asked of the cited
// resolutions, from the projection m of d.
func addCited(d *uncite.Document, m map[string]any, cited uncite.CitedQuery) {
	for i, x := range mapGet[[]any](m, "citations") {
		c := x.(map[string]any)
		r := toResolution(mapGet[map[string]any](c, "resolution"))
		if cited.CitingIDs {
			page := uncite.DocumentPage{Total: int(mapGet[int64](c, "citingTotal"))}
			for _, id := range toStrings(c["citing"]) {
				page.Documents = append(page.Documents, &uncite.Document{ID: id})
			}
			r.CitedBy = &page
		}
		d.Citations[i].Resolution = r
	}
}

// param refers to a named filter value in Cypher: a parameter ($name) or
// a field of a map of them (q.name).
type param func(name string) string

// dollar refers to values passed as parameters.
func dollar(name string) string { return "$" + name }

// field refers to the values of the query q of a batch (see documentPages).
func field(name string) string { return "q." + name }

// documentMatch builds the MATCH and WHERE clauses of a document listing
// from fixed fragments, referring to the filter's values through ref; the
// values travel as parameters only, and are returned by name. A citation,
// session or mention filter anchors the match on the indexed Resolution,
// Session or State, so that only the documents linked to it are visited: a
// document is in the session of its body and number.
//
// order sorts the matches by id. For a citation filter it is the order of
// the index cites_in_order, which hands the CITES of a resolution over in
// the ids of their documents, so that a page of the thousands of documents
// citing a popular resolution is read without sorting them all.
func documentMatch(f uncite.DocumentFilter, ref param) (match, order string, values map[string]any) {
	var conds []string
	values = map[string]any{}
	add := func(set bool, cond, name string, value any) {
		if set {
			conds = append(conds, fmt.Sprintf(cond, ref(name)))
			values[name] = value
		}
	}
	match, order = "MATCH (d:Document)", "d.id"
	switch {
	case f.ID != "":
		match = "MATCH (d:Document {id: " + ref("id") + "})"
		values["id"] = f.ID
	case f.Cites != "":
		match, order = "MATCH (d:Document)-[cited:CITES]->()", "cited.symbol, cited.document"
		add(true, "cited.symbol = %s AND cited.document IS NOT NULL", "cites", f.Cites)
	case f.Body != "" && f.Session != 0:
		match = "MATCH (:Session {key: " + ref("sessionKey") + "})<-[:IN_SESSION]-(d:Document)"
		values["sessionKey"] = uncite.SessionKey(f.Body, f.Session)
	case f.Mentions != "":
		match = "MATCH (:State {code: " + ref("mentions") + "})<-[:MENTIONS]-(d:Document)"
		values["mentions"] = f.Mentions
	}
	if match == "MATCH (d:Document)" {
		// Every document has an id: the condition lets the server walk
		// the index on it in order and stop at the page's end, where it
		// would otherwise read every document and sort them.
		conds = append(conds, "d.id IS NOT NULL")
	}
	add(f.Symbol != "", "d.symbol = %s", "symbol", f.Symbol)
	add(f.Body != "", "d.body = %s", "body", f.Body)
	add(f.Session != 0, "d.session = %s", "session", f.Session)
	add(f.AgendaItem != "", "%s IN d.agendaItems", "agendaItem", f.AgendaItem)
	add(f.Author != "", "d.author = %s", "author", f.Author)
	if f.Author != "" && order == "d.id" {
		// The same order, but one the index (author, id) hands over: a
		// page of a State's thousands of documents reads its own entries
		// and stops, instead of reading them all and keeping the first.
		order = "d.author, d.id"
	}
	add(f.Mentions != "" && (f.Cites != "" || f.Body != "" && f.Session != 0),
		"EXISTS { (d)-[:MENTIONS]->(:State {code: %s}) }", "mentions", f.Mentions)
	add(f.Type != "", "d.type = %s", "type", f.Type)
	add(f.Language != "", "%s IN d.languages", "language", f.Language)
	add(f.DateFrom != "", "d.date >= %s", "dateFrom", f.DateFrom)
	add(f.DateTo != "", "d.date <= %s", "dateTo", f.DateTo)
	return match + " " + whereClause(conds), order, values
}

// Resolution returns one resolution by canonical symbol.
func (s *Store) Resolution(ctx context.Context, symbol string) (*uncite.Resolution, error) {
	return s.ResolutionWith(ctx, uncite.ResolutionQuery{Symbol: symbol})
}

// ResolutionWith reads a resolution and what q asks of it in one query:
// the listing of its citing documents and its co-citation ranking are
// subqueries of it, as DocumentPages and CoCited run them.
func (s *Store) ResolutionWith(ctx context.Context, q uncite.ResolutionQuery) (*uncite.Resolution, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	cypher, params, citing := resolutionWith(q)
	return readOne(ctx, s, fmt.Sprintf("resolution %q", q.Symbol), cypher, params, func(rec *neo4j.Record) *uncite.Resolution {
		r := toResolution(get[map[string]any](rec, "r"))
		if citing != nil {
			page := toDocumentPage(rec, citing.cited)
			r.CitedBy = &page
		}
		if k := q.CoCited; k != nil {
			r.CoCited = &uncite.CoCitedRanking{Ranking: *k, CoCitations: ranking(coCitation)(rec)}
		}
		return r
	})
}

// resolutionWith builds the query of ResolutionWith; citing is the shape
// of its listing, nil without one.
func resolutionWith(q uncite.ResolutionQuery) (cypher string, params map[string]any, citing *documentShape) {
	cypher, columns := "MATCH (r:Resolution {symbol: $symbol})", ""
	params = map[string]any{"symbol": q.Symbol}
	if q.CitedBy != nil {
		citing = documentShapes([]uncite.DocumentQuery{*q.CitedBy})[0]
		cypher += "\nCALL () {" + citing.cypher() + "\n}"
		maps.Copy(params, citing.params())
		columns += ", total, page"
	}
	if k := q.CoCited; k != nil {
		cypher += "\nCALL () {\nUNWIND [$symbol] AS key" + coCited(k.Evidence) + "\n}"
		params["rankLimit"], params["rankEvidence"] = k.Limit, k.Evidence
		columns += ", ranking"
	}
	return cypher + "\nRETURN " + resolutionProjection + " AS r" + columns, params, citing
}

var resolutionOrders = map[uncite.ResolutionOrder]string{
	"":                          "r.symbol",
	uncite.OrderBySymbol:        "r.symbol",
	uncite.OrderByCitationCount: "r.citationCount DESC, r.symbol",
	uncite.OrderByYear:          "coalesce(r.year, 0) DESC, r.symbol",
}

// inOrderOf lets a page of resolutions be read in the order of an index
// and stop at its end, instead of reading and sorting every resolution: a
// property that every Resolution has (the symbol; the citation count,
// stored even when 0, see refreshResolutions) said to be there.
var inOrderOf = map[uncite.ResolutionOrder]string{
	"":                          "r.symbol IS NOT NULL",
	uncite.OrderBySymbol:        "r.symbol IS NOT NULL",
	uncite.OrderByCitationCount: "r.citationCount IS NOT NULL",
}

// Resolutions returns one page of the resolutions matching f in order o,
// and the number of all matches.
func (s *Store) Resolutions(ctx context.Context, f uncite.ResolutionFilter, o uncite.ResolutionOrder, p uncite.Page) ([]*uncite.Resolution, int, error) {
	order, ok := resolutionOrders[o]
	if !ok {
		return nil, 0, uncite.Errorf(uncite.EINVALID, "unknown resolution order %q", o)
	}
	if err := p.Validate(); err != nil {
		return nil, 0, err
	}
	var conds []string
	params := map[string]any{"offset": p.Offset, "limit": p.Limit}
	add := func(set bool, cond, name string, value any) {
		if set {
			conds = append(conds, cond)
			params[name] = value
		}
	}
	add(f.Body != "", "r.resolutionBody = $body", "body", f.Body)
	add(f.YearFrom != 0, "r.year >= $yearFrom", "yearFrom", f.YearFrom)
	add(f.YearTo != 0, "r.year <= $yearTo", "yearTo", f.YearTo)
	add(f.CitedBy != "", "EXISTS { (:State {code: $citedBy})<-[:SUBMITTED_BY]-(:Document)-[:CITES]->(r) }", "citedBy", f.CitedBy)
	add(f.CitedInSession != "", "EXISTS { (:Session {key: $citedInSession})<-[:IN_SESSION]-(:Document)-[:CITES]->(r) }",
		"citedInSession", f.CitedInSession)
	where := whereClause(conds)
	inOrder := where
	if hint := inOrderOf[o]; hint != "" {
		inOrder = whereClause(append(conds, hint))
	}
	recs, err := s.query(ctx, resolutionPage(where, inOrder, order), params, neo4j.Read)
	if err != nil {
		return nil, 0, fmt.Errorf("neo4j: listing resolutions: %w", err)
	}
	var out []*uncite.Resolution
	for _, m := range get[[]any](recs[0], "page") {
		out = append(out, toResolution(m.(map[string]any)))
	}
	return out, int(get[int64](recs[0], "total")), nil
}

// DocumentsByID reads many documents in one query.
func (s *Store) DocumentsByID(ctx context.Context, ids []string) (map[string]*uncite.Document, error) {
	return readByKey(ctx, s, "reading documents", "MATCH (d:Document {id: key}) RETURN key, "+documentProjection+" AS value", ids, nil,
		func(r *neo4j.Record) *uncite.Document { return toDocument(get[map[string]any](r, "value")) })
}

// ResolutionsBySymbol reads many resolutions in one query.
func (s *Store) ResolutionsBySymbol(ctx context.Context, symbols []string) (map[string]*uncite.Resolution, error) {
	return readByKey(ctx, s, "reading resolutions", "MATCH (r:Resolution {symbol: key}) RETURN key, "+resolutionProjection+" AS value", symbols, nil,
		func(r *neo4j.Record) *uncite.Resolution { return toResolution(get[map[string]any](r, "value")) })
}

// SessionsByKey reads many sessions, keyed "HRC-43", in one query.
func (s *Store) SessionsByKey(ctx context.Context, keys []string) (map[string]*uncite.Session, error) {
	return readByKey(ctx, s, "reading sessions", "MATCH (s:Session {key: key}) RETURN key, "+sessionProjection+" AS value", keys, nil, toSession)
}

// readByKey runs a batch read: match, which binds each of keys as key and
// may use params besides, returns one record per key found, which value
// reads into the answer for its key. A key asked twice is looked up once.
// what names the read in an error.
func readByKey[V any](ctx context.Context, s *Store, what, match string, keys []string, params map[string]any, value func(*neo4j.Record) V) (map[string]V, error) {
	if len(keys) == 0 {
		return map[string]V{}, nil
	}
	all := map[string]any{"keys": keys}
	maps.Copy(all, params)
	recs, err := s.query(ctx, "UNWIND $keys AS key WITH DISTINCT key "+match, all, neo4j.Read)
	if err != nil {
		return nil, fmt.Errorf("neo4j: %s, %d keys: %w", what, len(keys), err)
	}
	out := make(map[string]V, len(recs))
	for _, r := range recs {
		out[get[string](r, "key")] = value(r)
	}
	return out, nil
}

// State returns one State by alpha-3 code, written in any case.
func (s *Store) State(ctx context.Context, code string) (*uncite.State, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	return readOne(ctx, s, fmt.Sprintf("state %q", code), "MATCH (s:State {code: $code}) RETURN s.code AS code, s.name AS name",
		map[string]any{"code": code}, func(r *neo4j.Record) *uncite.State {
			return &uncite.State{Code: get[string](r, "code"), Name: get[string](r, "name")}
		})
}

// States returns one page of the States ordered by code, and their number.
func (s *Store) States(ctx context.Context, p uncite.Page) ([]*uncite.State, int, error) {
	if err := p.Validate(); err != nil {
		return nil, 0, err
	}
	const cypher = `
CALL () { MATCH (s:State) RETURN count(s) AS total }
CALL () {
  MATCH (s:State)
  WITH s ORDER BY s.code SKIP $offset LIMIT $limit
  RETURN collect({code: s.code, name: s.name}) AS page
}
RETURN total, page`
	recs, err := s.query(ctx, cypher, map[string]any{"offset": p.Offset, "limit": p.Limit}, neo4j.Read)
	if err != nil {
		return nil, 0, fmt.Errorf("neo4j: listing states: %w", err)
	}
	var out []*uncite.State
	for _, x := range get[[]any](recs[0], "page") {
		m := x.(map[string]any)
		out = append(out, &uncite.State{Code: mapGet[string](m, "code"), Name: mapGet[string](m, "name")})
	}
	return out, int(get[int64](recs[0], "total")), nil
}

// Session returns one session of a body.
func (s *Store) Session(ctx context.Context, body string, number int) (*uncite.Session, error) {
	return readOne(ctx, s, fmt.Sprintf("session %d of %s", number, body), "MATCH (s:Session {key: $key}) RETURN "+sessionProjection+" AS value",
		map[string]any{"key": uncite.SessionKey(body, number)}, toSession)
}

// sessionProjection is the map of a session that toSession reads, bound
// to s.
const sessionProjection = `{body: s.body, number: s.number, start: s.startDate, end: s.endDate}`

func toSession(r *neo4j.Record) *uncite.Session {
	m := get[map[string]any](r, "value")
	return &uncite.Session{
		Body:      mapGet[string](m, "body"),
		Number:    int(mapGet[int64](m, "number")),
		StartDate: mapGet[string](m, "start"),
		EndDate:   mapGet[string](m, "end"),
	}
}

// AgendaItemsBySession lists the agenda items of sessions ordered by
// number (uncite.CompareAgendaNumbers), in one query.
func (s *Store) AgendaItemsBySession(ctx context.Context, keys []string) (map[string][]uncite.AgendaItem, error) {
	const match = `
MATCH (s:Session {key: key})
RETURN key, COLLECT {
  MATCH (a:AgendaItem)-[:IN_SESSION]->(s)
  RETURN [a.number, a.title]
} AS items`
	return readByKey(ctx, s, "reading the agendas of sessions", match, keys, nil, func(r *neo4j.Record) []uncite.AgendaItem {
		var items []uncite.AgendaItem
		for _, x := range get[[]any](r, "items") {
			row := x.([]any)
			title, _ := row[1].(string)
			items = append(items, uncite.AgendaItem{Number: row[0].(string), Title: title})
		}
		// A session has tens of items: sorting them here keeps the one rule
		// (uncite.CompareAgendaNumbers) in one place.
		slices.SortFunc(items, func(a, b uncite.AgendaItem) int { return uncite.CompareAgendaNumbers(a.Number, b.Number) })
		return items
	})
}

// resolutionPage counts the resolutions matching where and lists a page
// of them in order, matched by inOrder (where and an index hint).
func resolutionPage(where, inOrder, order string) string {
	return `
CALL () { MATCH (r:Resolution) ` + where + ` RETURN count(r) AS total }
CALL () {
  MATCH (r:Resolution) ` + inOrder + `
  WITH r ORDER BY ` + order + ` SKIP $offset LIMIT $limit
  RETURN collect(` + resolutionProjection + `) AS page
}
RETURN total, page`
}

func whereClause(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return "WHERE " + strings.Join(conds, " AND ")
}

func toDocument(m map[string]any) *uncite.Document {
	d := &uncite.Document{
		ID:           mapGet[string](m, "id"),
		Symbol:       mapGet[string](m, "symbol"),
		Title:        mapGet[string](m, "title"),
		Type:         mapGet[string](m, "type"),
		Date:         mapGet[string](m, "date"),
		Languages:    stringList(m, "languages"),
		Body:         mapGet[string](m, "body"),
		Session:      int(mapGet[int64](m, "session")),
		SessionStart: mapGet[string](m, "sessionStart"),
		SessionEnd:   mapGet[string](m, "sessionEnd"),
		Author:       mapGet[string](m, "author"),
		References:   stringList(m, "references"),
		File:         mapGet[string](m, "file"),
		SHA256:       mapGet[string](m, "sha256"),
	}
	// The two lists are written together and have the same length.
	titles := stringList(m, "agendaTitles")
	for i, number := range stringList(m, "agendaItems") {
		d.AgendaItems = append(d.AgendaItems, uncite.AgendaItem{Number: number, Title: titles[i]})
	}
	for _, x := range mapGet[[]any](m, "mentions") {
		mm := x.(map[string]any)
		d.Mentions = append(d.Mentions, uncite.Mention{State: mapGet[string](mm, "state"), Count: int(mapGet[int64](mm, "count"))})
	}
	for _, x := range mapGet[[]any](m, "citations") {
		c := x.(map[string]any)
		// A citation's body, number and year are those its symbol states
		// (not the year the reference tables add to the Resolution node).
		cite, _ := uncite.ParseResolutionSymbol(mapGet[string](c, "symbol"))
		cite.Symbol = mapGet[string](c, "symbol")
		cite.Count = int(mapGet[int64](c, "count"))
		cite.Contexts = stringList(c, "contexts")
		cite.Verbs = stringList(c, "verbs")
		cite.Operative = mapGet[bool](c, "operative")
		d.Citations = append(d.Citations, cite)
	}
	return d
}

func toResolution(m map[string]any) *uncite.Resolution {
	return &uncite.Resolution{
		Symbol:        mapGet[string](m, "symbol"),
		Body:          mapGet[string](m, "body"),
		Number:        mapGet[string](m, "number"),
		Year:          int(mapGet[int64](m, "year")),
		Title:         mapGet[string](m, "title"),
		Date:          mapGet[string](m, "date"),
		Known:         mapGet[bool](m, "known"),
		CitationCount: int(mapGet[int64](m, "citationCount")),
	}
}

// get reads a record value; an absent or null value, which is how the
// store represents zero values, comes back as the zero value of T.
func get[T any](r *neo4j.Record, key string) T {
	v, _ := r.Get(key)
	t, _ := v.(T)
	return t
}

// mapGet is get for a map value.
func mapGet[T any](m map[string]any, key string) T {
	t, _ := m[key].(T)
	return t
}

// stringList reads a list of strings, nil when absent or empty.
func stringList(m map[string]any, key string) []string { return toStrings(m[key]) }

// toStrings converts a list of strings as the driver returns it, nil when
// absent or empty.
func toStrings(v any) []string {
	xs, _ := v.([]any)
	if len(xs) == 0 {
		return nil
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i], _ = x.(string)
	}
	return out
}
