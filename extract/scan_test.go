package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// scanTexts are the test documents and a few texts made to trip the
// prefilters (case variants, the long s, matches at the very start and end).
func scanTexts(t *testing.T) []string {
	t.Helper()
	texts := []string{
		"", "Security Council", "SECURITY COUNCIL resolution 822 (1993)", "ſtate under review", "National Report",
		"Permanent Mission of Armenia", "adopted by the General Assembly on 19 December 2023 ", "12 March 2020",
		"Agenda item 4\nItem 68 (b) of the provisional agenda", "Forty-third  session", "第四十三届会议",
	}
	for _, dir := range []string{"docs", "excerpts"} {
		paths, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*"))
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	return texts
}

// TestPrefilteredAgreesWithRegexp checks that the prefiltered patterns find
// exactly what the plain regexps find, in whole texts and in covers.
func TestPrefilteredAgreesWithRegexp(t *testing.T) {
	pats := append(coverPatterns(), reAuthorPhrase, reAuthorPhraseZH, reSponsorsEnd, reBodyName, reDate)
	for _, text := range scanTexts(t) {
		if len(text) > 20000 {
			text = text[:20000] // the plain regexps are the slow side
		}
		lines := strings.Split(text, "\n")
		cv := newCover(lines[:min(len(lines), 60)])
		for _, p := range pats {
			want := p.re.FindAllStringSubmatchIndex(text, -1)
			if got := p.FindAllStringSubmatchIndex(text); !reflect.DeepEqual(got, want) {
				t.Fatalf("%.40s on %.60q: got %v, want %v", p, text, got, want)
			}
			if got, want := p.MatchString(text), p.re.MatchString(text); got != want {
				t.Fatalf("%.40s MatchString on %.60q: got %v", p, text, got)
			}
			if got, want := cv.find(p), p.re.FindStringSubmatchIndex(cv.text); !reflect.DeepEqual(got, want) {
				t.Fatalf("%.40s on the cover of %.60q: got %v, want %v", p, text, got, want)
			}
		}
	}
}

// TestPrefixMatcherAgreesWithRegexp checks the anchored patterns, cut to
// their longest match and filtered by their first bytes, at many offsets.
func TestPrefixMatcherAgreesWithRegexp(t *testing.T) {
	pats := []*prefixMatcher{reLetter, reReport, reBodyStart, reTitleStart, reItem, reLetterPart, reItemDate,
		reFootnote, reListSep, reBodyAfterLead, reUnitedNation}
	for _, text := range scanTexts(t) {
		for i := 0; i < len(text); i += 7 {
			s := text[i:]
			for _, p := range pats {
				if got, want := p.FindStringSubmatchIndex(s), p.re.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
					t.Fatalf("%.40s at %.40q: got %v, want %v", p, s, got, want)
				}
			}
		}
	}
}
