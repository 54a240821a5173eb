package extract

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// The grammars read by hand (citelist.go, matchDate, matchBodyName) as
// regular expressions: what the readers must agree with. refBodyName is
// written out rather than built from bodyNames, so that it checks the table
// too.
var (
	refItem = regexp.MustCompile(`^(?:No\.\s?|n[°º]\s?|№\s?)?(?:` +
		`((?:ES|S)-\d{1,2}/\d{1,3})` +
		`|(\d{1,4})/(\d{1,4})` +
		`|(\d{1,4})(?:\s?[A-Z](?:\s(?:and|to|et|y|и)\s[A-Z])?)?\s?[(（]\s?(?:(\d{4})|((?:ES|S)-)?([IVXL]{1,7})|د\s?[-–]\s?(\d{1,2}))\s?[)）]` +
		`|(\d{1,4})\b)`)
	refLetterPart    = regexp.MustCompile(`^\s[A-Z](?:\s(?:and|to|et|y)\s[A-Z])?\b`)
	refItemDate      = regexp.MustCompile(`^,?\s(?:of|du|de|del|от|المؤرخ|المؤرخة|adopted on|adoptée le)\s\d{1,2}(?:er|º)?\s(?:de\s)?[\p{L}/]+(?:\s(?:de\s)?\d{4}(?:\sгода|\sг\.)?)?`)
	refFootnote      = regexp.MustCompile(`^(?:,\d{1,3}| ?\d{1,3})\b`)
	refListSep       = regexp.MustCompile(`^(?: ?[,،] ?(?:(?:and|et|y|e|и|as well as|ainsi que|así como|а также) |و ?)?| (?:and|et|y|e|и|or|ou|o|или|as well as|ainsi que|así como|а также) | ?و ?)`)
	refBodyAfterLead = regexp.MustCompile(`^,?\s(?:of the |du |de la |del |de l['’]|des |adopted by the |adoptée par l['’]|)`)
	refDate          = regexp.MustCompile(`^(?:` + reDate.String() + `)`)
	refBodyName      = regexp.MustCompile(`^(?:(Security Council|Conseil de sécurité|Consejo de Seguridad|Совет\p{L}* Безопасности|مجلس الأمن|安全理事会|安理会)` +
		`|(General Assembly|Assemblée générale|Asamblea General|Генеральн\p{L}* Ассамбле\p{L}*|الجمعية العامة|联合国大会|大会)` +
		`|(Human Rights Council|Conseil des droits de l['’]homme|Consejo de Derechos Humanos|Совет\p{L}* по правам человека|مجلس حقوق الإنسان|人权理事会)` +
		`|(Economic and Social Council|Conseil économique et social|Consejo Económico y Social|Экономическ\p{L}* и Социальн\p{L}* Совет\p{L}*|المجلس الاقتصادي والاجتماعي|经济及社会理事会|经社理事会)` +
		`|(Commission on Human Rights|Commission des droits de l['’]homme|Comisión de Derechos Humanos|Комисси\p{L}* по правам человека|لجنة حقوق الإنسان|人权委员会)` +
		`|(Conference|Conférence|Conferencia|Конференци\p{L}*|مؤتمر|Subcommission|Sub-Commission|Sous-Commission|Subcomisión|Подкомисси\p{L}*)` +
		`|(Assembly|Assemblée|Asamblea|Ассамбле\p{L}*)` +
		`|(Council|Conseil|Consejo|Совет\p{L}*|المجلس)` +
		`|(Commission|Comisión|Комисси\p{L}*))`)
)

// listReaders pairs each reader with its regexp; a reader gives the
// submatch offsets where it matches, nil where it does not.
var listReaders = []struct {
	re   *regexp.Regexp
	read func(s string) []int
}{
	{refItem, func(s string) []int {
		if m, ok := matchItem(s); ok {
			return m[:]
		}
		return nil
	}},
	{refLetterPart, endOnly(letterPartEnd)},
	{refItemDate, endOnly(itemDateEnd)},
	{refFootnote, endOnly(footnoteEnd)},
	{refListSep, endOnly(listSepEnd)},
	{refBodyAfterLead, endOnly(bodyAfterLeadEnd)},
	{refDate, matchDate},
	{refBodyName, matchBodyName},
}

func endOnly(read func(string) (int, bool)) func(string) []int {
	return func(s string) []int {
		if end, ok := read(s); ok {
			return []int{0, end}
		}
		return nil
	}
}

func checkListReaders(t *testing.T, s string) {
	t.Helper()
	for _, r := range listReaders {
		want := r.re.FindStringSubmatchIndex(s)
		got := r.read(s)
		if len(got) == 2 && want != nil {
			want = want[:2]
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%.40s at %.60q: got %v, want %v", r.re, s, got, want)
		}
	}
}

// TestListReadersAgreeWithRegexp runs the readers and their regexps at many
// offsets of the test documents.
func TestListReadersAgreeWithRegexp(t *testing.T) {
	for _, text := range scanTexts(t) {
		for i := 0; i < len(text); i += 3 {
			checkListReaders(t, text[i:min(len(text), i+200)])
		}
	}
}

// TestListReadersOnMadeUpText runs them on every short sequence of pieces
// of their grammars (and of what breaks them).
func TestListReadersOnMadeUpText(t *testing.T) {
	pieces := []string{"1", "22", "4444", "55555", "/", " ", "\t", "\n", ",", "،", "(", ")", "（", "）", "S-", "ES-", "IV", "XLVIII",
		"د", "-", "–", "A", "B", "and", "и", "et", " and ", "o", "y", "or", "e", "و", "No.", "n°", "№", "of", "de", "del", "du",
		"er", "º", "°", "May", "mayo", "года", "г.", "as well as", "of the ", "de l'", "x", "_", "é", "\xff", "0"}
	var walk func(prefix string, depth int)
	walk = func(prefix string, depth int) {
		checkListReaders(t, prefix)
		if depth == 0 {
			return
		}
		for _, p := range pieces {
			walk(prefix+p, depth-1)
		}
	}
	walk("", 3)
	// Texts shaped like each grammar, one choice per slot, most of them
	// near misses.
	digits := []string{"", "1", "12", "123", "1234", "12345"}
	shapes := [][][]string{
		{{"", "No.", "No. ", "n° ", "№"}, {"", "ES-", "S-", "E-", "S"}, digits, {"", "/", " /"}, digits,
			{"", " A", "A", " a", " A and B", " A и B", " A y B", " A and b", " A andB"}, {"", " ", "a", "_", "é", "/", "1"}},
		{{"", "No.", "No. ", "No.  ", "n° ", "nº", "№", "№ "}, digits,
			{"", " A", "A", "  A", " a", " A and B", " A и B", " A y B", " A to B", " A and b", " A andB", " A et  B"},
			{"", " ", "  "}, {"(", "（", "", "["}, {"", " "},
			{"1993", "199", "19931", "I", "XLVIII", "XLVIIII", "IIIIVVVV", "S-IV", "ES-X", "E-X", "S-", "د-41", "د -4", "د– 123", "د - 12", "د", "د 4"},
			{"", " ", "  "}, {")", "）", "", "]"}, {"", " ", "a", "_", "é", "/", "1"}},
		{{"", ","}, {"", " ", "  ", "\t"}, {"of", "du", "de", "del", "от", "المؤرخ", "المؤرخة", "adopted on", "adoptée le", "ofx"},
			{"", " ", "  "}, digits, {"", "er", "º", "°"}, {"", " ", "  "}, {"", "de ", "de", "de  "},
			{"", "May", "mayo", "de", "мая", "/", "a/b", "2", "ſ"}, {"", " ", "  "}, {"", "de ", "de"}, digits,
			{"", " года", " г.", " г", "года", "  г.", "\tгода"}, {"", " ", "x"}},
		{{"", ",", "،", " "}, {"", " ", "  "}, {"", ",", "،", "و", " و"}, {"", " "},
			{"", "and", "et", "y", "e", "и", "or", "ou", "o", "или", "as well as", "ainsi que", "así como", "а также", "و"},
			{"", " ", "  ", "x"}},
		{{"", ",", " ", "  "}, digits, {"", " ", "a", "_", "."}},
		{{"", ","}, {"", " ", "\n", "  "}, {"", "of the ", "of the", "du ", "de la ", "de l'", "de l’", "des ", "del ", "adopted by the ", "adoptée par l’"}, {"", "x", " "}},
		{{"", "Совет", "Совета", "Генеральн", "Генеральной", "Экономическ", "Комисси", "Ассамбле", "Conseil des droits de l", "Council", "Human Rights"},
			{"", "ой", "ая", "é", "\xff", "1"}, {"", " ", "  ", "'", "’", "`"},
			{"", "Безопасности", "Ассамблеи", "Ассамбле", "по правам человека", "homme", "Council", "и Социального Совета", "и Социальн Совет"},
			{"", "ы", " ", "x"}},
	}
	x := uint64(1)
	next := func(n int) int {
		x = x*6364136223846793005 + 1442695040888963407
		return int((x >> 33) % uint64(n))
	}
	for _, shape := range shapes {
		for range 25000 {
			var b strings.Builder
			for _, slot := range shape {
				b.WriteString(slot[next(len(slot))])
			}
			checkListReaders(t, b.String())
		}
	}
	// Longer sequences of larger pieces, drawn deterministically.
	pieces = append(pieces, " of ", " du ", " de ", ", de ", "12 ", "1er ", "de ", "March ", " 2020", "2020", " года", " г.",
		" A", " and B", " и B", " to C", "(XLVIII", "XLVIIII", "I)", " (", "(S-IV)", "(ES-10)", "(د-41)", "(د - 4)", "822 ",
		"1874", "54/237", "ES-10/24", "S-30/1", "/12345", ", and ", " ou ", " или ", " а также ", ", ", "، و", " و ", "de la ",
		"adoptée par l’", "adopted on ", " 3 ", "mayo de ", "  ")
	for range 50000 {
		var b strings.Builder
		for n := 2 + x%9; n > 0; n-- {
			x = x*6364136223846793005 + 1442695040888963407
			b.WriteString(pieces[(x>>33)%uint64(len(pieces))])
		}
		checkListReaders(t, b.String())
	}
}
