// Package pdftext turns a PDF file into the plain text the extraction
// reads: the text of `pdftotext -layout` (lines laid out by position,
// pages separated by form feeds) with running headers and footers dropped,
// footnotes kept apart from the paragraph they interrupt, two-column pages
// read column by column, hyphenation at line ends joined, and ligatures
// and non-breaking spaces normalised. Page numbers, job numbers and the
// document's symbol repeated as a page header are left to the text path's
// own rules for pdftotext output (extract.cleanLines), which see them in
// the same form.
//
// Parsing is done by github.com/ledongthuc/pdf (pure Go); the content
// streams are interpreted here, with a per-file budget of time and memory
// so that a hostile file stops with an error instead of taking the machine.
package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/metrics"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// Errors a caller can tell apart; each is wrapped with details.
var (
	ErrEncrypted = errors.New("encrypted PDF")
	ErrNoText    = errors.New("no text layer: a scanned image? run OCR first")
	ErrNoPages   = errors.New("PDF has no pages")
	ErrCorrupt   = errors.New("corrupt or truncated PDF")
	ErrBudget    = errors.New("PDF over its budget")
)

// Budget bounds the work spent on one file.
type Budget struct {
	// Time is the wall-clock limit for one file; 0 means DefaultTime plus
	// TimePerMB for each MB of the file.
	Time time.Duration
	// Memory is the most the Go heap may grow while the file is read; 0
	// means DefaultMemory. The heap is the process's: files read in
	// parallel share it, so the bound is conservative.
	Memory int64
}

// Defaults of a zero Budget: generous for real files (a 64 MB report at
// the benchmark's speed takes some 13 s), small beside the machine.
const (
	DefaultTime   = 10 * time.Second
	TimePerMB     = time.Second
	DefaultMemory = 1 << 30
)

// Document is a converted PDF.
type Document struct {
	Text  string
	Pages int
	// From the document information dictionary, empty when absent.
	Title   string
	Created string // creation date, YYYY-MM-DD
}

// IsPDF reports whether data starts as a PDF file does.
func IsPDF(data []byte) bool {
	return bytes.HasPrefix(data, []byte("%PDF-"))
}

// Convert reads the PDF in data within budget b.
func Convert(data []byte, b Budget) (doc *Document, err error) {
	if !IsPDF(data) {
		return nil, fmt.Errorf("%w: no %%PDF- header", ErrCorrupt)
	}
	g := newGuard(len(data), b)
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, g.failure(r)
		}
	}()
	rd, err := newReader(data, g)
	if err != nil {
		return nil, g.failure(err)
	}
	n := rd.NumPage()
	if n <= 0 {
		return nil, ErrNoPages
	}
	doc = &Document{Pages: n}
	info := rd.Trailer().Key("Info")
	doc.Title = cleanTitle(info.Key("Title").Text())
	doc.Created = pdfDate(info.Key("CreationDate").Text())

	pages := make([]*page, 0, n)
	fonts := map[string]*font{}
	for p := range pageValues(rd) {
		pages = append(pages, readPage(p, g, fonts))
	}
	if len(pages) == 0 {
		return nil, ErrNoPages
	}
	doc.Text = layout(pages)
	if strings.TrimSpace(doc.Text) == "" {
		return nil, ErrNoText
	}
	return doc, nil
}

func newReader(data []byte, g *guard) (*pdf.Reader, error) {
	return pdf.NewReader(&source{data: data, g: g}, int64(len(data)))
}

// pageValues walks the page tree in order. The library's Reader.Page
// walks it from the root for every page; this visits each node once. A
// cycle in a hostile file is cut by the depth limit and the time budget.
func pageValues(rd *pdf.Reader) func(func(pdf.Value) bool) {
	return func(yield func(pdf.Value) bool) {
		var walk func(v pdf.Value, depth int) bool
		walk = func(v pdf.Value, depth int) bool {
			kids := v.Key("Kids")
			if kids.Kind() != pdf.Array {
				if v.Key("Type").Name() == "Pages" {
					return true // an empty subtree
				}
				return yield(v)
			}
			if depth > 64 {
				panic(fmt.Errorf("page tree deeper than 64 levels"))
			}
			for i := 0; i < kids.Len(); i++ {
				if !walk(kids.Index(i), depth+1) {
					return false
				}
			}
			return true
		}
		walk(rd.Trailer().Key("Root").Key("Pages"), 0)
	}
}

// cleanTitle drops what producers put in the Title field when the author
// gave none: file names and blanks.
func cleanTitle(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	lower := strings.ToLower(t)
	if lower == "untitled" {
		return ""
	}
	for _, ext := range []string{".doc", ".docx", ".pdf", ".rtf", ".dot"} {
		if strings.HasSuffix(lower, ext) {
			return ""
		}
	}
	return t
}

// pdfDate reads the date part of a PDF date string ("D:20200325103000+01'00'").
func pdfDate(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	if len(s) < 8 {
		return ""
	}
	t, err := time.Parse("20060102", s[:8])
	if err != nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

// source is the file as the library reads it, checking the budget at every
// read: the library reads the file for every object it resolves and for
// every 4 KB of a compressed stream, so a file that loops or inflates
// without end is stopped here.
type source struct {
	data []byte
	g    *guard
}

func (s *source) ReadAt(p []byte, off int64) (int, error) {
	s.g.check()
	if off < 0 || off >= int64(len(s.data)) {
		return 0, io.EOF
	}
	n := copy(p, s.data[off:])
	// The library refuses headers other than %PDF-1.0 to 1.7; PDF 2.0
	// files use the same syntax for everything read here.
	if off < 8 && bytes.HasPrefix(s.data, []byte("%PDF-2.")) {
		for i, c := range []byte("%PDF-1.7") {
			if j := int64(i) - off; j >= 0 && j < int64(n) {
				p[j] = c
			}
		}
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// guard holds one file's budget.
type guard struct {
	deadline time.Time
	heap0    uint64
	memory   uint64
	lastHeap time.Time
	glyphs   int // glyphs read so far
	lastPage int // glyphs of the last page read
	sample   []metrics.Sample
	over     string // why the budget was exceeded
}

func newGuard(size int, b Budget) *guard {
	t := b.Time
	if t <= 0 {
		t = DefaultTime + time.Duration(size>>20)*TimePerMB
	}
	m := b.Memory
	if m <= 0 {
		m = DefaultMemory
	}
	g := &guard{deadline: time.Now().Add(t), memory: uint64(m),
		sample: []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}}
	g.heap0 = g.heap()
	return g
}

func (g *guard) heap() uint64 {
	metrics.Read(g.sample)
	return g.sample[0].Value.Uint64()
}

// check stops the file by panicking with overBudget when it is out of
// time or memory. The heap is read (a microsecond) at most every
// millisecond.
func (g *guard) check() {
	now := time.Now()
	if now.After(g.deadline) {
		g.over = "out of time"
		panic(overBudget{})
	}
	if now.Sub(g.lastHeap) < time.Millisecond {
		return
	}
	g.lastHeap = now
	h := g.heap()
	// The heap at the start held garbage not yet collected: growth counts
	// from the lowest heap seen since.
	g.heap0 = min(g.heap0, h)
	if h-g.heap0 > g.memory {
		// Garbage counts until collected: collect once before giving up.
		runtime.GC()
		if h := g.heap(); h > g.heap0 && h-g.heap0 > g.memory {
			g.over = fmt.Sprintf("over %d MB of memory", g.memory>>20)
			panic(overBudget{})
		}
	}
}

// overBudget is the panic that unwinds a file out of budget. It is a
// runtime.Error because the library recovers its own parse-error panics
// while interpreting a stream and goes on reading, but re-raises runtime
// errors: this one must reach Convert.
type overBudget struct{}

func (overBudget) Error() string { return "over budget" }
func (overBudget) RuntimeError() {}

// failure turns what stopped a conversion (a recovered panic or an error
// from the library) into one of the package's errors.
func (g *guard) failure(r any) error {
	if g.over != "" {
		return fmt.Errorf("%w: %s", ErrBudget, g.over)
	}
	err, ok := r.(error)
	if !ok {
		err = fmt.Errorf("%v", r)
	}
	// The library writes "%%EOF" through a format string twice escaped.
	msg := strings.ReplaceAll(err.Error(), "%%EOF", "%EOF")
	switch {
	case strings.Contains(msg, "encrypt") || strings.Contains(msg, "password"):
		return fmt.Errorf("%w (%s)", ErrEncrypted, strings.TrimPrefix(msg, "encrypted PDF: "))
	case errors.Is(err, ErrNoPages), errors.Is(err, ErrNoText):
		return err
	}
	return fmt.Errorf("%w: %s", ErrCorrupt, msg)
}
