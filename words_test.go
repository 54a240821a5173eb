package uncite_test

import (
	"reflect"
	"regexp"
	"testing"

	"github.com/uncite/uncite"
)

func TestWords(t *testing.T) {
	for in, want := range map[string][]string{
		"Situations relatives aux droits de l'homme": {"situations", "relatives", "aux", "droits", "de", "l", "homme"},
		"resolution 822 (1993)":                      {"resolution", "822", "1993"},
		"Резолюция Совета Безопасности":              {"резолюция", "совета", "безопасности"},
		"安全理事会第2118(2013)号决议":                        {"安全理事会第2118", "2013", "号决议"},
		"  ,;  ":                                     nil,
	} {
		if got := uncite.Words(in); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseResolutionSymbol(t *testing.T) {
	for in, want := range map[string]string{
		"s/res/822(1993)":      "S/RES/822 (1993)",
		" S/RES/ 822 ( 1993 )": "S/RES/822 (1993)",
		"a/res/60/251":         "A/RES/60/251",
		"A/RES/217 A (III)":    "A/RES/217 (III)",
		"A/RES/ES-11/1":        "A/RES/ES-11/1",
		"a/res/s-26/2":         "A/RES/S-26/2",
		"A/HRC/RES/S-30/1":     "A/HRC/RES/S-30/1",
		"e/res/2004/12":        "E/RES/2004/12",
		"E/CN.4/RES/2005/66":   "E/CN.4/RES/2005/66",
		"A/RES/1874 (S-IV)":    "A/RES/1874 (S-IV)",
		"a/res/2200a(xxi)":     "A/RES/2200 (XXI)",
		"E/RES/1147 (XLI)":     "E/RES/1147 (XLI)",
		"e/res/1996/31":        "E/RES/1996/31",
		"E/CN.4/RES/20(XXXVI)": "E/CN.4/RES/20 (XXXVI)",
		"S/RES/0822 (1993)":    "S/RES/822 (1993)",
	} {
		got, err := uncite.ParseResolutionSymbol(in)
		if err != nil || got.Symbol != want {
			t.Errorf("ParseResolutionSymbol(%q) = %q, %v; want %q", in, got.Symbol, err, want)
		}
	}
	for _, bad := range []string{"", "A/78/123", "S/2020/100", "resolution 822", "S/RES/0 (1993)", "A/RES/217 (III", "E/RES/1147 (S-XLI)"} {
		if _, err := uncite.ParseResolutionSymbol(bad); uncite.ErrorCode(err) != uncite.EINVALID {
			t.Errorf("ParseResolutionSymbol(%q): err %v, want invalid", bad, err)
		}
	}
}

// Every canonical symbol is read back as itself, and the text pattern finds
// all of it in a sentence.
func TestResolutionSymbolRoundTrip(t *testing.T) {
	re := regexp.MustCompile(`\b(?:` + uncite.ResolutionSymbolPattern + `)`)
	for _, sym := range []string{"S/RES/822 (1993)", "A/RES/60/251", "A/RES/217 (III)", "A/RES/1874 (S-IV)",
		"A/RES/ES-11/1", "A/RES/S-26/2", "A/HRC/RES/5/1", "A/HRC/RES/S-30/1", "E/RES/1996/31", "E/RES/1147 (XLI)",
		"E/CN.4/RES/2005/66", "E/CN.4/RES/20 (XXXVI)"} {
		c, err := uncite.ParseResolutionSymbol(sym)
		if err != nil || c.Symbol != sym {
			t.Errorf("ParseResolutionSymbol(%q) = %q, %v", sym, c.Symbol, err)
		}
		if got := re.FindString("as set out in " + sym + ", the"); got != sym {
			t.Errorf("pattern finds %q in a sentence citing %q", got, sym)
		}
	}
}
