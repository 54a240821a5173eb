package extract

import (
	"slices"
	"strings"
	"sync"

	"github.com/uncite/uncite/internal/prefilter"
)

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
func coverID(p *prefilter.Regexp) int {
	return slices.Index(coverPatterns(), p)
}

// coverPatterns are the patterns run on covers.
var coverPatterns = sync.OnceValue(func() []*prefilter.Regexp {
	return []*prefilter.Regexp{
		reHRCHeader, reSCHeader, reGAHeader, reESCHeader, reDraftDecision, reDraftResolution, reNoteVerbale,
		reAdoptedRes, reAdoptedDec, reAdoptedOn, reAgenda, reStateReport, reAmendment,
	}
})

var coverIndex = sync.OnceValue(func() *prefilter.Set {
	return prefilter.NewSet(coverPatterns())
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
	coverIndex().Scan(c.text, func(pat, at int) bool {
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
func (c *cover) match(p *prefilter.Regexp) bool {
	return c.find(p) != nil
}

// lineMay reports whether p may match line i: whether one of its literals
// starts there.
func (c *cover) lineMay(p *prefilter.Regexp, i int) bool {
	id := coverID(p)
	if id < 0 || p.LiteralsMiss(c.lines[i]) {
		return true
	}
	cands := c.cands[id]
	start, end := c.start[i], c.start[i]+len(c.lines[i])
	k, _ := slices.BinarySearch(cands, start)
	return k < len(cands) && cands[k] < end
}

// find returns the leftmost match of p in the cover text.
func (c *cover) find(p *prefilter.Regexp) []int {
	id := coverID(p)
	if id < 0 {
		return p.FindStringSubmatchIndex(c.text)
	}
	cands := c.cands[id]
	if len(cands) == 0 && !p.LiteralsMiss(c.text) {
		return nil
	}
	var out []int
	p.EachAt(c.text, cands, func(m []int) bool {
		out = m
		return false
	})
	return out
}
