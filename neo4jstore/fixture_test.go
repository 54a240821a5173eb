package neo4jstore

import (
	"github.com/uncite/uncite"
)

// The small graph the graph-view, facet and search tests share. Every
// expectation in those tests is worked out by hand from it:
//
//	d1 A/HRC/43/G/1  2020-03-02 HRC-43, item 4  by ARM, mentions ARM 3, AZE 2
//	                 cites 822 (x2), 853         refers to A/HRC/43/G/2
//	d2 A/HRC/43/G/2  2021-01-05 HRC-43, no item by AZE, mentions ARM 1
//	                 cites 822, 853, 874, A/RES/60/251
//	d3 x.txt         2020-06-01 SC, no session  by ARM
//	                 cites 822, 874
//	r  S/RES/822 (1993), the resolution itself, 1993-04-30, cites 812
const (
	d1ID = "A/HRC/43/G/1"
	d2ID = "A/HRC/43/G/2"
	d3ID = "x.txt"
	r822 = "S/RES/822 (1993)"
	r812 = "S/RES/812 (1993)"
	r853 = "S/RES/853 (1993)"
	r874 = "S/RES/874 (1993)"
	r251 = "A/RES/60/251"
)

func cite(symbol string, count int) uncite.Citation {
	c, _ := uncite.ParseResolutionSymbol(symbol)
	c.Count = count
	return c
}

func fixture() []*uncite.Document {
	return []*uncite.Document{
		{
			ID: d1ID, Symbol: d1ID, Title: "Note verbale dated 2 March 2020", Type: "note verbale", Date: "2020-03-02",
			Body: uncite.BodyHRC, Session: 43, SessionStart: "2020-02-24", SessionEnd: "2020-03-20",
			AgendaItems: []uncite.AgendaItem{{Number: "4", Title: "Human rights situations"}},
			Author:      "ARM", Mentions: []uncite.Mention{{State: "ARM", Count: 3}, {State: "AZE", Count: 2}},
			Citations:  []uncite.Citation{cite(r822, 2), cite(r853, 1)},
			References: []string{d2ID},
			Text:       "The Permanent Mission of Armenia presents its compliments. Human rights situations.",
			SHA256:     "d1",
		},
		{
			ID: d2ID, Symbol: d2ID, Title: "Letter", Type: "letter", Date: "2021-01-05",
			Body: uncite.BodyHRC, Session: 43,
			Author: "AZE", Mentions: []uncite.Mention{{State: "ARM", Count: 1}},
			Citations: []uncite.Citation{cite(r822, 1), cite(r853, 1), cite(r874, 1), cite(r251, 1)},
			Text:      "Постоянное представительство Азербайджана; Российская Федерация. Human dignity, rights-based.",
			SHA256:    "d2",
		},
		{
			ID: d3ID, Title: "Untitled", Date: "2020-06-01", Body: uncite.BodySC, Author: "ARM",
			Citations: []uncite.Citation{cite(r822, 1), cite(r874, 1)},
			Text:      "Right of self-determination; humanrights is one word here.",
			SHA256:    "d3",
		},
		{
			ID: r822, Symbol: r822, Title: "Resolution 822 (1993)", Type: "resolution", Date: "1993-04-30",
			Body: uncite.BodySC, Citations: []uncite.Citation{cite(r812, 1)},
			Text: "The Security Council, recalling its resolution 812 (1993), Армения.", SHA256: "r822",
		},
	}
}
