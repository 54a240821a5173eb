package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/uncite/uncite"
)

// FuzzExtract feeds arbitrary names and texts to Extract: it must not panic,
// and what it returns must be well formed.
func FuzzExtract(f *testing.F) {
	for _, p := range []string{"../testdata/docs/000_1a7a508cbf762381.txt", "../testdata/excerpts/S_RES_2204(2015).zh.txt"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(filepath.Base(p), string(b[:min(len(b), 4000)]))
		}
	}
	f.Add("A_RES_80_2.en.md", "---\nsymbol: A/RES/80/2\n---\nReaffirms its resolution 54/237 C of 23 December 1999;")
	f.Add("x.ar.txt", "القرارين 1267 (1999) و 1989 (2011)، قرار المجلس الاقتصادي والاجتماعي 1147 (د-41)")
	f.Fuzz(func(t *testing.T, name, text string) {
		d := Extract(name, text, nil)
		if d == nil {
			t.Fatal("nil document")
		}
		if d.ID == "" && name != "" && strings.Trim(name, ".") != "" && d.Symbol != "" {
			t.Errorf("empty ID for symbol %q", d.Symbol)
		}
		if d.File != name {
			t.Errorf("File = %q, want %q", d.File, name)
		}
		checkCitations(t, d.Citations, utf8.ValidString(text))
		checkMentions(t, d.Mentions)
		if d.Date != "" && len(d.Date) != 10 {
			t.Errorf("Date = %q, want ISO", d.Date)
		}
		if d.Session < 0 {
			t.Errorf("Session = %d", d.Session)
		}
	})
}

// checkCitations checks that citations are complete, sorted and, for a
// valid text, quoted in valid UTF-8.
func checkCitations(t *testing.T, cs []uncite.Citation, validText bool) {
	t.Helper()
	for i, c := range cs {
		if c.Count < 1 || c.Symbol == "" || c.Body == "" {
			t.Errorf("bad citation %+v", c)
		}
		if i > 0 && cs[i-1].Symbol >= c.Symbol {
			t.Errorf("citations not sorted: %q before %q", cs[i-1].Symbol, c.Symbol)
		}
		for _, sentence := range c.Contexts {
			if !utf8.ValidString(sentence) && validText {
				t.Errorf("context is not valid UTF-8: %q", sentence)
			}
		}
	}
}

// checkMentions checks that mentions are counted, sorted State codes.
func checkMentions(t *testing.T, ms []uncite.Mention) {
	t.Helper()
	for i, m := range ms {
		if m.Count < 1 || len(m.State) != 3 {
			t.Errorf("bad mention %+v", m)
		}
		if i > 0 && ms[i-1].State >= m.State {
			t.Errorf("mentions not sorted")
		}
	}
}
