package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/graph/model"
	"github.com/uncite/uncite/refdata"
)

// found turns a store's not-found error into a null result, which is how
// GraphQL says "no such node"; every other error is passed on.
func found[T any](v *T, err error) (*T, error) {
	if err != nil && uncite.ErrorCode(err) == uncite.ENOTFOUND {
		return nil, nil
	}
	return v, err
}

func body(code string) *model.Body {
	if code == "" {
		return nil
	}
	return &model.Body{Code: code, Name: uncite.BodyNames[code]}
}

// state reads names from the reference tables, which every store holds in
// full, so lists of States cost no store round trip.
func state(code string) *uncite.State {
	s, ok := refdata.StateByCode(code)
	if !ok {
		return &uncite.State{Code: code, Name: code}
	}
	return &uncite.State{Code: s.Code, Name: s.Name}
}

func upper(s *string) string {
	if s == nil {
		return ""
	}
	return strings.ToUpper(strings.TrimSpace(*s))
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return strings.TrimSpace(*s)
}

func num(n *int) int {
	if n == nil {
		return 0
	}
	return *n
}

// documents lists a parent's documents, those matching f. The listings of
// sibling parents are batched into one store call.
func (r *Resolver) documents(ctx context.Context, f uncite.DocumentFilter, first *int, after *string) (*model.DocumentConnection, error) {
	p, err := page(first, after, 20)
	if err != nil {
		return nil, err
	}
	q := connectionQuery(ctx, selection(ctx), uncite.DocumentQuery{Filter: f, Page: p})
	res, err := load(ctx, loadersFrom(ctx).documentPages, q)
	if err != nil {
		return nil, err
	}
	return documentConnection(res.Documents, res.Total, p), nil
}

func documentFilter(f *model.DocumentFilter) (uncite.DocumentFilter, error) {
	if f == nil {
		return uncite.DocumentFilter{}, nil
	}
	return uncite.DocumentFilter{
		Symbol: str(f.Symbol), Body: str(f.Body), Session: num(f.Session), AgendaItem: str(f.AgendaItem),
		Author: str(f.Author), Mentions: str(f.Mentions), Cites: str(f.Cites), Type: str(f.Type),
		Language: str(f.Language), DateFrom: str(f.DateFrom), DateTo: str(f.DateTo),
	}.Normalize()
}

// resolution loads a cited resolution. Every cited symbol has a node, so a
// miss means the store changed under the request.
func (r *Resolver) resolution(ctx context.Context, symbol string) (*uncite.Resolution, error) {
	if symbolOnly(ctx) {
		return &uncite.Resolution{Symbol: symbol}, nil
	}
	res, err := load(ctx, loadersFrom(ctx).resolutions, symbol)
	if err == nil && res == nil {
		return nil, fmt.Errorf("resolution %q is cited but not in the store", symbol)
	}
	return res, err
}

// bounded reads an optional count argument, rejecting values past max
// rather than clamping them.
func bounded(name string, v *int, def, max int) (int, error) {
	n := def
	if v != nil {
		n = *v
	}
	if n < 0 || n > max {
		return 0, uncite.Errorf(uncite.EINVALID, "%s must be between 0 and %d, got %d", name, max, n)
	}
	return n, nil
}

func pointers[T any](s []T) []*T {
	out := make([]*T, len(s))
	for i := range s {
		out[i] = &s[i]
	}
	return out
}
