package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/uncite/uncite/extract"
	"github.com/uncite/uncite/loader"
)

func extractCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("extract", stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per document (JSON Lines)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("extract needs at least one file or folder")
	}
	files, err := loader.Walk(fs.Args()...)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, p := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, _, ferr := loader.ReadDocument(loader.FileSource(p, loader.DefaultMaxFileSize))
		if ferr != nil {
			fmt.Fprintln(stderr, "failed:", ferr)
			failed++
			continue
		}
		if *asJSON {
			if err := enc.Encode(extract.NewRecord(d)); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(stdout, "%s\tid=%s type=%q date=%s body=%s session=%d author=%s citations=%d mentions=%d\n",
			d.File, d.ID, d.Type, d.Date, d.Body, d.Session, d.Author, len(d.Citations), len(d.Mentions))
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed", failed, len(files))
	}
	return nil
}
