package pdftext

import (
	"io"
	"math"
	"strings"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// glyph is one character (or ligature) drawn on a page, in page space:
// x, y at the baseline's start, end where the pen stops, size the font's
// height on the page.
type glyph struct {
	x, y, end, size float64
	s               string
}

type page struct {
	glyphs        []glyph
	width, height float64
	bottom        float64 // the media box's lower edge
}

// maxGlyphs bounds the text of one file (four times the largest report of
// the corpus; some 200 MB of glyphs): a content stream can repeat a string
// without end.
const maxGlyphs = 4 << 20

// matrix is an affine transform [a b c d e f] as PDF writes it.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul is m × n: m applied first.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func matrixOf(args []pdf.Value) (matrix, bool) {
	if len(args) != 6 {
		return identity, false
	}
	var m matrix
	for i := range m {
		m[i] = args[i].Float64()
	}
	return m, true
}

// font is what the interpreter needs of a font, read once per page.
type font struct {
	enc      pdf.TextEncoding
	twoByte  bool // a composite (Type0) font: two-byte codes
	first    int
	widths   []float64
	cidW     map[int]float64 // composite fonts' /W widths
	defWidth float64         // for codes without a width of their own
	decoded  map[int]string
	unicode  map[int]string // from the ToUnicode CMap, nil without one
}

func newFont(v pdf.Value) *font {
	f := &font{decoded: map[int]string{}}
	// A ToUnicode map says what each code means whatever the encoding; the
	// library prefers an /Encoding dictionary, whose glyph names are
	// often private ("/g42") in subset fonts.
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.unicode = toUnicode(tu)
	}
	pf := pdf.Font{V: v}
	f.enc = pf.Encoder()
	if v.Key("Subtype").Name() == "Type0" {
		f.twoByte = true
		d := v.Key("DescendantFonts").Index(0)
		f.defWidth = 1000
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.defWidth = dw.Float64()
		}
		f.cidW = cidWidths(d.Key("W"))
		return f
	}
	f.first = int(v.Key("FirstChar").Int64())
	w := v.Key("Widths")
	f.widths = make([]float64, min(w.Len(), 65536))
	for i := range f.widths {
		f.widths[i] = w.Index(i).Float64()
	}
	f.defWidth = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if len(f.widths) == 0 && f.defWidth == 0 {
		// The standard fonts may come without widths; letters drawn at
		// no width would pile up at one point. Half an em is the usual
		// average.
		f.defWidth = 500
	}
	return f
}

// cidWidths reads a /W array: "c [w1 w2 …]" or "cfirst clast w" entries.
func cidWidths(w pdf.Value) map[int]float64 {
	m := map[int]float64{}
	for i := 0; i+1 < w.Len(); {
		c := int(w.Index(i).Int64())
		if next := w.Index(i + 1); next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && j < 65536; j++ {
				m[c+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= w.Len() {
			break
		}
		last, width := int(w.Index(i+1).Int64()), w.Index(i+2).Float64()
		for c2 := c; c2 <= last && c2-c < 65536; c2++ {
			m[c2] = width
		}
		i += 3
	}
	return m
}

func (f *font) width(code int) float64 {
	if f.twoByte {
		if w, ok := f.cidW[code]; ok {
			return w
		}
		return f.defWidth
	}
	if i := code - f.first; i >= 0 && i < len(f.widths) {
		return f.widths[i]
	}
	return f.defWidth
}

// text decodes one code, cached: the library's CMap lookup is a linear
// search of the map.
func (f *font) text(code int, raw string) string {
	if s, ok := f.decoded[code]; ok {
		return s
	}
	var s string
	if u, ok := f.unicode[code]; ok {
		s = u
	} else {
		s = f.enc.Decode(raw)
	}
	s = normalise(s)
	f.decoded[code] = s
	return s
}

// normalise maps ligatures to their letters and the odd spaces and hyphens
// of typesetting to plain ones; a character with no Unicode mapping is
// dropped rather than shown as garbage.
func normalise(s string) string {
	if s == "\uFFFD" || s == "\x00" {
		return ""
	}
	return ligatures.Replace(s)
}

var ligatures = strings.NewReplacer(
	"\uFB00", "ff", "\uFB01", "fi", "\uFB02", "fl", "\uFB03", "ffi", "\uFB04", "ffl", "\uFB05", "st", "\uFB06", "st",
	"\u00A0", " ", "\u2007", " ", "\u202F", " ", "\u2009", " ", "\u200A", " ", "\u2002", " ", "\u2003", " ",
	"\u2010", "-", "\u2011", "-", "\u200B", "", "\uFEFF", "",
)

// toUnicode reads a ToUnicode CMap: its bfchar and bfrange entries. The
// library's reader of these maps is its own (unexported), and its
// PostScript interpreter needs dictionaries only it can make, so the few
// tokens that matter are read here.
func toUnicode(v pdf.Value) map[int]string {
	data, _ := io.ReadAll(io.LimitReader(v.Reader(), maxCMap))
	m := map[int]string{}
	var args []cmapToken
	mode := ""
	for _, t := range cmapTokens(data) {
		switch {
		case t.op == "beginbfchar" || t.op == "beginbfrange":
			mode, args = t.op, args[:0]
		case t.op == "endbfchar" && mode == "beginbfchar":
			for i := 0; i+1 < len(args); i += 2 {
				m[codeOf(args[i].str)] = utf16BE(args[i+1].str)
			}
			mode = ""
		case t.op == "endbfrange" && mode == "beginbfrange":
			for i := 0; i+2 < len(args); i += 3 {
				bfrange(m, args[i].str, args[i+1].str, args[i+2])
			}
			mode = ""
		case t.op == "":
			args = append(args, t)
		}
	}
	return m
}

// maxCMap bounds a ToUnicode map's decoded size (real ones are a few KB).
const maxCMap = 4 << 20

func bfrange(m map[int]string, loS, hiS string, dst cmapToken) {
	lo, hi := codeOf(loS), codeOf(hiS)
	// A font has at most 65,536 codes: ranges past that are a hostile
	// file's way to fill memory.
	if hi < lo || hi-lo > 0xFFFF || len(m) > 0x20000 {
		return
	}
	if dst.array != nil {
		for c := lo; c <= hi && c-lo < len(dst.array); c++ {
			m[c] = utf16BE(dst.array[c-lo])
		}
		return
	}
	// The destination's last character counts up through the range.
	r := []rune(utf16BE(dst.str))
	if len(r) == 0 {
		return
	}
	last := r[len(r)-1]
	for c := lo; c <= hi; c++ {
		r[len(r)-1] = last + rune(c-lo)
		m[c] = string(r)
	}
}

// cmapToken is a hex string, an array of them, or an operator.
type cmapToken struct {
	str   string
	array []string
	op    string
}

// cmapTokens reads the tokens of a CMap that bfchar and bfrange entries
// use: hex strings, arrays of them and bare words (the operators). Names,
// numbers and dictionaries come out as words and are ignored.
func cmapTokens(b []byte) []cmapToken {
	var out []cmapToken
	var array []string
	inArray := false
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c == '<' && i+1 < len(b) && b[i+1] != '<':
			j := i + 1
			var hex []byte
			for j < len(b) && b[j] != '>' {
				if h, ok := hexVal(b[j]); ok {
					hex = append(hex, h)
				}
				j++
			}
			i = j + 1
			if len(hex)%2 == 1 {
				hex = append(hex, 0)
			}
			s := make([]byte, len(hex)/2)
			for k := range s {
				s[k] = hex[2*k]<<4 | hex[2*k+1]
			}
			if inArray {
				array = append(array, string(s))
			} else {
				out = append(out, cmapToken{str: string(s)})
			}
		case c == '[':
			inArray, array = true, nil
			i++
		case c == ']':
			if inArray {
				out = append(out, cmapToken{array: append([]string{}, array...)})
			}
			inArray = false
			i++
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0:
			i++
		default:
			j := i + 1
			for j < len(b) && !strings.ContainsRune(" \n\r\t\f\x00<>[]%/(", rune(b[j])) {
				j++
			}
			w := string(b[i:j])
			i = j
			if strings.HasPrefix(w, "begin") || strings.HasPrefix(w, "end") {
				out = append(out, cmapToken{op: w})
			}
		}
	}
	return out
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func codeOf(s string) int {
	c := 0
	for i := 0; i < len(s) && i < 4; i++ {
		c = c<<8 | int(s[i])
	}
	return c
}

func utf16BE(s string) string {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

// textState is the graphics and text state the interpreter tracks.
type textState struct {
	ctm            matrix
	tm, tlm        matrix
	font           *font
	size           float64
	charSp, wordSp float64
	scale, leading float64
	rise           float64
}

// setParam sets the text state parameter of a one-operand operator (PDF
// 32000-1, 9.3): character and word spacing, horizontal scaling (given in
// percent), leading and rise.
func (st *textState) setParam(op string, v float64) {
	switch op {
	case "Tc":
		st.charSp = v
	case "Tw":
		st.wordSp = v
	case "Tz":
		st.scale = v / 100
	case "TL":
		st.leading = v
	case "Ts":
		st.rise = v
	}
}

// readPage interprets a page's content streams into glyphs; fonts holds
// the fonts read on the pages before.
func readPage(v pdf.Value, g *guard, fonts map[string]*font) *page {
	p := &page{}
	box := v
	for box.Key("MediaBox").Kind() != pdf.Array && !box.Key("Parent").IsNull() {
		box = box.Key("Parent")
	}
	if mb := box.Key("MediaBox"); mb.Len() == 4 {
		p.bottom = math.Min(mb.Index(1).Float64(), mb.Index(3).Float64())
		p.width = math.Abs(mb.Index(2).Float64() - mb.Index(0).Float64())
		p.height = math.Abs(mb.Index(3).Float64() - mb.Index(1).Float64())
	}
	if p.width == 0 || p.height == 0 {
		p.width, p.height = 612, 792
	}
	res := v
	for res.Key("Resources").IsNull() && !res.Key("Parent").IsNull() {
		res = res.Key("Parent")
	}
	// Pages of a document carry much the same amount of text: room for the
	// last page's glyphs saves growing the slice glyph by glyph.
	p.glyphs = make([]glyph, 0, g.lastPage)
	in := &interp{p: p, g: g, fonts: fonts}
	in.run(v.Key("Contents"), res.Key("Resources"), identity, 0)
	g.lastPage = len(p.glyphs)
	return p
}

type interp struct {
	p     *page
	g     *guard
	ops   int
	fonts map[string]*font
}

// run interprets one content stream (a page's or a form XObject's) with
// its resources, starting from the transform ctm.
func (in *interp) run(strm, res pdf.Value, ctm matrix, depth int) {
	st := textState{ctm: ctm, tm: identity, tlm: identity, scale: 1}
	var stack []textState
	// Fonts are read once per file, not per page: a font's dictionary
	// printed (references unresolved, keys sorted) is its identity.
	byName := map[string]*font{}
	fontKey := func(name string) *font {
		if f, ok := byName[name]; ok {
			return f
		}
		v := res.Key("Font").Key(name)
		key := v.String()
		f, ok := in.fonts[key]
		if !ok {
			f = newFont(v)
			in.fonts[key] = f
		}
		byName[name] = f
		return f
	}
	var args []pdf.Value
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		in.ops++
		if in.ops%1024 == 0 {
			in.g.check()
		}
		args = args[:0]
		for range stk.Len() {
			args = append(args, pdf.Value{})
		}
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, st)
			}
		case "Q":
			if n := len(stack); n > 0 {
				st, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			if m, ok := matrixOf(args); ok {
				st.ctm = m.mul(st.ctm)
			}
		case "BT":
			st.tm, st.tlm = identity, identity
		case "Tf":
			if len(args) == 2 {
				st.font = fontKey(args[0].Name())
				st.size = args[1].Float64()
			}
		case "Tc", "Tw", "Tz", "TL", "Ts":
			if len(args) == 1 {
				st.setParam(op, args[0].Float64())
			}
		case "Td", "TD":
			if len(args) == 2 {
				if op == "TD" {
					st.leading = -args[1].Float64()
				}
				st.tlm = matrix{1, 0, 0, 1, args[0].Float64(), args[1].Float64()}.mul(st.tlm)
				st.tm = st.tlm
			}
		case "Tm":
			if m, ok := matrixOf(args); ok {
				st.tm, st.tlm = m, m
			}
		case "T*":
			st.nextLine()
		case "'", "\"":
			if op == "\"" && len(args) == 3 {
				st.wordSp, st.charSp = args[0].Float64(), args[1].Float64()
				args = args[2:]
			}
			st.nextLine()
			if len(args) == 1 {
				in.show(&st, args[0].RawString())
			}
		case "Tj":
			if len(args) == 1 {
				in.show(&st, args[0].RawString())
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				x := a.Index(i)
				if x.Kind() == pdf.String {
					in.show(&st, x.RawString())
					continue
				}
				st.tm = matrix{1, 0, 0, 1, -x.Float64() / 1000 * st.size * st.scale, 0}.mul(st.tm)
			}
		case "Do":
			if len(args) != 1 || depth >= 8 {
				return
			}
			xo := res.Key("XObject").Key(args[0].Name())
			if xo.Key("Subtype").Name() != "Form" {
				return
			}
			m := identity
			if fm := xo.Key("Matrix"); fm.Len() == 6 {
				for i := range m {
					m[i] = fm.Index(i).Float64()
				}
			}
			xres := xo.Key("Resources")
			if xres.IsNull() {
				xres = res
			}
			in.run(xo, xres, m.mul(st.ctm), depth+1)
		}
	})
}

func (st *textState) nextLine() {
	st.tlm = matrix{1, 0, 0, 1, 0, -st.leading}.mul(st.tlm)
	st.tm = st.tlm
}

// show draws a string of codes, adding a glyph for each and moving the pen.
// The text-to-page transform is worked out once per string: each glyph's
// advance only moves the pen along its first row.
func (in *interp) show(st *textState, raw string) {
	f := st.font
	if f == nil {
		return
	}
	step := 1
	if f.twoByte {
		step = 2
	}
	m := st.tm.mul(st.ctm)
	// Text set at an angle (margin notes, stamps) would break the lines
	// it crosses; only upright text is kept.
	upright := math.Abs(m[1]) < 0.01*math.Abs(m[0]) && math.Abs(m[2]) < 0.01*math.Abs(m[3]) && m[3] != 0
	size := math.Abs(st.size * m[3])
	x, y := st.rise*m[2]+m[4], st.rise*m[3]+m[5]-in.p.bottom
	moved := 0.0 // text-space advance since the start of the string
	for i := 0; i+step <= len(raw); i += step {
		code := int(raw[i])
		if step == 2 {
			code = code<<8 | int(raw[i+1])
		}
		w := f.width(code)
		adv := (w/1000*st.size + st.charSp) * st.scale
		if step == 1 && code == ' ' {
			adv += st.wordSp * st.scale
		}
		if s := f.text(code, raw[i:i+step]); s != "" && upright {
			if in.g.glyphs++; in.g.glyphs > maxGlyphs {
				in.g.over = "more text than a document has"
				panic(overBudget{})
			}
			x0 := x + moved*m[0]
			in.p.glyphs = append(in.p.glyphs, glyph{x: x0, y: y + moved*m[1], end: x0 + w/1000*st.size*st.scale*m[0], size: size, s: s})
		}
		moved += adv
	}
	st.tm = matrix{1, 0, 0, 1, moved, 0}.mul(st.tm)
}
