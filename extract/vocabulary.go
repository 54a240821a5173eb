package extract

import (
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/uncite/uncite"
)

// vocabulary is what the parsers know of one language: the words and
// phrases they look for, as that language writes them. Each language has
// one value, in its own file (lang_en.go, lang_fr.go, …); the header,
// citation and list parsers derive their patterns and word sets from all
// of them (the variables after this type), so a new language is one more
// file and one more entry in languages.
//
// Fields named …Re hold regular-expression syntax (a fragment that is one
// alternative or an alternation); the others hold plain words. An empty
// field means the language has no such phrase, or none the parsers need.
type vocabulary struct {
	code string // ISO 639-1

	// Organs. coverNames heads a cover ("Security Council"), by body;
	// textNames names an organ in running text, by the groups of
	// bodyGroups: "*" stands for any letters (a case ending), "'" for
	// either apostrophe, in both. Conferences (of States parties to a
	// treaty, of an agency) and the Commission's Subcommission adopt
	// resolutions of their own, which are not the UN organs': they are
	// the foreign group.
	coverNames map[string]string
	textNames  [len(bodyGroups)][]string
	// openingRe are the words that open the text of a resolution, before
	// its first clause ("The General Assembly,").
	openingRe string
	// unitedNations heads a cover before the symbol.
	unitedNations string

	// Kinds of document, named on the cover.
	amendmentRe, draftDecisionRe, draftResolutionRe, noteVerbaleRe string
	adoptedResRe, adoptedDecRe                                     string
	letterRe, reportRe                                             string // at the start of a cover line, case ignored
	titleStartRe                                                   string // a cover line that starts the document's title
	corrigendum, addendum                                          string // a cover line of its own
	// adoptedOnRe leads to the adoption date ("adopted by the General
	// Assembly on"), case ignored.
	adoptedOnRe string
	// session reads the session number from the cover.
	session *sessionRule

	// Agenda items: the word before the numbers ("Agenda item"), the word
	// that joins two numbers, the words after them ("of the agenda").
	agendaItemRe, agendaAnd, agendaOfRe string

	// Citation lists: the sign before a number ("No."); the words that
	// join its numbers (and, or); the words that lead to the adoption date
	// after a number ("of", "adopted on"), and to the organ named after
	// the numbers ("of the"), tried as they are written.
	numberSigns        []string
	listAnd, listOr    []string
	itemDateWords      []string
	yearSuffixes       []string // may follow the year of that date ("года")
	bodyAfterLeads     []string
	possessives        []string // "its resolution": the document's own organ's
	countWords         []string // "two resolutions": a count, not a number
	gapWords           []string // may stand between an organ's name and "resolution"
	notQualifiers      []string // may stand before "Council" without naming another council
	qualifierJoins     []string // join a qualifier after "Council" ("Council of Europe")
	adverbs            []string // may stand before the verb of a clause
	clauseVerbSuffixes []string // end the verb that opens a clause ("Recalling")
	openingArticles    []string // may stand before the organ in an opening ("The ")
	numberWords        map[string]int
	months             map[string]time.Month
	functionWords      []string // tell the language from the others of its script (lang.go)
}

// languages are the vocabularies, in the order their phrases are tried
// where order matters (the official UN order of the Latin-script
// languages first, as the patterns were first written).
var languages = []*vocabulary{&english, &french, &spanish, &russian, &arabic, &chinese}

// The bodies of textNames, by group; bodyGroup names the groups.
var bodyGroups = [...]string{uncite.BodySC, uncite.BodyGA, uncite.BodyHRC, uncite.BodyECOSOC, uncite.BodyCHR, foreignBody, assemblyGeneric, councilGeneric, commissionGeneric}

// Indexes of bodyGroups.
const chrGroup = 4

// alternation joins the non-empty fields of every language with "|".
func alternation(field func(v *vocabulary) string) string {
	var alts []string
	for _, v := range languages {
		if f := field(v); f != "" {
			alts = append(alts, f)
		}
	}
	return strings.Join(alts, "|")
}

// nameAlternation is alternation over plain names: quoted, with "'" for
// either apostrophe.
func nameAlternation(field func(v *vocabulary) string) string {
	return alternation(func(v *vocabulary) string {
		if f := field(v); f != "" {
			return nameExpr(f)
		}
		return ""
	})
}

// nameExpr writes a name of the vocabularies as a regular expression: "*"
// any letters, "'" either apostrophe.
func nameExpr(n string) string {
	return strings.NewReplacer(`\*`, `\p{L}*`, "'", `['’]`).Replace(regexp.QuoteMeta(n))
}

// nonEmpty is the list of w, empty when w is.
func nonEmpty(w string) []string {
	if w == "" {
		return nil
	}
	return []string{w}
}

// wordList gathers a list field of every language, in order, once each.
func wordList(field func(v *vocabulary) []string) []string {
	var out []string
	for _, v := range languages {
		for _, w := range field(v) {
			if !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}

// wordSet is wordList as a set.
func wordSet(field func(v *vocabulary) []string) map[string]bool {
	out := map[string]bool{}
	for _, w := range wordList(field) {
		out[w] = true
	}
	return out
}

// valueMap merges a map field of every language; a word two languages
// give different values is a mistake in the tables.
func valueMap[V comparable](field func(v *vocabulary) map[string]V) map[string]V {
	out := map[string]V{}
	for _, v := range languages {
		for w, n := range field(v) {
			if o, ok := out[w]; ok && o != n {
				panic("extract: " + v.code + " gives " + w + " another value than an earlier language")
			}
			out[w] = n
		}
	}
	return out
}
