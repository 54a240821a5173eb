package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/export"
	"github.com/uncite/uncite/neo4jstore"
)

func exportCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", stderr)
	formatName := fs.String("format", "", "file format: one of "+export.FormatNames()+" (csv: a zip holding nodes.csv and edges.csv)")
	out := fs.String("o", "", "write to this file instead of standard output")
	sel := export.Selection{}
	var ids listFlag
	fs.Var(&ids, "id", `export the neighbourhood of this node, e.g. "Resolution:S/RES/822 (1993)" (repeatable: the union of the neighbourhoods)`)
	fs.IntVar(&sel.Depth, "depth", export.DefaultDepth, fmt.Sprintf("with --id: levels to expand (at most %d)", uncite.MaxNeighborhoodDepth))
	fs.IntVar(&sel.Limit, "limit", export.DefaultLimit, fmt.Sprintf("with --id: the most nodes; else the most matching documents (at most %d)", uncite.MaxNeighborhoodLimit))
	f := &sel.Filter
	fs.StringVar(&f.Body, "body", "", "filter: documents of this body (HRC, GA, SC, …)")
	fs.IntVar(&f.Session, "session", 0, "filter: documents of this session (with --body)")
	fs.StringVar(&f.AgendaItem, "agenda-item", "", "filter: documents under this agenda item (with --body and --session)")
	fs.StringVar(&f.Author, "author", "", "filter: documents authored by this State (alpha-3)")
	fs.StringVar(&f.Mentions, "mentions", "", "filter: documents mentioning this State (alpha-3)")
	fs.StringVar(&f.Cites, "cites", "", `filter: documents citing this resolution, e.g. "S/RES/822 (1993)"`)
	fs.StringVar(&f.Type, "type", "", `filter: documents of this type, e.g. "note verbale"`)
	fs.StringVar(&f.Language, "language", "", "filter: documents in this language (en, fr, …)")
	fs.StringVar(&f.DateFrom, "date-from", "", "filter: documents dated on or after this ISO date")
	fs.StringVar(&f.DateTo, "date-to", "", "filter: documents dated on or before this ISO date")
	fs.StringVar(&f.Symbol, "symbol", "", "filter: the document with this symbol")
	var docs listFlag
	fs.Var(&docs, "docs", "documents to load first, a file or folder (repeatable); default: the bundled sample corpus into the embedded store")
	sf := bindStore(fs, neo4jstore.DefaultRetryTime)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("export takes no arguments (got %q); use --id NODE or filter flags", fs.Args())
	}
	if *formatName == "" {
		return errors.New("export needs --format, one of " + export.FormatNames())
	}
	format, err := export.ParseFormat(*formatName)
	if err != nil {
		return err
	}
	sel.IDs = ids
	if isSet(fs, "depth") && len(sel.IDs) == 0 {
		return errors.New("--depth needs --id, the node to start from")
	}

	// Progress goes to stderr only when something is wrong, so that
	// stdout stays the file and a normal run prints nothing else.
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	store, err := openStore(ctx, sf, docs, &syntheticFlags{}, log)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	g, err := sel.Subgraph(ctx, store)
	if err != nil {
		return err
	}
	// The file is created only once there is a graph to write, so that a
	// bad request leaves no empty file behind.
	if err := writeExport(*out, stdout, format, g); err != nil {
		return err
	}
	if g.Truncated {
		fmt.Fprintf(stderr, "uncite: the export stops at the limit of %d; raise --limit (up to %d) for more\n", sel.Limit, uncite.MaxNeighborhoodLimit)
	}
	return nil
}

func writeExport(path string, stdout io.Writer, format export.Format, g *uncite.Subgraph) (err error) {
	out := stdout
	if path != "" {
		file, err := os.Create(path)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := file.Close(); err == nil {
				err = cerr
			}
		}()
		out = file
	}
	w := bufio.NewWriter(out)
	if err := export.Write(w, format, g); err != nil {
		return err
	}
	return w.Flush()
}

// isSet reports whether the flag name was given on the command line.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
