package uncite

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestCompareAgendaNumbers(t *testing.T) {
	// The order a reader expects, as agenda items are numbered in the
	// corpus ("4", "68 (b)"), with the edge cases of the rule.
	want := []string{"", "2", "3", "04", "4", "4(a)", "10", "68", "68 (a)", "68 (b)", "68 (c)", "100",
		"99999999999999999999999", "A", "general debate"}
	got := slices.Clone(want)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
	slices.SortFunc(got, CompareAgendaNumbers)
	if !slices.Equal(got, want) {
		t.Errorf("sorted\n got %q\nwant %q", got, want)
	}
	for i, a := range want {
		for j, b := range want {
			if c := CompareAgendaNumbers(a, b); cmpSign(c) != cmpSign(i-j) {
				t.Errorf("CompareAgendaNumbers(%q, %q) = %d, want the sign of %d", a, b, c, i-j)
			}
		}
	}
}

func TestCompareSessionItemCounts(t *testing.T) {
	want := []SessionItemCount{
		{Body: "HRC", Session: 43, AgendaItem: "3", Count: 5},
		{Body: "GA", Session: 74, AgendaItem: "68 (b)", Count: 2},
		{Body: "HRC", Session: 43, AgendaItem: "3", Count: 2},
		{Body: "HRC", Session: 43, AgendaItem: "10", Count: 2},
		{Body: "HRC", Session: 100, AgendaItem: "2", Count: 2},
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, CompareSessionItemCounts)
	if !slices.Equal(got, want) {
		t.Errorf("sorted\n got %+v\nwant %+v", got, want)
	}
}

func cmpSign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}
