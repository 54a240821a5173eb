package extract

import (
	"strings"
	"testing"
	"time"
)

// TestLinearTime feeds inputs that would make a careless scan quadratic (one
// endless paragraph full of citations, names, slashes, keywords) and fails
// when doubling the input more than triples the time.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	units := map[string]string{
		"citations": "resolution 822 (1993), ",
		"names":     "Armenia and ",
		"slashes":   "A/",
		"keywords":  "solu",
		"numbers":   "1 (1993) ",
		"chinese":   "第1(1999)、",
		"arabic":    "قرار ",
	}
	for name, unit := range units {
		t.Run(name, func(t *testing.T) {
			n := 40000 / len(unit)
			small := timeExtract(strings.Repeat(unit, n))
			large := timeExtract(strings.Repeat(unit, 4*n))
			if large > 12*small+50*time.Millisecond {
				t.Errorf("4× the input took %v against %v: not linear", large, small)
			}
		})
	}
}

func timeExtract(s string) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range 3 {
		start := time.Now()
		Extract("x.txt", s)
		best = min(best, time.Since(start))
	}
	return best
}
