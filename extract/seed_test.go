package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/uncite/uncite"
)

// TestSeedDocument checks every field of the project's seed note verbale: a
// French cover page of the Human Rights Council with an English annex by
// Azerbaijan citing four Security Council resolutions of 1993.
func TestSeedDocument(t *testing.T) {
	const name = "000_1a7a508cbf762381.txt"
	b, err := os.ReadFile(filepath.Join("..", "testdata", "docs", name))
	if err != nil {
		t.Fatal(err)
	}
	d := Extract(name, string(b), nil)

	check := func(field string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", field, got, want)
		}
	}
	check("ID", d.ID, "000_1a7a508cbf762381")
	check("Symbol", d.Symbol, "")
	check("File", d.File, name)
	check("SHA256", d.SHA256, "")
	check("Type", d.Type, "note verbale")
	check("Date", d.Date, "2020-08-24")
	check("Languages", d.Languages, []string{"fr", "en"})
	check("Body", d.Body, uncite.BodyHRC)
	check("Session", d.Session, 43)
	check("SessionStart", d.SessionStart, "2020-02-24")
	check("SessionEnd", d.SessionEnd, "2020-03-20")
	check("AgendaItems", d.AgendaItems, []uncite.AgendaItem{{
		Number: "4",
		Title:  "Situations relatives aux droits de l'homme qui requièrent l'attention du Conseil",
	}})
	check("Author", d.Author, "AZE")
	check("Title", d.Title, "Note verbale datée du 1er avril 2020, adressée au Haut-Commissariat des Nations Unies aux droits de l'homme par la Mission permanente de l'Azerbaïdjan auprès de l'Office des Nations Unies à Genève")
	var codes []string
	for _, m := range d.Mentions {
		codes = append(codes, m.State)
		if m.Count < 1 {
			t.Errorf("mention %s has count %d", m.State, m.Count)
		}
	}
	check("Mentions", codes, []string{"ARM", "AZE"})
	check("References", d.References, []string(nil))

	const sentence = "In 1993, the United Nations Security Council adopted resolutions 822 (1993), 853 (1993), 874 (1993) and 884 (1993), condemning the occupation of the territories of Azerbaijan and reaffirming respect for the sovereignty and territorial integrity of the Republic of Azerbaijan and the inviolability of its internationally recognized borders."
	var want []uncite.Citation
	for _, n := range []string{"822", "853", "874", "884"} {
		want = append(want, uncite.Citation{
			Symbol: "S/RES/" + n + " (1993)", Body: uncite.BodySC, Number: n, Year: 1993,
			Count: 1, Contexts: []string{sentence},
		})
	}
	check("Citations", d.Citations, want)
}
