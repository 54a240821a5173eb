package main

import (
	"fmt"
	"io"
	"os"
)

// progress reports how far a long load has come. On a terminal it is one
// line rewritten in place; elsewhere (a log file, a pipe, CI) a line is
// written each tenth of the way, so that the log of a large load is ten
// lines rather than one line of a thousand carriage returns.
type progress struct {
	w    io.Writer
	tty  bool
	what string
	next int // the next tenth to report, off a terminal
}

func newProgress(w io.Writer, what string) *progress {
	f, ok := w.(*os.File)
	tty := false
	if ok {
		if st, err := f.Stat(); err == nil {
			tty = st.Mode()&os.ModeCharDevice != 0
		}
	}
	return &progress{w: w, tty: tty, what: what, next: 1}
}

func (p *progress) update(done, total int) {
	if p.tty {
		fmt.Fprintf(p.w, "\rstored %d/%d %s", done, total, p.what)
		return
	}
	if total <= 0 || done*10 < p.next*total {
		return
	}
	for done*10 >= p.next*total {
		p.next++
	}
	fmt.Fprintf(p.w, "stored %d/%d %s\n", done, total, p.what)
}

// end finishes the line rewritten on a terminal.
func (p *progress) end() {
	if p.tty {
		fmt.Fprintln(p.w)
	}
}
