package extract

import (
	"reflect"
	"testing"
)

// citedSymbols extracts text as the given file and returns the symbols of
// its citations.
func citedSymbols(name, text string) []string {
	var out []string
	for _, c := range Extract(name, text, nil).Citations {
		out = append(out, c.Symbol)
	}
	return out
}

// Sentences from the corpus (trimmed), one per language and citation form.
func TestCitationForms(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             []string
	}{
		{"en SC list", "x.en.txt",
			"In 1993, the United Nations Security Council adopted resolutions 822 (1993), 853 (1993), 874 (1993) and 884 (1993), condemning the occupation.",
			[]string{"S/RES/822 (1993)", "S/RES/853 (1993)", "S/RES/874 (1993)", "S/RES/884 (1993)"}},
		{"en SC with dates", "x.en.txt",
			"Noting with satisfaction the convening in Madrid, on the basis of Security Council resolutions\n242 (1967) of 22 November 1967, 338 (1973) of 22 October 1973 and 425 (1978) of\n19 March 1978 and the formula of land for peace,",
			[]string{"S/RES/242 (1967)", "S/RES/338 (1973)", "S/RES/425 (1978)"}},
		{"en SC dates without year", "S_RES_67(1949).en.txt",
			"Recalling its resolutions 27 (1947) of 1 August, 30\n(1947) and 31 (1947) of 25 August, and 36 (1947) of\n1 November 1947, with respect to the Indonesian question,",
			[]string{"S/RES/27 (1947)", "S/RES/30 (1947)", "S/RES/31 (1947)", "S/RES/36 (1947)"}},
		{"en SC number without year", "S_RES_1454(2002).en.txt",
			"Noting that the United Nations Security Council resolution 1051 lists are reviewed,",
			[]string{"S/RES/1051 (1996)"}},
		{"en GA and HRC in an HRC decision", "A_HRC_DEC_14_105.en.txt",
			"Acting in compliance with the mandate entrusted to it by the General Assembly in its\nresolution 60/251 of 15 March 2006 and Council resolution 5/1 of 18 June 2007,",
			[]string{"A/HRC/RES/5/1", "A/RES/60/251"}},
		{"en GA old session with letter", "x.en.txt",
			"Recalling the Universal Declaration of Human Rights, adopted by the General Assembly in resolution 217 A (III) of 10 December 1948,",
			[]string{"A/RES/217 (III)"}},
		{"en GA special session old form", "x.en.txt",
			"Recalling its resolutions 1874 (S-IV) of 27 June 1963 and 3101 (XXVIII) of 11 December 1973,",
			[]string{"A/RES/1874 (S-IV)", "A/RES/3101 (XXVIII)"}},
		{"en GA emergency session", "x.en.txt",
			"Recalling its resolution ES-10/24 of 18 September 2024,",
			[]string{"A/RES/ES-10/24"}},
		{"en ECOSOC year/number", "x.en.txt",
			"Recalling Economic and Social Council resolution 1996/31 of 25 July 1996,",
			[]string{"E/RES/1996/31"}},
		{"en footnote marks glued to dates", "A_RES_79_172.en.txt",
			"including General Assembly resolution 77/219 of 15 December 2022 and Human Rights\nCouncil resolutions 37/22 of 23 March 201810 and 42/11 of 26 September 2019,11",
			[]string{"A/HRC/RES/37/22", "A/HRC/RES/42/11", "A/RES/77/219"}},
		{"en list after descriptive clauses", "A_RES_80_106.en.txt",
			"Recalling the perennial validity of its resolutions 1514 (XV) of 14 December\n1960, containing the Declaration, 1541 (XV) of 15 December 1960, containing the principles, and 2625 (XXV)\nof 24 October 1970, containing the Declaration on Principles of International Law,",
			[]string{"A/RES/1514 (XV)", "A/RES/1541 (XV)", "A/RES/2625 (XXV)"}},
		{"en resolution in another document's annex", "A_RES_80_72.en.txt",
			"10 A/56/1026-S/2002/932, annex II, resolution 14/221.",
			nil},
		{"en explicit symbol", "x.en.txt",
			"Resolution (A/76/L.75) was adopted as A/RES/76/300 by the Assembly.",
			[]string{"A/RES/76/300"}},
		{"fr", "x.fr.txt",
			"L'emploi de gaz chloré constitue une violation, notamment de la résolution 2118 (2013) du Conseil de sécurité, dans laquelle les membres du Conseil ont conclu.",
			[]string{"S/RES/2118 (2013)"}},
		{"fr list", "x.fr.txt",
			"1. Réaffirme la nécessité de procéder à la transition politique, en application des résolutions 2014 (2011), 2051 (2012) et 2140 (2014), au vu des attentes du peuple yéménite;",
			[]string{"S/RES/2014 (2011)", "S/RES/2051 (2012)", "S/RES/2140 (2014)"}},
		{"es", "x.es.txt",
			"Tengo el honor de transmitirle una carta relativa a la aplicación de la resolución 2118 (2013) del Consejo de Seguridad (véase el anexo).",
			[]string{"S/RES/2118 (2013)"}},
		{"ru", "x.ru.txt",
			"Имею честь настоящим препроводить письмо, касающееся осуществления резолюции 2118 (2013) Совета Безопасности (см. приложение).",
			[]string{"S/RES/2118 (2013)"}},
		{"ru ECOSOC old session", "x.ru.txt",
			"Согласно положениям резолюции 1147 (XLI) Экономического и Социального Совета в 2015 году члены комиссий подлежат избранию.",
			[]string{"E/RES/1147 (XLI)"}},
		{"ar", "x.ar.txt",
			"أتشرف بأن أحيل إليكم طيه رسالة بشأن تنفيذ قرار مجلس الأمن 2118 (2013) (انظر المرفق).",
			[]string{"S/RES/2118 (2013)"}},
		{"ar dual and Arabic session", "x.ar.txt",
			"التي وضعتها اللجنة المنبثقة عن القرارين 1267 (1999) و 1989 (2011)، وبموجب أحكام قرار المجلس الاقتصادي والاجتماعي 1147 (د-41)",
			[]string{"E/RES/1147 (XLI)", "S/RES/1267 (1999)", "S/RES/1989 (2011)"}},
		{"zh", "x.zh.txt",
			"谨随函转递有关执行安全理事会第2118(2013)号决议的信(见附件)。",
			[]string{"S/RES/2118 (2013)"}},
		{"zh list", "x.zh.txt",
			"重申需要依照第2014(2011)、第2051(2012)和第2140(2014)号决议及时全面实现政治过渡；",
			[]string{"S/RES/2014 (2011)", "S/RES/2051 (2012)", "S/RES/2140 (2014)"}},
		{"decision is not a citation", "x.en.txt",
			"Taking note of Human Rights Council decision 18/120 of 30 September 2011,",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := citedSymbols(tt.file, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("citations = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMentionForms(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"en formal and short", "the Republic of Armenia occupies territories of Azerbaijan", []string{"ARM", "AZE"}},
		{"en adjective only", "the Armenian occupying forces", nil},
		{"en upper case and ampersand", "UNITED KINGDOM OF GREAT BRITAIN & NORTHERN IRELAND", []string{"GBR"}},
		{"en longest name wins", "Papua New Guinea and Guinea-Bissau", []string{"GNB", "PNG"}},
		{"en currency", "5 million United States dollars", nil},
		{"fr elision", "la Mission permanente de l'Azerbaïdjan et l'Arménie", []string{"ARM", "AZE"}},
		{"es", "la situación en el Yemen y en la República Árabe Siria", []string{"SYR", "YEM"}},
		{"ru case forms", "против Армении и Азербайджанской Республики", []string{"ARM", "AZE"}},
		{"ru neuter noun", "Соединенного Королевства Великобритании и Северной Ирландии", []string{"GBR"}},
		{"ar prefixes", "بين أرمينيا وأذربيجان وللاتحاد الروسي", []string{"ARM", "AZE", "RUS"}},
		{"zh", "卡塔尔常驻联合国代表给安全理事会主席的信", []string{"QAT"}},
		{"zh language name", "以西班牙语提交", nil},
		{"zh longest name", "南苏丹和索马里", []string{"SOM", "SSD"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range mentions(findStates(tt.text)) {
				got = append(got, m.State)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("mentions = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHeaderForms(t *testing.T) {
	tests := []struct {
		name, text string
		session    int
		item       string
	}{
		{"en", "Human Rights Council\nForty-third session\n24 February–20 March 2020\nAgenda item 4\nHuman rights situations\n", 43, "4"},
		{"fr", "Conseil des droits de l'homme\nQuarante-troisième session\n24 février-20 mars 2020\nPoint 4 de l'ordre du jour\n", 43, "4"},
		{"es", "Consejo de Derechos Humanos\n43º período de sesiones\nTema 4 de la agenda\n", 43, "4"},
		{"ru", "Совет по правам человека\nСорок третья сессия\nПункт 4 повестки дня\n", 43, "4"},
		{"ar", "مجلس حقوق الإنسان\nالدورة الثالثة والأربعون\nالبند 4 من جدول الأعمال\n", 43, "4"},
		{"zh", "人权理事会\n第四十三届会议\n议程项目4\n", 43, "4"},
		{"en sub-item", "General Assembly\nSeventy-eighth session\nAgenda item 100 (a)\n", 78, "100 (a)"},
		{"fr quatre-vingt", "Assemblée générale\nQuatre-vingtième session\n", 80, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Extract("x.txt", tt.text, nil)
			if d.Session != tt.session {
				t.Errorf("Session = %d, want %d", d.Session, tt.session)
			}
			item := ""
			if len(d.AgendaItems) > 0 {
				item = d.AgendaItems[0].Number
			}
			if item != tt.item {
				t.Errorf("agenda item = %q, want %q", item, tt.item)
			}
		})
	}
}

func TestDocumentID(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"A_69_719.fr.txt", "Lettre datée du 9 janvier 2015.", "A/69/719 (fr)"},
		{"A_69_719.en.txt", "Letter dated 9 January 2015.", "A/69/719"},
		{"S_RES_822(1993).en.txt", "Resolution 822 (1993)\nof 30 April 1993\n", "S/RES/822 (1993)"},
		{"000_1a7a508cbf762381.txt", "Texte.", "000_1a7a508cbf762381"},
		{"notes.md", "---\nsymbol: A/RES/80/2\ntitle: \"x\"\n---\nThe General Assembly,", "A/RES/80/2"},
	}
	for _, tt := range tests {
		if got := Extract(tt.name, tt.text, nil).ID; got != tt.want {
			t.Errorf("Extract(%q).ID = %q, want %q", tt.name, got, tt.want)
		}
	}
}
