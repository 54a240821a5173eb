package synth

// The parameters below were measured on the real extraction of the shared
// corpus (323 documents): the CLI was built with `go build -o /tmp/uncite
// ./cmd/uncite` and run as `/tmp/uncite extract --json
// /work/shared/corpus/docs`, and the JSON lines were tallied (mention counts,
// which the JSON leaves out, by reading the same files through
// loader.ReadDocument). "Resolution" documents are the 255 of type
// resolution; "other" documents are the remaining 68 (drafts, reports,
// decisions, notes verbales, letters), whose shape differs enough (far more
// mentions and references, a quarter with an author) to be kept apart.
//
// Histograms are bucket lower bounds with the number of measured documents
// that fell in [lower, next lower); the last bucket ends at the measured
// maximum. A draw picks a bucket by weight, then a value uniformly inside it.

// Citations per document (distinct resolutions cited). Measured means: 7.1
// for resolutions, 9.9 for other documents; a fifth cite nothing.
var (
	citationsResolution = histogram{
		{0, 51}, {1, 32}, {2, 27}, {3, 20}, {4, 14}, {5, 18}, {7, 27}, {10, 25},
		{15, 16}, {20, 15}, {30, 7}, {45, 3}, {75, 0},
	}
	citationsOther = histogram{
		{0, 11}, {1, 7}, {2, 11}, {3, 6}, {4, 2}, {5, 3}, {7, 7}, {10, 5},
		{15, 4}, {20, 8}, {30, 1}, {45, 2}, {70, 1}, {75, 0},
	}
)

// Mentioned States per document. Measured means: 2.4 for resolutions, 23 for
// other documents (a few reports name more than a hundred States).
var (
	mentionsResolution = histogram{
		{0, 69}, {1, 74}, {2, 42}, {3, 28}, {4, 13}, {5, 10}, {7, 10}, {10, 5},
		{15, 1}, {30, 3}, {45, 0},
	}
	mentionsOther = histogram{
		{0, 4}, {1, 13}, {2, 7}, {3, 2}, {4, 4}, {5, 9}, {7, 6}, {10, 2},
		{15, 1}, {20, 2}, {30, 7}, {45, 4}, {70, 4}, {120, 3}, {184, 0},
	}
)

// Symbols of other documents cited per document (References). Measured
// means: 3.8 for resolutions, 23 for other documents; 1.8% of all references
// named a document of the corpus itself.
var (
	referencesResolution = histogram{
		{0, 49}, {1, 58}, {2, 37}, {3, 25}, {4, 22}, {5, 18}, {7, 19}, {10, 15},
		{15, 6}, {20, 5}, {30, 1}, {45, 0},
	}
	referencesOther = histogram{
		{0, 8}, {1, 15}, {2, 5}, {3, 10}, {4, 9}, {5, 6}, {7, 3}, {10, 4},
		{15, 2}, {30, 1}, {45, 2}, {200, 3}, {471, 0},
	}
	inCorpusReferenceShare = 0.018
)

// Occurrences of one resolution in a citing document (Citation.Count):
// 85% once; measured 2,100 / 252 / 80 / 15 / 15 / 14 for 1, 2, 3, 4, 5, 6+.
var citationCount = histogram{{1, 2100}, {2, 252}, {3, 80}, {4, 15}, {5, 15}, {6, 14}, {12, 0}}

// Occurrences of a State in a document (Mention.Count): measured 1,122
// once, then 148, 145, 128, 85, 44, 30, 19, 11 for 2 to 9 and 453 for 10+.
var mentionCount = histogram{
	{1, 1122}, {2, 148}, {3, 145}, {4, 128}, {5, 85}, {6, 44}, {7, 30}, {8, 19}, {9, 11},
	{10, 453}, {30, 0},
}

const (
	// Share of citations in an operative paragraph (9.6% measured) and
	// share introduced by a clause verb (66% measured).
	operativeShare = 0.096
	verbShare      = 0.66
	// Share of documents the extraction found a title for (45%), a date for
	// (99%) and a symbol for (98.8%).
	titleShare  = 0.45
	dateShare   = 0.99
	symbolShare = 0.988
	// 321 of 323 documents are in English only; the others pair French or
	// Spanish with an English annex.
	nonEnglishShare = 0.006
	// Share of documents of the measured 79% resolutions. At scale this
	// cannot hold (there are only some 13,000 resolutions to be), so
	// resolution documents are capped at half the Security Council and
	// General Assembly resolutions (maxResolutionDocShare of them): the rest
	// of a large corpus is drafts, reports and correspondence.
	resolutionDocShare    = 0.79
	maxResolutionDocShare = 0.5
	// Measured: 130 Security Council and 125 General Assembly resolutions.
	scResolutionDocShare = 130.0 / 255
	// Share of General Assembly resolution documents issued under two
	// agenda items rather than one (1 of 125), also used for other documents.
	secondAgendaItemShare = 0.01
	// Share of General Assembly agenda items with a sub-item letter, as in
	// "71 (b)" (55% measured).
	subItemShare = 0.55
)

// Verbs introducing citations with their measured frequencies (top 15).
var verbs = weighted[string]{
	items: []string{"Recalling", "Reaffirming", "Welcoming", "Reaffirms", "Recalls", "Noting", "Bearing",
		"Takes", "Taking", "Encourages", "Having", "Recognizing", "Calls", "Decides", "Notes"},
	weights: []float64{1165, 195, 63, 50, 48, 28, 23, 21, 20, 18, 18, 17, 17, 16, 14},
}

// otherType is a non-resolution document type with its body and the share
// of such documents with an author and with an agenda item (measured per
// type; notes verbales and letters come from a State by definition).
type otherType struct {
	Type         string
	Body         string
	AuthorShare  float64
	AgendaShare  float64
	SessionDates float64 // share stating the session's dates
}

// otherTypes weighs non-resolution documents as measured: 37 draft
// resolutions, 5 draft decisions (General Assembly), 20 reports, 3
// decisions, 1 note verbale, 1 letter (Human Rights Council).
var otherTypes = weighted[otherType]{
	items: []otherType{
		{"draft resolution", "GA", 10.0 / 37, 1, 0.05},
		{"draft decision", "GA", 0, 1, 0.05},
		{"report", "HRC", 7.0 / 20, 8.0 / 20, 0.6},
		{"decision", "HRC", 0, 1, 0.6},
		{"note verbale", "HRC", 1, 1, 0.6},
		{"letter", "HRC", 1, 0, 0.6},
	},
	weights: []float64{37, 5, 20, 3, 1, 1},
}

// Share of resolutions with an author (5 of 255: co-sponsor lists misread
// as one State, kept because the stores must cope with it).
const resolutionAuthorShare = 5.0 / 255

// citedBodies gives, for the body of a citing document, the bodies of the
// resolutions it cites, as measured (GA documents: 1,768 GA, 86 SC, 69 HRC,
// 26 ECOSOC, 1 CHR citations; SC: 270 SC, 18 GA; HRC: 186 HRC, 32 GA, 10 SC,
// 7 ECOSOC, 3 CHR).
var citedBodies = map[string]weighted[string]{
	"GA":  {items: []string{"GA", "SC", "HRC", "ECOSOC", "CHR"}, weights: []float64{1768, 86, 69, 26, 1}},
	"SC":  {items: []string{"SC", "GA"}, weights: []float64{270, 18}},
	"HRC": {items: []string{"HRC", "GA", "SC", "ECOSOC", "CHR"}, weights: []float64{186, 32, 10, 7, 3}},
}

// Popularity of resolutions within a body follows a power law with this
// exponent: the measured citation counts by rank (74, 36, 22 at rank 5, 16
// at rank 10, 4 at 50, 3 at 100) fall as rank^-0.7, both from rank 1 to 100
// and from 10 to 500. math/rand/v2's Zipf needs an exponent above 1, which
// would make the head far too steep, so powerLaw samples it instead.
const resolutionPopularity = 0.7

// mostCited are the measured most cited resolutions, which head the
// popularity ranking of their body so that the popular targets of the
// benchmarks are the real ones.
var mostCited = []string{
	"A/RES/70/1", "A/RES/69/313", "A/RES/79/1", "A/RES/217 (III)", "A/RES/71/256",
	"A/RES/69/283", "A/RES/2200 (XXI)", "A/HRC/RES/5/1", "A/RES/79/323", "A/RES/S-10/2",
	"A/HRC/RES/16/21", "A/RES/55/2", "A/RES/1514 (XV)", "A/RES/73/195", "A/RES/66/288",
}

// States are mentioned with a flat power law (the 15th most mentioned State
// is named in 24 documents, the first in 43: rank^-0.22, rounded up) and
// author documents with a steeper one: few missions write most of the
// correspondence (an assumption; 23 authored documents are too few to say).
const (
	mentionPopularity = 0.3
	authorPopularity  = 0.7
)

// A citation continues the list of the one before it (the next resolutions
// in the same series, as in "resolutions 822 (1993), 853 (1993) and 874
// (1993)") with this probability; an assumption, which gives co-citation the
// clustered shape real lists have.
const seriesShare = 0.35
