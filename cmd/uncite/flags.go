package main

import (
	"flag"
	"io"
	"os"
	"strings"

	"github.com/uncite/uncite/neo4jstore"
)

// listFlag collects a repeatable flag; commas also separate values.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

// neo4jFlags binds the connection flags, defaulting to the environment.
func neo4jFlags(fs *flag.FlagSet) *neo4jstore.Config {
	c := &neo4jstore.Config{}
	fs.StringVar(&c.URI, "neo4j-uri", os.Getenv("NEO4J_URI"), "Neo4j Bolt URI, e.g. bolt://127.0.0.1:7687 (env NEO4J_URI)")
	fs.StringVar(&c.Username, "neo4j-username", os.Getenv("NEO4J_USERNAME"), "Neo4j user; empty connects without authentication (env NEO4J_USERNAME)")
	fs.StringVar(&c.Password, "neo4j-password", os.Getenv("NEO4J_PASSWORD"), "Neo4j password (env NEO4J_PASSWORD)")
	fs.StringVar(&c.Database, "neo4j-database", os.Getenv("NEO4J_DATABASE"), "Neo4j database; empty uses the server default (env NEO4J_DATABASE)")
	return c
}

func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("uncite "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parse maps flag errors, which the flag package has already printed, to
// errUsage; -h comes back as flag.ErrHelp, a successful exit.
func parse(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err != nil && err != flag.ErrHelp {
		return errUsage
	}
	return err
}
