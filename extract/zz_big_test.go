package extract

import (
	"sort"
	"path/filepath"
	"syscall"
	"os"
	"strings"
	"testing"
	"time"
)

func TestZZBig(t *testing.T) {
	seed, _ := os.ReadFile("../sample/docs/000_1a7a508cbf762381.txt")
	var b strings.Builder
	for b.Len() < 50<<20 {
		b.Write(seed)
	}
	start := time.Now()
	d := Extract("big.txt", b.String())
	t.Logf("big: %v, %d citations %d mentions", time.Since(start), len(d.Citations), len(d.Mentions))
}

func TestZZCPU(t *testing.T) {
	type file struct{ name, text string }
	var files []file
	var size int64
	for _, dir := range []string{"docs", "excerpts"} {
		paths, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*"))
		for _, p := range paths {
			data, _ := os.ReadFile(p)
			files = append(files, file{filepath.Base(p), string(data)})
			size += int64(len(data))
		}
	}
	Extract("warm.txt", "resolution 1 (1946) Armenia")
	cpu := func() time.Duration {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	n := 100
	c0, w0 := cpu(), time.Now()
	for range n {
		for _, f := range files {
			Extract(f.name, f.text)
		}
	}
	c, w := cpu()-c0, time.Since(w0)
	mb := float64(size*int64(n)) / 1e6
	t.Logf("CPU %.1f MB/s, wall %.1f MB/s", mb/c.Seconds(), mb/w.Seconds())
}

func TestZZPerFile(t *testing.T) {
	type res struct {
		name string
		size int
		d    time.Duration
	}
	var out []res
	Extract("warm.txt", "resolution 1 (1946) Armenia")
	for _, dir := range []string{"docs", "excerpts"} {
		paths, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*"))
		for _, p := range paths {
			data, _ := os.ReadFile(p)
			s := string(data)
			best := time.Hour
			for range 5 {
				st := time.Now()
				Extract(filepath.Base(p), s)
				best = min(best, time.Since(st))
			}
			out = append(out, res{filepath.Base(p), len(s), best})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].d > out[j].d })
	var tot time.Duration
	var sz int
	for _, r := range out {
		tot += r.d
		sz += r.size
	}
	t.Logf("total %v for %d bytes: %.1f MB/s", tot, sz, float64(sz)/tot.Seconds()/1e6)
	for _, r := range out[:15] {
		t.Logf("%-50s %7d %8v %.1f MB/s", r.name, r.size, r.d, float64(r.size)/r.d.Seconds()/1e6)
	}
}

func TestZZOne(t *testing.T) {
	name := os.Getenv("ZZFILE")
	data, _ := os.ReadFile(name)
	for range 3000 {
		Extract(filepath.Base(name), string(data))
	}
}
