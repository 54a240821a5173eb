package main

import (
	"io"
	"log/slog"
	"runtime/debug"
	"testing"
)

func TestCollectLessOftenKeepsTheEnvironmentsSettings(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	debug.SetGCPercent(100)
	collectLessOften(log)
	if got := debug.SetGCPercent(100); got != neo4jGCPercent {
		t.Errorf("GOGC %d, want %d", got, neo4jGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != neo4jMemoryLimit {
		t.Errorf("memory limit %d, want %d", got, neo4jMemoryLimit)
	}

	t.Setenv("GOGC", "150")
	debug.SetGCPercent(150)
	collectLessOften(log)
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("GOGC %d with GOGC=150 in the environment, want it kept", got)
	}
}
