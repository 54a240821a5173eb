package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/neo4jstore"
	"github.com/uncite/uncite/sample"
	"github.com/uncite/uncite/server"
)

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address host:port")
	var docs, origins listFlag
	fs.Var(&docs, "docs", "documents to serve: a file or folder (repeatable); default: the bundled sample corpus")
	fs.Var(&origins, "cors-origins", "allowed CORS origins, comma-separated; default: any origin, without credentials")
	var cfg server.Config
	fs.IntVar(&cfg.MaxComplexity, "max-complexity", server.DefaultMaxComplexity, "refuse queries costing more than this (each list costs its selection times the most items it may return)")
	fs.IntVar(&cfg.MaxDepth, "max-depth", server.DefaultMaxDepth, "refuse queries nesting fields deeper than this")
	fs.IntVar(&cfg.MaxFields, "max-fields", server.DefaultMaxFields, "refuse queries selecting more fields than this, aliases and fragment spreads included")
	fs.Int64Var(&cfg.MaxBodyBytes, "max-body-bytes", server.DefaultMaxBodyBytes, "refuse request bodies larger than this")
	fs.IntVar(&cfg.MaxResponseBytes, "max-response-bytes", server.DefaultMaxResponseBytes, "refuse to send answers larger than this")
	fs.DurationVar(&cfg.Timeout, "timeout", server.DefaultTimeout, "deadline of each request, store calls included")
	fs.IntVar(&cfg.MaxInFlight, "max-in-flight", server.DefaultMaxInFlight, "requests served at once; more are answered 503 with Retry-After")
	fs.BoolVar(&cfg.NoIntrospection, "no-introspection", false, "refuse introspection queries (__schema, __type)")
	logFormat := fs.String("log-format", "text", "log format: text or json (one line per request)")
	drain := fs.Duration("shutdown-timeout", 10*time.Second,
		"on SIGINT/SIGTERM, wait this long for requests in flight to finish before cancelling them")
	secretVar(fs, &cfg.WriteToken, "write-token", "UNCITE_WRITE_TOKEN",
		"bearer `token` that allows POST "+server.LoadPath+" (loading files into the running server); empty: writes are off")
	fs.Int64Var(&cfg.MaxUploadBytes, "max-upload-bytes", server.DefaultMaxUploadBytes, "refuse a POST "+server.LoadPath+" body larger than this")
	sf := bindStore(fs, neo4jstore.DefaultRetryTime)
	syn := bindSynthetic(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve takes no arguments (got %q); use --docs PATH", fs.Args())
	}
	var log *slog.Logger
	switch *logFormat {
	case "text":
		log = slog.New(slog.NewTextHandler(stderr, nil))
	case "json":
		log = slog.New(slog.NewJSONHandler(stderr, nil))
	default:
		return fmt.Errorf("--log-format must be text or json, got %q", *logFormat)
	}

	store, err := openStore(ctx, sf, docs, syn, log)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())

	cfg.CORSOrigins, cfg.Logger = origins, log
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	// Requests' contexts derive from base, cancelled only once the drain
	// time is over: work still running then is stopped, not abandoned.
	base, cancelRequests := context.WithCancel(context.Background())
	defer cancelRequests()
	srv := &http.Server{
		Handler:           server.Handler(store, cfg),
		BaseContext:       func(net.Listener) context.Context { return base },
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
	}
	if cfg.WriteToken != "" {
		log.Info("writes enabled", "endpoint", "POST "+server.LoadPath)
	}
	fmt.Fprintf(stdout, "uncite: explorer at http://%s/, GraphiQL at http://%[1]s%s (GraphQL endpoint %s)\n", ln.Addr(), server.PlaygroundPath, server.GraphQLPath)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: draining requests in flight", "timeout", drain.String())
	shutdownCtx, cancel := context.WithTimeout(context.Background(), *drain)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		// A stop was asked for, so it is not a failure that some requests
		// outlived the drain: they are cancelled and cut off.
		log.Warn("requests still running after the drain timeout were cancelled", "timeout", drain.String())
		cancelRequests()
		srv.Close()
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

// openStore opens the store asked for (see stores.go) and loads --docs into
// it first, or the sample corpus into a store that keeps nothing.
func openStore(ctx context.Context, sf *storeFlags, docs []string, syn *syntheticFlags, log *slog.Logger) (uncite.Store, error) {
	store, b, err := sf.open(ctx)
	if err != nil {
		return nil, err
	}
	log.Info("store opened", "store", b.name, "uri", redactURI(sf.URI()))
	if b.persistent {
		// The graph lives in the store's own server, not in this heap.
		collectLessOften(log)
	}
	if syn.n > 0 {
		rep, err := writeSynthetic(ctx, store, syn, loader.DefaultBatchSize, nil)
		if err != nil {
			store.Close(ctx)
			return nil, err
		}
		log.Info("synthetic documents loaded", "documents", rep.Documents, "written", rep.Written, "took", rep.Duration.Round(time.Millisecond))
	}
	l := &loader.Loader{Store: store}
	var rep *loader.Report
	switch {
	case len(docs) > 0:
		rep, err = l.Load(ctx, docs...)
	case syn.n > 0 || b.persistent:
		return store, nil
	default:
		rep, err = l.LoadFS(ctx, sample.Docs())
	}
	if err != nil {
		store.Close(ctx)
		return nil, err
	}
	for _, f := range rep.Failed {
		log.Warn("skipped file", "file", f.Path, "reason", f.Err)
	}
	log.Info("documents loaded", "files", rep.Files, "written", rep.Written, "unchanged", rep.Unchanged, "failed", len(rep.Failed), "took", rep.Duration.Round(time.Millisecond))
	return store, nil
}
