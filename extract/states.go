package extract

import (
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
	"SYR": {"zh": {"叙利亚"}},
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
	byFirst map[string][]*pattern
	zh      map[rune][]string // name → code via zhCode, longest first
	zhCode  map[string]string
}

var stateMatcher = sync.OnceValue(buildMatcher)

func buildMatcher() *matcher {
	m := &matcher{byFirst: map[string][]*pattern{}, zh: map[rune][]string{}, zhCode: map[string]string{}}
	seen := map[string]bool{}
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
				m.byFirst[f] = append(m.byFirst[f], p)
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
	for _, ps := range m.byFirst {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].tokens) > len(ps[j].tokens) })
	}
	for r, names := range m.zh {
		sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
		m.zh[r] = names
	}
	return m
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
		{"ы", []string{"ы", "ов", "ам", "ами", "ах"}},
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
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			b.WriteRune('ا')
		case r == 'ى':
			b.WriteRune('ي')
		case r == 'ة':
			b.WriteRune('ه')
		case r == 'ـ' || (r >= 0x064B && r <= 0x065F) || r == 0x0670:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
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
	upper      bool   // first letter is a capital (or the script has none)
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
	if r < 0x80 {
		return r|0x20 >= 'a' && r|0x20 <= 'z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// Arabic attaches conjunctions, prepositions and the article to the word:
// "وأرمينيا", "لأذربيجان", "للاتحاد الروسي".
// A prefix that ends in the article keeps it: "واليمن" is "اليمن".
var arabicPrefixes = []struct{ strip, keep string }{
	{"وال", "ال"}, {"بال", "ال"}, {"فال", "ال"}, {"كال", "ال"}, {"ولل", "ال"}, {"لل", "ال"},
	{"وب", ""}, {"ول", ""}, {"و", ""}, {"ب", ""}, {"ل", ""}, {"ف", ""}, {"ك", ""},
}

// stateHit is one State name found in text.
type stateHit struct {
	code       string
	start, end int
}

// findStates returns every State name written in s, left to right, the
// longest name winning where names overlap ("Papua New Guinea", not
// "Guinea"). A name must start with a capital where the script has them.
func findStates(s string) []stateHit {
	m := stateMatcher()
	var hits []stateHit
	toks := splitTokens(s)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.upper {
			continue
		}
		if hasHan(t.text) {
			hits = m.findChinese(s[t.start:t.end], t.start, hits)
			continue
		}
		best, bestLen := "", 0
		for _, first := range firstForms(t.text) {
			for _, p := range m.byFirst[first] {
				if len(p.tokens) <= bestLen || i+len(p.tokens) > len(toks) {
					continue
				}
				if matchRest(p, toks[i+1:i+len(p.tokens)]) {
					best, bestLen = p.code, len(p.tokens)
				}
			}
		}
		if bestLen == 0 {
			continue
		}
		end := toks[i+bestLen-1].end
		// "United States dollars" is a currency, not the State.
		if next := i + bestLen; next < len(toks) && (toks[next].text == "dollars" || toks[next].text == "dollar") {
			i = next
			continue
		}
		hits = append(hits, stateHit{best, t.start, end})
		i += bestLen - 1
	}
	return hits
}

func firstForms(t string) []string {
	r, _ := utf8.DecodeRuneInString(t)
	if r < 0x0600 || r > 0x06FF {
		return []string{t}
	}
	out := []string{t}
	for _, p := range arabicPrefixes {
		if rest, ok := strings.CutPrefix(t, p.strip); ok && utf8.RuneCountInString(rest) >= 3 {
			out = append(out, p.keep+rest)
		}
	}
	return out
}

func matchRest(p *pattern, toks []token) bool {
	for k, forms := range p.tokens[1:] {
		ok := false
		for _, f := range forms {
			if toks[k].text == f {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// findChinese scans a run of Chinese text for State names at every
// character, longest first. A name followed by 语 is the language
// ("西班牙语"), not the State.
func (m *matcher) findChinese(run string, offset int, hits []stateHit) []stateHit {
	for i := 0; i < len(run); {
		r, size := utf8.DecodeRuneInString(run[i:])
		matched := 0
		for _, name := range m.zh[r] {
			if strings.HasPrefix(run[i:], name) {
				if !strings.HasPrefix(run[i+len(name):], "语") {
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
