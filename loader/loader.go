// Package loader reads UN documents from files, extracts them and writes
// them to a Store in batches. A bad file is reported by name and skipped;
// it never stops the rest of the folder from loading.
package loader

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/extract"
)

// Defaults for a Loader's zero fields.
const (
	DefaultBatchSize   = 200
	DefaultMaxFileSize = 64 << 20
)

// Writer is what a Loader writes to: a Store, or the files of a bulk
// import (neo4jstore.ImportWriter).
type Writer interface {
	WriteDocuments(ctx context.Context, docs []*uncite.Document) (written int, err error)
}

// Loader feeds documents to a Store.
type Loader struct {
	Store       Writer
	BatchSize   int                   // documents per store transaction
	MaxFileSize int64                 // larger files are refused with an error
	Progress    func(done, total int) // called after each batch, if set
}

// FileError is the failure of one file; the others still load.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// Report sums up a load.
type Report struct {
	Files     int // files read
	Written   int // documents new to the store or changed since stored
	Unchanged int // documents stored before with the same SHA256, left alone
	Bytes     int64
	Failed    []*FileError
	Duration  time.Duration
}

// Err joins the per-file failures, nil when every file loaded.
func (r *Report) Err() error {
	errs := make([]error, len(r.Failed))
	for i, f := range r.Failed {
		errs[i] = f
	}
	return errors.Join(errs...)
}

// Source is one document to read, from the OS or from an fs.FS.
type Source struct {
	Name string // shown in errors: the path as the user gave it
	Read func() ([]byte, error)
	// Sidecar reads the optional metadata file (see SidecarSuffix); it
	// returns nil bytes and no error when there is none.
	Sidecar func() ([]byte, error)
}

// FileSource is the file at p, refused when larger than maxSize bytes.
func FileSource(p string, maxSize int64) Source {
	return Source{
		Name: p,
		Read: func() ([]byte, error) { return ReadFile(p, maxSize) },
		Sidecar: func() ([]byte, error) {
			b, err := ReadFile(p+SidecarSuffix, maxSize)
			if errors.Is(err, fs.ErrNotExist) {
				return nil, nil
			}
			if err != nil {
				return nil, fmt.Errorf("sidecar %s: %w", p+SidecarSuffix, err)
			}
			return b, nil
		},
	}
}

func fsSource(fsys fs.FS, p string) Source {
	return Source{
		Name: p,
		Read: func() ([]byte, error) { return fs.ReadFile(fsys, p) },
		Sidecar: func() ([]byte, error) {
			b, err := fs.ReadFile(fsys, p+SidecarSuffix)
			if errors.Is(err, fs.ErrNotExist) {
				return nil, nil
			}
			return b, err
		},
	}
}

// Load loads files and folders (walked recursively for .txt, .md, .pdf and .docx files).
func (l *Loader) Load(ctx context.Context, paths ...string) (*Report, error) {
	srcs, err := osSources(paths, l.maxFileSize())
	if err != nil {
		return nil, err
	}
	return l.load(ctx, srcs)
}

// LoadSources loads the given documents, such as files received over HTTP,
// exactly as Load loads files.
func (l *Loader) LoadSources(ctx context.Context, srcs []Source) (*Report, error) {
	return l.load(ctx, srcs)
}

// LoadFS loads every .txt, .md, .pdf and .docx file of fsys, such as an embedded corpus.
func (l *Loader) LoadFS(ctx context.Context, fsys fs.FS) (*Report, error) {
	var srcs []Source
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !isDocument(p) {
			return err
		}
		srcs = append(srcs, fsSource(fsys, p))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return l.load(ctx, srcs)
}

func isDocument(p string) bool {
	base := path.Base(p)
	if strings.HasPrefix(base, ".") {
		return false
	}
	ext := strings.ToLower(path.Ext(base))
	return ext == ".txt" || ext == ".md" || ext == ".pdf" || ext == ".docx"
}

// osSources wraps the files named or found under paths.
func osSources(paths []string, maxSize int64) ([]Source, error) {
	files, err := Walk(paths...)
	if err != nil {
		return nil, err
	}
	srcs := make([]Source, len(files))
	for i, p := range files {
		srcs[i] = FileSource(p, maxSize)
	}
	return srcs, nil
}

// Walk expands folders into the .txt, .md, .pdf and .docx files under them, skipping
// hidden ones; named files are kept whatever their extension. A path that
// does not exist is an error for the whole call: it is a mistake on the
// command line, not in the data.
func Walk(paths ...string) ([]string, error) {
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(fp string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() && fp != p && strings.HasPrefix(e.Name(), ".") {
				return filepath.SkipDir
			}
			if !e.IsDir() && isDocument(fp) {
				files = append(files, fp)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// ReadFile reads a file, refusing one larger than maxSize bytes before
// reading it.
func ReadFile(p string, maxSize int64) ([]byte, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		// A FIFO or device would block the read, or never end.
		return nil, fmt.Errorf("not a regular file (%s)", fileKind(info.Mode()))
	}
	if info.Size() > maxSize {
		return nil, fmt.Errorf("file is %d MB, over the %d MB limit (raise it with --max-file-size)", info.Size()>>20, maxSize>>20)
	}
	return os.ReadFile(p)
}

// fileKind names a mode that is not a regular file's.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	}
	return m.Type().String()
}

func (l *Loader) maxFileSize() int64 {
	if l.MaxFileSize > 0 {
		return l.MaxFileSize
	}
	return DefaultMaxFileSize
}

// load extracts in parallel (extraction is CPU-bound and pure) and writes
// batches from a single goroutine, so the store sees one writer.
func (l *Loader) load(ctx context.Context, srcs []Source) (*Report, error) {
	start := time.Now()
	rep := &Report{Files: len(srcs)}
	type result struct {
		doc  *uncite.Document
		size int
		err  *FileError
	}
	results := make([]result, len(srcs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				doc, n, err := ReadDocument(srcs[i])
				results[i] = result{doc, n, err}
			}
		})
	}
	// Extraction of a large folder takes a while: Ctrl-C stops feeding it.
feed:
	for i := range srcs {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return rep, err
	}

	var docs []*uncite.Document
	for _, r := range results {
		rep.Bytes += int64(r.size)
		if r.err != nil {
			rep.Failed = append(rep.Failed, r.err)
			continue
		}
		docs = append(docs, r.doc)
	}
	docs = dedupe(docs, rep)
	batch := l.BatchSize
	if batch <= 0 {
		batch = DefaultBatchSize
	}
	for i := 0; i < len(docs); i += batch {
		chunk := docs[i:min(i+batch, len(docs))]
		n, err := l.Store.WriteDocuments(ctx, chunk)
		if err != nil {
			return rep, fmt.Errorf("writing documents %s…: %w", chunk[0].File, err)
		}
		rep.Written += n
		rep.Unchanged += len(chunk) - n
		if l.Progress != nil {
			l.Progress(rep.Written+rep.Unchanged, len(docs))
		}
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

// dedupe keeps the first file of each document ID: two files claiming one
// ID in a single load would otherwise overwrite each other at random.
func dedupe(docs []*uncite.Document, rep *Report) []*uncite.Document {
	seen := map[string]string{}
	return slices.DeleteFunc(docs, func(d *uncite.Document) bool {
		if first, ok := seen[d.ID]; ok {
			rep.Failed = append(rep.Failed, &FileError{Path: d.File, Err: fmt.Errorf("same document id %q as %s; skipped", d.ID, first)})
			return true
		}
		seen[d.ID] = d.File
		return false
	})
}

// ReadDocument reads, decodes and extracts one document, with what its
// format's properties and its metadata sidecar say of it. The digest
// covers the sidecar too, so editing only the sidecar still replaces the
// stored document.
func ReadDocument(src Source) (*uncite.Document, int, *FileError) {
	fail := func(n int, err error) (*uncite.Document, int, *FileError) {
		return nil, n, &FileError{Path: src.Name, Err: err}
	}
	b, err := src.Read()
	if err != nil {
		return fail(len(b), err)
	}
	var meta extract.Metadata
	text, err := decodeDocument(filepath.ToSlash(src.Name), b, &meta)
	if err != nil {
		return fail(len(b), err)
	}
	side, err := src.Sidecar()
	if err != nil {
		return fail(len(b), err)
	}
	if side != nil {
		if err := readSidecar(side, &meta); err != nil {
			return fail(len(b), err)
		}
	}
	h := sha256.New()
	h.Write(b)
	h.Write(side)
	// The raw bytes are not needed past the digest; dropping them before
	// extraction keeps a large file's peak memory down when the text is a
	// converted copy (UTF-16, Latin-1, PDF, Word). UTF-8 text shares them
	// (Decode), so they must not be changed, only dropped.
	n := len(b)
	b = nil
	doc := extract.Extract(path.Base(filepath.ToSlash(src.Name)), text, &meta)
	doc.Text = text
	doc.SHA256 = hex.EncodeToString(h.Sum(nil))
	return doc, n, nil
}
