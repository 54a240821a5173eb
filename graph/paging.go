package graph

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/graph/model"
	"github.com/uncite/uncite/internal/nullable"
)

const cursorPrefix = "offset:"

// page turns Relay arguments into a store page. Cursors are opaque to
// clients but are plain offsets underneath: every listing has a stable order.
func page(first *int, after *string, def int) (uncite.Page, error) {
	limit := def
	if first != nil {
		limit = *first
	}
	if limit < 0 || limit > uncite.MaxPageSize {
		return uncite.Page{}, uncite.Errorf(uncite.EINVALID, "first must be between 0 and %d, got %d", uncite.MaxPageSize, limit)
	}
	p := uncite.Page{Limit: limit}
	if after != nil && *after != "" {
		raw, err := base64.StdEncoding.DecodeString(*after)
		off, convErr := strconv.Atoi(strings.TrimPrefix(string(raw), cursorPrefix))
		if err != nil || convErr != nil || !strings.HasPrefix(string(raw), cursorPrefix) || off < 0 {
			return uncite.Page{}, uncite.Errorf(uncite.EINVALID, "invalid cursor %q", *after)
		}
		p.Offset = off + 1
	}
	return p, nil
}

func cursor(offset int) string {
	return base64.StdEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(offset)))
}

func pageInfo(p uncite.Page, n, total int) *model.PageInfo {
	info := &model.PageInfo{HasNextPage: p.Offset+n < total}
	if n > 0 {
		c := cursor(p.Offset + n - 1)
		info.EndCursor = &c
	}
	return info
}

// edges lists the Relay edges of a page of nodes, each with its cursor.
func edges[T, E any](nodes []T, p uncite.Page, edge func(cursor string, node T) E) []E {
	out := make([]E, len(nodes))
	for i, n := range nodes {
		out[i] = edge(cursor(p.Offset+i), n)
	}
	return out
}

func documentConnection(docs []*uncite.Document, total int, p uncite.Page) *model.DocumentConnection {
	return &model.DocumentConnection{TotalCount: total, Nodes: nullable.List(docs), PageInfo: pageInfo(p, len(docs), total),
		Edges: edges(docs, p, func(c string, d *uncite.Document) *model.DocumentEdge { return &model.DocumentEdge{Cursor: c, Node: d} })}
}

func resolutionConnection(rs []*uncite.Resolution, total int, p uncite.Page) *model.ResolutionConnection {
	return &model.ResolutionConnection{TotalCount: total, Nodes: nullable.List(rs), PageInfo: pageInfo(p, len(rs), total),
		Edges: edges(rs, p, func(c string, r *uncite.Resolution) *model.ResolutionEdge {
			return &model.ResolutionEdge{Cursor: c, Node: r}
		})}
}

func stateConnection(ss []*uncite.State, total int, p uncite.Page) *model.StateConnection {
	return &model.StateConnection{TotalCount: total, Nodes: nullable.List(ss), PageInfo: pageInfo(p, len(ss), total),
		Edges: edges(ss, p, func(c string, s *uncite.State) *model.StateEdge { return &model.StateEdge{Cursor: c, Node: s} })}
}
