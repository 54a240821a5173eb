package extract

import (
	"slices"
	"strings"
)

// The list that follows the word "resolution" ("822 (1993), 853 (1993) and
// 874 (1993) of 29 July 1993") is read with a few small grammars, asked at
// every item of every list: as regexps they cost a tenth of the extraction,
// most of it in setting up each match. They are written out here instead:
// each is the regular expression given in its comment (citelist_test.go
// checks that they agree with it, match for match), read the way Go's
// regexp reads it, the first alternative that leads to a match winning.
// Each of their runs of digits, letters or spaces takes all it can, since
// giving back would leave a character that what follows cannot start with;
// so, but where said, no choice made is ever undone.

// itemMatch holds the submatch offsets of an item, as regexp gives them
// (pairs of offsets into the text read, -1 for a group that took no part).
type itemMatch [20]int

// matchItem reads one cited number at the start of s:
//
//	^(?:No\.\s?|n[°º]\s?|№\s?)?(?:
//	((?:ES|S)-\d{1,2}/\d{1,3})                 1: emergency or special session: ES-10/24, S-30/1
//	|(\d{1,4})/(\d{1,4})                        2, 3: session/number or year/number
//	|(\d{1,4})(?:\s?[A-Z](?:\s(?:and|to|et|y|и)\s[A-Z])?)?\s?[(（]\s?
//	  (?:(\d{4})|((?:ES|S)-)?([IVXL]{1,7})|د\s?[-–]\s?(\d{1,2}))\s?[)）]
//	                                             4: number; 5: year; 6, 7: roman session; 8: Arabic session
//	|(\d{1,4})\b)                               9: bare number
func matchItem(s string) (itemMatch, bool) {
	var m itemMatch
	for k := range m {
		m[k] = -1
	}
	p := 0
	for _, prefix := range numberSigns {
		if strings.HasPrefix(s, prefix) {
			p = len(prefix)
			if p < len(s) && isRegexpSpace(s[p]) {
				p++
			}
			break
		}
	}
	m[0] = 0
	// An emergency or special session: ES-10/24.
	if q := sessionPrefixEnd(s, p); q > p {
		if d := digitsEnd(s, q, 2); d > q && d < len(s) && s[d] == '/' {
			if e := digitsEnd(s, d+1, 3); e > d+1 {
				m[1], m[2], m[3] = e, p, e
				return m, true
			}
		}
	}
	a := digitsEnd(s, p, 4)
	if a == p {
		return m, false
	}
	// session/number or year/number: 78/1, 1996/31.
	if a < len(s) && s[a] == '/' {
		if b := digitsEnd(s, a+1, 4); b > a+1 {
			m[1], m[4], m[5], m[6], m[7] = b, p, a, a+1, b
			return m, true
		}
	}
	// A number and its year or session in brackets, a letter part between
	// them: with the letter part's second letter, with its first only,
	// without it, in that order.
	var starts [3]int
	n := 0
	if q := a; q < len(s) {
		if isRegexpSpace(s[q]) {
			q++
		}
		if q < len(s) && isUpperASCII(s[q]) {
			q++
			if r, ok := secondLetterEnd(s, q, true); ok {
				starts[n] = r
				n++
			}
			starts[n] = q
			n++
		}
	}
	starts[n] = a
	n++
	for _, r := range starts[:n] {
		if end, ok := matchBracketed(s, r, &m); ok {
			m[1], m[8], m[9] = end, p, a
			return m, true
		}
	}
	// A bare number.
	if a == len(s) || !isRegexpWordByte(s[a]) {
		m[1], m[18], m[19] = a, p, a
		return m, true
	}
	return m, false
}

// matchBracketed reads, at s[i:], the bracket after a number:
//
//	\s?[(（]\s?(?:(\d{4})|((?:ES|S)-)?([IVXL]{1,7})|د\s?[-–]\s?(\d{1,2}))\s?[)）]
//
// and returns where it ends, setting groups 5 to 8 of m.
func matchBracketed(s string, i int, m *itemMatch) (int, bool) {
	if i < len(s) && isRegexpSpace(s[i]) {
		i++
	}
	i, ok := prefixEnd(s, i, "(", "（")
	if !ok {
		return 0, false
	}
	if i < len(s) && isRegexpSpace(s[i]) {
		i++
	}
	// A year.
	if d := digitsEnd(s, i, 4); d == i+4 {
		if end, ok := closingBracketEnd(s, d); ok {
			m[10], m[11] = i, d
			return end, true
		}
	}
	// A session in Roman numerals.
	q := sessionPrefixEnd(s, i)
	r := q
	for r < len(s) && r-q < 7 && strings.IndexByte("IVXL", s[r]) >= 0 {
		r++
	}
	if r > q {
		if end, ok := closingBracketEnd(s, r); ok {
			if q > i {
				m[12], m[13] = i, q
			}
			m[14], m[15] = q, r
			return end, true
		}
	}
	// An Arabic session number: "د-41".
	if strings.HasPrefix(s[i:], "د") {
		j := i + len("د")
		if j < len(s) && isRegexpSpace(s[j]) {
			j++
		}
		j, ok := prefixEnd(s, j, "-", "–")
		if !ok {
			return 0, false
		}
		if j < len(s) && isRegexpSpace(s[j]) {
			j++
		}
		if d := digitsEnd(s, j, 2); d > j {
			if end, ok := closingBracketEnd(s, d); ok {
				m[16], m[17] = j, d
				return end, true
			}
		}
	}
	return 0, false
}

// closingBracketEnd reads `\s?[)）]` at s[i:].
func closingBracketEnd(s string, i int) (int, bool) {
	if i < len(s) && isRegexpSpace(s[i]) {
		i++
	}
	return prefixEnd(s, i, ")", "）")
}

// sessionPrefixEnd reads `(?:ES|S)-` at s[i:]; i when it is not there.
func sessionPrefixEnd(s string, i int) int {
	i, _ = prefixEnd(s, i, "ES-", "S-")
	return i
}

// secondLetterEnd reads the second letter of a letter part at s[i:]:
// `\s(?:and|to|et|y|и)\s[A-Z]`, without "и" unless cyrillic is set.
func secondLetterEnd(s string, i int, cyrillic bool) (int, bool) {
	if i >= len(s) || !isRegexpSpace(s[i]) {
		return 0, false
	}
	for _, w := range [...]string{"and", "to", "et", "y", "и"} {
		if w == "и" && !cyrillic {
			break
		}
		if j := i + 1 + len(w); strings.HasPrefix(s[i+1:], w) && j+1 < len(s) && isRegexpSpace(s[j]) && isUpperASCII(s[j+1]) {
			return j + 2, true
		}
	}
	return 0, false
}

// letterPartEnd reads the letter part after a session/number at the start
// of s ("54/237 C", "49/233 A and B"): `^\s[A-Z](?:\s(?:and|to|et|y)\s[A-Z])?\b`.
func letterPartEnd(s string) (int, bool) {
	if len(s) < 2 || !isRegexpSpace(s[0]) || !isUpperASCII(s[1]) {
		return 0, false
	}
	if j, ok := secondLetterEnd(s, 2, false); ok && (j == len(s) || !isRegexpWordByte(s[j])) {
		return j, true
	}
	if len(s) == 2 || !isRegexpWordByte(s[2]) {
		return 2, true
	}
	return 0, false
}

// itemDateEnd reads the adoption date that may follow a number at the start
// of s:
//
//	^,?\s(?:of|du|de|del|от|المؤرخ|المؤرخة|adopted on|adoptée le)\s\d{1,2}(?:er|º)?\s
//	(?:de\s)?[\p{L}/]+(?:\s(?:de\s)?\d{4}(?:\sгода|\sг\.)?)?
//
// The one choice undone: "de" before the month is the month where no
// letter follows it.
func itemDateEnd(s string) (int, bool) {
	i, ok := commaSpaceEnd(s)
	if !ok {
		return 0, false
	}
	word := false
	for _, w := range itemDateWords {
		if j := i + len(w); strings.HasPrefix(s[i:], w) && j < len(s) && isRegexpSpace(s[j]) {
			i, word = j+1, true
			break
		}
	}
	if !word {
		return 0, false
	}
	d := digitsEnd(s, i, 2)
	if d == i {
		return 0, false
	}
	i = d
	for _, suffix := range [...]string{"er", "º"} {
		if strings.HasPrefix(s[i:], suffix) {
			i += len(suffix)
			break
		}
	}
	if i >= len(s) || !isRegexpSpace(s[i]) {
		return 0, false
	}
	i++
	end := i
	if j := i + 2; strings.HasPrefix(s[i:], "de") && j < len(s) && isRegexpSpace(s[j]) {
		end = letterSlashRunEnd(s, j+1)
		if end == j+1 {
			end = i
		}
	}
	if end == i {
		if end = letterSlashRunEnd(s, i); end == i {
			return 0, false
		}
	}
	return itemYearEnd(s, end), true
}

// itemYearEnd reads the year that may follow the month at s[end:] in
// itemDateEnd's pattern, `(?:\s(?:de\s)?\d{4}(?:\sгода|\sг\.)?)?`, and
// returns where the date ends.
func itemYearEnd(s string, end int) int {
	if end >= len(s) || !isRegexpSpace(s[end]) {
		return end
	}
	y := end + 1
	if j := y + 2; strings.HasPrefix(s[y:], "de") && j < len(s) && isRegexpSpace(s[j]) {
		y = j + 1
	}
	if digitsEnd(s, y, 4) != y+4 {
		return end
	}
	y += 4
	if y < len(s) && isRegexpSpace(s[y]) {
		for _, suffix := range yearSuffixes {
			if strings.HasPrefix(s[y+1:], suffix) {
				return y + 1 + len(suffix)
			}
		}
	}
	return y
}

// letterSlashRunEnd returns the end of the run of letters (\p{L}) and
// slashes that starts at s[i].
func letterSlashRunEnd(s string, i int) int {
	for i < len(s) {
		if s[i] == '/' {
			i++
		} else if n := letterAt(s, i); n > 0 {
			i += n
		} else {
			break
		}
	}
	return i
}

// footnoteEnd reads a footnote mark that PDF text glues to a number or date
// ("of 23 March 201810 and", "2013,2 27/21") at the start of s:
// `^(?:,\d{1,3}| ?\d{1,3})\b`.
func footnoteEnd(s string) (int, bool) {
	i := 0
	if len(s) > 0 && (s[0] == ',' || s[0] == ' ') {
		i = 1
	}
	d := digitsEnd(s, i, 3)
	if d == i || d < len(s) && isRegexpWordByte(s[d]) {
		return 0, false
	}
	return d, true
}

// The words of the vocabularies that the readers below look for. The
// regular expressions in their comments spell them out as they were when
// the readers were written; citelist_test.go checks the two agree.
var (
	// What joins the numbers of a list: after a comma, and on their own.
	listWordsAfterComma = wordList(func(v *vocabulary) []string { return v.listAnd })
	listWords           = wordList(func(v *vocabulary) []string { return append(slices.Clip(v.listAnd), v.listOr...) })
	numberSigns         = wordList(func(v *vocabulary) []string { return v.numberSigns })
	itemDateWords       = wordList(func(v *vocabulary) []string { return v.itemDateWords })
	yearSuffixes        = wordList(func(v *vocabulary) []string { return v.yearSuffixes })
	bodyAfterLeads      = wordList(func(v *vocabulary) []string { return v.bodyAfterLeads })
)

// listSepEnd reads what joins the numbers of a list at the start of s:
//
//	^(?: ?[,،] ?(?:(?:and|et|y|e|и|as well as|ainsi que|así como|а также) |و ?)?
//	| (?:and|et|y|e|и|or|ou|o|или|as well as|ainsi que|así como|а также) | ?و ?)
//
// Paragraphs end at a newline, which no separator crosses.
func listSepEnd(s string) (int, bool) {
	lead := 0
	if len(s) > 0 && s[0] == ' ' {
		lead = 1
	}
	// A comma, and what may follow it.
	if i := lead; strings.HasPrefix(s[i:], ",") || strings.HasPrefix(s[i:], "،") {
		if s[i] == ',' {
			i++
		} else {
			i += len("،")
		}
		if i < len(s) && s[i] == ' ' {
			i++
		}
		for _, w := range listWordsAfterComma {
			if j := i + len(w); strings.HasPrefix(s[i:], w) && j < len(s) && s[j] == ' ' {
				return j + 1, true
			}
		}
		if strings.HasPrefix(s[i:], "و") {
			i += len("و")
			if i < len(s) && s[i] == ' ' {
				i++
			}
		}
		return i, true
	}
	// A word between spaces.
	if lead == 1 {
		for _, w := range listWords {
			if j := 1 + len(w); strings.HasPrefix(s[1:], w) && j < len(s) && s[j] == ' ' {
				return j + 1, true
			}
		}
	}
	// The Arabic "and".
	if i := lead; strings.HasPrefix(s[i:], "و") {
		i += len("و")
		if i < len(s) && s[i] == ' ' {
			i++
		}
		return i, true
	}
	return 0, false
}

// bodyAfterLeadEnd reads what stands between the numbers and the body
// named after them ("of the General Assembly", "du Conseil de sécurité") at
// the start of s: `^,?\s(?:of the |du |de la |del |de l['’]|des |adopted by the |adoptée par l['’]|)`.
func bodyAfterLeadEnd(s string) (int, bool) {
	i, ok := commaSpaceEnd(s)
	if !ok {
		return 0, false
	}
	for _, w := range bodyAfterLeads {
		if strings.HasPrefix(s[i:], w) {
			return i + len(w), true
		}
	}
	return i, true
}

// digitsEnd returns the end of the run of at most max ASCII digits that
// starts at s[i].
func digitsEnd(s string, i, max int) int {
	j := i
	for j < len(s) && j-i < max && isDigit(s[j]) {
		j++
	}
	return j
}

func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }

// commaSpaceEnd reads the `^,?\s` that opens a date or a body after the
// numbers of a list.
func commaSpaceEnd(s string) (int, bool) {
	i := 0
	if i < len(s) && s[i] == ',' {
		i++
	}
	if i >= len(s) || !isRegexpSpace(s[i]) {
		return 0, false
	}
	return i + 1, true
}

// prefixEnd returns where the first of alts that s[i:] starts with ends,
// or i and false when none does: the alternations of single tokens in the
// patterns above.
func prefixEnd(s string, i int, alts ...string) (int, bool) {
	for _, a := range alts {
		if strings.HasPrefix(s[i:], a) {
			return i + len(a), true
		}
	}
	return i, false
}
