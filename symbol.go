package uncite

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// SessionKey builds the key that identifies a session across stores.
func SessionKey(body string, number int) string {
	return body + "-" + strconv.Itoa(number)
}

// symbolForm is one form of resolution symbol: how it is written (pattern,
// with `\s?` where running text may hold a space, a number group and, for
// the forms that have one, a year or session group) and the canonical
// symbol it stands for.
type symbolForm struct {
	pattern string
	build   func(num, qual string) Citation
}

// letterPart is the part letter some resolutions were adopted in ("217 A
// (III)", "77/1 B"); it is dropped from the canonical symbol.
const letterPart = `(?:\s?[A-Z]\b)?`

// roman is a session of the General Assembly's first thirty sessions, or
// of the Economic and Social Council and Commission on Human Rights before
// they numbered by year, in Roman numerals; special and emergency special
// sessions of the Assembly are marked "S-" and "ES-".
const roman = `[IVXL]{1,7}`

// symbolForms is the one grammar of resolution symbols: extraction finds
// them in text with ResolutionSymbolPattern, and ParseResolutionSymbol
// reads them back. Every symbol either writes, the other accepts.
var symbolForms = []symbolForm{
	{`S/RES/(\d{1,4})\s?\((\d{4})\)`, func(n, y string) Citation {
		year, _ := strconv.Atoi(y)
		n = trimZeros(n)
		return Citation{Symbol: SCSymbol(n, year), Body: BodySC, Number: n, Year: year}
	}},
	{`A/RES/((?:ES-|S-)?\d{1,3}/\d{1,4})` + letterPart, func(n, _ string) Citation {
		return Citation{Symbol: "A/RES/" + n, Body: BodyGA, Number: n}
	}},
	{`A/RES/(\d{1,4})` + letterPart + `\s?\(((?:ES-|S-)?` + roman + `)\)`, func(n, s string) Citation {
		n = trimZeros(n)
		return Citation{Symbol: "A/RES/" + n + " (" + s + ")", Body: BodyGA, Number: n}
	}},
	{`A/HRC/RES/((?:S-)?\d{1,2}/\d{1,3})`, func(n, _ string) Citation {
		return Citation{Symbol: "A/HRC/RES/" + n, Body: BodyHRC, Number: n}
	}},
	{`E/RES/(\d{4}/\d{1,3})` + letterPart, func(n, _ string) Citation {
		return Citation{Symbol: "E/RES/" + n, Body: BodyECOSOC, Number: n, Year: atoiPrefix(n)}
	}},
	{`E/RES/(\d{1,4})` + letterPart + `\s?\((` + roman + `)\)`, func(n, s string) Citation {
		n = trimZeros(n)
		return Citation{Symbol: "E/RES/" + n + " (" + s + ")", Body: BodyECOSOC, Number: n}
	}},
	{`E/CN\.4/RES/(\d{4}/\d{1,3})`, func(n, _ string) Citation {
		return Citation{Symbol: "E/CN.4/RES/" + n, Body: BodyCHR, Number: n, Year: atoiPrefix(n)}
	}},
	{`E/CN\.4/RES/(\d{1,4})` + letterPart + `\s?\((` + roman + `)\)`, func(n, s string) Citation {
		n = trimZeros(n)
		return Citation{Symbol: "E/CN.4/RES/" + n + " (" + s + ")", Body: BodyCHR, Number: n}
	}},
}

// ResolutionSymbolPattern matches a resolution symbol of any modelled body
// as running text writes it ("S/RES/822 (1993)", "A/RES/217 A (III)",
// "E/CN.4/RES/2005/66"); it is not anchored, and its groups mean nothing
// outside this package.
var ResolutionSymbolPattern = func() string {
	alts := make([]string, len(symbolForms))
	for i, f := range symbolForms {
		alts[i] = "(?:" + f.pattern + ")"
	}
	return strings.Join(alts, "|")
}()

// anchoredForms are the forms matched against a whole squeezed symbol.
var anchoredForms = func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(symbolForms))
	for i, f := range symbolForms {
		out[i] = regexp.MustCompile(`^` + f.pattern + `$`)
	}
	return out
}()

// ParseResolutionSymbol normalises a resolution symbol written with any case
// and spacing ("s/res/822(1993)", "a/res/60/251", "A/RES/1874 (S-IV)") into
// its canonical form and returns the citation fields it determines. It
// fails when the input is not a resolution symbol of a modelled body.
func ParseResolutionSymbol(s string) (Citation, error) {
	squeezed := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	for i, re := range anchoredForms {
		m := re.FindStringSubmatch(squeezed)
		if m == nil {
			continue
		}
		qual := ""
		if len(m) > 2 {
			qual = m[2]
		}
		if c := symbolForms[i].build(m[1], qual); c.Number != "" {
			return c, nil
		}
	}
	return Citation{}, Errorf(EINVALID, "%q is not a resolution symbol (expected forms such as S/RES/822 (1993), A/RES/60/251, A/RES/217 (III), A/HRC/RES/43/1, E/RES/2004/12, E/CN.4/RES/2005/66)", s)
}

// SCSymbol is the canonical symbol of Security Council resolution n of year y.
func SCSymbol(n string, year int) string { return fmt.Sprintf("S/RES/%s (%d)", n, year) }

func trimZeros(n string) string { return strings.TrimLeft(n, "0") }

func atoiPrefix(s string) int {
	n, _ := strconv.Atoi(s[:strings.IndexByte(s, '/')])
	return n
}
