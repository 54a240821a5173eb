package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
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
	Extract("warm.txt", "resolution 1 (1946) Armenia", nil) // build the lazy tables outside the timing
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			Extract(f.name, f.text, nil)
		}
	}
}

// BenchmarkWorstCase feeds inputs that would make a careless scan quadratic
// (one endless paragraph full of citations, names, slashes, keywords) at
// two sizes. Linear extraction shows the same MB/s at both; a quadratic
// scan drops fourfold from 40 KB to 160 KB.
func BenchmarkWorstCase(b *testing.B) {
	units := []struct{ name, unit string }{
		{"citations", "resolution 822 (1993), "},
		{"names", "Armenia and "},
		{"slashes", "A/"},
		{"keywords", "solu"},
		{"numbers", "1 (1993) "},
		{"chinese", "第1(1999)、"},
		{"arabic", "قرار "},
	}
	for _, u := range units {
		for _, size := range []int{40_000, 160_000} {
			text := strings.Repeat(u.unit, size/len(u.unit))
			b.Run(fmt.Sprintf("%s/%dKB", u.name, size/1000), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					Extract("x.txt", text, nil)
				}
			})
		}
	}
}
