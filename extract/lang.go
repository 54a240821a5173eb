package extract

import (
	"slices"
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
//
// One pass counts the letters of each script and, for a paragraph that turns
// out to be in a Latin script, its words (runs of letters) and the function
// words among them.
func paragraphLanguage(p string) (string, int) {
	var arabic, cyrillic, han, latin int
	var words [4]int // by wordLang: none, en, fr, es
	n := 0
	// The current word: where it starts (-1: none); whether it holds
	// letters that are not ASCII; whether one of them is of a script without
	// function words.
	start, slow, foreign := -1, false, false
	for i := 0; i < len(p); {
		c := p[i]
		if asciiLetter[c] {
			j := i + 1
			for j < len(p) && asciiLetter[p[j]] {
				j++
			}
			latin += j - i
			if start < 0 {
				start, slow, foreign = i, false, false
			}
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			if start >= 0 {
				n++
				words[wordLang(p[start:i], slow, foreign)]++
				start = -1
			}
			i++
			continue
		}
		r, size := decodeRune(p, i)
		props := propsOf(r)
		switch {
		case props&propArabic != 0:
			arabic++
		case props&propCyrillic != 0:
			cyrillic++
		case props&propHan != 0:
			han++
		case props&propLetter != 0:
			latin++
		}
		switch {
		case props&propLetter != 0:
			if start < 0 {
				start, slow, foreign = i, false, false
			}
			slow = true
			foreign = foreign || props&(propArabic|propCyrillic|propHan) != 0
		case start >= 0:
			n++
			words[wordLang(p[start:i], slow, foreign)]++
			start = -1
		}
		i += size
	}
	if start >= 0 {
		n++
		words[wordLang(p[start:], slow, foreign)]++
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
	best, bestN := "", 0
	for i, lang := range []string{langEN, langFR, langES} {
		if words[i+1] > bestN {
			best, bestN = lang, words[i+1]
		}
	}
	if bestN < 2 && n > 4 {
		return "", n
	}
	return best, n
}

// asciiLetter marks the ASCII letters.
var asciiLetter = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// wordLang returns the index in stopwordLangs of the language word w is a
// function word of (0: none). slow says w holds letters that are not ASCII;
// foreign, that one is of a script without function words.
func wordLang(w string, slow, foreign bool) int {
	switch {
	case foreign:
		return 0
	case slow:
		return stopwordKeys.get(stopwordKey(w))
	case len(w) > maxStopword:
		return 0
	}
	var key uint64
	for i := 0; i < len(w); i++ {
		key = key<<8 | uint64(w[i]|0x20)
	}
	return stopwordKeys.get(key)
}

// stopwordKey packs the lowered bytes of w into an integer key (words hold
// no zero byte, so the packing is unambiguous); 0 when the lowered word is
// longer than any function word.
func stopwordKey(w string) uint64 {
	// Lowering shrinks a rune by at most two bytes (the Kelvin sign to "k").
	if len(w) > 3*maxStopword {
		return 0
	}
	var key uint64
	n := 0
	for _, r := range w {
		var buf [utf8.UTFMax]byte
		for _, c := range utf8.AppendRune(buf[:0], unicode.ToLower(r)) {
			if n++; n > maxStopword {
				return 0
			}
			key = key<<8 | uint64(c)
		}
	}
	return key
}

// stopwordLangs names the languages by the numbers stopwordKeys gives.
var stopwordLangs = [4]string{"", langEN, langFR, langES}

// maxStopword is the length of the longest function word in bytes
// ("which", "cette", "sobre", "está"); init checks it.
const maxStopword = 5

func init() {
	for w := range stopwords {
		if len(w) > maxStopword {
			panic("extract: stopword longer than maxStopword: " + w)
		}
	}
}

// keyTable is a small open-addressed hash table from packed words to the
// index of their language in stopwordLangs; looking a word up is asked for
// every word of a text, and a map costs several times as much.
type keyTable struct {
	keys  [256]uint64
	langs [256]uint8
}

func (t *keyTable) slot(key uint64) int { return int((key * 0x9E3779B97F4A7C15) >> 56) }

func (t *keyTable) get(key uint64) int {
	if key == 0 {
		return 0
	}
	for i := t.slot(key); t.keys[i] != 0; i = (i + 1) & 255 {
		if t.keys[i] == key {
			return int(t.langs[i])
		}
	}
	return 0
}

var stopwordKeys = func() *keyTable {
	t := &keyTable{}
	for w, lang := range stopwords {
		key := stopwordKey(w)
		i := t.slot(key)
		for t.keys[i] != 0 {
			i = (i + 1) & 255
		}
		t.keys[i] = key
		t.langs[i] = uint8(slices.Index(stopwordLangs[:], lang))
	}
	return t
}()
