package main

import (
	"context"
	"flag"
	"fmt"
	"maps"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/neo4jstore"
)

// backend is a kind of store the command can open by URI.
type backend struct {
	open func(ctx context.Context, uri string, f *storeFlags) (uncite.Store, error)
	// persistent stores keep what is written once the process ends: load
	// writes only to one, and serve fills only one that is not with the
	// sample corpus when given no documents.
	persistent bool
	name       string // for logs and errors
}

var (
	embedded = backend{name: "the embedded store", open: func(context.Context, string, *storeFlags) (uncite.Store, error) {
		return memstore.New(), nil
	}}
	neo4j = backend{name: "Neo4j", persistent: true, open: func(ctx context.Context, uri string, f *storeFlags) (uncite.Store, error) {
		cfg := *f.neo4j
		cfg.URI = uri
		return neo4jstore.Open(ctx, cfg)
	}}
)

// backends is the store registry, by URI scheme: a new backend is a package
// that passes storetest plus one line here (see ARCHITECTURE.md).
var backends = map[string]backend{
	"memory":    embedded,
	"bolt":      neo4j,
	"bolt+s":    neo4j,
	"bolt+ssc":  neo4j,
	"neo4j":     neo4j,
	"neo4j+s":   neo4j,
	"neo4j+ssc": neo4j,
}

// defaultStore is the store of a command given neither --store nor a
// Neo4j URI.
const defaultStore = "memory://"

// storeFlags are the flags that choose and reach a store.
type storeFlags struct {
	uri   string // --store
	neo4j *neo4jstore.Config
}

// bindStore binds --store and the Neo4j connection flags; retryTime is the
// command's default for --neo4j-retry-time.
func bindStore(fs *flag.FlagSet, retryTime time.Duration) *storeFlags {
	f := &storeFlags{neo4j: neo4jFlags(fs, retryTime)}
	fs.StringVar(&f.uri, "store", "", "the store, by URI: "+schemes()+
		", e.g. memory:// (embedded, in this process) or bolt://127.0.0.1:7687; default: --neo4j-uri or NEO4J_URI if set, else "+defaultStore)
	return f
}

// URI is the store asked for: --store, else the Neo4j URI of --neo4j-uri
// or NEO4J_URI (as before --store existed), else the embedded store.
func (f *storeFlags) URI() string {
	switch {
	case f.uri != "":
		return f.uri
	case f.neo4j.URI != "":
		return f.neo4j.URI
	}
	return defaultStore
}

// backend looks up the backend of the store asked for; an unknown scheme
// is an error naming the ones the registry has.
func (f *storeFlags) backend() (string, backend, error) {
	uri := f.URI()
	u, err := url.Parse(uri)
	if err != nil {
		return "", backend{}, fmt.Errorf("store %q is not a URI: %v (accepted schemes: %s)", redactURI(uri), err, schemes())
	}
	b, ok := backends[strings.ToLower(u.Scheme)]
	if !ok {
		return "", backend{}, fmt.Errorf("store %q: unknown scheme %q; accepted schemes: %s", redactURI(uri), u.Scheme, schemes())
	}
	return uri, b, nil
}

// open opens the store asked for.
func (f *storeFlags) open(ctx context.Context) (uncite.Store, backend, error) {
	uri, b, err := f.backend()
	if err != nil {
		return nil, b, err
	}
	s, err := b.open(ctx, uri, f)
	return s, b, err
}

// schemes lists the registry's URI schemes, as in "bolt://, memory://".
func schemes() string {
	var out []string
	for _, s := range slices.Sorted(maps.Keys(backends)) {
		out = append(out, s+"://")
	}
	return strings.Join(out, ", ")
}

// neo4jFlags binds the connection flags, defaulting to the environment.
// retryTime is the command's default for --neo4j-retry-time.
func neo4jFlags(fs *flag.FlagSet, retryTime time.Duration) *neo4jstore.Config {
	c := &neo4jstore.Config{}
	fs.StringVar(&c.URI, "neo4j-uri", os.Getenv("NEO4J_URI"), "Neo4j URI, e.g. bolt://127.0.0.1:7687 (env NEO4J_URI); the store when --store is not given")
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

// redactURI drops the user information (bolt://user:password@host) a URI
// may carry, for logs.
func redactURI(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return "(unparsable URI)"
	}
	return u.Redacted()
}
