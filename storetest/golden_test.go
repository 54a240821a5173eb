package storetest

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/uncite/uncite/refdata"
	"github.com/uncite/uncite/sample"
)

// TestGoldenAgreesWithSampleText checks the reviewed answers against the
// sample documents read as plain text, the way a reviewer would with grep,
// with no code of the loader, the extraction or any store: how many
// documents there are and, for each Security Council resolution an answer
// shows, which documents cite it, how often it cites another and how often
// it names a State.
func TestGoldenAgreesWithSampleText(t *testing.T) {
	texts := sampleTexts(t)
	var answers map[string]any
	if err := json.Unmarshal(golden, &answers); err != nil {
		t.Fatal(err)
	}
	checked := 0

	if got := answers["documents paginate with cursors"].(map[string]any)["data"].(map[string]any)["documents"].(map[string]any)["totalCount"]; got != float64(len(texts)) {
		t.Errorf("documents: totalCount %v, the sample has %d files", got, len(texts))
	}
	// citing lists the documents other than the resolution's own whose text
	// names it, however its number and year are spread over lines.
	citing := func(symbol string) []string {
		m := regexp.MustCompile(`^S/RES/(\d+) \((\d{4})\)$`).FindStringSubmatch(symbol)
		re := regexp.MustCompile(`\b` + m[1] + `\s+\(` + m[2] + `\)`)
		var out []string
		for id, text := range texts {
			if id != symbol && re.MatchString(text) {
				out = append(out, id)
			}
		}
		slices.Sort(out)
		return out
	}
	occurrences := func(id, pattern string) int {
		return len(regexp.MustCompile(pattern).FindAllString(texts[id], -1))
	}
	states := map[string]string{}
	for _, s := range refdata.States() {
		states["State:"+s.Code] = s.Name
	}
	scNode := regexp.MustCompile(`^Resolution:(S/RES/(\d+) \((\d{4})\))$`)

	for name, answer := range answers {
		walk(answer, func(o map[string]any) {
			symbol, _ := o["symbol"].(string)
			if n, ok := o["citationCount"].(float64); ok && strings.HasPrefix(symbol, "S/RES/") {
				checked++
				if want := len(citing(symbol)); int(n) != want {
					t.Errorf("%s: %s citationCount %v, %d documents name it", name, symbol, n, want)
				}
			}
			if by, ok := o["citedBy"].(map[string]any); ok && strings.HasPrefix(symbol, "S/RES/") {
				var got []string
				for _, n := range by["nodes"].([]any) {
					got = append(got, n.(map[string]any)["id"].(string))
				}
				want := citing(symbol)
				if total, ok := by["totalCount"].(float64); ok && int(total) != len(want) {
					t.Errorf("%s: %s cited by %v documents, %d name it", name, symbol, total, len(want))
				}
				checked++
				// A later page ends at its endCursor, the offset of its last node.
				from := 0
				if info, ok := by["pageInfo"].(map[string]any); ok && len(got) > 0 {
					if end, ok := info["endCursor"].(string); ok {
						from = cursorOffset(t, end) + 1 - len(got)
					}
				}
				if from < 0 || from > len(want) || !slices.Equal(got, want[from:min(from+len(got), len(want))]) {
					t.Errorf("%s: %s cited by %v, from the %dth of %v", name, symbol, got, from, want)
				}
			}
			// Edges between a Security Council resolution that is a sample
			// document and what it cites or mentions.
			src, _ := o["source"].(string)
			target, _ := o["target"].(string)
			props, _ := o["properties"].(map[string]any)
			m := scNode.FindStringSubmatch(src)
			if m == nil || props == nil || texts[m[1]] == "" {
				return
			}
			var want int
			switch o["type"] {
			case "CITES":
				cited := scNode.FindStringSubmatch(target)
				want = occurrences(m[1], `\b`+cited[2]+`\s+\(`+cited[3]+`\)`)
			case "MENTIONS":
				// The name itself: "Armenian forces" is no mention.
				want = occurrences(m[1], `(?i)\b`+regexp.QuoteMeta(states[target])+`\b`)
			default:
				return
			}
			checked++
			if props["count"] != float64(want) {
				t.Errorf("%s: %s -%s-> %s count %v, the text has %d", name, src, o["type"], target, props["count"], want)
			}
		})
	}
	// The answers of the Nagorno-Karabakh cluster alone hold dozens of
	// such facts; far fewer means the walk missed them.
	if checked < 30 {
		t.Errorf("only %d facts of the reviewed answers checked against the text", checked)
	}
	t.Logf("%d facts of the reviewed answers agree with the text", checked)
}

// sampleTexts reads the sample documents by the id the loader gives them:
// a resolution's symbol, another document's symbol spelled in its file
// name, or the file name of one without a symbol.
func sampleTexts(t *testing.T) map[string]string {
	t.Helper()
	res := regexp.MustCompile(`^S_RES_(\d+)\((\d{4})\)\.en\.txt$`)
	out := map[string]string{}
	err := fs.WalkDir(sample.Docs(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sample.Docs(), path)
		if err != nil {
			return err
		}
		id := strings.TrimSuffix(path, ".txt")
		if m := res.FindStringSubmatch(path); m != nil {
			id = fmt.Sprintf("S/RES/%s (%s)", m[1], m[2])
		} else if stem, _, ok := strings.Cut(path, ".en."); ok {
			id = strings.ReplaceAll(stem, "_", "/")
		}
		out[id] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// walk calls f on every JSON object within v.
func walk(v any, f func(map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		f(v)
		for _, x := range v {
			walk(x, f)
		}
	case []any:
		for _, x := range v {
			walk(x, f)
		}
	}
}

// cursorOffset reads the offset a cursor of the GraphQL API stands for.
func cursorOffset(t *testing.T, cursor string) int {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(cursor)
	n, convErr := strconv.Atoi(strings.TrimPrefix(string(raw), "offset:"))
	if err != nil || convErr != nil {
		t.Fatalf("cursor %q: not an offset", cursor)
	}
	return n
}
