package uncite

import (
	"context"
	"strings"
)

// MaxPageSize bounds every list request; larger requests are rejected, not
// clamped, so a client never silently receives less than it asked for.
const MaxPageSize = 200

// Page selects a window of an ordered list.
type Page struct {
	Offset int
	Limit  int
}

// Validate rejects a page the Store contract does not allow; every store
// calls it so that all of them answer a bad page with the same error.
func (p Page) Validate() error {
	if p.Offset < 0 || p.Limit < 0 || p.Limit > MaxPageSize {
		return Errorf(EINVALID, "page offset %d, limit %d: the offset must be at least 0 and the limit between 0 and %d",
			p.Offset, p.Limit, MaxPageSize)
	}
	return nil
}

// ValidateRanking bounds the size of a ranking and of its evidence lists
// like a page size: past the maximum is an error, not clamped.
func ValidateRanking(limit, evidence int) error {
	if limit < 0 || limit > MaxPageSize || evidence < 0 || evidence > MaxPageSize {
		return Errorf(EINVALID, "limit %d, evidence %d: each must be between 0 and %d", limit, evidence, MaxPageSize)
	}
	return nil
}

// DocumentFilter narrows a document listing; zero fields do not filter and
// set fields combine with AND.
type DocumentFilter struct {
	ID         string // one document by id
	Symbol     string
	Body       string
	Session    int    // with Body
	AgendaItem string // with Body and Session
	Author     string // alpha-3
	Mentions   string // alpha-3
	Cites      string // canonical resolution symbol
	Type       string
	Language   string
	DateFrom   string // inclusive ISO dates
	DateTo     string
}

// Normalize reads filter values as every entry point (GraphQL, /export,
// the CLI) must, so that the same input selects the same documents: spaces
// trimmed, codes upper-cased, the language lower-cased, the cited symbol
// made canonical (EINVALID when it is not a resolution symbol).
func (f DocumentFilter) Normalize() (DocumentFilter, error) {
	t := strings.TrimSpace
	out := DocumentFilter{
		ID:         t(f.ID),
		Symbol:     t(f.Symbol),
		Body:       strings.ToUpper(t(f.Body)),
		Session:    f.Session,
		AgendaItem: t(f.AgendaItem),
		Author:     strings.ToUpper(t(f.Author)),
		Mentions:   strings.ToUpper(t(f.Mentions)),
		Type:       t(f.Type),
		Language:   strings.ToLower(t(f.Language)),
		DateFrom:   t(f.DateFrom),
		DateTo:     t(f.DateTo),
	}
	if c := t(f.Cites); c != "" {
		res, err := ParseResolutionSymbol(c)
		if err != nil {
			return out, err
		}
		out.Cites = res.Symbol
	}
	return out, nil
}

// DocumentQuery asks for one page of the documents matching Filter. It is
// comparable, so that it can key a dataloader.
type DocumentQuery struct {
	Filter DocumentFilter
	Page   Page
	// Omit names the parts of each document the caller will not read,
	// which the store may then leave out (see DocumentParts.Strip).
	Omit DocumentParts
	// NoTotal says the caller does not need the number of all matches:
	// the page's Total is then 0, and a store need not count them.
	NoTotal bool
	// Cited asks for what the documents' citations show of the
	// resolutions they cite, in the same call.
	Cited CitedQuery
}

// CitedQuery asks a document listing to carry, with each citation of its
// documents, the cited resolution and a page of the documents citing
// that: a document and everything shown of what it cites then cost one
// store call (one Cypher query on Neo4j) instead of one per level.
type CitedQuery struct {
	// Resolutions fills each citation's Resolution.
	Resolutions bool
	// Brief fills only the Symbol and CitationCount of that Resolution
	// (and its CitedBy, as asked): a page showing how often each cited
	// resolution is cited reads neither their titles nor their dates.
	Brief bool
	// CitingIDs also fills that Resolution's CitedBy with the page Citing
	// of the documents citing it, ids only, as DocumentPages answers
	// DocumentQuery{Filter: DocumentFilter{Cites: symbol}, Page: Citing,
	// Omit: AllParts, NoTotal: !CitingTotal}.
	CitingIDs   bool
	Citing      Page
	CitingTotal bool
}

// Validate rejects a page the Store contract does not allow.
func (q DocumentQuery) Validate() error {
	if err := q.Page.Validate(); err != nil {
		return err
	}
	if q.Cited.CitingIDs {
		return q.Cited.Citing.Validate()
	}
	return nil
}

// CitingQuery is the listing whose page CitedQuery carries on the
// resolution symbol.
func (c CitedQuery) CitingQuery(symbol string) DocumentQuery {
	return DocumentQuery{Filter: DocumentFilter{Cites: symbol}, Page: c.Citing, Omit: AllParts, NoTotal: !c.CitingTotal}
}

// ResolutionQuery asks for one resolution and what a request shows of it,
// so that one store call (one Cypher query on Neo4j) answers a resolution
// together with its citing documents and its co-citations, where a call
// each would cost the server a transaction each.
type ResolutionQuery struct {
	Symbol string
	// CitedBy, when set, lists the documents citing the resolution: its
	// Filter is {Cites: Symbol}.
	CitedBy *DocumentQuery
	// CoCited, when set, ranks the resolutions cited with it.
	CoCited *Ranking
}

// Validate rejects a query the Store contract does not allow.
func (q ResolutionQuery) Validate() error {
	if c := q.CitedBy; c != nil {
		if c.Filter != (DocumentFilter{Cites: q.Symbol}) {
			return Errorf(EINVALID, "the citing documents of %s are filtered by it alone", q.Symbol)
		}
		if err := c.Validate(); err != nil {
			return err
		}
	}
	if r := q.CoCited; r != nil {
		return ValidateRanking(r.Limit, r.Evidence)
	}
	return nil
}

// Ranking is the size of a ranking: Limit entries, each with up to
// Evidence ids of what supports it (see Store.CoCited).
type Ranking struct{ Limit, Evidence int }

// CoCitedRanking is a resolution's co-citation ranking read with it, and
// the Ranking it was read with.
type CoCitedRanking struct {
	Ranking
	CoCitations []CoCitation
}

// DocumentParts names the parts of a Document that cost a store most to
// read, so that a caller can do without them: a listing that shows ids
// need not carry every citation sentence of every document, nor the title
// and references of a document shown by its date.
type DocumentParts uint16

const (
	// PartEvidence is the Contexts and Verbs of each citation.
	PartEvidence DocumentParts = 1 << iota
	// PartCitations is the Citations, evidence included.
	PartCitations
	// PartMentions is the Mentions.
	PartMentions

	// The details, each one field or a few read together.
	PartSymbol
	PartTitle
	PartType
	PartDate
	PartLanguages
	PartBody
	PartSession // Session, SessionStart and SessionEnd
	PartAgenda  // AgendaItems
	PartAuthor
	PartReferences
	PartFile // File and SHA256

	// PartDetails is every field but the ID, the citations and the
	// mentions: a listing read for ids alone need not visit the documents
	// at all.
	PartDetails = PartSymbol | PartTitle | PartType | PartDate | PartLanguages | PartBody |
		PartSession | PartAgenda | PartAuthor | PartReferences | PartFile

	// AllParts omits everything but the ID.
	AllParts = PartEvidence | PartCitations | PartMentions | PartDetails
)

// Strip empties the parts p names in d, as a store that omits them
// returns it.
func (p DocumentParts) Strip(d *Document) {
	if p&PartDetails == PartDetails {
		*d = Document{ID: d.ID, Mentions: d.Mentions, Citations: d.Citations}
	} else if p&PartDetails != 0 {
		p.stripDetails(d)
	}
	if p&PartMentions != 0 {
		d.Mentions = nil
	}
	if p&PartCitations != 0 {
		d.Citations = nil
	}
	if p&PartEvidence != 0 {
		for i := range d.Citations {
			d.Citations[i].Contexts, d.Citations[i].Verbs = nil, nil
		}
	}
}

// stripDetails empties the details p names, one by one.
func (p DocumentParts) stripDetails(d *Document) {
	if p&PartSymbol != 0 {
		d.Symbol = ""
	}
	if p&PartTitle != 0 {
		d.Title = ""
	}
	if p&PartType != 0 {
		d.Type = ""
	}
	if p&PartDate != 0 {
		d.Date = ""
	}
	if p&PartLanguages != 0 {
		d.Languages = nil
	}
	if p&PartBody != 0 {
		d.Body = ""
	}
	if p&PartSession != 0 {
		d.Session, d.SessionStart, d.SessionEnd = 0, "", ""
	}
	if p&PartAgenda != 0 {
		d.AgendaItems = nil
	}
	if p&PartAuthor != 0 {
		d.Author = ""
	}
	if p&PartReferences != 0 {
		d.References = nil
	}
	if p&PartFile != 0 {
		d.File, d.SHA256 = "", ""
	}
}

// DocumentPage answers a DocumentQuery: the page and the number of all matches.
type DocumentPage struct {
	Documents []*Document
	Total     int
}

// ResolutionFilter narrows a resolution listing; zero fields do not filter.
type ResolutionFilter struct {
	Body     string
	YearFrom int
	YearTo   int
	CitedBy  string // alpha-3 of a State that authored a citing document
	// CitedInSession is the key ("HRC-43") of a session with a citing document.
	CitedInSession string
}

// ResolutionOrder orders a resolution listing; ties break on symbol.
type ResolutionOrder string

const (
	OrderBySymbol        ResolutionOrder = "SYMBOL"
	OrderByCitationCount ResolutionOrder = "CITATION_COUNT" // most cited first
	OrderByYear          ResolutionOrder = "YEAR"           // newest first
)

// Store is the citation graph. The in-memory store and the Neo4j store both
// implement it and must give identical answers (see storetest).
//
// Listings are ordered deterministically (documents by ID, States by code)
// so that offset cursors are stable between calls. Lookups of absent nodes
// return an *Error with code ENOTFOUND.
//
// The methods that take many targets (ids, symbols, keys, States) answer
// them all in one call, so that the GraphQL dataloaders make one store call
// per batch of parents rather than one per parent. They return a map by
// target; a target that does not exist is missing from it, which is not an
// error, and asking for no target returns an empty map.
//
// What exists is derived from the documents currently stored, so that both
// stores agree whatever the order of writes:
//   - a Resolution exists while at least one document cites it or a stored
//     document has its symbol; its Title, Date and Known come from the
//     reference tables (refdata), else from the document that is the
//     resolution; CitationCount counts distinct citing documents;
//   - a Session exists while a document is in it; its StartDate is the
//     earliest SessionStart and its EndDate the latest SessionEnd among them;
//   - a session's agenda items are the distinct numbers its documents are
//     issued under, each titled with the smallest non-empty title given;
//   - every State of the reference tables exists, cited or not.
type Store interface {
	// WriteDocuments inserts or replaces documents by ID, with every
	// relationship they imply. Writing the same documents again changes
	// nothing; a document whose content changed replaces the old one and
	// leaves no stale relationship behind. The batch is atomic. It returns
	// how many documents of the batch were new or changed; the others had
	// the same SHA256 as the stored version and were left alone.
	WriteDocuments(ctx context.Context, docs []*Document) (written int, err error)

	// Document returns a document with its citations, mentions and agenda items.
	Document(ctx context.Context, id string) (*Document, error)
	// Documents returns one page of matching documents and the total number
	// of matches; it answers as DocumentPages does for one query.
	Documents(ctx context.Context, f DocumentFilter, p Page) ([]*Document, int, error)
	// DocumentPages answers many listings in one call, in the order asked.
	// A page the contract does not allow fails the whole call (EINVALID).
	DocumentPages(ctx context.Context, qs []DocumentQuery) ([]DocumentPage, error)

	// Resolution looks a resolution up by canonical symbol; callers normalise
	// input with ParseResolutionSymbol first.
	Resolution(ctx context.Context, symbol string) (*Resolution, error)
	// ResolutionWith is Resolution with, read in the same call, what q
	// asks of the resolution: CitedBy as DocumentPages answers q.CitedBy,
	// and CoCited as CoCited answers q.CoCited. A q.CitedBy whose filter is
	// not {Cites: q.Symbol}, or a page or ranking the contract does not
	// allow, is EINVALID.
	ResolutionWith(ctx context.Context, q ResolutionQuery) (*Resolution, error)
	Resolutions(ctx context.Context, f ResolutionFilter, o ResolutionOrder, p Page) ([]*Resolution, int, error)

	// State looks a State up by alpha-3 code; every Member and observer State
	// exists, cited or not.
	State(ctx context.Context, code string) (*State, error)
	States(ctx context.Context, p Page) ([]*State, int, error)

	Session(ctx context.Context, body string, number int) (*Session, error)
	// AgendaItemsBySession lists the agenda items of sessions, keyed as by
	// SessionKey, each ordered by number as read, not as text (3 < 10 < 68 <
	// 68 (a); see CompareAgendaNumbers); a session that exists but has no
	// agenda item maps to none (nil).
	AgendaItemsBySession(ctx context.Context, sessionKeys []string) (map[string][]AgendaItem, error)

	// DocumentsByID, ResolutionsBySymbol and SessionsByKey fetch many nodes
	// in one call.
	DocumentsByID(ctx context.Context, ids []string) (map[string]*Document, error)
	ResolutionsBySymbol(ctx context.Context, symbols []string) (map[string]*Resolution, error)
	SessionsByKey(ctx context.Context, keys []string) (map[string]*Session, error)

	// CoCited returns, for each resolution of symbols, up to limit
	// resolutions cited in the same documents, most shared documents first,
	// ties by symbol; each with up to evidence document ids. A resolution
	// co-cited with none maps to none (nil). A limit or evidence outside
	// 0..MaxPageSize is EINVALID.
	CoCited(ctx context.Context, symbols []string, limit, evidence int) (map[string][]CoCitation, error)
	// Coupled returns, for each document of ids, up to limit documents
	// citing resolutions that it also cites, most shared resolutions first,
	// ties by id; each with up to evidence shared symbols. Limits as for
	// CoCited.
	Coupled(ctx context.Context, ids []string, limit, evidence int) (map[string][]Coupling, error)
	// ResolutionFacets breaks down the documents citing each resolution of
	// symbols (see Facets); an uncited one has empty facets.
	ResolutionFacets(ctx context.Context, symbols []string) (map[string]*Facets, error)
	// MostCitedBy returns, for each State of states, the resolutions most
	// cited by documents it authored, most first, ties by symbol, up to
	// limit (0..MaxPageSize, else EINVALID). A State of the reference tables
	// that authored no citing document maps to none (nil); a code outside
	// them is missing.
	MostCitedBy(ctx context.Context, states []string, limit int) (map[string][]ResolutionCount, error)
	// TopCited returns the resolutions of body ("" for all) most cited by
	// documents dated in year (0 for all years), most first, ties by symbol.
	TopCited(ctx context.Context, body string, year, limit int) ([]ResolutionCount, error)

	// Neighborhood expands breadth-first from the node id (see NodeID) for
	// up to depth levels, adding each level's new nodes in ID order and
	// stopping with Truncated set once limit nodes are reached.
	Neighborhood(ctx context.Context, id string, depth, limit int) (*Subgraph, error)
	// FilterSubgraph is the subgraph of the first limit documents matching
	// f (in ID order) and their direct neighbours, Truncated when more
	// documents matched.
	FilterSubgraph(ctx context.Context, f DocumentFilter, limit int) (*Subgraph, error)
	// Paths returns the shortest chains linking two nodes over the
	// relationships of the graph views, ignoring direction, no longer than
	// maxHops; none when farther. They are ordered by their node IDs, then
	// by their relationship types (two relationships between the same pair
	// make two paths), and at most MaxPaths are returned.
	Paths(ctx context.Context, from, to string, maxHops int) ([]Path, error)

	// Search returns the documents whose title or text contains every word
	// of query (case-insensitive, whole words), in ID order.
	Search(ctx context.Context, query string, p Page) ([]*Document, int, error)

	// Ping reports whether the store can answer queries.
	Ping(ctx context.Context) error
	Close(ctx context.Context) error
}
