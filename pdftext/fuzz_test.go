package pdftext

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzConvert feeds mutated PDFs to Convert: it must not panic or run
// past its budget, and it either returns readable text or one of the
// package's errors.
//
//	go test -run '^$' -fuzz FuzzConvert -fuzztime 2m -fuzzminimizetime 5s ./pdftext
//
// (the seeds are real files of some 30 KB: minimizing a new input at the
// default of 60 s stalls the run)
func FuzzConvert(f *testing.F) {
	for _, name := range []string{"UPR7_SVN_advance_questions.en.pdf", "A_HRC_DEC_14_105.en.pdf"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "pdf", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(onePage([]byte("BT /F1 11 Tf 72 700 Td (Security Council resolution 822 (1993)) Tj ET"), true, ""))
	f.Add(onePage([]byte("BT /F1 11 Tf [(res) -250 (olution)] TJ T* (5/1) ' ET"), false, ""))
	budget := Budget{Time: 2 * time.Second, Memory: 256 << 20}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		d, err := Convert(data, budget)
		if took := time.Since(start); took > budget.Time+time.Second {
			t.Errorf("took %v, over the %v budget", took, budget.Time)
		}
		if err != nil {
			for _, known := range []error{ErrEncrypted, ErrNoText, ErrNoPages, ErrCorrupt, ErrBudget} {
				if errors.Is(err, known) {
					return
				}
			}
			t.Fatalf("error of no known kind: %v", err)
		}
		if strings.TrimSpace(d.Text) == "" || !utf8.ValidString(d.Text) {
			t.Errorf("text %q", d.Text)
		}
	})
}
