package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/internal/prefilter"
	"github.com/uncite/uncite/refdata"
)

// Stage 3, resolve: whose resolution each number found is, and its
// canonical symbol. The body comes from the words around the list
// (listState.listBody: before it, inside it, after it, "its" and the
// opening words of subject.go), the number's form decides the rest
// (scCitation, slashCitation, …).

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

// chineseList appends the citations of a Chinese list, m a match of
// reChinese, whose body is named before it (or is docBody's).
func (st *listState) chineseList(occ []occurrence, flowed string, m []int, docBody string) []occurrence {
	named := bodyBefore(flowed, m[0])
	if named == commissionGeneric {
		named = st.commissionBody(flowed, m[0])
	}
	if named == foreignBody {
		return occ
	}
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
	return occ
}
