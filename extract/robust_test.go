package extract

import (
	"fmt"
	"strings"
	"testing"
)

// A list has no length limit: every member of a sixty-resolution list
// counts, however many bytes it runs over.
func TestLongListIsReadToItsEnd(t *testing.T) {
	var items []string
	for i := range 60 {
		items = append(items, fmt.Sprintf("%d/%d of %d December %d", 20+i, 30+i, 1+i%28, 1965+i))
	}
	text := "The General Assembly,\n\nRecalling its resolutions " + strings.Join(items[:59], ", ") + " and " + items[59] + ",\n"
	d := Extract("A_RES_80_29.en.txt", text, nil)
	if len(d.Citations) != 60 {
		t.Fatalf("%d citations, want 60", len(d.Citations))
	}
}

// A context is a sentence of bounded length: a file of one endless line
// does not make every citation carry kilobytes of text.
func TestContextIsBounded(t *testing.T) {
	unit := "the Council recalls resolution 822 (1993) and notes the situation in the region without a full stop "
	text := strings.Repeat(unit, 50_000) // 5 MB, one line
	d := Extract("x.en.txt", text, nil)
	if len(d.Citations) != 1 {
		t.Fatalf("citations = %d", len(d.Citations))
	}
	total := 0
	for _, ctx := range d.Citations[0].Contexts {
		if len(ctx) > maxContext+len("… ")+len(" …") {
			t.Errorf("context of %d bytes", len(ctx))
		}
		if !strings.Contains(ctx, "822 (1993)") {
			t.Errorf("context %q lacks the citation", ctx)
		}
		total += len(ctx)
	}
	if total > 10*(maxContext+8) {
		t.Errorf("%d bytes of contexts for one resolution cited in one repeated sentence", total)
	}
}

// A line that looks like a page number ("73/89") right after the word
// "resolution" is the resolution's number: A_RES_80_72.en.txt sets a
// paragraph one word a line. A page number elsewhere is still dropped.
func TestPageNumberAfterResolutionWordIsKept(t *testing.T) {
	text := "The General Assembly,\n\nRecalling\nalso\nits\nresolution\n73/89\nof\n6 December\n2018,\n\n3/12\n\nRecalling further its resolution 77/25 of 30 November 2022,\n"
	got := sortedCitations("A_RES_80_72.en.txt", text)
	if want := []string{"A/RES/73/89", "A/RES/77/25"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// "two resolutions 31": a count of resolutions followed by a footnote mark
// (S_RES_74(1949).en.txt), not Security Council resolution 31.
func TestCountedResolutionsAreNotNumbered(t *testing.T) {
	text := "The Security Council,\nHaving received and examined the letter dated 29\nJuly 1949 from the Chairman of the Atomic Energy\nCommission, 30 transmitting two resolutions 31 adopted at\nthe 24th meeting of the Commission on 29 July 1949,\n"
	if got := citedSymbols("S_RES_74(1949).en.txt", text); len(got) != 0 {
		t.Errorf("got %q, want none", got)
	}
}
