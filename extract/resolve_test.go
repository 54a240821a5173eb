package extract

import (
	"strings"
	"testing"

	"github.com/uncite/uncite"
)

// TestBodyAroundList checks where a list's body is read: the words before
// the word "resolution", and the words after the numbers.
func TestBodyAroundList(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Recalling Security Council resolution", uncite.BodySC},
		{"Recalling that the General Assembly in its resolution", uncite.BodyGA},
		{"Rappelant la résolution", ""},
		{"Taking note of Commission on Population and Development resolutions", foreignBody},
		{"Recalling the Council resolution", councilGeneric},
	} {
		words := resolutionWords(c.text)
		if got := bodyBefore(c.text, words[len(words)-1][0]); got != c.want {
			t.Errorf("before %q: got %q, want %q", c.text, got, c.want)
		}
	}
	for _, c := range []struct{ rest, want string }{
		{" of the Human Rights Council, and", uncite.BodyHRC},
		{" du Conseil de sécurité", uncite.BodySC},
		{" Совета Безопасности", uncite.BodySC},
		{", the General Assembly designated", uncite.BodyGA},
		{" of the United Nations Environment Assembly on plastic pollution", foreignBody},
		{"\nThe Human Rights Council", ""},
	} {
		if got := bodyAfter(c.rest); got != c.want {
			t.Errorf("after %q: got %q, want %q", c.rest, got, c.want)
		}
	}
}

// TestResolveNumber checks the canonical symbol each form of number gets
// from the body named around it and the document's own body.
func TestResolveNumber(t *testing.T) {
	for _, c := range []struct {
		name string
		cit  func() (uncite.Citation, bool)
		want string
	}{
		{"number and year", func() (uncite.Citation, bool) { return scCitation("822", "1993") }, "S/RES/822 (1993)"},
		{"early session", func() (uncite.Citation, bool) { return romanCitation("217", "", "III", "") }, "A/RES/217 (III)"},
		{"Council session", func() (uncite.Citation, bool) { return slashCitation("5", "1", uncite.BodyHRC, "") }, "A/HRC/RES/5/1"},
		{"its, in a Council text", func() (uncite.Citation, bool) { return slashCitation("5", "1", "", uncite.BodyHRC) }, "A/HRC/RES/5/1"},
		{"past the Council's sessions", func() (uncite.Citation, bool) { return slashCitation("78", "1", "", uncite.BodyHRC) }, "A/RES/78/1"},
		{"Assembly session", func() (uncite.Citation, bool) { return slashCitation("60", "251", uncite.BodyGA, "") }, "A/RES/60/251"},
		{"year and number", func() (uncite.Citation, bool) { return slashCitation("1996", "31", uncite.BodyECOSOC, "") }, "E/RES/1996/31"},
		{"Commission", func() (uncite.Citation, bool) { return slashCitation("2005", "66", uncite.BodyCHR, "") }, "E/CN.4/RES/2005/66"},
		{"special session", func() (uncite.Citation, bool) { return specialSession("S-30/1", uncite.BodyHRC, "") }, "A/HRC/RES/S-30/1"},
		{"emergency session", func() (uncite.Citation, bool) { return specialSession("ES-11/1", uncite.BodyGA, "") }, "A/RES/ES-11/1"},
	} {
		c2, ok := c.cit()
		if !ok || c2.Symbol != c.want {
			t.Errorf("%s: got %q (%v), want %q", c.name, c2.Symbol, ok, c.want)
		}
	}
	if c, ok := bareCitation("1267", uncite.BodyGA, ""); ok {
		t.Errorf("a bare number of the Assembly: got %q, want none", c.Symbol)
	}
}

// TestListLendsItsBody checks the state carried from list to list: a list
// without a body of its own takes that of the list before it in the same
// sentence, not past its end.
func TestListLendsItsBody(t *testing.T) {
	flowed := "Recalling Human Rights Council resolutions 23/13 of 13 June 2013, as well as resolutions 28/6 of 26 March 2015.\nRecalling resolutions 30/2 of 1 October 2015"
	var got []string
	for _, o := range findCitations(flowed, uncite.BodyGA, nil) {
		got = append(got, o.cit.Symbol)
	}
	want := []string{"A/HRC/RES/23/13", "A/HRC/RES/28/6", "A/RES/30/2"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %q, want %q", got, want)
	}
}
