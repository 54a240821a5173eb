package prefilter

import "strings"

// Set finds where the literals of several patterns occur in one pass over
// a text, for a caller that runs many patterns on the same short text (a
// document's cover) and hands each its own candidates (Regexp.EachAt).
type Set struct{ index literalIndex }

// NewSet indexes the literals of pats.
func NewSet(pats []*Regexp) *Set {
	x := &Set{}
	for i, p := range pats {
		for _, l := range p.lits {
			x.index.add(l, p.fold, i)
		}
	}
	x.index.buildSkips()
	return x
}

// Scan calls hit with the index in pats of the pattern and the offset of
// each occurrence of one of its literals in s, in order of offset (a
// pattern's candidates may repeat an offset), until hit returns false.
func (x *Set) Scan(s string, hit func(pat, at int) bool) { x.index.scan(s, hit) }

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

// load64 reads eight bytes of s as a little-endian integer (the compiler
// makes it one load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
