// Package refdata bundles the reference tables uncite needs at run time: the
// UN Member and observer States with their names in the six official
// languages, and the lists of known Security Council, General Assembly and
// Human Rights Council resolutions. The CSV files are embedded (see
// data/SOURCES.md for where they come from) and parsed once, on first use.
package refdata

import (
	"embed"
	"encoding/csv"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/uncite/uncite"
)

//go:embed data/*.csv
var files embed.FS

// Languages are the six official UN languages, in the order the States table
// lists them.
var Languages = []string{"ar", "zh", "en", "es", "fr", "ru"}

// State is a UN Member State or observer State.
type State struct {
	Code   string // ISO 3166-1 alpha-3
	Alpha2 string // ISO 3166-1 alpha-2
	Name   string // English short name without its article, e.g. "Azerbaijan"
	// Names maps a language code ("ar", "zh", "en", "es", "fr", "ru") to the
	// State's UNTERM short name, UNTERM formal name and UNSD name in that
	// language, as the table writes them ("Arménie (l')", "la République
	// d'Arménie", "Arménie"); empty cells are left out.
	Names map[string][]string
}

// Resolution is a resolution listed in the bundled tables.
type Resolution struct {
	Symbol string // canonical, as uncite.ParseResolutionSymbol writes it
	Title  string // the title, or for the Security Council the topic of the meeting
	Date   string // ISO adoption date, "" when the table lacks it
	Year   int
}

// States returns every State, sorted by code. The slice is shared: callers
// must not modify it.
func States() []State { return states().list }

// StateByCode finds a State by its alpha-3 code, in any case.
func StateByCode(code string) (State, bool) {
	s, ok := states().byCode[strings.ToUpper(strings.TrimSpace(code))]
	return s, ok
}

// LookupResolution finds a known resolution by its symbol, written in any
// form that uncite.ParseResolutionSymbol accepts.
func LookupResolution(symbol string) (Resolution, bool) {
	c, err := uncite.ParseResolutionSymbol(symbol)
	if err != nil {
		return Resolution{}, false
	}
	r, ok := resolutions()[c.Symbol]
	return r, ok
}

// SCResolutionByNumber finds a Security Council resolution by its number
// alone ("1051"): the Council numbers its resolutions in one series, so the
// number determines the year that the canonical symbol carries.
func SCResolutionByNumber(number string) (Resolution, bool) {
	r, ok := scByNumber()[strings.TrimLeft(strings.TrimSpace(number), "0")]
	return r, ok
}

var scByNumber = sync.OnceValue(func() map[string]Resolution {
	m := map[string]Resolution{}
	for sym, r := range resolutions() {
		if c, err := uncite.ParseResolutionSymbol(sym); err == nil && c.Body == uncite.BodySC {
			m[c.Number] = r
		}
	}
	return m
})

type stateTable struct {
	list   []State
	byCode map[string]State
}

var states = sync.OnceValue(func() stateTable {
	rows := readCSV("data/un_member_states.csv")
	t := stateTable{byCode: make(map[string]State, len(rows))}
	for _, row := range rows {
		s := State{Code: row["iso3"], Alpha2: row["iso2"], Names: map[string][]string{}}
		for _, lang := range Languages {
			for _, col := range []string{"unterm_short_", "unterm_formal_", "unsd_name_"} {
				if v := row[col+lang]; v != "" {
					s.Names[lang] = append(s.Names[lang], v)
				}
			}
		}
		s.Name = englishName(row)
		t.list = append(t.list, s)
		t.byCode[s.Code] = s
	}
	sort.Slice(t.list, func(i, j int) bool { return t.list[i].Code < t.list[j].Code })
	return t
})

// englishName is the UNTERM English short name without the article that
// UNTERM appends in brackets ("Netherlands (the)"). Where the UNTERM columns
// are empty (Côte d'Ivoire, Türkiye) the UNSD name stands in, except that the
// upstream UNSD English name of Côte d'Ivoire is the non-UN "Ivory Coast": the
// French UNSD name is the one the UN uses in English too.
func englishName(row map[string]string) string {
	name := row["unterm_short_en"]
	if name == "" {
		name = row["unsd_name_en"]
		if row["iso3"] == "CIV" {
			name = strings.ReplaceAll(row["unsd_name_fr"], "’", "'")
		}
	}
	return strings.TrimSuffix(name, " (the)")
}

var resolutions = sync.OnceValue(func() map[string]Resolution {
	m := make(map[string]Resolution, 5000)
	add := func(symbol, title, date string) {
		c, err := uncite.ParseResolutionSymbol(symbol)
		if err != nil {
			return
		}
		r := Resolution{Symbol: c.Symbol, Title: title, Date: date, Year: c.Year}
		if r.Year == 0 && len(date) >= 4 {
			r.Year, _ = strconv.Atoi(date[:4])
		}
		m[r.Symbol] = r
	}
	for _, row := range readCSV("data/sc_resolutions_1946-2022.csv") {
		add(row["symbol"], row["topic"], row["adoption_date"])
	}
	for _, row := range readCSV("data/ga_resolutions_78-80.csv") {
		add(row["symbol"], row["title"], row["adoption_date"])
	}
	for _, row := range readCSV("data/hrc_resolutions_2006-2022.csv") {
		// Withdrawn and rejected drafts were never resolutions.
		if row["status"] != "Adopted" {
			continue
		}
		add(row["symbol_guess"], row["title"], isoDate(row["date_in_action"]))
	}
	return m
})

// isoDate turns "6 October 2022" into "2022-10-06", or "" when it cannot.
func isoDate(s string) string {
	t, err := time.Parse("2 January 2006", strings.TrimSpace(s))
	if err != nil {
		return ""
	}
	return t.Format("2006-01-02")
}

// readCSV reads an embedded CSV file with a header row into one map per row.
// The files are part of the binary, so a malformed one is a build defect.
func readCSV(name string) []map[string]string {
	f, err := files.Open(name)
	if err != nil {
		panic("refdata: " + err.Error())
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		panic("refdata: " + name + ": " + err.Error())
	}
	var rows []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows
		}
		if err != nil {
			panic("refdata: " + name + ": " + err.Error())
		}
		row := make(map[string]string, len(header))
		for i, h := range header {
			row[h] = strings.TrimSpace(rec[i])
		}
		rows = append(rows, row)
	}
}
