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

// searchWords gives the distinct words of a query, as documents are
// split into words.
func searchWords(query string) ([]string, error) {
	words := uncite.Words(query)
	if len(words) == 0 {
		return nil, uncite.Errorf(uncite.EINVALID, "search needs at least one word")
	}
	slices.Sort(words)
	return slices.Compact(words), nil
}

// luceneQuery requires every word, each quoted so that no word is read as
// an operator. Words hold only letters and digits; the escape keeps the
// syntax intact should that ever change.
func luceneQuery(words []string) string {
	escape := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	terms := make([]string, len(words))
	for i, w := range words {
		terms[i] = `"` + escape.Replace(w) + `"`
	}
	return strings.Join(terms, " AND ")
}

// A word common enough matches a large part of the corpus, and sorting all
// its matches by ID costs more than reading the documents in ID order
// until the page is full: with a share f of documents matching, a page
// ending at offset+limit takes about (offset+limit)/f of them. Search reads
// in ID order when at least 1 in scanShare documents matches and the page
// ends within scanWindow; a variable so that tests can force either way.
var scanShare, scanWindow = 8, 1000

// Search returns one page of the documents containing every word of query,
// in ID order, and the number of all of them. The full-text index counts
// them, and gives the page by sorting them unless the query is common
// enough to read the page in ID order instead (see scanShare), which is
// then a second query.
func (s *Store) Search(ctx context.Context, query string, p uncite.Page) ([]*uncite.Document, int, error) {
	if err := p.Validate(); err != nil {
		return nil, 0, err
	}
	words, err := searchWords(query)
	if err != nil {
		return nil, 0, err
	}
	// The words property holds the document's words joined by single
	// spaces, as the index reads them: a word is in it when it stands
	// between spaces once the property is wrapped in spaces.
	needles := make([]string, len(words))
	for i, w := range words {
		needles[i] = " " + w + " "
	}
	params := map[string]any{"query": luceneQuery(words), "needles": needles, "offset": p.Offset, "limit": p.Limit,
		"share": scanShare, "scan": p.Offset+p.Limit <= scanWindow}
	const sorted = `
CALL db.index.fulltext.queryNodes('` + wordsIndex + `', $query) YIELD node
WITH collect(node) AS found
WITH found, $scan AND size(found) * $share >= COUNT { (:Document) } AS scan
CALL (found, scan) {
  WITH found WHERE NOT scan
  UNWIND found AS d
  WITH d ORDER BY d.id SKIP $offset LIMIT $limit
  RETURN collect(` + documentProjection + `) AS page
}
RETURN size(found) AS total, scan, page`
	recs, err := s.query(ctx, sorted, params, neo4j.Read)
	if err != nil {
		return nil, 0, fmt.Errorf("neo4j: searching %q: %w", query, err)
	}
	total, page := int(get[int64](recs[0], "total")), get[[]any](recs[0], "page")
	if get[bool](recs[0], "scan") {
		const scanned = `
MATCH (d:Document) WHERE d.id IS NOT NULL AND all(w IN $needles WHERE (' ' + d.words + ' ') CONTAINS w)
WITH d ORDER BY d.id SKIP $offset LIMIT $limit
RETURN collect(` + documentProjection + `) AS page`
		if recs, err = s.query(ctx, scanned, params, neo4j.Read); err != nil {
			return nil, 0, fmt.Errorf("neo4j: searching %q: %w", query, err)
		}
		page = get[[]any](recs[0], "page")
	}
	var docs []*uncite.Document
	for _, m := range page {
		docs = append(docs, toDocument(m.(map[string]any)))
	}
	return docs, total, nil
}
