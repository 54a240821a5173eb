package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// schema is run statement by statement: Neo4j does not allow schema changes
// and data writes in one transaction. Each uniqueness constraint also gives
// the MERGE and lookup on its key an index.
var schema = []string{
	"CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT resolution_symbol IF NOT EXISTS FOR (n:Resolution) REQUIRE n.symbol IS UNIQUE",
	"CREATE CONSTRAINT state_code IF NOT EXISTS FOR (n:State) REQUIRE n.code IS UNIQUE",
	"CREATE CONSTRAINT body_code IF NOT EXISTS FOR (n:Body) REQUIRE n.code IS UNIQUE",
	"CREATE CONSTRAINT session_key IF NOT EXISTS FOR (n:Session) REQUIRE n.key IS UNIQUE",
	"CREATE CONSTRAINT agenda_item_key IF NOT EXISTS FOR (n:AgendaItem) REQUIRE n.key IS UNIQUE",
	// Loads that opened the database at the same time each marked their
	// migrations done before this constraint existed; one mark is kept.
	"MATCH (m:Migration) WITH m.name AS name, collect(m) AS marks WHERE size(marks) > 1 " +
		"UNWIND tail(marks) AS extra DELETE extra",
	// Concurrent first loads each run the migrations; their marks merge
	// into one under this constraint.
	"CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (n:Migration) REQUIRE n.name IS UNIQUE",
	// Document symbols are not unique (language versions share one), but
	// REFERS_TO links and resolution documents are found by symbol.
	"CREATE INDEX document_symbol IF NOT EXISTS FOR (n:Document) ON (n.symbol)",
	// The documents referring to a symbol (see linkReferrers).
	"CREATE TEXT INDEX document_references IF NOT EXISTS FOR (n:Document) ON (n.referenceKey)",
	// Date ranges (listings, TopCited of a year), body and author filters.
	"CREATE INDEX document_date IF NOT EXISTS FOR (n:Document) ON (n.date)",
	"CREATE INDEX document_body IF NOT EXISTS FOR (n:Document) ON (n.body)",
	// A State's documents, and a body's in a period, come from these
	// indexes with their ids: the count and the page's order read the
	// index alone, no document (the author index of earlier versions is
	// the first half of the new one).
	"DROP INDEX document_author IF EXISTS",
	"CREATE INDEX document_author_id IF NOT EXISTS FOR (n:Document) ON (n.author, n.id)",
	"CREATE INDEX document_body_date_id IF NOT EXISTS FOR (n:Document) ON (n.body, n.date, n.id)",
	"CREATE INDEX document_type IF NOT EXISTS FOR (n:Document) ON (n.type)",
	// Rankings by citation count read resolutions in the order of this
	// index and stop at the page's end instead of sorting them all.
	"CREATE INDEX resolution_citations IF NOT EXISTS FOR (n:Resolution) ON (n.citationCount)",
	// TopCited of one year reads that year's counters (see counters.go).
	"CREATE INDEX cited_in_year IF NOT EXISTS FOR ()-[c:CITED_IN_YEAR]-() ON (c.year)",
	// Writes find the co-citation count of a pair by this index rather than
	// among the hundreds of CO_CITED of a popular resolution (see
	// cocited.go).
	"CREATE INDEX co_cited_pair IF NOT EXISTS FOR ()-[c:CO_CITED]-() ON (c.symbol, c.partner)",
	// CoCited reads a resolution's counts in the order of this one.
	"CREATE INDEX co_cited_rank IF NOT EXISTS FOR ()-[c:CO_CITED]-() ON (c.symbol, c.count)",
	// A resolution's citing documents in id order, read lazily: the
	// evidence of a co-citation is the first few citing both resolutions,
	// found without sorting the thousands citing a popular one.
	"CREATE INDEX cites_in_order IF NOT EXISTS FOR ()-[c:CITES]-() ON (c.symbol, c.document)",
	"CREATE FULLTEXT INDEX " + wordsIndex + " IF NOT EXISTS FOR (n:Document) ON EACH [n.words] " +
		"OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}",
	// Indexes are built in the background; queries must not run before
	// they are online (a full-text query on a populating index fails).
	"CALL db.awaitIndexes(300)",
}

const seedBodies = `
UNWIND $bodies AS b
MERGE (n:Body {code: b.code})
SET n.name = b.name`

const seedStates = `
UNWIND $states AS s
MERGE (n:State {code: s.code})
SET n.name = s.name`

// prepare creates the schema and the nodes that exist whatever is loaded:
// every body and every State of the reference tables, and brings a database
// written by an earlier version up to date.
func (s *Store) prepare(ctx context.Context) error {
	for _, stmt := range schema {
		if _, err := s.query(ctx, stmt, nil, neo4j.Write); err != nil {
			return fmt.Errorf("creating schema: %w", err)
		}
	}
	codes := make([]string, 0, len(uncite.BodyNames))
	for code := range uncite.BodyNames {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	bodies := make([]map[string]any, len(codes))
	for i, code := range codes {
		bodies[i] = map[string]any{"code": code, "name": uncite.BodyNames[code]}
	}
	if _, err := s.query(ctx, seedBodies, map[string]any{"bodies": bodies}, neo4j.Write); err != nil {
		return fmt.Errorf("seeding bodies: %w", err)
	}
	var states []map[string]any
	for _, st := range refdata.States() {
		states = append(states, map[string]any{"code": st.Code, "name": st.Name})
	}
	if _, err := s.query(ctx, seedStates, map[string]any{"states": states}, neo4j.Write); err != nil {
		return fmt.Errorf("seeding states: %w", err)
	}
	return s.migrate(ctx)
}

// migrations bring a database written by an earlier version up to date,
// in order, each once: a (:Migration {name}) node marks it done, so that
// opening a large graph does not scan it every time. On an empty database
// they find nothing to change and only leave their marks. Each statement
// changes only what is not yet migrated, so one interrupted is run again
// safely. A migration whose changes the import files already hold
// (imported) is marked done by them: on the first open of an imported
// graph its scan would find nothing, after seconds.
var migrations = []struct {
	name     string
	imported bool
	stmts    []string
}{
	// Writes keep the citation count, body and counters of resolutions
	// since (see counters.go).
	{"counters", true, migrateCounters},
	// Writes give CITES the symbol and document id of cites_in_order since.
	{"citesInOrder", true, []string{`MATCH (d:Document)-[c:CITES]->(r:Resolution) WHERE c.document IS NULL
CALL (d, c, r) { SET c.symbol = r.symbol, c.document = d.id } IN TRANSACTIONS OF 10000 ROWS`}},
	// Writes keep the references of documents in referenceKey since.
	{"referenceKey", true, []string{`MATCH (d:Document) WHERE d.references IS NOT NULL AND d.referenceKey IS NULL
CALL (d) { SET d.referenceKey = reduce(key = '\n', ref IN d.references | key + ref + '\n') } IN TRANSACTIONS OF 10000 ROWS`}},
	// The import files cannot hold a list of one empty string (neo4j-admin
	// reads it as no value): the session counts of documents under no
	// agenda item (items [""], see counters.go) come without items, and
	// get them here. Writes never leave a session count without items.
	{"importedSessionItems", false, []string{`MATCH ()-[c:CITED_IN_SESSION]->() WHERE c.items IS NULL
CALL (c) { SET c.items = [''] } IN TRANSACTIONS OF 10000 ROWS`}},
	// Writes keep the symbols a document cites in cites since.
	{"documentCites", true, []string{`MATCH (d:Document) WHERE d.cites IS NULL AND EXISTS { (d)-[:CITES]->() }
CALL (d) { SET d.cites = COLLECT { MATCH (d)-[:CITES]->(r:Resolution) RETURN DISTINCT r.symbol AS s ORDER BY s } } IN TRANSACTIONS OF 10000 ROWS`}},
}

func (s *Store) migrate(ctx context.Context) error {
	recs, err := s.query(ctx, "MATCH (m:Migration) RETURN collect(m.name) AS done", nil, neo4j.Read)
	if err != nil {
		return fmt.Errorf("reading migrations: %w", err)
	}
	done := toStrings(get[[]any](recs[0], "done"))
	for _, m := range migrations {
		if slices.Contains(done, m.name) {
			continue
		}
		for _, stmt := range m.stmts {
			if err := s.autoCommit(ctx, stmt); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
		}
		if _, err := s.query(ctx, "MERGE (:Migration {name: $name})", map[string]any{"name": m.name}, neo4j.Write); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// deleteAll empties the database in chunks, so that a large graph does not
// have to fit in one transaction's memory: relationships first, as
// detaching a node cited ten thousand times would be one huge chunk.
var deleteAll = []string{
	"MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
	"MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
}

// Reset deletes every node and relationship and seeds the reference nodes
// again, keeping the schema: for tests, and for reloading a corpus from
// scratch.
func (s *Store) Reset(ctx context.Context) error {
	s = s.patient()
	for _, stmt := range deleteAll {
		if err := s.autoCommit(ctx, stmt); err != nil {
			return fmt.Errorf("neo4j: emptying the database: %w", err)
		}
	}
	return s.prepare(ctx)
}

// autoCommit runs a statement in an auto-commit transaction, the only kind
// CALL IN TRANSACTIONS runs in.
func (s *Store) autoCommit(ctx context.Context, cypher string) error {
	ctx, cancel, timeout := s.bound(ctx)
	defer cancel()
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer session.Close(context.Background())
	res, err := session.Run(ctx, cypher, nil, timeout)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	return s.fail(ctx, err)
}
