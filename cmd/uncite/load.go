package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/uncite/uncite/loader"
)

// loadRetryTime is the default --neo4j-retry-time of load: concurrent loads
// of the same files deadlock now and then, and a retried batch must get
// through.
const loadRetryTime = 30 * time.Second

func load(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("load", stderr)
	batch := fs.Int("batch", loader.DefaultBatchSize, "documents per Neo4j transaction")
	maxSize := fs.Int64("max-file-size", loader.DefaultMaxFileSize>>20, "refuse files larger than this many MB")
	sf := bindStore(fs, loadRetryTime)
	syn := bindSynthetic(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 && syn.n <= 0 {
		return errors.New("load needs at least one file or folder, or --synthetic N")
	}
	_, b, err := sf.backend()
	if err != nil {
		return err
	}
	if !b.persistent {
		return fmt.Errorf("load writes to a store that keeps its documents, and %s keeps nothing once load exits: "+
			"give --store bolt://HOST:7687 or set NEO4J_URI (to serve documents without Neo4j, use: uncite serve --docs PATH)", b.name)
	}
	store, _, err := sf.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	if syn.n > 0 {
		rep, err := writeSynthetic(ctx, store, syn, *batch, stderr)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, rep)
		if fs.NArg() == 0 {
			return nil
		}
	}

	l := &loader.Loader{Store: store, BatchSize: *batch, MaxFileSize: *maxSize << 20,
		Progress: func(done, total int) { fmt.Fprintf(stderr, "\rstored %d/%d documents", done, total) }}
	rep, err := l.Load(ctx, fs.Args()...)
	fmt.Fprintln(stderr)
	if err != nil {
		if rep != nil {
			// Batches are atomic: these are stored, the rest are not, and
			// running the same load again completes it.
			return fmt.Errorf("%w\n%d documents were written (%d unchanged) before the failure; run the load again to write the rest",
				err, rep.Written, rep.Unchanged)
		}
		return err
	}
	for _, f := range rep.Failed {
		fmt.Fprintln(stderr, "failed:", f)
	}
	fmt.Fprintf(stdout, "%d files, %d documents written, %d unchanged, %d failed, %.1f MB in %s\n",
		rep.Files, rep.Written, rep.Unchanged, len(rep.Failed), float64(rep.Bytes)/1e6, rep.Duration.Round(time.Millisecond))
	if len(rep.Failed) > 0 {
		return fmt.Errorf("%d of %d files failed", len(rep.Failed), rep.Files)
	}
	return nil
}
