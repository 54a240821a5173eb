package prefilter

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// texts are the project's test documents (real UN documents in the six
// languages, ../../testdata) and a few texts made to trip a prefilter: case
// variants, the Kelvin sign and the long s, matches at the very start and
// end, literals that overlap.
func texts(t *testing.T) []string {
	t.Helper()
	out := []string{
		"", "a", "Council", "COUNCIL", "council", "ſecurity Council", "\u212aosovo", "Councils Council",
		"the Council and the Assembly", "Conseil de sécurité", "Совет Безопасности", "安全理事会",
		"resolution 822 (1993), 853 (1993) and 874 (1993)", "822 (1993)", "xx (1993", "Secretary-General",
	}
	for _, dir := range []string{"docs", "excerpts"} {
		paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", dir, "*"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("no test documents in testdata/%s: %v", dir, err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b[:min(len(b), 30000)]))
		}
	}
	return out
}

// patterns covers the shapes prefixLiterals reads: literal alternations
// (exact), case-insensitive ones (folded, with the Kelvin sign and the
// long s), character classes, optional and repeated parts, and patterns
// that go on past their literal prefix; one of them has enough literals
// to be scanned with skips, one with quads, one a byte at a time.
var patterns = []string{
	`Security Council|Conseil de sécurité|Consejo de Seguridad|Совет Безопасности|مجلس الأمن|安全理事会`,
	`(?i)security council|state under review|kosovo`,
	`(?i)adopted by the [\p{L}\s]{3,40}?\son\s`,
	`[Rr]esolutions? (\d{1,4})(?: \((\d{4})\))?`,
	`(?:Agenda items?\s|Items?\s|Points? )(\d{1,3}(?: \([a-z]\))?)`,
	`[;:]`,
	`(?:the |la |el )?(?:Council|Assembly|Conseil|Asamblea)\b`,
	`Secretary-General|Secrétaire général|Secretario General|Генеральный секретарь|الأمين العام|秘书长`,
	`第\d{1,4}号|号决议`,
}

func TestRegexpAgreesWithRegexp(t *testing.T) {
	var pats []*Regexp
	for _, expr := range patterns {
		pats = append(pats, MustCompile(expr))
	}
	set := NewSet(pats)
	for _, text := range texts(t) {
		fromSet := make([][]int, len(pats))
		set.Scan(text, func(pat, at int) bool {
			if c := fromSet[pat]; len(c) == 0 || c[len(c)-1] != at {
				fromSet[pat] = append(c, at)
			}
			return true
		})
		for i, p := range pats {
			want := p.Plain().FindAllStringSubmatchIndex(text, -1)
			if got := p.FindAllStringSubmatchIndex(text); !reflect.DeepEqual(got, want) {
				t.Fatalf("%.40s on %.60q: got %v, want %v", p, text, got, want)
			}
			if got, want := p.MatchString(text), p.Plain().MatchString(text); got != want {
				t.Fatalf("%.40s MatchString on %.60q: got %v", p, text, got)
			}
			if got, want := p.FindStringIndex(text), p.Plain().FindStringIndex(text); !reflect.DeepEqual(got, want) {
				t.Fatalf("%.40s FindStringIndex on %.60q: got %v, want %v", p, text, got, want)
			}
			// The candidates a Set gives a pattern find its matches too,
			// unless the text holds what its literals do not fold.
			if p.LiteralsMiss(text) {
				continue
			}
			var got [][]int
			p.EachAt(text, fromSet[i], func(m []int) bool {
				got = append(got, m)
				return true
			})
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%.40s from a Set's candidates on %.60q: got %v, want %v", p, text, got, want)
			}
		}
	}
}

// TestLiteralsMiss checks the case that makes a Set's candidates
// incomplete: a case-insensitive pattern on text with the Kelvin sign.
func TestLiteralsMiss(t *testing.T) {
	p := MustCompile(`(?i)kosovo`)
	text := "the \u212aosovo report"
	if !p.Plain().MatchString(text) {
		t.Fatal("regexp does not fold the Kelvin sign; the test is moot")
	}
	if !p.LiteralsMiss(text) {
		t.Error("LiteralsMiss = false on text with the Kelvin sign")
	}
	if p.LiteralsMiss("the Kosovo report") || MustCompile(`Kosovo`).LiteralsMiss(text) {
		t.Error("LiteralsMiss = true where the literals find every match")
	}
	if got := p.FindStringIndex(text); !reflect.DeepEqual(got, []int{4, 12}) {
		t.Errorf("FindStringIndex = %v, want [4 12]", got)
	}
}

// TestMustCompilePanics checks that a pattern whose match may start
// anywhere is refused, since prefiltering would change its results.
func TestMustCompilePanics(t *testing.T) {
	for _, expr := range []string{`\pL+Council`, `.*Council`, `(?:Council)?`, `^x`} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("MustCompile(%q) did not panic", expr)
				}
			}()
			MustCompile(expr)
		}()
	}
}

// TestMustCompileWith checks that the written-out matcher is what runs at
// each candidate.
func TestMustCompileWith(t *testing.T) {
	calls := 0
	p := MustCompileWith(`ab|ac`, func(s string) []int {
		calls++
		if strings.HasPrefix(s, "ab") || strings.HasPrefix(s, "ac") {
			return []int{0, 2}
		}
		return nil
	})
	got := p.FindAllStringSubmatchIndex("xab ad ac")
	if want := [][]int{{1, 3}, {7, 9}}; !reflect.DeepEqual(got, want) || calls != 2 {
		t.Errorf("got %v after %d calls, want %v after 2 (one per candidate)", got, calls, want)
	}
}

var prefixPatterns = []string{
	`^(?i:Letter dated|Lettre datée|Carta de fecha|Письмо|Sir,|Dear )`,
	`^(?:The (?:General Assembly|Security Council),|L[ea] .{3,40},$|1\.\s)`,
	`^\d{1,3}/\d{1,4}\.\s`,
	`^(?:United Nations|Nations Unies|Организация Объединенных Наций|联合国)\s+`,
	`^\s*\p{Lu}`,
}

func TestPrefixAgreesWithRegexp(t *testing.T) {
	var pats []*Prefix
	for _, expr := range prefixPatterns {
		pats = append(pats, MustCompilePrefix(expr))
	}
	for _, text := range texts(t) {
		for i := 0; i < len(text); i += 5 {
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

// TestEachAround checks patterns run only around their anchors against
// the regexp run on the whole text: every match of these holds its anchor
// within the bounds given.
func TestEachAround(t *testing.T) {
	cases := []struct {
		re            *regexp.Regexp
		anchors       []string
		before, after int
	}{
		{regexp.MustCompile(`\b\d{1,4} \((?:\d{4}|[IVXL]{1,7})\)`), []string{" ("}, 4, 10},
		{regexp.MustCompile(`\b[A-Z]/RES/\d{1,4}/\d{1,4}`), []string{"/RES/"}, 1, 14},
		{regexp.MustCompile(`(\p{Lu}\p{Ll}+) (?:Ministry|Mission)`), []string{"Ministry", "Mission"}, 60, 0},
	}
	for _, text := range texts(t) {
		for _, c := range cases {
			want := c.re.FindAllStringSubmatchIndex(text, -1)
			var got [][]int
			EachAround(text, c.anchors, c.before, c.after, c.re, func(m []int) bool {
				got = append(got, m)
				return true
			})
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on %.60q: got %v, want %v", c.re, text, got, want)
			}
		}
	}
}

// TestEachBefore checks a pattern that holds its anchor after at most two
// words against the regexp run on the whole text. A window does not reach
// back past the previous anchor, so the texts where an anchor ends a word
// before another are checked for that.
func TestEachBefore(t *testing.T) {
	re := regexp.MustCompile(`\b(?:\p{L}+\s+){0,2}(?:Council|Conseil)\b`)
	eachBefore := func(text string) [][]int {
		var got [][]int
		for _, anchor := range []string{"Council", "Conseil"} {
			EachBefore(text, anchor, 2, 4, re, func(m []int) bool {
				got = append(got, m)
				return true
			})
		}
		slices.SortFunc(got, func(a, b []int) int { return a[0] - b[0] })
		return got
	}
	for _, text := range texts(t) {
		if strings.Contains(text, "Councils Council") {
			continue
		}
		want := re.FindAllStringSubmatchIndex(text, -1)
		if got := eachBefore(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s on %.60q: got %v, want %v", re, text, got, want)
		}
	}
	if got, want := eachBefore("Councils Council"), [][]int{{7, 16}}; !reflect.DeepEqual(got, want) {
		t.Errorf("on %q: got %v, want %v (not reaching back past the first anchor)", "Councils Council", got, want)
	}
}
