// Package server is the HTTP side of uncite: the GraphQL endpoint, the
// explorer and GraphiQL (package web), CORS, request limits and health
// checks.
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
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/graph"
	"github.com/uncite/uncite/web"
)

// Config holds the server's tunables; zero values take the defaults.
type Config struct {
	// CORSOrigins lists the origins allowed to call the API; empty allows
	// any origin (without credentials), which suits a public read-only API.
	CORSOrigins []string
	// MaxBodyBytes caps a request body (default 1 MiB).
	MaxBodyBytes int64
	// MaxComplexity caps a query's cost (default 5000); see graph.NewSchema.
	MaxComplexity int
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

// Routes served by Handler.
const (
	GraphQLPath    = "/graphql"
	PlaygroundPath = web.PlaygroundPath
)

// Handler returns the HTTP handler of the API over store.
func Handler(store uncite.Store, cfg Config) http.Handler {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	if cfg.MaxComplexity <= 0 {
		cfg.MaxComplexity = 5000
	}
	if cfg.BatchWait <= 0 {
		cfg.BatchWait = graph.DefaultBatchWait
	}
	if cfg.MaxUploadBytes <= 0 {
		cfg.MaxUploadBytes = DefaultMaxUploadBytes
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	avail := &availability{store: store, log: cfg.Logger}

	gql := handler.New(graph.NewSchema(store))
	gql.AddTransport(transport.Options{})
	gql.AddTransport(transport.GET{})
	gql.AddTransport(transport.POST{})
	gql.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	gql.Use(extension.Introspection{})
	gql.Use(extension.FixedComplexityLimit(cfg.MaxComplexity))
	gql.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(graph.WithLoaders(ctx, store, cfg.BatchWait))
	})
	gql.SetErrorPresenter(presentError(cfg.Logger, avail))
	gql.SetRecoverFunc(func(ctx context.Context, p any) error {
		cfg.Logger.Error("panic in resolver", "panic", p)
		return errors.New("internal error")
	})

	mux := http.NewServeMux()
	mux.Handle(GraphQLPath, avail.guard(limitBody(gql, cfg.MaxBodyBytes)))
	mux.Handle("POST "+LoadPath, loadHandler(store, cfg.WriteToken, cfg.MaxUploadBytes, avail, cfg.Logger))
	ui := web.Handler()
	mux.Handle("GET "+web.ExplorerPath+"{$}", ui)
	mux.Handle("GET "+PlaygroundPath, ui)
	mux.Handle("GET "+web.AssetsPath, ui)
	mux.Handle("GET "+ExportPath, exportHandler(store, cfg.Logger))
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
	return c.Handler(mux)
}

// limitBody stops oversized requests before gqlgen reads them.
func limitBody(h http.Handler, n int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > n {
			writeJSON(w, http.StatusRequestEntityTooLarge, map[string]any{
				"errors": []map[string]string{{"message": "request body too large"}},
			})
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, n)
		h.ServeHTTP(w, r)
	})
}

// presentError shows application errors as they are and hides internal
// ones behind a generic message, logging the real cause. An unavailable
// store is logged once per outage, by avail, not once per field.
func presentError(log *slog.Logger, avail *availability) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		var appErr *uncite.Error
		if errors.As(err, &appErr) {
			avail.failed(err)
			gerr.Message = appErr.Message
			gerr.Extensions = map[string]any{"code": appErr.Code}
			return gerr
		}
		var ge *gqlerror.Error
		if errors.As(err, &ge) && ge.Err == nil {
			return gerr // validation and parse errors are already user-facing
		}
		log.Error("query failed", "path", gerr.Path.String(), "err", err)
		gerr.Message = "internal error"
		return gerr
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
