package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// WriteDocuments stores a batch in one managed transaction, so the batch is
// atomic and the driver retries it as a whole on transient failures.
//
// A document whose stored sha256 equals the new one is left alone, which
// makes reloading a corpus cheap. Every other document is replaced: its
// outgoing relationships are deleted and re-created from the new record, and
// the nodes whose existence or values derive from documents (resolutions,
// sessions, agenda items) are brought up to date for every key the old or new
// version touched.
func (s *Store) WriteDocuments(ctx context.Context, docs []*uncite.Document) (int, error) {
	batch, err := newBatch(docs)
	if err != nil || len(batch.docs) == 0 {
		return 0, err
	}
	written, err := execute(ctx, s, neo4j.AccessModeWrite, func(ctx context.Context, tx neo4j.ManagedTransaction) (int, error) {
		// The work is rebuilt from the batch on every attempt, since a
		// retried transaction starts from the database as it was.
		w := &writer{tx: tx, batch: batch, resolutions: map[string]bool{}, sessions: map[string]bool{}, items: map[string]bool{},
			addedSessions: map[string]map[string]any{}, addedItems: map[string]map[string]any{},
			rebuild: map[string]bool{}, deltas: newDeltas()}
		err := w.write(ctx)
		return len(w.changed), err
	})
	if err != nil {
		return 0, fmt.Errorf("neo4j: writing %d documents: %w", len(batch.docs), err)
	}
	return written, nil
}

// batch is a set of documents turned into query parameters, keyed by ID.
type batch struct {
	docs     map[string]map[string]any
	ids      []string // in first-seen order, for deterministic statements
	sha      map[string]string
	hasWords map[string]bool // the document has words to search
	cites    map[string][]map[string]any
	counted  map[string]counted // what each document adds to the counters of what it cites
}

// newBatch validates the documents and converts them. A later document with
// the same ID replaces an earlier one, as a later write would.
func newBatch(docs []*uncite.Document) (*batch, error) {
	b := &batch{
		docs:     map[string]map[string]any{},
		sha:      map[string]string{},
		hasWords: map[string]bool{},
		cites:    map[string][]map[string]any{},
		counted:  map[string]counted{},
	}
	for i, d := range docs {
		if d == nil || d.ID == "" {
			return nil, uncite.Errorf(uncite.EINVALID, "document %d of the batch has no ID", i)
		}
		if _, seen := b.docs[d.ID]; !seen {
			b.ids = append(b.ids, d.ID)
		}
		words := documentWords(d)
		c := newCounted(d)
		b.docs[d.ID] = docParams(d, words, c.cited)
		b.sha[d.ID] = d.SHA256
		b.hasWords[d.ID] = words != ""
		b.cites[d.ID] = citeParams(d)
		b.counted[d.ID] = c
	}
	return b, nil
}

// docParams converts a document into the properties of its node and the
// data its relationships are built from; words are those search matches,
// cited the distinct symbols it cites.
func docParams(d *uncite.Document, words string, cited []string) map[string]any {
	symbol := d.Symbol
	var resolution any
	// A resolution document shares its node with the Resolution, whose
	// symbol is the canonical one; storing that form keeps them equal.
	if c, err := uncite.ParseResolutionSymbol(d.Symbol); err == nil {
		symbol = c.Symbol
		resolution = c.Symbol
	}
	numbers := make([]string, len(d.AgendaItems))
	titles := make([]string, len(d.AgendaItems))
	var agenda []map[string]any
	key := d.SessionKey()
	for i, item := range d.AgendaItems {
		numbers[i], titles[i] = item.Number, item.Title
		if key != "" {
			agenda = append(agenda, map[string]any{
				"key": key + "-" + item.Number, "number": item.Number, "title": str(item.Title),
			})
		}
	}
	mentions := make([]map[string]any, len(d.Mentions))
	for i, m := range d.Mentions {
		mentions[i] = map[string]any{"state": m.State, "count": m.Count}
	}
	props := map[string]any{
		"id":           d.ID,
		"symbol":       str(symbol),
		"title":        str(d.Title),
		"type":         str(d.Type),
		"date":         str(d.Date),
		"languages":    list(d.Languages),
		"body":         str(d.Body),
		"session":      num(d.Session),
		"sessionStart": str(d.SessionStart),
		"sessionEnd":   str(d.SessionEnd),
		// The year the facets and TopCited count the document under.
		"dateYear":   num(d.Year()),
		"author":     str(d.Author),
		"file":       str(d.File),
		"sha256":     str(d.SHA256),
		"references": list(d.References),
		// The references again, each between newlines, for the text
		// index that finds the documents referring to a symbol (see
		// linkReferrers): list elements are not indexed.
		"referenceKey": referenceKey(d.References),
		// Agenda items are kept on the document as two parallel lists, in
		// the document's order: documents without a session have items too,
		// and there is no AgendaItem node to link those to.
		"agendaItems":  list(numbers),
		"agendaTitles": list(titles),
		// The text itself is not kept: reads never return it, and search
		// needs only its words.
		"words": str(words),
		// The symbols it cites again, sorted, as its CITES name them: a
		// co-citation count reads one list per citing document instead of
		// walking each one's CITES to the resolutions (see coCitedCounted).
		"cites": list(slices.Sorted(slices.Values(cited))),
	}
	return map[string]any{
		"id":         d.ID,
		"symbol":     str(symbol),
		"resolution": resolution,
		"props":      props,
		"sessionKey": str(key),
		"agenda":     agenda,
		"mentions":   mentions,
	}
}

// citeParams converts a document's citations into CITES relationships.
// Each repeats the cited symbol and the citing document's id for the index
// that lists a resolution's citing documents in id order (see schema.go).
func citeParams(d *uncite.Document) []map[string]any {
	out := make([]map[string]any, 0, len(d.Citations))
	for _, c := range d.Citations {
		p := resolutionParams(c)
		p["doc"] = d.ID
		p["props"] = map[string]any{
			"count":     c.Count,
			"contexts":  list(c.Contexts),
			"verbs":     list(c.Verbs),
			"operative": c.Operative,
			"symbol":    p["symbol"],
			"document":  d.ID,
		}
		out = append(out, p)
	}
	return out
}

// resolutionParams gives the properties of a Resolution node. The body,
// number and year follow from the symbol whenever it parses, so that every
// citing document and the resolution document agree on them; title, date and
// known come from the reference tables, which also give the year of the
// resolutions whose symbol lacks one (A/RES/60/251).
func resolutionParams(c uncite.Citation) map[string]any {
	if parsed, err := uncite.ParseResolutionSymbol(c.Symbol); err == nil {
		c.Symbol, c.Body, c.Number, c.Year = parsed.Symbol, parsed.Body, parsed.Number, parsed.Year
	}
	p := map[string]any{"symbol": c.Symbol, "body": str(c.Body), "number": str(c.Number), "known": false}
	if r, ok := refdata.LookupResolution(c.Symbol); ok {
		p["known"], p["title"], p["date"] = true, str(r.Title), str(r.Date)
		if c.Year == 0 {
			c.Year = r.Year
		}
	}
	p["year"] = num(c.Year)
	return p
}

// writer runs the statements of one batch inside one transaction and keeps
// track of the keys whose derived nodes must be brought up to date.
type writer struct {
	tx    neo4j.ManagedTransaction
	batch *batch

	changed     []string        // IDs of the documents to (re)write
	resolutions map[string]bool // symbols whose Resolution node may move or vanish
	// sessions and items lost a document: their values are derived afresh
	// and they may vanish. The others the batch adds documents to only
	// take in the new documents' values (addedSessions, addedItems).
	sessions      map[string]bool
	items         map[string]bool
	addedSessions map[string]map[string]any
	addedItems    map[string]map[string]any
	carried       []map[string]any // CITES taken off a Resolution node that stops holding its symbol
	// rebuild holds the symbols whose Resolution node changed: their
	// counters are recomputed from the citing documents rather than updated.
	rebuild map[string]bool
	deltas  deltas
}

func (w *writer) write(ctx context.Context) error {
	if err := w.findChanged(ctx); err != nil || len(w.changed) == 0 {
		return err
	}
	for _, step := range []func(context.Context) error{
		w.lock,
		w.detach,
		w.upsert,
		w.placeResolutions,
		w.link,
		w.count,
		w.refreshDerived,
	} {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

const selectHashes = `
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.sha256 AS sha256, d.words IS NOT NULL AS searchable`

// findChanged keeps the documents that are new or whose content changed. A
// document without a digest is always rewritten: nothing proves it unchanged.
// So is one stored without the words that search needs although it has
// some, as documents written before search existed are: reloading the
// corpus makes them searchable.
func (w *writer) findChanged(ctx context.Context) error {
	recs, err := run(ctx, w.tx, selectHashes, map[string]any{"ids": w.batch.ids})
	if err != nil {
		return err
	}
	type state struct {
		sha        string
		searchable bool
	}
	stored := map[string]state{}
	for _, r := range recs {
		stored[get[string](r, "id")] = state{get[string](r, "sha256"), get[bool](r, "searchable")}
	}
	for _, id := range w.batch.ids {
		old := stored[id]
		if sha := w.batch.sha[id]; sha == "" || old.sha != sha || w.batch.hasWords[id] && !old.searchable {
			w.changed = append(w.changed, id)
		}
	}
	return nil
}

// lockResolutions takes, for each symbol, the lock of the node holding it,
// creating a Resolution node for it when none does; the uniqueness
// constraint makes two transactions creating one wait for each other. A
// transaction deciding which node holds a symbol, or linking citations to
// it, must hold that lock first: otherwise it decides from what it read
// before a concurrent writer committed another holder, and links to a node
// that no longer holds the symbol or makes a second holder. The node found
// may have stopped holding the symbol while this one waited for its lock
// (held is then false), and the lock is taken again on the new holder.
// A node created here that no document needs is deleted by
// refreshResolutions, and one a document should hold is replaced by it in
// placeResolutions.
const lockResolutions = `
UNWIND $resolutions AS c
MERGE (r:Resolution {symbol: c.symbol})
  ON CREATE SET r.number = c.number, r.year = c.year, r.known = c.known,
                r.resolutionTitle = c.title, r.resolutionDate = c.date
SET r.locked = true
REMOVE r.locked
RETURN c.symbol AS symbol, r:Resolution AND r.symbol = c.symbol AS held`

// lock takes the locks of the symbols the new versions of the changed
// documents cite or are. Those of the old versions are taken by detach,
// which writes to their holders. Symbols are locked in order, so that
// concurrent writers wait for each other rather than deadlock. It runs
// first, so that a writer of the same documents as a concurrent one, once
// it has waited, detaches and counts what the other committed.
func (w *writer) lock(ctx context.Context) error {
	// A node created here takes its properties from the first citation of
	// its symbol, as in createResolutions.
	params := map[string]map[string]any{}
	for _, id := range w.changed {
		for _, c := range w.batch.cites[id] {
			if symbol := c["symbol"].(string); params[symbol] == nil {
				params[symbol] = c
			}
		}
		if symbol, ok := w.batch.docs[id]["resolution"].(string); ok && params[symbol] == nil {
			params[symbol] = resolutionParams(uncite.Citation{Symbol: symbol})
		}
	}
	for symbols := sortedKeys(params); len(symbols) > 0; {
		rows := make([]map[string]any, len(symbols))
		for i, symbol := range symbols {
			rows[i] = params[symbol]
		}
		recs, err := run(ctx, w.tx, lockResolutions, map[string]any{"resolutions": rows})
		if err != nil {
			return err
		}
		symbols = symbols[:0]
		for _, r := range recs {
			if !get[bool](r, "held") {
				symbols = append(symbols, get[string](r, "symbol"))
			}
		}
	}
	return nil
}

// detachDocuments deletes what a changed document links to, and the
// REFERS_TO links into it, which depend on its symbol. It reports the keys
// the old version touched, so that their derived nodes can be refreshed,
// and what it counted under in the counters of what it cited.
const detachDocuments = `
UNWIND $ids AS id
MATCH (d:Document {id: id})
CALL (d) {
  MATCH (d)-[r:CITES|MENTIONS|SUBMITTED_BY|IN_SESSION|UNDER_ITEM|REFERS_TO]->(x)
  WITH r, type(r) AS kind, x
  DELETE r
  RETURN collect(CASE kind WHEN 'CITES' THEN x.symbol END) AS cited,
         collect(CASE kind WHEN 'IN_SESSION' THEN x.key END) AS sessions,
         collect(CASE kind WHEN 'UNDER_ITEM' THEN x.key END) AS items,
         collect(CASE kind WHEN 'UNDER_ITEM' THEN x.number END) AS itemNumbers,
         collect(CASE kind WHEN 'SUBMITTED_BY' THEN x.code END) AS author
}
CALL (d) {
  MATCH (:Document)-[r:REFERS_TO]->(d)
  DELETE r
}
RETURN cited, sessions, items, itemNumbers, author, d.dateYear AS year, CASE WHEN d:Resolution THEN d.symbol END AS held`

func (w *writer) detach(ctx context.Context) error {
	recs, err := run(ctx, w.tx, detachDocuments, map[string]any{"ids": w.changed})
	if err != nil {
		return err
	}
	var held []string
	for _, r := range recs {
		cited, sessions := get[[]any](r, "cited"), get[[]any](r, "sessions")
		addAll(w.resolutions, cited)
		addAll(w.sessions, sessions)
		addAll(w.items, get[[]any](r, "items"))
		if symbol := get[string](r, "held"); symbol != "" {
			held = append(held, symbol)
		}
		old := counted{cited: toStrings(cited), year: int(get[int64](r, "year"))}
		if authors := toStrings(get[[]any](r, "author")); len(authors) > 0 {
			old.author = authors[0]
		}
		if keys := toStrings(sessions); len(keys) > 0 {
			old.session, old.items = keys[0], sessionItems(toStrings(get[[]any](r, "itemNumbers")))
		}
		w.deltas.add(old, -1)
	}
	// A changed document gives up its Resolution role before its properties
	// are replaced: its symbol may change, and placeResolutions decides
	// afresh which node holds each symbol.
	return w.evict(ctx, held)
}

// evictResolutions takes the Resolution role off the nodes holding the given
// symbols: their incoming CITES are deleted and handed back to be re-created
// on whichever node holds the symbol next; a node that is not also a
// document is deleted. Its co-citation counts go too, and are built afresh
// on the next holder if it is popular (see cocited.go).
const evictResolutions = `
UNWIND $symbols AS symbol
MATCH (r:Resolution {symbol: symbol})
CALL (r) {
  MATCH (src:Document)-[c:CITES]->(r)
  WITH src, c, properties(c) AS props
  DELETE c
  RETURN collect({doc: src.id, props: props}) AS carried
}
CALL (r) {
  MATCH (r)-[a:ADOPTED_BY|CO_CITED|` + counterRels + `]->()
  DELETE a
}
REMOVE r:Resolution, r.number, r.year, r.known, r.resolutionTitle, r.resolutionDate, r.resolutionBody, r.citationCount,
       r.partnersKept
FOREACH (_ IN CASE WHEN r:Document THEN [] ELSE [1] END | DETACH DELETE r)
RETURN symbol, carried`

func (w *writer) evict(ctx context.Context, symbols []string) error {
	if len(symbols) == 0 {
		return nil
	}
	recs, err := run(ctx, w.tx, evictResolutions, map[string]any{"symbols": symbols})
	if err != nil {
		return err
	}
	for _, r := range recs {
		symbol := get[string](r, "symbol")
		w.resolutions[symbol] = true
		w.rebuild[symbol] = true
		for _, c := range get[[]any](r, "carried") {
			m := c.(map[string]any)
			p := resolutionParams(uncite.Citation{Symbol: symbol})
			p["doc"], p["props"] = m["doc"], m["props"]
			w.carried = append(w.carried, p)
		}
	}
	return nil
}

// upsertDocuments replaces each changed document's properties wholesale, so
// that a field emptied in the new version disappears.
const upsertDocuments = `
UNWIND $docs AS doc
MERGE (d:Document {id: doc.id})
SET d = doc.props`

func (w *writer) upsert(ctx context.Context) error {
	docs := make([]map[string]any, len(w.changed))
	for i, id := range w.changed {
		docs[i] = w.batch.docs[id]
		if symbol, ok := docs[i]["resolution"].(string); ok {
			w.resolutions[symbol] = true
		}
		key, ok := docs[i]["sessionKey"].(string)
		if !ok {
			continue
		}
		props := docs[i]["props"].(map[string]any)
		added := w.addedSessions[key]
		if added == nil {
			added = map[string]any{"key": key}
			w.addedSessions[key] = added
		}
		added["start"] = minValue(added["start"], props["sessionStart"])
		added["end"] = maxValue(added["end"], props["sessionEnd"])
		// An item listed twice by a document keeps the last title given,
		// as its UNDER_ITEM does.
		titles := map[string]any{}
		for _, item := range docs[i]["agenda"].([]map[string]any) {
			titles[item["key"].(string)] = item["title"]
		}
		for key, title := range titles {
			added := w.addedItems[key]
			if added == nil {
				added = map[string]any{"key": key}
				w.addedItems[key] = added
			}
			added["title"] = minValue(added["title"], title)
		}
	}
	_, err := run(ctx, w.tx, upsertDocuments, map[string]any{"docs": docs})
	return err
}

// selectHolders finds, for each symbol, the node that holds it now and the
// document that should: of the documents with that symbol (language versions
// share one) the one with the smallest ID, so that the choice does not depend
// on the order of writes.
const selectHolders = `
UNWIND $symbols AS symbol
OPTIONAL MATCH (cur:Resolution {symbol: symbol})
OPTIONAL MATCH (d:Document {symbol: symbol})
WITH symbol, cur, min(d.id) AS host
RETURN symbol, host, cur IS NOT NULL AS held, cur.id AS holder`

// promoteDocuments makes documents the Resolution node of their symbol. The
// title and date of an unlisted resolution are those of its document.
const promoteDocuments = `
UNWIND $hosts AS h
MATCH (d:Document {id: h.id})
SET d:Resolution,
    d.number = h.number, d.year = h.year, d.known = h.known,
    d.resolutionTitle = coalesce(h.title, d.title),
    d.resolutionDate = coalesce(h.date, d.date)
WITH d, h
MATCH (b:Body {code: h.body})
MERGE (d)-[:ADOPTED_BY]->(b)
SET d.resolutionBody = b.code`

// placeResolutions makes sure that each symbol touched by the batch is held
// by the right node: the document with that symbol if one is stored, else a
// Resolution node of its own (created when a citation needs it).
func (w *writer) placeResolutions(ctx context.Context) error {
	symbols := sortedKeys(w.resolutions)
	recs, err := run(ctx, w.tx, selectHolders, map[string]any{"symbols": symbols})
	if err != nil {
		return err
	}
	var evict []string
	var hosts []map[string]any
	for _, r := range recs {
		symbol, host := get[string](r, "symbol"), get[string](r, "host")
		if host == "" {
			continue
		}
		if get[bool](r, "held") && get[string](r, "holder") != host {
			evict = append(evict, symbol)
		}
		p := resolutionParams(uncite.Citation{Symbol: symbol})
		p["id"] = host
		hosts = append(hosts, p)
	}
	if err := w.evict(ctx, evict); err != nil {
		return err
	}
	if len(hosts) == 0 {
		return nil
	}
	_, err = run(ctx, w.tx, promoteDocuments, map[string]any{"hosts": hosts})
	return err
}

// createResolutions creates the Resolution nodes the batch cites that are
// not held by anything yet, once per symbol and body. The code of the body
// a resolution is adopted by is kept on it too (resolutionBody), so that
// filters on the body read a property rather than probe the relationships
// of a Body, which thousands of resolutions share.
const createResolutions = `
UNWIND $resolutions AS c
MERGE (r:Resolution {symbol: c.symbol})
  ON CREATE SET r.number = c.number, r.year = c.year, r.known = c.known,
                r.resolutionTitle = c.title, r.resolutionDate = c.date
WITH r, c
MATCH (b:Body {code: c.body})
MERGE (r)-[:ADOPTED_BY]->(b)
SET r.resolutionBody = b.code`

// createCitations links documents to the resolutions they cite.
const createCitations = `
UNWIND $cites AS c
MATCH (d:Document {id: c.doc})
MATCH (r:Resolution {symbol: c.symbol})
MERGE (d)-[rel:CITES]->(r)
SET rel = c.props`

// linkDocuments creates every other relationship of the changed documents.
// States and bodies are never created here: only those of the reference
// tables exist, so a link to an unknown code is left out.
const linkDocuments = `
UNWIND $docs AS doc
MATCH (d:Document {id: doc.id})
CALL (d, doc) {
  MATCH (s:State {code: doc.props.author})
  MERGE (d)-[:SUBMITTED_BY]->(s)
}
CALL (d, doc) {
  UNWIND doc.mentions AS m
  MATCH (s:State {code: m.state})
  MERGE (d)-[r:MENTIONS]->(s)
  SET r.count = m.count
}
CALL (d, doc) {
  UNWIND coalesce(doc.props.references, []) AS ref
  MATCH (t:Document {symbol: ref})
  WHERE t <> d
  MERGE (d)-[:REFERS_TO]->(t)
}
CALL (d, doc) {
  WITH d, doc WHERE doc.sessionKey IS NOT NULL
  MERGE (s:Session {key: doc.sessionKey})
    ON CREATE SET s.body = doc.props.body, s.number = doc.props.session
  MERGE (d)-[:IN_SESSION]->(s)
  WITH d, doc, s
  CALL (s, doc) {
    MATCH (b:Body {code: doc.props.body})
    MERGE (s)-[:OF_BODY]->(b)
  }
  WITH d, doc, s
  UNWIND doc.agenda AS item
  MERGE (a:AgendaItem {key: item.key})
    ON CREATE SET a.number = item.number
  MERGE (a)-[:IN_SESSION]->(s)
  MERGE (d)-[u:UNDER_ITEM]->(a)
  SET u.title = item.title
}`

// linkReferrers re-creates the REFERS_TO links into the changed documents
// from every document that refers to their symbols. The text index on
// referenceKey finds the documents whose references hold the symbol as a
// substring, and the list tells the exact ones.
const linkReferrers = `
UNWIND $symbols AS ref
MATCH (src:Document)
WHERE src.referenceKey CONTAINS '\n' + ref + '\n' AND ref IN src.references
MATCH (t:Document {symbol: ref})
WHERE t <> src
MERGE (src)-[:REFERS_TO]->(t)`

// referenceKey is the value of the referenceKey property.
func referenceKey(refs []string) any {
	if len(refs) == 0 {
		return nil
	}
	return "\n" + strings.Join(refs, "\n") + "\n"
}

func (w *writer) link(ctx context.Context) error {
	var cites, docs []map[string]any
	var symbols []string
	for _, id := range w.changed {
		cites = append(cites, w.batch.cites[id]...)
		w.deltas.add(w.batch.counted[id], 1)
		doc := w.batch.docs[id]
		docs = append(docs, doc)
		if symbol, ok := doc["symbol"].(string); ok {
			symbols = append(symbols, symbol)
		}
	}
	cites = append(cites, w.carried...)
	for _, c := range cites {
		w.resolutions[c["symbol"].(string)] = true
	}
	if len(cites) > 0 {
		// The first citation of a symbol gives its node's properties, as
		// it would if each were merged in turn.
		var resolutions []map[string]any
		seen := map[[2]any]bool{}
		for _, c := range cites {
			if key := [2]any{c["symbol"], c["body"]}; !seen[key] {
				seen[key] = true
				resolutions = append(resolutions, c)
			}
		}
		if _, err := run(ctx, w.tx, createResolutions, map[string]any{"resolutions": resolutions}); err != nil {
			return err
		}
		if _, err := run(ctx, w.tx, createCitations, map[string]any{"cites": cites}); err != nil {
			return err
		}
	}
	if _, err := run(ctx, w.tx, linkDocuments, map[string]any{"docs": docs}); err != nil {
		return err
	}
	if len(symbols) == 0 {
		return nil
	}
	_, err := run(ctx, w.tx, linkReferrers, map[string]any{"symbols": symbols})
	return err
}

// refreshSessions deletes the sessions no document is in any more and
// derives the dates of the others from their documents.
const refreshSessions = `
UNWIND $keys AS key
MATCH (s:Session {key: key})
CALL (s) {
  OPTIONAL MATCH (d:Document)-[:IN_SESSION]->(s)
  RETURN count(d) AS docs, min(d.sessionStart) AS start, max(d.sessionEnd) AS end
}
SET s.startDate = start, s.endDate = end
WITH s, docs WHERE docs = 0
DETACH DELETE s`

// refreshAgendaItems does the same for agenda items; an item's title is the
// smallest title its documents give it.
const refreshAgendaItems = `
UNWIND $keys AS key
MATCH (a:AgendaItem {key: key})
CALL (a) {
  OPTIONAL MATCH (:Document)-[u:UNDER_ITEM]->(a)
  RETURN count(u) AS docs, min(u.title) AS title
}
SET a.title = title
WITH a, docs WHERE docs = 0
DETACH DELETE a`

// refreshResolutions stores each touched resolution's number of citing
// documents (the degree of its incoming CITES, which the server reads without
// visiting them), so that rankings by citation count can be served in order
// by the index on it, and deletes the Resolution nodes that nothing cites and
// that are not a document. A zero count is stored too, unlike other zero
// values: the index only holds nodes that have the property.
const refreshResolutions = `
UNWIND $symbols AS symbol
MATCH (r:Resolution {symbol: symbol})
SET r.citationCount = COUNT { ()-[:CITES]->(r) }
WITH r WHERE r.citationCount = 0 AND NOT r:Document
DETACH DELETE r`

// widenSessions and retitleAgendaItems fold the values of added documents
// into sessions and agenda items that lost none: an earliest start, latest
// end or smallest title only moves outwards as documents come in. Absent
// values (null) are ignored, as min and max ignore them.
const (
	widenSessions = `
UNWIND $added AS x
MATCH (s:Session {key: x.key})
SET s.startDate = CASE WHEN s.startDate <= x.start THEN s.startDate ELSE coalesce(x.start, s.startDate) END,
    s.endDate = CASE WHEN s.endDate >= x.end THEN s.endDate ELSE coalesce(x.end, s.endDate) END`
	retitleAgendaItems = `
UNWIND $added AS x
MATCH (a:AgendaItem {key: x.key})
SET a.title = CASE WHEN a.title <= x.title THEN a.title ELSE coalesce(x.title, a.title) END`
)

func (w *writer) refreshDerived(ctx context.Context) error {
	for _, q := range []struct {
		cypher string
		name   string
		keys   map[string]bool
	}{
		{refreshAgendaItems, "keys", w.items},
		{refreshSessions, "keys", w.sessions},
		{refreshResolutions, "symbols", w.resolutions},
	} {
		if len(q.keys) == 0 {
			continue
		}
		if _, err := run(ctx, w.tx, q.cypher, map[string]any{q.name: sortedKeys(q.keys)}); err != nil {
			return err
		}
	}
	for _, q := range []struct {
		cypher  string
		added   map[string]map[string]any
		derived map[string]bool
	}{
		{widenSessions, w.addedSessions, w.sessions},
		{retitleAgendaItems, w.addedItems, w.items},
	} {
		var rows []map[string]any
		for _, key := range sortedKeys(q.added) {
			if !q.derived[key] {
				rows = append(rows, q.added[key])
			}
		}
		if len(rows) == 0 {
			continue
		}
		if _, err := run(ctx, w.tx, q.cypher, map[string]any{"added": rows}); err != nil {
			return err
		}
	}
	return nil
}

// minValue and maxValue order two optional strings (nil when absent),
// ignoring an absent one.
func minValue(a, b any) any {
	if a == nil || b != nil && b.(string) < a.(string) {
		return b
	}
	return a
}

func maxValue(a, b any) any {
	if a == nil || b != nil && b.(string) > a.(string) {
		return b
	}
	return a
}

// str maps "" to nil, so that empty strings are not stored.
func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// num maps 0 to nil, so that zero numbers are not stored.
func num(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// list maps an empty list to nil, so that empty lists are not stored.
func list(xs []string) any {
	if len(xs) == 0 {
		return nil
	}
	return xs
}

func addAll(set map[string]bool, xs []any) {
	for _, x := range xs {
		set[x.(string)] = true
	}
}

func sortedKeys[V any](set map[string]V) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
