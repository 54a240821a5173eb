package uncite_test

import (
	"testing"

	"github.com/uncite/uncite"
)

func TestDocumentYear(t *testing.T) {
	for date, want := range map[string]int{"2020-08-24": 2020, "1993": 1993, "": 0, "0000-01-01": 0, "n.d.": 0, "199": 0} {
		if got := (&uncite.Document{Date: date}).Year(); got != want {
			t.Errorf("Year of %q = %d, want %d", date, got, want)
		}
	}
}
