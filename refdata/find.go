package refdata

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// FindStates returns the States, in code order, whose short, formal or UNSD
// name in any of the six official languages contains name, ignoring case,
// accents and the articles the UNTERM names carry ("Arménie (l')").
func FindStates(name string) []State {
	q := fold(name)
	for _, article := range []string{"the ", "l'", "la ", "le ", "les ", "el ", "los ", "las "} {
		q = strings.TrimPrefix(q, article)
	}
	if q == "" {
		return nil
	}
	var out []State
	for _, s := range States() {
		if s.Code == strings.ToUpper(strings.TrimSpace(name)) || s.matches(q) {
			out = append(out, s)
		}
	}
	return out
}

func (s State) matches(q string) bool {
	for _, names := range s.Names {
		for _, n := range names {
			if strings.Contains(fold(n), q) {
				return true
			}
		}
	}
	return false
}

// fold lower-cases, strips combining marks and straightens apostrophes, so
// "Arménie" matches "armenie" and "Côte d’Ivoire" matches "cote d'ivoire".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(strings.TrimSpace(strings.ReplaceAll(out, "’", "'")))
}
