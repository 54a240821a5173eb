package extract

import (
	"os"
	"path/filepath"
	"regexp"
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
