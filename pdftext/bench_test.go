package pdftext

import (
	"os"
	"path/filepath"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"
)

// BenchmarkConvert reads the PDFs of testdata/pdf: "all" of them, and
// "born-digital", without the scanned letter (3.2 MB of page images that
// cost next to nothing to skip). MB/s is PDF bytes per second; peak-heap-MB
// is the largest Go heap seen while converting, sampled every millisecond.
//
//	go test -run '^$' -bench Convert -benchtime 5x -cpu 1 -benchmem ./pdftext
func BenchmarkConvert(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "pdf", "*.pdf"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no PDFs: %v", err)
	}
	var all, digital [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, data)
		if !strings.HasPrefix(filepath.Base(f), "OHCHR_HC_letter") {
			digital = append(digital, data)
		}
	}
	for _, c := range []struct {
		name  string
		files [][]byte
	}{{"all", all}, {"born-digital", digital}} {
		b.Run(c.name, func(b *testing.B) {
			var size int64
			for _, f := range c.files {
				size += int64(len(f))
			}
			b.SetBytes(size)
			stop := samplePeak()
			for b.Loop() {
				for _, f := range c.files {
					if _, err := Convert(f, Budget{}); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(stop())/(1<<20), "peak-heap-MB")
		})
	}
}

// samplePeak watches the heap until the returned function is called, which
// returns the largest heap seen.
func samplePeak() func() uint64 {
	var (
		mu   sync.Mutex
		peak uint64
		done = make(chan struct{})
	)
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				metrics.Read(s)
				mu.Lock()
				peak = max(peak, s[0].Value.Uint64())
				mu.Unlock()
			}
		}
	}()
	return func() uint64 {
		close(done)
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}
