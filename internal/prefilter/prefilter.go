// Package prefilter runs regular expressions fast on long texts by
// finding first where a match can start.
//
// The patterns it was written for are long alternations over six languages
// ("Security Council|Conseil de sécurité|Consejo de Seguridad|…"). Go's
// regexp package speeds up a search only for a pattern with one literal
// prefix; for an alternation it steps through the text position by position,
// trying every branch, which made extraction run at a few MB/s.
//
// A prefiltered regexp keeps the pattern's meaning and finds where it can
// match first: every match of these patterns starts with one of a few literal
// strings, which the pattern itself yields (prefixLiterals). One pass over
// the text finds those (literalIndex, which skips ahead several bytes at a
// time), and the pattern, anchored, is tried only where one occurs, on a
// slice no longer than its longest match. The results are the regexp's own
// (prefilter_test.go checks them against it).
//
// Prefix does the same for a pattern anchored at the start of a text, and
// EachAround and EachBefore for a pattern that holds a literal somewhere
// other than at its start.
package prefilter

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Regexp is a regexp whose every match starts with one of lits.
type Regexp struct {
	re     *regexp.Regexp // the pattern as written
	at     *regexp.Regexp // the pattern anchored at the start of its input
	lits   []string       // every match starts with one of these
	exact  bool           // the pattern matches exactly the strings of lits
	fold   bool           // lits are lower case, to be found in s with its ASCII letters lowered
	maxLen int            // bytes a match (and the text it looks at) can span; -1: unbounded
	index  literalIndex   // of lits
	// match, when set, is the pattern anchored at the start of s written
	// out, run instead of at (for patterns whose literals say little, such
	// as a digit, and whose regexp would read far past a failed start).
	match func(s string) []int
}

// Bounds of the literal sets: past them a prefilter is slower than the scan
// it saves.
const (
	maxPrefixLiterals = 64
	maxLiteralProduct = 16
)

// MustCompile compiles expr and derives its literal prefixes; it panics
// (at init) when a match could start anywhere, since then prefiltering would
// change the results.
func MustCompile(expr string) *Regexp {
	re := regexp.MustCompile(expr)
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	tree = tree.Simplify()
	fold := hasFoldCase(tree)
	lits, exact, ok := prefixLiterals(tree, fold)
	if fold {
		exact = false
		for i, l := range lits {
			lits[i] = asciiLower(l)
		}
	}
	if !ok || len(lits) == 0 || slices.Contains(lits, "") {
		panic("prefilter: pattern has no literal prefix: " + expr)
	}
	slices.Sort(lits)
	lits = slices.Compact(lits)
	if !exact {
		// A literal that extends another finds nothing the shorter one misses.
		lits = slices.DeleteFunc(slices.Clone(lits), func(l string) bool {
			for _, o := range lits {
				if o != l && strings.HasPrefix(l, o) {
					return true
				}
			}
			return false
		})
	}
	p := &Regexp{
		re:     re,
		at:     regexp.MustCompile(`^(?:` + expr + `)`),
		lits:   lits,
		exact:  exact,
		fold:   fold,
		maxLen: matchSpan(tree),
	}
	for _, l := range lits {
		p.index.add(l, fold, 0)
	}
	p.index.buildSkips()
	return p
}

// prefixLiterals returns strings one of which starts every match of re.
// exact reports that re matches those strings and nothing else; ok is false
// when no such set can be given (a match may start with anything, or after
// looking at the text before it). With fold, the literals are meant to be
// found in text whose ASCII letters are lowered, so a case-insensitive ASCII
// letter needs one form, not two.
func prefixLiterals(re *syntax.Regexp, fold bool) (lits []string, exact, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true, true
	case syntax.OpLiteral:
		return literalForms(re, fold)
	case syntax.OpCharClass:
		var forms []rune
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(forms) == maxLiteralProduct {
					return nil, false, false
				}
				forms = append(forms, r)
			}
		}
		return product([]string{""}, forms), true, len(forms) > 0
	case syntax.OpCapture:
		return prefixLiterals(re.Sub[0], fold)
	case syntax.OpPlus:
		lits, _, ok := prefixLiterals(re.Sub[0], fold)
		return lits, false, ok
	case syntax.OpRepeat:
		if re.Min == 0 {
			return nil, false, false
		}
		lits, _, ok := prefixLiterals(re.Sub[0], fold)
		return lits, false, ok
	case syntax.OpQuest:
		lits, exact, ok := prefixLiterals(re.Sub[0], fold)
		return append(lits, ""), exact, ok
	case syntax.OpAlternate:
		return alternateLiterals(re.Sub, fold)
	case syntax.OpConcat:
		return concatLiterals(re.Sub, fold)
	}
	return nil, false, false
}

// literalForms is prefixLiterals for a literal string: each of its
// case-insensitive runes multiplies the forms, up to maxLiteralProduct.
func literalForms(re *syntax.Regexp, fold bool) (lits []string, exact, ok bool) {
	out := []string{""}
	for i, r := range re.Rune {
		forms := []rune{r}
		if re.Flags&syntax.FoldCase != 0 && !(fold && r < utf8.RuneSelf) {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				forms = append(forms, f)
			}
		}
		if len(out)*len(forms) > maxLiteralProduct {
			return out, false, i > 0
		}
		out = product(out, forms)
	}
	return out, true, true
}

// alternateLiterals is prefixLiterals for an alternation: the literals of
// all its branches.
func alternateLiterals(subs []*syntax.Regexp, fold bool) (lits []string, exact, ok bool) {
	exact = true
	for _, sub := range subs {
		l, e, ok := prefixLiterals(sub, fold)
		if !ok {
			return nil, false, false
		}
		lits = append(lits, l...)
		exact = exact && e
	}
	if len(lits) > maxPrefixLiterals {
		return nil, false, false
	}
	return lits, exact, true
}

// concatLiterals is prefixLiterals for a sequence: the literals of its
// parts joined, as far as they are exact and their number stays bounded.
func concatLiterals(subs []*syntax.Regexp, fold bool) (lits []string, exact, ok bool) {
	out := []string{""}
	for _, sub := range subs {
		lits, e, ok := prefixLiterals(sub, fold)
		extending := len(out) > 1 || out[0] != ""
		if !ok || len(out)*len(lits) > maxPrefixLiterals || (extending && len(out)*len(lits) > maxLiteralProduct) {
			return out, false, !slices.Contains(out, "")
		}
		next := make([]string, 0, len(out)*len(lits))
		for _, a := range out {
			for _, b := range lits {
				next = append(next, a+b)
			}
		}
		out = next
		if !e {
			return out, false, !slices.Contains(out, "")
		}
	}
	return out, true, true
}

// hasFoldCase reports whether part of re is case-insensitive.
func hasFoldCase(re *syntax.Regexp) bool {
	if re.Flags&syntax.FoldCase != 0 {
		return true
	}
	return slices.ContainsFunc(re.Sub, hasFoldCase)
}

// asciiLower lowers the ASCII letters of s only, so that offsets into the
// result are offsets into s.
func asciiLower(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' })
	if i < 0 {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Case-insensitive matching also equates k with the Kelvin sign and s with
// the long s, which asciiLower does not fold; text holding them is searched
// with the plain pattern.
func hasExoticFold(s string) bool {
	return strings.Contains(s, "\u212a") || strings.Contains(s, "ſ")
}

func product(prefixes []string, forms []rune) []string {
	out := make([]string, 0, len(prefixes)*len(forms))
	for _, p := range prefixes {
		for _, r := range forms {
			out = append(out, p+string(r))
		}
	}
	return out
}

// matchSpan bounds, in bytes, the text a match of re reads from its start:
// the match itself plus one rune after it where a word boundary is tested;
// -1 when unbounded (a star, or an end-of-text test, which needs the rest).
func matchSpan(re *syntax.Regexp) int {
	n := span(re)
	if n < 0 {
		return -1
	}
	return n + utf8.UTFMax
}

func span(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral:
		return utf8.UTFMax * len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return span(re.Sub[0])
	case syntax.OpRepeat:
		n := span(re.Sub[0])
		if n < 0 || re.Max < 0 {
			return -1
		}
		return n * re.Max
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n := span(sub)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	return -1 // star, plus, end of line or text
}

// candidates returns the offsets of s where a literal prefix occurs, in order.
// A few literals are found by strings.Index each; more, in one pass over s
// (literalIndex.scan).
func (p *Regexp) candidates(s string) []int {
	var at []int
	if len(p.lits) > 3 || p.fold {
		p.index.scan(s, func(_, i int) bool {
			if len(at) == 0 || at[len(at)-1] != i {
				at = append(at, i)
			}
			return true
		})
		return at
	}
	for _, l := range p.lits {
		for from := 0; ; {
			i := strings.Index(s[from:], l)
			if i < 0 {
				break
			}
			at = append(at, from+i)
			from += i + 1
		}
	}
	slices.Sort(at)
	return slices.Compact(at)
}

// MustCompileWith is MustCompile with the pattern anchored at the start of
// s written out as match, which is run instead of the regexp at each
// candidate: for patterns whose literals say little, such as a digit, and
// whose regexp would read far past a failed start. match must give what
// the anchored regexp gives (submatch offsets into s, nil for none).
func MustCompileWith(expr string, match func(s string) []int) *Regexp {
	p := MustCompile(expr)
	p.match = match
	return p
}

// String returns the pattern as written.
func (p *Regexp) String() string { return p.re.String() }

// Plain returns the pattern compiled by package regexp alone, whose
// results the Regexp's are.
func (p *Regexp) Plain() *regexp.Regexp { return p.re }

// LiteralsMiss reports whether a match in s may start with none of p's
// literals as a Set finds them: case-insensitive matching also equates k
// with the Kelvin sign and s with the long s, which the literals do not
// fold.
func (p *Regexp) LiteralsMiss(s string) bool {
	return p.fold && hasExoticFold(s)
}

// window is the part of s a match starting at i can read.
func (p *Regexp) window(s string, i int) string {
	if p.maxLen < 0 || i+p.maxLen >= len(s) {
		return s[i:]
	}
	return s[i : i+p.maxLen]
}

// MatchString reports whether s contains a match.
func (p *Regexp) MatchString(s string) bool {
	if p.exact {
		for _, l := range p.lits {
			if strings.Contains(s, l) {
				return true
			}
		}
		return false
	}
	return p.FindStringSubmatchIndex(s) != nil
}

// FindStringIndex returns the span of the leftmost match, like regexp's.
func (p *Regexp) FindStringIndex(s string) []int {
	if m := p.FindStringSubmatchIndex(s); m != nil {
		return m[:2]
	}
	return nil
}

// FindStringSubmatchIndex returns the leftmost match, like regexp's.
func (p *Regexp) FindStringSubmatchIndex(s string) []int {
	var out []int
	p.Each(s, func(m []int) bool {
		out = m
		return false
	})
	return out
}

// FindAllStringSubmatchIndex returns the successive non-overlapping matches,
// like regexp's with n < 0.
func (p *Regexp) FindAllStringSubmatchIndex(s string) [][]int {
	var out [][]int
	p.Each(s, func(m []int) bool {
		out = append(out, m)
		return true
	})
	return out
}

// Each calls fn with the successive matches of s (submatch offsets into s)
// until fn returns false. A match found at a candidate is the leftmost one
// from there: the pattern does not look behind its start.
func (p *Regexp) Each(s string, fn func(m []int) bool) {
	p.EachAt(s, nil, fn)
}

// EachAt is Each with the candidates of s already found (nil: not yet):
// the offsets where one of p's literals starts, in order, as a Set's Scan
// gives them.
func (p *Regexp) EachAt(s string, cands []int, fn func(m []int) bool) {
	if p.fold && hasExoticFold(s) {
		for _, m := range p.re.FindAllStringSubmatchIndex(s, -1) {
			if !fn(m) {
				return
			}
		}
		return
	}
	next := 0
	try := func(i int) bool {
		if i < next {
			return true
		}
		var m []int
		if p.match != nil {
			m = p.match(s[i:])
		} else {
			m = p.at.FindStringSubmatchIndex(p.window(s, i))
		}
		if m == nil {
			return true
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		next = m[1]
		return fn(m)
	}
	if cands == nil && (len(p.lits) > 3 || p.fold) {
		// Tried as they are found: a search that stops early scans no further.
		p.index.scan(s, func(_, i int) bool { return try(i) })
		return
	}
	if cands == nil {
		cands = p.candidates(s)
	}
	for _, i := range cands {
		if !try(i) {
			return
		}
	}
}
