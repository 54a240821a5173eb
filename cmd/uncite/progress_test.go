package main

import (
	"bytes"
	"strings"
	"testing"
)

// Off a terminal, progress is a line each tenth of the way, however many
// batches report it, and never a carriage return.
func TestProgressOffTerminalWritesTenLines(t *testing.T) {
	for _, c := range []struct {
		total, step int
		want        []string
	}{
		{100, 1, nil},
		{1000, 250, []string{"stored 250/1000 documents", "stored 500/1000 documents", "stored 750/1000 documents", "stored 1000/1000 documents"}},
		{3, 1, []string{"stored 1/3 documents", "stored 2/3 documents", "stored 3/3 documents"}},
	} {
		var out bytes.Buffer
		p := newProgress(&out, "documents")
		for done := c.step; done <= c.total; done += c.step {
			p.update(done, c.total)
		}
		p.end()
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if strings.Contains(out.String(), "\r") {
			t.Errorf("%d by %d: carriage return in %q", c.total, c.step, out.String())
		}
		if c.want == nil {
			if len(lines) != 10 || lines[9] != "stored 100/100 documents" {
				t.Errorf("%d by %d: %q", c.total, c.step, lines)
			}
			continue
		}
		if strings.Join(lines, "|") != strings.Join(c.want, "|") {
			t.Errorf("%d by %d: %q, want %q", c.total, c.step, lines, c.want)
		}
	}
}
