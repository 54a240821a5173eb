package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/synth"
)

// syntheticFlags binds --synthetic and --seed, which add a generated corpus
// shaped like the real one (see package synth) to what a command loads.
type syntheticFlags struct {
	n    int
	seed int64
}

func bindSynthetic(fs *flag.FlagSet) *syntheticFlags {
	s := &syntheticFlags{}
	fs.IntVar(&s.n, "synthetic", 0, "also write this many synthetic documents (package synth), the same for the same --seed")
	fs.Int64Var(&s.seed, "seed", 1, "seed of the --synthetic corpus")
	return s
}

// syntheticReport says what writeSynthetic wrote and how fast.
type syntheticReport struct {
	Documents, Written, Citations int
	Duration                      time.Duration
}

func (r syntheticReport) String() string {
	secs := r.Duration.Seconds()
	return fmt.Sprintf("%d synthetic documents (%d written), %d citations in %s: %.0f documents/s, %.0f citations/s",
		r.Documents, r.Written, r.Citations, r.Duration.Round(time.Millisecond), float64(r.Documents)/secs, float64(r.Citations)/secs)
}

// writeSynthetic writes the corpus in batches of batch documents,
// reporting progress to stderr when it is not nil.
func writeSynthetic(ctx context.Context, store loader.Writer, s *syntheticFlags, batch int, stderr io.Writer) (syntheticReport, error) {
	rep := syntheticReport{}
	start := time.Now()
	var shown *progress
	if stderr != nil {
		shown = newProgress(stderr, "synthetic documents")
		defer shown.end()
	}
	var docs []*uncite.Document
	flush := func() error {
		n, err := store.WriteDocuments(ctx, docs)
		if err != nil {
			return fmt.Errorf("writing synthetic documents %d to %d: %w", rep.Documents-len(docs)+1, rep.Documents, err)
		}
		rep.Written += n
		docs = docs[:0]
		if shown != nil {
			shown.update(rep.Documents, s.n)
		}
		return nil
	}
	for d := range synth.Stream(s.n, s.seed) {
		docs = append(docs, d)
		rep.Documents++
		rep.Citations += len(d.Citations)
		if len(docs) == batch {
			if err := flush(); err != nil {
				return rep, err
			}
		}
	}
	if len(docs) > 0 {
		if err := flush(); err != nil {
			return rep, err
		}
	}
	rep.Duration = time.Since(start)
	return rep, nil
}
