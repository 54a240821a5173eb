package server

import (
	"log/slog"
	"maps"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/export"
)

// ExportPath serves graph views as files: GraphML, GEXF or zipped CSV.
const ExportPath = "/export"

// Query parameters of the export endpoint; the filter ones are named as
// the fields of the GraphQL DocumentFilter input.
var (
	neighborhoodParams = []string{"id", "depth"}
	filterParams       = []string{"body", "session", "agendaItem", "author", "mentions", "cites", "type", "language", "dateFrom", "dateTo", "symbol"}
	commonParams       = []string{"format", "limit"}
)

// exportHandler answers GET /export?format=F with either id=NODE[&depth=N]
// (id repeated for the union of several neighbourhoods) or document filters, and optionally limit=N. The response is the whole
// file, served as a download; X-Uncite-Truncated says when a limit cut the
// graph short, since not every format can carry that.
func exportHandler(store uncite.Store, avail *availability, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		format, sel, err := parseExport(r.URL.Query())
		var g *uncite.Subgraph
		if err == nil {
			g, err = sel.Subgraph(r.Context(), store)
		}
		switch uncite.ErrorCode(err) {
		case uncite.EINVALID:
			http.Error(w, uncite.ErrorMessage(err), http.StatusBadRequest)
			return
		case uncite.ENOTFOUND:
			http.Error(w, uncite.ErrorMessage(err), http.StatusNotFound)
			return
		case uncite.EUNAVAILABLE:
			avail.failed(err)
			w.Header().Set("Retry-After", "1")
			http.Error(w, uncite.ErrorMessage(err), http.StatusServiceUnavailable)
			return
		}
		if err != nil {
			log.Error("export failed", "query", r.URL.RawQuery, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", format.ContentType())
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": sel.Filename(format)}))
		if g.Truncated {
			h.Set("X-Uncite-Truncated", "true")
		}
		// The status is out once writing starts: a failure now is the
		// client going away, worth a log line and no more.
		if err := export.Write(w, format, g); err != nil {
			log.Warn("export: writing the response", "err", err)
		}
	})
}

// parseExport reads the query string. Unknown parameters are rejected so
// that a misspelt filter does not silently export everything.
func parseExport(q url.Values) (export.Format, export.Selection, error) {
	sel := export.Selection{Depth: export.DefaultDepth, Limit: export.DefaultLimit}
	for _, name := range slices.Sorted(maps.Keys(q)) {
		if !slices.Contains(commonParams, name) && !slices.Contains(neighborhoodParams, name) && !slices.Contains(filterParams, name) {
			return "", sel, uncite.Errorf(uncite.EINVALID, "unknown parameter %q: use format, limit, and either id and depth or the document filters %s",
				name, strings.Join(filterParams, ", "))
		}
	}
	format, err := export.ParseFormat(q.Get("format"))
	if err != nil {
		return "", sel, err
	}
	if q.Has("depth") && !q.Has("id") {
		return "", sel, uncite.Errorf(uncite.EINVALID, "depth needs id, the node to start from")
	}
	for _, p := range []struct {
		name string
		to   *int
	}{{"depth", &sel.Depth}, {"limit", &sel.Limit}, {"session", &sel.Filter.Session}} {
		if !q.Has(p.name) {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(q.Get(p.name)))
		if err != nil {
			return "", sel, uncite.Errorf(uncite.EINVALID, "%s must be a whole number, got %q", p.name, q.Get(p.name))
		}
		*p.to = n
	}
	for _, id := range q["id"] {
		if id = strings.TrimSpace(id); id == "" {
			return "", sel, uncite.Errorf(uncite.EINVALID, "id is empty: give a node id such as %q", "Resolution:S/RES/822 (1993)")
		}
		sel.IDs = append(sel.IDs, id)
	}
	f := &sel.Filter
	for name, p := range map[string]*string{
		"body": &f.Body, "agendaItem": &f.AgendaItem, "author": &f.Author, "mentions": &f.Mentions, "cites": &f.Cites,
		"type": &f.Type, "language": &f.Language, "dateFrom": &f.DateFrom, "dateTo": &f.DateTo, "symbol": &f.Symbol,
	} {
		*p = q.Get(name)
	}
	return format, sel, nil
}
