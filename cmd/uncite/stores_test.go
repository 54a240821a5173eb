package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/internal/neo4jtest"
	"github.com/uncite/uncite/memstore"
)

// storeFlagsOf parses args as a command binding the store flags would.
func storeFlagsOf(t *testing.T, args ...string) *storeFlags {
	t.Helper()
	fs := newFlagSet("test", io.Discard)
	sf := bindStore(fs, time.Second)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return sf
}

// --store wins, then --neo4j-uri, then NEO4J_URI (as before --store
// existed), then the embedded store.
func TestStoreChoice(t *testing.T) {
	for _, c := range []struct {
		env  string
		args []string
		want string
	}{
		{"", nil, "memory://"},
		{"bolt://db:7687", nil, "bolt://db:7687"},
		{"bolt://db:7687", []string{"--store", "memory://"}, "memory://"},
		{"bolt://db:7687", []string{"--neo4j-uri", "neo4j://other:7687"}, "neo4j://other:7687"},
		{"", []string{"--neo4j-uri", "neo4j://other:7687", "--store", "neo4j+s://aura.example"}, "neo4j+s://aura.example"},
	} {
		t.Setenv("NEO4J_URI", c.env)
		sf := storeFlagsOf(t, c.args...)
		if got := sf.URI(); got != c.want {
			t.Errorf("NEO4J_URI=%q %q: store %q, want %q", c.env, c.args, got, c.want)
		}
	}
}

// Every scheme of the registry reaches its backend, whatever its case; an
// unknown scheme or no scheme is an error that names every accepted one.
func TestStoreRegistry(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	for uri, want := range map[string]string{
		"memory://": "the embedded store", "MEMORY://": "the embedded store",
		"bolt://h:7687": "Neo4j", "bolt+s://h": "Neo4j", "bolt+ssc://h": "Neo4j",
		"neo4j://h:7687": "Neo4j", "neo4j+s://h": "Neo4j", "neo4j+ssc://h": "Neo4j",
	} {
		_, b, err := storeFlagsOf(t, "--store", uri).backend()
		if err != nil || b.name != want {
			t.Errorf("%s: backend %q, %v; want %s", uri, b.name, err, want)
		}
	}
	for _, uri := range []string{"sqlite:///tmp/x.db", "localhost:7687", "/var/db", "http://u:secret@h/"} {
		_, _, err := storeFlagsOf(t, "--store", uri).backend()
		if err == nil {
			t.Errorf("%s: no error", uri)
			continue
		}
		for _, scheme := range []string{"bolt://", "bolt+s://", "bolt+ssc://", "memory://", "neo4j://", "neo4j+s://", "neo4j+ssc://"} {
			if !strings.Contains(err.Error(), scheme) {
				t.Errorf("%s: error %q does not name %s", uri, err, scheme)
			}
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("%s: error %q shows the password", uri, err)
		}
	}
}

// memory:// opens an empty embedded store, which serve fills with the
// sample corpus; a Neo4j URI is handed to neo4jstore with the connection
// flags.
func TestOpenStore(t *testing.T) {
	t.Setenv("NEO4J_URI", "bolt://127.0.0.1:1") // never reached: --store wins
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	s, err := openStore(ctx, storeFlagsOf(t, "--store", "memory://"), nil, &syntheticFlags{}, log)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.(*memstore.Store); !ok {
		t.Errorf("memory:// opened a %T", s)
	}
	if _, n, err := s.Documents(ctx, uncite.DocumentFilter{}, uncite.Page{}); err != nil || n != 40 {
		t.Errorf("memory:// holds %d documents (%v), want the 40 of the sample", n, err)
	}

	start := time.Now()
	_, err = openStore(ctx, storeFlagsOf(t, "--store", "bolt://127.0.0.1:1", "--neo4j-connect-timeout", "300ms"), nil, &syntheticFlags{}, log)
	if err == nil || !strings.Contains(err.Error(), "bolt://127.0.0.1:1") {
		t.Errorf("bolt:// to a closed port: %v, want an error naming it", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the connect timeout flag was not passed on: gave up after %s", took)
	}
}

// TestServeStoreFromFlag serves the test Neo4j chosen by --store alone,
// the environment pointing elsewhere.
func TestServeStoreFromFlag(t *testing.T) {
	uri := neo4jtest.URI()
	ctx := context.Background()
	emptyNeo4j(t, uri)
	t.Setenv("NEO4J_URI", "")
	var out, errOut bytes.Buffer
	if err := run(ctx, []string{"load", "--store", uri, seed}, &out, &errOut); err != nil {
		t.Fatalf("load --store %s: %v\n%s", uri, err, errOut.String())
	}
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	url, done := startServe(t, sctx, "--store", uri)
	resp, err := http.Post(url+"/graphql", "application/json",
		strings.NewReader(`{"query":"{ documents { totalCount nodes { id } } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	// Only the seed: a Neo4j store is not filled with the sample corpus.
	if want := `{"data":{"documents":{"totalCount":1,"nodes":[{"id":"000_1a7a508cbf762381"}]}}}`; string(body) != want {
		t.Errorf("served %s, want %s", body, want)
	}
	stop()
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
}

// load refuses a store that would forget what it wrote.
func TestLoadNeedsAPersistentStore(t *testing.T) {
	t.Setenv("NEO4J_URI", "bolt://127.0.0.1:1")
	err := run(context.Background(), []string{"load", "--store", "memory://", seed}, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "the embedded store keeps nothing") {
		t.Errorf("load --store memory://: %v", err)
	}
	err = run(context.Background(), []string{"load", "--store", "mem://", seed}, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), `unknown scheme "mem"`) {
		t.Errorf("load --store mem://: %v", err)
	}
}
