package extract

import (
	"strings"
	"unicode"
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
	for _, r := range p {
		switch {
		case r < 0x80:
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				latin++
			}
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.IsLetter(r):
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
	counts := map[string]int{}
	n := 0
	for w := range strings.FieldsFuncSeq(p, func(r rune) bool { return !unicode.IsLetter(r) }) {
		n++
		if l, ok := stopwords[strings.ToLower(w)]; ok {
			counts[l]++
		}
	}
	best, bestN := "", 0
	for _, l := range []string{langEN, langFR, langES} {
		if counts[l] > bestN {
			best, bestN = l, counts[l]
		}
	}
	if bestN < 2 && n > 4 {
		return "", n
	}
	return best, n
}
