package main

import (
	"log/slog"
	"os"
	"runtime/debug"
)

// Serving from Neo4j (a persistent backend, see stores.go), the process keeps next to nothing between requests
// (a few MB: the driver's connections and buffers), so at Go's default
// GOGC=100 the collector runs every 4 MB or so allocated, every ten
// requests for a document with its citations, and takes about a sixth of
// the CPU a request costs. Collecting less often, under a soft memory
// limit that still bounds the heap, saves most of that. GOGC or
// GOMEMLIMIT set in the environment wins.
const (
	neo4jGCPercent   = 400
	neo4jMemoryLimit = 1 << 30
)

// collectLessOften applies the collector settings above unless the
// environment sets its own.
func collectLessOften(log *slog.Logger) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(neo4jGCPercent)
	debug.SetMemoryLimit(neo4jMemoryLimit)
	log.Info("garbage collection tuned for a small heap", "GOGC", neo4jGCPercent, "GOMEMLIMIT", "1GiB")
}
