package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/uncite/uncite/internal/prefilter"
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

// TestPrefilteredAgreesWithRegexp checks that the extraction's prefiltered
// patterns find exactly what the plain regexps find, in whole texts and in
// covers (package prefilter tests the engine on patterns of its own).
func TestPrefilteredAgreesWithRegexp(t *testing.T) {
	pats := append(coverPatterns(), reAuthorPhrase, reAuthorPhraseZH, reSponsorsEnd, reBodyName, reDate)
	for _, text := range scanTexts(t) {
		if len(text) > 20000 {
			text = text[:20000] // the plain regexps are the slow side
		}
		lines := strings.Split(text, "\n")
		cv := newCover(lines[:min(len(lines), 60)], text)
		for _, p := range pats {
			want := p.Plain().FindAllStringSubmatchIndex(text, -1)
			if got := p.FindAllStringSubmatchIndex(text); !reflect.DeepEqual(got, want) {
				t.Fatalf("%.40s on %.60q: got %v, want %v", p.Plain(), text, got, want)
			}
			if got, want := p.MatchString(text), p.Plain().MatchString(text); got != want {
				t.Fatalf("%.40s MatchString on %.60q: got %v", p.Plain(), text, got)
			}
			if got, want := cv.find(p), p.Plain().FindStringSubmatchIndex(cv.text); !reflect.DeepEqual(got, want) {
				t.Fatalf("%.40s on the cover of %.60q: got %v, want %v", p.Plain(), text, got, want)
			}
		}
	}
}

// TestPrefixMatcherAgreesWithRegexp checks the anchored patterns, cut to
// their longest match and filtered by their first bytes, at many offsets.
func TestPrefixMatcherAgreesWithRegexp(t *testing.T) {
	pats := []*prefilter.Prefix{reLetter, reReport, reBodyStart, reTitleStart, reUnitedNation}
	for _, text := range scanTexts(t) {
		for i := 0; i < len(text); i += 7 {
			s := text[i:]
			for _, p := range pats {
				if got, want := p.FindStringIndex(s), p.Plain().FindStringIndex(s); !reflect.DeepEqual(got, want) {
					t.Fatalf("%.40s at %.40q: got %v, want %v", p.Plain(), s, got, want)
				}
				if got, want := p.MatchString(s), p.Plain().MatchString(s); got != want {
					t.Fatalf("%.40s MatchString at %.40q: got %v", p.Plain(), s, got)
				}
			}
		}
	}
}

// TestJoinLines checks that joinLines gives strings.Join's result, whether
// or not the lines stand in the text as joined.
func TestJoinLines(t *testing.T) {
	for _, c := range []struct {
		lines []string
		text  string
	}{
		{nil, "a"}, {[]string{""}, ""}, {[]string{"", ""}, "\n"}, {[]string{"", ""}, " \n"},
		{[]string{"a", "b"}, "x\na\nb\nc"}, {[]string{"a", "b"}, "a\n b"}, {[]string{"a", "b"}, "a \nb"},
		{[]string{"a", "b"}, "a\r\nb"}, {[]string{"a", "", "b"}, "a\n\nb"}, {[]string{"a", "b"}, "a\n\nb"},
		{[]string{"ab", "b"}, "a\nab\nb"}, {[]string{"a", "b"}, "ab"}, {[]string{"a", "b"}, "a\n"},
	} {
		if got, want := joinLines(c.lines, c.text), strings.Join(c.lines, "\n"); got != want {
			t.Errorf("joinLines(%q, %q) = %q, want %q", c.lines, c.text, got, want)
		}
	}
	for _, text := range scanTexts(t) {
		lines := strings.Split(text, "\n")
		for _, n := range []int{1, 2, 10, 45, len(lines)} {
			header := headerLines(lines[:min(n, len(lines))])
			if got, want := joinLines(header, text), strings.Join(header, "\n"); got != want {
				t.Fatalf("joinLines on %.60q: got %.60q, want %.60q", text, got, want)
			}
		}
	}
}
