package extract

import (
	"unicode"
	"unicode/utf8"
)

// The scans ask the same few Unicode questions of every rune of the text
// (letter? space? which script?). unicode.Is answers each by a search of a
// range table; a table over the Basic Multilingual Plane, built once from the
// same range tables, answers them with one load.

type runeProps uint8

const (
	propLetter   runeProps = 1 << iota // unicode.IsLetter
	propMark                           // unicode.Mn
	propLower                          // unicode.IsLower
	propUpper                          // unicode.IsUpper
	propSpace                          // unicode.IsSpace
	propArabic                         // unicode.Arabic script
	propCyrillic                       // unicode.Cyrillic script
	propHan                            // unicode.Han script
)

// The table is built at init (it takes well under a millisecond): a
// sync.OnceValue costs a call on each of the millions of lookups.
var bmpProps = func() (t [0x10000]runeProps) {
	for _, x := range []struct {
		tab  *unicode.RangeTable
		prop runeProps
	}{
		{unicode.Letter, propLetter}, {unicode.Mn, propMark}, {unicode.Lower, propLower},
		{unicode.Upper, propUpper}, {unicode.White_Space, propSpace}, {unicode.Arabic, propArabic},
		{unicode.Cyrillic, propCyrillic}, {unicode.Han, propHan},
	} {
		for _, r := range x.tab.R16 {
			for c := int(r.Lo); c <= int(r.Hi); c += int(r.Stride) {
				t[c] |= x.prop
			}
		}
		for _, r := range x.tab.R32 {
			for c := int(r.Lo); c <= int(r.Hi) && c < len(t); c += int(r.Stride) {
				t[c] |= x.prop
			}
		}
	}
	return t
}()

// propsOf returns the properties of r; outside the table it asks package
// unicode. It is small enough to be inlined into the scans.
func propsOf(r rune) runeProps {
	if uint32(r) < 0x10000 {
		return bmpProps[r]
	}
	return propsOfAstral(r)
}

func propsOfAstral(r rune) runeProps {
	var p runeProps
	set := func(ok bool, prop runeProps) {
		if ok {
			p |= prop
		}
	}
	set(unicode.IsLetter(r), propLetter)
	set(unicode.Is(unicode.Mn, r), propMark)
	set(unicode.IsLower(r), propLower)
	set(unicode.IsUpper(r), propUpper)
	set(unicode.IsSpace(r), propSpace)
	set(unicode.Is(unicode.Arabic, r), propArabic)
	set(unicode.Is(unicode.Cyrillic, r), propCyrillic)
	set(unicode.Is(unicode.Han, r), propHan)
	return p
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the common cases done
// inline: ASCII and two-byte runes (Cyrillic, Arabic, accented Latin) here,
// the three-byte runes from U+1000 up that need no further check (Chinese)
// in decodeRune3: the scans decode every rune of the text.
func decodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if r, ok := decodeRune2(s, i); ok {
		return r, 2
	}
	return decodeRune3(s, i)
}

// decodeRune2 decodes the two-byte rune at s[i], if one is there; small
// enough to be inlined into the loops that read words of those scripts.
func decodeRune2(s string, i int) (rune, bool) {
	if c := s[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), true
	}
	return 0, false
}

func decodeRune3(s string, i int) (rune, int) {
	if plainLead3(s[i]) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// plainLead3 reports whether c leads three-byte sequences that are valid
// with any two continuation bytes and never encode white space: E4–EC and
// EE–EF (E0 and ED restrict the second byte; E1–E3 lead the spaces
// U+1680, U+2000–U+205F and U+3000).
func plainLead3(c byte) bool {
	return c >= 0xE4 && c <= 0xEC || c == 0xEE || c == 0xEF
}

// asciiWord marks the bytes that are word runes on their own (isWordRune);
// asciiWordByte is the same over all byte values, false from 0x80 up.
var (
	asciiWord = func() (t [utf8.RuneSelf]bool) {
		for c := 0; c < utf8.RuneSelf; c++ {
			t[c] = c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9'
		}
		return t
	}()
	asciiWordByte = func() (t [256]bool) {
		copy(t[:], asciiWord[:])
		return t
	}()
)
