package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/uncite/uncite"
)

// goldRecord is one hand-checked expected extraction. A field that is null
// or absent is not scored for that document (the scorer's rule).
type goldRecord struct {
	File        string    `json:"file"`
	Symbol      *string   `json:"symbol"`
	Languages   *[]string `json:"languages"`
	Type        *string   `json:"type"`
	Date        *string   `json:"date"`
	Body        *string   `json:"body"`
	Session     *int      `json:"session"`
	AgendaItems *[]string `json:"agendaItems"`
	Author      *string   `json:"author"`
	Mentions    *[]string `json:"mentions"`
	Citations   *[]string `json:"citations"`
	Documents   *[]string `json:"documents"`
}

// normValue is the scorer's comparison form: upper case, no white space.
func normValue(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), "")) }

type setScore struct{ tp, fp, fn int }

func (s *setScore) add(want, got []string) {
	w, g := map[string]bool{}, map[string]bool{}
	for _, x := range want {
		w[normValue(x)] = true
	}
	for _, x := range got {
		g[normValue(x)] = true
	}
	for x := range g {
		if w[x] {
			s.tp++
		} else {
			s.fp++
		}
	}
	for x := range w {
		if !g[x] {
			s.fn++
		}
	}
}

func (s setScore) prf() (p, r, f float64) {
	p, r = 1, 1
	if s.tp+s.fp > 0 {
		p = float64(s.tp) / float64(s.tp+s.fp)
	}
	if s.tp+s.fn > 0 {
		r = float64(s.tp) / float64(s.tp+s.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

type accScore struct{ right, total int }

func (a *accScore) add(want *string, got string) {
	if want == nil {
		return
	}
	a.total++
	if normValue(*want) == normValue(got) {
		a.right++
	}
}

func (a accScore) acc() float64 {
	if a.total == 0 {
		return 1
	}
	return float64(a.right) / float64(a.total)
}

// fromDir reads the text of the document a gold file names from dir.
func fromDir(dir string) func(name string) (string, error) {
	return func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		return string(b), err
	}
}

// scoreGold extracts every document that has a gold file in goldDir, its
// text given by read, and scores the result as
// shared/tools/score-extraction does.
func scoreGold(t *testing.T, goldDir string, read func(name string) (string, error)) (sets map[string]*setScore, accs map[string]*accScore, misses []string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(goldDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files in %s: %v", goldDir, err)
	}
	sets = map[string]*setScore{}
	accs = map[string]*accScore{}
	for _, k := range []string{"citations", "documents", "mentions", "agendaItems", "languages"} {
		sets[k] = &setScore{}
	}
	for _, k := range []string{"symbol", "body", "session", "author", "type", "date"} {
		accs[k] = &accScore{}
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldRecord
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		text, err := read(g.File)
		if err != nil {
			t.Fatalf("%s: %v", g.File, err)
		}
		d := Extract(g.File, text, nil)
		got := predictedSets(d)
		for field, want := range map[string]*[]string{"citations": g.Citations, "documents": g.Documents, "mentions": g.Mentions, "agendaItems": g.AgendaItems, "languages": g.Languages} {
			if want == nil {
				continue
			}
			before := *sets[field]
			sets[field].add(*want, got[field])
			if sets[field].fp != before.fp || sets[field].fn != before.fn {
				misses = append(misses, fmt.Sprintf("%s: %s: want %q got %q", g.File, field, *want, got[field]))
			}
		}
		session := ""
		if d.Session != 0 {
			session = strconv.Itoa(d.Session)
		}
		var goldSession *string
		if g.Session != nil {
			s := strconv.Itoa(*g.Session)
			goldSession = &s
		}
		for field, pair := range map[string][2]any{
			"symbol": {g.Symbol, d.Symbol}, "body": {g.Body, d.Body}, "session": {goldSession, session},
			"author": {g.Author, d.Author}, "type": {g.Type, d.Type}, "date": {g.Date, d.Date},
		} {
			want, got := pair[0].(*string), pair[1].(string)
			before := *accs[field]
			accs[field].add(want, got)
			if accs[field].total != before.total && accs[field].right == before.right {
				misses = append(misses, fmt.Sprintf("%s: %s: want %q got %q", g.File, field, *want, got))
			}
		}
	}
	sort.Strings(misses)
	return sets, accs, misses
}

func predictedSets(d *uncite.Document) map[string][]string {
	out := map[string][]string{"documents": d.References, "languages": d.Languages}
	for _, c := range d.Citations {
		out["citations"] = append(out["citations"], c.Symbol)
	}
	for _, m := range d.Mentions {
		out["mentions"] = append(out["mentions"], m.State)
	}
	for _, a := range d.AgendaItems {
		out["agendaItems"] = append(out["agendaItems"], a.Number)
	}
	return out
}

// TestExtractionQuality keeps the extraction from sliding back: it scores
// both gold folders and fails when a field drops below the project's target
// or below what the extraction reached when the floor was last raised
// (minus a small margin), whichever is lower.
func TestExtractionQuality(t *testing.T) {
	type floor struct {
		f1, precision float64 // for set fields; f1 is accuracy for single fields
	}
	cases := []struct {
		gold, text string
		floors     map[string]floor
	}{
		// The development gold stays at 0.99 or better, the six-language
		// excerpts at 0.98 (issue 8).
		{"gold", "docs", map[string]floor{
			"citations": {0.99, 0.99}, "mentions": {0.99, 0.99}, "documents": {0.99, 0.99}, "agendaItems": {0.99, 0},
			"languages": {0.99, 0}, "author": {0.95, 0}, "body": {0.99, 0}, "session": {0.99, 0},
			"symbol": {0.99, 0}, "type": {0.99, 0}, "date": {0.99, 0},
		}},
		{"gold-multilingual", "excerpts", map[string]floor{
			"citations": {0.98, 0.98}, "mentions": {0.98, 0.98}, "documents": {0.90, 0}, "languages": {0.98, 0},
			"author": {0.95, 0},
		}},
	}
	for _, c := range cases {
		t.Run(c.gold, func(t *testing.T) {
			sets, accs, misses := scoreGold(t, filepath.Join("..", "testdata", c.gold), fromDir(filepath.Join("..", "testdata", c.text)))
			failed := false
			for field, fl := range c.floors {
				if s, ok := sets[field]; ok {
					p, r, f := s.prf()
					t.Logf("%-12s F1 %.3f (P %.3f R %.3f; %d right, %d extra, %d missed)", field, f, p, r, s.tp, s.fp, s.fn)
					if f < fl.f1 || p < fl.precision {
						t.Errorf("%s: F1 %.3f, precision %.3f; want at least %.3f and %.3f", field, f, p, fl.f1, fl.precision)
						failed = true
					}
					continue
				}
				a := accs[field]
				t.Logf("%-12s accuracy %.3f (%d/%d)", field, a.acc(), a.right, a.total)
				if a.acc() < fl.f1 {
					t.Errorf("%s: accuracy %.3f, want at least %.3f", field, a.acc(), fl.f1)
					failed = true
				}
			}
			if failed || testing.Verbose() {
				for _, m := range misses {
					t.Log(m)
				}
			}
		})
	}
}
