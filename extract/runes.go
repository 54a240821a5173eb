package extract

import (
	"sync"
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

var bmpProps = sync.OnceValue(func() *[0x10000]runeProps {
	t := new([0x10000]runeProps)
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
})

// propsOf returns the properties of r; outside the table it asks package
// unicode.
func propsOf(r rune) runeProps {
	if r >= 0 && r < 0x10000 {
		return bmpProps()[r]
	}
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

// asciiWord marks the bytes that are word runes on their own (isWordRune).
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9'
	}
	return t
}()
