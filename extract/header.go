package extract

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/internal/prefilter"
)

// header is the cover block of a UN document: everything before the body
// opens ("The General Assembly,", the first numbered paragraph), at most
// maxHeaderLines non-empty lines.
const maxHeaderLines = 45

var reBodyStart = prefilter.MustCompilePrefix(`^(?:` + alternation(func(v *vocabulary) string { return v.openingRe }) + `|1\.\s)`)

func headerLines(lines []string) []string {
	var out []string
	n := 0
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t != "" {
			if reBodyStart.MatchString(t) || n == maxHeaderLines {
				break
			}
			n++
		}
		out = append(out, t)
	}
	return out
}

var (
	reLangSuffix   = regexp.MustCompile(`(?:\.(?:` + languageCodes + `)(?:\+(?:` + languageCodes + `))*)$`)
	languageCodes  = alternation(func(v *vocabulary) string { return v.code })
	reFileSymbol   = regexp.MustCompile(`^` + symbolPrefix + `(?:/` + symbolComponent + `)+$`)
	reSCTitle      = regexp.MustCompile(`^Resolution (\d{1,4}) \((\d{4})\)`)
	reUnitedNation = prefilter.MustCompilePrefix(`^(?:` + nameAlternation(func(v *vocabulary) string { return v.unitedNations }) + `)\s+`)
)

// baseName strips the extension and the language tags from a file name:
// "A_69_719.fr.txt" → "A_69_719" and "fr".
func baseName(name string) (base string, langs []string) {
	base = name
	for _, ext := range []string{".txt", ".md", ".text"} {
		base = strings.TrimSuffix(base, ext)
	}
	if m := reLangSuffix.FindString(base); m != "" {
		langs = strings.Split(m[1:], "+")
		base = strings.TrimSuffix(base, m)
	}
	return base, langs
}

// fileSymbol reads a UN symbol from a file name ("S_RES_822(1993)" →
// "S/RES/822 (1993)"); "" when the name is not a symbol.
func fileSymbol(base string) string {
	s := strings.ReplaceAll(base, "_", "/")
	if c, ok := parseSymbol(s); ok {
		return c.Symbol
	}
	if strings.Contains(s, "/") && reFileSymbol.MatchString(s) && strings.ContainsAny(s, "0123456789") {
		return s
	}
	return ""
}

// textSymbol reads the document's symbol from its first lines: a line that
// holds nothing but a symbol (after "United Nations" in the page layout), or
// the heading of a Security Council resolution ("Resolution 884 (1993)").
func textSymbol(text string) string {
	n := 0
	for rest := text; rest != ""; {
		var l string
		l, rest, _ = strings.Cut(rest, "\n")
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if n++; n > 12 {
			break
		}
		if n <= 2 {
			if m := reSCTitle.FindStringSubmatch(t); m != nil {
				return uncite.SCSymbol(m[1], atoi(m[2]))
			}
		}
		if m := reUnitedNation.FindStringIndex(t); m != nil {
			t = t[m[1]:]
		}
		// A line that is a symbol matches from its first letter (where \b
		// holds), so the pattern is tried there only.
		if m := t; m != "" && m[0] >= 'A' && m[0] <= 'Z' && strings.Contains(m, "/") && reSymbolAnchored.FindString(m) == m && strings.ContainsAny(m, "0123456789") {
			if c, ok := parseSymbol(m); ok {
				return c.Symbol
			}
			return m
		}
	}
	return ""
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

var (
	reHRCHeader = coverNamePattern(uncite.BodyHRC)
	reSCHeader  = coverNamePattern(uncite.BodySC)
	reGAHeader  = coverNamePattern(uncite.BodyGA)
	reESCHeader = coverNamePattern(uncite.BodyECOSOC)
)

// coverNamePattern finds the name of body as a cover heads it, in any
// language.
func coverNamePattern(body string) *prefilter.Regexp {
	return prefilter.MustCompile(nameAlternation(func(v *vocabulary) string { return v.coverNames[body] }))
}

// documentBody decides the organ a document belongs to: a Human Rights
// Council symbol, the opening words of a resolution or draft, a Human
// Rights Council heading (Council documents are issued in the General
// Assembly's series), then the symbol, then the other headings.
func documentBody(symbol, typ string, cv *cover, flowed string, subs []subject) string {
	if strings.HasPrefix(symbol, "A/HRC/") {
		return uncite.BodyHRC
	}
	// A resolution, draft or decision names its organ in its opening words,
	// which outweigh any organ its cover names (the agenda item "Report of
	// the Human Rights Council" of the General Assembly).
	if len(subs) > 0 && (strings.Contains(typ, "resolution") || strings.Contains(typ, "decision")) {
		return subs[0].body
	}
	if cv.match(reHRCHeader) {
		return uncite.BodyHRC
	}
	switch {
	case strings.HasPrefix(symbol, "S/"):
		return uncite.BodySC
	case strings.HasPrefix(symbol, "E/CN.4/"):
		return uncite.BodyCHR
	case strings.HasPrefix(symbol, "E/"):
		return uncite.BodyECOSOC
	case strings.HasPrefix(symbol, "A/"):
		return uncite.BodyGA
	case cv.match(reSCHeader):
		return uncite.BodySC
	case cv.match(reESCHeader):
		return uncite.BodyECOSOC
	case cv.match(reGAHeader):
		return uncite.BodyGA
	case strings.Contains(flowed, "Universal Periodic Review") || containsWord(flowed, "UPR"):
		return uncite.BodyHRC
	}
	return ""
}

var (
	// A State's amendments to a draft: "Russian Federation: amendments to
	// draft resolution A/C.3/80/L.28".
	reAmendment       = prefilter.MustCompile(alternation(func(v *vocabulary) string { return v.amendmentRe }))
	reDraftDecision   = prefilter.MustCompile(alternation(func(v *vocabulary) string { return v.draftDecisionRe }))
	reDraftResolution = prefilter.MustCompile(alternation(func(v *vocabulary) string { return v.draftResolutionRe }))
	reNoteVerbale     = prefilter.MustCompile(alternation(func(v *vocabulary) string { return v.noteVerbaleRe }))
	// A letter or report says so at the start of a line of its cover (a
	// Chinese letter's heading ends "…日…的信"); the header is matched line by
	// line.
	reLetter     = prefilter.MustCompilePrefix(`^(?i:` + alternation(func(v *vocabulary) string { return v.letterRe }) + `)`)
	reLetterZH   = regexp.MustCompile(`\d+日.*信$`)
	reReport     = prefilter.MustCompilePrefix(`^(?i:` + alternation(func(v *vocabulary) string { return v.reportRe }) + `)`)
	reAdoptedRes = prefilter.MustCompile(alternation(func(v *vocabulary) string { return v.adoptedResRe }))
	reAdoptedDec = prefilter.MustCompile(alternation(func(v *vocabulary) string { return v.adoptedDecRe }))
)

// documentType names the kind of document from its symbol and cover.
func documentType(symbol string, cv *cover) string {
	lineStarts := func(re *prefilter.Prefix, zh bool) bool {
		for _, l := range cv.lines {
			if re.MatchString(l) || zh && strings.HasSuffix(l, "信") && reLetterZH.MatchString(l) {
				return true
			}
		}
		return false
	}
	switch {
	case strings.Contains(symbol, "/Corr."), lineIs(cv, corrigendumWords):
		return "corrigendum"
	case strings.Contains(symbol, "/RES/"), cv.match(reAdoptedRes):
		return "resolution"
	case strings.Contains(symbol, "/DEC/"), cv.match(reAdoptedDec):
		return "decision"
	case cv.match(reAmendment):
		return "amendment"
	case cv.match(reDraftDecision):
		return "draft decision"
	case cv.match(reDraftResolution), strings.Contains(symbol, "/L."):
		return "draft resolution"
	case cv.match(reNoteVerbale):
		return "note verbale"
	case lineStarts(reLetter, true):
		return "letter"
	case lineStarts(reReport, false):
		return "report"
	case strings.Contains(symbol, "/Add."), lineIs(cv, addendumWords):
		// An addendum with no kind of its own (a report's addendum is a
		// report).
		return "addendum"
	}
	return ""
}

// The heading line of a corrigendum or an addendum, in every language.
var (
	corrigendumWords = wordList(func(v *vocabulary) []string { return nonEmpty(v.corrigendum) })
	addendumWords    = wordList(func(v *vocabulary) []string { return nonEmpty(v.addendum) })
)

// lineIs reports whether a line of the cover is one of words alone.
func lineIs(cv *cover, words []string) bool {
	for _, l := range cv.lines {
		if slices.Contains(words, strings.TrimSpace(l)) {
			return true
		}
	}
	return false
}

var (
	reDistr = regexp.MustCompile(`Distr\.?:?\s*\p{L}+`)
	// The adoption line may wrap ("Resolution adopted by the General
	// Assembly\non 22 December 2023"), and the closing line may read
	// "50th (resumed) plenary meeting".
	reAdoptedOn   = prefilter.MustCompile(`(?i)` + alternation(func(v *vocabulary) string { return v.adoptedOnRe }))
	reMeetingDate = regexp.MustCompile(`\d{1,3}(?:` + alternation(func(v *vocabulary) string { return v.meeting.ordinalRe }) +
		`)? (?:\((?:` + nameAlternation(func(v *vocabulary) string { return v.meeting.resumed }) +
		`)\) )?(?:` + alternation(func(v *vocabulary) string { return v.meeting.plenaryRe }) +
		`)?(?:` + alternation(func(v *vocabulary) string { return v.meeting.wordRe }) + `)\.?\s+`)
	meetingWords    = wordList(func(v *vocabulary) []string { return nonEmpty(v.meeting.word) })
	reOrdinalDigits = regexp.MustCompile(`^(\d{1,3})`)
)

// documentDate is the document's own date: the adoption date of a
// resolution or decision, otherwise the Distr. date of the cover, otherwise
// the first date of the first lines (a letter's date line).
func documentDate(typ string, cv *cover, flowed, metaDate string) string {
	header, joined := cv.lines, cv.text
	if typ == "resolution" || typ == "decision" {
		if m := cv.find(reAdoptedOn); m != nil {
			if d, end := findDate(joined[m[1]:min(len(joined), m[1]+40)]); d != "" && end > 0 {
				return d
			}
		}
		if len(header) > 0 && reSCTitle.MatchString(strings.TrimSpace(firstNonEmpty(header))) {
			if d, _ := findDate(joined[:min(len(joined), 80)]); d != "" {
				return d
			}
		}
		date := ""
		prefilter.EachAround(flowed, meetingWords, 24, 32, reMeetingDate, func(m []int) bool {
			if d, end := findDate(flowed[m[1]:min(len(flowed), m[1]+30)]); d != "" && end > 0 {
				date = d
				return false
			}
			return true
		})
		if date != "" {
			return date
		}
	}
	if m := reDistr.FindStringIndex(joined); m != nil {
		if d, _ := findDate(joined[m[1]:min(len(joined), m[1]+60)]); d != "" {
			return d
		}
	}
	if metaDate != "" {
		return metaDate
	}
	d, _ := findDate(joined)
	return d
}

func firstNonEmpty(lines []string) string {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			return l
		}
	}
	return ""
}

// session reads the session number from the cover ("Forty-third session")
// and the session's dates when the cover gives them; 0 when it states none.
func session(joined string) (n int, start, end string) {
	at := -1
	// Each pattern holds a literal ("session", "届会议") and runs only on the
	// words before it (with the white space between, which the page layout
	// may make long).
	try := func(re *regexp.Regexp, anchor string, words, after int) {
		prefilter.EachBefore(joined, anchor, words, after, re, func(idx []int) bool {
			if at >= 0 && idx[0] > at {
				return false
			}
			m := make([]string, len(idx)/2)
			for i := range m {
				if idx[2*i] >= 0 {
					m[i] = joined[idx[2*i]:idx[2*i+1]]
				}
			}
			if v := sessionNumber(m); v > 0 && v < 200 {
				n, at = v, idx[0]
				start, end = findDateRange(joined[idx[1]:min(len(joined), idx[1]+120)])
				return false
			}
			return true
		})
	}
	for _, v := range languages {
		if r := v.session; r != nil {
			try(r.re, r.anchor, r.words, r.after)
		}
	}
	return n, start, end
}

// sessionRule finds a language's session number: re holds the literal
// anchor after at most words words and runs only on them and after bytes
// after it; its first group that took part holds the number (sessionNumber).
type sessionRule struct {
	re           *regexp.Regexp
	anchor       string
	words, after int
}

// sessionNumber reads the number in the first group of m that took part:
// digits ("43rd", "43.º"), Chinese numerals ("四十三") or number words
// ("Forty-third", "сорок третьей"); 0 when it is none.
func sessionNumber(m []string) int {
	for _, g := range m[1:] {
		if g == "" {
			continue
		}
		if d := reOrdinalDigits.FindString(g); d != "" {
			return atoi(d)
		}
		if r, _ := utf8.DecodeRuneInString(g); unicode.Is(unicode.Han, r) {
			return chineseNumber(g)
		}
		return wordsNumber(g)
	}
	return 0
}

const agendaNumber = `\d{1,3}(?:\s?\([a-z]{1,3}\))?`

var reAgenda = prefilter.MustCompile(`(?:` + alternation(func(v *vocabulary) string { return v.agendaItemRe }) + `)((?:` + agendaNumber + `)(?:(?:,\s?|\s(?:` + nameAlternation(func(v *vocabulary) string { return v.agendaAnd }) + `)\s)` + agendaNumber + `)*)(\s+(?:` + alternation(func(v *vocabulary) string { return v.agendaOfRe }) + `))?`)
var reAgendaNumber = regexp.MustCompile(agendaNumber)

// agendaItems reads the agenda items the cover puts the document under, with
// the item's title where the cover gives one item and its title.
func agendaItems(cv *cover) []uncite.AgendaItem {
	header := cv.lines
	for i, l := range header {
		if !cv.lineMay(reAgenda, i) {
			continue
		}
		m := reAgenda.FindStringSubmatchIndex(l)
		if m == nil {
			continue
		}
		keyword := l[m[0]:m[2]]
		// "Point"/"Tema"/"Пункт"/"البند" count only with "of the agenda".
		if !strings.HasPrefix(keyword, "Agenda") && !strings.HasPrefix(keyword, "议程") && m[4] < 0 {
			continue
		}
		var items []uncite.AgendaItem
		for _, num := range reAgendaNumber.FindAllString(l[m[2]:m[3]], -1) {
			items = append(items, uncite.AgendaItem{Number: strings.Join(strings.Fields(num), " ")})
		}
		if len(items) == 1 {
			items[0].Title = agendaTitle(strings.TrimSpace(strings.TrimLeft(l[m[1]:], "* ")), header[i+1:])
		}
		return items
	}
	return nil
}

// agendaTitle is the text after the item number on its line, or else the
// block of lines that follows it.
func agendaTitle(rest string, next []string) string {
	if rest != "" {
		return rest
	}
	var parts []string
	for _, l := range next {
		if l == "" {
			if len(parts) > 0 {
				break
			}
			continue
		}
		if reDraftResolution.MatchString(l) || reNoteVerbale.MatchString(l) || len(parts) >= 5 {
			break
		}
		parts = append(parts, l)
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

var (
	reTitleStart  = prefilter.MustCompilePrefix(`^(?:` + alternation(func(v *vocabulary) string { return v.titleStartRe }) + `|\d{1,3}/\d{1,4}\.\s)`)
	reTitleNumber = regexp.MustCompile(`^\d{1,3}/\d{1,4}\.\s`)
)

// documentTitle is the cover block that names the document: a note verbale's
// or letter's heading, a report's title, a resolution's numbered title.
func documentTitle(header []string, metaTitle string) string {
	for i, l := range header {
		if !reTitleStart.MatchString(l) {
			continue
		}
		parts := []string{l}
		for _, n := range header[i+1:] {
			if n == "" || len(parts) >= 6 {
				break
			}
			parts = append(parts, n)
		}
		t := strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
		if m := reTitleNumber.FindString(t); m != "" {
			t = t[len(m):]
		}
		return strings.TrimRight(t, "*")
	}
	return strings.TrimRight(metaTitle, " :")
}
