package pdftext

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestConvertText(t *testing.T) {
	content := []byte("BT /F1 11 Tf 72 700 Td (Recalling resolution 60/251 of 15 March 2006,) Tj 0 -14 Td (the Council decides) Tj ET")
	d, err := Convert(onePage(content, true, "/Info << /Title (A report) /CreationDate (D:20200325103000+01'00') >>"), Budget{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Recalling resolution 60/251 of 15 March 2006,", "the Council decides"}
	var got []string
	for _, l := range strings.Split(d.Text, "\n") {
		if l = strings.Trim(l, " \f"); l != "" {
			got = append(got, l)
		}
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("text %q, want lines %q", d.Text, want)
	}
	if d.Pages != 1 || d.Title != "A report" || d.Created != "2020-03-25" {
		t.Errorf("pages %d title %q created %q", d.Pages, d.Title, d.Created)
	}
}

// TestConvertPDF2 reads a file with a PDF 2.0 header, which the library
// refuses on its own.
func TestConvertPDF2(t *testing.T) {
	data := onePage([]byte("BT /F1 11 Tf 72 700 Td (Human Rights Council resolution 5/1) Tj ET"), true, "")
	data = bytes.Replace(data, []byte("%PDF-1.4"), []byte("%PDF-2.0"), 1)
	d, err := Convert(data, Budget{})
	if err != nil || !strings.Contains(d.Text, "Human Rights Council resolution 5/1") {
		t.Fatalf("got %v, %v", d, err)
	}
}

// TestConvertRealPDF reads a real UN decision: its header, its footnotes
// set apart, and its paragraphs.
func TestConvertRealPDF(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "pdf", "A_HRC_DEC_43_112.en.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Convert(b, Budget{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"A/HRC/DEC/43/112", "Distr.: General", "25 March 2020", "Forty-third session",
		"resolution 60/251 of 15 March 2006, and with Human Rights Council resolutions 5/1 of",
		// the footnote marks stand apart from the words they follow
		"Universal Periodic Review, 1 the views",
		"\n\n", "1 A/HRC/43/15.", "2 A/HRC/43/15/Add.1; see also A/HRC/43/2, chap. VI.",
	} {
		if !strings.Contains(collapse(d.Text), collapse(want)) {
			t.Errorf("no %q in\n%s", want, d.Text)
		}
	}
}

// collapse squeezes runs of spaces, as the layout's indentation varies.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' {
			space = true
			continue
		}
		if space && b.Len() > 0 && r != '\n' {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func TestConvertBadFiles(t *testing.T) {
	text := []byte("BT /F1 11 Tf 72 700 Td (Some text) Tj ET")
	valid := onePage(text, false, "")
	encrypted := onePage(text, false, "/ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] "+
		"/Encrypt << /Filter /Standard /V 1 /R 2 /P -4 "+
		"/O <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> "+
		"/U <ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100> >>")
	zeroPages := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [] /Count 0 >>",
	}, "")
	for _, c := range []struct {
		name string
		data []byte
		want error
	}{
		{"encrypted", encrypted, ErrEncrypted},
		{"image only", onePage([]byte("q 100 0 0 100 0 0 cm 0 0 1 1 re f Q"), false, ""), ErrNoText},
		{"truncated", valid[:len(valid)/2], ErrCorrupt},
		{"no xref", bytes.Replace(valid, []byte("startxref"), []byte("startxrefX"), 1), ErrCorrupt},
		{"zero pages", zeroPages, ErrNoPages},
		{"not a PDF", []byte("Recalling resolution 60/251"), ErrCorrupt},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Convert(c.data, Budget{})
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v (%v), want %v", err, d, c.want)
			}
		})
	}
}

// errMemory marks a case that must run out of memory, not time.
var errMemory = errors.New("over the memory budget")

// TestConvertHostile feeds files built to exhaust a reader: each stops
// with an error (or reads to the end) inside its budget.
func TestConvertHostile(t *testing.T) {
	bomb := func(unit string, size int) []byte {
		return bytes.Repeat([]byte(unit), size/len(unit))
	}
	deep := strings.Repeat("[", 200000) + strings.Repeat("]", 200000)
	budget := Budget{Time: time.Second, Memory: 64 << 20}
	for _, c := range []struct {
		name string
		data []byte
		want error // nil: any outcome, as long as it is within budget
	}{
		// 256 MB of text operators, 250 KB compressed: over the memory
		// budget (the clock has its own case below)
		{"text bomb", onePage(append([]byte("BT /F1 11 Tf "), bomb("(aaaaaaaaaaaaaaaaaaaaaaaa) Tj ", 256<<20)...), true, ""), errMemory},
		// 1 GB of white space: no memory kept, stopped by the clock
		{"blank bomb", onePage(bomb("                ", 1<<30), true, ""), ErrBudget},
		{"deep arrays in a content stream", onePage([]byte("BT /F1 11 Tf "+deep+" TJ ET"), true, ""), nil},
		{"deep dictionaries in the page tree", buildPDF([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [" + strings.Repeat("<< /Kids [", 100000) + strings.Repeat("] >>", 100000) + "] /Count 1 >>",
		}, ""), nil},
		{"reference cycle", buildPDF([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"3 0 R",
			"2 0 R",
		}, ""), nil},
		// a form drawing itself ten times, eight levels deep: 10^8 draws
		{"form fan-out", buildPDF([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 6 0 R >>",
			stream([]byte("/X Do"), false),
			strings.Replace(stream([]byte(strings.Repeat("/X Do BT /F1 9 Tf (a) Tj ET ", 10)), false), "<<", "<< /Type /XObject /Subtype /Form /Resources 6 0 R", 1),
			"<< /XObject << /X 5 0 R >> /Font << /F1 7 0 R >> >>",
			"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		}, ""), ErrBudget},
		{"page tree cycle", buildPDF([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 1 >>",
		}, ""), nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := budget
			if c.want == errMemory {
				b.Time = time.Minute
			}
			start := time.Now()
			_, err := Convert(c.data, b)
			took := time.Since(start)
			t.Logf("%v after %v", err, took)
			switch {
			case c.want == errMemory:
				if !errors.Is(err, ErrBudget) || !strings.Contains(err.Error(), "memory") {
					t.Errorf("got %v, want the memory budget exceeded", err)
				}
			case c.want != nil && !errors.Is(err, c.want):
				t.Errorf("got %v, want %v", err, c.want)
			}
			if took > b.Time+2*time.Second {
				t.Errorf("took %v, over the %v budget", took, b.Time)
			}
		})
	}
}
