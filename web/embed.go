// Package web serves the browser front ends built from this folder's
// JavaScript sources: the explorer at / and GraphiQL at /playground. The
// bundles in dist/ are built by `npm run build` (build.mjs) and committed,
// so that the Go binary carries them without Node; CI rebuilds them and
// fails when they differ from the sources.
package web

import (
	"bytes"
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
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
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch p := path.Clean(r.URL.Path); {
		case p == ExplorerPath:
			page(w, r, root, "index.html")
		case p == PlaygroundPath:
			page(w, r, root, "playground.html")
		case strings.HasPrefix(p, AssetsPath):
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			files.ServeHTTP(w, r)
		default:
			http.NotFound(w, r)
		}
	})
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
