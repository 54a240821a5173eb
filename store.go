package uncite

import "context"

// MaxPageSize bounds every list request; larger requests are rejected, not
// clamped, so a client never silently receives less than it asked for.
const MaxPageSize = 200

// Page selects a window of an ordered list.
type Page struct {
	Offset int
	Limit  int
}

// DocumentFilter narrows a document listing; zero fields do not filter and
// set fields combine with AND.
type DocumentFilter struct {
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
	// leaves no stale relationship behind. The batch is atomic.
	WriteDocuments(ctx context.Context, docs []*Document) error

	// Document returns a document with its citations, mentions and agenda items.
	Document(ctx context.Context, id string) (*Document, error)
	// Documents returns one page of matching documents and the total number of matches.
	Documents(ctx context.Context, f DocumentFilter, p Page) ([]*Document, int, error)

	// Resolution looks a resolution up by canonical symbol; callers normalise
	// input with ParseResolutionSymbol first.
	Resolution(ctx context.Context, symbol string) (*Resolution, error)
	Resolutions(ctx context.Context, f ResolutionFilter, o ResolutionOrder, p Page) ([]*Resolution, int, error)

	// State looks a State up by alpha-3 code; every Member and observer State
	// exists, cited or not.
	State(ctx context.Context, code string) (*State, error)
	States(ctx context.Context, p Page) ([]*State, int, error)

	Session(ctx context.Context, body string, number int) (*Session, error)
	// AgendaItems lists a session's agenda items ordered by number.
	AgendaItems(ctx context.Context, body string, session int) ([]AgendaItem, error)

	// DocumentsByID, ResolutionsBySymbol and SessionsByKey fetch many nodes
	// in one call, for the GraphQL dataloaders; absent keys are left out of
	// the map.
	DocumentsByID(ctx context.Context, ids []string) (map[string]*Document, error)
	ResolutionsBySymbol(ctx context.Context, symbols []string) (map[string]*Resolution, error)
	SessionsByKey(ctx context.Context, keys []string) (map[string]*Session, error)

	// CoCited returns up to limit resolutions cited in the same documents
	// as symbol, most shared documents first, ties by symbol; each with up
	// to evidence document ids.
	CoCited(ctx context.Context, symbol string, limit, evidence int) ([]CoCitation, error)
	// Coupled returns up to limit documents citing resolutions that the
	// document id also cites, most shared resolutions first, ties by id;
	// each with up to evidence shared symbols.
	Coupled(ctx context.Context, id string, limit, evidence int) ([]Coupling, error)
	// ResolutionFacets breaks down the documents citing symbol (see Facets).
	ResolutionFacets(ctx context.Context, symbol string) (*Facets, error)
	// MostCitedBy returns the resolutions most cited by documents the State
	// authored, most first, ties by symbol.
	MostCitedBy(ctx context.Context, state string, limit int) ([]ResolutionCount, error)
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
