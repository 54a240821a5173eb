package extract

import (
	"regexp"
	"time"

	"github.com/uncite/uncite"
)

// english is the vocabulary of English.
var english = vocabulary{
	code: langEN,
	coverNames: map[string]string{
		uncite.BodySC: "Security Council", uncite.BodyGA: "General Assembly",
		uncite.BodyHRC: "Human Rights Council", uncite.BodyECOSOC: "Economic and Social Council",
	},
	textNames: [...][]string{
		{"Security Council"}, {"General Assembly"}, {"Human Rights Council"}, {"Economic and Social Council"},
		{"Commission on Human Rights"}, {"Conference", "Subcommission", "Sub-Commission"},
		{"Assembly"}, {"Council"}, {"Commission"},
	},
	openingRe:         `The (?:General Assembly|Security Council|Human Rights Council|Economic and Social Council|Commission on Human Rights),`,
	unitedNations:     "United Nations",
	amendmentRe:       `[Aa]mendments? to (?:the )?draft|AMENDMENTS? TO (?:THE )?DRAFT`,
	draftDecisionRe:   `[Dd]raft decision|DRAFT DECISION`,
	draftResolutionRe: `[Dd]raft resolution|DRAFT RESOLUTION`,
	noteVerbaleRe:     `[Nn]ote verbale|NOTE VERBALE`,
	adoptedResRe:      `[Rr]esolution adopted by|RESOLUTION ADOPTED BY`,
	adoptedDecRe:      `[Dd]ecision adopted by|DECISION ADOPTED BY`,
	letterRe:          `Letter dated|Identical letters dated|Madam,|Sir,|Excellency,|Dear `,
	reportRe:          `(?:National |Annual )?report\b|Compilation\b|Summary\b|Views on conclusions`,
	titleStartRe:      `Note verbale|Letter dated|Identical letters|(?:National )?[Rr]eport\b|Compilation\b|Summary of\b`,
	corrigendum:       "Corrigendum",
	addendum:          "Addendum",
	adoptedOnRe:       `adopted by the [\p{L}\s]{3,40}?\son\s`,
	meeting:           meetingLine{ordinalRe: `st|nd|rd|th`, resumed: "resumed", plenaryRe: `plenary `, wordRe: `meeting`, word: "meeting"},
	session:           &sessionRule{regexp.MustCompile(`\b([A-Z][a-z]+(?:-[a-z]+)?|\d{1,3}(?:st|nd|rd|th))\s+session\b`), "session", 1, 8},
	agendaItemRe:      `Agenda items?\s|Items?\s`,
	agendaAnd:         "and",
	agendaOfRe:        `of the (?:provisional )?agenda`,
	authorRe:          `Permanent (?:Mission|Representative)|PERMANENT (?:MISSION|REPRESENTATIVE)|Chargé d['’]affaires a\.i\.|Memorandum from|Ministry of Foreign Affairs`,
	sponsorsEndRe:     `draft resolution|draft decision|[Aa]mendments? to`,
	stateReportRe:     `national report|State under review`,
	ministryAdjective: &adjectiveRule{regexp.MustCompile(`\b(\p{Lu}\p{Ll}+) Ministry of Foreign Affairs`), "Foreign Affairs"},
	locatorRe:         `annex(?:es)?(?: [IVX]+)?|chap\. [IVX]+|chapter [IVX]+|sect\. [IVX]+`,
	// "solu" is the French and Spanish core too, after "Ré" or "Re".
	resolution:         resolutionWord{re: `\b(?:[Rr]esolutions?|RESOLUTIONS?)\b`, cores: []string{"solu", "SOLU"}, back: []int{3, 2}},
	continuationAnd:    "and",
	continuationPhrase: "as well as",
	numberSigns:        []string{"No."},
	listAnd:            []string{"and", "as well as"},
	listOr:             []string{"or"},
	itemDateWords:      []string{"of", "adopted on"},
	bodyAfterLeads:     []string{"of the ", "adopted by the "},
	placeBefore:        []string{"New ", "state of "},
	placeAfter:         []string{" province", " Province", " state", " county", " river", " River", " basin", " Basin", " Delta"},
	// With those of UN symbols and notes, written in English in every
	// language ("Corr.", "Distr.", "a.i.").
	abbreviations: []string{"para", "paras", "No", "Nos", "no", "vol", "art", "arts", "chap", "sect", "Corr", "Add", "Rev",
		"Mr", "Mrs", "Ms", "Dr", "St", "p", "pp", "e.g", "i.e", "etc", "cf", "Distr", "annex", "op", "Supp", "Inc", "Ltd",
		"No.", "U.S", "a.i"},
	possessives: []string{"its"},
	countWords:  []string{"two", "three", "four", "five", "several", "both", "many"},
	gapWords: []string{"in", "its", "the", "of", "and", "by", "as", "well", "also", "decision", "decisions",
		"resolution", "resolutions"},
	notQualifiers:      []string{"The", "In", "By", "At", "On", "Of", "For", "Also", "And", "As", "Its", "Further", "Both"},
	qualifierJoins:     []string{"on", "for", "of", "the", "and"},
	adverbs:            []string{"also", "further", "again", "once", "more", "deeply", "strongly", "firmly", "duly"},
	clauseVerbSuffixes: []string{"ing"},
	openingArticles:    []string{"The "},
	numberWords: map[string]int{
		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
		"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
		"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
		"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
		"eightieth": 80, "ninetieth": 90, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
		"seventy": 70, "eighty": 80, "ninety": 90, "hundredth": 100,
	},
	months: map[string]time.Month{
		"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
		"september": 9, "october": 10, "november": 11, "december": 12,
	},
	// Words the Latin-script languages share ("de", "la", "en", "que")
	// are left out of every list on purpose.
	functionWords: []string{"the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "by", "as", "are", "be",
		"this", "which", "its", "has", "have", "from", "at", "it", "was", "were", "will", "their"},
}
