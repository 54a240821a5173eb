package uncite

import (
	"strings"
	"unicode"
)

// Words splits text into the lower-cased words that full-text search
// matches: maximal runs of letters and digits. Both stores index exactly
// these words (Neo4j through a whitespace-analysed field holding them), so
// a search finds the same documents on either.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
