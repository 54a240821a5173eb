package extract

import (
	"reflect"
	"strings"
	"testing"
)

// TestResolutionWords checks that the word "resolution" is found in every
// language, with its plural, case forms and clitics, and not inside a
// longer word.
func TestResolutionWords(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Recalling its resolutions 822 (1993) and the Resolution adopted by", []string{"resolutions", "Resolution"}},
		{"RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY", []string{"RESOLUTION"}},
		{"Rappelant sa résolution 5/1 et ses résolutions", []string{"résolution", "résolutions"}},
		{"Recordando sus resoluciones 5/1 y la resolución 5/2", []string{"resoluciones", "resolución"}},
		{"ссылаясь на свои резолюции 5/1 и резолюцию 5/2", []string{"резолюции", "резолюцию"}},
		{"وإذ يشير إلى قراره 5/1 وبالقرارات", []string{"قراره", "وبالقرارات"}},
		{"irresolution and the dissolution of the resolute", nil},
	} {
		var got []string
		for _, m := range resolutionWords(c.text) {
			got = append(got, c.text[m[0]:m[1]])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
		if hasResolutionWord(c.text) != (c.want != nil) {
			t.Errorf("%q: hasResolutionWord = %v", c.text, !(c.want != nil))
		}
	}
}

// TestReadList checks the numbers found after the word: each number of a
// list to its end, past dates and a descriptive clause; a footnote mark
// among numbers with years is read past but left out.
func TestReadList(t *testing.T) {
	for _, c := range []struct {
		rest string
		want []string // the numbers as written
		end  string   // what follows the list
	}{
		{" 822 (1993), 853 (1993) and 874 (1993) of 29 July 1993, on the situation", []string{"822 (1993)", "853 (1993)", "874 (1993)"}, ", on the situation"},
		{" 1514 (XV) of 14 December 1960, containing the Declaration, and 1541 (XV) of 15 December 1960;", []string{"1514 (XV)", "1541 (XV)"}, ";"},
		{" 571 (1985), 79 and the report", []string{"571 (1985)"}, " and the report"},
		{" 48/75 J of 16 December 1993 and 79/26 of 2 December 2024", []string{"48/75", "79/26"}, ""},
		{" ES-10/24 et S-30/1", []string{"ES-10/24", "S-30/1"}, ""},
	} {
		items, end := readList(c.rest, 1, 0, nil)
		nums := make([]string, len(items))
		for i, it := range items {
			switch it.kind {
			case itemBracket:
				nums[i] = it.sub[4] + " (" + it.sub[5] + it.sub[7] + ")"
			case itemSlash:
				nums[i] = it.sub[2] + "/" + it.sub[3]
			case itemSpecial:
				nums[i] = it.sub[1]
			case itemBare:
				nums[i] = it.sub[9]
			}
		}
		if !reflect.DeepEqual(nums, c.want) || c.rest[end:] != c.end {
			t.Errorf("%q: got %q ending before %q, want %q before %q", c.rest, nums, c.rest[end:], c.want, c.end)
		}
	}
}

// TestListNotFound checks the places where the word "resolution" starts no
// list of the UN's resolutions: a locator in another document, a count.
func TestListNotFound(t *testing.T) {
	s := "A/56/1026, annex II, resolution 14/221"
	if !locatorBefore(s, strings.Index(s, "resolution")) {
		t.Errorf("%q: locator not seen", s)
	}
	s = "transmitting two resolutions 31 adopted at the 24th meeting"
	if !countedBefore(s, strings.Index(s, "resolutions")) {
		t.Errorf("%q: count not seen", s)
	}
	if _, _, ok := listStart("s, which"); ok {
		t.Error("a list starts where no space follows the word")
	}
	if named, pos, ok := listStart(" مجلس الأمن 2118 (2013)"); !ok || named != "SC" || !strings.HasPrefix(" مجلس الأمن 2118 (2013)"[pos:], "2118") {
		t.Errorf("Arabic body inside the list: %q at %d, %v", named, pos, ok)
	}
}
