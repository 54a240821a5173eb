package synth

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

func TestDeterministic(t *testing.T) {
	a, b := Corpus(2000, 7), Corpus(2000, 7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two corpora of the same seed differ")
	}
	if c := Corpus(2000, 8); reflect.DeepEqual(a, c) {
		t.Fatal("two seeds gave the same corpus")
	}
	// A stream stopped early yields the start of the corpus.
	i := 0
	for d := range Stream(2000, 7) {
		if !reflect.DeepEqual(d, a[i]) {
			t.Fatalf("document %d of the stream differs from the corpus", i)
		}
		if i++; i == 100 {
			break
		}
	}
}

// TestShape checks a corpus against the measured distributions and the
// invariants the stores rely on.
func TestShape(t *testing.T) {
	const n = 20000
	docs := Corpus(n, 1)
	if len(docs) != n {
		t.Fatalf("%d documents, want %d", len(docs), n)
	}
	ids := map[string]bool{}
	var resolutions, authored, withCitations, citations, mentions int
	cites := map[string]int{}
	agendaTitles := map[string]string{}
	for _, d := range docs {
		if ids[d.ID] {
			t.Fatalf("duplicate id %q", d.ID)
		}
		ids[d.ID] = true
		if d.Type == "resolution" {
			resolutions++
			if c, err := uncite.ParseResolutionSymbol(d.Symbol); err != nil || c.Symbol != d.Symbol {
				t.Errorf("resolution document %q has no canonical resolution symbol", d.ID)
			}
		}
		if d.Author != "" {
			authored++
			if _, ok := refdata.StateByCode(d.Author); !ok {
				t.Errorf("%s: unknown author %q", d.ID, d.Author)
			}
		}
		if len(d.Citations) > 0 {
			withCitations++
		}
		citations += len(d.Citations)
		mentions += len(d.Mentions)
		for _, c := range d.Citations {
			cites[c.Symbol]++
			if p, err := uncite.ParseResolutionSymbol(c.Symbol); err != nil || p.Symbol != c.Symbol || p.Body != c.Body {
				t.Errorf("%s: citation %+v is not canonical", d.ID, c)
			}
			if c.Count < 1 {
				t.Errorf("%s: citation %s counted %d times", d.ID, c.Symbol, c.Count)
			}
		}
		if d.Type != "resolution" && (d.Body == uncite.BodyGA || d.Body == uncite.BodyHRC) && d.Session == 0 {
			t.Errorf("%s: %s document without session", d.ID, d.Body)
		}
		if d.Body == uncite.BodyGA && d.Session != 0 && (d.Session < 60 || d.Session > 80) ||
			d.Body == uncite.BodyHRC && (d.Session < 1 || d.Session > 60) {
			t.Errorf("%s: session %s-%d out of range", d.ID, d.Body, d.Session)
		}
		if d.SessionStart != "" && !(d.SessionStart < d.SessionEnd) {
			t.Errorf("%s: session from %s to %s", d.ID, d.SessionStart, d.SessionEnd)
		}
		for _, a := range d.AgendaItems {
			key := uncite.AgendaItemKey(d.Body, d.Session, a.Number)
			if prev, ok := agendaTitles[key]; ok && prev != a.Title {
				t.Errorf("agenda item %s titled %q and %q", key, prev, a.Title)
			}
			agendaTitles[key] = a.Title
		}
		if d.Text == "" || len(d.Text) > 2000 {
			t.Errorf("%s: text of %d bytes", d.ID, len(d.Text))
		}
	}

	// Resolutions are capped at scale; at 20,000 documents the cap holds.
	if resolutions < n/10 || resolutions > n/2 {
		t.Errorf("%d resolution documents of %d", resolutions, n)
	}
	if share := float64(authored) / n; share < 0.1 || share > 0.35 {
		t.Errorf("author share %.2f", share)
	}
	if share := float64(withCitations) / n; share < 0.7 || share > 0.9 {
		t.Errorf("share of documents citing something %.2f, measured 0.81", share)
	}
	want := resolutionShare(resolutions, n, citationsResolution.mean(), citationsOther.mean())
	if mean := float64(citations) / n; math.Abs(mean-want) > 0.15*want {
		t.Errorf("%.2f citations per document, want about %.2f", mean, want)
	}
	want = resolutionShare(resolutions, n, mentionsResolution.mean(), mentionsOther.mean())
	if mean := float64(mentions) / n; math.Abs(mean-want) > 0.15*want {
		t.Errorf("%.2f mentions per document, want about %.2f", mean, want)
	}

	// Popularity is heavy-headed: the top resolution is cited by a few
	// percent of documents, most resolutions by a handful.
	top, once := 0, 0
	for _, c := range cites {
		top = max(top, c)
		if c == 1 {
			once++
		}
	}
	if top < n/100 || top > n/5 {
		t.Errorf("most cited resolution cited %d times in %d documents", top, n)
	}
	if once == 0 || len(cites) < 1000 {
		t.Errorf("%d resolutions cited, %d once", len(cites), once)
	}
	if cites["A/RES/70/1"] < top/4 {
		t.Errorf("A/RES/70/1 cited %d times, top %d: the measured head is not at the head", cites["A/RES/70/1"], top)
	}

	// Some citations point at resolutions that are documents of the
	// corpus, so resolution-to-resolution chains exist.
	chained := 0
	for _, d := range docs {
		for _, c := range d.Citations {
			if ids[c.Symbol] {
				chained++
			}
		}
	}
	if chained < n/10 {
		t.Errorf("%d citations of resolutions in the corpus", chained)
	}

	// Every search query of the benchmarks finds documents, the common
	// ones more than the rare.
	hits := make([]int, len(SearchQueries))
	for _, d := range docs {
		words := map[string]bool{}
		for _, w := range uncite.Words(d.Title + " " + d.Text) {
			words[w] = true
		}
		for i, q := range SearchQueries {
			all := true
			for _, w := range strings.Fields(q) {
				all = all && words[w]
			}
			if all {
				hits[i]++
			}
		}
	}
	if hits[0] < n/2 || hits[1] < 100 || hits[2] < 10 || hits[0] <= hits[1] || hits[1] <= hits[2] || hits[3] == 0 {
		t.Errorf("search hits %v for %q", hits, SearchQueries)
	}
	t.Logf("%d resolutions, %d authored, %.2f citations and %.2f mentions per document, top resolution cited %d times, %d citations of corpus resolutions, search hits %v",
		resolutions, authored, float64(citations)/n, float64(mentions)/n, top, chained, hits)
}

func resolutionShare(res, n int, resMean, otherMean float64) float64 {
	return (float64(res)*resMean + float64(n-res)*otherMean) / float64(n)
}

func TestSessionDates(t *testing.T) {
	for _, c := range []struct {
		body       string
		n          int
		start, end string
	}{
		{"GA", 78, "2023-09-05", "2024-09-09"},
		{"GA", 79, "2024-09-10", "2025-09-08"},
		{"HRC", 43, "2020-02-24", "2020-03-27"},
		{"HRC", 59, "2025-06-16", "2025-07-11"},
		{"HRC", 60, "2025-09-08", "2025-10-03"},
	} {
		s, e := sessionDates(c.body, c.n)
		if iso(s) != c.start || iso(e) != c.end {
			t.Errorf("%s-%d: %s to %s, want %s to %s", c.body, c.n, iso(s), iso(e), c.start, c.end)
		}
	}
}

func BenchmarkCorpus(b *testing.B) {
	for b.Loop() {
		Corpus(10000, 1)
	}
}
