package neo4jstore

import (
	"regexp"
	"slices"
	"testing"

	"github.com/uncite/uncite"
)

// A projection that omits no detail reads the same properties as the full
// one, and each detail part omitted drops exactly its own properties.
func TestDetailProperties(t *testing.T) {
	props := func(p string) []string {
		out := regexp.MustCompile(`\.\w+`).FindAllString(p, -1)
		slices.Sort(out)
		return out
	}
	full := props(documentProperties)
	if got := props(detailProperties(0)); !slices.Equal(got, full) {
		t.Fatalf("detail table reads %v, the full projection %v", got, full)
	}
	if got := props(detailProperties(uncite.PartDetails)); !slices.Equal(got, []string{".id"}) {
		t.Errorf("no details: %v", got)
	}
	seen := map[string]bool{}
	for _, d := range detailOf {
		got := props(detailProperties(d.part))
		want := slices.DeleteFunc(slices.Clone(full), func(p string) bool { return slices.Contains(props(d.properties), p) })
		if !slices.Equal(got, want) {
			t.Errorf("omitting %b: %v, want %v", d.part, got, want)
		}
		for _, p := range props(d.properties) {
			if seen[p] {
				t.Errorf("%s read by two parts", p)
			}
			seen[p] = true
		}
	}
}
