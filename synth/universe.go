package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"sync"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// resolution is a citable resolution of the synthetic world.
type resolution struct {
	cite                  uncite.Citation // Symbol, Body, Number and Year as ParseResolutionSymbol gives them
	year                  int             // year of adoption, also when the symbol does not carry it
	date                  string          // ISO adoption date where refdata knows it
	title                 string          // refdata's title, "" when unknown
	gaSession, hrcSession int
}

// Sessions modelled: General Assembly 60–80 (2005–2026), Human Rights
// Council 1–60 (2006–2025).
const (
	firstGASession, lastGASession   = 60, 80
	firstHRCSession, lastHRCSession = 1, 60
	// Resolutions per session where refdata does not list them: the
	// Assembly adopts some 300 a session, the Council some 35.
	gaPerSession, hrcPerSession = 300, 35
)

// landmarks are the measured most cited General Assembly resolutions older
// than session 60, with their years, which the session series leave out.
var landmarks = []struct {
	symbol string
	year   int
}{
	{"A/RES/217 (III)", 1948}, {"A/RES/1514 (XV)", 1960}, {"A/RES/2200 (XXI)", 1966},
	{"A/RES/S-10/2", 1978}, {"A/RES/55/2", 2000},
}

// universe lists every citable resolution by body, oldest first. It is
// built once from refdata: every Security Council resolution it lists; the
// General Assembly resolutions of sessions 60–80 (those of 78–80 as refdata
// lists them, 300 a session before); the Human Rights Council resolutions
// of sessions 1–60 (as refdata lists them, 35 a session where it has none);
// ECOSOC 1995–2024 and Commission on Human Rights 1990–2005 series.
var universe = sync.OnceValue(func() map[string][]*resolution {
	u := map[string][]*resolution{}
	add := func(symbol string, year int, gaSession, hrcSession int) {
		c, err := uncite.ParseResolutionSymbol(symbol)
		if err != nil {
			panic("synth: " + err.Error())
		}
		r := &resolution{cite: c, year: year, gaSession: gaSession, hrcSession: hrcSession}
		if known, ok := refdata.LookupResolution(c.Symbol); ok {
			r.date, r.title = known.Date, known.Title
			if len(known.Date) >= 4 {
				r.year, _ = strconv.Atoi(known.Date[:4])
			}
		}
		u[c.Body] = append(u[c.Body], r)
	}
	for n := 1; n < 3000; n++ {
		if r, ok := refdata.SCResolutionByNumber(strconv.Itoa(n)); ok {
			add(r.Symbol, r.Year, 0, 0)
		}
	}
	for _, l := range landmarks {
		add(l.symbol, l.year, 0, 0)
	}
	for s := firstGASession; s <= lastGASession; s++ {
		for _, sym := range series("A/RES/%d/%d", s, 400, gaPerSession) {
			add(sym, 1945+s, s, 0)
		}
	}
	for s := firstHRCSession; s <= lastHRCSession; s++ {
		start, _ := hrcSessionDates(s)
		for _, sym := range series("A/HRC/RES/%d/%d", s, 80, hrcPerSession) {
			add(sym, start.Year(), 0, s)
		}
	}
	for y := 1995; y <= 2024; y++ {
		for k := 1; k <= 40; k++ {
			add(fmt.Sprintf("E/RES/%d/%d", y, k), y, 0, 0)
		}
	}
	for y := 1990; y <= 2005; y++ {
		for k := 1; k <= 80; k++ {
			add(fmt.Sprintf("E/CN.4/RES/%d/%d", y, k), y, 0, 0)
		}
	}
	for _, rs := range u {
		slices.SortStableFunc(rs, func(a, b *resolution) int { return a.year - b.year })
	}
	return u
})

// series returns the symbols format(session, k) that refdata knows for k up
// to probe, or, when it knows none of that session, k = 1..fallback.
func series(format string, session, probe, fallback int) []string {
	var out []string
	for k := 1; k <= probe; k++ {
		sym := fmt.Sprintf(format, session, k)
		if _, ok := refdata.LookupResolution(sym); ok {
			out = append(out, sym)
		}
	}
	if len(out) == 0 {
		for k := 1; k <= fallback; k++ {
			out = append(out, fmt.Sprintf(format, session, k))
		}
	}
	return out
}

// popularity ranks one body's resolutions for a corpus: the measured most
// cited first, the rest in a seeded random order, so that which resolution
// is popular does not depend on its age.
type popularity struct {
	chrono []*resolution // oldest first
	pos    map[*resolution]int
	ranked []*resolution
	law    powerLaw
}

func newPopularity(rs []*resolution, r *rand.Rand) *popularity {
	p := &popularity{chrono: rs, pos: make(map[*resolution]int, len(rs)), law: newPowerLaw(len(rs), resolutionPopularity)}
	head := map[string]int{}
	for i, s := range mostCited {
		head[s] = i
	}
	for i, x := range rs {
		p.pos[x] = i
		if _, ok := head[x.cite.Symbol]; !ok {
			p.ranked = append(p.ranked, x)
		}
	}
	r.Shuffle(len(p.ranked), func(i, j int) { p.ranked[i], p.ranked[j] = p.ranked[j], p.ranked[i] })
	var top []*resolution
	for _, x := range rs {
		if _, ok := head[x.cite.Symbol]; ok {
			top = append(top, x)
		}
	}
	slices.SortFunc(top, func(a, b *resolution) int { return head[a.cite.Symbol] - head[b.cite.Symbol] })
	p.ranked = append(top, p.ranked...)
	return p
}

// draw picks a resolution adopted no later than year: by popularity when a
// few tries find one, else uniformly among the older ones, so that old
// documents still cite (older) resolutions. It returns nil when none is
// that old.
func (p *popularity) draw(r *rand.Rand, year int) *resolution {
	for range 8 {
		if x := p.ranked[p.law.draw(r)]; x.year <= year {
			return x
		}
	}
	n, _ := slices.BinarySearchFunc(p.chrono, year+1, func(x *resolution, y int) int { return x.year - y })
	if n == 0 {
		return nil
	}
	return p.chrono[r.IntN(n)]
}

// next returns the resolution after x in its body's series when it is no
// newer than year, for citation lists.
func (p *popularity) next(r *rand.Rand, x *resolution, year int) *resolution {
	i := p.pos[x] + 1 + r.IntN(3)
	if i >= len(p.chrono) || p.chrono[i].year > year {
		return nil
	}
	return p.chrono[i]
}
