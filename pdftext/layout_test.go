package pdftext

import (
	"fmt"
	"strings"
	"testing"
)

// lines of a converted file, blank ones as "", spaces collapsed.
func convertLines(t *testing.T, pdf []byte) []string {
	t.Helper()
	d, err := Convert(pdf, Budget{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(d.Text, "\f", ""), "\n") {
		out = append(out, strings.Join(strings.Fields(l), " "))
	}
	return out
}

func TestRunningHeadersDropped(t *testing.T) {
	var contents []string
	for p := 1; p <= 4; p++ {
		contents = append(contents, text(72, 760, 9, "A/HRC/43/2")+
			text(72, 600, 10, fmt.Sprintf("Body text of page %d.", p))+
			text(300, 30, 9, fmt.Sprintf("Page %d of 4", p)))
	}
	got := strings.Join(convertLines(t, pages(contents...)), "|")
	if strings.Contains(got, "A/HRC/43/2") || strings.Contains(got, "of 4") {
		t.Errorf("running header or footer kept: %q", got)
	}
	for p := 1; p <= 4; p++ {
		if !strings.Contains(got, fmt.Sprintf("Body text of page %d.", p)) {
			t.Errorf("page %d's text lost: %q", p, got)
		}
	}
}

func TestTwoColumns(t *testing.T) {
	var c strings.Builder
	for i := range 12 {
		y := float64(700 - 14*i)
		c.WriteString(text(72, y, 10, fmt.Sprintf("left column line %d", i)))
		c.WriteString(text(330, y, 10, fmt.Sprintf("right column line %d", i)))
	}
	lines := convertLines(t, pages(c.String()))
	var body []string
	for _, l := range lines {
		if l != "" {
			body = append(body, l)
		}
	}
	if len(body) != 24 || body[0] != "left column line 0" || body[11] != "left column line 11" || body[12] != "right column line 0" {
		t.Errorf("reading order %q", body)
	}
}

// TestFootnoteAfterParagraph: a paragraph running over a page break stays
// whole; the first page's footnote follows it, set apart by blank lines.
func TestFootnoteAfterParagraph(t *testing.T) {
	p1 := text(72, 700, 10, "Recalling its resolution 5/1 and the") + text(72, 80, 8, "1 A/HRC/5/21.")
	p2 := text(72, 700, 10, "institution-building package.") + text(72, 686, 10, "Decides to continue.")
	got := strings.Join(convertLines(t, pages(p1, p2)), "|")
	want := "Recalling its resolution 5/1 and the|institution-building package.||1 A/HRC/5/21.||Decides to continue."
	if !strings.Contains(got, want) {
		t.Errorf("got %q, want %q inside", got, want)
	}
}

func TestHyphenationJoined(t *testing.T) {
	got := strings.Join(convertLines(t, pages(
		text(72, 700, 10, "the Special Rapporteur on the indepen-")+
			text(72, 686, 10, "dence of judges and the forty-")+
			text(72, 672, 10, "third session, and non-")+
			text(72, 658, 10, "governmental organizations"))), "|")
	for _, want := range []string{"independence", "forty-third", "non-governmental"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in %q", want, got)
		}
	}
}

// TestRightToLeft: Arabic is drawn right to left; the text reads it in
// its logical order, a number inside it left to right.
func TestRightToLeft(t *testing.T) {
	// F2 maps A, L, Q, R to alef, lam, qaf, reh.
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n" +
		"1 begincodespacerange <00> <FF> endcodespacerange\n" +
		"4 beginbfchar <41> <0627> <4C> <0644> <51> <0642> <52> <0631> endbfchar\n" +
		"endcmap CMapName currentdict /CMap defineresource pop end end"
	// "القرار 5/1" (the resolution 5/1), as it stands on the page: the
	// number on the left, then the word's letters from its end.
	content := text(72, 700, 10, "5/1") + "BT /F2 10 Tf 100 700 Td (RARQLA) Tj ET"
	data := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
		stream([]byte(content), false),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /ArialMT /Encoding /WinAnsiEncoding /ToUnicode 7 0 R >>",
		stream([]byte(cmap), false),
	}, "")
	got := strings.Join(convertLines(t, data), "")
	if got != "القرار 5/1" {
		t.Errorf("got %q, want %q", got, "القرار 5/1")
	}
}
