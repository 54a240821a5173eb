package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeJSONL(t *testing.T, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "x.jsonl")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDiffReportsFieldChangesAndClasses(t *testing.T) {
	before, err := readRecords(writeJSONL(t,
		`{"file":"a.txt","type":"resolution","body":"GA","date":"2023-12-19","mentions":["SYR"],"citations":[{"symbol":"A/HRC/RES/60/251","count":1,"contexts":["x"]}],"documents":[]}`,
		`{"file":"b.txt","type":"resolution","body":"SC","mentions":[],"citations":[],"documents":[]}`,
	))
	if err != nil {
		t.Fatal(err)
	}
	after, err := readRecords(writeJSONL(t,
		`{"file":"a.txt","type":"resolution","body":"GA","date":"2023-12-20","mentions":["SYR","TUR"],"citations":[{"symbol":"A/RES/60/251","count":1,"contexts":["x"]}],"documents":[]}`,
		`{"file":"b.txt","type":"resolution","body":"SC","mentions":[],"citations":[],"documents":[]}`,
	))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if !diff(&out, before, after, false) {
		t.Fatal("diff reported no change")
	}
	got := out.String()
	for _, want := range []string{
		"a.txt  [GA resolution]",
		`date: "2023-12-19" -> "2023-12-20"`,
		"mentions: +TUR",
		"citations: +A/RES/60/251 -A/HRC/RES/60/251",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "b.txt  [") {
		t.Errorf("unchanged b.txt reported:\n%s", got)
	}
	// Summary row of the GA class: 1 document, 1 changed, mentions +1/-0, citations +1/-1.
	var row string
	for _, l := range strings.Split(got, "\n") {
		if strings.HasPrefix(l, "GA resolution ") {
			row = l
		}
	}
	if f := strings.Fields(row); len(f) < 8 || f[2] != "1" || f[3] != "1" || f[5] != "+1/-0" || f[6] != "+1/-1" || !strings.Contains(row, "date 1") {
		t.Errorf("GA summary row = %q", row)
	}
	out.Reset()
	if diff(&out, before, before, true) {
		t.Errorf("identical inputs reported as different:\n%s", out.String())
	}
}

func TestReadRecordsRejectsDuplicatesAndBadLines(t *testing.T) {
	if _, err := readRecords(writeJSONL(t, `{"file":"a.txt"}`, `{"file":"a.txt"}`)); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("duplicate file: err = %v", err)
	}
	if _, err := readRecords(writeJSONL(t, `{"file":`)); err == nil || !strings.Contains(err.Error(), ":1:") {
		t.Errorf("bad line: err = %v", err)
	}
}
