package graph

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/graph/model"
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

func documentConnection(docs []*uncite.Document, total int, p uncite.Page) *model.DocumentConnection {
	c := &model.DocumentConnection{TotalCount: total, Nodes: docs, Edges: []*model.DocumentEdge{}, PageInfo: pageInfo(p, len(docs), total)}
	if c.Nodes == nil {
		c.Nodes = []*uncite.Document{}
	}
	for i, d := range docs {
		c.Edges = append(c.Edges, &model.DocumentEdge{Cursor: cursor(p.Offset + i), Node: d})
	}
	return c
}

func resolutionConnection(rs []*uncite.Resolution, total int, p uncite.Page) *model.ResolutionConnection {
	c := &model.ResolutionConnection{TotalCount: total, Nodes: rs, Edges: []*model.ResolutionEdge{}, PageInfo: pageInfo(p, len(rs), total)}
	if c.Nodes == nil {
		c.Nodes = []*uncite.Resolution{}
	}
	for i, r := range rs {
		c.Edges = append(c.Edges, &model.ResolutionEdge{Cursor: cursor(p.Offset + i), Node: r})
	}
	return c
}

func stateConnection(ss []*uncite.State, total int, p uncite.Page) *model.StateConnection {
	c := &model.StateConnection{TotalCount: total, Nodes: ss, Edges: []*model.StateEdge{}, PageInfo: pageInfo(p, len(ss), total)}
	if c.Nodes == nil {
		c.Nodes = []*uncite.State{}
	}
	for i, s := range ss {
		c.Edges = append(c.Edges, &model.StateEdge{Cursor: cursor(p.Offset + i), Node: s})
	}
	return c
}
