package extract

import (
	"regexp"
	"testing"

	"github.com/uncite/uncite"
)

// TestVocabularies checks each language's table on its own, so that a
// mistake names the language and the field: its regular-expression
// fragments compile, its organ names are of organs, and the file-name tag
// of its code is read.
func TestVocabularies(t *testing.T) {
	seen := map[string]bool{}
	for _, v := range languages {
		if len(v.code) != 2 || seen[v.code] {
			t.Errorf("language code %q: not two letters, or twice", v.code)
		}
		seen[v.code] = true
		for field, expr := range map[string]string{
			"openingRe": v.openingRe, "amendmentRe": v.amendmentRe, "draftDecisionRe": v.draftDecisionRe,
			"draftResolutionRe": v.draftResolutionRe, "noteVerbaleRe": v.noteVerbaleRe, "adoptedResRe": v.adoptedResRe,
			"adoptedDecRe": v.adoptedDecRe, "letterRe": v.letterRe, "reportRe": v.reportRe, "titleStartRe": v.titleStartRe,
			"adoptedOnRe": v.adoptedOnRe, "agendaItemRe": v.agendaItemRe, "agendaOfRe": v.agendaOfRe,
			"authorRe": v.authorRe, "authorAfterStateRe": v.authorAfterStateRe, "sponsorsEndRe": v.sponsorsEndRe,
			"stateReportRe": v.stateReportRe, "resolution.re": v.resolution.re, "locatorRe": v.locatorRe,
			"meeting.ordinalRe": v.meeting.ordinalRe, "meeting.plenaryRe": v.meeting.plenaryRe, "meeting.wordRe": v.meeting.wordRe,
		} {
			if _, err := regexp.Compile(expr); err != nil {
				t.Errorf("%s.%s: %v", v.code, field, err)
			}
		}
		for body := range v.coverNames {
			if _, ok := uncite.BodyNames[body]; !ok {
				t.Errorf("%s.coverNames: %q is no organ", v.code, body)
			}
		}
		if v.resolution.re != "" && len(v.resolution.cores) == 0 {
			t.Errorf("%s.resolution: a word with no core is never looked for", v.code)
		}
		if _, langs := baseName("A_69_719." + v.code + ".txt"); len(langs) != 1 || langs[0] != v.code {
			t.Errorf("%s: file-name tag read as %q", v.code, langs)
		}
	}
}
