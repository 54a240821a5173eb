package extract

import "testing"

func TestZZLits(t *testing.T) {
	for _, e := range []string{reAuthorPhrase.String(), reAgenda.String(), reBodyName.String(), reHRCHeader.String(), reNoteVerbale.String(), reAdoptedOn.String(), reStateReport.String(), reDate.String(), reSponsorsEnd.String(), reAuthorPhraseZH.String(), reContinuation.String(), reLetter.String()} {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Logf("PANIC %v", r)
				}
			}()
			p := mustPrefilter(e)
			t.Logf("%d exact=%v span=%d %q", len(p.lits), p.exact, p.maxLen, p.lits)
		}()
	}
}

func TestZZStop(t *testing.T) {
	m := 0
	for w := range stopwords {
		m = max(m, len(w))
	}
	t.Logf("max stopword %d", m)
}
