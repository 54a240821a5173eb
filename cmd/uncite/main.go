// Command uncite loads UN documents into a citation graph and serves it
// over GraphQL. Subcommands: serve, load, extract, export.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `uncite: the citation graph of UN documents

Usage:
  uncite serve   [--addr 127.0.0.1:8080] [--docs PATH]... [--cors-origins a,b]
                 Serve GraphQL. Without NEO4J_URI, builds the embedded store in
                 memory from --docs (default: the bundled sample corpus).
  uncite load    PATH...     Write documents into Neo4j (needs NEO4J_URI).
  uncite extract [--json] PATH...
                 Print what is read from each document, without any store.
  uncite export  --format FORMAT [--id NODE [--depth N]] [--limit N]
                 [--body B --cites SYMBOL … (filters)] [--docs PATH]... [-o FILE]
                 Write a neighbourhood, or the documents matching the filters
                 with their neighbours, for Gephi, yEd or a spreadsheet.
  uncite version Print the module version and the commit it was built from.

Neo4j connection (serve, load, export): NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD,
NEO4J_DATABASE, or the flags --neo4j-uri, --neo4j-username, --neo4j-password,
--neo4j-database. Without a username the connection is unauthenticated.

Run "uncite COMMAND -h" for the flags of a command.
`

// errUsage marks errors already explained to the user by the flag package.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		os.Exit(2)
	case ctx.Err() != nil && errors.Is(err, context.Canceled):
		// Interrupted mid-way: what was done is said by err (a load, how
		// many documents it wrote); 130 is the shell's code for SIGINT.
		fmt.Fprintln(os.Stderr, "uncite: stopped by a signal:", err)
		os.Exit(130)
	default:
		fmt.Fprintln(os.Stderr, "uncite:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], stdout, stderr)
	case "load":
		return load(ctx, args[1:], stdout, stderr)
	case "extract":
		return extractCmd(ctx, args[1:], stdout, stderr)
	case "export":
		return exportCmd(ctx, args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, version())
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "unknown command %q\n\n%s", args[0], usage)
	return errUsage
}
