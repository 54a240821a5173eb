// Package neo4jstore implements uncite.Store on a Neo4j 5 server through the
// official Go driver: documents, resolutions, States, bodies, sessions and
// agenda items are nodes, and the links between them relationships (see
// DESIGN.md, "The graph").
//
// Properties that hold an empty string, a zero number or an empty list are
// not stored at all, so the graph carries no placeholder values; reads map
// absent properties back to Go zero values.
package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
)

// Config says where the server is and how to log in.
type Config struct {
	URI      string // bolt://host:7687 or neo4j://host:7687
	Username string // empty: the server runs without authentication
	Password string
	Database string // empty: the server's default database
}

// Store is a uncite.Store backed by Neo4j. It is safe for concurrent use.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
}

var _ uncite.Store = (*Store)(nil)

// Open connects to the server, checks that it answers, and prepares the
// schema and the reference nodes. Opening an already prepared database
// changes nothing.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	auth := neo4j.NoAuth()
	if cfg.Username != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth)
	if err != nil {
		return nil, fmt.Errorf("neo4j %s: %w", cfg.URI, err)
	}
	if err := driver.VerifyConnectivity(ctx); err != nil {
		driver.Close(ctx)
		return nil, fmt.Errorf("neo4j %s is not reachable: %w", cfg.URI, err)
	}
	s := &Store{driver: driver, db: cfg.Database}
	if err := s.prepare(ctx); err != nil {
		driver.Close(ctx)
		return nil, fmt.Errorf("neo4j %s: %w", cfg.URI, err)
	}
	return s, nil
}

// Ping reports whether the server answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		return fmt.Errorf("neo4j ping: %w", err)
	}
	return nil
}

// Close releases the driver's connections.
func (s *Store) Close(ctx context.Context) error {
	return s.driver.Close(ctx)
}

// query runs one auto-retried query and returns its records; reads go to
// readers when the server is a cluster.
func (s *Store) query(ctx context.Context, cypher string, params map[string]any, routing neo4j.RoutingControl) ([]*neo4j.Record, error) {
	res, err := neo4j.ExecuteQuery(ctx, s.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), withRouting(routing))
	if err != nil {
		return nil, err
	}
	return res.Records, nil
}

func withRouting(r neo4j.RoutingControl) neo4j.ExecuteQueryConfigurationOption {
	if r == neo4j.Read {
		return neo4j.ExecuteQueryWithReadersRouting()
	}
	return neo4j.ExecuteQueryWithWritersRouting()
}

// run executes one statement inside a managed transaction and collects its records.
func run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}
