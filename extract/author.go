package extract

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/uncite/uncite/internal/prefilter"
	"github.com/uncite/uncite/refdata"
)

// Phrases after which a note verbale, letter or memorandum names the State
// that writes it ("from the Permanent Mission of Azerbaijan", "par la Mission
// permanente de l'Azerbaïdjan", "Постоянного представителя Катара",
// "الممثل الدائم لقطر").
// The words between the phrase and the name ("of the", "de l'") are
// written once for the languages that share them.
var reAuthorPhrase = prefilter.MustCompile(`(?:` + alternation(func(v *vocabulary) string { return v.authorRe }) + `)(?: a\.i\.)?(?: of(?: the)?| de(?: la| l['’]| los)?| del)?\s`)

// Chinese puts the State before the mission or ministry: "卡塔尔常驻联合国代表",
// "乌克兰外交部".
var reAuthorPhraseZH = prefilter.MustCompile(alternation(func(v *vocabulary) string { return v.authorAfterStateRe }))

// Drafts name their sponsors before ": draft resolution", amendments the
// State that moves them before ": amendments to draft resolution".
var reSponsorsEnd = prefilter.MustCompile(`:\**\s*(?:` + alternation(func(v *vocabulary) string { return v.sponsorsEndRe }) + `)`)

// sponsors returns the sponsor block of a draft: the lines of the block
// that ends with ": draft resolution", up to the colon.
func sponsors(cv *cover) (string, bool) {
	header := cv.lines
	for i, l := range header {
		m := reSponsorsEnd.FindStringIndex(l)
		if m == nil {
			continue
		}
		parts := []string{l[:m[0]]}
		for j := i - 1; j >= 0 && header[j] != "" && len(parts) < 12; j-- {
			parts = append([]string{header[j]}, parts...)
		}
		return strings.Join(parts, " "), true
	}
	return "", false
}

var reStateReport = prefilter.MustCompile(`(?i)` + alternation(func(v *vocabulary) string { return v.stateReportRe }))

// author finds the one State that wrote or transmitted the document: the
// mission or representative that sends a note verbale or letter, the single
// sponsor of a draft, the State whose national report or views it is. Where
// several States stand in that place, there is no single author.
func author(cv *cover, flowed string, hits []stateHit) string {
	header := cv.lines
	if block, ok := sponsors(cv); ok {
		states := findStates(block)
		if len(states) == 1 && !strings.Contains(block, ",") {
			return states[0].code
		}
		return ""
	}
	var buf [4]string
	order := authorCandidates(buf[:0], header, flowed[:min(len(flowed), 4000)], hits)
	if len(order) == 1 {
		return order[0]
	}
	if len(order) > 1 {
		return ""
	}
	if cv.match(reStateReport) {
		// The State stands on a line of its own under the title.
		for _, l := range header {
			if s := findStates(l); len(s) == 1 && s[0].start == 0 && s[0].end == len(l) {
				return s[0].code
			}
		}
	}
	return ""
}

// authorCandidates appends to order, in order and once each, the States that the
// opening window of the text names as its sender: after an author phrase
// ("The Permanent Mission of"), as the adjective of a foreign ministry, or
// first in a Chinese memorandum's title among the cover's lines.
func authorCandidates(order, header []string, window string, hits []stateHit) []string {
	found := map[string]bool{}
	add := func(c string) {
		if c != "" && !found[c] {
			found[c] = true
			order = append(order, c)
		}
	}
	for _, m := range reAuthorPhrase.FindAllStringSubmatchIndex(window) {
		add(stateAt(hits, m[1], 4))
	}
	for _, m := range reAuthorPhraseZH.FindAllStringSubmatchIndex(window) {
		for _, h := range hits {
			if h.end == m[0] {
				add(h.code)
			}
		}
	}
	// "le Ministère ukrainien des affaires étrangères", "the Ukrainian
	// Ministry of Foreign Affairs": the State as an adjective.
	for _, a := range ministryAdjectives(window) {
		add(stateOfAdjective(a.lang, a.word))
	}
	// A Chinese memorandum's title, a line of the cover, puts its author
	// first: "蒙古国关于……的备忘录" (Memorandum from Mongolia regarding …).
	for _, l := range header {
		if !strings.HasSuffix(l, "备忘录") {
			continue
		}
		if s := findStates(l); len(s) > 0 && s[0].start == 0 {
			add(s[0].code)
		}
	}
	return order
}

// stateAt returns the State named within slack bytes after offset at (an
// Arabic preposition or a French article may stand between).
func stateAt(hits []stateHit, at, slack int) string {
	for _, h := range hits {
		if h.start >= at && h.start <= at+slack {
			return h.code
		}
		if h.start < at && h.end > at {
			return h.code // "لقطر": the preposition is part of the name's token
		}
	}
	return ""
}

// adjectiveRule finds the foreign ministry named by a nationality
// adjective ("the Ukrainian Ministry of Foreign Affairs", "le Ministère
// ukrainien des affaires étrangères"): re, whose group 1 is the adjective,
// holds anchor and runs only within 80 bytes before it.
type adjectiveRule struct {
	re     *regexp.Regexp
	anchor string
}

type adjective struct{ lang, word string }

func ministryAdjectives(s string) []adjective {
	var out []adjective
	for _, v := range languages {
		r := v.ministryAdjective
		if r == nil {
			continue
		}
		// An adjective is one word: the patterns run around the words they hold.
		prefilter.EachAround(s, []string{r.anchor}, 80, 0, r.re, func(m []int) bool {
			out = append(out, adjective{v.code, s[m[2]:m[3]]})
			return true
		})
	}
	return out
}

// stateOfAdjective finds the State a nationality adjective is formed from:
// the one whose one-word name in that language, less its final vowels, the
// adjective starts with ("ukrainien" from "Ukraine", "Mongolian" from
// "Mongolia"). A stem shorter than four letters, or two States fitting as
// well, give none.
func stateOfAdjective(lang, adj string) string {
	adj = strings.ToLower(adj)
	best, bestLen, tie := "", 0, false
	for _, st := range adjectiveStems()[lang] {
		if !strings.HasPrefix(adj, st.stem) || len(adj) == len(st.stem) {
			continue
		}
		switch n := len(st.stem); {
		case n > bestLen:
			best, bestLen, tie = st.code, n, false
		case n == bestLen && st.code != best:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

type adjectiveStem struct{ code, stem string }

// adjectiveStems lists, by language, the stems of the States' one-word names.
var adjectiveStems = sync.OnceValue(func() map[string][]adjectiveStem {
	out := map[string][]adjectiveStem{}
	for _, s := range refdata.States() {
		for _, v := range languages {
			if v.ministryAdjective == nil {
				continue
			}
			lang := v.code
			for _, n := range s.Names[lang] {
				for _, v := range nameVariants(lang, n) {
					if strings.ContainsAny(v, " -'") {
						continue
					}
					stem := strings.TrimRight(strings.ToLower(v), "aeiouy")
					if utf8.RuneCountInString(stem) < 4 {
						continue
					}
					out[lang] = append(out[lang], adjectiveStem{s.Code, stem})
				}
			}
		}
	}
	return out
})
