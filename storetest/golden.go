package storetest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// UpdateEnv names the variable that makes Run write the answers it gets to
// testdata/conformance.json instead of checking them: for a new or changed
// case, after which every changed answer must be reviewed (see
// testdata/README.md) before it is committed.
const UpdateEnv = "UNCITE_UPDATE_GOLDEN"

const goldenFile = "storetest/testdata/conformance.json"

//go:embed testdata/conformance.json
var golden []byte

// goldenAnswers returns the reviewed answer of each case by name, compact
// as Query returns responses.
func goldenAnswers(t *testing.T) map[string]string {
	t.Helper()
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(golden, &raw); err != nil {
		t.Fatalf("%s: %v", goldenFile, err)
	}
	out := make(map[string]string, len(raw))
	for name, answer := range raw {
		var buf bytes.Buffer
		if err := json.Compact(&buf, answer); err != nil {
			t.Fatalf("%s, case %q: %v", goldenFile, name, err)
		}
		out[name] = buf.String()
	}
	return out
}

// writeGolden writes answers, indented and sorted by case name so that a
// change reads as a small diff, to the source tree's testdata.
func writeGolden(t *testing.T, answers map[string]json.RawMessage) {
	t.Helper()
	_, self, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the storetest sources to update the reviewed answers")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(answers); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(filepath.Dir(self), "testdata", "conformance.json")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d answers to %s: review every change before committing it", len(answers), path)
}
