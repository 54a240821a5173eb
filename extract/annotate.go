package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/uncite/uncite"
)

// Stage 4, annotate: the occurrences resolved become one citation per
// resolution (buildCitations), with its count, the sentences it stands in
// (clipContext), the clause verbs that introduce it and whether an
// operative paragraph cites it.

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = wordSet(func(v *vocabulary) []string { return v.abbreviations })

// sentenceBounds returns the bounds of the sentence of paragraph text p
// that holds [start, end): the span between the nearest sentence ends
// around it, white space included.
func sentenceBounds(p string, start, end int) (int, int) {
	s := 0
	for j := start - 1; j > 0; j-- {
		if mayEndSentence[p[j]] && isSentenceEnd(p, j) {
			s = j + 1
			break
		}
	}
	e := len(p)
	for j := end; j < len(p); j++ {
		if mayEndSentence[p[j]] && isSentenceEnd(p, j) {
			e = j + 1
			if p[j] == ' ' {
				e = j
			}
			break
		}
	}
	return s, e
}

// isSentenceEnd reports whether the byte at j ends a sentence: a full stop,
// question or exclamation mark or semicolon followed by a space and a capital
// (or the paragraph end), not after an abbreviation or a lone initial, or a
// CJK full stop.
func isSentenceEnd(p string, j int) bool {
	c := p[j]
	switch c {
	case '.', '!', '?', ';':
	default:
		if c == 0x82 && j >= 2 && p[j-2:j+1] == "。" {
			return true
		}
		return false
	}
	if j+1 < len(p) && p[j+1] != ' ' {
		return false
	}
	if c == ';' {
		return true
	}
	if j+2 < len(p) {
		r, _ := utf8.DecodeRuneInString(p[j+2:])
		if !unicode.IsUpper(r) && !unicode.Is(unicode.Arabic, r) {
			return false
		}
	}
	if c == '.' {
		w := j
		for w > 0 && p[w-1] != ' ' && p[w-1] != '(' {
			w--
		}
		word := p[w:j]
		if abbreviations[word] || utf8.RuneCountInString(word) == 1 {
			return false
		}
	}
	return true
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
