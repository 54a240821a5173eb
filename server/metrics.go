package server

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// MetricsPath serves Prometheus metrics.
const MetricsPath = "/metrics"

// metrics are registered on a registry of their own per handler, so that
// tests can build many handlers in one process.
type metrics struct {
	reg             *prometheus.Registry
	inFlight        prometheus.Gauge
	requests        *prometheus.CounterVec
	duration        *prometheus.HistogramVec
	graphql         *prometheus.CounterVec
	graphqlDuration *prometheus.HistogramVec
	storeCalls      *prometheus.HistogramVec
}

func newMetrics() *metrics {
	reg := prometheus.NewRegistry()
	f := func(c prometheus.Collector) { reg.MustRegister(c) }
	buckets := []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}
	m := &metrics{
		reg: reg,
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "uncite_http_requests_in_flight", Help: "HTTP requests being served.",
		}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "uncite_http_requests_total", Help: "HTTP requests by route and status code.",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "uncite_http_request_duration_seconds", Help: "HTTP request latency by route.", Buckets: buckets,
		}, []string{"route"}),
		graphql: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "uncite_graphql_requests_total",
			Help: "GraphQL requests by operation (the root field, \"multiple\", or \"none\" when refused before parsing) and outcome (ok, error, rejected, timeout, cancelled, too_large, overloaded).",
		}, []string{"operation", "outcome"}),
		graphqlDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "uncite_graphql_request_duration_seconds", Help: "GraphQL request latency by operation.", Buckets: buckets,
		}, []string{"operation"}),
		storeCalls: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "uncite_store_call_duration_seconds", Help: "Store call latency by method and outcome (ok, or the error code).", Buckets: buckets,
		}, []string{"method", "outcome"}),
	}
	f(m.inFlight)
	f(m.storeCalls)
	f(m.requests)
	f(m.duration)
	f(m.graphql)
	f(m.graphqlDuration)
	f(collectors.NewGoCollector())
	f(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}
