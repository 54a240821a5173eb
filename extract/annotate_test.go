package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/uncite/uncite"
)

// TestBuildCitations checks what the occurrences of a resolution become:
// one citation with its count, each sentence once, the clause verbs that
// introduce it, whether an operative paragraph cites it; the document's
// own symbol is no citation.
func TestBuildCitations(t *testing.T) {
	text := "The Security Council,\n" +
		"Recalling its resolutions 822 (1993) and 853 (1993),\n" +
		"Reaffirming resolution 822 (1993) and resolution 874 (1993),\n" +
		"1. Demands the implementation of resolution 853 (1993);\n"
	flowed := flow(cleanLines(text, ""))
	occ := findCitations(flowed, uncite.BodySC, subjects(flowed))
	got := buildCitations(flowed, occ, "S/RES/874 (1993)", true)
	want := []uncite.Citation{
		{Symbol: "S/RES/822 (1993)", Body: uncite.BodySC, Number: "822", Year: 1993, Count: 2,
			Contexts: []string{"Recalling its resolutions 822 (1993) and 853 (1993),", "Reaffirming resolution 822 (1993) and resolution 874 (1993),"},
			Verbs:    []string{"Recalling", "Reaffirming"}},
		{Symbol: "S/RES/853 (1993)", Body: uncite.BodySC, Number: "853", Year: 1993, Count: 2,
			Contexts:  []string{"Recalling its resolutions 822 (1993) and 853 (1993),", "1. Demands the implementation of resolution 853 (1993);"},
			Verbs:     []string{"Recalling", "Demands"},
			Operative: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestClipContext checks that a sentence longer than maxContext is cut
// around the cited number, in whole words, marked where cut.
func TestClipContext(t *testing.T) {
	p := "Recalling " + strings.Repeat("the many resolutions of the Council, ", 40) + "notably resolution 822 (1993), " + strings.Repeat("and the others after it, ", 40) + "and so on."
	start := strings.Index(p, "822")
	got := clipContext(p, start, start+len("822 (1993)"))
	if len(got) > maxContext+len("… ")+len(" …") || !strings.Contains(got, "notably resolution 822 (1993),") {
		t.Errorf("context of %d bytes: %q", len(got), got)
	}
	if !strings.HasPrefix(got, "… ") || !strings.HasSuffix(got, " …") {
		t.Errorf("cut context not marked: %q", got)
	}
	for _, w := range strings.Fields(strings.Trim(got, "… ")) {
		if !strings.Contains(p, " "+w+" ") && !strings.HasSuffix(p, " "+w) {
			t.Errorf("word cut: %q", w)
		}
	}
	short := "Recalling resolution 822 (1993). Another sentence."
	if got := clipContext(short, 10, 30); got != "Recalling resolution 822 (1993)." {
		t.Errorf("short: %q", got)
	}
}
