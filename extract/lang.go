package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Language codes of the six official UN languages.
const (
	langAR = "ar"
	langZH = "zh"
	langEN = "en"
	langES = "es"
	langFR = "fr"
	langRU = "ru"
)

// Function words that tell the three Latin-script languages apart. Words the
// languages share ("de", "la", "en", "que") are left out on purpose.
var stopwords = map[string]string{
	"the": langEN, "of": langEN, "and": langEN, "to": langEN, "in": langEN, "is": langEN, "that": langEN,
	"for": langEN, "on": langEN, "with": langEN, "by": langEN, "as": langEN, "are": langEN, "be": langEN,
	"this": langEN, "which": langEN, "its": langEN, "has": langEN, "have": langEN, "from": langEN, "at": langEN,
	"it": langEN, "was": langEN, "were": langEN, "will": langEN, "their": langEN,
	"le": langFR, "les": langFR, "des": langFR, "du": langFR, "et": langFR, "à": langFR, "qui": langFR,
	"pour": langFR, "dans": langFR, "par": langFR, "une": langFR, "sur": langFR, "est": langFR, "au": langFR,
	"aux": langFR, "ses": langFR, "cette": langFR, "ces": langFR, "il": langFR, "sont": langFR, "ont": langFR,
	"été": langFR, "leur": langFR, "avec": langFR,
	"el": langES, "los": langES, "las": langES, "del": langES, "y": langES, "por": langES, "para": langES,
	"con": langES, "una": langES, "su": langES, "sus": langES, "se": langES, "al": langES, "lo": langES,
	"como": langES, "más": langES, "está": langES, "fue": langES, "han": langES, "entre": langES, "sobre": langES,
}

// detectLanguages returns the languages the paragraphs of the flowed text are
// written in, in order of first appearance. Each paragraph is given to one
// language (by script, then by function words) and a language counts when its
// paragraphs hold a real share of the words: a bilingual letterhead does not
// make a letter bilingual.
func detectLanguages(flowed string) []string {
	words := map[string]int{}
	var order []string
	total := 0
	for para := range strings.SplitSeq(flowed, "\n") {
		lang, n := paragraphLanguage(para)
		total += n
		if lang == "" {
			continue
		}
		if words[lang] == 0 {
			order = append(order, lang)
		}
		words[lang] += n
	}
	var out []string
	for _, l := range order {
		if words[l] >= 20 && words[l]*10 >= total {
			out = append(out, l)
		}
	}
	if len(out) == 0 && len(order) > 0 {
		best := order[0]
		for _, l := range order {
			if words[l] > words[best] {
				best = l
			}
		}
		out = []string{best}
	}
	return out
}

// paragraphLanguage guesses the language of one paragraph and returns it with
// the paragraph's weight in words (a Han character counts as one word).
func paragraphLanguage(p string) (string, int) {
	var arabic, cyrillic, han, latin int
	for i := 0; i < len(p); {
		if c := p[i]; c < utf8.RuneSelf {
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				latin++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(p[i:])
		i += size
		switch props := propsOf(r); {
		case props&propArabic != 0:
			arabic++
		case props&propCyrillic != 0:
			cyrillic++
		case props&propHan != 0:
			han++
		case props&propLetter != 0:
			latin++
		}
	}
	switch {
	case han > 0 && han*2 >= latin:
		return langZH, han
	case arabic > 0 && arabic >= latin:
		return langAR, arabic / 5
	case cyrillic > 0 && cyrillic >= latin:
		return langRU, cyrillic / 6
	case latin == 0:
		return "", 0
	}
	var en, fr, es, n int
	for start := 0; start < len(p); {
		w, end := nextWord(p, start)
		if w == "" {
			break
		}
		n++
		switch stopwordLang(w) {
		case langEN:
			en++
		case langFR:
			fr++
		case langES:
			es++
		}
		start = end
	}
	best, bestN := "", 0
	for _, c := range []struct {
		lang string
		n    int
	}{{langEN, en}, {langFR, fr}, {langES, es}} {
		if c.n > bestN {
			best, bestN = c.lang, c.n
		}
	}
	if bestN < 2 && n > 4 {
		return "", n
	}
	return best, n
}

// nextWord returns the first run of letters of p at or after from, and
// where it ends.
func nextWord(p string, from int) (string, int) {
	start := -1
	for i := from; i < len(p); {
		c := p[i]
		size := 1
		letter := false
		if c < utf8.RuneSelf {
			letter = c|0x20 >= 'a' && c|0x20 <= 'z'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(p[i:])
			letter = propsOf(r)&propLetter != 0
		}
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			return p[start:i], i
		}
		i += size
	}
	if start < 0 {
		return "", len(p)
	}
	return p[start:], len(p)
}

// stopwordLang returns the language w is a function word of, "" for none.
// Function words are short, so longer words are not looked at, and a short
// one is lowered into an integer key rather than a new string.
func stopwordLang(w string) string {
	// Lowering shrinks a rune by at most two bytes (the Kelvin sign to "k").
	if len(w) > 3*maxStopword {
		return ""
	}
	var key uint64
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return stopwordLangSlow(w)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if n++; n > maxStopword {
			return ""
		}
		key = key<<8 | uint64(c)
	}
	return stopwordKeys[key]
}

func stopwordLangSlow(w string) string {
	var key uint64
	n := 0
	for _, r := range w {
		var buf [utf8.UTFMax]byte
		for _, c := range utf8.AppendRune(buf[:0], unicode.ToLower(r)) {
			if n++; n > maxStopword {
				return ""
			}
			key = key<<8 | uint64(c)
		}
	}
	return stopwordKeys[key]
}

// maxStopword is the length of the longest function word in bytes
// ("which", "cette", "sobre", "está").
var maxStopword = func() int {
	n := 0
	for w := range stopwords {
		n = max(n, len(w))
	}
	if n > 8 {
		panic("extract: a stopword does not fit a uint64 key")
	}
	return n
}()

// stopwordKeys holds the stopwords by their bytes packed into an integer
// (words hold no zero byte, so the packing is unambiguous).
var stopwordKeys = func() map[uint64]string {
	m := make(map[uint64]string, len(stopwords))
	for w, lang := range stopwords {
		var key uint64
		for i := 0; i < len(w); i++ {
			key = key<<8 | uint64(w[i])
		}
		m[key] = lang
	}
	return m
}()
