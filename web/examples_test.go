package web

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// GraphiQL opens with the README's example queries: each must still be
// there, so that the two do not drift apart.
func TestPlaygroundExamplesInReadme(t *testing.T) {
	src, err := os.ReadFile("src/playground/examples.js")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	queries := regexp.MustCompile("(?s)`([^`]+)`").FindAllStringSubmatch(string(src), -1)
	if len(queries) < 3 {
		t.Fatalf("found %d example queries in examples.js", len(queries))
	}
	for _, q := range queries {
		if !strings.Contains(string(readme), q[1]) {
			t.Errorf("example query not in README.md:\n%s", q[1])
		}
	}
}
