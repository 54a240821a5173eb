//go:build unix

package loader_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/memstore"
)

// A FIFO (or any file that is not a regular one) is refused by name before
// it is opened: reading it would block until a writer comes, forever.
func TestFIFOIsRefusedNotRead(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "seed.txt"), seed, 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := (&loader.Loader{Store: memstore.New()}).Load(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Failed) != 1 || rep.Failed[0].Path != fifo || !strings.Contains(rep.Failed[0].Error(), "not a regular file") {
		t.Fatalf("failed = %v, want %s refused as not a regular file", rep.Failed, fifo)
	}
	if rep.Written != 1 {
		t.Errorf("written = %d, want the seed", rep.Written)
	}

	// A FIFO named as a sidecar is refused too, naming the sidecar.
	if err := syscall.Mkfifo(filepath.Join(dir, "seed.txt"+loader.SidecarSuffix), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, ferr := loader.ReadDocument(loader.FileSource(filepath.Join(dir, "seed.txt"), loader.DefaultMaxFileSize))
	if ferr == nil || !strings.Contains(ferr.Error(), "seed.txt.json") || !strings.Contains(ferr.Error(), "not a regular file") {
		t.Errorf("sidecar FIFO: err = %v", ferr)
	}
}
