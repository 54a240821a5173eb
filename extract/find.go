package extract

import (
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/internal/prefilter"
)

// Stage 2, find: where the flowed text cites a resolution. The word
// "resolution" in any language (resolutionWords) and the list of numbers
// after it (appendList, with the grammars of citelist.go), a Chinese list
// before 号决议, a symbol written out. Each list is handed to stage 3 as
// it is found, so that a list can lend its body to the next.

var (
	// The word "resolution" in every language, with plural and case forms
	// and the Arabic clitics ("وبالقرار", "للقرارات").
	reResolutionWord = regexp.MustCompile(alternation(func(v *vocabulary) string { return v.resolution.re }))

	// Citations in an appendix of another document ("A/56/1026, annex II,
	// resolution 14/221", "chap. I, resolution 1") are that document's
	// resolutions (a regional organisation's, a conference's), not the UN's.
	reLocatorBefore = regexp.MustCompile(`(?:` + alternation(func(v *vocabulary) string { return v.locatorRe }) + `),\s?$`)
	// Further numbers of the same list after a descriptive clause ("1514 (XV)
	// of 14 December 1960, containing the Declaration ..., 1541 (XV) of ...").
	// Only forms that cannot be anything but a resolution qualify.
	reContinuation  = regexp.MustCompile(`(?:,\s|\s(?:` + continuationAnd + `)\s|,\s(?:` + continuationAnd + `)\s|\s(?:` + nameAlternation(func(v *vocabulary) string { return v.continuationPhrase }) + `)\s)(?:\d{1,4}\s\((?:\d{4}|[IVXL]{1,7})\)|\d{1,3}/\d{1,4}\s(?:of\s\d|on\s))`)
	continuationAnd = nameAlternation(func(v *vocabulary) string { return v.continuationAnd })
	// Names of the organs in every language; the group says which.
	reBodyName = bodyNamePattern()

	// Chinese writes the numbers before the word: 第1267(1999)和第1989(2011)号决议.
	reChinese     = regexp.MustCompile(`((?:第\s*(?:(?:ES|S)-)?\d{1,4}(?:/\d{1,4})?\s*(?:[(（]\s*(?:\d{4}|(?:S-)?[IVXL]{1,7})\s*[)）])?\s*[、和及与,，]\s*)*第\s*(?:(?:ES|S)-)?\d{1,4}(?:/\d{1,4})?\s*(?:[(（]\s*(?:\d{4}|(?:S-)?[IVXL]{1,7})\s*[)）])?)\s*号决议`)
	reChineseItem = regexp.MustCompile(`第\s*(?:((?:ES|S)-\d{1,2}/\d{1,3})|(\d{1,4})/(\d{1,4})|(\d{1,4})\s*(?:[(（]\s*(?:(\d{4})|(S-)?([IVXL]{1,7}))\s*[)）])?)`)

	// Resolution symbols written out.
	reResolutionSymbol = regexp.MustCompile(`\b(?:` + uncite.ResolutionSymbolPattern + `)`)

	// Words that introduce a resolution through the document's own body.
	possessives = wordSet(func(v *vocabulary) []string { return v.possessives })
)

// occurrence is one place where the text cites a resolution.
type occurrence struct {
	cit        uncite.Citation
	start, end int // byte span in the flowed text: from the word "resolution" to the number
}

// findCitations finds every resolution cited in the flowed text. docBody is
// the body of the document itself, which "its resolution" and an
// unqualified number refer to where no opening words (subs) name another.
func findCitations(flowed, docBody string, subs []subject) []occurrence {
	var occ []occurrence
	var st listState
	for _, m := range resolutionWords(flowed) {
		occ = appendList(occ, &st, flowed, m[0], m[1], subjectAt(subs, m[0], docBody))
	}
	if strings.Contains(flowed, "号决议") {
		// A list of numbers stands before each 号决议; the pattern runs on the
		// text before it.
		var lists [][]int
		prefilter.EachAround(flowed, []string{"号决议"}, 1500, 0, reChinese, func(m []int) bool {
			lists = append(lists, m)
			return true
		})
		for _, m := range lists {
			occ = st.chineseList(occ, flowed, m, subjectAt(subs, m[0], docBody))
		}
	}
	if !strings.Contains(flowed, "/RES/") {
		return occ
	}
	var symbols [][]int
	prefilter.EachAround(flowed, []string{"/RES/"}, 8, 40, reResolutionSymbol, func(m []int) bool {
		symbols = append(symbols, m)
		return true
	})
	for _, m := range symbols {
		if c, ok := parseSymbol(flowed[m[0]:m[1]]); ok {
			occ = append(occ, occurrence{c, m[0], m[1]})
		}
	}
	return occ
}

// reResolutionWordAt is reResolutionWord anchored at the word's start.
var reResolutionWordAt = regexp.MustCompile(`^(?:` + reResolutionWord.String() + `)`)

// resolutionCores are the literal cores of the word "resolution" in every
// language, once each: "solu" (resolution, résolution, resolución),
// "езолюц" (резолюция), "قرار". Running the full pattern only around them
// keeps the scan at the speed of strings.Index.
var resolutionCores = func() []resolutionCore {
	var out []resolutionCore
	for _, v := range languages {
		w := v.resolution
		for _, core := range w.cores {
			c := resolutionCore{core, w.back, w.attached}
			if k := slices.IndexFunc(out, func(o resolutionCore) bool { return o.core == core }); k >= 0 {
				if !reflect.DeepEqual(out[k], c) {
					panic("extract: " + v.code + " reads the core " + core + " of the word resolution otherwise than an earlier language")
				}
				continue
			}
			out = append(out, c)
		}
	}
	return out
}()

// resolutionCore is a core of the word "resolution" and how its language
// writes the word around it (see resolutionWord).
type resolutionCore struct {
	core     string
	back     []int
	attached bool
}

// hasResolutionWord reports whether s holds the word "resolution", which
// holds one of the cores.
func hasResolutionWord(s string) bool {
	for _, c := range resolutionCores {
		if strings.Contains(s, c.core) {
			return reResolutionWord.MatchString(s)
		}
	}
	return false
}

// resolutionWords returns the spans of the word "resolution" in s, in order.
func resolutionWords(s string) [][2]int {
	var out [][2]int
	for _, c := range resolutionCores {
		core := c.core
		for from := 0; ; {
			i := strings.Index(s[from:], core)
			if i < 0 {
				break
			}
			i += from
			from = i + len(core)
			// The word's forms end within 16 bytes of the core.
			we := min(len(s), i+len(core)+16)
			for we < len(s) && !utf8.RuneStart(s[we]) {
				we++
			}
			for _, back := range c.back {
				start := i - back
				if start < 0 {
					continue
				}
				if !c.attached && start > 0 && isRegexpWordByte(s[start-1]) {
					continue // \b does not hold before the word
				}
				m := reResolutionWordAt.FindStringIndex(s[start:we])
				if m == nil || start+m[1] < i+len(core) {
					continue
				}
				end := start + m[1]
				if start > 0 && !c.attached {
					if r, _ := utf8.DecodeLastRuneInString(s[:start]); isWordRune(r) {
						break // inside a longer word
					}
				}
				out = append(out, [2]int{start, end})
				break
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

// listSeparator consumes a footnote mark and the separator after a list item
// at pos and reports where the next item starts, if one follows.
func listSeparator(rest string, pos int) (int, bool) {
	if fm, ok := footnoteEnd(rest[pos:]); ok {
		comma := rest[pos] == ','
		probe := pos + fm
		sm, ok := listSepEnd(rest[probe:])
		if !ok && comma && strings.HasPrefix(rest[probe:], " ") {
			sm, ok = 1, true
		}
		if ok {
			if _, ok := matchItem(rest[probe+sm:]); ok {
				return probe + sm, true
			}
		}
	}
	sm, ok := listSepEnd(rest[pos:])
	if !ok {
		return 0, false
	}
	if _, ok := matchItem(rest[pos+sm:]); !ok {
		return 0, false
	}
	return pos + sm, true
}

// continuation finds the next item of the list further on in the same
// sentence, past a descriptive clause.
func continuation(rest string, pos int) (int, bool) {
	// The sentence ends at ";", a newline or ". ", and the search 400
	// bytes on; only the bytes up to there, and one more for a ". " across
	// that bound, are looked at.
	end := min(len(rest), pos+401)
	for _, c := range []byte{';', '\n'} {
		if i := strings.IndexByte(rest[pos:end], c); i >= 0 {
			end = pos + i
		}
	}
	if i := strings.Index(rest[pos:end], ". "); i >= 0 {
		end = pos + i
	}
	end = min(end, pos+400)
	seg := rest[pos:end]
	m := findContinuation(seg)
	if m == nil {
		return 0, false
	}
	// Not past another "resolution" word or a decision: those start lists of
	// their own.
	if hasResolutionWord(seg[:m[0]]) || strings.Contains(seg[:m[0]], "decision") {
		return 0, false
	}
	sm, ok := listSepEnd(seg[m[0]:])
	if !ok {
		return 0, false
	}
	return pos + m[0] + sm, true
}

// findContinuation returns the leftmost match of reContinuation in seg.
// Every match ends in a number that follows white space, after a separator
// of a few bytes, so the pattern runs only on a window around such a number.
func findContinuation(seg string) []int {
	const before, after = 16, 32 // longest separator; longest number
	for d := 1; d < len(seg); d++ {
		if seg[d] < '0' || seg[d] > '9' || !isRegexpSpace(seg[d-1]) {
			continue
		}
		// The number is "822 (1993)" or "1514 (XV)" or "41/213 of 8": its
		// digits end in " (" or "/".
		e := d
		for e < len(seg) && seg[e] >= '0' && seg[e] <= '9' {
			e++
		}
		if e-d > 4 || e+1 >= len(seg) || !(seg[e] == '/' || isRegexpSpace(seg[e]) && seg[e+1] == '(') {
			d = e
			continue
		}
		ws, we := max(0, d-before), min(len(seg), d+after)
		// A match starts before its number and holds no other.
		if m := reContinuation.FindStringIndex(seg[ws:we]); m != nil && ws+m[0] < d && d < ws+m[1] {
			return []int{ws + m[0], ws + m[1]}
		}
	}
	return nil
}

// appendList reads the numbers that follow the word "resolution" at
// [kwStart, kwEnd) and appends one occurrence per number: the list is
// found (readList), the body it cites resolved (listBody), then each
// number resolved to a citation (listItem.citation).
func appendList(occ []occurrence, st *listState, flowed string, kwStart, kwEnd int, docBody string) []occurrence {
	if locatorBefore(flowed, kwStart) {
		return occ
	}
	rest := flowed[kwEnd:]
	named, pos, ok := listStart(rest)
	if !ok {
		return occ
	}
	var buf [8]listItem
	items, pos := readList(rest, pos, kwEnd, buf[:0])
	if len(items) == 0 || items[0].kind == itemBare && countedBefore(flowed, kwStart) {
		// "transmitting two resolutions 31 adopted at the 24th meeting": a
		// count of resolutions, then a footnote mark, not a number.
		return occ
	}
	named = st.listBody(flowed, kwStart, kwEnd, pos, named, docBody)
	if named == foreignBody {
		return occ
	}
	for _, it := range items {
		if c, ok := it.citation(named, docBody); ok {
			occ = append(occ, occurrence{c, kwStart, it.end})
		}
	}
	return occ
}

// locatorBefore reports whether the word "resolution" at kwStart follows
// a locator in another document ("annex II, resolution 14/221").
func locatorBefore(flowed string, kwStart int) bool {
	before := flowed[max(0, kwStart-20):kwStart]
	return strings.Contains(before[max(0, len(before)-2):], ",") && reLocatorBefore.MatchString(before)
}

// listStart reads what stands between the word "resolution" and the first
// number in rest, the text after the word: a space, or in Arabic the name
// of the body ("قرار مجلس الأمن 2118 (2013)"), which it returns. ok is
// false where no number can follow.
func listStart(rest string) (named string, pos int, ok bool) {
	if len(rest) > 1 && rest[0] == ' ' && isArabicAt(rest, 1) {
		if m := matchBodyName(rest[1:]); m != nil {
			m[1]++
			named = bodyOfMatch(m)
			pos = m[1]
		}
	}
	if pos < len(rest) && rest[pos] == ' ' {
		return named, pos + 1, true
	}
	return named, pos, pos != 0
}

// The kinds of listItem: the group of matchItem that holds the number.
const (
	itemSpecial = 1 // ES-10/24
	itemSlash   = 2 // 78/1, 1996/31
	itemBracket = 4 // 822 (1993), 1514 (XV)
	itemBare    = 9 // 79
)

// listItem is one number of a list: its kind and matchItem's groups.
type listItem struct {
	end  int
	kind int
	sub  [10]string
}

// readList appends to items the numbers of the list that starts at
// rest[pos:] (rest begins at offset base of the flowed text) and returns
// them with where the list ends. A list is read to its end however long it
// is ("resolutions 48/75 J of 16 December 1993, … and 79/26 of 2 December
// 2024" lists sixty); each item moves on, so the work stays linear.
func readList(rest string, pos, base int, items []listItem) ([]listItem, int) {
	for {
		it, ok := readItem(rest, pos, base)
		if !ok {
			return items, pos
		}
		pos = it.end - base
		if it.kind == itemSlash || it.kind == itemSpecial {
			if lm, ok := letterPartEnd(rest[pos:]); ok {
				pos += lm
			}
		}
		// In a list of numbers with years or sessions a bare number is a
		// footnote mark ("571 (1985), 79"), not a resolution, unless a year
		// follows it without its brackets ("775 1992 of 28 August 1992").
		if it.kind != itemBare || len(items) == 0 || items[len(items)-1].kind == itemBare || yearFollows(rest[pos:]) {
			items = append(items, it)
		}
		if dm, ok := itemDateEnd(rest[pos:]); ok {
			pos += dm
		}
		next, ok := listSeparator(rest, pos)
		if !ok {
			// The list may go on after a descriptive clause, within the sentence.
			next, ok = continuation(rest, pos)
		}
		if !ok {
			return items, pos
		}
		pos = next
	}
}

// readItem reads the number at rest[pos:] and says which kind it is.
func readItem(rest string, pos, base int) (listItem, bool) {
	m, ok := matchItem(rest[pos:])
	if !ok {
		return listItem{}, false
	}
	var sub [10]string
	kind := 0
	for g := 1; g <= 9; g++ {
		if m[2*g] >= 0 {
			sub[g] = rest[pos+m[2*g] : pos+m[2*g+1]]
			if kind == 0 && (g == itemSpecial || g == itemSlash || g == itemBracket || g == itemBare) {
				kind = g
			}
		}
	}
	if kind == itemBracket && sub[5] == "" && sub[7] == "" && sub[8] == "" {
		kind = itemBare
	}
	return listItem{end: base + pos + m[1], kind: kind, sub: sub}, true
}

// yearFollows reports whether s opens with a space and a four-digit year.
func yearFollows(s string) bool {
	return len(s) >= 5 && s[0] == ' ' && digitsEnd(s, 1, 5) == 5 && (len(s) == 5 || !isDigit(s[5]))
}

func isArabicAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r >= 0x0600 && r <= 0x06FF
}

// countWords count resolutions ("two resolutions") rather than name them.
var countWords = wordSet(func(v *vocabulary) []string { return v.countWords })

func countedBefore(flowed string, kwStart int) bool {
	w := strings.TrimRight(flowed[max(0, kwStart-12):kwStart], " ")
	if i := strings.LastIndexByte(w, ' '); i >= 0 {
		w = w[i+1:]
	}
	return countWords[strings.ToLower(w)]
}
