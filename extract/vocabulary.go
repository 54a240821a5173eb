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
// of them (with alternation, nameAlternation, wordList, wordSet and
// valueMap below, beside the rules that use them), so a new language is
// one more file and one more entry in languages.
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
	// meeting is the closing line of a resolution that leads to its date
	// ("50th (resumed) plenary meeting").
	meeting meetingLine
	// session finds the session number on the cover.
	session *sessionRule

	// Agenda items: the word before the numbers ("Agenda item"), the word
	// that joins two numbers, the words after them ("of the agenda").
	agendaItemRe, agendaAnd, agendaOfRe string

	// The author of a letter or note: the phrase before its State's name
	// ("Permanent Mission of"), or after it (authorAfterStateRe); the
	// kinds of draft after the sponsors' names (": draft resolution");
	// the words of a State's national report; the foreign ministry named
	// by a nationality adjective.
	authorRe, authorAfterStateRe, sponsorsEndRe, stateReportRe string
	ministryAdjective                                          *adjectiveRule

	// locatorRe points into another document ("annex II", "chap. I"),
	// before a comma and the word "resolution".
	locatorRe string

	// The word "resolution".
	resolution resolutionWord
	// continuationAnd joins two numbers of a list past a descriptive
	// clause ("1514 (XV) of 14 December 1960, containing …, and 1541 (XV)"),
	// as does continuationPhrase ("as well as").
	continuationAnd, continuationPhrase string

	// Citation lists: the sign before a number ("No."); the words that
	// join its numbers (and, or); the words that lead to the adoption date
	// after a number ("of", "adopted on"), and to the organ named after
	// the numbers ("of the"), tried as they are written.
	numberSigns     []string
	listAnd, listOr []string
	itemDateWords   []string
	yearSuffixes    []string // may follow the year of that date ("года")
	bodyAfterLeads  []string
	// Words before or after a State's name that make it a place's
	// ("New Mexico", "the Équateur province"; "*" any ending).
	placeBefore, placeAfter []string
	// abbreviations end with a full stop that does not end a sentence.
	abbreviations      []string
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

// resolutionWord is how a language writes the word "resolution": re, the
// word in all its forms as a regular expression (with \b around it where
// words stand apart); cores, literals that every form holds (the scan looks
// for them first); back, how many bytes before its core the word may
// start, tried in order, leftmost first ("Re" or "Ré" before "solu");
// attached, that words may be glued before it (the Arabic clitics), so
// that no word boundary is asked for before it.
type resolutionWord struct {
	re       string
	cores    []string
	back     []int
	attached bool
}

// meetingLine is how a language writes the meeting that adopted a
// resolution: the ordinal suffix of its number (ordinalRe), the word for a
// resumed meeting, the words before and of "meeting" (plenaryRe, wordRe),
// and word, the literal every line holds.
type meetingLine struct {
	ordinalRe, resumed, plenaryRe, wordRe, word string
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
