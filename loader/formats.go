package loader

import (
	"path"
	"strings"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/docxtext"
	"github.com/uncite/uncite/pdftext"
)

// fileMeta is what a document format's own metadata says of the document.
type fileMeta struct {
	title, created string
}

// decodeDocument turns a file's bytes into text by the file's extension: a
// .pdf through pdftext, a .docx through docxtext, anything else through
// Decode (which refuses a PDF or Word file by another name as binary). The
// format's own metadata comes back with it.
func decodeDocument(name string, b []byte) (string, *fileMeta, error) {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf":
		d, err := pdftext.Convert(b, pdftext.Budget{})
		if err != nil {
			return "", nil, err
		}
		return d.Text, &fileMeta{d.Title, d.Created}, nil
	case ".docx":
		d, err := docxtext.Convert(b)
		if err != nil {
			return "", nil, err
		}
		return d.Text, &fileMeta{d.Title, d.Created}, nil
	}
	text, err := Decode(b)
	return text, nil, err
}

// fillFromMeta lets the file's metadata fill the fields the text left
// empty; where both speak, the text wins (producers fill the Title field
// with file names and templates' leftovers, and the creation date is the
// file's, not the document's).
func fillFromMeta(doc *uncite.Document, m *fileMeta) {
	if doc.Title == "" {
		doc.Title = m.title
	}
	if doc.Date == "" {
		doc.Date = m.created
	}
}
