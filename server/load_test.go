package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/server"
)

// upload posts files (name → content) to /load with an Authorization
// header unless auth is empty.
func upload(t *testing.T, url, auth string, files map[string][]byte) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for name, b := range files {
		w, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, url+server.LoadPath, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	return do(t, req)
}

func sampleFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "sample", "docs", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type loadReply struct {
	Files, Written, Unchanged int
	Failed                    []struct{ File, Error string }
}

func TestLoadOverHTTP(t *testing.T) {
	store := memstore.New()
	srv := httptest.NewServer(server.Handler(store, server.Config{WriteToken: "s3cret-token"}))
	defer srv.Close()
	letter := map[string][]byte{"000_1a7a508cbf762381.txt": sampleFile(t, "000_1a7a508cbf762381.txt")}
	const query = `{"query":"{ resolution(symbol: \"S/RES/822 (1993)\") { citationCount } }"}`

	for _, c := range []struct{ auth string }{{""}, {"Bearer wrong"}, {"Bearer s3cret-token-and-more"}, {"s3cret-token"}, {"Basic s3cret-token"}} {
		resp, body := upload(t, srv.URL, c.auth, letter)
		if resp.StatusCode != http.StatusUnauthorized || resp.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("Authorization %q: %d %s, want 401", c.auth, resp.StatusCode, body)
		}
	}
	if _, body := post(t, srv.URL, query); !strings.Contains(body, `"resolution":null`) {
		t.Fatalf("a refused load wrote: %s", body)
	}

	// A good file and a bad one: the good one is written, the bad one
	// named with the reason, as `uncite load` reports them.
	files := map[string][]byte{
		"000_1a7a508cbf762381.txt": letter["000_1a7a508cbf762381.txt"],
		"binary.txt":               {0, 1, 2, 3, 0xff},
	}
	resp, body := upload(t, srv.URL, "Bearer s3cret-token", files)
	var rep loadReply
	if err := json.Unmarshal([]byte(body), &rep); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	if resp.StatusCode != http.StatusUnprocessableEntity || rep.Files != 2 || rep.Written != 1 || len(rep.Failed) != 1 ||
		rep.Failed[0].File != "binary.txt" || !strings.Contains(rep.Failed[0].Error, "binary file") {
		t.Errorf("load with a bad file: %d %s", resp.StatusCode, body)
	}
	if _, body := post(t, srv.URL, query); !strings.Contains(body, `"citationCount":1`) {
		t.Errorf("the loaded document is not served: %s", body)
	}
	// Again: nothing changed.
	resp, body = upload(t, srv.URL, "Bearer s3cret-token", letter)
	if err := json.Unmarshal([]byte(body), &rep); err != nil || resp.StatusCode != 200 || rep.Written != 0 || rep.Unchanged != 1 {
		t.Errorf("reload: %d %s", resp.StatusCode, body)
	}

	if resp, body := upload(t, srv.URL, "Bearer s3cret-token", nil); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("no files: %d %s", resp.StatusCode, body)
	}
}

// A sidecar posted with its document applies to it, as beside a file.
func TestLoadOverHTTPSidecar(t *testing.T) {
	store := memstore.New()
	srv := httptest.NewServer(server.Handler(store, server.Config{WriteToken: "t"}))
	defer srv.Close()
	resp, body := upload(t, srv.URL, "Bearer t", map[string][]byte{
		"000_1a7a508cbf762381.txt":                        sampleFile(t, "000_1a7a508cbf762381.txt"),
		"000_1a7a508cbf762381.txt" + loader.SidecarSuffix: []byte(`{"title": "Title from the sidecar"}`),
	})
	if resp.StatusCode != 200 || !strings.Contains(body, `"files":1`) {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	d, err := store.Document(context.Background(), "000_1a7a508cbf762381")
	if err != nil || d.Title != "Title from the sidecar" {
		t.Errorf("sidecar not applied: %+v, %v", d, err)
	}
}

func TestWritesOffWithoutToken(t *testing.T) {
	srv := newServer(t, server.Config{})
	resp, body := upload(t, srv.URL, "Bearer ", map[string][]byte{"a.txt": []byte("text")})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("POST /load without a configured token: %d %s", resp.StatusCode, body)
	}
}

// Loads over HTTP while the server answers queries: the embedded store
// takes writes after start-up from several requests at once (run with
// -race to check it).
func TestConcurrentLoadsAndQueries(t *testing.T) {
	store := memstore.New()
	srv := httptest.NewServer(server.Handler(store, server.Config{WriteToken: "t"}))
	defer srv.Close()
	entries, err := os.ReadDir(filepath.Join("..", "sample", "docs"))
	if err != nil {
		t.Fatal(err)
	}
	all := map[string][]byte{}
	for _, e := range entries {
		all[e.Name()] = sampleFile(t, e.Name())
	}
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			if resp, body := upload(t, srv.URL, "Bearer t", all); resp.StatusCode != 200 {
				t.Errorf("concurrent load: %d %s", resp.StatusCode, body)
			}
		})
		wg.Go(func() {
			for range 10 {
				if resp, body := post(t, srv.URL, `{"query":"{ documents(first: 5) { totalCount nodes { id citations { resolution { symbol } } } } }"}`); resp.StatusCode != 200 || strings.Contains(body, "errors") {
					t.Errorf("query during loads: %d %s", resp.StatusCode, body)
				}
			}
		})
	}
	wg.Wait()
	want := memstore.New()
	rep, err := (&loader.Loader{Store: want}).Load(context.Background(), filepath.Join("..", "sample", "docs"))
	if err != nil {
		t.Fatal(err)
	}
	_, got := post(t, srv.URL, `{"query":"{ documents { totalCount } }"}`)
	if !strings.Contains(got, `"totalCount":`+itoa(rep.Written)) {
		t.Errorf("after three concurrent loads: %s, want %d documents", got, rep.Written)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
