// Package docxtext turns a Word document (.docx, Office Open XML) into the
// plain text the extraction reads: one paragraph per paragraph of the
// document, separated by blank lines, footnotes and endnotes after the
// body. It reads the package with the standard library's zip and XML
// readers; entries are read through a size limit, so a zip bomb stops
// with an error.
package docxtext

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// ErrCorrupt wraps every reason a file cannot be read.
var ErrCorrupt = errors.New("unreadable .docx")

// maxPart bounds the decompressed size of one part of the package: a
// 64 MB document's text is far smaller.
const maxPart = 256 << 20

// Document is a converted Word document.
type Document struct {
	Text string
	// From docProps/core.xml, empty when absent.
	Title   string
	Created string // YYYY-MM-DD
}

// Convert reads the .docx file in data.
func Convert(data []byte) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	body, ok := parts["word/document.xml"]
	if !ok {
		return nil, fmt.Errorf("%w: no word/document.xml (not a Word document)", ErrCorrupt)
	}
	var b strings.Builder
	if err := paragraphs(body, &b); err != nil {
		return nil, err
	}
	for _, name := range []string{"word/footnotes.xml", "word/endnotes.xml"} {
		if f, ok := parts[name]; ok {
			if err := paragraphs(f, &b); err != nil {
				return nil, err
			}
		}
	}
	if strings.TrimSpace(b.String()) == "" {
		return nil, fmt.Errorf("%w: no text", ErrCorrupt)
	}
	d := &Document{Text: b.String()}
	if f, ok := parts["docProps/core.xml"]; ok {
		d.Title, d.Created = coreProperties(f)
	}
	return d, nil
}

func open(f *zip.File) (io.ReadCloser, error) {
	if f.UncompressedSize64 > maxPart {
		return nil, fmt.Errorf("%w: %s is %d MB, over %d MB", ErrCorrupt, f.Name, f.UncompressedSize64>>20, maxPart>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, f.Name, err)
	}
	return rc, nil
}

// paragraphs writes the text of a part's paragraphs (w:p), each followed
// by a blank line: text runs (w:t), tabs, line breaks. Deleted text of
// tracked changes (w:delText) and field codes (w:instrText) are not text.
func paragraphs(f *zip.File, b *strings.Builder) error {
	rc, err := open(f)
	if err != nil {
		return err
	}
	defer rc.Close()
	// The zip reader checks the declared size as it inflates; the limit
	// holds a part whose header lies.
	dec := xml.NewDecoder(io.LimitReader(rc, maxPart))
	inText := false
	line := 0 // bytes written to the open paragraph
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrCorrupt, f.Name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				b.WriteByte('\t')
			case "br", "cr":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if line > 0 {
					b.WriteString("\n\n")
				}
				line = 0
			}
		case xml.CharData:
			if inText {
				n, _ := b.Write(bytes.ReplaceAll(t, []byte("\u00a0"), []byte(" ")))
				line += n
			}
		}
	}
}

// coreProperties reads the title and creation date of docProps/core.xml.
func coreProperties(f *zip.File) (title, created string) {
	rc, err := open(f)
	if err != nil {
		return "", ""
	}
	defer rc.Close()
	var core struct {
		Title   string `xml:"title"`
		Created string `xml:"created"`
	}
	if xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&core) != nil {
		return "", ""
	}
	if t, err := time.Parse(time.RFC3339, strings.TrimSpace(core.Created)); err == nil {
		created = t.Format(time.DateOnly)
	}
	return strings.Join(strings.Fields(core.Title), " "), created
}
