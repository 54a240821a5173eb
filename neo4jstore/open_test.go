package neo4jstore

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/uncite/uncite"
)

// A port that accepts TCP but never speaks Bolt fails Open within the
// connect timeout, with an error that says so; no Neo4j needed.
func TestOpenSilentPortFailsFast(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		var held []net.Conn // accepted and never answered
		defer func() {
			for _, c := range held {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	start := time.Now()
	_, err = Open(context.Background(), Config{URI: "bolt://" + ln.Addr().String(), ConnectTimeout: 300 * time.Millisecond})
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("Open took %s against a silent port, want about the 300ms connect timeout", took)
	}
	if err == nil || !strings.Contains(err.Error(), "did not answer the Bolt handshake within 300ms") {
		t.Errorf("err = %v, want one saying the handshake timed out", err)
	}

	// Cancelling the caller's context (Ctrl-C) ends Open at once, whatever
	// the connect timeout.
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start = time.Now()
	_, err = Open(ctx, Config{URI: "bolt://" + ln.Addr().String(), ConnectTimeout: time.Minute})
	if took := time.Since(start); took > 3*time.Second || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Open: %v after %s, want context.Canceled within a moment", err, took)
	}
}

// Loads that open a fresh database at the same time each run the
// migrations; the uniqueness constraint leaves one mark per migration.
// Marks duplicated by versions without the constraint are merged.
func TestConcurrentOpensMarkMigrationsOnce(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	for _, stmt := range []string{
		"DROP CONSTRAINT migration_name IF EXISTS",
		"MATCH (m:Migration) DELETE m",
		"UNWIND range(1, 3) AS i CREATE (:Migration {name: 'counters'})",
	} {
		if _, err := s.query(ctx, stmt, nil, neo4j.Write); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range errs {
		wg.Go(func() {
			o, err := Open(ctx, testConfig())
			if err == nil {
				o.Close(ctx)
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "MATCH (m:Migration) RETURN count(m) AS n", nil); n != len(migrations) {
		t.Errorf("%d Migration nodes, want one per migration (%d)", n, len(migrations))
	}
	if n := count(t, s, "SHOW CONSTRAINTS YIELD name WHERE name = 'migration_name' RETURN count(*) AS n", nil); n != 1 {
		t.Errorf("migration_name constraint missing")
	}
}

// A call past the store's query timeout fails with the store's unavailable
// error, not a driver error naming the server; one past the caller's own
// deadline with the caller's context error.
func TestQueryDeadline(t *testing.T) {
	fresh(t)
	const slow = "UNWIND range(1, 100000000) AS i WITH i WHERE i < 0 RETURN count(i) AS n"
	s := openWith(t, func(c *Config) { c.QueryTimeout = 200 * time.Millisecond })
	start := time.Now()
	_, err := s.query(context.Background(), slow, nil, neo4j.Read)
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("a query past its 200ms timeout returned after %s", took)
	}
	if uncite.ErrorCode(err) != uncite.EUNAVAILABLE || strings.Contains(uncite.ErrorMessage(err), "127.0.0.1") {
		t.Errorf("err = %v (code %s), want %s with a message naming no address", err, uncite.ErrorCode(err), uncite.EUNAVAILABLE)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start = time.Now()
	_, err = shared.query(ctx, slow, nil, neo4j.Read)
	if took := time.Since(start); took > 3*time.Second || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a query past the caller's 200ms deadline: %v after %s", err, took)
	}
}
