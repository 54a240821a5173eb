package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// refMarkup is what normalizeMarkup does, written with regexps and
// replacers, one copy of the text per step.
func refMarkup(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = regexp.MustCompile(`\*\*+`).ReplaceAllString(text, "\n\n")
	text = regexp.MustCompile(`</?(?:sup|sub|br|span|p)\b[^>]*>`).ReplaceAllString(text, "")
	return strings.NewReplacer(`\*`, "*", `\_`, "_", `\[`, "[", `\]`, "]", `\-`, "-").Replace(text)
}

func FuzzNormalizeMarkup(f *testing.F) {
	for _, s := range []string{"**Council****Forty-third session**", "a<sup>1</sup>b<br/>c<spanish>", "x\r\ny\rz",
		`\*\*a\_b\-c`, `\**`, "<p **>", "< p>", "<p", "<br>>", "a*b", "***", "\\"} {
		f.Add(s)
	}
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "docs", "*.md"))
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normalizeMarkup(s), refMarkup(s); got != want {
			t.Errorf("normalizeMarkup(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzMarkupLines(f *testing.F) {
	for _, s := range []string{"a\r\nb**c\n<sup>1</sup>\fd", "x\ry", "<span\nclass=x>y", "a\\\r\n*b", "**\r\n**", "a\r\r\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := markupLines(s), splitLines(normalizeMarkup(s))
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Errorf("markupLines(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestCleanAndFlow reads a Human Rights Council document as pdftotext
// lays it out: the running headers (the symbol alone on a line), page
// numbers and job numbers go, and wrapped lines become one paragraph a
// line, numbered paragraphs apart.
func TestCleanAndFlow(t *testing.T) {
	b, err := os.ReadFile("../testdata/docs/A_HRC_28_15_Add.1.en.txt")
	if err != nil {
		t.Fatal(err)
	}
	const symbol = "A/HRC/28/15/Add.1"
	lines := cleanLines(string(b), symbol)
	for _, l := range lines {
		switch strings.TrimSpace(l) {
		case symbol, "GE.15-04261 (E)", "2":
			t.Errorf("page furniture kept: %q", l)
		}
	}
	if !strings.Contains(lines[0], symbol) {
		t.Errorf("the cover's first line lost its symbol: %q", lines[0])
	}
	paras := strings.Split(flow(lines), "\n")
	for _, want := range []string{
		"1. This document is the response of the Government of the Republic of Slovenia to the recommendations made during the 2nd Universal Periodic Review of Slovenia on 4 November 2014. The Working Group's report contains 163 recommendations. The Government of the Republic of Slovenia examined the recommendations and prepared the following responses.",
		"Rec. 42 We consider that the activities for the implementation of this recommendation are already ongoing.",
		"Rec. 43 We consider that this recommendation is implemented. Slovenia submitted its 3rd periodic report to the Human Rights Committee in July 2014.",
	} {
		if !slices.Contains(paras, want) {
			t.Errorf("no paragraph %q", want)
		}
	}
}

// TestFrontMatter checks that Markdown front matter is metadata, never text.
func TestFrontMatter(t *testing.T) {
	meta, body := frontMatter("---\nsymbol: A/RES/80/2\ntitle: \"Resolution adopted\"\n---\nThe General Assembly,\n")
	if meta["symbol"] != "A/RES/80/2" || meta["title"] != "Resolution adopted" || strings.TrimSpace(body) != "The General Assembly," {
		t.Errorf("meta %q, body %q", meta, body)
	}
	if meta, body := frontMatter("The General Assembly,\n---\n"); meta != nil || body != "The General Assembly,\n---\n" {
		t.Errorf("text without front matter: meta %q, body %q", meta, body)
	}
}
