package synth

import (
	"math"
	"math/rand/v2"
	"sort"
)

// histogram is a measured distribution of small counts: buckets with their
// lower bound and weight; a bucket ends where the next begins, and the last
// one, of weight zero, only marks the end of the one before.
type histogram []struct{ lo, weight int }

func (h histogram) draw(r *rand.Rand) int {
	total := 0
	for _, b := range h {
		total += b.weight
	}
	u := r.IntN(total)
	for i, b := range h[:len(h)-1] {
		if u < b.weight {
			return b.lo + r.IntN(h[i+1].lo-b.lo)
		}
		u -= b.weight
	}
	panic("unreachable")
}

// mean is the expected value of a draw, for the distribution tests.
func (h histogram) mean() float64 {
	var sum, total float64
	for i, b := range h[:len(h)-1] {
		sum += float64(b.weight) * float64(b.lo+h[i+1].lo-1) / 2
		total += float64(b.weight)
	}
	return sum / total
}

// weighted picks one of its items with probability proportional to its weight.
type weighted[T any] struct {
	items   []T
	weights []float64
}

func (w weighted[T]) draw(r *rand.Rand) T {
	var total float64
	for _, x := range w.weights {
		total += x
	}
	u := r.Float64() * total
	for i, x := range w.weights {
		if u < x {
			return w.items[i]
		}
		u -= x
	}
	return w.items[len(w.items)-1]
}

// powerLaw draws ranks 0..n-1 with probability proportional to
// (rank+1)^-s, for any s > 0 (math/rand/v2's Zipf needs s > 1).
type powerLaw struct{ cdf []float64 }

func newPowerLaw(n int, s float64) powerLaw {
	cdf := make([]float64, n)
	sum := 0.0
	for i := range cdf {
		sum += math.Pow(float64(i+1), -s)
		cdf[i] = sum
	}
	return powerLaw{cdf}
}

func (p powerLaw) draw(r *rand.Rand) int {
	return sort.SearchFloat64s(p.cdf, r.Float64()*p.cdf[len(p.cdf)-1])
}

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }
