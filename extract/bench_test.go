package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtract extracts every document and excerpt in testdata; SetBytes
// makes it report throughput.
func BenchmarkExtract(b *testing.B) {
	type file struct{ name, text string }
	var files []file
	var size int64
	for _, dir := range []string{"docs", "excerpts"} {
		paths, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*"))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			files = append(files, file{filepath.Base(p), string(data)})
			size += int64(len(data))
		}
	}
	Extract("warm.txt", "resolution 1 (1946) Armenia") // build the lazy tables outside the timing
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			Extract(f.name, f.text)
		}
	}
}
