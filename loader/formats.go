package loader

import (
	"path"
	"strings"

	"github.com/uncite/uncite/docxtext"
	"github.com/uncite/uncite/extract"
	"github.com/uncite/uncite/pdftext"
)

// decodeDocument turns a file's bytes into text by the file's extension: a
// .pdf through pdftext, a .docx through docxtext, anything else through
// Decode (which refuses a PDF or Word file by another name as binary). The
// format's own title and creation date go into meta, to fill what the
// text leaves empty: where both speak, the text wins (producers fill the
// Title field with file names and templates' leftovers, and the creation
// date is the file's, not the document's).
func decodeDocument(name string, b []byte, meta *extract.Metadata) (string, error) {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf":
		d, err := pdftext.Convert(b, pdftext.Budget{})
		if err != nil {
			return "", err
		}
		meta.FileTitle, meta.FileDate = d.Title, d.Created
		return d.Text, nil
	case ".docx":
		d, err := docxtext.Convert(b)
		if err != nil {
			return "", err
		}
		meta.FileTitle, meta.FileDate = d.Title, d.Created
		return d.Text, nil
	}
	return Decode(b)
}
