package refdata

import (
	"testing"
)

func TestStates(t *testing.T) {
	list := States()
	if len(list) != 195 {
		t.Fatalf("States() has %d entries, want 195", len(list))
	}
	for i := 1; i < len(list); i++ {
		if list[i-1].Code >= list[i].Code {
			t.Fatalf("States() not sorted by code: %s before %s", list[i-1].Code, list[i].Code)
		}
	}
	for _, s := range list {
		if len(s.Code) != 3 || len(s.Alpha2) != 2 || s.Name == "" {
			t.Errorf("incomplete State %+v", s)
		}
		for _, lang := range Languages {
			if len(s.Names[lang]) == 0 {
				t.Errorf("%s has no %s name", s.Code, lang)
			}
		}
	}
}

func TestStateByCode(t *testing.T) {
	tests := []struct {
		code, name string
		lang, want string
	}{
		{"AZE", "Azerbaijan", "fr", "Azerbaïdjan (l')"},
		{"aze", "Azerbaijan", "ru", "Азербайджан"},
		{" arm ", "Armenia", "en", "the Republic of Armenia"},
		{"NLD", "Netherlands", "es", "Países Bajos (los)"},
		{"GBR", "United Kingdom of Great Britain and Northern Ireland", "zh", "大不列颠及北爱尔兰联合王国"},
		{"CIV", "Côte d'Ivoire", "fr", "Côte d’Ivoire"},
		{"TUR", "Türkiye", "ar", "تركيا"},
		{"PSE", "State of Palestine", "en", "the State of Palestine"},
		{"VAT", "Holy See", "fr", "le Saint-Siège"},
	}
	for _, tt := range tests {
		s, ok := StateByCode(tt.code)
		if !ok {
			t.Errorf("StateByCode(%q) not found", tt.code)
			continue
		}
		if s.Name != tt.name {
			t.Errorf("StateByCode(%q).Name = %q, want %q", tt.code, s.Name, tt.name)
		}
		found := false
		for _, n := range s.Names[tt.lang] {
			found = found || n == tt.want
		}
		if !found {
			t.Errorf("StateByCode(%q).Names[%s] = %q, want it to hold %q", tt.code, tt.lang, s.Names[tt.lang], tt.want)
		}
	}
	for _, code := range []string{"", "XXX", "SUN", "AZ"} {
		if _, ok := StateByCode(code); ok {
			t.Errorf("StateByCode(%q) found a State", code)
		}
	}
}

func TestLookupResolution(t *testing.T) {
	tests := []struct {
		in   string
		want Resolution
	}{
		{"S/RES/822 (1993)", Resolution{Symbol: "S/RES/822 (1993)", Date: "1993-04-30", Year: 1993}},
		{"s/res/884(1993)", Resolution{Symbol: "S/RES/884 (1993)", Date: "1993-11-12", Year: 1993}},
		{"A/RES/80/2", Resolution{Symbol: "A/RES/80/2", Date: "2025-10-14", Year: 2025}},
		{"a/hrc/res/51/3", Resolution{Symbol: "A/HRC/RES/51/3", Date: "2022-10-06", Year: 2022}},
	}
	for _, tt := range tests {
		got, ok := LookupResolution(tt.in)
		if !ok {
			t.Errorf("LookupResolution(%q) not found", tt.in)
			continue
		}
		if got.Title == "" {
			t.Errorf("LookupResolution(%q) has no title", tt.in)
		}
		got.Title = ""
		if got != tt.want {
			t.Errorf("LookupResolution(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
	// 666 (1990) is a real resolution missing from the source table; 60/251
	// predates the bundled GA sessions; the last two are not symbols.
	for _, in := range []string{"S/RES/666 (1990)", "A/RES/60/251", "A/HRC/DEC/14/105", "822"} {
		if r, ok := LookupResolution(in); ok {
			t.Errorf("LookupResolution(%q) = %+v, want not found", in, r)
		}
	}
}

func TestResolutionTableSizes(t *testing.T) {
	counts := map[string]int{}
	for sym := range resolutions() {
		switch {
		case sym[:2] == "S/":
			counts["SC"]++
		case len(sym) > 6 && sym[:6] == "A/HRC/":
			counts["HRC"]++
		default:
			counts["GA"]++
		}
	}
	if counts["SC"] != 2630 || counts["GA"] != 902 || counts["HRC"] < 1300 {
		t.Errorf("resolution counts %v, want SC 2630, GA 902, HRC >= 1300", counts)
	}
}

func BenchmarkLookupResolution(b *testing.B) {
	resolutions()
	for b.Loop() {
		LookupResolution("S/RES/822 (1993)")
	}
}
