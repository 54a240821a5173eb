package memstore

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/uncite/uncite"
)

// TestPartnersAfterReplace checks the co-citation counts that writes keep
// against a fresh store of the same final documents: documents are
// replaced several times over, so that resolutions cross partnersFrom in
// both directions, and the fresh store is loaded in reverse order, so that
// it starts counting at other moments.
func TestPartnersAfterReplace(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	// Resolution 0 is cited by nearly every document, the others by around
	// partnersFrom documents each, some more, some fewer.
	var symbols []uncite.Citation
	for i := range 8 {
		c, err := uncite.ParseResolutionSymbol(fmt.Sprintf("S/RES/%d (2000)", 1300+i))
		if err != nil {
			t.Fatal(err)
		}
		c.Count = 1
		symbols = append(symbols, c)
	}
	const docs = 2500
	version := func(i int) *uncite.Document {
		d := &uncite.Document{ID: fmt.Sprintf("D%04d", i)}
		for j, c := range symbols {
			p := 0.25 + 0.05*float64(j)
			if j == 0 {
				p = 0.9
			}
			if rng.Float64() < p {
				d.Citations = append(d.Citations, c)
			}
		}
		return d
	}
	final := make([]*uncite.Document, docs)
	for i := range final {
		final[i] = version(i)
	}
	s := New()
	if _, err := s.WriteDocuments(ctx, final); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		var batch []*uncite.Document
		for _, i := range rng.Perm(docs)[:800] {
			final[i] = version(i)
			batch = append(batch, final[i])
		}
		if _, err := s.WriteDocuments(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	fresh := New()
	for _, d := range slices.Backward(final) {
		if _, err := fresh.WriteDocuments(ctx, []*uncite.Document{d}); err != nil {
			t.Fatal(err)
		}
	}

	counted := 0
	for _, r := range s.resByIdx {
		if r.partners == nil {
			continue
		}
		counted++
		got := map[string]int32{}
		for idx, n := range r.partners {
			got[s.resByIdx[idx].Symbol] = n
		}
		want := map[string]int32{}
		counts, touched := fresh.countPartners(fresh.resolutions[r.Symbol])
		for _, idx := range touched {
			want[fresh.resByIdx[idx].Symbol] = counts[idx]
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: partners %v, want %v", r.Symbol, got, want)
		}
	}
	if counted < 2 {
		t.Errorf("%d resolutions keep partners, want several", counted)
	}
	var all []string
	for _, c := range symbols {
		all = append(all, c.Symbol)
	}
	got, err := s.CoCited(ctx, all, uncite.MaxPageSize, uncite.MaxPageSize)
	want, werr := fresh.CoCited(ctx, all, uncite.MaxPageSize, uncite.MaxPageSize)
	if err != nil || werr != nil {
		t.Fatal(err, werr)
	}
	if len(got) != len(all) || !reflect.DeepEqual(got, want) {
		t.Errorf("CoCited(%v) = %v; fresh store: %v", all, got, want)
	}
}
