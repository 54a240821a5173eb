package uncite

import (
	"cmp"
	"strings"
)

// CompareAgendaNumbers orders agenda item numbers as a reader of an agenda
// expects, not as text: by the number they start with (3 < 10 < 68), then
// by what follows it (68 < 68 (a) < 68 (b)); numbers that start with no
// digit come after all that do, by text. The empty number, which stands for
// no agenda item in Facets.BySession, comes first. Equal values compare 0
// and different ones never do, so the order is total and every store lists
// agenda items alike.
func CompareAgendaNumbers(a, b string) int {
	if a == "" || b == "" {
		return strings.Compare(a, b)
	}
	da, ra := leadingDigits(a)
	db, rb := leadingDigits(b)
	if (da == "") != (db == "") {
		if da == "" {
			return 1
		}
		return -1
	}
	// Compared as digit strings, not parsed, so that no length of number
	// can overflow: without leading zeros, the longer is the larger.
	za, zb := strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
	return cmp.Or(
		cmp.Compare(len(za), len(zb)),
		strings.Compare(za, zb),
		strings.Compare(strings.TrimSpace(ra), strings.TrimSpace(rb)),
		strings.Compare(a, b),
	)
}

// CompareSessionItemCounts is the order of Facets.BySession: most documents
// first, then by body, session and agenda item number (CompareAgendaNumbers).
func CompareSessionItemCounts(a, b SessionItemCount) int {
	return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Body, b.Body),
		cmp.Compare(a.Session, b.Session), CompareAgendaNumbers(a.AgendaItem, b.AgendaItem))
}

// leadingDigits splits s, leading spaces ignored, into the ASCII digits it
// starts with and the rest.
func leadingDigits(s string) (digits, rest string) {
	s = strings.TrimLeft(s, " ")
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return s[:i], s[i:]
}
