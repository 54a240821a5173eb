package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
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
