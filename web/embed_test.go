package web

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func get(t *testing.T, h http.Handler, path, encoding string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if encoding != "" {
		req.Header.Set("Accept-Encoding", encoding)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	var r io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var assetRef = regexp.MustCompile(`(?:src|href)="(/assets/[^"]+)"`)

// Each page names its own bundle, which is served, gzipped when asked;
// GraphiQL's bundle is loaded by /playground only.
func TestPages(t *testing.T) {
	h := Handler()
	refs := map[string][]string{}
	for _, page := range []string{ExplorerPath, PlaygroundPath} {
		resp := get(t, h, page, "")
		html := body(t, resp)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("GET %s: %d %s", page, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("GET %s: CSP %q", page, csp)
		}
		for _, m := range assetRef.FindAllStringSubmatch(html, -1) {
			refs[page] = append(refs[page], m[1])
		}
		if len(refs[page]) != 2 {
			t.Errorf("GET %s names %v, want a script and a style sheet", page, refs[page])
		}
		if strings.Contains(html, "http://") || strings.Contains(html, "https://") {
			t.Errorf("GET %s names another server:\n%s", page, html)
		}
	}
	for _, ref := range refs[ExplorerPath] {
		if strings.Contains(ref, "playground") {
			t.Errorf("the explorer loads GraphiQL's %s", ref)
		}
	}
	for _, refs := range refs {
		for _, ref := range refs {
			plain := get(t, h, ref, "")
			raw := body(t, plain)
			if plain.StatusCode != http.StatusOK || len(raw) < 1000 || !strings.Contains(plain.Header.Get("Cache-Control"), "immutable") {
				t.Errorf("GET %s: %d, %d bytes, Cache-Control %q", ref, plain.StatusCode, len(raw), plain.Header.Get("Cache-Control"))
			}
			zipped := get(t, h, ref, "br, gzip")
			if zipped.Header.Get("Content-Encoding") != "gzip" || zipped.Header.Get("Content-Type") != plain.Header.Get("Content-Type") {
				t.Errorf("GET %s with gzip: encoding %q, type %q (plain %q)", ref, zipped.Header.Get("Content-Encoding"),
					zipped.Header.Get("Content-Type"), plain.Header.Get("Content-Type"))
			}
			if unzipped := body(t, zipped); unzipped != raw {
				t.Errorf("GET %s: the gzip holds %d bytes, not the %d of the file", ref, len(unzipped), len(raw))
			}
		}
	}
	for _, path := range []string{"/nope", "/assets/nope.js", "/assets/../index.html", "/index.html"} {
		if resp := get(t, h, path, "gzip"); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, resp.StatusCode)
		}
	}
}
