package server

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/uncite/uncite"
)

// probeEvery is how often, at most, a store known to be down is asked
// again whether it answers; probeTimeout bounds each asking.
const (
	probeEvery   = time.Second
	probeTimeout = 2 * time.Second
)

// availability remembers whether the store answers. While it does not,
// GraphQL requests fail at once with 503 instead of each waiting out the
// driver's timeouts, and the cause is logged once per outage rather than
// once per failed field. Requests themselves probe the store again, at most
// once a second, so service resumes by itself when the store is back.
type availability struct {
	store uncite.Store
	log   *slog.Logger

	mu      sync.Mutex
	down    bool
	probing bool
	probed  time.Time // when the last probe ended
}

// failed records an error of a request. A lost connection (EUNAVAILABLE)
// means the store is down. A call that ran out of time may only have been
// slow (a heavy query at its deadline must not shut everyone out), so the
// store is probed, in the background, and found down only if it does not
// answer that either.
func (a *availability) failed(err error) {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		a.probe()
	case uncite.ErrorCode(err) == uncite.EUNAVAILABLE:
		a.markDown(err)
	}
}

// probe pings the store in the background unless it is known to be down
// or a probe is running already.
func (a *availability) probe() {
	a.mu.Lock()
	if a.down || a.probing {
		a.mu.Unlock()
		return
	}
	a.probing = true
	a.mu.Unlock()
	go func() {
		a.ping(context.Background())
		a.mu.Lock()
		a.probing, a.probed = false, time.Now()
		a.mu.Unlock()
	}()
}

func (a *availability) markDown(err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.down {
		a.down = true
		a.probed = time.Now()
		a.log.Error("store unavailable: answering 503 until it is back", "err", cause(err))
	}
}

// up records that the store answered.
func (a *availability) up() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.down {
		a.down = false
		a.log.Info("store available again")
	}
}

// ready reports whether a request may go to the store: yes when it is not
// known to be down; otherwise one request in a second probes it (the others
// are refused meanwhile) and goes ahead if it answers.
func (a *availability) ready(ctx context.Context) bool {
	a.mu.Lock()
	if !a.down {
		a.mu.Unlock()
		return true
	}
	if a.probing || time.Since(a.probed) < probeEvery {
		a.mu.Unlock()
		return false
	}
	a.probing = true
	a.mu.Unlock()
	err := a.ping(ctx)
	a.mu.Lock()
	a.probing, a.probed = false, time.Now()
	a.mu.Unlock()
	return err == nil
}

// ping asks the store and records the answer.
func (a *availability) ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	err := a.store.Ping(ctx)
	if err == nil {
		a.up()
		return nil
	}
	a.markDown(err)
	return err
}

// guard answers 503 to requests while the store is down.
func (a *availability) guard(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !a.ready(r.Context()) {
			infoFrom(r.Context()).outcome = outcomeUnavailable
			w.Header().Set("Retry-After", "1")
			writeErrors(w, mediaJSON, http.StatusServiceUnavailable,
				withCode("the database is unavailable; try again shortly", CodeUnavailable))
			return
		}
		h.ServeHTTP(w, r)
	})
}

// readyz answers 200 when the store answers and 503 otherwise; why it does
// not is logged (once per outage), never shown: it names internal addresses.
func (a *availability) readyz(w http.ResponseWriter, r *http.Request) {
	if err := a.ping(r.Context()); err != nil {
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

// cause is the error under an application error, for logs.
func cause(err error) error {
	var e *uncite.Error
	if errors.As(err, &e) && e.Err != nil {
		return e.Err
	}
	return err
}
