package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/neo4jstore"
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
	bulk := fs.String("bulk-csv", "", "write the CSV files of `neo4j-admin database import full` to this folder instead of to a store (see README, Bulk import)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 && syn.n <= 0 {
		return errors.New("load needs at least one file or folder, or --synthetic N")
	}
	if *bulk != "" {
		return loadBulk(ctx, *bulk, fs.Args(), syn, *batch, *maxSize, stdout, stderr)
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
	return loadInto(ctx, store, fs.Args(), syn, *batch, *maxSize, stdout, stderr)
}

// loadInto writes the synthetic corpus, if any, then the documents of paths.
func loadInto(ctx context.Context, store loader.Writer, paths []string, syn *syntheticFlags, batch int, maxSize int64, stdout, stderr io.Writer) error {
	if syn.n > 0 {
		rep, err := writeSynthetic(ctx, store, syn, batch, stderr)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, rep)
		if len(paths) == 0 {
			return nil
		}
	}

	shown := newProgress(stderr, "documents")
	l := &loader.Loader{Store: store, BatchSize: batch, MaxFileSize: maxSize << 20, Progress: shown.update}
	rep, err := l.Load(ctx, paths...)
	shown.end()
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

// loadBulk writes the documents as CSV files for neo4j-admin instead of to
// a store, and says how to import them.
func loadBulk(ctx context.Context, dir string, paths []string, syn *syntheticFlags, batch int, maxSize int64, stdout, stderr io.Writer) error {
	// The command printed must work from any folder.
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	w, err := neo4jstore.NewImportWriter(dir)
	if err != nil {
		return err
	}
	if err := loadInto(ctx, w, paths, syn, batch, maxSize, stdout, stderr); err != nil {
		w.Close()
		return fmt.Errorf("%w\nthe files in %s are incomplete: do not import them", err, dir)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("writing the import files to %s: %w", dir, err)
	}
	fmt.Fprintf(stdout, "import files written to %s; with the database stopped, import them with\n  neo4j-admin database import full neo4j --overwrite-destination %s\nthen start it: the first uncite command to open it (serve, or load of more documents) creates the indexes\n",
		dir, strings.Join(neo4jstore.ImportArgs(dir), " "))
	return nil
}
