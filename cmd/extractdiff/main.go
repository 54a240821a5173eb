// Command extractdiff compares two `uncite extract --json` outputs document
// by document and field by field, so that a change to an extraction rule
// can be read for what it does to every document of a corpus, not only to
// the ones with a gold file:
//
//	go run ./cmd/uncite extract --json DIR > before.jsonl
//	(change a rule)
//	go run ./cmd/uncite extract --json DIR > after.jsonl
//	go run ./cmd/extractdiff before.jsonl after.jsonl
//
// It prints each changed document with what was added (+) and removed (-)
// in each field, then a summary per document class (the body and type of
// the document before the change). With -contexts it also reports
// citations whose count or context sentences changed. It exits 1 when
// the outputs differ, like diff.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/uncite/uncite/extract"
)

func main() {
	contexts := flag.Bool("contexts", false, "also report changed citation counts and context sentences")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: extractdiff [-contexts] BEFORE.jsonl AFTER.jsonl")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 2 {
		flag.Usage()
		os.Exit(2)
	}
	before, err := readRecords(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "extractdiff:", err)
		os.Exit(2)
	}
	after, err := readRecords(flag.Arg(1))
	if err != nil {
		fmt.Fprintln(os.Stderr, "extractdiff:", err)
		os.Exit(2)
	}
	if diff(os.Stdout, before, after, *contexts) {
		os.Exit(1)
	}
}

// record is one line of `extract --json`.
type record = extract.Record

// readRecords reads a JSON Lines file keyed by the document's file name.
func readRecords(path string) (map[string]*record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]*record{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<30)
	for line := 1; sc.Scan(); line++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		r := &record{}
		if err := json.Unmarshal(sc.Bytes(), r); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		if _, dup := out[r.File]; dup {
			return nil, fmt.Errorf("%s:%d: file %q appears twice", path, line, r.File)
		}
		out[r.File] = r
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return out, nil
}

// scalars are the single-valued fields in the order they are printed.
func scalars(r *record) [][2]string {
	return [][2]string{
		{"symbol", str(r.Symbol)}, {"title", str(r.Title)}, {"type", str(r.Type)}, {"date", str(r.Date)},
		{"body", str(r.Body)}, {"session", num(r.Session)}, {"author", str(r.Author)},
	}
}

// sets are the many-valued fields, compared as sets.
func sets(r *record) [][]string {
	var agenda, cites []string
	for _, a := range r.AgendaItems {
		agenda = append(agenda, a.Number)
	}
	for _, c := range r.Citations {
		cites = append(cites, c.Symbol)
	}
	return [][]string{r.Languages, agenda, r.Mentions, cites, r.Documents}
}

var setNames = []string{"languages", "agendaItems", "mentions", "citations", "documents"}

// tally counts the changes of one document class.
type tally struct {
	docs, changed int
	added         [5]int // per set field, in setNames order
	removed       [5]int
	scalar        map[string]int
	contexts      int
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func num(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// class groups documents for the summary by what they are.
func class(r *record) string {
	b, t := str(r.Body), str(r.Type)
	if b == "" {
		b = "-"
	}
	if t == "" {
		t = "-"
	}
	return b + " " + t
}

// diff writes the per-document report and the summary; it reports whether
// anything differed.
func diff(w io.Writer, before, after map[string]*record, contexts bool) bool {
	files := make([]string, 0, len(before)+len(after))
	for f := range before {
		files = append(files, f)
	}
	for f := range after {
		if _, ok := before[f]; !ok {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	tallies := map[string]*tally{}
	any := false
	for _, f := range files {
		b, a := before[f], after[f]
		var cls string
		switch {
		case b == nil:
			cls = class(a)
		default:
			cls = class(b)
		}
		t := tallies[cls]
		if t == nil {
			t = &tally{scalar: map[string]int{}}
			tallies[cls] = t
		}
		t.docs++
		var lines []string
		switch {
		case b == nil:
			lines = append(lines, "  only in AFTER")
		case a == nil:
			lines = append(lines, "  only in BEFORE")
		default:
			lines = compare(b, a, t, contexts)
		}
		if len(lines) == 0 {
			continue
		}
		any = true
		t.changed++
		fmt.Fprintf(w, "%s  [%s]\n%s\n", f, cls, strings.Join(lines, "\n"))
	}
	fmt.Fprintf(w, "\n%-34s %5s %7s", "class", "docs", "changed")
	for _, n := range setNames[1:] {
		fmt.Fprintf(w, " %13s", n+" +/-")
	}
	fmt.Fprintln(w, "  other")
	classes := make([]string, 0, len(tallies))
	for c := range tallies {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	for _, c := range classes {
		t := tallies[c]
		fmt.Fprintf(w, "%-34s %5d %7d", c, t.docs, t.changed)
		for i := range setNames[1:] {
			fmt.Fprintf(w, " %13s", fmt.Sprintf("+%d/-%d", t.added[i+1], t.removed[i+1]))
		}
		var other []string
		if t.added[0]+t.removed[0] > 0 {
			other = append(other, fmt.Sprintf("languages +%d/-%d", t.added[0], t.removed[0]))
		}
		keys := make([]string, 0, len(t.scalar))
		for k := range t.scalar {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			other = append(other, fmt.Sprintf("%s %d", k, t.scalar[k]))
		}
		if t.contexts > 0 {
			other = append(other, fmt.Sprintf("contexts %d", t.contexts))
		}
		fmt.Fprintf(w, "  %s\n", strings.Join(other, ", "))
	}
	return any
}

// compare lists the differences of one document and adds them to t.
func compare(b, a *record, t *tally, contexts bool) []string {
	var lines []string
	bs, as := scalars(b), scalars(a)
	for i := range bs {
		if bs[i][1] != as[i][1] {
			t.scalar[bs[i][0]]++
			lines = append(lines, fmt.Sprintf("  %s: %q -> %q", bs[i][0], bs[i][1], as[i][1]))
		}
	}
	bset, aset := sets(b), sets(a)
	for i, name := range setNames {
		added, removed := setDiff(aset[i], bset[i]), setDiff(bset[i], aset[i])
		t.added[i] += len(added)
		t.removed[i] += len(removed)
		if len(added)+len(removed) == 0 {
			continue
		}
		var parts []string
		for _, x := range added {
			parts = append(parts, "+"+x)
		}
		for _, x := range removed {
			parts = append(parts, "-"+x)
		}
		lines = append(lines, fmt.Sprintf("  %s: %s", name, strings.Join(parts, " ")))
	}
	if contexts {
		old := map[string]int{}
		for i, c := range b.Citations {
			old[c.Symbol] = i
		}
		for _, c := range a.Citations {
			i, ok := old[c.Symbol]
			if !ok {
				continue
			}
			bc := b.Citations[i]
			if bc.Count != c.Count || !slices.Equal(bc.Contexts, c.Contexts) {
				t.contexts++
				lines = append(lines, fmt.Sprintf("  context %s: count %d -> %d", c.Symbol, bc.Count, c.Count))
				for _, x := range setDiff(c.Contexts, bc.Contexts) {
					lines = append(lines, "    + "+x)
				}
				for _, x := range setDiff(bc.Contexts, c.Contexts) {
					lines = append(lines, "    - "+x)
				}
			}
		}
	}
	return lines
}

// setDiff returns the values of x not in y, sorted and without repeats.
func setDiff(x, y []string) []string {
	in := map[string]bool{}
	for _, v := range y {
		in[v] = true
	}
	var out []string
	for _, v := range x {
		if !in[v] {
			in[v] = true
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}
