package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uncite/uncite/pdftext"
)

// TestPDFQuality holds the PDF path to the text path: the gold PDFs of
// testdata/pdf, read by pdftext, must score every field within 0.01 of the
// text versions of the same documents (testdata/docs, scored against
// their gold in testdata/gold).
func TestPDFQuality(t *testing.T) {
	goldPDF := filepath.Join("..", "testdata", "gold-pdf")
	pdfSets, pdfAccs, pdfMisses := scoreGold(t, goldPDF, func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "pdf", name))
		if err != nil {
			return "", err
		}
		d, err := pdftext.Convert(b, pdftext.Budget{})
		if err != nil {
			return "", err
		}
		return d.Text, nil
	})

	// The text versions' gold files, for the same documents only.
	textGold := t.TempDir()
	pdfs, err := filepath.Glob(filepath.Join(goldPDF, "*.pdf.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range pdfs {
		name := strings.TrimSuffix(filepath.Base(f), ".pdf.json") + ".txt.json"
		b, err := os.ReadFile(filepath.Join("..", "testdata", "gold", name))
		if err != nil {
			t.Fatalf("no text version's gold for %s: %v", f, err)
		}
		if err := os.WriteFile(filepath.Join(textGold, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	textSets, textAccs, _ := scoreGold(t, textGold, fromDir(filepath.Join("..", "testdata", "docs")))

	failed := false
	for field, s := range pdfSets {
		_, _, got := s.prf()
		_, _, want := textSets[field].prf()
		t.Logf("%-12s F1 PDF %.3f, text %.3f", field, got, want)
		if got < want-0.01 {
			t.Errorf("%s: F1 %.3f from the PDFs, %.3f from their text versions", field, got, want)
			failed = true
		}
	}
	for field, a := range pdfAccs {
		got, want := a.acc(), textAccs[field].acc()
		t.Logf("%-12s accuracy PDF %.3f (%d/%d), text %.3f", field, got, a.right, a.total, want)
		if a.total != textAccs[field].total {
			t.Errorf("%s: %d documents scored from the PDFs, %d from the text", field, a.total, textAccs[field].total)
		}
		if got < want-0.01 {
			t.Errorf("%s: accuracy %.3f from the PDFs, %.3f from their text versions", field, got, want)
			failed = true
		}
	}
	if failed || testing.Verbose() {
		for _, m := range pdfMisses {
			t.Log(m)
		}
	}
}
