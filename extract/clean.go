package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stage 1, clean: the text as decoded becomes lines (front matter split
// off, markup and page furniture dropped, cleanLines) and paragraphs, one
// a line (flow), which every later stage reads.

// frontMatter splits Markdown YAML front matter ("---" lines around
// "key: value" pairs) from the text. The metadata was written by whatever
// pipeline produced the file, so it is read as metadata and never scanned as
// document text.
func frontMatter(text string) (meta map[string]string, body string) {
	if !strings.HasPrefix(text, "---\n") {
		return nil, text
	}
	end := strings.Index(text[4:], "\n---")
	if end < 0 {
		return nil, text
	}
	block := text[4 : 4+end]
	body = text[4+end+4:]
	meta = map[string]string{}
	for _, line := range strings.Split(block, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
			v = v[1 : len(v)-1]
		}
		meta[strings.ToLower(strings.TrimSpace(k))] = v
	}
	return meta, body
}

var (
	// Page furniture of PDF text: job numbers, page numbers, bar codes,
	// footnote rules. These lines interrupt sentences across page breaks.
	rePageFurniture = regexp.MustCompile(`^(?:\d{1,4}|\d{1,3}/\d{1,3}|GE\.\d{2}-\d{4,6}.*|\d{2}-\d{5}(?:\s.*)?|\*\d{6,}\*|_{4,}|Page \d+)$`)
)

// cleanLines normalises line ends and Markdown, and drops page furniture and
// lines that are only the document's own symbol (running page headers).
func cleanLines(text, symbol string) []string {
	lines := markupLines(text)
	out := lines[:0]
	squeezedSymbol := squeeze(symbol)
	prev := "" // the last line kept that is not blank
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t != "" && (isPageFurniture(t) && !citedNumber(prev, t) || (squeezedSymbol != "" && equalSqueezed(t, squeezedSymbol))) {
			continue
		}
		out = append(out, l)
		if t != "" {
			prev = t
		}
	}
	return out
}

// citedNumber reports whether t, a line that looks like a page number
// ("3/12"), is the number of a resolution named at the end of the line
// before it (a text set one word a line: "resolution\n73/89\nof").
func citedNumber(prev, t string) bool {
	if !strings.Contains(t, "/") {
		return false
	}
	w := prev[strings.LastIndexByte(prev, ' ')+1:]
	return hasResolutionWord(w)
}

// markupLines is splitLines(normalizeMarkup(text)) without a copy of the
// whole text: only the lines that hold markup are rewritten. A tag that
// may run across lines ("<span\nclass=…>") needs the whole text.
func markupLines(text string) []string {
	if !strings.ContainsAny(text, "\r*<\\") {
		return splitLines(text)
	}
	// Every line end, emphasis run (two) and form feed makes a line: sized
	// once, the slice is not copied as it grows.
	out := make([]string, 0, strings.Count(text, "\n")+2*strings.Count(text, "**")+strings.Count(text, "\r")+strings.Count(text, "\f")+1)
	for rest := text; ; {
		i := strings.IndexByte(rest, '\n')
		seg := rest
		if i >= 0 {
			seg = rest[:i]
		}
		if !strings.ContainsAny(seg, "\r*<\\") {
			out = appendSplit(out, seg)
		} else {
			if k := strings.LastIndexByte(seg, '<'); k >= 0 && strings.IndexByte(seg[k:], '>') < 0 {
				return splitLines(normalizeMarkup(text))
			}
			if i >= 0 {
				seg = strings.TrimSuffix(seg, "\r") // "\r\n" is one line end
			}
			out = appendSplit(out, normalizeMarkup(seg))
		}
		if i < 0 {
			return out
		}
		rest = rest[i+1:]
	}
}

// appendSplit appends the lines of s (split at "\n" and form feeds).
func appendSplit(out []string, s string) []string {
	for {
		i := strings.IndexAny(s, "\n\f")
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+1:]
	}
}

// normalizeMarkup turns "\r\n" and "\r" into "\n"; Markdown emphasis
// runs ("**") into a paragraph break, since they separate blocks that were
// separate lines on the page ("**Council****Forty-third session**"); drops
// the inline HTML tags that converted text keeps (isDroppedTag); and undoes
// Markdown's backslash escapes. One pass copies the text once at most,
// whatever its size; text without any of them is returned as it is.
func normalizeMarkup(text string) string {
	if !strings.ContainsAny(text, "\r*<\\") {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	gt := -1 // the next '>' at or after the last '<' looked at; len(text) when none
	run := 0 // start of the text not yet written
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\r':
			b.WriteString(text[run:i])
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
				run = i
				continue
			}
			b.WriteByte('\n')
			i++
			run = i
			continue
		case c == '*' && i+1 < len(text) && text[i+1] == '*':
			b.WriteString(text[run:i])
			for i < len(text) && text[i] == '*' {
				i++
			}
			b.WriteString("\n\n")
			run = i
			continue
		case c == '<':
			if gt < i {
				if k := strings.IndexByte(text[i:], '>'); k >= 0 {
					gt = i + k
				} else {
					gt = len(text)
				}
			}
			if gt < len(text) && isDroppedTag(text[i+1:gt]) {
				b.WriteString(text[run:i])
				i = gt + 1
				run = i
				continue
			}
		case c == '\\' && i+1 < len(text) && strings.IndexByte("*_[]-", text[i+1]) >= 0 &&
			!strings.HasPrefix(text[i+1:], "**"): // an emphasis run comes first
			b.WriteString(text[run:i])
			b.WriteByte(text[i+1])
			i += 2
			run = i
			continue
		}
		i++
	}
	b.WriteString(text[run:])
	return b.String()
}

// isDroppedTag reports whether the inside of a tag, between "<" and ">",
// is one of the inline HTML tags left in converted text:
// /?(?:sup|sub|br|span|p)\b[^>]*.
func isDroppedTag(t string) bool {
	t = strings.TrimPrefix(t, "/")
	for _, name := range []string{"sup", "sub", "br", "span", "p"} {
		if strings.HasPrefix(t, name) && (len(t) == len(name) || !isRegexpWordByte(t[len(name)])) {
			return true
		}
	}
	return false
}

// splitLines splits text at "\n" and at form feeds (page breaks), which
// the steps before it read as they read "\n": no copy of the text is made
// to turn one into the other.
func splitLines(text string) []string {
	if !strings.Contains(text, "\f") {
		return strings.Split(text, "\n")
	}
	lines := make([]string, 0, strings.Count(text, "\n")+strings.Count(text, "\f")+1)
	for {
		i := strings.IndexByte(text, '\n')
		line := text
		if i >= 0 {
			line = text[:i]
		}
		for f := strings.IndexByte(line, '\f'); f >= 0; f = strings.IndexByte(line, '\f') {
			lines = append(lines, line[:f])
			line = line[f+1:]
		}
		lines = append(lines, line)
		if i < 0 {
			return lines
		}
		text = text[i+1:]
	}
}

// isPageFurniture runs rePageFurniture only on lines that start the way its
// branches do; most lines are text.
func isPageFurniture(t string) bool {
	may := false
	switch c := t[0]; {
	case c >= '0' && c <= '9':
		// a number of at most seven characters, or "NN-NNNNN…"
		may = len(t) <= 7 || t[2] == '-'
	case c == 'G':
		may = strings.HasPrefix(t, "GE.")
	case c == '*':
		may = t[len(t)-1] == '*'
	case c == '_':
		may = len(t) >= 4 && t[1] == '_'
	case c == 'P':
		may = strings.HasPrefix(t, "Page ")
	}
	return may && rePageFurniture.MatchString(t)
}

// equalSqueezed reports whether squeeze(t) == sq without building
// squeeze(t): it runs for every line of the text.
func equalSqueezed(t, sq string) bool {
	j := 0
	for _, r := range t {
		if propsOf(r)&propSpace != 0 {
			continue
		}
		want, size := utf8.DecodeRuneInString(sq[j:])
		if size == 0 || unicode.ToUpper(r) != want {
			return false
		}
		j += size
	}
	return j == len(sq)
}

// squeeze upper-cases s and drops its white space, the form in which symbols
// are compared.
func squeeze(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if propsOf(r)&propSpace == 0 {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// numberedPara returns the length of the paragraph number that opens s
// ("12. ", "٣ - "): up to three digits, a full stop or dash, a space; 0
// when s does not open with one. It is the pattern
// ^\s*(?:\d{1,3}|[٠-٩]{1,3})\s*[.\-–]\s written out, since it is asked of every
// line.
func numberedPara(s string) int {
	i := skipSpace(s, 0)
	digits := 0
	if i < len(s) && s[i] >= '0' && s[i] <= '9' {
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	} else {
		for i+1 < len(s) && s[i] == 0xD9 && s[i+1] >= 0xA0 && s[i+1] <= 0xA9 { // ٠-٩
			i += 2
			digits++
		}
	}
	if digits == 0 || digits > 3 {
		return 0
	}
	i = skipSpace(s, i)
	switch {
	case i < len(s) && (s[i] == '.' || s[i] == '-'):
		i++
	case strings.HasPrefix(s[i:], "–"):
		i += len("–")
	default:
		return 0
	}
	if i < len(s) && isRegexpSpace(s[i]) {
		return i + 1
	}
	return 0
}

// isRegexpSpace is \s of package regexp: ASCII white space but \v.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func skipSpace(s string, i int) int {
	for i < len(s) && isRegexpSpace(s[i]) {
		i++
	}
	return i
}

// flow joins wrapped lines into paragraphs: one paragraph per line of the
// result, white space collapsed. A line ends a paragraph when it is followed
// by a blank line or by a numbered paragraph, ends with sentence-final
// punctuation, or ends with a comma before a capitalised clause; otherwise
// it is a soft wrap, however long the line (Markdown and text files may
// hold one long unwrapped line followed by wrapped ones). Citations broken across lines
// and page breaks come out whole.
func flow(lines []string) string {
	var b strings.Builder
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	b.Grow(n)
	pending := false // a paragraph is open
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			if pending {
				b.WriteByte('\n')
				pending = false
			}
			continue
		}
		if pending {
			if numberedPara(t) > 0 {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		writeCollapsed(&b, t)
		pending = true
		if i+1 < len(lines) && (endsParagraph(t) || endsClause(t) && opensClause(lines[i+1])) {
			b.WriteByte('\n')
			pending = false
		}
	}
	return b.String()
}

// endsClause reports whether t ends with a comma, as the preambular
// paragraphs of a resolution do.
func endsClause(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == ',' || r == '،' || r == '，'
}

// opensClause reports whether line l opens a preambular paragraph, as it
// does after a comma ("…in Guinea-Bissau,\nEmphasizing the important
// role…", "…институтов,\nвысоко оценивая…"): with a clause verb as its
// first or second word, capitalised except in Russian, or in a script
// without case, where no verb form tells. A list or a title wrapped after
// a comma ("…for Safe,\nOrderly and Regular Migration", "…all its
// aspects,\nincluding resolution 56/24 V") goes on instead, whatever the
// length of the line before it.
func opensClause(l string) bool {
	t := strings.TrimLeft(l, " \t")
	r, _ := utf8.DecodeRuneInString(t)
	if unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsLower(r) {
		return true
	}
	// Latin scripts capitalise the verb; Russian writes it in lower case.
	if !unicode.IsUpper(r) && !unicode.Is(unicode.Cyrillic, r) {
		return false
	}
	w, rest, _ := strings.Cut(t, " ")
	w2, _, _ := strings.Cut(rest, " ")
	return isClauseVerb(strings.ToLower(strings.TrimRight(w, ","))) || isClauseVerb(strings.TrimRight(w2, ","))
}

func endsParagraph(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', ';', ':', '!', '?', '。', '；', '：', '！', '？', '؛':
		return true
	}
	return false
}

// writeCollapsed writes t with each run of white space as one space and
// each invalid byte as U+FFFD (what ranging over it and writing the runes
// back gives). Text is copied in runs: only white space other than a single
// space, and invalid bytes, break a run.
func writeCollapsed(b *strings.Builder, t string) {
	space := false // white space seen and not yet written
	run := 0       // start of the text not yet written; run == i while space
	for i := 0; i < len(t); {
		if !space {
			if i = plainEnd(t, i); i == len(t) {
				break
			}
		}
		c := t[i]
		size := 1
		switch {
		case c > ' ' && c < utf8.RuneSelf:
		case c == ' ' && !space && i+1 < len(t) && (printableASCII[t[i+1]] || plainPair(t, i+1) || plainTriple(t, i+1)):
			// a single space between words stays as it is
		case c == ' ' || c >= '\t' && c <= '\r':
			b.WriteString(t[run:i])
			space = true
			i++
			run = i
			continue
		case c < utf8.RuneSelf:
		default:
			r, n := decodeRune(t, i)
			size = n
			if propsOf(r)&propSpace != 0 {
				b.WriteString(t[run:i])
				space = true
				i += n
				run = i
				continue
			}
			if r == utf8.RuneError && n == 1 {
				b.WriteString(t[run:i])
				if space {
					b.WriteByte(' ')
					space = false
				}
				b.WriteRune(utf8.RuneError)
				i++
				run = i
				continue
			}
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		i += size
	}
	b.WriteString(t[run:])
}

// plainEnd returns where the text that writeCollapsed copies as it is
// ends from i: the common cases, printable ASCII, a single space before it,
// and two-byte letters (Cyrillic, Arabic, accented Latin), and Chinese;
// ASCII eight bytes at a time, and a byte at a time for at least eight
// bytes where that fails.
func plainEnd(t string, i int) int {
	for i < len(t) {
		if t[i] < utf8.RuneSelf {
			i = plainASCIIEnd(t, i)
		}
		for stop := min(len(t), i+8); i < stop; {
			if c := t[i]; printableASCII[c] {
				i++
			} else if c == ' ' && i+1 < len(t) && printableASCII[t[i+1]] {
				i += 2
			} else if plainPair(t, i) {
				i += 2
			} else if plainTriple(t, i) {
				i += 3
			} else {
				return i
			}
		}
	}
	return i
}

// plainASCIIEnd returns where, from i, the blocks of eight bytes end that
// writeCollapsed copies as they are because they hold printable ASCII and
// single spaces, each before printable ASCII.
func plainASCIIEnd(t string, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i+9 <= len(t) {
		x := load64(t[i : i+8])
		y := x &^ highs                                 // each byte's low seven bits; sums below do not carry
		printable := (y + (0x80-'!')*ones) &^ x & highs // high bit: '!' ≤ byte < 0x80
		z := y ^ ' '*ones
		space := ^((z + 0x7F*ones) | z) &^ x & highs // high bit: byte == ' '
		next := printable >> 8                       // high bit: the next byte is printable
		if printableASCII[t[i+8]] {
			next |= 1 << 63
		}
		if printable|space != highs || space&^next != 0 {
			break
		}
		i += 8
	}
	return i
}

// plainPair reports whether t[i:] starts with a valid two-byte rune that is
// not white space: a lead byte C3–DF and a continuation byte (the two-byte
// spaces U+0085 and U+00A0 start with C2).
func plainPair(t string, i int) bool {
	return i+1 < len(t) && t[i] >= 0xC3 && t[i] <= 0xDF && t[i+1]&0xC0 == 0x80
}

// plainTriple is plainPair for three-byte runes (Chinese).
func plainTriple(t string, i int) bool {
	return i+2 < len(t) && plainLead3(t[i]) && t[i+1]&0xC0 == 0x80 && t[i+2]&0xC0 == 0x80
}

// printableASCII marks the ASCII bytes other than white space and controls.
var printableASCII = func() (t [256]bool) {
	for c := '!'; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	return t
}()

// mayEndSentence marks the bytes isSentenceEnd can be true at: the scans
// around a citation ask at every byte.
var mayEndSentence = func() (t [256]bool) {
	for _, c := range []byte{'.', '!', '?', ';', "。"[2]} {
		t[c] = true
	}
	return t
}()

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
