package loader

import (
	"path"
	"strings"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/pdftext"
)

// decodeDocument turns a file's bytes into text: a .pdf file through
// pdftext, anything else through Decode (which refuses a PDF by another
// name as binary). The PDF's own metadata comes back with it.
func decodeDocument(name string, b []byte) (string, *pdftext.Document, error) {
	if !strings.EqualFold(path.Ext(name), ".pdf") {
		text, err := Decode(b)
		return text, nil, err
	}
	d, err := pdftext.Convert(b, pdftext.Budget{})
	if err != nil {
		return "", nil, err
	}
	return d.Text, d, nil
}

// fillFromPDF lets the PDF's metadata fill the fields the text left empty;
// where both speak, the text wins (producers fill the Title field with
// file names and templates' leftovers, and the creation date is the
// file's, not the document's).
func fillFromPDF(doc *uncite.Document, d *pdftext.Document) {
	if doc.Title == "" {
		doc.Title = d.Title
	}
	if doc.Date == "" {
		doc.Date = d.Created
	}
}
