package docxtext

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzConvert feeds mutated Word packages to Convert: it must not panic,
// and it returns text or ErrCorrupt.
//
//	go test -run '^$' -fuzz FuzzConvert -fuzztime 1m ./docxtext
func FuzzConvert(f *testing.F) {
	f.Add(buildDocx(f, map[string]string{"word/document.xml": paragraphsXML("United Nations A/HRC/DEC/43/112\n\nRecalling resolution 5/1,\nof 18 June 2007")}))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Convert(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error of no known kind: %v", err)
			}
			return
		}
		if !utf8.ValidString(d.Text) {
			t.Errorf("text %q", d.Text)
		}
	})
}
