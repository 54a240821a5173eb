package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Media types of the GraphQL-over-HTTP spec.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// httpTransport serves GET and POST per the GraphQL-over-HTTP spec
// (https://graphql.github.io/graphql-over-http/draft/). With
// application/graphql-response+json, a request that does not execute
// (unreadable, unparsable, invalid, over a limit) answers 4xx; with
// application/json every well-formed request answers 200, errors in the
// body. Error messages never quote the request back.
type httpTransport struct {
	maxResponseBytes int
	timeout          time.Duration
}

var _ graphql.Transport = httpTransport{}

// Supports takes every request but OPTIONS, HEAD (transport.Options answers
// them) and upgrades, so that a wrong method gets a 405 in our own words.
func (httpTransport) Supports(r *http.Request) bool {
	return r.Header.Get("Upgrade") == "" && r.Method != http.MethodOptions && r.Method != http.MethodHead
}

func (t httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	info := infoFrom(ctx)
	media, ok := negotiate(r.Header.Get("Accept"))
	if !ok {
		info.outcome = outcomeRejected
		writeErrors(w, mediaJSON, http.StatusNotAcceptable, withCode("the response is available as application/graphql-response+json or application/json only", CodeNotAcceptable))
		return
	}
	// Statuses for what never reaches execution: the spec's 4xx with its
	// own media type, 200 for legacy application/json clients unless the
	// request itself could not be read.
	requestError := func(status int) int {
		if media == mediaGraphQLResponse {
			return status
		}
		return http.StatusOK
	}

	params, status, perr := readParams(r)
	if perr != nil {
		info.outcome = outcomeRejected
		if status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", "GET, POST")
		}
		writeErrors(w, media, status, perr)
		return
	}

	opCtx, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		info.outcome = outcomeRejected
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), errs)
		writeResponse(w, media, requestError(http.StatusBadRequest), resp)
		return
	}
	info.operation = operationLabel(opCtx.Operation)
	if r.Method == http.MethodGet && opCtx.Operation.Operation != ast.Query {
		info.outcome = outcomeRejected
		w.Header().Set("Allow", "POST")
		writeErrors(w, media, http.StatusMethodNotAllowed, withCode("GET runs queries only; send a mutation with POST", CodeMethodNotAllowed))
		return
	}

	responses, ctx := exec.DispatchOperation(ctx, opCtx)
	resp := responses(ctx)
	err := r.Context().Err()
	if d, ok := r.Context().Deadline(); ok && err == nil && time.Now().After(d) {
		err = context.DeadlineExceeded // the timer has not fired yet
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		// The fields resolved after the deadline all failed; one error
		// says why instead of thousands.
		info.outcome = outcomeTimeout
		writeErrors(w, media, requestError(http.StatusServiceUnavailable), withCode(fmt.Sprintf("the request took longer than the server's limit of %s", t.timeout), CodeTimeout))
		return
	case err != nil:
		info.outcome = outcomeCancelled // the client is gone: nobody reads an answer
		return
	}
	if len(resp.Data) > t.maxResponseBytes {
		info.outcome = outcomeTooLarge
		writeErrors(w, media, requestError(http.StatusBadRequest), withCode(fmt.Sprintf("the answer would exceed the server's limit of %d bytes; ask for fewer items or fields", t.maxResponseBytes), CodeResponseTooLarge))
		return
	}
	if len(resp.Errors) > 0 {
		info.outcome = outcomeError
	} else {
		info.outcome = outcomeOK
	}
	writeResponse(w, media, http.StatusOK, resp)
}

// negotiate picks the response media type from Accept: the spec's own type
// when the client lists it, application/json for a missing header,
// application/json itself or a wildcard; false when none can be given.
func negotiate(accept string) (string, bool) {
	if strings.TrimSpace(accept) == "" {
		return mediaJSON, true
	}
	json := false
	for part := range strings.SplitSeq(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil || params["q"] == "0" {
			continue
		}
		switch mt {
		case mediaGraphQLResponse:
			return mediaGraphQLResponse, true
		case mediaJSON, "application/*", "*/*":
			json = true
		}
	}
	return mediaJSON, json
}

// request is the body of a POST, the fields of the spec and no others.
type request struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
	Extensions    map[string]any `json:"extensions"`
}

// readParams reads the GraphQL request from the URL (GET) or the JSON
// body (POST), with the status to answer when it cannot.
func readParams(r *http.Request) (*graphql.RawParams, int, *gqlerror.Error) {
	start := graphql.Now()
	var req request
	switch r.Method {
	case http.MethodGet:
		q, err := url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			return nil, http.StatusBadRequest, withCode("the query string is malformed", CodeBadRequest)
		}
		req.Query, req.OperationName = q.Get("query"), q.Get("operationName")
		for name, dst := range map[string]*map[string]any{"variables": &req.Variables, "extensions": &req.Extensions} {
			if v := q.Get(name); v != "" {
				if err := decodeJSON([]byte(v), dst); err != nil {
					return nil, http.StatusBadRequest, withCode(fmt.Sprintf("%s is not a JSON object: %v", name, err), CodeBadRequest)
				}
			}
		}
	case http.MethodPost:
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || mt != mediaJSON {
			return nil, http.StatusUnsupportedMediaType, withCode("send the request as application/json", CodeUnsupportedMediaType)
		}
		body, err := io.ReadAll(r.Body)
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge):
			return nil, http.StatusRequestEntityTooLarge, withCode(fmt.Sprintf("the request body exceeds the server's limit of %d bytes", tooLarge.Limit), CodePayloadTooLarge)
		case err != nil:
			return nil, http.StatusBadRequest, withCode("the request body could not be read", CodeBadRequest)
		}
		if b := bytes.TrimLeft(body, " \t\r\n"); len(b) > 0 && b[0] == '[' {
			return nil, http.StatusBadRequest, withCode("batched requests are not supported: send one operation per request", CodeBadRequest)
		}
		if err := decodeJSON(body, &req); err != nil {
			return nil, http.StatusBadRequest, withCode(fmt.Sprintf("the body is not a GraphQL request in JSON: %v", err), CodeBadRequest)
		}
	default:
		return nil, http.StatusMethodNotAllowed, withCode("use GET or POST", CodeMethodNotAllowed)
	}
	if strings.TrimSpace(req.Query) == "" {
		return nil, http.StatusBadRequest, withCode("the request has no query", CodeBadRequest)
	}
	return &graphql.RawParams{
		Query:         req.Query,
		OperationName: req.OperationName,
		Variables:     req.Variables,
		Extensions:    req.Extensions,
		Headers:       r.Header,
		ReadTime:      graphql.TraceTiming{Start: start, End: graphql.Now()},
	}, 0, nil
}

// decodeJSON reads exactly one JSON value into v, numbers kept exact for
// gqlgen's input coercion. Decoder errors name offsets and types, never
// the input.
func decodeJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return fmt.Errorf("syntax error at byte %d", syn.Offset)
		case errors.As(err, &typ):
			if typ.Field != "" {
				return fmt.Errorf("%s must not be a JSON %s", typ.Field, typ.Value)
			}
			return fmt.Errorf("expected an object, got a JSON %s", typ.Value)
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return errors.New("unexpected end of input")
		}
		return errors.New("malformed JSON")
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("data after the JSON value")
	}
	return nil
}

func writeErrors(w http.ResponseWriter, media string, status int, errs ...*gqlerror.Error) {
	writeResponse(w, media, status, &graphql.Response{Errors: errs})
}

// wireResponse is graphql.Response with data left out when there is none:
// the spec's request errors carry no data entry at all.
type wireResponse struct {
	Errors     gqlerror.List   `json:"errors,omitempty"`
	Data       json.RawMessage `json:"data,omitempty"`
	Extensions map[string]any  `json:"extensions,omitempty"`
}

func writeResponse(w http.ResponseWriter, media string, status int, resp *graphql.Response) {
	b, err := json.Marshal(wireResponse{Errors: resp.Errors, Data: resp.Data, Extensions: resp.Extensions})
	if err != nil {
		b, status = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`), http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// operationLabel names an operation for metrics and logs by its root field,
// a set the schema bounds (client-chosen operation names are not).
func operationLabel(op *ast.OperationDefinition) string {
	name := ""
	for _, sel := range op.SelectionSet {
		f, ok := sel.(*ast.Field)
		if !ok {
			return "multiple"
		}
		if name != "" && name != f.Name {
			return "multiple"
		}
		name = f.Name
	}
	if name == "" {
		return "none"
	}
	return name
}
