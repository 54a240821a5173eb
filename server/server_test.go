package server_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/sample"
	"github.com/uncite/uncite/server"
)

func newServer(t *testing.T, cfg server.Config) *httptest.Server {
	t.Helper()
	store := memstore.New()
	if _, err := (&loader.Loader{Store: store}).LoadFS(context.Background(), sample.Docs()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.Handler(store, cfg))
	t.Cleanup(srv.Close)
	return srv
}

func do(t *testing.T, req *http.Request) (*http.Response, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func post(t *testing.T, url, body string) (*http.Response, string) {
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return do(t, req)
}

func TestPlayground(t *testing.T) {
	srv := newServer(t, server.Config{})
	resp, body := do(t, mustReq(http.MethodGet, srv.URL+"/playground"))
	if resp.StatusCode != 200 || !strings.Contains(strings.ToLower(body), "graphiql") {
		t.Errorf("GET /playground: %d, body without GraphiQL", resp.StatusCode)
	}
}

func TestQueryOverGETAndPOST(t *testing.T) {
	srv := newServer(t, server.Config{})
	_, body := do(t, mustReq(http.MethodGet, srv.URL+`/graphql?query=%7Bresolution(symbol:%22S/RES/822(1993)%22)%7Bsymbol%7D%7D`))
	if body != `{"data":{"resolution":{"symbol":"S/RES/822 (1993)"}}}` {
		t.Errorf("GET: %s", body)
	}
	_, body = post(t, srv.URL, `{"query":"{ state(code: \"ARM\") { name } }"}`)
	if body != `{"data":{"state":{"name":"Armenia"}}}` {
		t.Errorf("POST: %s", body)
	}
}

func TestCORSPreflight(t *testing.T) {
	for _, tc := range []struct {
		origins []string
		origin  string
		want    string
	}{
		{nil, "https://viz.example.org", "*"},
		{[]string{"https://viz.example.org"}, "https://viz.example.org", "https://viz.example.org"},
		{[]string{"https://viz.example.org"}, "https://evil.example.com", ""},
	} {
		srv := newServer(t, server.Config{CORSOrigins: tc.origins})
		req := mustReq(http.MethodOptions, srv.URL+"/graphql")
		req.Header.Set("Origin", tc.origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		resp, _ := do(t, req)
		if got := resp.Header.Get("Access-Control-Allow-Origin"); got != tc.want {
			t.Errorf("origins %v, origin %s: Allow-Origin %q, want %q", tc.origins, tc.origin, got, tc.want)
		}
		if resp.StatusCode >= 300 {
			t.Errorf("preflight status %d", resp.StatusCode)
		}
	}
}

// Requests that never execute answer 400 with the spec's media type and 200
// with application/json; every error carries one code.
func TestBadQueriesAreGraphQLErrors(t *testing.T) {
	srv := newServer(t, server.Config{MaxComplexity: 500})
	for name, tc := range map[string]struct{ body, want, code string }{
		"syntax":        {`{"query":"{ documents { "}`, `"message":"Expected Name, found \u003cEOF\u003e"`, server.CodeParseFailed},
		"unknown field": {`{"query":"{ bogus }"}`, `Cannot query field \"bogus\" on type \"Query\"`, server.CodeValidationFailed},
		"bad variable":  {`{"query":"query($n: Int) { documents(first: $n) { totalCount } }","variables":{"n":"x"}}`, `cannot use string as Int`, server.CodeValidationFailed},
		"too complex":   {`{"query":"{ documents(first: 200) { nodes { citations { resolution { citedBy(first: 200) { totalCount } } } } } }"}`, `operation has complexity`, server.CodeComplexityLimit},
	} {
		for accept, status := range map[string]int{"application/graphql-response+json": 400, "application/json": 200, "": 200} {
			req := mustReq(http.MethodPost, srv.URL+"/graphql")
			req.Body = io.NopCloser(strings.NewReader(tc.body))
			req.Header.Set("Content-Type", "application/json")
			if accept != "" {
				req.Header.Set("Accept", accept)
			}
			resp, body := do(t, req)
			if resp.StatusCode != status || !strings.Contains(body, tc.want) || !strings.Contains(body, `"code":"`+tc.code+`"`) || strings.Contains(body, `"data"`) {
				t.Errorf("%s, Accept %q: status %d, body %s; want %d, a GraphQL error containing %s, code %s and no data", name, accept, resp.StatusCode, body, status, tc.want, tc.code)
			}
			wantType := accept
			if wantType == "" {
				wantType = "application/json"
			}
			if got := resp.Header.Get("Content-Type"); !strings.HasPrefix(got, wantType) {
				t.Errorf("%s, Accept %q: Content-Type %q", name, accept, got)
			}
		}
	}
}

// Errors found while executing come with the data and answer 200.
func TestExecutionErrors(t *testing.T) {
	srv := newServer(t, server.Config{})
	for q, code := range map[string]string{
		`{"query":"{ documents(first: 500) { totalCount } }"}`:        server.CodeBadUserInput,
		`{"query":"{ resolution(symbol: \"nonsense\") { symbol } }"}`: server.CodeBadUserInput,
	} {
		resp, body := post(t, srv.URL, q)
		if resp.StatusCode != 200 || !strings.Contains(body, `"code":"`+code+`"`) || !strings.Contains(body, `"data"`) {
			t.Errorf("%s: status %d, body %s; want 200, data and code %s", q, resp.StatusCode, body, code)
		}
	}
}

func TestBodyLimit(t *testing.T) {
	srv := newServer(t, server.Config{MaxBodyBytes: 100})
	resp, _ := post(t, srv.URL, `{"query":"{ states { totalCount } }", "padding":"`+strings.Repeat("x", 200)+`"}`)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413", resp.StatusCode)
	}
}

type downStore struct{ *memstore.Store }

func (downStore) Ping(context.Context) error { return errors.New("connection refused") }

func TestHealth(t *testing.T) {
	srv := newServer(t, server.Config{})
	if resp, _ := do(t, mustReq(http.MethodGet, srv.URL+"/healthz")); resp.StatusCode != 200 {
		t.Errorf("/healthz %d", resp.StatusCode)
	}
	if resp, _ := do(t, mustReq(http.MethodGet, srv.URL+"/readyz")); resp.StatusCode != 200 {
		t.Errorf("/readyz %d", resp.StatusCode)
	}
	var down uncite.Store = downStore{memstore.New()}
	dsrv := httptest.NewServer(server.Handler(down, server.Config{}))
	defer dsrv.Close()
	resp, body := do(t, mustReq(http.MethodGet, dsrv.URL+"/readyz"))
	// The cause names internal addresses: it is logged, never shown.
	if resp.StatusCode != http.StatusServiceUnavailable || strings.Contains(body, "connection refused") {
		t.Errorf("/readyz with the store down: %d %s", resp.StatusCode, body)
	}
}

func mustReq(method, url string) *http.Request {
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		panic(err)
	}
	return req
}

// What is not a GraphQL request over HTTP gets its status and code.
func TestNotGraphQLOverHTTP(t *testing.T) {
	srv := newServer(t, server.Config{})
	put := mustReq(http.MethodPut, srv.URL+"/graphql")
	text, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", strings.NewReader(`{"query":"{ __typename }"}`))
	text.Header.Set("Content-Type", "text/plain")
	html := mustReq(http.MethodGet, srv.URL+"/graphql?query=%7B__typename%7D")
	html.Header.Set("Accept", "text/html")
	for _, tc := range []struct {
		req    *http.Request
		status int
		code   string
	}{
		{put, http.StatusMethodNotAllowed, server.CodeMethodNotAllowed},
		{text, http.StatusUnsupportedMediaType, server.CodeUnsupportedMediaType},
		{html, http.StatusNotAcceptable, server.CodeNotAcceptable},
	} {
		resp, body := do(t, tc.req)
		if resp.StatusCode != tc.status || !strings.Contains(body, `"code":"`+tc.code+`"`) {
			t.Errorf("%s %s: status %d, body %s; want %d and %s", tc.req.Method, tc.req.Header, resp.StatusCode, body, tc.status, tc.code)
		}
	}
	if resp, _ := do(t, mustReq(http.MethodPut, srv.URL+"/graphql")); resp.Header.Get("Allow") != "GET, POST" {
		t.Errorf("405 without Allow: %q", resp.Header.Get("Allow"))
	}
}

func TestMetrics(t *testing.T) {
	srv := newServer(t, server.Config{})
	post(t, srv.URL, `{"query":"{ resolution(symbol: \"S/RES/822 (1993)\") { symbol } document(id: \"nope\") { id } }"}`)
	post(t, srv.URL, `{"query":"{ bogus }"}`)
	_, body := do(t, mustReq(http.MethodGet, srv.URL+"/metrics"))
	for _, want := range []string{
		`uncite_graphql_requests_total{operation="multiple",outcome="ok"} 1`,
		`uncite_graphql_requests_total{operation="none",outcome="rejected"} 1`,
		`uncite_http_requests_total{code="200",route="/graphql"} 2`,
		`uncite_store_call_duration_seconds_count{method="Resolution",outcome="ok"} 1`,
		`uncite_graphql_request_duration_seconds_count{operation="multiple"} 1`,
		"process_resident_memory_bytes",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}
