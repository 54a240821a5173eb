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
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/uncite/uncite"
)

// Config says where the server is, how to log in and how long to wait.
// Zero durations take the defaults below.
type Config struct {
	URI      string // bolt://host:7687 or neo4j://host:7687
	Username string // empty: the server runs without authentication
	Password string
	Database string // empty: the server's default database

	// ConnectTimeout bounds Open's check that the server speaks Bolt, the
	// TCP connect of every new connection and the wait for a free one in
	// the pool: a port that accepts TCP but never answers fails Open
	// within it.
	ConnectTimeout time.Duration
	// QueryTimeout bounds every transaction, both as the server-side
	// transaction timeout and as a deadline on the caller's context, so a
	// paused or unreachable server fails a call within it. A caller's
	// earlier deadline wins.
	QueryTimeout time.Duration
	// RetryTime is how long the driver goes on retrying a transaction that
	// failed for a transient reason (a deadlock between concurrent loads, a
	// dropped connection). A server that answers queries wants it short, so
	// a dead database fails requests fast; a load wants it longer.
	RetryTime time.Duration
}

// Defaults of Config's durations.
const (
	DefaultConnectTimeout = 5 * time.Second
	DefaultQueryTimeout   = 60 * time.Second
	DefaultRetryTime      = 2 * time.Second
	// prepareTimeout bounds each schema statement and migration of Open.
	prepareTimeout = 10 * time.Minute
)

func (c Config) withDefaults() Config {
	if c.ConnectTimeout <= 0 {
		c.ConnectTimeout = DefaultConnectTimeout
	}
	if c.QueryTimeout <= 0 {
		c.QueryTimeout = DefaultQueryTimeout
	}
	if c.RetryTime <= 0 {
		c.RetryTime = DefaultRetryTime
	}
	return c
}

// Store is a uncite.Store backed by Neo4j. It is safe for concurrent use.
type Store struct {
	driver  neo4j.DriverWithContext
	db      string
	timeout time.Duration
	retry   time.Duration // Config.RetryTime, for reads (see read)
}

var _ uncite.Store = (*Store)(nil)

// Open connects to the server, checks within cfg.ConnectTimeout that it
// answers, and prepares the schema and the reference nodes. Opening an
// already prepared database changes nothing. Errors name the URI but never
// the credentials.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	cfg = cfg.withDefaults()
	uri := cfg.URI
	if u, err := url.Parse(uri); err == nil {
		uri = u.Redacted() // bolt://user:password@host names no password
	}
	auth := neo4j.NoAuth()
	if cfg.Username != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		c.SocketConnectTimeout = cfg.ConnectTimeout
		c.ConnectionAcquisitionTimeout = cfg.ConnectTimeout
		c.MaxTransactionRetryTime = cfg.RetryTime
		// A pooled connection idle this long is checked before use, so
		// the first query after a restart of the server does not fail
		// on a connection the old server held.
		c.ConnectionLivenessCheckTimeout = 30 * time.Second
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j %s: %w", uri, err)
	}
	// The driver reads without any timeout unless the context has a
	// deadline: without one, a server that accepts the connection but never
	// answers the handshake holds Open (and Ctrl-C) forever.
	checkCtx, cancel := context.WithTimeout(ctx, cfg.ConnectTimeout)
	err = driver.VerifyConnectivity(checkCtx)
	cancel()
	if err != nil {
		driver.Close(context.Background())
		if ctx.Err() != nil {
			return nil, fmt.Errorf("neo4j %s: %w", uri, ctx.Err())
		}
		if checkCtx.Err() == context.DeadlineExceeded {
			return nil, fmt.Errorf("neo4j %s did not answer the Bolt handshake within %s: is it a Neo4j server, and is it running?", uri, cfg.ConnectTimeout)
		}
		return nil, fmt.Errorf("neo4j %s is not reachable: %w", uri, err)
	}
	s := &Store{driver: driver, db: cfg.Database, timeout: cfg.QueryTimeout, retry: cfg.RetryTime}
	if err := s.patient().prepare(ctx); err != nil {
		driver.Close(context.Background())
		return nil, fmt.Errorf("neo4j %s: %w", uri, err)
	}
	return s, nil
}

// Ping reports whether the server answers, as an uncite.EUNAVAILABLE error
// wrapping the driver's when it does not.
func (s *Store) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		return s.fail(ctx, fmt.Errorf("neo4j ping: %w", err))
	}
	return nil
}

// patient returns the store with the longer timeout of schema changes and
// migrations, which may build indexes over or rewrite a large graph.
func (s *Store) patient() *Store {
	p := *s
	p.timeout = prepareTimeout
	return &p
}

// Close releases the driver's connections.
func (s *Store) Close(ctx context.Context) error {
	return s.driver.Close(ctx)
}

// bound gives a call its deadline (QueryTimeout, or the caller's if
// earlier) and the matching server-side transaction timeout, so that the
// server gives up on the work when the client has.
func (s *Store) bound(ctx context.Context) (context.Context, context.CancelFunc, func(*neo4j.TransactionConfig)) {
	ctx, cancel := context.WithTimeoutCause(ctx, s.timeout, errQueryTimeout)
	timeout := s.timeout
	if dl, ok := ctx.Deadline(); ok {
		// Whole milliseconds: the server rounds down, and 0 means none.
		timeout = max(time.Until(dl).Round(time.Millisecond), time.Millisecond)
	}
	return ctx, cancel, neo4j.WithTxTimeout(timeout)
}

// errQueryTimeout is the cause of a call's context ended by QueryTimeout.
var errQueryTimeout = errors.New("neo4j query timeout")

// fail turns the failures that mean the database cannot answer now (no
// connection, no answer before the deadline, retries exhausted on them) into
// an uncite.EUNAVAILABLE error with a message safe to show; the driver's
// error, which names the server's address, stays wrapped for logs. A caller
// that went away gets its own context error back.
func (s *Store) fail(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	var neoErr *neo4j.Neo4jError
	switch {
	case ctx.Err() != nil && context.Cause(ctx) != errQueryTimeout:
		// The caller's context ended (its deadline, or it went away): the
		// caller's own error, which says so.
		return fmt.Errorf("%w: %w", ctx.Err(), err)
	case ctx.Err() != nil, errors.Is(err, context.DeadlineExceeded),
		errors.As(err, &neoErr) && strings.HasPrefix(neoErr.Code, "Neo.ClientError.Transaction.TransactionTimedOut"):
		// Wrapping the deadline lets callers tell a slow answer from a lost
		// connection.
		return &uncite.Error{Code: uncite.EUNAVAILABLE, Message: "the database did not answer in time",
			Err: fmt.Errorf("%w: %w", context.DeadlineExceeded, err)}
	case neo4j.IsConnectivityError(err), neo4j.IsTransactionExecutionLimit(err),
		neo4j.IsRetryable(err), // a read that gave up retrying (see read)
		errors.As(err, &neoErr) && neoErr.Code == "Neo.TransientError.General.DatabaseUnavailable":
		return &uncite.Error{Code: uncite.EUNAVAILABLE, Message: "the database is unavailable", Err: err}
	}
	return err
}

// query runs one auto-retried query and returns its records; reads go to
// readers when the server is a cluster (see read).
func (s *Store) query(ctx context.Context, cypher string, params map[string]any, routing neo4j.RoutingControl) ([]*neo4j.Record, error) {
	if routing == neo4j.Read {
		return s.read(ctx, cypher, params)
	}
	ctx, cancel, timeout := s.bound(ctx)
	defer cancel()
	res, err := neo4j.ExecuteQuery(ctx, s.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting(), neo4j.ExecuteQueryWithTransactionConfig(timeout))
	if err != nil {
		return nil, s.fail(ctx, err)
	}
	return res.Records, nil
}

// read runs one read statement as an auto-commit transaction, in a session
// routed to readers. A managed transaction (ExecuteQuery) adds BEGIN and
// COMMIT, which cost the server about as much as a small read: measured
// over the same Neo4j, 0.64-0.70 ms of server CPU per call against
// 0.41-0.52 ms. The driver does not retry an auto-commit transaction, so
// read does, as it would a managed one: on the failures the driver deems
// retryable, for up to Config.RetryTime. A read changes nothing, so running
// it again is safe. The session shares the bookmarks of ExecuteQuery, by
// which the writes go, so that on a cluster a read sees this process's
// writes.
func (s *Store) read(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	ctx, cancel, timeout := s.bound(ctx)
	defer cancel()
	give := time.Now().Add(s.retry)
	for wait := 10 * time.Millisecond; ; wait = min(2*wait, time.Second) {
		recs, err := s.readOnce(ctx, cypher, params, timeout)
		if err == nil {
			return recs, nil
		}
		if !neo4j.IsRetryable(err) || time.Now().Add(wait).After(give) {
			return nil, s.fail(ctx, err)
		}
		select {
		case <-ctx.Done():
			return nil, s.fail(ctx, err)
		case <-time.After(wait):
		}
	}
}

func (s *Store) readOnce(ctx context.Context, cypher string, params map[string]any, timeout func(*neo4j.TransactionConfig)) ([]*neo4j.Record, error) {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager()})
	defer session.Close(context.Background())
	res, err := session.Run(ctx, cypher, params, timeout)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// execute runs fn in a managed transaction, retried as a whole by the
// driver on transient failures. fn must run its statements with the context
// it is given, which carries the call's deadline.
func execute[T any](ctx context.Context, s *Store, mode neo4j.AccessMode, fn func(context.Context, neo4j.ManagedTransaction) (T, error)) (T, error) {
	ctx, cancel, timeout := s.bound(ctx)
	defer cancel()
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: mode})
	defer session.Close(context.Background())
	work := func(tx neo4j.ManagedTransaction) (T, error) { return fn(ctx, tx) }
	var out T
	var err error
	if mode == neo4j.AccessModeRead {
		out, err = neo4j.ExecuteRead(ctx, session, work, timeout)
	} else {
		out, err = neo4j.ExecuteWrite(ctx, session, work, timeout)
	}
	return out, s.fail(ctx, err)
}

// run executes one statement inside a managed transaction and collects its records.
func run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}
