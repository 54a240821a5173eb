package extract

import (
	"regexp"
	"sort"
	"strings"
)

// UN document symbols: a series prefix of a UN organ or treaty body, then
// components separated by slashes. Components are upper-case codes with
// optional dotted parts ("L.12", "WG.6", "CONF.157"), numbers and ranges
// ("6-7"), session codes ("ES-10") and the addendum, corrigendum and revision
// suffixes ("Add.1"). The prefixes are the UN's own; specialised agencies'
// symbols ("LEG/CONF.15/21") are not UN documents.
const (
	symbolPrefix    = `(?:A|S|E|ST|DP|TD|UNEP|FCCC|CCPR|CEDAW|CAT|CERD|CRC|CRPD|CMW|CED|SPLOS|ISBA|NPT|HSP|UNW|PBC|CAC|CLCS|ICCD|UNCTAD|ECE|ESCAP|ECLAC|ECA|ESCWA|UNDP|UNICEF|UNHCR|DPI|ITLOS|SG|CTOC|TRANS|PRST)`
	symbolComponent = `(?:(?:Add|Corr|Rev|Amend|Sub|Summary)\.\s?\d+|[A-Z]+-\d+|\d+(?:-\d+)?|[A-Z][A-Z0-9]*(?:\.[A-Z0-9]+)*)`
)

var (
	// A symbol keeps its qualifier, "(Part I)", "(Parts I and II)", "(Vol.
	// II)", and the suffixes after it ("(Part I)/Corr.2").
	reSymbol = regexp.MustCompile(`\b` + symbolPrefix + `(?:/` + symbolComponent + `)+` +
		`(?:\s\((?:Parts?\s[IVX]+(?:\s(?:and|to|-|–)\s[IVX]+)?|Vol\.\s?[IVX]+)\)(?:/(?:Add|Corr|Rev)\.\s?\d+)*)?`)
	// "A/80/205 and Corr.1", "Add.1 and 2", "and Corr. 1 and Add.1": further
	// parts of the same document that the text names after it.
	reSymbolTail = regexp.MustCompile(`^(?:,?\s(?:and|et|y|и)\s|/)((?:Add|Corr|Rev)\.\s?\d+)((?:(?:,\s|\s(?:and|et|y|и)\s)\d+\b)*)`)
	reDigits     = regexp.MustCompile(`\d+`)
)

// isResolutionSymbol reports whether a symbol is a resolution's, which is a
// citation rather than a document reference.
func isResolutionSymbol(sym string) bool {
	return strings.Contains(sym, "/RES/")
}

// reOriginalSymbol is the bracketed line under an early Security Council
// resolution's heading ("[S/1234]"): the resolution's own original symbol.
var reOriginalSymbol = regexp.MustCompile(`^\[(S/\d+)\]$`)

// references returns the UN document symbols the text cites, other than
// resolutions and the document's own symbol, sorted.
func references(flowed, own string, body string, header []string) []string {
	set := map[string]bool{}
	for i, l := range header {
		if i >= 5 {
			break
		}
		if m := reOriginalSymbol.FindStringSubmatch(l); m != nil {
			set[m[1]] = false
		}
	}
	ownSq := squeeze(own)
	for _, m := range symbolSpans(flowed) {
		start, end := m[0], m[1]
		if start > 0 && strings.ContainsAny(flowed[start-1:start], "/_=.:") {
			continue // inside a URL, a file name or a longer symbol
		}
		if end < len(flowed) && (isWordRune(rune(flowed[end])) || flowed[end] == '/') {
			// ran into a word ("3para."): keep the symbol up to its last whole component
			cut := strings.LastIndexByte(flowed[start:end], '/')
			if cut <= 0 {
				continue
			}
			end = start + cut
		}
		sym := flowed[start:end]
		if !strings.ContainsAny(sym, "0123456789") || !strings.Contains(sym, "/") {
			continue
		}
		if strings.HasPrefix(sym, "PRST/") && body == "HRC" {
			sym = "A/HRC/" + sym // "President's statement PRST/8/1"
		}
		for _, part := range splitJoint(sym) {
			addReference(set, part, ownSq)
			tail := flowed[end:]
			for {
				t := reSymbolTail.FindStringSubmatch(tail)
				if t == nil {
					break
				}
				suffix := strings.ReplaceAll(t[1], " ", "")
				addReference(set, part+"/"+suffix, ownSq)
				kind := suffix[:strings.IndexByte(suffix, '.')+1]
				for _, n := range reDigits.FindAllString(t[2], -1) {
					addReference(set, part+"/"+kind+n, ownSq)
				}
				tail = tail[len(t[0]):]
			}
		}
	}
	var out []string
	for s, cited := range set {
		if cited {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

var reSymbolAnchored = regexp.MustCompile(`^` + reSymbol.String()[2:])

const maxSymbolLen = 128

// symbolSpans finds the symbols of s. Every symbol has a slash after its
// prefix, so the pattern is tried only where a slash follows a word that
// could be a prefix; that keeps the scan linear and cheap.
func symbolSpans(s string) [][2]int {
	var out [][2]int
	next := 0
	for i := strings.IndexByte(s, '/'); i >= 0; {
		if i >= next {
			start := i
			for start > 0 && i-start < 8 && s[start-1] >= 'A' && s[start-1] <= 'Z' {
				start--
			}
			if start < i && (start == 0 || !isWordRune(rune(s[start-1]))) {
				// No symbol runs to maxSymbolLen bytes; the cut spares the
				// regexp a pass over the rest of the text.
				if m := reSymbolAnchored.FindStringIndex(s[start:min(len(s), start+maxSymbolLen)]); m != nil {
					out = append(out, [2]int{start, start + m[1]})
					next = start + m[1]
				}
			}
		}
		j := strings.IndexByte(s[i+1:], '/')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return out
}

// splitJoint splits a symbol issued jointly by two organs
// ("A/78/72-E/2023/59") into its two symbols.
func splitJoint(sym string) []string {
	for i := 1; i < len(sym)-2; i++ {
		if sym[i] == '-' && sym[i+2] == '/' && strings.ContainsRune("ASE", rune(sym[i+1])) {
			return append([]string{sym[:i]}, splitJoint(sym[i+1:])...)
		}
	}
	return []string{sym}
}

func addReference(set map[string]bool, sym, ownSq string) {
	sym = strings.TrimRight(sym, ".-")
	if isResolutionSymbol(sym) || squeeze(sym) == ownSq || strings.Count(sym, "/") == 0 {
		return
	}
	if _, known := set[sym]; !known {
		set[sym] = true
	}
}
