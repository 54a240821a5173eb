// Package server is the HTTP side of uncite: the GraphQL endpoint, the
// explorer and GraphiQL (package web), CORS, request limits, health checks
// and metrics.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/graph"
	"github.com/uncite/uncite/web"
)

// Config holds the server's tunables; zero values take the defaults.
type Config struct {
	// CORSOrigins lists the origins allowed to call the API; empty allows
	// any origin (without credentials), which suits a public read-only API.
	CORSOrigins []string
	// MaxBodyBytes caps a request body, announced or chunked (default 1 MiB).
	MaxBodyBytes int64
	// MaxComplexity caps a query's cost (default DefaultMaxComplexity); see
	// graph.NewSchema.
	MaxComplexity int
	// MaxDepth caps the nesting of fields (default 15, which GraphiQL's
	// introspection query needs).
	MaxDepth int
	// MaxFields caps the fields a query selects, aliases and fragment
	// spreads included (default 500).
	MaxFields int
	// MaxResponseBytes caps the answer's data (default 16 MiB).
	MaxResponseBytes int
	// Timeout is each request's deadline (default 4 s).
	Timeout time.Duration
	// MaxInFlight caps the GraphQL and export requests served at once;
	// more are answered 503 (default 64).
	MaxInFlight int
	// NoIntrospection refuses __schema and __type queries.
	NoIntrospection bool
	// BatchWait is how long the dataloaders gather keys before calling the
	// store (default graph.DefaultBatchWait).
	BatchWait time.Duration
	// WriteToken is the bearer token that allows POST /load; empty turns
	// writes off.
	WriteToken string
	// MaxUploadBytes caps the body of a POST /load (default
	// DefaultMaxUploadBytes).
	MaxUploadBytes int64
	Logger         *slog.Logger
}

// Defaults of Config.
const (
	DefaultMaxBodyBytes     = 1 << 20
	DefaultMaxComplexity    = 50_000
	DefaultMaxDepth         = 15
	DefaultMaxFields        = 500
	DefaultMaxResponseBytes = 16 << 20
	DefaultTimeout          = 4 * time.Second
	DefaultMaxInFlight      = 64
)

// Routes served by Handler.
const (
	GraphQLPath    = "/graphql"
	PlaygroundPath = web.PlaygroundPath
)

func orDefault[T int | int64 | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// Handler returns the HTTP handler of the API over store.
func Handler(store uncite.Store, cfg Config) http.Handler {
	orDefault(&cfg.MaxBodyBytes, DefaultMaxBodyBytes)
	orDefault(&cfg.MaxComplexity, DefaultMaxComplexity)
	orDefault(&cfg.MaxDepth, DefaultMaxDepth)
	orDefault(&cfg.MaxFields, DefaultMaxFields)
	orDefault(&cfg.MaxResponseBytes, DefaultMaxResponseBytes)
	orDefault(&cfg.Timeout, DefaultTimeout)
	orDefault(&cfg.MaxInFlight, DefaultMaxInFlight)
	orDefault(&cfg.BatchWait, graph.DefaultBatchWait)
	orDefault(&cfg.MaxUploadBytes, DefaultMaxUploadBytes)
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	m := newMetrics()
	store = timedStore{Store: store, calls: m.storeCalls}
	avail := &availability{store: store, log: cfg.Logger}

	gql := handler.New(graph.NewSchema(store))
	gql.AddTransport(transport.Options{})
	gql.AddTransport(httpTransport{maxResponseBytes: cfg.MaxResponseBytes, timeout: cfg.Timeout})
	gql.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	gql.SetParserTokenLimit(maxTokens)
	gql.Use(shapeLimit{maxDepth: cfg.MaxDepth, maxFields: cfg.MaxFields, introspection: !cfg.NoIntrospection})
	if !cfg.NoIntrospection {
		gql.Use(extension.Introspection{})
	}
	gql.Use(extension.FixedComplexityLimit(cfg.MaxComplexity))
	gql.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(graph.WithLoaders(ctx, store, cfg.BatchWait))
	})
	gql.SetErrorPresenter(presentError(cfg.Logger, avail))
	gql.SetRecoverFunc(func(ctx context.Context, p any) error {
		cfg.Logger.Error("panic in resolver", "panic", p)
		return errors.New("internal error")
	})

	// The routes that do real work share the deadline and the cap on
	// requests in flight.
	bounded := func(h http.Handler) http.Handler {
		return limitConcurrency(withDeadline(h, cfg.Timeout), cfg.MaxInFlight)
	}
	mux := http.NewServeMux()
	// While the store is down, GraphQL requests are refused before they
	// take a slot or wait out a deadline.
	mux.Handle(GraphQLPath, avail.guard(bounded(limitBody(gql, cfg.MaxBodyBytes))))
	// Loads run as long as they need: no request deadline.
	mux.Handle("POST "+LoadPath, loadHandler(store, cfg.WriteToken, cfg.MaxUploadBytes, avail, cfg.Logger))
	ui := web.Handler()
	mux.Handle("GET "+web.ExplorerPath+"{$}", ui)
	mux.Handle("GET "+PlaygroundPath, ui)
	mux.Handle("GET "+web.AssetsPath, ui)
	mux.Handle("GET "+ExportPath, avail.guard(bounded(exportHandler(store, avail, cfg.Logger))))
	mux.Handle("GET "+MetricsPath, m.handler())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", avail.readyz)

	c := cors.New(cors.Options{
		AllowedOrigins: cfg.CORSOrigins, // rs/cors treats empty as "*"
		AllowedMethods: []string{http.MethodGet, http.MethodPost},
		AllowedHeaders: []string{"Content-Type", "Accept"},
		MaxAge:         600,
	})
	return observe(c.Handler(mux), mux, cfg.Logger, m)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
