package extract

import (
	"math/bits"
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

// stopwords are the function words of the vocabularies, by the language
// each tells: they tell apart the languages that share a script (the
// Latin-script ones; the others are told by script alone).
var stopwords = func() map[string]string {
	out := map[string]string{}
	for _, v := range languages {
		for _, w := range v.functionWords {
			if _, ok := out[w]; ok {
				panic("extract: function word of two languages: " + w)
			}
			out[w] = v.code
		}
	}
	return out
}()

// stopwordLangs names the languages by the numbers stopwordKeys gives (0:
// none), in the order of languages, which breaks a tie.
var stopwordLangs = func() []string {
	out := []string{""}
	for _, v := range languages {
		if len(v.functionWords) > 0 {
			out = append(out, v.code)
		}
	}
	if len(out) > len(wordCounts{}) {
		panic("extract: more languages with function words than wordCounts holds")
	}
	return out
}()

// wordCounts counts a paragraph's function words by the numbers
// stopwordKeys gives; its size bounds the languages with function words
// (a fixed array keeps the count of every word in registers or on the
// stack).
type wordCounts [4]int

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
	var words wordCounts // by wordLang
	n := 0
	// The current word: where it starts (-1: none); whether it holds
	// letters that are not ASCII; whether one of them is of a script without
	// function words.
	start, slow, foreign := -1, false, false
	for i := 0; i < len(p); {
		c := p[i]
		if asciiLetter[c] {
			// One load gives the end of the run of ASCII letters and the
			// key of the word it makes (of at most eight of its bytes).
			var j int
			var key uint64
			if i+16 <= len(p) {
				// Sixteen bytes, so that no word under sixteen letters
				// takes a branch on its length: its end is where the
				// first block of eight ends, or if that is all letters,
				// where the second ends.
				x := load64(p[i : i+8])
				n1 := bits.TrailingZeros64(nonLetters(x)) / 8
				n2 := bits.TrailingZeros64(nonLetters(load64(p[i+8:i+16]))) / 8
				j = i + n1 + n1>>3*n2
				if j == i+16 {
					j = asciiLetterRunEnd(p, j)
				}
				key = bits.ReverseBytes64(x|0x2020202020202020) >> ((64 - 8*min8(j-i)) & 63)
			} else {
				j = asciiLetterRunEnd(p, i+1)
				key = asciiWordKey(p, i, j)
			}
			latin += j - i
			if start < 0 {
				if j == len(p) || p[j] < utf8.RuneSelf {
					// A whole word of ASCII letters, the common case. Its
					// key is looked up whatever its length (a key of more
					// than maxStopword bytes finds nothing): a test of the
					// length would be mispredicted at every other word.
					n++
					words[stopwordKeys.get(key)]++
					i = j
					// A single space before the next word: its loop
					// would take the other branch at the top.
					if i+1 < len(p) && p[i] == ' ' && asciiLetter[p[i+1]] {
						i++
					}
					continue
				}
				start, slow, foreign = i, false, false
			}
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			if start >= 0 {
				n++
				words[wordLang(p, start, i, slow, foreign)]++
				start = -1
			}
			i++
			continue
		}
		r, size := rune(0), 2
		if r2, ok := decodeRune2(p, i); ok { // inline: Arabic, Cyrillic
			r = r2
		} else {
			r, size = decodeRune(p, i)
		}
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
			words[wordLang(p, start, i, slow, foreign)]++
			start = -1
		}
		i += size
	}
	if start >= 0 {
		n++
		words[wordLang(p, start, len(p), slow, foreign)]++
	}
	return paragraphVerdict(arabic, cyrillic, han, latin, n, &words)
}

// paragraphVerdict gives a paragraph to a language from the letters of
// each script it holds and, in a Latin script, from its function words
// (by wordLang) among its n words; it returns the paragraph's weight.
func paragraphVerdict(arabic, cyrillic, han, latin, n int, words *wordCounts) (string, int) {
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
	for i, lang := range stopwordLangs[1:] {
		if words[i+1] > bestN {
			best, bestN = lang, words[i+1]
		}
	}
	if bestN < 2 && n > 4 {
		return "", n
	}
	return best, n
}

// asciiLetterRunEnd returns the offset of the first byte of s from i on
// that is not an ASCII letter (len(s) if none). It tests eight bytes at a
// time: a loop that stops at a word's end, a byte at a time, mispredicts
// there, once for every word of the text.
func asciiLetterRunEnd(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if m := nonLetters(load64(s[i : i+8])); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < len(s) && asciiLetter[s[i]] {
		i++
	}
	return i
}

// min8 is min(n, 8) for n ≥ 1, without a branch (the word lengths it is
// asked about are random).
func min8(n int) int {
	d := n - 8
	return 8 + d&(d>>63)
}

// nonLetters sets the high bit of each byte of x that is not an ASCII
// letter, and clears the others.
func nonLetters(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	y := (x | 0x20*ones) &^ highs                            // ASCII letters lowered; each byte's low seven bits
	letter := (y + (0x80-'a')*ones) &^ (y + (0x7F-'z')*ones) // high bit: 'a' ≤ byte ≤ 'z'
	return (x | ^letter) & highs
}

// asciiLetter marks the ASCII letters.
var asciiLetter = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// wordLang returns the index in stopwordLangs of the language the word
// p[start:end] is a function word of (0: none). slow says the word holds
// letters that are not ASCII; foreign, that one is of a script without
// function words.
func wordLang(p string, start, end int, slow, foreign bool) int {
	switch {
	case foreign:
		return 0
	case slow:
		return stopwordKeys.get(stopwordKey(p[start:end]))
	}
	return stopwordKeys.get(asciiWordKey(p, start, end))
}

// asciiWordKey is stopwordKey for p[start:end], a word of ASCII letters;
// for a word longer than maxStopword, a key of more than maxStopword
// bytes, which no function word has.
func asciiWordKey(p string, start, end int) uint64 {
	n := min(end-start, 8)
	if start+8 <= len(p) {
		// One load: the word's bytes lowered, its first byte the most
		// significant.
		x := load64(p[start:start+8]) | 0x2020202020202020
		return bits.ReverseBytes64(x) >> (64 - 8*n)
	}
	var key uint64
	for i := start; i < start+n; i++ {
		key = key<<8 | uint64(p[i]|0x20)
	}
	return key
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

// keyTable is a small hash table from packed words to the index of their
// language in stopwordLangs; looking a word up is asked for every word of a
// text, and a map costs several times as much. Its multiplier is chosen so
// that no two keys share a slot: a lookup is one comparison (0, never a
// key, finds nothing: its slot holds another key or language 0).
type keyTable struct {
	mul   uint64
	keys  [1 << keyBits]uint64
	langs [1 << keyBits]uint8
}

const keyBits = 10

func (t *keyTable) slot(key uint64) uint64 { return key * t.mul >> (64 - keyBits) }

func (t *keyTable) get(key uint64) int {
	i := t.slot(key)
	lang := int(t.langs[i])
	if t.keys[i] != key {
		lang = 0
	}
	return lang
}

var stopwordKeys = func() *keyTable {
	t := &keyTable{}
	for t.mul = 0x9E3779B97F4A7C15; ; t.mul += 2 * 0x9E3779B9 {
		clear(t.keys[:])
		clear(t.langs[:])
		collided := false
		for w, lang := range stopwords {
			key := stopwordKey(w)
			i := t.slot(key)
			if t.keys[i] != 0 {
				collided = true
				break
			}
			t.keys[i] = key
			t.langs[i] = uint8(slices.Index(stopwordLangs, lang))
		}
		if !collided {
			return t
		}
	}
}()
