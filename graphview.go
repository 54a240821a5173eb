package uncite

import (
	"cmp"
	"slices"
	"strings"
)

// Node kinds of the graph views (neighbourhoods, paths, exports). Bodies
// are left out of these views: every resolution and session hangs off one
// of five Body nodes, so through them everything would be two hops apart.
const (
	KindDocument   = "Document"
	KindResolution = "Resolution"
	KindState      = "State"
	KindSession    = "Session"
	KindAgendaItem = "AgendaItem"
)

// Relationship types of the graph views, as in Neo4j.
const (
	RelSubmittedBy = "SUBMITTED_BY" // Document → State
	RelMentions    = "MENTIONS"     // Document → State {count}
	RelInSession   = "IN_SESSION"   // Document → Session, AgendaItem → Session
	RelUnderItem   = "UNDER_ITEM"   // Document → AgendaItem
	RelCites       = "CITES"        // Document → Resolution {count}
	RelRefersTo    = "REFERS_TO"    // Document → Document whose symbol it cites
)

// Limits of the graph views; requests past them are rejected, not clamped.
const (
	MaxNeighborhoodDepth = 3
	MaxNeighborhoodLimit = 1000
	MaxPathHops          = 6
	MaxPaths             = 10
)

// ValidateNeighborhood rejects a neighbourhood's depth or node limit past
// the limits above; every store calls it so that all answer alike.
func ValidateNeighborhood(depth, limit int) error {
	if depth < 0 || depth > MaxNeighborhoodDepth || limit < 1 || limit > MaxNeighborhoodLimit {
		return Errorf(EINVALID, "depth %d, limit %d: the depth must be between 0 and %d and the limit between 1 and %d",
			depth, limit, MaxNeighborhoodDepth, MaxNeighborhoodLimit)
	}
	return nil
}

// ValidateSubgraphLimit rejects a limit outside 1 to MaxNeighborhoodLimit:
// a filter subgraph's documents, or an export's nodes or documents.
func ValidateSubgraphLimit(limit int) error {
	if limit < 1 || limit > MaxNeighborhoodLimit {
		return Errorf(EINVALID, "limit must be between 1 and %d, got %d", MaxNeighborhoodLimit, limit)
	}
	return nil
}

// ValidatePathHops rejects a path search's maxHops outside 0 to MaxPathHops.
func ValidatePathHops(maxHops int) error {
	if maxHops < 0 || maxHops > MaxPathHops {
		return Errorf(EINVALID, "maxHops %d: must be between 0 and %d", maxHops, MaxPathHops)
	}
	return nil
}

// NodeID builds the global ID of a node of the graph views: "Kind:key"
// (keys match exactly: "State:aze" is not "State:AZE"),
// where key is a Document id, Resolution symbol, State code, Session key
// ("HRC-43") or AgendaItem key ("HRC-43-4"). A document that is itself a
// resolution is one node, identified as the Resolution.
func NodeID(kind, key string) string { return kind + ":" + key }

// SplitNodeID splits a global node ID into kind and key.
func SplitNodeID(id string) (kind, key string, err error) {
	kind, key, ok := strings.Cut(id, ":")
	switch {
	case !ok || key == "":
	case kind == KindDocument, kind == KindResolution, kind == KindState, kind == KindSession, kind == KindAgendaItem:
		return kind, key, nil
	}
	return "", "", Errorf(EINVALID, "%q is not a node id: expected Kind:key with Kind one of Document, Resolution, State, Session, AgendaItem (e.g. %q)", id, "Resolution:S/RES/822 (1993)")
}

// AgendaItemKey builds the key of an agenda item of a session.
func AgendaItemKey(body string, session int, number string) string {
	return SessionKey(body, session) + "-" + number
}

// NodeLabel is the Label of a node of kind with key and the properties
// listed under Node: a State's name, a Document's symbol (its id when it
// has none), the key of the others.
func NodeLabel(kind, key string, properties map[string]any) string {
	var label string
	switch kind {
	case KindState:
		label, _ = properties["name"].(string)
	case KindDocument:
		label, _ = properties["symbol"].(string)
	}
	return cmp.Or(label, key)
}

// Node is a node of a graph view. Properties hold only set values, with the
// same names and JSON types on every store:
//   - Document: id, symbol, title, type, date, body
//   - Resolution: symbol, body, number, year, title, date, known, and
//     document (its id) when the resolution's text is loaded
//   - State: code, name
//   - Session: body, number, startDate, endDate
//   - AgendaItem: body, session, number, title
type Node struct {
	ID         string
	Kind       string
	Label      string // short display text: symbol, id, name or key
	Properties map[string]any
}

// Edge is a relationship of a graph view; CITES and MENTIONS carry their
// count in Properties, which is an empty map (never nil) for the others.
type Edge struct {
	Source     string
	Target     string
	Type       string
	Properties map[string]any
}

// NewEdge builds the edge of type typ from source to target; CITES and
// MENTIONS carry count, the other types nothing.
func NewEdge(source, target, typ string, count int) Edge {
	e := Edge{Source: source, Target: target, Type: typ, Properties: map[string]any{}}
	if typ == RelCites || typ == RelMentions {
		e.Properties["count"] = count
	}
	return e
}

// SortEdges puts the edges of a Subgraph in its order: by source, type and
// target.
func SortEdges(edges []Edge) {
	slices.SortFunc(edges, func(a, b Edge) int {
		return cmp.Or(strings.Compare(a.Source, b.Source), strings.Compare(a.Type, b.Type), strings.Compare(a.Target, b.Target))
	})
}

// ID names the edge by its ends and type, "Document:X -CITES-> Resolution:Y":
// unique in any view (parallel relationships differ in type) and the same
// in every view, so that a front end merging two neighbourhoods keeps one
// copy of each edge.
func (e Edge) ID() string { return e.Source + " -" + e.Type + "-> " + e.Target }

// Subgraph is a drawable piece of the graph. Nodes come in breadth-first
// order (the start first, then each level sorted by ID); Edges are every
// relationship among the nodes, sorted by source, type and target.
type Subgraph struct {
	Nodes     []Node
	Edges     []Edge
	Truncated bool // the node limit cut the expansion short
}

// Path is one chain of relationships; Edges[i] links Nodes[i] and
// Nodes[i+1], in either direction. Paths with the same nodes over parallel
// relationships sort by relationship type, first hop first.
type Path struct {
	Nodes []Node
	Edges []Edge
}

// PathsAlong lists the paths through nodes, one for each choice of edge at
// each hop (hops[i] holds the edges between nodes[i] and nodes[i+1]), at
// most max of them, in the order Path promises: each hop's edges sorted by
// type, then source (in place), the last hop's choice changing first;
// none when a hop has no edge.
func PathsAlong(nodes []Node, hops [][]Edge, max int) []Path {
	for _, h := range hops {
		if len(h) == 0 {
			return nil
		}
		slices.SortFunc(h, func(a, b Edge) int {
			return cmp.Or(strings.Compare(a.Type, b.Type), strings.Compare(a.Source, b.Source))
		})
	}
	var paths []Path
	choice := make([]int, len(hops))
	for len(paths) < max {
		edges := make([]Edge, len(hops))
		for i, c := range choice {
			edges[i] = hops[i][c]
		}
		paths = append(paths, Path{Nodes: nodes, Edges: edges})
		i := len(choice) - 1
		for ; i >= 0; i-- {
			if choice[i]++; choice[i] < len(hops[i]) {
				break
			}
			choice[i] = 0
		}
		if i < 0 {
			break
		}
	}
	return paths
}

// CoCitation is a resolution cited in the same documents as another.
type CoCitation struct {
	Symbol    string
	Count     int      // documents citing both
	Documents []string // up to the requested number of their ids, sorted
}

// Coupling is a document citing some of the same resolutions as another.
type Coupling struct {
	DocumentID string
	Count      int      // resolutions both cite
	Shared     []string // up to the requested number of their symbols, sorted
}

// ResolutionCount is a resolution with a number of citing documents.
type ResolutionCount struct {
	Symbol string
	Count  int
}

// YearCount counts citing documents dated in a year.
type YearCount struct {
	Year  int
	Count int
}

// StateCount counts citing documents authored by a State.
type StateCount struct {
	State string
	Count int
}

// SessionItemCount counts citing documents of a session under an agenda
// item ("" for documents of the session with no item).
type SessionItemCount struct {
	Body       string
	Session    int
	AgendaItem string
	Count      int
}

// Facets break down the documents citing one resolution. Counts are of
// distinct documents: ByYear by the year of their date (undated ones left
// out), ascending; ByState by author (authorless left out), most first;
// BySession by session and agenda item, most first, ties as
// CompareSessionItemCounts orders them. Other ties sort by key.
type Facets struct {
	ByYear    []YearCount
	ByState   []StateCount
	BySession []SessionItemCount
}
