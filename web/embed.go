// Package web serves the browser front ends built from this folder's
// JavaScript sources: the explorer at / and GraphiQL at /playground. The
// bundles in dist/ are built by `npm run build` (build.mjs) and committed,
// so that the Go binary carries them without Node; CI rebuilds them and
// fails when they differ from the sources.
package web

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

//go:embed dist
var dist embed.FS

// Paths of the pages; assets sit under AssetsPath with content-hashed names.
const (
	ExplorerPath   = "/"
	PlaygroundPath = "/playground"
	AssetsPath     = "/assets/"
)

// Handler serves the two pages and their assets. Pages are revalidated on
// every load, so that a new binary's bundle is picked up; assets are named
// by their content hash and cached for a year.
func Handler() http.Handler {
	root, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // dist is embedded at build time: it cannot be missing
	}
	files := http.FileServerFS(root)
	var zipped sync.Map // asset path → func() []byte, its gzip made once
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch p := path.Clean(r.URL.Path); {
		case p == ExplorerPath:
			page(w, r, root, "index.html")
		case p == PlaygroundPath:
			page(w, r, root, "playground.html")
		case strings.HasPrefix(p, AssetsPath):
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			w.Header().Add("Vary", "Accept-Encoding")
			if gz := gzipped(&zipped, root, p); gz != nil && acceptsGzip(r) {
				w.Header().Set("Content-Encoding", "gzip")
				w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(p)))
				http.ServeContent(w, r, p, time.Time{}, bytes.NewReader(gz))
				return
			}
			files.ServeHTTP(w, r)
		default:
			http.NotFound(w, r)
		}
	})
}

// gzipped compresses a script or style sheet on its first request and
// keeps it: the bundles shrink to a third, which the first drawing on a
// slow link waits for. Other files, and missing ones, give nil.
func gzipped(cache *sync.Map, root fs.FS, p string) []byte {
	if ext := path.Ext(p); ext != ".js" && ext != ".css" {
		return nil
	}
	// Only files of the build are cached, not every path asked for.
	name := strings.TrimPrefix(p, "/")
	if _, err := fs.Stat(root, name); err != nil {
		return nil
	}
	once, _ := cache.LoadOrStore(p, sync.OnceValue(func() []byte {
		b, err := fs.ReadFile(root, name)
		if err != nil {
			return nil
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		_, _ = zw.Write(b) // writes to memory cannot fail
		_ = zw.Close()
		return buf.Bytes()
	}))
	return once.(func() []byte)()
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		if enc, q, _ := strings.Cut(strings.TrimSpace(part), ";"); enc == "gzip" && strings.TrimSpace(q) != "q=0" {
			return true
		}
	}
	return false
}

func page(w http.ResponseWriter, r *http.Request, root fs.FS, name string) {
	w.Header().Set("Cache-Control", "no-cache")
	// The pages load nothing from elsewhere; the policy makes that a rule
	// the browser enforces, not only a habit of the sources.
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; worker-src 'self' blob:")
	b, err := fs.ReadFile(root, name)
	if err != nil {
		http.Error(w, "page missing from the build: "+name, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
}
