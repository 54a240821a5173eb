package export

import (
	"context"
	"testing"

	"github.com/uncite/uncite"
)

// recorder is a Store that records the graph-view call it receives; any
// other method would panic on the nil interface.
type recorder struct {
	uncite.Store
	call string
	id   string
	f    uncite.DocumentFilter
	n    int
}

func (r *recorder) Neighborhood(_ context.Context, id string, depth, limit int) (*uncite.Subgraph, error) {
	r.call, r.id, r.n = "Neighborhood", id, depth*10000+limit
	return &uncite.Subgraph{}, nil
}

func (r *recorder) FilterSubgraph(_ context.Context, f uncite.DocumentFilter, limit int) (*uncite.Subgraph, error) {
	r.call, r.f, r.n = "FilterSubgraph", f, limit
	return &uncite.Subgraph{}, nil
}

func TestSelection(t *testing.T) {
	ctx := context.Background()
	r := &recorder{}
	if _, err := (Selection{IDs: []string{"State:ARM"}, Depth: 2, Limit: 50}).Subgraph(ctx, r); err != nil || r.call != "Neighborhood" || r.id != "State:ARM" || r.n != 20050 {
		t.Errorf("neighbourhood: %v, %+v", err, r)
	}
	r = &recorder{}
	in := uncite.DocumentFilter{Body: " hrc ", Author: "aze", Language: "FR", Cites: "s/res/822(1993)"}
	if _, err := (Selection{Filter: in, Limit: 200}).Subgraph(ctx, r); err != nil || r.call != "FilterSubgraph" || r.n != 200 {
		t.Fatalf("filter: %v, %+v", err, r)
	}
	if want := (uncite.DocumentFilter{Body: "HRC", Author: "AZE", Language: "fr", Cites: "S/RES/822 (1993)"}); r.f != want {
		t.Errorf("filter passed as %+v, want %+v", r.f, want)
	}

	for name, s := range map[string]Selection{
		"depth 0":        {IDs: []string{"State:ARM"}, Depth: 0, Limit: 1},
		"depth too deep": {IDs: []string{"State:ARM"}, Depth: uncite.MaxNeighborhoodDepth + 1, Limit: 1},
		"limit 0":        {IDs: []string{"State:ARM"}, Depth: 1},
		"limit too big":  {Limit: uncite.MaxNeighborhoodLimit + 1},
		"bad id":         {IDs: []string{"ARM"}, Depth: 1, Limit: 1},
		"id and filter":  {IDs: []string{"State:ARM"}, Depth: 1, Limit: 1, Filter: uncite.DocumentFilter{Body: "HRC"}},
		"bad symbol":     {Limit: 1, Filter: uncite.DocumentFilter{Cites: "not a symbol"}},
	} {
		r := &recorder{}
		if _, err := s.Subgraph(ctx, r); uncite.ErrorCode(err) != uncite.EINVALID || r.call != "" {
			t.Errorf("%s: err %v, store called %q; want an invalid-input error first", name, err, r.call)
		}
	}
}

func TestFilename(t *testing.T) {
	for _, c := range []struct {
		ids  []string
		want string
	}{
		{[]string{"Resolution:S/RES/822 (1993)"}, "uncite-Resolution_S_RES_822_1993.graphml"},
		{[]string{"State:CÔTE", "State:ARM"}, "uncite-State_C_TE.graphml"},
		{nil, "uncite-documents.graphml"},
	} {
		if got := (Selection{IDs: c.ids}).Filename(GraphML); got != c.want {
			t.Errorf("Filename(%q) = %q, want %q", c.ids, got, c.want)
		}
	}
	if got := (Selection{}).Filename(CSV); got != "uncite-documents.zip" {
		t.Errorf("CSV filename %q", got)
	}
}
