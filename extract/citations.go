package extract

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/internal/prefilter"
	"github.com/uncite/uncite/refdata"
)

// hrcMaxSession bounds the Human Rights Council's session numbers (it held its
// 60th session in 2025): "resolution 78/1" in a Council text is the General
// Assembly's, whose sessions have been numbered 61 and up since the Council
// exists.
const hrcMaxSession = 60

// bodyGeneric marks "the Council", "the Assembly" or "the Commission"
// without the organ's name; foreignBody an organ whose resolutions are
// not the UN organs' (a conference of States parties, an agency).
const (
	councilGeneric    = "council"
	assemblyGeneric   = "assembly"
	commissionGeneric = "commission"
	foreignBody       = "foreign"
)

var (
	// The word "resolution" in the six languages, with plural and case forms
	// and the Arabic clitics ("وبالقرار", "للقرارات").
	reResolutionWord = regexp.MustCompile(`\b(?:[Rr]esolutions?|RESOLUTIONS?|[Rr]ésolutions?|[Rr]esoluci(?:ón|ones))\b|[Рр]езолюци[яиюейхм]*|[وفبلك]{0,2}(?:ال)?قرار(?:ين|ات|اته|يه|ي|ا|ه|ها)?`)

	// Citations in an appendix of another document ("A/56/1026, annex II,
	// resolution 14/221", "chap. I, resolution 1") are that document's
	// resolutions (a regional organisation's, a conference's), not the UN's.
	reLocatorBefore = regexp.MustCompile(`(?:annex(?:es)?(?: [IVX]+)?|chap\. [IVX]+|chapter [IVX]+|sect\. [IVX]+),\s?$`)
	// Further numbers of the same list after a descriptive clause ("1514 (XV)
	// of 14 December 1960, containing the Declaration ..., 1541 (XV) of ...").
	// Only forms that cannot be anything but a resolution qualify.
	reContinuation = regexp.MustCompile(`(?:,\s|\s(?:and|et|y|и)\s|,\s(?:and|et|y|и)\s|\sas well as\s)(?:\d{1,4}\s\((?:\d{4}|[IVXL]{1,7})\)|\d{1,3}/\d{1,4}\s(?:of\s\d|on\s))`)
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
			named := bodyBefore(flowed, m[0])
			if named == commissionGeneric {
				named = st.commissionBody(flowed, m[0])
			}
			if named == foreignBody {
				continue
			}
			docBody := subjectAt(subs, m[0], docBody)
			for _, it := range reChineseItem.FindAllStringSubmatchIndex(flowed[m[2]:m[3]], -1) {
				sub := func(i int) string {
					if it[2*i] < 0 {
						return ""
					}
					return flowed[m[2]+it[2*i] : m[2]+it[2*i+1]]
				}
				var c uncite.Citation
				var ok bool
				switch {
				case sub(1) != "":
					c, ok = specialSession(sub(1), named, docBody)
				case sub(2) != "":
					c, ok = slashCitation(sub(2), sub(3), named, docBody)
				case sub(5) != "":
					c, ok = scCitation(sub(4), sub(5))
				case sub(7) != "":
					c, ok = romanCitation(sub(4), sub(6), sub(7), named)
				default:
					c, ok = bareCitation(sub(4), named, docBody)
				}
				if ok {
					occ = append(occ, occurrence{c, m[0], m[1]})
				}
			}
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

// Literal cores of the word "resolution": "solu" (resolution, résolution,
// resolución), "езолюц" (резолюция), "قرار". Running the full pattern only
// around them keeps the scan at the speed of strings.Index.
var resolutionCores = []string{"solu", "SOLU", "езолюц", "قرار"}

// hasResolutionWord reports whether s holds the word "resolution", which
// holds one of the cores.
func hasResolutionWord(s string) bool {
	for _, core := range resolutionCores {
		if strings.Contains(s, core) {
			return reResolutionWord.MatchString(s)
		}
	}
	return false
}

// resolutionWords returns the spans of the word "resolution" in s, in order.
func resolutionWords(s string) [][2]int {
	var out [][2]int
	for _, core := range resolutionCores {
		// Where the word can start before its core: "Re"/"Ré" before "solu",
		// "Р" before "езолюц", up to two clitics and the article before
		// "قرار" (two bytes a letter), leftmost first.
		starts := []int{3, 2}
		switch core {
		case "езолюц":
			starts = []int{2}
		case "قرار":
			starts = []int{8, 6, 4, 2, 0}
		}
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
			for _, back := range starts {
				start := i - back
				if start < 0 {
					continue
				}
				if core != "قرار" && start > 0 && isRegexpWordByte(s[start-1]) {
					continue // \b does not hold before the word
				}
				m := reResolutionWordAt.FindStringIndex(s[start:we])
				if m == nil || start+m[1] < i+len(core) {
					continue
				}
				end := start + m[1]
				if start > 0 && core != "قرار" {
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

// listState carries the body of the last list read to the next one.
type listState struct {
	named string
	end   int
	chrAt int // where the text first names the Commission on Human Rights; -1 nowhere, 0 not yet looked for (stored +1)
}

// commissionBody resolves "the Commission" or "Commission resolution" at
// pos: the Commission on Human Rights where the text has named it before,
// else a commission whose resolutions are not modelled.
func (st *listState) commissionBody(flowed string, pos int) string {
	if st.chrAt == 0 {
		st.chrAt = firstName(flowed, bodyNames[chrGroup]) + 1
	}
	if st.chrAt > 0 && st.chrAt-1 < pos {
		return uncite.BodyCHR
	}
	return foreignBody
}

// firstName returns where s first holds one of the names (bodyNames
// notation), or -1.
func firstName(s string, names []string) int {
	first := -1
	for _, n := range names {
		lit := n
		if k := strings.IndexAny(n, "*'"); k >= 0 {
			lit = n[:k]
		}
		for from := 0; ; {
			i := strings.Index(s[from:], lit)
			if i < 0 || first >= 0 && from+i >= first {
				break
			}
			if _, ok := bodyNameEnd(s[from+i:], n); ok {
				first = from + i
				break
			}
			from += i + len(lit)
		}
	}
	return first
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

// listBody resolves the body whose resolutions the list at [kwStart, pos)
// of the text after the word cites, from the nearest clue: the name read
// inside the list (named), the words before, the previous list of the
// sentence, the words after, "its", an adopter named later.
func (st *listState) listBody(flowed string, kwStart, kwEnd, pos int, named, docBody string) string {
	rest := flowed[kwEnd+pos:]
	if named == "" {
		named = bodyBefore(flowed, kwStart)
	}
	if named == "" && st.named != "" && st.end <= kwStart && !strings.ContainsAny(flowed[st.end:kwStart], ".;\n") {
		// "Human Rights Council resolutions 23/13 ... as well as resolutions
		// 28/6": a list in the same sentence lends its body to the next.
		named = st.named
	}
	if named == "" {
		named = bodyAfter(rest)
	}
	if named == "" && possessiveBefore(flowed, kwStart) {
		named = docBody
	}
	if named == "" {
		named = adopterLater(rest)
	}
	if named == commissionGeneric {
		named = st.commissionBody(flowed, kwStart)
	}
	st.named, st.end = named, kwEnd+pos
	return named
}

// citation resolves the item to a resolution of the body named around the
// list, or of the document's own body.
func (it *listItem) citation(named, docBody string) (uncite.Citation, bool) {
	s := &it.sub
	switch it.kind {
	case itemSpecial:
		return specialSession(s[1], named, docBody)
	case itemSlash:
		return slashCitation(s[2], s[3], named, docBody)
	case itemBracket:
		switch {
		case s[5] != "":
			return scCitation(s[4], s[5])
		case s[7] != "":
			return romanCitation(s[4], s[6], s[7], named)
		case s[8] != "":
			n, _ := strconv.Atoi(s[8])
			return romanCitation(s[4], "", romanNumeral(n), named)
		}
	case itemBare:
		return bareCitation(s[9], named, docBody)
	}
	return uncite.Citation{}, false
}

// yearFollows reports whether s opens with a space and a four-digit year.
func yearFollows(s string) bool {
	return len(s) >= 5 && s[0] == ' ' && digitsEnd(s, 1, 5) == 5 && (len(s) == 5 || !isDigit(s[5]))
}

func isArabicAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r >= 0x0600 && r <= 0x06FF
}

// bodyNames are the names of the organs in every language (the
// vocabularies' textNames), by group of bodyGroups.
var bodyNames = func() (out [len(bodyGroups)][]string) {
	for _, v := range languages {
		for g, names := range v.textNames {
			out[g] = append(out[g], names...)
		}
	}
	return out
}()

// bodyNamePattern writes bodyNames as a regular expression, one group per
// body, for the prefilter to find where a name may start; matchBodyName
// reads the name there.
func bodyNamePattern() *prefilter.Regexp {
	var groups []string
	for _, names := range bodyNames {
		var alts []string
		for _, n := range names {
			alts = append(alts, nameExpr(n))
		}
		groups = append(groups, "("+strings.Join(alts, "|")+")")
	}
	return prefilter.MustCompileWith(strings.Join(groups, "|"), matchBodyName)
}

// matchBodyName is reBodyName anchored at the start of s, written out: the
// first name of bodyNames that s starts with, as regexp gives it. Where a
// name goes on after its letters ("Совет* Безопасности"), a space follows
// them, which no letter is, so the letters are all taken.
func matchBodyName(s string) []int {
	for g, names := range bodyNames {
		for _, n := range names {
			if end, ok := bodyNameEnd(s, n); ok {
				m := make([]int, 2+2*len(bodyNames))
				for i := range m {
					m[i] = -1
				}
				m[0], m[1] = 0, end
				m[2*g+2], m[2*g+3] = 0, end
				return m
			}
		}
	}
	return nil
}

// bodyNameEnd reports whether s starts with the name n of bodyNames, and
// where it ends.
func bodyNameEnd(s, n string) (int, bool) {
	i := 0
	for n != "" {
		switch n[0] {
		case '*':
			for l := letterAt(s, i); l > 0; l = letterAt(s, i) {
				i += l
			}
			n = n[1:]
			continue
		case '\'':
			var ok bool
			if i, ok = prefixEnd(s, i, "'", "’"); !ok {
				return 0, false
			}
			n = n[1:]
			continue
		}
		k := strings.IndexAny(n, "*'")
		if k < 0 {
			k = len(n)
		}
		if !strings.HasPrefix(s[i:], n[:k]) {
			return 0, false
		}
		i += k
		n = n[k:]
	}
	return i, true
}

func bodyOfMatch(m []int) string {
	for g, body := range bodyGroups {
		if m[2*g+2] >= 0 {
			return body
		}
	}
	return ""
}

// bodyBefore returns the body named just before the word "resolution": at
// most a few words before it, in the same sentence ("Security Council
// resolution", "the General Assembly in its resolution", "the Council
// adopted resolutions").
func bodyBefore(flowed string, kwStart int) string {
	from := max(0, kwStart-150)
	for from < kwStart && !utf8.RuneStart(flowed[from]) {
		from++
	}
	window := flowed[from:kwStart]
	if i := strings.LastIndexAny(window, ".;\n"); i >= 0 {
		window = window[i+1:]
	}
	ms := reBodyName.FindAllStringSubmatchIndex(window)
	if len(ms) == 0 {
		return ""
	}
	m := ms[len(ms)-1]
	n := significantWords(window[m[1]:])
	b := bodyOfMatch(m)
	switch b {
	case assemblyGeneric, councilGeneric, commissionGeneric, foreignBody:
		before, end := qualifiers(window, m[0], m[1])
		if b != foreignBody && !before && end == m[1] {
			if n > 3 || b == commissionGeneric && n > 0 {
				// "to cooperate with the Commission and regretting its
				// formal rejection of resolutions": not its resolutions.
				return ""
			}
			return b // "the Council", "Council resolution", "the Assembly in its resolution"
		}
		// Another organ: its resolutions are cited only where the name is
		// attached to the word ("Environment Assembly in its resolution",
		// "Commission on Population and Development resolutions"); past a
		// comma or other words the organ is not the one that adopted them
		// ("the World Conference, in particular its resolutions", "the
		// Security Council Commission established under resolution").
		if strings.Contains(window[end:], ",") || significantWords(window[end:]) > 0 {
			return ""
		}
		return foreignBody
	}
	if n > 3 {
		return ""
	}
	return b
}

// Words that may stand before a generic name without qualifying it.
var notQualifiers = wordSet(func(v *vocabulary) []string { return v.notQualifiers })

// Prepositions that join a qualifier after a generic name ("Council of
// Europe", "Commission on Population and Development", "Asamblea de las
// Naciones Unidas sobre el Medio Ambiente").
var qualifierJoins = wordSet(func(v *vocabulary) []string { return v.qualifierJoins })

// qualifiers reads the words that make a generic name at
// window[start:end] ("Assembly", "Council", "Commission", "Conference")
// part of another organ's name: a capitalised word before it ("World Health
// Assembly", "Governing Council", "Statistical Commission") and a
// capitalised phrase after it ("Commission on Population and Development",
// "Council of Europe", "Conference of the States Parties"). It returns
// whether the first is there and where the second ends (end when it is
// not).
func qualifiers(window string, start, end int) (before bool, qend int) {
	if ws := strings.Fields(window[:start]); len(ws) > 0 {
		w := ws[len(ws)-1]
		r, _ := utf8.DecodeRuneInString(w)
		before = unicode.IsUpper(r) && !notQualifiers[w] && !isClauseVerb(strings.ToLower(w)) && !strings.HasSuffix(w, ",")
	}
	qend = end
	for i, joins := end, 0; i < len(window) && joins <= 2; {
		j := skipSpace(window, i)
		k := j
		for k < len(window) && !isRegexpSpace(window[k]) {
			k++
		}
		w := window[j:k]
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case w == "":
			return before, qend
		case unicode.IsUpper(r) && !strings.ContainsAny(w, ",;"):
			qend, joins = k, 0
		case unicode.IsUpper(r):
			return before, j + strings.IndexAny(w, ",;")
		case qualifierJoins[strings.ToLower(w)]:
			joins++
		default:
			return before, qend
		}
		i = k
	}
	return before, qend
}

// gapWords may stand between a body's name and the word "resolution"
// without changing whose resolution it is ("the General Assembly in its
// resolution", "Council decision 18/120 of 30 September 2011 and
// resolutions").
var gapWords = wordSet(func(v *vocabulary) []string { return v.gapWords })

func significantWords(gap string) int {
	n := 0
	for _, w := range strings.Fields(gap) {
		w = strings.ToLower(strings.Trim(w, ",()"))
		if w == "" || gapWords[w] || month(w) != 0 || strings.ContainsAny(w[:1], "0123456789") {
			continue
		}
		n++
	}
	return n
}

// bodyAfter returns the body named right after the numbers ("resolution
// 5/1 of the Human Rights Council", "résolution 2118 (2013) du Conseil de
// sécurité", "резолюции 2118 (2013) Совета Безопасности"), or the subject
// of the clause after them ("By its resolution 63/111, the General
// Assembly designated", "dans sa résolution 5/1, le Conseil a").
func bodyAfter(s string) string {
	lead, ok := bodyAfterLeadEnd(s)
	if !ok || strings.IndexByte(s[:lead], '\n') >= 0 {
		return "" // the paragraph ends with the numbers
	}
	if s[0] == ',' {
		if i, ok := prefixEnd(s, lead, "the ", "le ", "la ", "l'", "l’", "el "); ok {
			lead = i
		}
	}
	if m := matchBodyName(s[lead:]); m != nil {
		return bodyOfMatch(m)
	}
	// A longer name: "of the United Nations Environment Assembly" (another
	// organ, its generic word qualified), "of the United Nations General
	// Assembly".
	i := lead
	for k := 0; k < 8 && i < len(s); k++ {
		r, _ := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsUpper(r) {
			return ""
		}
		j := strings.IndexAny(s[i:], " \n")
		if j < 0 || s[i+j] == '\n' {
			return ""
		}
		if m := matchBodyName(s[i:]); m != nil {
			switch b := bodyOfMatch(m); b {
			case assemblyGeneric, councilGeneric, commissionGeneric:
				return foreignBody
			default:
				return b
			}
		}
		if isClauseVerb(strings.ToLower(s[i : i+j])) {
			return "" // the next clause: "…, Welcoming Human Rights Council resolution"
		}
		i += j + 1
	}
	return ""
}

// adopterLater returns the organ a sentence names as the adopter after a
// descriptive clause ("the adoption of resolution 2000/22 of 18 August
// 2000, on the promotion of dialogue on human rights issues, by the
// Subcommission"): ", by the" or "adopted by the" and a name, within the
// sentence and 300 bytes.
func adopterLater(s string) string {
	s = s[:min(len(s), 300)]
	if i := strings.IndexAny(s, ".;\n"); i >= 0 {
		s = s[:i]
	}
	for _, lead := range []string{", by the ", "adopted by the "} {
		i := strings.Index(s, lead)
		if i < 0 {
			continue
		}
		if m := matchBodyName(s[i+len(lead):]); m != nil {
			return bodyOfMatch(m)
		}
	}
	return ""
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

func possessiveBefore(flowed string, kwStart int) bool {
	w := strings.TrimRight(flowed[max(0, kwStart-12):kwStart], " ")
	if i := strings.LastIndexByte(w, ' '); i >= 0 {
		w = w[i+1:]
	}
	return possessives[strings.ToLower(w)]
}

// scCitation builds a Security Council citation "N (YYYY)". Where the
// bundled table knows resolution N under a neighbouring year, the table is
// right: the text has a slip (the rules keep the citation the same in every
// language version).
func scCitation(num, year string) (uncite.Citation, bool) {
	num = strings.TrimLeft(num, "0")
	y, _ := strconv.Atoi(year)
	if num == "" || y < 1946 || y > 2100 {
		return uncite.Citation{}, false
	}
	if r, ok := refdata.SCResolutionByNumber(num); ok && r.Year != y && r.Year-y <= 1 && y-r.Year <= 1 {
		y = r.Year
	}
	return uncite.Citation{Symbol: uncite.SCSymbol(num, y), Body: uncite.BodySC, Number: num, Year: y}, true
}

// romanCitation builds a citation of the General Assembly's first thirty
// sessions ("217 A (III)" → A/RES/217 (III), "1874 (S-IV)") or of the
// Economic and Social Council's and the Commission on Human Rights' old
// numbering ("1147 (XLI)", "20 (XXXVI)"), which the context or a session
// past thirty tells apart.
func romanCitation(num, prefix, roman, named string) (uncite.Citation, bool) {
	num = strings.TrimLeft(num, "0")
	if num == "" || roman == "" {
		return uncite.Citation{}, false
	}
	session := prefix + roman
	switch {
	case named == uncite.BodyCHR && prefix == "":
		return parseSymbol("E/CN.4/RES/" + num + " (" + session + ")")
	case named == uncite.BodyECOSOC || (prefix == "" && romanValue(roman) > 30 && named != uncite.BodyGA):
		return parseSymbol("E/RES/" + num + " (" + session + ")")
	}
	return parseSymbol("A/RES/" + num + " (" + session + ")")
}

func romanValue(s string) int {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	total := 0
	for i := 0; i < len(s); i++ {
		v := vals[s[i]]
		if i+1 < len(s) && vals[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return total
}

// specialSession builds a citation of an emergency or special session
// ("ES-10/24", "S-30/1"): the General Assembly's unless the Human Rights
// Council is meant.
func specialSession(num, named, docBody string) (uncite.Citation, bool) {
	if strings.HasPrefix(num, "S-") && (named == uncite.BodyHRC || (named == councilGeneric || named == "") && docBody == uncite.BodyHRC) {
		return parseSymbol("A/HRC/RES/" + num)
	}
	return parseSymbol("A/RES/" + num)
}

// slashCitation builds a citation "a/b": year/number for the Economic and
// Social Council and the Commission on Human Rights, session/number for the
// General Assembly and the Human Rights Council.
func slashCitation(a, b, named, docBody string) (uncite.Citation, bool) {
	first, _ := strconv.Atoi(a)
	second, _ := strconv.Atoi(b)
	if first == 0 || second == 0 {
		return uncite.Citation{}, false
	}
	num := strconv.Itoa(first) + "/" + strconv.Itoa(second)
	if first >= 1946 {
		if first > 2100 {
			return uncite.Citation{}, false
		}
		if named == uncite.BodyCHR {
			return parseSymbol("E/CN.4/RES/" + num)
		}
		return parseSymbol("E/RES/" + num)
	}
	if first > 200 {
		return uncite.Citation{}, false
	}
	hrc := false
	switch named {
	case uncite.BodyHRC:
		hrc = true
	case councilGeneric:
		hrc = first <= hrcMaxSession
	case "":
		hrc = docBody == uncite.BodyHRC && first <= hrcMaxSession
	}
	if hrc {
		return parseSymbol("A/HRC/RES/" + num)
	}
	return parseSymbol("A/RES/" + num)
}

// bareCitation reads a number without year or session: only the Security
// Council numbers its resolutions that way, so it counts where the Council is
// meant and the bundled table gives the year.
func bareCitation(num, named, docBody string) (uncite.Citation, bool) {
	if named != uncite.BodySC && !(named == "" || named == councilGeneric) {
		return uncite.Citation{}, false
	}
	if named != uncite.BodySC && docBody != uncite.BodySC {
		return uncite.Citation{}, false
	}
	r, ok := refdata.SCResolutionByNumber(strings.TrimLeft(num, "0"))
	if !ok {
		return uncite.Citation{}, false
	}
	return parseSymbol(r.Symbol)
}

// parseSymbol canonicalises a resolution symbol with the grammar of
// uncite.ParseResolutionSymbol.
func parseSymbol(s string) (uncite.Citation, bool) {
	if !mayBeResolutionSymbol(s) {
		return uncite.Citation{}, false
	}
	c, err := uncite.ParseResolutionSymbol(s)
	return c, err == nil
}

// mayBeResolutionSymbol reports whether s can be a resolution symbol: every
// form uncite.ParseResolutionSymbol accepts holds "/RES/" once white space is
// dropped and letters upper-cased. Short ASCII strings without it (file
// names, other symbols) are turned away before its regexps run; anything
// else is left to it.
func mayBeResolutionSymbol(s string) bool {
	var buf [64]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf || n == len(buf):
			return true
		case c == ' ' || c >= '\t' && c <= '\r':
			continue
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return strings.Contains(string(buf[:n]), "/RES/")
}

// Clause verbs open the paragraphs of resolutions: participles in the
// preamble ("Recalling", "Rappelant", "Recordando", "ссылаясь"), finite verbs
// in the operative part ("Reaffirms").
// Adverbs may stand before the verb ("Also reaffirms", "вновь подтверждая").
var adverbs = wordSet(func(v *vocabulary) []string { return v.adverbs })

// clauseVerb returns the verb that opens paragraph p, or "" when it does not
// open with one. In an operative paragraph the word after the number is the
// verb whatever its form.
func clauseVerb(p string, operative bool) string {
	if len(p) > 120 {
		p = p[:120]
	}
	if operative {
		p = p[numberedPara(p):]
	}
	i := 0
	for word := range strings.FieldsSeq(p) {
		if i++; i > 3 {
			break
		}
		w := strings.Trim(word, ",:;")
		lw := strings.ToLower(w)
		if adverbs[lw] {
			continue
		}
		if w == "" || !(operative || isClauseVerb(lw)) || strings.ContainsAny(w, "0123456789") {
			return ""
		}
		r, size := utf8.DecodeRuneInString(w)
		return strings.ToUpper(string(r)) + w[size:]
	}
	return ""
}

var clauseVerbSuffixes = wordList(func(v *vocabulary) []string { return v.clauseVerbSuffixes })

func isClauseVerb(w string) bool {
	if utf8.RuneCountInString(w) < 5 {
		return false
	}
	for _, suf := range clauseVerbSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// buildCitations merges the occurrences into one citation per resolution,
// with counts, the sentences they stand in, the clause verbs that introduce
// them and whether any stands in an operative paragraph.
func buildCitations(flowed string, occ []occurrence, ownSymbol string, resolutionLike bool) []uncite.Citation {
	bySym := map[string]*uncite.Citation{}
	seenCtx := map[[2]string]bool{} // symbol, sentence
	ownSq := squeeze(ownSymbol)
	for _, o := range occ {
		if ownSq != "" && equalSqueezed(o.cit.Symbol, ownSq) {
			continue
		}
		c := bySym[o.cit.Symbol]
		if c == nil {
			cc := o.cit
			c = &cc
			bySym[o.cit.Symbol] = c
		}
		c.Count++
		ps, pe := paragraphAround(flowed, o.start, o.end)
		para := flowed[ps:pe]
		sent := clipContext(para, o.start-ps, o.end-ps)
		if key := [2]string{c.Symbol, sent}; sent != "" && !seenCtx[key] {
			seenCtx[key] = true
			c.Contexts = append(c.Contexts, sent)
		}
		operative := resolutionLike && numberedPara(para) > 0
		c.Operative = c.Operative || operative
		if v := clauseVerb(para, operative); v != "" && !contains(c.Verbs, v) {
			c.Verbs = append(c.Verbs, v)
		}
	}
	out := make([]uncite.Citation, 0, len(bySym))
	for _, c := range bySym {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Symbol < out[j].Symbol })
	return out
}

// maxContext bounds a context: a sentence longer than that (an endless
// paragraph of a text without punctuation, a list of sixty resolutions)
// is cut to the part around the cited number, marked with "…".
const maxContext = 600

// clipContext returns the sentence of paragraph p around [start, end),
// cut to at most maxContext bytes (and the marks) around end.
func clipContext(p string, start, end int) string {
	s, e := sentenceBounds(p, start, end)
	if e-s <= maxContext {
		return strings.TrimSpace(p[s:e])
	}
	from := max(s, end-maxContext*2/3)
	to := min(e, from+maxContext)
	from = max(s, to-maxContext)
	// Whole words: move in to the nearest spaces.
	if from > s {
		if i := strings.IndexByte(p[from:to], ' '); i >= 0 && from+i < end {
			from += i + 1
		}
	}
	if to < e {
		if i := strings.LastIndexByte(p[from:to], ' '); i >= 0 && from+i > end {
			to = from + i
		}
	}
	for from < to && !utf8.RuneStart(p[from]) {
		from++
	}
	for to < e && !utf8.RuneStart(p[to]) {
		to--
	}
	out := strings.TrimSpace(p[from:to])
	if from > s {
		out = "… " + out
	}
	if to < e {
		out += " …"
	}
	return out
}

// maxSpan bounds how far a context reaches on each side of a citation, so
// that a text without paragraph breaks cannot make the work quadratic.
const maxSpan = 3000

// paragraphAround returns the bounds of the paragraph (line of the flowed
// text) holding [start, end), clipped to maxSpan on each side.
func paragraphAround(s string, start, end int) (int, int) {
	from := max(0, start-maxSpan)
	for from > 0 && !utf8.RuneStart(s[from]) {
		from++
	}
	ps := from
	if i := strings.LastIndexByte(s[from:start], '\n'); i >= 0 {
		ps = from + i + 1
	}
	to := min(len(s), end+maxSpan)
	for to < len(s) && !utf8.RuneStart(s[to]) {
		to++
	}
	pe := to
	if i := strings.IndexByte(s[end:to], '\n'); i >= 0 {
		pe = end + i
	}
	return ps, pe
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
