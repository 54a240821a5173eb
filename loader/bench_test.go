package loader_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/uncite/uncite/loader"
)

// BenchmarkReadLargeFile reads, decodes and extracts one 50 MB file (the
// documents of testdata/docs over and over, as a researcher's concatenated
// dump would be). B/op against the size (SetBytes) is the memory a file
// costs: the target is at most four times its size.
func BenchmarkReadLargeFile(b *testing.B) {
	const size = 50 << 20
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "docs", "*.txt"))
	var corpus []byte
	for _, p := range paths {
		d, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		corpus = append(corpus, d...)
		corpus = append(corpus, '\n')
	}
	big := make([]byte, 0, size+len(corpus))
	for len(big) < size {
		big = append(big, corpus...)
	}
	file := filepath.Join(b.TempDir(), "large.txt")
	if err := os.WriteFile(file, big, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(big)))
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := loader.ReadDocument(loader.FileSource(file, loader.DefaultMaxFileSize)); err != nil {
			b.Fatal(err)
		}
	}
}
