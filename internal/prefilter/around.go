package prefilter

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// EachAround calls fn, in order, with the matches of re that hold one of the
// literal anchors, which every match of re holds once, at most before bytes
// after its start and after bytes before its end. re runs only on the
// window around each anchor, which is what makes a pattern that starts with
// a character class (a number, a capital) cheap to find in a long text.
// Windows do not reach back past the previous anchor: no match spans two.
func EachAround(s string, anchors []string, before, after int, re *regexp.Regexp, fn func(m []int) bool) {
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

// EachBefore is EachAround for patterns that hold the anchor after at most
// words words (runs of anything but white space) and the white space around
// them: the window reaches back that far and no further (nor past the
// previous anchor), and takes the byte before it as context for \b.
func EachBefore(s, anchor string, words, after int, re *regexp.Regexp, fn func(m []int) bool) {
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
			for ws > prevEnd && i-ws < maxBack && isSpace(s[ws-1]) {
				ws--
			}
			for ws > prevEnd && i-ws < maxBack && !isSpace(s[ws-1]) {
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

// isSpace is \s of package regexp: ASCII white space but \v.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
