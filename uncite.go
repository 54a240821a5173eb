// Package uncite holds the domain of the UN citation graph: documents, the
// resolutions they cite, the States, sessions and agenda items they link to,
// and the Store contract that every storage back end implements.
//
// The root package depends on nothing but the standard library; each
// dependency (Neo4j, the in-memory store, gqlgen, HTTP) lives in a package
// of its own that implements or consumes these types.
package uncite

import "strconv"

// Body codes of the UN organs whose documents and resolutions are modelled.
const (
	BodyGA     = "GA"
	BodySC     = "SC"
	BodyHRC    = "HRC"
	BodyECOSOC = "ECOSOC"
	BodyCHR    = "CHR"
)

// BodyNames gives each body code its English name.
var BodyNames = map[string]string{
	BodyGA:     "General Assembly",
	BodySC:     "Security Council",
	BodyHRC:    "Human Rights Council",
	BodyECOSOC: "Economic and Social Council",
	BodyCHR:    "Commission on Human Rights",
}

// Document is one UN document as read from one file.
type Document struct {
	ID           string // stable identity: the symbol (with a language tag outside English) or the file name
	Symbol       string // the document's own UN symbol, "" when none is known
	Title        string
	Type         string // "resolution", "note verbale", "letter", "report", ...
	Date         string // ISO 8601 date, "" when unknown
	Languages    []string
	Body         string // body code, "" when unknown
	Session      int    // 0 when the document states none
	SessionStart string // ISO dates of the session, "" when unknown
	SessionEnd   string
	AgendaItems  []AgendaItem
	Author       string // ISO 3166-1 alpha-3 of the one State that wrote it, "" when none
	Mentions     []Mention
	Citations    []Citation
	References   []string // symbols of other (non-resolution) documents cited in the text
	File         string   // base name of the source file
	SHA256       string   // hex digest of the source bytes; a changed file replaces the document
	// Text is the decoded text, kept for full-text search; it is not
	// returned by Store reads, which would otherwise carry megabytes per page.
	Text string
}

// SessionKey returns the key of the document's session, or "" when it has none.
func (d *Document) SessionKey() string {
	if d.Body == "" || d.Session == 0 {
		return ""
	}
	return SessionKey(d.Body, d.Session)
}

// Year is the year of the document's ISO date, 0 when the date does not
// start with one; both stores count citations by it (see Facets, TopCited).
func (d *Document) Year() int {
	if len(d.Date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(d.Date[:4])
	if err != nil || y <= 0 {
		return 0
	}
	return y
}

// Mention counts how often a State is named in a document.
type Mention struct {
	State string // alpha-3
	Count int
}

// Citation is a document's citation of one resolution, with its evidence.
type Citation struct {
	Symbol    string // canonical resolution symbol, e.g. "S/RES/822 (1993)"
	Body      string
	Number    string // the number as the body writes it: "822", "60/251", "ES-11/1"
	Year      int    // 0 when the symbol does not carry it
	Count     int
	Contexts  []string // the sentences the citation stands in
	Verbs     []string // clause verbs that introduce it ("Recalling"), where the text has them
	Operative bool     // true when any occurrence is in an operative paragraph

	// Resolution is the cited resolution when a read carried it with the
	// citation (a store's when a DocumentQuery asks, see CitedQuery, or
	// the GraphQL resolvers' symbol alone); nil otherwise.
	Resolution *Resolution
}

// AgendaItem is an item of a session's agenda.
type AgendaItem struct {
	Number string // as written: "4", "68 (b)"
	Title  string
}

// Resolution is a resolution node: cited by documents, possibly itself a document.
type Resolution struct {
	Symbol        string
	Body          string
	Number        string
	Year          int
	Title         string // from the reference tables or the loaded document
	Date          string
	Known         bool // listed in the bundled reference tables
	CitationCount int  // number of distinct documents citing it

	// CitedBy is a page of the documents citing it when a read fetched
	// it with the resolution: a store's, by id, on a citation's
	// Resolution when a DocumentQuery asks (see CitedQuery), or the
	// GraphQL resolver's for its citedBy field; nil otherwise.
	CitedBy *DocumentPage
	// CoCited is its co-citation ranking when a ResolutionQuery asked
	// for it, nil otherwise.
	CoCited *CoCitedRanking
}

// State is a UN Member State or observer State.
type State struct {
	Code string // ISO 3166-1 alpha-3
	Name string // English short name
}

// Session is a numbered session of a body.
type Session struct {
	Body      string
	Number    int
	StartDate string
	EndDate   string
}

// Key returns the session's key ("HRC-43").
func (s *Session) Key() string { return SessionKey(s.Body, s.Number) }

// SessionAgendaItem is an agenda item together with the session it belongs to.
type SessionAgendaItem struct {
	AgendaItem
	Body    string
	Session int
}
