// Package synth generates synthetic but realistic uncite documents for
// benchmarks: the same shapes as the real extraction (citations, mentions,
// authors, sessions, agenda items, references per document, measured on the
// shared corpus, see params.go), over the real States and resolution
// symbols of refdata, with Zipf-like popularity so that some resolutions
// and States are cited far more than others. Output depends only on n and
// the seed.
package synth

import (
	"fmt"
	"hash/fnv"
	"iter"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// Corpus returns n documents generated from seed; the same arguments always
// give the same documents.
func Corpus(n int, seed int64) []*uncite.Document {
	docs := make([]*uncite.Document, 0, n)
	for d := range Stream(n, seed) {
		docs = append(docs, d)
	}
	return docs
}

// Stream yields the documents of Corpus(n, seed) one by one, for loads that
// should not hold the whole corpus at once.
func Stream(n int, seed int64) iter.Seq[*uncite.Document] {
	return func(yield func(*uncite.Document) bool) {
		g := newGenerator(n, seed)
		for i := range n {
			if !yield(g.document(i)) {
				return
			}
		}
	}
}

// generator holds the state of one corpus: its random source, the
// popularity rankings, the resolutions chosen to be documents and the
// counters that keep document symbols unique.
type generator struct {
	r          *rand.Rand
	n, resDocs int
	bodies     map[string]*popularity
	resolution []*resolution // those that are documents, in order of appearance
	states     []string      // alpha-3 codes in popularity order
	mentionLaw powerLaw
	authorLaw  powerLaw
	wordLaw    *rand.Zipf
	symbols    []string // symbols of the non-resolution documents so far
	next       map[string]int
}

func newGenerator(n int, seed int64) *generator {
	// A fixed second word keeps the stream of a seed stable across releases.
	r := rand.New(rand.NewPCG(uint64(seed), 0x756e63697465))
	g := &generator{r: r, n: n, bodies: map[string]*popularity{}, next: map[string]int{}}
	u := universe()
	for _, body := range []string{uncite.BodySC, uncite.BodyGA, uncite.BodyHRC, uncite.BodyECOSOC, uncite.BodyCHR} {
		g.bodies[body] = newPopularity(u[body], r)
	}
	// Resolution documents: a seeded choice of Security Council and General
	// Assembly resolutions in the measured proportion, at most half of each.
	sc, ga := slices.Clone(u[uncite.BodySC]), slices.Clone(u[uncite.BodyGA])
	r.Shuffle(len(sc), func(i, j int) { sc[i], sc[j] = sc[j], sc[i] })
	r.Shuffle(len(ga), func(i, j int) { ga[i], ga[j] = ga[j], ga[i] })
	want := int(float64(n)*resolutionDocShare + 0.5)
	nSC := min(int(float64(want)*scResolutionDocShare+0.5), int(float64(len(sc))*maxResolutionDocShare))
	nGA := min(want-nSC, int(float64(len(ga))*maxResolutionDocShare))
	g.resolution = append(sc[:nSC:nSC], ga[:nGA]...)
	r.Shuffle(len(g.resolution), func(i, j int) { g.resolution[i], g.resolution[j] = g.resolution[j], g.resolution[i] })
	g.resDocs = len(g.resolution)

	for _, s := range refdata.States() {
		g.states = append(g.states, s.Code)
	}
	r.Shuffle(len(g.states), func(i, j int) { g.states[i], g.states[j] = g.states[j], g.states[i] })
	g.mentionLaw = newPowerLaw(len(g.states), mentionPopularity)
	g.authorLaw = newPowerLaw(len(g.states), authorPopularity)
	g.wordLaw = rand.NewZipf(r, 1.1, 2, uint64(len(words)-1))
	return g
}

// document generates document i. Resolution documents are spread evenly
// through the corpus so that any prefix has the same mix.
func (g *generator) document(i int) *uncite.Document {
	if g.resDocs > 0 && (i+1)*g.resDocs/g.n > i*g.resDocs/g.n {
		return g.resolutionDocument(g.resolution[i*g.resDocs/g.n])
	}
	return g.otherDocument(i)
}

func (g *generator) resolutionDocument(res *resolution) *uncite.Document {
	r := g.r
	d := &uncite.Document{ID: res.cite.Symbol, Symbol: res.cite.Symbol, Type: "resolution", Body: res.cite.Body}
	year := res.year
	switch {
	case res.date != "":
		d.Date = res.date
	case res.gaSession != 0:
		start, _ := gaSessionDates(res.gaSession)
		// The Assembly adopts most resolutions in the autumn and December.
		d.Date = iso(start.AddDate(0, 0, 30+r.IntN(100)))
	default:
		d.Date = fmt.Sprintf("%d-%02d-%02d", year, 1+r.IntN(12), 1+r.IntN(28))
	}
	if res.gaSession != 0 {
		d.Session = res.gaSession
		d.AgendaItems = g.agendaItems(uncite.BodyGA, d.Session)
	}
	if res.title != "" && chance(r, titleShare) {
		d.Title = res.title
	}
	if chance(r, resolutionAuthorShare) {
		d.Author = g.states[g.authorLaw.draw(r)]
	}
	g.fill(d, year, citationsResolution, mentionsResolution, referencesResolution)
	return d
}

func (g *generator) otherDocument(i int) *uncite.Document {
	r := g.r
	t := otherTypes.draw(r)
	d := &uncite.Document{Type: t.Type, Body: t.Body}
	var start, end time.Time
	if t.Body == uncite.BodyGA {
		d.Session = firstGASession + r.IntN(lastGASession-firstGASession+1)
		start, end = gaSessionDates(d.Session)
		if t.Type == "draft resolution" || t.Type == "draft decision" {
			// Plenary drafts are A/80/L.n; committee drafts A/C.3/80/L.n.
			prefix := fmt.Sprintf("A/%d/L.", d.Session)
			if c := r.IntN(7); c > 0 {
				prefix = fmt.Sprintf("A/C.%d/%d/L.", c, d.Session)
			}
			d.Symbol = g.numbered(prefix)
		}
	} else {
		d.Session = firstHRCSession + r.IntN(lastHRCSession-firstHRCSession+1)
		start, end = hrcSessionDates(d.Session)
		switch t.Type {
		case "report":
			d.Symbol = g.numbered(fmt.Sprintf("A/HRC/%d/", d.Session))
		case "decision":
			d.Symbol = g.numbered(fmt.Sprintf("A/HRC/DEC/%d/", d.Session))
		default:
			d.Symbol = g.numbered(fmt.Sprintf("A/HRC/%d/G/", d.Session))
		}
		// Reports come out in the weeks before the session.
		start = start.AddDate(0, 0, -42)
	}
	date := start.AddDate(0, 0, r.IntN(int(end.Sub(start).Hours()/24)+1))
	if chance(r, dateShare) {
		d.Date = iso(date)
	}
	if chance(r, t.SessionDates) {
		s, e := sessionDates(d.Body, d.Session)
		d.SessionStart, d.SessionEnd = iso(s), iso(e)
	}
	if chance(r, t.AgendaShare) {
		d.AgendaItems = g.agendaItems(d.Body, d.Session)
	}
	if chance(r, t.AuthorShare) {
		d.Author = g.states[g.authorLaw.draw(r)]
	}
	if chance(r, titleShare) {
		d.Title = g.title(t.Type, d.Author)
	}
	lang := "en"
	if chance(r, nonEnglishShare) {
		lang = []string{"fr", "es"}[r.IntN(2)]
	}
	if !chance(r, symbolShare) {
		d.Symbol = ""
	}
	switch {
	case d.Symbol == "":
		// Files without a symbol are named by a digest, as the seed note is.
		d.ID = fmt.Sprintf("%03d_%016x", i%1000, r.Uint64())
	case lang == "en":
		d.ID = d.Symbol
	default:
		d.ID = d.Symbol + " (" + lang + ")"
	}
	if d.Symbol != "" {
		g.symbols = append(g.symbols, d.Symbol)
	}
	g.fill(d, date.Year(), citationsOther, mentionsOther, referencesOther)
	if lang != "en" {
		d.Languages = []string{lang, "en"}
		d.File = strings.TrimSuffix(d.File, ".en.txt") + "." + lang + ".txt"
	}
	return d
}

// fill adds what every document has: languages, file, digest, citations of
// resolutions no newer than year, mentions, references and text.
func (g *generator) fill(d *uncite.Document, year int, cits, ments, refs histogram) {
	r := g.r
	d.Languages = []string{"en"}
	if d.Symbol != "" {
		d.File = strings.NewReplacer("/", "_", " ", "").Replace(d.Symbol) + ".en.txt"
	} else {
		d.File = d.ID + ".txt"
	}
	d.SHA256 = fmt.Sprintf("%016x%016x", r.Uint64(), r.Uint64())

	bodies := citedBodies[d.Body]
	var prev *resolution
	for range cits.draw(r) {
		var x *resolution
		if prev != nil && chance(r, seriesShare) {
			x = g.bodies[prev.cite.Body].next(r, prev, year)
		}
		if x == nil {
			x = g.bodies[bodies.draw(r)].draw(r, year)
		}
		if x == nil || x.cite.Symbol == d.Symbol || slices.ContainsFunc(d.Citations, func(c uncite.Citation) bool { return c.Symbol == x.cite.Symbol }) {
			continue
		}
		prev = x
		d.Citations = append(d.Citations, g.citation(x))
	}

	seen := map[string]bool{}
	for k := min(ments.draw(r), len(g.states)); len(seen) < k; {
		seen[g.states[g.mentionLaw.draw(r)]] = true
	}
	if d.Author != "" && chance(r, 0.5) {
		// Correspondence usually names its own State.
		seen[d.Author] = true
	}
	// Sorted before counts are drawn: map order would break determinism.
	codes := slices.Sorted(maps.Keys(seen))
	for _, code := range codes {
		d.Mentions = append(d.Mentions, uncite.Mention{State: code, Count: mentionCount.draw(r)})
	}

	for range refs.draw(r) {
		if len(g.symbols) > 1 && chance(r, inCorpusReferenceShare) {
			if s := g.symbols[r.IntN(len(g.symbols)-1)]; s != d.Symbol && !slices.Contains(d.References, s) {
				d.References = append(d.References, s)
			}
			continue
		}
		d.References = append(d.References, g.externalSymbol(d.Body, year))
	}
	d.Text = g.text(3 + r.IntN(4))
}

// citation is a citation of x with measured counts, verbs and placement.
func (g *generator) citation(x *resolution) uncite.Citation {
	r := g.r
	c := x.cite
	c.Count = citationCount.draw(r)
	c.Operative = chance(r, operativeShare)
	verb := "In"
	if chance(r, verbShare) {
		verb = verbs.draw(r)
		c.Verbs = []string{verb}
	}
	c.Contexts = []string{verb + " resolution " + c.Number + ","}
	return c
}

// numbered returns prefix followed by the next unused number for it.
func (g *generator) numbered(prefix string) string {
	g.next[prefix]++
	return prefix + strconv.Itoa(g.next[prefix])
}

// externalSymbol is the symbol of a document outside the corpus, of the
// kinds documents cite: reports, letters, meeting records.
func (g *generator) externalSymbol(body string, year int) string {
	r := g.r
	switch body {
	case uncite.BodySC:
		return fmt.Sprintf("S/%d/%d", year, 1+r.IntN(900))
	case uncite.BodyHRC:
		return fmt.Sprintf("A/HRC/%d/%d", firstHRCSession+r.IntN(lastHRCSession), 1+r.IntN(80))
	}
	return fmt.Sprintf("A/%d/%d", firstGASession+r.IntN(lastGASession-firstGASession+1), 1+r.IntN(900))
}

// agendaItems draws one agenda item (rarely two) of the body's session.
func (g *generator) agendaItems(body string, session int) []uncite.AgendaItem {
	items := []uncite.AgendaItem{g.agendaItem(body, session)}
	if chance(g.r, secondAgendaItemShare) {
		if a := g.agendaItem(body, session); a.Number != items[0].Number {
			items = append(items, a)
		}
	}
	return items
}

func (g *generator) agendaItem(body string, session int) uncite.AgendaItem {
	r := g.r
	if body == uncite.BodyHRC {
		n := weighted[int]{items: []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, weights: hrcItemWeights}.draw(r)
		return uncite.AgendaItem{Number: strconv.Itoa(n + 1), Title: hrcItems[n]}
	}
	// The Assembly's agenda runs to some 170 items; measured items range
	// from 11 to 159, a little over half with a sub-item letter.
	number := strconv.Itoa(1 + r.IntN(170))
	if chance(r, subItemShare) {
		number += " (" + string(rune('a'+r.IntN(8))) + ")"
	}
	return uncite.AgendaItem{Number: number, Title: agendaTitle(body, session, number)}
}

// agendaTitle is the title of an Assembly agenda item: the same item of the
// same session always gets the same title, as the Store contract expects.
func agendaTitle(body string, session int, number string) string {
	h := fnv.New64a()
	h.Write([]byte(uncite.AgendaItemKey(body, session, number)))
	r := rand.New(rand.NewPCG(h.Sum64(), 0))
	var b strings.Builder
	for i := range 3 + r.IntN(4) {
		w := words[5+r.IntN(len(words)-5)]
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// title is a document title in the style of its type.
func (g *generator) title(docType, author string) string {
	switch docType {
	case "note verbale", "letter":
		name := "a Member State"
		if s, ok := refdata.StateByCode(author); ok {
			name = s.Name
		}
		return fmt.Sprintf("%s from the Permanent Mission of %s to the United Nations Office at Geneva addressed to the Office of the High Commissioner",
			strings.ToUpper(docType[:1])+docType[1:], name)
	}
	return strings.TrimSuffix(g.text(1), ".")
}

// text is n sentences of 8 to 15 words drawn from the vocabulary.
func (g *generator) text(n int) string {
	var b strings.Builder
	for s := range n {
		if s > 0 {
			b.WriteByte(' ')
		}
		for i := range 8 + g.r.IntN(8) {
			w := words[g.wordLaw.Uint64()]
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		b.WriteByte('.')
	}
	return b.String()
}

// gaSessionDates approximates a General Assembly session: it opens on the
// first Tuesday from 5 September of year 1945+s (5 September 2023, 10
// September 2024, 9 September 2025) and lasts until the next one opens.
func gaSessionDates(s int) (start, end time.Time) {
	open := func(s int) time.Time {
		t := time.Date(1945+s, time.September, 5, 0, 0, 0, 0, time.UTC)
		return t.AddDate(0, 0, (int(time.Tuesday)-int(t.Weekday())+7)%7)
	}
	return open(s), open(s+1).AddDate(0, 0, -1)
}

// hrcSessionDates approximates a regular session of the Human Rights
// Council: three a year (session 43 opened 24 February 2020, 59 on 16 June
// 2025, 60 on 8 September 2025), opening on a Monday and closing on a
// Friday five weeks (the spring session) or four weeks later.
func hrcSessionDates(n int) (start, end time.Time) {
	year := 2005 + (n+2)/3
	month, day, weeks := time.September, 8, 4
	switch n % 3 {
	case 1:
		month, day, weeks = time.February, 22, 5
	case 2:
		month, day, weeks = time.June, 15, 4
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	start = t.AddDate(0, 0, (int(time.Monday)-int(t.Weekday())+7)%7)
	return start, start.AddDate(0, 0, 7*(weeks-1)+4)
}

func sessionDates(body string, n int) (start, end time.Time) {
	if body == uncite.BodyGA {
		return gaSessionDates(n)
	}
	return hrcSessionDates(n)
}

func iso(t time.Time) string { return t.Format("2006-01-02") }
