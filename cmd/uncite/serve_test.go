package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// startServe runs `uncite serve` on a free port until ctx ends and returns
// its base URL and the channel its result comes on.
func startServe(t *testing.T, ctx context.Context, args ...string) (string, <-chan error) {
	t.Helper()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), pw, &bytes.Buffer{})
		pw.Close()
		done <- err
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	m := regexp.MustCompile(`http://(\S+?)/playground`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("serve printed %q (%v), no address", line, err)
	}
	return "http://" + m[1], done
}

// A signal (the cancelled context) stops serve promptly and cleanly: it
// exits with no error once the requests in flight are done.
func TestServeStopsOnSignal(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	ctx, stop := context.WithCancel(context.Background())
	url, done := startServe(t, ctx, "--docs", seed)
	resp, err := http.Get(url + "/readyz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("/readyz: %v %v", resp, err)
	}
	resp.Body.Close()
	stop()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve stopped with %v, want a clean exit", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve still running 5 s after the signal")
	}
}

// A request in flight when the signal comes is served to the end before
// serve exits: here an upload to POST /load whose body is still arriving.
func TestServeDrainsRequestsInFlight(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	t.Setenv("UNCITE_WRITE_TOKEN", "drain-token")
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	url, done := startServe(t, ctx, "--docs", seed)

	doc, err := os.ReadFile("../../sample/docs/A_80_L.1.en.txt")
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, _ := mw.CreateFormFile("file", "A_80_L.1.en.txt")
	w.Write(doc)
	mw.Close()
	pr, pw := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, url+"/load", pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer drain-token")
	type answer struct {
		status int
		body   string
		err    error
	}
	answered := make(chan answer, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			answered <- answer{err: err}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		answered <- answer{resp.StatusCode, string(b), nil}
	}()
	half := body.Len() / 2
	pw.Write(body.Bytes()[:half])
	time.Sleep(100 * time.Millisecond) // the request is in the handler
	stop()
	select {
	case err := <-done:
		t.Fatalf("serve exited (%v) with a request in flight", err)
	case <-time.After(300 * time.Millisecond):
	}
	pw.Write(body.Bytes()[half:])
	pw.Close()
	a := <-answered
	if a.err != nil || a.status != http.StatusOK || !strings.Contains(a.body, `"written":1`) {
		t.Errorf("the request in flight: %d %s %v", a.status, a.body, a.err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve stopped with %v, want a clean exit", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve still running 5 s after its last request")
	}
}
