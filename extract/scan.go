package extract

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The cover and citation patterns are long alternations over six languages
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
// (scan_test.go checks them against it).

// prefiltered is a regexp whose every match starts with one of lits.
type prefiltered struct {
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

// mustPrefilter compiles expr and derives its literal prefixes; it panics
// (at init) when a match could start anywhere, since then prefiltering would
// change the results.
func mustPrefilter(expr string) *prefiltered {
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
		panic("extract: pattern has no literal prefix: " + expr)
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
	p := &prefiltered{
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
		var out []string
		exact := true
		for _, sub := range re.Sub {
			lits, e, ok := prefixLiterals(sub, fold)
			if !ok {
				return nil, false, false
			}
			out = append(out, lits...)
			exact = exact && e
		}
		if len(out) > maxPrefixLiterals {
			return nil, false, false
		}
		return out, exact, true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
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
	return nil, false, false
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
func (p *prefiltered) candidates(s string) []int {
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

// literalIndex finds the occurrences of many literals (of one or several
// patterns) in one pass: it looks at a byte pair only where the first byte
// starts a literal, and compares literals only where the pair starts one.
type literalIndex struct {
	starts  [256]bool    // a literal starts with the byte
	single  [256]bool    // a one-byte literal is the byte
	pairs   pairSet      // a literal starts with the two bytes
	byFirst [256][]int32 // the literals by first byte, as indexes into lits
	lits    []indexedLiteral
	minLen  int               // of the literals
	shift   *[shiftSize]uint8 // see buildSkips; nil: no skipping
	quads   *quadSet          // see buildSkips; nil: not filtered by quads
	bytes   bool              // every literal is one byte
	// one is the byte every literal starts with, if they all start with
	// the same (Chinese ones with 0xE5): strings.IndexByte finds them.
	one    byte
	oneSet bool
}

// shiftSize is the size of the skip table, indexed by a hash of a byte
// pair: small enough to stay in the L1 cache (pairs that share a slot take
// the smaller shift, which is safe).
const shiftSize = 1 << 13

func shiftSlot(a, b byte) int { return (int(a)<<5 ^ int(b)) & (shiftSize - 1) }

// minSkip is the shortest minLen for which skipping pays: each skip waits
// on the table load of the one before, so skips of a few bytes are slower
// than testing every offset against quadSet, whose tests do not wait on
// each other.
const minSkip = 10

// quadSet holds hashes of the first four bytes of the literals, with the
// 0x20 bit of every byte set: ASCII letters of either case hash alike, so
// one test serves literals with and without fold (collisions only cost a
// verify).
type quadSet [1 << 16 / 64]uint64

func quadSlot(x uint32) uint32 { return (x | 0x20202020) * 0x9E3779B1 >> 16 }

func (qs *quadSet) add(s string) {
	k := quadSlot(load32(s))
	qs[k/64] |= 1 << (k % 64)
}

// bit returns 1 when the four bytes x may start a literal, else 0.
func (qs *quadSet) bit(x uint32) uint64 {
	k := quadSlot(x)
	return qs[k/64] >> (k % 64) & 1
}

// load32 reads four bytes of s as a little-endian integer.
func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

type indexedLiteral struct {
	s    string // lower case when fold
	fold bool   // ASCII letters match in either case
	pat  int    // the pattern it belongs to
}

type pairSet [1 << 16 / 64]uint64

func (ps *pairSet) has(a, b byte) bool {
	k := uint(a)<<8 | uint(b)
	return ps[k/64]&(1<<(k%64)) != 0
}

func (ps *pairSet) add(a, b byte) {
	k := uint(a)<<8 | uint(b)
	ps[k/64] |= 1 << (k % 64)
}

func (x *literalIndex) add(s string, fold bool, pat int) {
	cases := func(c byte) []byte {
		if fold && 'a' <= c && c <= 'z' {
			return []byte{c, c - 'a' + 'A'}
		}
		return []byte{c}
	}
	id := int32(len(x.lits))
	x.lits = append(x.lits, indexedLiteral{s, fold, pat})
	for _, c := range cases(s[0]) {
		x.starts[c] = true
		x.byFirst[c] = append(x.byFirst[c], id)
		if len(s) == 1 {
			x.single[c] = true
			continue
		}
		for _, d := range cases(s[1]) {
			x.pairs.add(c, d)
		}
	}
}

// buildSkips prepares scan, once all literals are added. Where the
// literals are long, scan skips ahead (the Wu–Manber method): shift[pair] is
// how far the end of a window of minLen bytes may move when the window ends
// in that byte pair. Where they are shorter, scan tests every offset's four
// bytes against quads.
func (x *literalIndex) buildSkips() {
	x.minLen = len(x.lits[0].s)
	x.bytes = true
	for _, l := range x.lits {
		x.minLen = min(x.minLen, len(l.s))
		x.bytes = x.bytes && len(l.s) == 1
	}
	starts := 0
	for c, ok := range x.starts {
		if ok {
			starts++
			x.one = byte(c)
		}
	}
	x.oneSet = starts == 1
	if x.minLen < 4 || x.minLen > 255 {
		return
	}
	if x.minLen < minSkip {
		x.quads = new(quadSet)
		for _, l := range x.lits {
			x.quads.add(l.s)
		}
		return
	}
	x.shift = new([shiftSize]uint8)
	for k := range x.shift {
		x.shift[k] = uint8(x.minLen - 1)
	}
	cases := func(c byte, fold bool) []byte {
		if fold && 'a' <= c && c <= 'z' {
			return []byte{c, c - 'a' + 'A'}
		}
		return []byte{c}
	}
	for _, l := range x.lits {
		for q := 1; q < x.minLen; q++ {
			for _, a := range cases(l.s[q-1], l.fold) {
				for _, b := range cases(l.s[q], l.fold) {
					k := shiftSlot(a, b)
					x.shift[k] = min(x.shift[k], uint8(x.minLen-1-q))
				}
			}
		}
	}
}

// scan calls hit with the pattern and offset of each literal occurrence, in
// order of offset, until hit returns false.
func (x *literalIndex) scan(s string, hit func(pat, at int) bool) {
	if x.oneSet {
		for i := 0; i < len(s); i++ {
			k := strings.IndexByte(s[i:], x.one)
			if k < 0 {
				return
			}
			i += k
			if !x.verify(s, i, hit) {
				return
			}
		}
		return
	}
	if x.bytes {
		for i := 0; i < len(s); i++ {
			if x.single[s[i]] && !hit(x.lits[x.byFirst[s[i]][0]].pat, i) {
				return
			}
		}
		return
	}
	if x.quads != nil {
		x.scanQuads(s, hit)
		return
	}
	if x.shift == nil {
		for i := 0; i < len(s); i++ {
			if x.starts[s[i]] && !x.verify(s, i, hit) {
				return
			}
		}
		return
	}
	// A window of minLen bytes ends at j; a literal can start at its start
	// only where the pair at its end says so (shift 0).
	for j := x.minLen - 1; j < len(s); {
		if sh := x.shift[shiftSlot(s[j-1], s[j])]; sh > 0 {
			j += int(sh)
			continue
		}
		if !x.verify(s, j-x.minLen+1, hit) {
			return
		}
		j++
	}
}

// scanQuads is scan with quads: four offsets are tested at once, from one
// load, and looked at one by one only when one of them may start a literal
// (a literal is at least four bytes long, so the last three offsets start
// none).
func (x *literalIndex) scanQuads(s string, hit func(pat, at int) bool) {
	q := x.quads
	i := 0
	for ; i+8 <= len(s); i += 4 {
		w := load64(s[i : i+8])
		if q.bit(uint32(w))|q.bit(uint32(w>>8))|q.bit(uint32(w>>16))|q.bit(uint32(w>>24)) == 0 {
			continue
		}
		for j := i; j < i+4; j++ {
			if q.bit(load32(s[j:j+4])) != 0 && !x.verify(s, j, hit) {
				return
			}
		}
	}
	for ; i+4 <= len(s); i++ {
		if q.bit(load32(s[i:i+4])) != 0 && !x.verify(s, i, hit) {
			return
		}
	}
}

// verify reports the literals that start at offset i of s; false when hit
// says to stop.
func (x *literalIndex) verify(s string, i int, hit func(pat, at int) bool) bool {
	c := s[i]
	if !x.starts[c] {
		return true
	}
	if i+1 < len(s) && !x.single[c] && !x.pairs.has(c, s[i+1]) {
		return true
	}
	for _, id := range x.byFirst[c] {
		l := &x.lits[id]
		if len(s)-i < len(l.s) {
			continue
		}
		if l.fold && equalLowerASCII(s[i:i+len(l.s)], l.s) || !l.fold && s[i:i+len(l.s)] == l.s {
			if !hit(l.pat, i) {
				return false
			}
		}
	}
	return true
}

// equalLowerASCII reports whether s, its ASCII letters lowered, is l.
func equalLowerASCII(s, l string) bool {
	for i := 0; i < len(l); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != l[i] {
			return false
		}
	}
	return true
}

// window is the part of s a match starting at i can read.
func (p *prefiltered) window(s string, i int) string {
	if p.maxLen < 0 || i+p.maxLen >= len(s) {
		return s[i:]
	}
	return s[i : i+p.maxLen]
}

// MatchString reports whether s contains a match.
func (p *prefiltered) MatchString(s string) bool {
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
func (p *prefiltered) FindStringIndex(s string) []int {
	if m := p.FindStringSubmatchIndex(s); m != nil {
		return m[:2]
	}
	return nil
}

// FindStringSubmatchIndex returns the leftmost match, like regexp's.
func (p *prefiltered) FindStringSubmatchIndex(s string) []int {
	var out []int
	p.each(s, func(m []int) bool {
		out = m
		return false
	})
	return out
}

// FindAllStringSubmatchIndex returns the successive non-overlapping matches,
// like regexp's with n < 0.
func (p *prefiltered) FindAllStringSubmatchIndex(s string) [][]int {
	var out [][]int
	p.each(s, func(m []int) bool {
		out = append(out, m)
		return true
	})
	return out
}

// each calls fn with the successive matches of s (submatch offsets into s)
// until fn returns false. A match found at a candidate is the leftmost one
// from there: the pattern does not look behind its start.
func (p *prefiltered) each(s string, fn func(m []int) bool) {
	p.eachAt(s, nil, fn)
}

// eachAt is each with the candidates of s already found (nil: not yet).
func (p *prefiltered) eachAt(s string, cands []int, fn func(m []int) bool) {
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

// A cover is the header of a document (the lines before the body opens),
// which a dozen patterns read: the literals of all of them are found in one
// pass (coverPatterns) and each pattern then tries only its own candidates.
type cover struct {
	text  string   // the lines joined by "\n"
	lines []string // trimmed, "" for blank lines
	start []int    // offset of each line in text
	cands [][]int  // by coverID: where each cover pattern's literals occur
}

// coverID is p's index in coverPatterns, -1 for another pattern.
func coverID(p *prefiltered) int {
	return slices.Index(coverPatterns(), p)
}

// coverPatterns are the patterns run on covers.
var coverPatterns = sync.OnceValue(func() []*prefiltered {
	return []*prefiltered{
		reHRCHeader, reSCHeader, reGAHeader, reESCHeader, reDraftDecision, reDraftResolution, reNoteVerbale,
		reAdoptedRes, reAdoptedDec, reAdoptedOn, reAgenda, reStateReport, reAmendment,
	}
})

var coverIndex = sync.OnceValue(func() *literalIndex {
	x := &literalIndex{}
	for i, p := range coverPatterns() {
		for _, l := range p.lits {
			x.add(l, p.fold, i)
		}
	}
	x.buildSkips()
	return x
})

// newCover reads the cover of lines, which were split from text.
func newCover(lines []string, text string) *cover {
	c := &cover{text: joinLines(lines, text), lines: lines, start: make([]int, len(lines))}
	off := 0
	for i, l := range lines {
		c.start[i] = off
		off += len(l) + 1
	}
	c.cands = make([][]int, len(coverPatterns()))
	coverIndex().scan(c.text, func(pat, at int) bool {
		if cs := c.cands[pat]; len(cs) == 0 || cs[len(cs)-1] != at {
			c.cands[pat] = append(cs, at)
		}
		return true
	})
	return c
}

// joinLines is strings.Join(lines, "\n"). Lines usually stand in the text
// they were split from just as they are joined, and the result is then
// that part of the text, not a copy.
func joinLines(lines []string, text string) string {
	if len(lines) == 0 {
		return ""
	}
	start := strings.Index(text, lines[0])
	if start < 0 {
		return strings.Join(lines, "\n")
	}
	i := start
	for k, l := range lines {
		if k > 0 {
			if i >= len(text) || text[i] != '\n' {
				return strings.Join(lines, "\n")
			}
			i++
		}
		if !strings.HasPrefix(text[i:], l) {
			return strings.Join(lines, "\n")
		}
		i += len(l)
	}
	return text[start:i]
}

// match reports whether p matches the cover text.
func (c *cover) match(p *prefiltered) bool {
	return c.find(p) != nil
}

// lineMay reports whether p may match line i: whether one of its literals
// starts there.
func (c *cover) lineMay(p *prefiltered, i int) bool {
	id := coverID(p)
	if id < 0 || p.fold && hasExoticFold(c.lines[i]) {
		return true
	}
	cands := c.cands[id]
	start, end := c.start[i], c.start[i]+len(c.lines[i])
	k, _ := slices.BinarySearch(cands, start)
	return k < len(cands) && cands[k] < end
}

// find returns the leftmost match of p in the cover text.
func (c *cover) find(p *prefiltered) []int {
	id := coverID(p)
	if id < 0 {
		return p.FindStringSubmatchIndex(c.text)
	}
	cands := c.cands[id]
	if len(cands) == 0 && !(p.fold && hasExoticFold(c.text)) {
		return nil
	}
	var out []int
	p.eachAt(c.text, cands, func(m []int) bool {
		out = m
		return false
	})
	return out
}

// prefixMatcher runs an anchored pattern ("^…") on the start of a text,
// giving it no more than the text its longest match can read: the regexp
// package's backtracker clears a bitmap sized to its whole input on every
// call, which made each short match cost as much as the kilobytes after it.
type prefixMatcher struct {
	re     *regexp.Regexp
	maxLen int
	// Most texts it is asked about fail at once: a match starts with one of
	// the bytes in first and, when known, one of lits (lower case where
	// fold); both nil when any text may match.
	lits  []string
	fold  bool
	first *[256]bool
}

func mustPrefixMatcher(expr string) *prefixMatcher {
	if !strings.HasPrefix(expr, "^") {
		panic("extract: prefix pattern must start with ^: " + expr)
	}
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	tree = tree.Simplify()
	p := &prefixMatcher{re: regexp.MustCompile(expr), maxLen: matchSpan(tree)}
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
func (p *prefixMatcher) may(s string) bool {
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

func (p *prefixMatcher) cut(s string) string {
	if p.maxLen >= 0 && len(s) > p.maxLen {
		return s[:p.maxLen]
	}
	return s
}

func (p *prefixMatcher) MatchString(s string) bool {
	return p.may(s) && p.re.MatchString(p.cut(s))
}

func (p *prefixMatcher) FindStringIndex(s string) []int {
	if !p.may(s) {
		return nil
	}
	return p.re.FindStringIndex(p.cut(s))
}

// isRegexpWordByte is \w of package regexp, which \b tests.
func isRegexpWordByte(c byte) bool {
	return c == '_' || c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9'
}

// containsWord reports whether s holds w between word boundaries (\bw\b).
func containsWord(s, w string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(w)
		if (i == 0 || !isRegexpWordByte(s[i-1])) && (end == len(s) || !isRegexpWordByte(s[end])) {
			return true
		}
		from = i + 1
	}
}

// eachAround calls fn, in order, with the matches of re that hold one of the
// literal anchors, which every match of re holds once, at most before bytes
// after its start and after bytes before its end. re runs only on the
// window around each anchor, which is what makes a pattern that starts with
// a character class (a number, a capital) cheap to find in a long text.
// Windows do not reach back past the previous anchor: no match spans two.
func eachAround(s string, anchors []string, before, after int, re *regexp.Regexp, fn func(m []int) bool) {
	var at [][2]int
	for _, a := range anchors {
		for from := 0; ; {
			i := strings.Index(s[from:], a)
			if i < 0 {
				break
			}
			at = append(at, [2]int{from + i, from + i + len(a)})
			from += i + len(a)
		}
	}
	if len(anchors) > 1 {
		slices.SortFunc(at, func(a, b [2]int) int { return a[0] - b[0] })
	}
	prevEnd, done := 0, 0
	for _, a := range at {
		ws := runeStartAfter(s, max(prevEnd, a[0]-before))
		we := runeStartAfter(s, min(len(s), a[1]+after))
		prevEnd = a[1]
		m := matchCovering(re, s, ws, we, a[0], a[1], done)
		if m == nil {
			continue
		}
		done = m[1]
		if !fn(m) {
			return
		}
	}
}

// matchCovering matches re in the window s[ws:we] and returns the match's
// offsets in s, or nil unless the match covers the anchor s[start:end] and
// begins at or after done, the end of the previous match: windows around
// neighbouring anchors overlap, and a match must be reported once.
func matchCovering(re *regexp.Regexp, s string, ws, we, start, end, done int) []int {
	m := re.FindStringSubmatchIndex(s[ws:we])
	if m == nil || ws+m[0] < done || ws+m[0] > start || ws+m[1] < end {
		return nil
	}
	for k := range m {
		if m[k] >= 0 {
			m[k] += ws
		}
	}
	return m
}

// runeStartAfter moves offset i of s forward to the start of a rune.
func runeStartAfter(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// eachBefore is eachAround for patterns that hold the anchor after at most
// words words (runs of anything but white space) and the white space around
// them: the window reaches back that far and no further (nor past the
// previous anchor), and takes the byte before it as context for \b.
func eachBefore(s, anchor string, words, after int, re *regexp.Regexp, fn func(m []int) bool) {
	const maxBack = 400 // bounds the work on text without white space
	prevEnd, done := 0, 0
	for from := 0; ; {
		i := strings.Index(s[from:], anchor)
		if i < 0 {
			return
		}
		i += from
		end := i + len(anchor)
		from = end
		ws := i
		for range words {
			for ws > prevEnd && i-ws < maxBack && isRegexpSpace(s[ws-1]) {
				ws--
			}
			for ws > prevEnd && i-ws < maxBack && !isRegexpSpace(s[ws-1]) {
				ws--
			}
		}
		ws = max(prevEnd, ws-1)
		for ws > 0 && !utf8.RuneStart(s[ws]) {
			ws--
		}
		we := runeStartAfter(s, min(len(s), end+after))
		prevEnd = end
		m := matchCovering(re, s, ws, we, i, end, done)
		if m == nil {
			continue
		}
		done = m[1]
		if !fn(m) {
			return
		}
	}
}
