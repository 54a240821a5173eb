package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/loader"
)

// LoadPath is where files are posted to be loaded into the running server.
const LoadPath = "/load"

// DefaultMaxUploadBytes caps the body of a POST /load.
const DefaultMaxUploadBytes = 256 << 20

// loadReply is the JSON answer of POST /load: what `uncite load` prints.
type loadReply struct {
	Files     int          `json:"files"`
	Written   int          `json:"written"`
	Unchanged int          `json:"unchanged"`
	Bytes     int64        `json:"bytes"`
	Failed    []fileFailed `json:"failed"`
	Error     string       `json:"error,omitempty"` // the store failed: batches before it are written
}

type fileFailed struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

// loadHandler extracts the files of a multipart/form-data POST and writes
// them to the store through the loader, as `uncite load` does: a bad file is
// reported by name and skipped, the others are written. Only a request
// bearing the write token is served; without a token configured, writes
// are off.
//
// Status: 200 when every file was written or unchanged, 422 when some
// failed (the others are written), 503 when the store failed (the reply
// says how many documents were written before), 401 without the right
// token, 403 when writes are off, 413 for a body over the limit.
func loadHandler(store uncite.Store, token string, maxBytes int64, avail *availability, log *slog.Logger) http.HandlerFunc {
	want := sha256.Sum256([]byte(token))
	return func(w http.ResponseWriter, r *http.Request) {
		if token == "" {
			writeError(w, http.StatusForbidden, CodeForbidden, "writes are off: start the server with --write-token or UNCITE_WRITE_TOKEN")
			return
		}
		// Comparing digests keeps the comparison constant-time whatever
		// the length of what was sent.
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		sum := sha256.Sum256([]byte(got))
		if !ok || subtle.ConstantTimeCompare(sum[:], want[:]) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="uncite"`)
			writeError(w, http.StatusUnauthorized, CodeUnauthenticated, "a valid bearer token is required to load documents")
			return
		}
		if r.ContentLength > maxBytes {
			writeError(w, http.StatusRequestEntityTooLarge, CodePayloadTooLarge, fmt.Sprintf("the body is over the %d MB limit", maxBytes>>20))
			return
		}
		// The server's read and write timeouts suit queries; a large
		// upload and its load take longer, and only a holder of the token
		// gets here.
		rc := http.NewResponseController(w)
		_ = rc.SetReadDeadline(time.Time{})
		_ = rc.SetWriteDeadline(time.Time{})
		r.Body = http.MaxBytesReader(w, r.Body, maxBytes)
		srcs, err := readUploads(r)
		if err != nil {
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				writeError(w, http.StatusRequestEntityTooLarge, CodePayloadTooLarge, fmt.Sprintf("the body is over the %d MB limit", maxBytes>>20))
				return
			}
			writeError(w, http.StatusBadRequest, CodeBadRequest, err.Error())
			return
		}
		l := &loader.Loader{Store: store}
		rep, err := l.LoadSources(r.Context(), srcs)
		reply := loadReply{Failed: []fileFailed{}}
		if rep != nil {
			reply.Files, reply.Written, reply.Unchanged, reply.Bytes = rep.Files, rep.Written, rep.Unchanged, rep.Bytes
			for _, f := range rep.Failed {
				reply.Failed = append(reply.Failed, fileFailed{File: f.Path, Error: f.Err.Error()})
			}
		}
		status := http.StatusOK
		switch {
		case err != nil:
			avail.failed(err)
			log.Error("load over HTTP failed", "written", reply.Written, "err", cause(err))
			reply.Error = uncite.ErrorMessage(err) + fmt.Sprintf("; %d documents were written before the failure", reply.Written)
			status = http.StatusServiceUnavailable
		case len(reply.Failed) > 0:
			status = http.StatusUnprocessableEntity
		}
		log.Info("documents loaded over HTTP", "files", reply.Files, "written", reply.Written, "unchanged", reply.Unchanged, "failed", len(reply.Failed))
		writeJSON(w, status, reply)
	}
}

// readUploads reads every file part of a multipart/form-data body into a
// source named by its file name. A part named like a document plus
// loader.SidecarSuffix is that document's metadata sidecar when the
// document is posted too; other fields are ignored.
func readUploads(r *http.Request) ([]loader.Source, error) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "multipart/form-data" {
		return nil, errors.New("post the files as multipart/form-data")
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	var names []string
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		name := part.FileName()
		if name == "" {
			continue
		}
		// Over the per-file limit is the file's own failure, reported
		// with the others; its bytes are still read past.
		b, err := io.ReadAll(io.LimitReader(part, loader.DefaultMaxFileSize+1))
		if err != nil {
			return nil, err
		}
		if _, dup := files[name]; !dup {
			names = append(names, name)
		}
		files[name] = b
	}
	if len(names) == 0 {
		return nil, errors.New("no files in the request")
	}
	var srcs []loader.Source
	for _, name := range names {
		if strings.HasSuffix(name, loader.SidecarSuffix) {
			if _, ok := files[strings.TrimSuffix(name, loader.SidecarSuffix)]; ok {
				continue
			}
		}
		b, meta := files[name], files[name+loader.SidecarSuffix]
		srcs = append(srcs, loader.Source{
			Name: path.Base(strings.ReplaceAll(name, `\`, "/")),
			Read: func() ([]byte, error) {
				if len(b) > loader.DefaultMaxFileSize {
					return nil, fmt.Errorf("file is over the %d MB limit", loader.DefaultMaxFileSize>>20)
				}
				return b, nil
			},
			Sidecar: func() ([]byte, error) { return meta, nil },
		})
	}
	return srcs, nil
}

// writeError answers a request error in the shape of GraphQL errors.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeErrors(w, mediaJSON, status, withCode(msg, code))
}
