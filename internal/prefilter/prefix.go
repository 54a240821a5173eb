package prefilter

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
)

// Prefix runs an anchored pattern ("^…") on the start of a text,
// giving it no more than the text its longest match can read: the regexp
// package's backtracker clears a bitmap sized to its whole input on every
// call, which made each short match cost as much as the kilobytes after it.
type Prefix struct {
	re     *regexp.Regexp
	maxLen int
	// Most texts it is asked about fail at once: a match starts with one of
	// the bytes in first and, when known, one of lits (lower case where
	// fold); both nil when any text may match.
	lits  []string
	fold  bool
	first *[256]bool
}

// MustCompilePrefix compiles expr, which must start with "^"; it panics
// (at init) otherwise.
func MustCompilePrefix(expr string) *Prefix {
	if !strings.HasPrefix(expr, "^") {
		panic("prefilter: prefix pattern must start with ^: " + expr)
	}
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	tree = tree.Simplify()
	p := &Prefix{re: regexp.MustCompile(expr), maxLen: matchSpan(tree)}
	if tree.Op == syntax.OpConcat && tree.Sub[0].Op == syntax.OpBeginText {
		rest := &syntax.Regexp{Op: syntax.OpConcat, Sub: tree.Sub[1:]}
		p.fold = hasFoldCase(rest)
		if lits, _, ok := prefixLiterals(rest, p.fold); ok && len(lits) <= maxPrefixLiterals && !slices.Contains(lits, "") {
			p.first = new([256]bool)
			for _, l := range lits {
				if p.fold {
					l = asciiLower(l)
					if c := l[0]; 'a' <= c && c <= 'z' {
						p.first[c-'a'+'A'] = true
					}
				}
				p.first[l[0]] = true
				p.lits = append(p.lits, l)
			}
			return p
		}
		if runes, canBeEmpty := firstRunes(tree.Sub[1:]); runes != nil && !canBeEmpty {
			p.first = new([256]bool)
			for _, r := range runes {
				p.first[string(r)[0]] = true
			}
		}
	}
	return p
}

// firstRunes returns the runes a match of the sequence subs can start with,
// and whether it can be empty; nil runes when too many to list.
func firstRunes(subs []*syntax.Regexp) (runes []rune, canBeEmpty bool) {
	for _, re := range subs {
		rs, empty := firstRunesOf(re)
		if rs == nil && !empty {
			return nil, false
		}
		runes = append(runes, rs...)
		if !empty {
			return runes, false
		}
	}
	return runes, true
}

func firstRunesOf(re *syntax.Regexp) (runes []rune, canBeEmpty bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []rune{}, true
	case syntax.OpLiteral:
		r := re.Rune[0]
		runes = []rune{r}
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				runes = append(runes, f)
			}
		}
		return runes, false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 64 || len(runes) > 256 {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				runes = append(runes, r)
			}
		}
		return runes, false
	case syntax.OpCapture, syntax.OpPlus:
		return firstRunes(re.Sub)
	case syntax.OpRepeat:
		rs, empty := firstRunes(re.Sub)
		return rs, empty || re.Min == 0
	case syntax.OpQuest, syntax.OpStar:
		rs, _ := firstRunes(re.Sub)
		if rs == nil {
			return nil, false
		}
		return rs, true
	case syntax.OpConcat:
		return firstRunes(re.Sub)
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			rs, empty := firstRunesOf(sub)
			if rs == nil && !empty {
				return nil, false
			}
			runes = append(runes, rs...)
			canBeEmpty = canBeEmpty || empty
		}
		return runes, canBeEmpty
	}
	return nil, false // any character, or an assertion about the text before
}

// may reports whether a match can start at the start of s.
func (p *Prefix) may(s string) bool {
	if p.fold && hasExoticFold(s[:min(len(s), 64)]) {
		return true
	}
	if p.first != nil && (len(s) == 0 || !p.first[s[0]]) {
		return false
	}
	if p.lits == nil {
		return true
	}
	for _, l := range p.lits {
		if len(s) >= len(l) && (p.fold && equalLowerASCII(s[:len(l)], l) || !p.fold && s[:len(l)] == l) {
			return true
		}
	}
	return false
}

func (p *Prefix) cut(s string) string {
	if p.maxLen >= 0 && len(s) > p.maxLen {
		return s[:p.maxLen]
	}
	return s
}

// Plain returns the pattern compiled by package regexp alone.
func (p *Prefix) Plain() *regexp.Regexp { return p.re }

// MatchString reports whether s starts with a match, like regexp's.
func (p *Prefix) MatchString(s string) bool {
	return p.may(s) && p.re.MatchString(p.cut(s))
}

// FindStringIndex returns the span of the match at the start of s, like
// regexp's.
func (p *Prefix) FindStringIndex(s string) []int {
	if !p.may(s) {
		return nil
	}
	return p.re.FindStringIndex(p.cut(s))
}
