// Command loadtest puts a running uncite server under a bounded load: c
// clients send GraphQL queries in turn for a while, and it reports the
// requests, errors, throughput, latency percentiles and the server's
// resident memory before and after (read from its /metrics).
//
//	go run ./cmd/loadtest -url http://127.0.0.1:8080 -c 32 -d 15s
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// queries are the load's mix: a document with its citations, resolutions
// with their citers, and a neighbourhood to draw (the three cases).
var queries = []string{
	`{ document(id: "A/80/L.4") { id title citations { count resolution { symbol title } } mentions { code name } } }`,
	`{ resolutions(orderBy: CITATION_COUNT, first: 20) { nodes { symbol citationCount citedBy(first: 10) { nodes { id title } } } } }`,
	`{ topCited(first: 1) { resolution { symbol } } }`,
	`{ neighborhood(id: "State:ARM", depth: 2, limit: 500) { truncated nodes { id label type } edges { source target type } } }`,
}

func main() {
	url := flag.String("url", "http://127.0.0.1:8080", "server base URL")
	c := flag.Int("c", 32, "concurrent clients")
	d := flag.Duration("d", 15*time.Second, "duration of the load")
	flag.Parse()
	if err := run(*url, *c, *d); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

type result struct {
	latencies []time.Duration
	errors    map[string]int
}

func run(base string, c int, d time.Duration) error {
	before, err := residentMemory(base)
	if err != nil {
		return err
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: c}}
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	results := make([]result, c)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range c {
		wg.Go(func() {
			r := &results[i]
			r.errors = map[string]int{}
			for n := i; ctx.Err() == nil; n++ {
				t := time.Now()
				err := query(ctx, client, base, queries[n%len(queries)])
				if ctx.Err() != nil {
					return // cut off by the end of the run, not a server error
				}
				r.latencies = append(r.latencies, time.Since(t))
				if err != nil {
					r.errors[err.Error()]++
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	after, err := residentMemory(base)
	if err != nil {
		return err
	}

	var all []time.Duration
	errs := map[string]int{}
	for _, r := range results {
		all = append(all, r.latencies...)
		for e, n := range r.errors {
			errs[e] += n
		}
	}
	slices.Sort(all)
	nerr := 0
	for _, n := range errs {
		nerr += n
	}
	pct := func(p float64) time.Duration {
		if len(all) == 0 {
			return 0
		}
		return all[min(len(all)-1, int(p*float64(len(all))))].Round(10 * time.Microsecond)
	}
	fmt.Printf("clients %d, %s: %d requests, %d errors, %.0f req/s\n", c, d, len(all), nerr, float64(len(all))/elapsed.Seconds())
	fmt.Printf("latency p50 %s, p90 %s, p99 %s, max %s\n", pct(.5), pct(.9), pct(.99), pct(1))
	fmt.Printf("server resident memory: %d MB before, %d MB after\n", before>>20, after>>20)
	for e, n := range errs {
		fmt.Printf("  %d × %s\n", n, e)
	}
	if nerr > 0 {
		return fmt.Errorf("%d errors", nerr)
	}
	return nil
}

// query sends q and fails on any HTTP or GraphQL error.
func query(ctx context.Context, client *http.Client, base, q string) error {
	body, _ := json.Marshal(map[string]string{"query": q})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/graphql", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json")
	resp, err := client.Do(req)
	if err != nil {
		return errors.New("transport error")
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return errors.New("reading the answer")
	}
	var r struct {
		Errors []struct{ Extensions struct{ Code string } }
	}
	if resp.StatusCode != http.StatusOK || json.Unmarshal(b, &r) != nil || len(r.Errors) > 0 {
		code := ""
		if len(r.Errors) > 0 {
			code = r.Errors[0].Extensions.Code
		}
		return fmt.Errorf("status %d %s", resp.StatusCode, code)
	}
	return nil
}

// residentMemory reads process_resident_memory_bytes from the server's
// metrics.
func residentMemory(base string) (int64, error) {
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "process_resident_memory_bytes "); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return int64(f), err
		}
	}
	return 0, errors.New("the server's /metrics has no process_resident_memory_bytes")
}
