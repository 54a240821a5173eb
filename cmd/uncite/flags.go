package main

import (
	"flag"
	"io"
	"os"
	"strings"
	"time"

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
// retryTime is the command's default for --neo4j-retry-time.
func neo4jFlags(fs *flag.FlagSet, retryTime time.Duration) *neo4jstore.Config {
	c := &neo4jstore.Config{}
	fs.StringVar(&c.URI, "neo4j-uri", os.Getenv("NEO4J_URI"), "Neo4j Bolt URI, e.g. bolt://127.0.0.1:7687 (env NEO4J_URI)")
	fs.StringVar(&c.Username, "neo4j-username", os.Getenv("NEO4J_USERNAME"), "Neo4j user; empty connects without authentication (env NEO4J_USERNAME)")
	secretVar(fs, &c.Password, "neo4j-password", "NEO4J_PASSWORD", "Neo4j `password`")
	fs.StringVar(&c.Database, "neo4j-database", os.Getenv("NEO4J_DATABASE"), "Neo4j database; empty uses the server default (env NEO4J_DATABASE)")
	fs.DurationVar(&c.ConnectTimeout, "neo4j-connect-timeout", neo4jstore.DefaultConnectTimeout,
		"give up connecting to Neo4j (TCP and Bolt handshake) after this long")
	fs.DurationVar(&c.QueryTimeout, "neo4j-query-timeout", neo4jstore.DefaultQueryTimeout,
		"give up on a Neo4j transaction after this long (a request's own deadline may be shorter)")
	fs.DurationVar(&c.RetryTime, "neo4j-retry-time", retryTime,
		"retry a Neo4j transaction that failed for a transient reason (deadlock, lost connection) for this long")
	return c
}

// secretVar binds a flag whose value must never be printed: its default
// comes from the environment variable env, and -h shows neither.
func secretVar(fs *flag.FlagSet, p *string, name, env, usage string) {
	*p = os.Getenv(env)
	fs.Var(secret{p}, name, usage+" (env "+env+"; never printed)")
}

// secret is a string flag whose String is always empty, which is what the
// flag package prints as the default.
type secret struct{ p *string }

func (s secret) String() string { return "" }
func (s secret) Set(v string) error {
	*s.p = v
	return nil
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
