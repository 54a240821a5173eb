package extract

import (
	"bytes"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// Names that the UN writes in running text but that the reference table does
// not list: short forms of long names and a former short name that older
// documents use. Adjectives are never listed: the rules count names only.
var extraNames = map[string]map[string][]string{
	"GBR": {"en": {"United Kingdom"}, "fr": {"Royaume-Uni"}, "es": {"Reino Unido"}, "ru": {"Соединенное Королевство"}, "ar": {"المملكة المتحدة"}, "zh": {"联合王国", "英国"}},
	"USA": {"en": {"United States"}, "fr": {"États-Unis"}, "es": {"Estados Unidos"}, "ru": {"Соединенные Штаты"}, "ar": {"الولايات المتحدة"}, "zh": {"美国"}},
	"TUR": {"en": {"Turkey"}, "fr": {"Turquie"}, "es": {"Turquía"}, "zh": {"土耳其"}},
	"CIV": {"en": {"Côte d'Ivoire"}, "fr": {"Côte d'Ivoire"}, "es": {"Côte d'Ivoire"}, "ar": {"كوت ديفوار"}, "zh": {"科特迪瓦"}},
	"RUS": {"en": {"Russia"}, "fr": {"Russie"}, "es": {"Rusia"}, "ru": {"Россия"}, "ar": {"روسيا"}, "zh": {"俄罗斯"}},
	"SYR": {"en": {"Syria"}, "fr": {"Syrie"}, "es": {"Siria"}, "ru": {"Сирия"}, "ar": {"سوريا", "سورية"}, "zh": {"叙利亚"}},
	// Former names, which older documents and States still use.
	"CPV": {"en": {"Cape Verde"}, "fr": {"Cap-Vert"}, "ru": {"Кабо-Верде"}},
	"SWZ": {"en": {"Swaziland"}, "fr": {"Swaziland"}, "es": {"Swazilandia"}, "ru": {"Свазиленд"}, "zh": {"斯威士兰"}},
	"MMR": {"en": {"Burma"}, "fr": {"Birmanie"}, "es": {"Birmania"}, "ru": {"Бирма"}},
	"COD": {"en": {"Zaire"}, "fr": {"Zaïre"}, "es": {"Zaire"}, "ru": {"Заир"}, "zh": {"扎伊尔", "刚果（金）", "刚果(金)"}},
	"COG": {"zh": {"刚果（布）", "刚果(布)"}},
	"MKD": {"en": {"The former Yugoslav Republic of Macedonia"}},
	// The Ukrainian and Byelorussian Soviet Socialist Republics, founding
	// Members of the United Nations, are the States of today's Ukraine
	// and Belarus.
	"UKR": {"en": {"Ukrainian Soviet Socialist Republic", "Ukrainian SSR"}, "fr": {"République socialiste soviétique d'Ukraine", "RSS d'Ukraine"},
		"es": {"República Socialista Soviética de Ucrania"}, "ru": {"Украинская Советская Социалистическая Республика", "Украинская ССР"}},
	"BLR": {"en": {"Byelorussian Soviet Socialist Republic", "Byelorussian SSR"}, "fr": {"République socialiste soviétique de Biélorussie", "RSS de Biélorussie"},
		"es": {"República Socialista Soviética de Bielorrusia"}, "ru": {"Белорусская Советская Социалистическая Республика", "Белорусская ССР"}},
	"IRN": {"zh": {"伊朗"}, "ru": {"Иран"}},
	"VEN": {"zh": {"委内瑞拉"}},
	"BOL": {"zh": {"玻利维亚"}},
	"TZA": {"zh": {"坦桑尼亚"}},
	"KOR": {"zh": {"韩国"}},
	"PSE": {"zh": {"巴勒斯坦"}},
}

// A pattern is one written form of a State's name, as a sequence of tokens;
// each token lists the forms it may take (Russian declines names).
type pattern struct {
	code   string
	tokens [][]string
}

// matcher finds State names in text. Latin, Cyrillic and Arabic text is
// matched token by token, indexed by the first token; Chinese, written without
// spaces, by prefix at each character, indexed by the first character.
type matcher struct {
	byFirst map[string]*firstWord
	// maybeFirst has the bit of firstSlot set for every key of byFirst:
	// most capitalised words start no name, and the bit turns them away
	// for less than the map lookup costs.
	maybeFirst *[1 << firstBits / 64]uint64
	zh         map[rune][]string // name → code via zhCode, longest first
	zhCode     map[string]string
	// zhFirst has the bit of every first rune of a key of zh below
	// U+10000: most characters start no name, and the bit turns them
	// away without the map lookup.
	zhFirst *[1 << 16 / 64]uint64
}

// firstWord holds the patterns of the names that start with one word, in
// the order they are tried (longest first): the longer ones by the forms of
// their second word, so that a name is tried only where its second word
// follows (dozens of names start with "Republic", "République").
type firstWord struct {
	bySecond map[string][]*pattern
	single   []*pattern // one-word names
}

var stateMatcher = sync.OnceValue(buildMatcher)

func buildMatcher() *matcher {
	m := &matcher{byFirst: map[string]*firstWord{}, maybeFirst: new([1 << firstBits / 64]uint64), zh: map[rune][]string{}, zhCode: map[string]string{},
		zhFirst: new([1 << 16 / 64]uint64)}
	seen := map[string]bool{}
	byFirst := map[string][]*pattern{}
	add := func(code, lang, name string) {
		for _, v := range nameVariants(lang, name) {
			if lang == langZH {
				if _, dup := m.zhCode[v]; !dup {
					r, _ := utf8.DecodeRuneInString(v)
					m.zh[r] = append(m.zh[r], v)
					m.zhCode[v] = code
				}
				continue
			}
			toks := tokenize(v)
			if len(toks) == 0 {
				continue
			}
			key := code + "|" + strings.Join(toks, " ")
			if lang == langRU {
				key += "|ru"
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			p := &pattern{code: code}
			for _, t := range toks {
				forms := []string{t}
				if lang == langRU {
					forms = russianForms(t)
				}
				p.tokens = append(p.tokens, forms)
			}
			for _, f := range p.tokens[0] {
				byFirst[f] = append(byFirst[f], p)
			}
		}
	}
	for _, s := range refdata.States() {
		for lang, names := range s.Names {
			for _, n := range names {
				add(s.Code, lang, n)
			}
		}
		for lang, names := range extraNames[s.Code] {
			for _, n := range names {
				add(s.Code, lang, n)
			}
		}
	}
	for first, ps := range byFirst {
		if c := first[0]; '0' <= c && c <= '9' {
			panic("extract: a State name starts with a digit, which nextCapital passes over: " + first)
		}
		k := firstSlot(first, false)
		m.maybeFirst[k/64] |= 1 << (k % 64)
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].tokens) > len(ps[j].tokens) })
		w := &firstWord{bySecond: map[string][]*pattern{}}
		for _, p := range ps {
			if len(p.tokens) == 1 {
				w.single = append(w.single, p)
				continue
			}
			for i, f := range p.tokens[1] {
				if !slices.Contains(p.tokens[1][:i], f) {
					w.bySecond[f] = append(w.bySecond[f], p)
				}
			}
		}
		m.byFirst[first] = w
	}
	for r, names := range m.zh {
		sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
		m.zh[r] = names
		if r < 0x10000 {
			m.zhFirst[r/64] |= 1 << (r % 64)
		}
	}
	return m
}

// firstBits is the size of matcher.maybeFirst in bits, as a power of two:
// large enough that a word that starts no name seldom shares a bit.
const firstBits = 17

// firstSlot hashes a folded word to a bit of matcher.maybeFirst. With
// lower, w is an ASCII word not yet folded: setting the 0x20 bit of each of
// its bytes lowers it (its bytes are letters and digits), so it is hashed
// as its folded form is, without being copied.
func firstSlot[W string | []byte](w W, lower bool) uint32 {
	var or uint64
	if lower {
		or = 0x2020202020202020
	}
	h := uint64(len(w)) * 0x9E3779B97F4A7C15
	for len(w) >= 8 {
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		h = (h ^ (x | or)) * 0xFF51AFD7ED558CCD
		w = w[8:]
	}
	var x uint64
	for i := 0; i < len(w); i++ {
		x |= uint64(w[i]|byte(or)) << (8 * i)
	}
	h = (h ^ x) * 0xC4CEB9FE1A85EC53
	return uint32(h >> (64 - firstBits))
}

// mayStart reports whether a name may start with the folded word w.
func (m *matcher) mayStart(w []byte) bool {
	k := firstSlot(w, false)
	return m.maybeFirst[k/64]&(1<<(k%64)) != 0
}

// mayStartASCII is mayStart for an ASCII word of the text, before folding.
func (m *matcher) mayStartASCII(w string) bool {
	k := firstSlot(w, true)
	return m.maybeFirst[k/64]&(1<<(k%64)) != 0
}

// nameVariants turns a name as the reference table writes it into the forms
// found in text: without the article UNTERM appends ("Arménie (l')") or
// prefixes ("la République d'Arménie"), and without a qualifying bracket
// ("Bolivia (Plurinational State of)" is also written "Bolivia").
func nameVariants(lang, name string) []string {
	name = strings.NewReplacer("’", "'", "_", "", "  ", " ").Replace(strings.TrimSpace(name))
	var out []string
	if i := strings.Index(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		inner := name[i+2 : len(name)-1]
		core := name[:i]
		out = append(out, core)
		if !isArticle(inner) {
			out = append(out, core+" "+inner)
		}
	} else {
		out = append(out, name)
	}
	for i, v := range out {
		for _, art := range []string{"the ", "The ", "la ", "le ", "les ", "l'", "el ", "los ", "las "} {
			if strings.HasPrefix(v, art) {
				out[i] = v[len(art):]
			}
		}
	}
	if lang == langAR {
		for i, v := range out {
			out[i] = foldArabic(v)
		}
	}
	return out
}

func isArticle(s string) bool {
	switch strings.TrimSpace(s) {
	case "the", "l'", "le", "la", "les", "el", "los", "las", "_", "":
		return true
	}
	return false
}

// russianForms lists the case forms of one word of a Russian name, from the
// paradigm its nominative ending selects: "Армения" → "Армении", "Армению",
// "Арменией"; "Соединенные" → "Соединенных", ...
func russianForms(w string) []string {
	type paradigm struct {
		end   string
		forms []string
	}
	paradigms := []paradigm{
		{"ская", []string{"ская", "ской", "скую", "скою"}},
		{"ия", []string{"ия", "ии", "ию", "ией", "иею"}},
		{"ая", []string{"ая", "ой", "ую", "ою"}},
		{"яя", []string{"яя", "ей", "юю", "ею"}},
		{"ое", []string{"ое", "ого", "ому", "ым", "ом"}},
		{"ые", []string{"ые", "ых", "ым", "ыми"}},
		{"ие", []string{"ие", "их", "им", "ими"}},
		{"ство", []string{"ство", "ства", "ству", "ством", "стве"}},
		// Adjectives and nouns ("Маврикий") share the ending.
		{"ий", []string{"ий", "ого", "ому", "им", "ом", "ия", "ию", "ием", "ии"}},
		{"ый", []string{"ый", "ого", "ому", "ым", "ом"}},
		{"ья", []string{"ья", "ьи", "ью", "ьей"}},
		{"ь", []string{"ь", "я", "ю", "ем", "е", "и", "ью"}},
		{"й", []string{"й", "я", "ю", "ем", "е"}},
		// Feminine singular, and plurals in -а ("Острова").
		{"а", []string{"а", "ы", "и", "е", "у", "ой", "ою", "ов", "ам", "ами", "ах"}},
		{"я", []string{"я", "и", "е", "ю", "ей", "ею"}},
		// Plurals: the genitive of some has no ending ("Филиппин").
		{"ы", []string{"ы", "", "ов", "ам", "ами", "ах"}},
		{"и", []string{"и", "ов", "ам", "ами", "ах"}},
	}
	last, _ := utf8.DecodeLastRuneInString(w)
	if utf8.RuneCountInString(w) < 3 || !unicode.Is(unicode.Cyrillic, last) {
		return []string{w}
	}
	for _, p := range paradigms {
		if strings.HasSuffix(w, p.end) {
			stem := strings.TrimSuffix(w, p.end)
			out := make([]string, len(p.forms))
			for i, f := range p.forms {
				out[i] = stem + f
			}
			return out
		}
	}
	switch last {
	case 'о', 'у', 'е', 'и', 'ю', 'э':
		return []string{w} // indeclinable: "Того", "Перу", "Кабо-Верде"
	}
	return []string{w, w + "а", w + "у", w + "ом", w + "е"}
}

// foldArabic removes the spelling variation that Arabic text shows for one
// word: hamza forms of alef, final ya and ta marbuta, diacritics, tatweel.
func foldArabic(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x0600 && r <= 0x06FF }) {
		return s
	}
	var b []byte
	for _, r := range s {
		b = appendArabicFolded(b, r)
	}
	return string(b)
}

// arabicFolded is appendArabicFolded over U+0600–U+06FF, by r-0x0600.
var arabicFolded = func() (t [0x100]string) {
	for r := rune(0x0600); r <= 0x06FF; r++ {
		t[r-0x0600] = string(appendArabicFolded(nil, r))
	}
	return t
}()

// appendArabicFolded appends r to dst as foldArabic writes it.
func appendArabicFolded(dst []byte, r rune) []byte {
	switch {
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
		return utf8.AppendRune(dst, 'ا')
	case r == 'ى':
		return utf8.AppendRune(dst, 'ي')
	case r == 'ة':
		return utf8.AppendRune(dst, 'ه')
	case r == 'ـ' || (r >= 0x064B && r <= 0x065F) || r == 0x0670:
		return dst
	case r >= 0x80 && r < 0x800:
		return append(dst, byte(0xC0|r>>6), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(dst, r)
}

// tokenize splits a name into lower-case word tokens; apostrophes, hyphens
// and brackets separate words ("l'Arménie", "Guinea-Bissau"), and "&" is
// read as "and" (upper-case headings write "GREAT BRITAIN & NORTHERN IRELAND").
func tokenize(s string) []string {
	var toks []string
	for _, t := range splitTokens(s) {
		toks = append(toks, t.text)
	}
	return toks
}

type token struct {
	text       string // lower case, Arabic folded
	start, end int    // byte span in the source
	upper      bool   // may start a name (see nextCapital)
	wide       bool   // holds a rune of three bytes or more (Han needs three)
	ascii      bool   // holds only ASCII
	// Where tokenScanner.foldedAt keeps the text of a token read ahead.
	folded bool
	fs, fe int32
}

func splitTokens(s string) []token {
	var toks []token
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		raw := s[start:end]
		r, _ := utf8.DecodeRuneInString(raw)
		toks = append(toks, token{text: foldArabic(strings.ToLower(raw)), start: start, end: end, upper: unicode.IsUpper(r) || !unicode.IsLower(r)})
		start = -1
	}
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		if r == '&' {
			toks = append(toks, token{text: "and", start: i, end: i + 1, upper: true})
		}
	}
	flush(len(s))
	return toks
}

func isWordRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiWord[r]
	}
	return propsOf(r)&(propLetter|propMark) != 0
}

// Arabic attaches conjunctions, prepositions and the article to the word:
// "وأرمينيا", "لأذربيجان", "للاتحاد الروسي".
// A prefix that ends in the article keeps it: "واليمن" is "اليمن".
//
// arabicPrefixes lists them, in the order they are tried, by the low byte
// of their first letter (all in U+0600–U+06FF): most words start with none
// of them and are turned away by one load.
var arabicPrefixes = func() (by [256][]arabicPrefix) {
	for _, p := range []struct{ strip, keep string }{
		{"وال", "ال"}, {"بال", "ال"}, {"فال", "ال"}, {"كال", "ال"},
		{"ولل", "ال"}, {"لل", "ال"}, {"وب", ""}, {"ول", ""}, {"و", ""},
		{"ب", ""}, {"ل", ""}, {"ف", ""}, {"ك", ""},
	} {
		r, _ := utf8.DecodeRuneInString(p.strip)
		if r < 0x0600 || r > 0x06FF {
			panic("extract: Arabic prefix outside U+0600–U+06FF: " + p.strip)
		}
		by[r&0xFF] = append(by[r&0xFF], arabicPrefix{[]byte(p.strip), p.keep})
	}
	return by
}()

type arabicPrefix struct {
	strip []byte
	keep  string
}

// stateHit is one State name found in text.
type stateHit struct {
	code       string
	start, end int
}

// findStates returns every State name written in s, left to right, the
// longest name winning where names overlap ("Papua New Guinea", not
// "Guinea"). A name must start with a capital where the script has them.
//
// It runs over the whole text, so it reads the words as it goes and lowers
// only the capitalised ones, into reused buffers: the words of a text are
// never materialised.
func findStates(s string) []stateHit {
	m := stateMatcher()
	var hits []stateHit
	sc := tokenScanner{s: s}
	var first, cut []byte
	for {
		t, ok := sc.nextCapital()
		if !ok {
			break
		}
		// Lowering leaves Han as it is, so a Chinese run is sent on as read.
		if t.wide && hasHan(s[t.start:t.end]) {
			hits = m.findChinese(s, t.start, t.end, hits)
			continue
		}
		// Most capitalised words start no name: an ASCII one is turned
		// away before it is folded.
		if t.ascii && !m.mayStartASCII(s[t.start:t.end]) {
			continue
		}
		first = sc.fold(first[:0], t)
		var best string
		var bestLen int
		best, bestLen, cut = m.longestName(&sc, t, first, cut)
		if bestLen == 0 {
			continue
		}
		end := t.end
		if bestLen > 1 {
			last, _ := sc.at(bestLen - 1)
			end = last.end
		}
		// "United States dollars" is a currency, not the State.
		if _, ok := sc.at(bestLen); ok {
			if w := sc.foldedAt(bestLen); string(w) == "dollars" || string(w) == "dollar" {
				sc.skip(bestLen)
				continue
			}
		}
		if placeNamed(s, t.start, end) {
			sc.skip(bestLen - 1)
			continue
		}
		hits = append(hits, stateHit{best, t.start, end})
		sc.skip(bestLen - 1)
	}
	return hits
}

// longestName returns the code of the longest name that starts with the
// word t, folded as first, and the words after it, and its length in
// words (0: none). Arabic attaches conjunctions, prepositions and the
// article to the word: each way of cutting them off is tried, in cut, a
// reused buffer it returns.
func (m *matcher) longestName(sc *tokenScanner, t token, first, cut []byte) (string, int, []byte) {
	best, bestLen := "", 0
	try := func(form []byte) {
		w := m.byFirst[string(form)]
		if w == nil {
			return
		}
		if _, ok := sc.at(1); ok && len(w.bySecond) > 0 {
			for _, p := range w.bySecond[string(sc.foldedAt(1))] {
				if len(p.tokens) > bestLen && sc.matchRest(p) {
					best, bestLen = p.code, len(p.tokens)
				}
			}
		}
		if bestLen == 0 && len(w.single) > 0 {
			best, bestLen = w.single[0].code, 1
		}
	}
	if t.ascii || m.mayStart(first) { // an ASCII word passed mayStartASCII
		try(first)
	}
	if r, _ := utf8.DecodeRune(first); r >= 0x0600 && r <= 0x06FF {
		for _, p := range arabicPrefixes[r&0xFF] {
			if rest, ok := bytes.CutPrefix(first, p.strip); ok && utf8.RuneCount(rest) >= 3 {
				cut = append(append(cut[:0], p.keep...), rest...)
				if m.mayStart(cut) {
					try(cut)
				}
			}
		}
	}
	return best, bestLen, cut
}

// Words that make a State's name the name of a place or river: "New
// Mexico", "the Équateur province", "the US state of Georgia", "la province
// de l'Équateur" (but not "a province of the Democratic Republic of the
// Congo", which names the State).
var (
	placeBefore = wordList(func(v *vocabulary) []string { return v.placeBefore })
	placeAfter  = wordList(func(v *vocabulary) []string { return v.placeAfter })
)

// placeNamed reports whether the name at s[start:end] names a place that
// only shares a State's name.
func placeNamed(s string, start, end int) bool {
	before := s[max(0, start-20):start]
	for _, w := range placeBefore {
		if strings.HasSuffix(before, w) && (len(before) == len(w) || !isRegexpWordByte(before[len(before)-len(w)-1])) {
			return true
		}
	}
	after := s[end:min(len(s), end+20)]
	for _, w := range placeAfter {
		if stem, ok := strings.CutSuffix(w, "*"); ok {
			if strings.HasPrefix(after, stem) {
				return true
			}
		} else if strings.HasPrefix(after, w) {
			if r, _ := utf8.DecodeRuneInString(after[len(w):]); !isWordRune(r) {
				return true
			}
		}
	}
	return false
}

// tokenScanner reads the words of a text (splitTokens' tokens) one at a time,
// keeping the few a multi-word name needs to look ahead at.
type tokenScanner struct {
	s     string
	pos   int     // where reading resumes
	ahead []token // tokens read past the current one
	arena []byte  // the folded text of tokens in ahead
}

// next makes the next token the current one.
func (sc *tokenScanner) next() (token, bool) {
	if len(sc.ahead) > 0 {
		t := sc.ahead[0]
		sc.ahead = append(sc.ahead[:0], sc.ahead[1:]...)
		if len(sc.ahead) == 0 {
			sc.arena = sc.arena[:0] // no token points into it any more
		}
		return t, true
	}
	return sc.read()
}

// foldedAt returns the text of the k-th token after the current one (k ≥ 1,
// already read), folding it once: names that share a first word compare
// the same following words.
func (sc *tokenScanner) foldedAt(k int) []byte {
	t := &sc.ahead[k-1]
	if !t.folded {
		t.fs = int32(len(sc.arena))
		sc.arena = sc.fold(sc.arena, *t)
		t.fe = int32(len(sc.arena))
		t.folded = true
	}
	return sc.arena[t.fs:t.fe]
}

// nextCapital makes the next token that may start a name the current one:
// one that starts with a capital or a letter of a script without case, "&",
// or a number glued to Chinese text, whose run findStates searches. Most
// words of a text start in lower case and most others are numbers, and no
// name starts so: text is passed over eight bytes at a time up to the next
// byte that can start such a token (a capital, "&", anything not ASCII).
func (sc *tokenScanner) nextCapital() (token, bool) {
	for len(sc.ahead) > 0 {
		if t, _ := sc.next(); t.upper {
			return t, true
		}
	}
	s := sc.s
	for {
		from := sc.pos
		k := from + indexCapital(s[from:])
		if k == len(s) {
			sc.pos = k
			return token{}, false
		}
		// A capital inside a word that starts in lower case or with a
		// digit ("iPhone", "2A") belongs to that word: read it whole.
		for k > from && asciiWordByte[s[k-1]] {
			k--
		}
		// A word of ASCII letters and digits, the common case, is read
		// here.
		if c := s[k]; 'A' <= c && c <= 'Z' {
			j := k + 1
			for j < len(s) && asciiWordByte[s[j]] {
				j++
			}
			if j == len(s) || s[j] < utf8.RuneSelf {
				sc.pos = j
				return token{start: k, end: j, upper: true, ascii: true}, true
			}
		}
		sc.pos = k
		t, ok := sc.read()
		if !ok || t.upper {
			return t, ok
		}
	}
}

// load64 reads eight bytes of s as a little-endian integer (the compiler
// makes it one load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// indexCapital returns the offset of the first byte of s that is an ASCII
// capital, "&" or not ASCII; len(s) when there is none.
func indexCapital(s string) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := load64(s[i : i+8])
		y := x &^ highs                                         // each byte's low seven bits; sums below do not carry
		upper := (y + (0x80-'A')*ones) &^ (y + (0x7F-'Z')*ones) // high bit: 'A' ≤ byte ≤ 'Z'
		z := y ^ '&'*ones
		amp := ^((z + 0x7F*ones) | z) // high bit: byte == '&'
		if m := (x | upper | amp) & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '&' || 'A' <= c && c <= 'Z' {
			return i
		}
	}
	return len(s)
}

// at returns the k-th token after the current one (k ≥ 1).
func (sc *tokenScanner) at(k int) (token, bool) {
	for len(sc.ahead) < k {
		t, ok := sc.read()
		if !ok {
			return token{}, false
		}
		sc.ahead = append(sc.ahead, t)
	}
	return sc.ahead[k-1], true
}

// skip passes the n tokens after the current one.
func (sc *tokenScanner) skip(n int) {
	for range n {
		sc.next()
	}
}

// read returns the next token: a run of word runes, or "&" read as "and".
// Only the span and the case of the first rune are taken; fold gives the
// text.
func (sc *tokenScanner) read() (token, bool) {
	s := sc.s
	for i := sc.pos; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && !asciiWord[c] {
			i++
			if c == '&' {
				sc.pos = i
				return token{text: "and", start: i - 1, end: i, upper: true}, true
			}
			continue
		}
		r, size := decodeRune(s, i)
		if !isWordRune(r) {
			i += size
			continue
		}
		upper := 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && propsOf(r)&propLower == 0
		wide, ascii := size >= 3, size == 1
		j := i + size
		for j < len(s) {
			c := s[j]
			if asciiWordByte[c] {
				j++
				continue
			}
			if c < utf8.RuneSelf {
				break
			}
			// Two-byte letters (Cyrillic, Arabic, accented Latin) are
			// decoded inline: most words of those scripts are read whole.
			if r, ok := decodeRune2(s, j); ok {
				if bmpProps[r]&(propLetter|propMark) == 0 {
					break
				}
				j += 2
				ascii = false
				continue
			}
			r, size := decodeRune(s, j)
			if !isWordRune(r) {
				break
			}
			j += size
			wide, ascii = wide || size >= 3, false
		}
		// A number glued to Chinese text ("6日卡塔尔…") starts a run that
		// findStates searches.
		upper = upper || '0' <= r && r <= '9' && wide
		sc.pos = j
		return token{start: i, end: j, upper: upper, wide: wide, ascii: ascii}, true
	}
	sc.pos = len(s)
	return token{}, false
}

// fold appends the token's text as splitTokens gives it (lower case, Arabic
// folded) to dst.
func (sc *tokenScanner) fold(dst []byte, t token) []byte {
	if t.text != "" {
		return append(dst, t.text...)
	}
	w := sc.s[t.start:t.end]
	// The ASCII letters that most words are made of, by index.
	n := len(dst)
	dst = slices.Grow(dst, len(w))[:n+len(w)]
	i := 0
	for ; i < len(w) && w[i] < utf8.RuneSelf; i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst[n+i] = c
	}
	dst = dst[:n+i]
	for i < len(w) {
		if c := w[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := decodeRune(w, i)
		switch {
		case r >= 0x0600 && r <= 0x06FF: // Arabic has no case
			dst = append(dst, arabicFolded[r-0x0600]...)
			i += size
			continue
		case r >= 0x0410 && r <= 0x042F: // Cyrillic capitals А–Я
			r += 0x20
		case r >= 0x0430 && r <= 0x045F: // Cyrillic small letters
			dst = append(dst, w[i:i+size]...)
			i += size
			continue
		default:
			r = unicode.ToLower(r)
		}
		dst = appendArabicFolded(dst, r)
		i += size
	}
	return dst
}

// matchRest reports whether the tokens after the current one are the rest of
// pattern p. It reads them one at a time: most patterns fail on their second
// word ("United Nations" is none of the States whose names start "United").
func (sc *tokenScanner) matchRest(p *pattern) bool {
	for k, forms := range p.tokens[1:] {
		if _, ok := sc.at(k + 1); !ok || !slices.Contains(forms, string(sc.foldedAt(k+1))) {
			return false
		}
	}
	return true
}

func hasHan(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < 0xE2 { // U+2E80 and up take three or four bytes
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x2E80 && propsOf(r)&propHan != 0 {
			return true
		}
		i += size
	}
	return false
}

// findChinese scans the run s[offset:runEnd] of Chinese text for State names at every
// character, longest first. A name followed by 语 is the language
// ("西班牙语"), not the State.
func (m *matcher) findChinese(s string, offset, runEnd int, hits []stateHit) []stateHit {
	run := s[offset:runEnd]
	for i := 0; i < len(run); {
		r, size := decodeRune(run, i)
		if r < 0x10000 && m.zhFirst[r/64]&(1<<(r%64)) == 0 {
			i += size
			continue
		}
		matched := 0
		for _, name := range m.zh[r] {
			// A name may run past the run into brackets: "刚果（金）".
			if strings.HasPrefix(s[offset+i:], name) {
				if !zhNotAName(name, s[offset+i+len(name):]) {
					hits = append(hits, stateHit{m.zhCode[name], offset + i, offset + i + len(name)})
				}
				matched = len(name)
				break
			}
		}
		if matched > 0 {
			i += matched
		} else {
			i += size
		}
	}
	return hits
}

// zhNotAName reports whether a Chinese State name, followed by rest, is
// part of other words, Chinese being written without spaces: a language
// ("西班牙语"), "国家" or "国际" across the name's last character ("合法国家"
// holds 法国), or a longer transliterated name that goes on with a
// transliteration character ("马里乌波尔", Mariupol, holds 马里).
func zhNotAName(name, rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	switch {
	case r == '语':
		return true
	case strings.HasSuffix(name, "国") && (r == '家' || r == '际'):
		return true
	}
	return strings.ContainsRune("乌波斯克诺维奇夫", r)
}

// mentions counts the State names of the text, sorted by code.
func mentions(hits []stateHit) []uncite.Mention {
	counts := map[string]int{}
	for _, h := range hits {
		counts[h.code]++
	}
	out := make([]uncite.Mention, 0, len(counts))
	for c, n := range counts {
		out = append(out, uncite.Mention{State: c, Count: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].State < out[j].State })
	return out
}
