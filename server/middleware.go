package server

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"time"
)

// Outcomes of a GraphQL request, as logged and counted.
const (
	outcomeOK          = "ok"
	outcomeError       = "error"    // executed, with errors in the answer
	outcomeRejected    = "rejected" // not executed: unreadable, invalid or over a limit
	outcomeTimeout     = "timeout"
	outcomeCancelled   = "cancelled" // the client went away
	outcomeTooLarge    = "too_large"
	outcomeOverloaded  = "overloaded"
	outcomeUnavailable = "unavailable" // refused: the store is down
)

// requestInfo collects what the inner layers learn about a request for the
// log line and the metrics written when it ends.
type requestInfo struct {
	operation, outcome string
}

type infoKey struct{}

// infoFrom returns the request's info; a throwaway one outside observe, so
// that the transport never checks.
func infoFrom(ctx context.Context) *requestInfo {
	if i, ok := ctx.Value(infoKey{}).(*requestInfo); ok {
		return i
	}
	return &requestInfo{}
}

// statusWriter remembers the status and size of an answer.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe writes one log line and the metrics of every request. It logs
// no query text nor variables: they may carry anything.
//
// Routes are labelled by the mux's patterns, a set the code bounds.
func observe(next http.Handler, mux *http.ServeMux, log *slog.Logger, m *metrics) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &requestInfo{}
		sw := &statusWriter{ResponseWriter: w}
		m.inFlight.Inc()
		defer m.inFlight.Dec()
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), infoKey{}, info)))
		took := time.Since(start)
		if sw.status == 0 {
			sw.status = http.StatusOK // nothing written: net/http sends 200
			if info.outcome == outcomeCancelled {
				sw.status = 499 // nginx's "client closed request", for the log only
			}
		}
		_, route := mux.Handler(r)
		if route == "" {
			route = "other"
		}
		m.requests.WithLabelValues(route, strconv.Itoa(sw.status)).Inc()
		m.duration.WithLabelValues(route).Observe(took.Seconds())
		attrs := []any{"method", r.Method, "path", r.URL.Path, "status", sw.status, "bytes", sw.bytes, "ms", float64(took.Microseconds()) / 1000}
		if info.outcome != "" {
			if info.operation == "" {
				info.operation = "none" // refused before its operation was known
			}
			m.graphql.WithLabelValues(info.operation, info.outcome).Inc()
			m.graphqlDuration.WithLabelValues(info.operation).Observe(took.Seconds())
			attrs = append(attrs, "operation", info.operation, "outcome", info.outcome)
		}
		log.Info("request", attrs...)
	})
}

// limitConcurrency answers 503 with Retry-After once n requests are in
// flight, rather than queueing without end.
func limitConcurrency(next http.Handler, n int) http.Handler {
	sem := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case sem <- struct{}{}:
			defer func() { <-sem }()
			next.ServeHTTP(w, r)
		default:
			infoFrom(r.Context()).outcome = outcomeOverloaded
			w.Header().Set("Retry-After", "1")
			writeErrors(w, mediaJSON, http.StatusServiceUnavailable, withCode("the server is busy; retry in a second", CodeOverloaded))
		}
	})
}

// withDeadline gives each request its deadline. The request's context is
// also cancelled when the client disconnects, and it reaches every store
// call, so the work stops in either case.
func withDeadline(next http.Handler, d time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// limitBody refuses oversized bodies, announced or chunked: the declared
// length is checked first, and the reader fails past n bytes whatever the
// header said.
func limitBody(next http.Handler, n int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > n {
			infoFrom(r.Context()).outcome = outcomeRejected
			writeErrors(w, mediaJSON, http.StatusRequestEntityTooLarge, withCode("the request body exceeds the server's limit of "+strconv.FormatInt(n, 10)+" bytes", CodePayloadTooLarge))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}
