package pdftext

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is a row of glyphs on one baseline, superscripts included.
type line struct {
	y, size float64 // baseline and the largest font size
	x0, x1  float64
	glyphs  []glyph
	text    string
}

// layout turns the pages' glyphs into text.
func layout(pages []*page) string {
	ls := make([][]line, len(pages))
	for i, p := range pages {
		ls[i] = lines(p)
	}
	dropRunning(pages, ls)
	var out strings.Builder
	var pendingNotes []string // footnotes waiting for their paragraph to end
	var body []*string        // every body line in order, for hyphenation
	pageTexts := make([][]*string, 0, len(pages))
	noteTexts := make([][]string, 0, len(pages))
	for i, p := range pages {
		size := bodySize(ls[i])
		main, notes := splitFootnotes(ls[i], size)
		var texts []*string
		for _, col := range columns(main, p.width) {
			texts = append(texts, render(col, size)...)
		}
		for _, t := range texts {
			if strings.TrimSpace(*t) != "" {
				body = append(body, t)
			}
		}
		pageTexts = append(pageTexts, texts)
		var nt []string
		for _, t := range render(notes, size) {
			nt = append(nt, *t)
		}
		noteTexts = append(noteTexts, nt)
	}
	joinHyphens(body)
	for i, texts := range pageTexts {
		for _, t := range texts {
			s := *t
			if s == gone {
				continue
			}
			if len(pendingNotes) > 0 && strings.TrimSpace(s) == "" {
				writeNotes(&out, pendingNotes)
				pendingNotes = nil
			}
			out.WriteString(s)
			out.WriteByte('\n')
			if len(pendingNotes) > 0 && endsParagraph(s) {
				writeNotes(&out, pendingNotes)
				pendingNotes = nil
			}
		}
		pendingNotes = append(pendingNotes, noteTexts[i]...)
		if len(pendingNotes) > 0 && (len(texts) == 0 || endsParagraph(*texts[len(texts)-1])) {
			writeNotes(&out, pendingNotes)
			pendingNotes = nil
		}
		out.WriteByte('\f')
	}
	if len(pendingNotes) > 0 {
		writeNotes(&out, pendingNotes)
	}
	return out.String()
}

// writeNotes sets footnotes apart with blank lines, as a paragraph of
// their own, so no sentence of the text runs into them.
func writeNotes(out *strings.Builder, notes []string) {
	out.WriteByte('\n')
	for _, n := range notes {
		out.WriteString(n)
		out.WriteByte('\n')
	}
	out.WriteByte('\n')
}

func endsParagraph(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".;:!?", r)
}

// lines groups a page's glyphs into lines, top to bottom.
func lines(p *page) []line {
	gs := p.glyphs
	// Top to bottom, then left to right (finish orders each line by x
	// again, keeping drawing order where x ties).
	slices.SortFunc(gs, func(a, b glyph) int {
		switch {
		case a.y > b.y:
			return -1
		case a.y < b.y:
			return 1
		case a.x < b.x:
			return -1
		case a.x > b.x:
			return 1
		}
		return 0
	})
	var out []line
	for i := 0; i < len(gs); {
		j := i + 1
		size := gs[i].size
		for j < len(gs) && gs[i].y-gs[j].y <= 0.3*max(size, gs[j].size) {
			size = max(size, gs[j].size)
			j++
		}
		out = append(out, line{y: gs[j-1].y, size: size, glyphs: gs[i:j:j]})
		i = j
	}
	// A superscript (a footnote mark, "th") sits above the line it belongs
	// to in a smaller size: it joins that line.
	merged := out[:0]
	for i := 0; i < len(out); i++ {
		l := out[i]
		if i+1 < len(out) {
			next := out[i+1]
			if l.size < 0.85*next.size && l.y-next.y < 0.6*next.size {
				next.glyphs = append(slices.Clip(next.glyphs), l.glyphs...)
				out[i+1] = next
				continue
			}
		}
		merged = append(merged, l)
	}
	for i := range merged {
		merged[i].finish()
	}
	return merged
}

// finish orders a line's glyphs left to right, drops the doubles of
// simulated bold type and spells the line out, with spaces where the gaps
// are (several for a wide gap, as pdftotext -layout does).
func (l *line) finish() {
	slices.SortStableFunc(l.glyphs, func(a, b glyph) int {
		switch {
		case a.x < b.x:
			return -1
		case a.x > b.x:
			return 1
		}
		return 0
	})
	// The line as words in page order, each with the gap before it.
	type word struct {
		sep  string
		text strings.Builder
		rtl  bool
	}
	var words []*word
	var prev *glyph
	kept := l.glyphs[:0]
	rtl, ltr := 0, 0
	for _, g := range l.glyphs {
		// Spaces are read from the gaps they leave: a space glyph can sit
		// anywhere (over the letter before it, in another font).
		if strings.TrimSpace(g.s) == "" || prev != nil && g.s == prev.s && math.Abs(g.x-prev.x) < 0.2*g.size {
			continue
		}
		sep := ""
		if prev != nil {
			gap := g.x - prev.end
			switch {
			case gap > 1.5*l.size:
				sep = strings.Repeat(" ", int(math.Min(gap/(0.5*l.size)+0.5, 200)))
			case gap > 0.15*max(g.size, prev.size), footnoteMark(prev, &g, l.size):
				sep = " "
			}
		}
		if sep != "" || len(words) == 0 {
			words = append(words, &word{sep: sep})
		}
		w := words[len(words)-1]
		w.text.WriteString(g.s)
		r, _ := utf8.DecodeRuneInString(g.s)
		switch {
		case unicode.In(r, unicode.Arabic, unicode.Hebrew):
			w.rtl = true
			rtl++
		case unicode.IsLetter(r):
			ltr++
		}
		kept = append(kept, g)
		prev = &kept[len(kept)-1]
	}
	var b strings.Builder
	if rtl > ltr {
		// Arabic and Hebrew are drawn right to left: read the words from
		// the right, each right-to-left word from its right end; numbers
		// and Latin words keep their page order.
		for i := len(words) - 1; i >= 0; i-- {
			w := words[i]
			if i < len(words)-1 {
				b.WriteString(words[i+1].sep)
			}
			if !w.rtl {
				b.WriteString(w.text.String())
				continue
			}
			rs := []rune(w.text.String())
			slices.Reverse(rs)
			b.WriteString(string(rs))
		}
	} else {
		for _, w := range words {
			b.WriteString(w.sep)
			b.WriteString(w.text.String())
		}
	}
	l.glyphs = kept
	l.text = strings.TrimRight(b.String(), " ")
	if len(kept) > 0 {
		l.x0, l.x1 = kept[0].x, kept[len(kept)-1].end
	}
}

// footnoteMark reports whether a and b meet at the edge of a footnote
// mark: a raised, smaller digit. The mark is a word of its own (pdftotext
// puts a space there too): "resolution 5/1," with footnote 2 must not read
// "5/1,2". A raised ordinal ("22nd") stays one word.
func footnoteMark(a, b *glyph, size float64) bool {
	if math.Abs(a.size-b.size) <= 0.15*size || math.Abs(a.y-b.y) <= 0.1*size {
		return false
	}
	sup := a
	if b.size < a.size {
		sup = b
	}
	r, _ := utf8.DecodeRuneInString(sup.s)
	return unicode.IsDigit(r)
}

// marginZone is the share of the page height at the top and the bottom
// where running headers and footers stand.
const marginZone = 0.12

// dropRunning removes running headers and footers: lines in the top or
// bottom margin whose text, digits aside, recurs on at least three pages
// and on at least 40% of them ("A/HRC/43/2", "Page 4", "GE.20-04483 5").
func dropRunning(pages []*page, ls [][]line) {
	key := func(p *page, l line) string {
		if l.y < p.height*(1-marginZone) && l.y > p.height*marginZone {
			return ""
		}
		k := strings.Map(func(r rune) rune {
			switch {
			case unicode.IsDigit(r):
				return '#'
			case unicode.IsSpace(r):
				return -1
			}
			return r
		}, l.text)
		if k == "" {
			return ""
		}
		if l.y >= p.height/2 {
			return "top:" + k
		}
		return "bottom:" + k
	}
	count := map[string]int{}
	for i, p := range pages {
		seen := map[string]bool{}
		for _, l := range ls[i] {
			if k := key(p, l); k != "" && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	for i, p := range pages {
		ls[i] = slices.DeleteFunc(ls[i], func(l line) bool {
			n := count[key(p, l)]
			return n >= 3 && float64(n) >= 0.4*float64(len(pages))
		})
	}
}

// bodySize is the font size most of a page's text is set in (to the half
// point).
func bodySize(ls []line) float64 {
	type count struct {
		size float64
		n    int
	}
	var counts []count // a page has a handful of sizes
	best := count{}
	for _, l := range ls {
		for _, g := range l.glyphs {
			s := math.Round(g.size*2) / 2
			i := slices.IndexFunc(counts, func(c count) bool { return c.size == s })
			if i < 0 {
				i = len(counts)
				counts = append(counts, count{size: s})
			}
			counts[i].n++
			if c := counts[i]; c.n > best.n || c.n == best.n && c.size > best.size {
				best = c
			}
		}
	}
	return best.size
}

// splitFootnotes takes the lines at the foot of the page set smaller than
// the body text: the footnotes.
func splitFootnotes(ls []line, body float64) (main, notes []line) {
	i := len(ls)
	for i > 0 && ls[i-1].size < 0.9*body {
		i--
	}
	if i == 0 || i == len(ls) {
		return ls, nil
	}
	return ls[:i], ls[i:]
}

// columns splits the lines of a two-column page into the left column and
// the right one, read in that order; a page with no gutter is one column.
// A gutter is a band of the middle third of the page that no line crosses,
// with text on both sides of it on most lines: a table's empty column
// does not qualify.
func columns(ls []line, width float64) [][]line {
	if len(ls) < 10 {
		return [][]line{ls}
	}
	// Free bands: columns of whole points that no glyph run covers.
	lo, hi := int(width/3), int(2*width/3)
	covered := make([]bool, hi-lo+1)
	both := 0
	for _, l := range ls {
		left, right := false, false
		for _, g := range l.glyphs {
			for x := max(int(g.x), lo); x <= min(int(g.end), hi); x++ {
				covered[x-lo] = true
			}
			left = left || g.end < float64(lo)
			right = right || g.x > float64(hi)
		}
		if left && right {
			both++
		}
	}
	// The widest free band wins.
	bestStart, bestLen := -1, 0
	for x := 0; x < len(covered); {
		if covered[x] {
			x++
			continue
		}
		s := x
		for x < len(covered) && !covered[x] {
			x++
		}
		if x-s > bestLen {
			bestStart, bestLen = s, x-s
		}
	}
	if bestLen < 8 || both*10 < len(ls)*6 {
		return [][]line{ls}
	}
	cut := float64(lo + bestStart + bestLen/2)
	var left, right []line
	for _, l := range ls {
		var lg, rg []glyph
		for _, g := range l.glyphs {
			if g.x < cut {
				lg = append(lg, g)
			} else {
				rg = append(rg, g)
			}
		}
		if len(lg) > 0 {
			nl := line{y: l.y, size: l.size, glyphs: lg}
			nl.finish()
			left = append(left, nl)
		}
		if len(rg) > 0 {
			nl := line{y: l.y, size: l.size, glyphs: rg}
			nl.finish()
			right = append(right, nl)
		}
	}
	return [][]line{left, right}
}

// render lays out lines as pdftotext -layout does: each line indented by
// its distance from the page's left edge, and blank lines where the
// vertical gap is wider than a line.
func render(ls []line, body float64) []*string {
	if len(ls) == 0 {
		return nil
	}
	cell := 0.5 * body
	if cell <= 0 {
		cell = 5
	}
	var out []*string
	for i, l := range ls {
		if i > 0 {
			prev := ls[i-1]
			lineH := 1.2 * max(prev.size, l.size)
			if blanks := int((prev.y-l.y)/lineH+0.5) - 1; blanks > 0 {
				for range min(blanks, 4) {
					s := ""
					out = append(out, &s)
				}
			}
		}
		indent := int(math.Max(0, math.Min(l.x0/cell, 200)) + 0.5)
		s := strings.Repeat(" ", indent) + l.text
		out = append(out, &s)
	}
	return out
}

// joinHyphens rejoins words hyphenated at a line end: the word's end moves
// up to the line where it began. A soft hyphen always goes; a hard one
// goes when both halves are lower-case letters and the first half is not
// a prefix written with a hyphen ("non-", "self-") or a number word
// ("Forty-third" keeps its hyphen by its capital).
func joinHyphens(body []*string) {
	for i := 0; i+1 < len(body); i++ {
		cur, next := *body[i], *body[i+1]
		trimmed := strings.TrimRight(cur, " ")
		soft := strings.HasSuffix(trimmed, "\u00AD")
		if !soft && !strings.HasSuffix(trimmed, "-") {
			continue
		}
		head := strings.TrimRight(strings.TrimSuffix(trimmed, "\u00AD"), "-")
		start := strings.LastIndexFunc(head, func(r rune) bool { return !unicode.IsLetter(r) }) + 1
		first := head[start:]
		rest := strings.TrimLeft(next, " ")
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			end = len(rest)
		}
		tail := rest[:end]
		r, _ := utf8.DecodeRuneInString(tail)
		if first == "" || !unicode.IsLower(r) {
			continue
		}
		joined := head + tail
		if !soft {
			f, _ := utf8.DecodeRuneInString(first)
			if !unicode.IsLower(f) || hyphenPrefixes[first] {
				joined = head + "-" + tail
			}
		}
		*body[i] = joined
		indent := len(next) - len(rest)
		left := strings.TrimLeft(rest[end:], " ")
		if left == "" {
			*body[i+1] = gone
			continue
		}
		*body[i+1] = strings.Repeat(" ", indent) + left
	}
	for _, t := range body {
		if strings.Contains(*t, "\u00AD") {
			*t = strings.ReplaceAll(*t, "\u00AD", "")
		}
	}
}

// gone marks a line whose only word joinHyphens moved up: it is not
// written, as a blank line would end the paragraph.
const gone = "\x00"

var hyphenPrefixes = map[string]bool{
	"non": true, "self": true, "co": true, "well": true, "follow": true, "ex": true, "cross": true,
	"multi": true, "anti": true, "semi": true, "mid": true, "post": true, "pre": true, "long": true,
	"short": true, "full": true, "part": true, "high": true, "low": true, "inter": true, "intra": true,
	"sub": true, "socio": true, "so": true, "child": true, "gender": true, "human": true, "state": true,
	"decision": true, "policy": true, "law": true, "time": true, "age": true, "year": true, "up": true,
	"twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true, "seventy": true,
	"eighty": true, "ninety": true,
}
