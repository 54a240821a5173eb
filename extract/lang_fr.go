package extract

import (
	"regexp"
	"time"

	"github.com/uncite/uncite"
)

// french is the vocabulary of French.
var french = vocabulary{
	code: langFR,
	coverNames: map[string]string{
		uncite.BodySC: "Conseil de sécurité", uncite.BodyGA: "Assemblée générale",
		uncite.BodyHRC: "Conseil des droits de l'homme", uncite.BodyECOSOC: "Conseil économique et social",
	},
	// "Commission" is written as in English.
	textNames: [...][]string{
		{"Conseil de sécurité"}, {"Assemblée générale"}, {"Conseil des droits de l'homme"}, {"Conseil économique et social"},
		{"Commission des droits de l'homme"}, {"Conférence", "Sous-Commission"},
		{"Assemblée"}, {"Conseil"}, nil,
	},
	openingRe:         `L[ea] .{3,40},$`,
	unitedNations:     "Nations Unies",
	amendmentRe:       `[Aa]mendements? (?:au|à)`,
	draftDecisionRe:   `projet de décision`,
	draftResolutionRe: `projet de résolution`,
	// "note verbale" is written as in English.
	adoptedResRe:      `résolution adoptée par`,
	adoptedDecRe:      `décision adoptée par`,
	letterRe:          `Lettre datée`,
	reportRe:          `Rapport\b`,
	titleStartRe:      `Lettre datée|Rapport\b`,
	corrigendum:       "Rectificatif",
	addendum:          "Additif",
	adoptedOnRe:       `adoptée par l['’][\p{L}\s]{3,40}?\sle\s`,
	meeting:           meetingLine{ordinalRe: `e|re`, resumed: "reprise", wordRe: `séance(?: plénière)?`, word: "séance"},
	session:           &sessionRule{regexp.MustCompile(`\b([A-ZÉ][\p{L}]+(?:-(?:et-)?[\p{L}]+)*|\d{1,3}e)\s+session\b`), "session", 1, 8},
	agendaItemRe:      `Points? `,
	agendaAnd:         "et",
	agendaOfRe:        `de l['’]ordre du jour(?: provisoire)?`,
	authorRe:          `[Mm]ission permanente|[Rr]eprésentante? permanente?|Mémorandum établi par|[Mm]inistère des affaires étrangères`,
	sponsorsEndRe:     `projet de résolution|projet de décision|[Aa]mendements? (?:au|à)`,
	ministryAdjective: &adjectiveRule{regexp.MustCompile(`[Mm]inistère (\p{Ll}+) des affaires étrangères`), "étrangères"},
	resolution:        resolutionWord{re: `\b(?:[Rr]ésolutions?)\b`, cores: []string{"solu"}, back: []int{3, 2}},
	continuationAnd:   "et",
	numberSigns:       []string{"n°"},
	listAnd:           []string{"et", "ainsi que"},
	listOr:            []string{"ou"},
	itemDateWords:     []string{"du", "de", "adoptée le"},
	bodyAfterLeads:    []string{"du ", "de la ", "de l'", "de l’", "des ", "adoptée par l'", "adoptée par l’"},
	placeBefore:       []string{"Nouveau ", "Nouvelle ", "province de l'", "province de l’", "province de ", "état de "},
	abbreviations:     []string{"M", "Mme"},
	possessives:       []string{"sa", "ses"},
	countWords:        []string{"deux", "trois", "plusieurs"},
	gapWords:          []string{"dans", "sa", "ses", "la", "les", "de", "et", "en"},
	notQualifiers:     []string{"Le", "La", "Les", "Dans", "Par", "En"},
	qualifierJoins:    []string{"de", "des", "du", "pour", "sur", "la", "l'", "et"},
	adverbs:           []string{"aussi", "également", "de", "nouveau"},
	// "Rappelant", "Réaffirmant".
	clauseVerbSuffixes: []string{"ant"},
	openingArticles:    []string{"L'", "L’", "Le ", "La "},
	numberWords: map[string]int{
		"premier": 1, "première": 1, "unième": 1, "deuxième": 2, "troisième": 3, "quatrième": 4,
		"cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10,
		"onzième": 11, "douzième": 12, "treizième": 13, "quatorzième": 14, "quinzième": 15, "seizième": 16,
		"vingtième": 20, "trentième": 30, "quarantième": 40, "cinquantième": 50, "soixantième": 60,
		"un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
		"dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
		"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
	},
	months: map[string]time.Month{
		"janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
		"septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
	},
	functionWords: []string{"le", "les", "des", "du", "et", "à", "qui", "pour", "dans", "par", "une", "sur", "est", "au",
		"aux", "ses", "cette", "ces", "il", "sont", "ont", "été", "leur", "avec"},
}
