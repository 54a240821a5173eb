package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
)

// wordsIndex is the full-text index over the words property of documents:
// uncite.Words of the title and text joined by spaces, analysed by
// whitespace only, so that the index holds exactly the words memstore
// matches and a query term matches exactly those.
const wordsIndex = "document_words"

// documentWords is the value of a document's words property.
func documentWords(d *uncite.Document) string {
	return strings.Join(uncite.Words(d.Title+" "+d.Text), " ")
}

// searchQuery turns a query into Lucene syntax: every word required, each
// quoted so that no word is read as an operator. Words hold only letters
// and digits; the escape keeps the syntax intact should that ever change.
func searchQuery(query string) (string, error) {
	words := uncite.Words(query)
	if len(words) == 0 {
		return "", uncite.Errorf(uncite.EINVALID, "search needs at least one word")
	}
	slices.Sort(words)
	words = slices.Compact(words)
	escape := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	terms := make([]string, len(words))
	for i, w := range words {
		terms[i] = `"` + escape.Replace(w) + `"`
	}
	return strings.Join(terms, " AND "), nil
}

// Search returns one page of the documents containing every word of query,
// in ID order, and the number of all of them, in one query.
func (s *Store) Search(ctx context.Context, query string, p uncite.Page) ([]*uncite.Document, int, error) {
	if err := checkPage(p); err != nil {
		return nil, 0, err
	}
	lucene, err := searchQuery(query)
	if err != nil {
		return nil, 0, err
	}
	const cypher = `
CALL db.index.fulltext.queryNodes('` + wordsIndex + `', $query) YIELD node
WITH collect(node) AS found
CALL (found) {
  UNWIND found AS d
  WITH d ORDER BY d.id SKIP $offset LIMIT $limit
  RETURN collect(` + documentProjection + `) AS page
}
RETURN size(found) AS total, page`
	recs, err := s.query(ctx, cypher, map[string]any{"query": lucene, "offset": p.Offset, "limit": p.Limit}, neo4j.Read)
	if err != nil {
		return nil, 0, fmt.Errorf("neo4j: searching %q: %w", query, err)
	}
	var docs []*uncite.Document
	for _, m := range get[[]any](recs[0], "page") {
		docs = append(docs, toDocument(m.(map[string]any)))
	}
	return docs, int(get[int64](recs[0], "total")), nil
}
