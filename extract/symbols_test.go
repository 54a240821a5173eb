package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/uncite/uncite"
)

// Every symbol the extraction writes, for the documents and excerpts of
// testdata, is one uncite.ParseResolutionSymbol reads back as itself: the
// stores and the GraphQL lookups know each cited resolution by it.
func TestExtractedSymbolsRoundTrip(t *testing.T) {
	n := 0
	for _, dir := range []string{"docs", "excerpts"} {
		paths, err := filepath.Glob(filepath.Join("..", "testdata", dir, "*.*"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("no files in testdata/%s: %v", dir, err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			d := Extract(filepath.Base(p), string(b), nil)
			syms := []string{}
			for _, c := range d.Citations {
				syms = append(syms, c.Symbol)
			}
			if _, err := uncite.ParseResolutionSymbol(d.Symbol); err == nil {
				syms = append(syms, d.Symbol)
			}
			for _, s := range syms {
				n++
				c, err := uncite.ParseResolutionSymbol(s)
				if err != nil || c.Symbol != s {
					t.Errorf("%s: extracted %q, read back as %q (%v)", p, s, c.Symbol, err)
				}
			}
		}
	}
	if n < 300 {
		t.Errorf("only %d symbols checked", n)
	}
}
