package refdata

import "testing"

func TestFindStates(t *testing.T) {
	for q, want := range map[string]string{
		"l'Arménie":                  "ARM",
		"armenie":                    "ARM",
		"Армения":                    "ARM",
		"أرمينيا":                    "ARM",
		"亚美尼亚":                       "ARM",
		"Armenia":                    "ARM",
		"arm":                        "ARM",
		"the Republic of Azerbaijan": "AZE",
		"Côte d'Ivoire":              "CIV",
		"cote d'ivoire":              "CIV",
	} {
		got := FindStates(q)
		found := false
		for _, s := range got {
			found = found || s.Code == want
		}
		if !found {
			t.Errorf("FindStates(%q) = %v, want it to include %s", q, codes(got), want)
		}
	}
	if got := FindStates("Narnia"); len(got) != 0 {
		t.Errorf("FindStates(Narnia) = %v", codes(got))
	}
}

func codes(ss []State) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Code)
	}
	return out
}
