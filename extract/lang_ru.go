package extract

import (
	"regexp"
	"time"

	"github.com/uncite/uncite"
)

// russian is the vocabulary of Russian.
var russian = vocabulary{
	code: langRU,
	coverNames: map[string]string{
		uncite.BodySC: "Совет Безопасности", uncite.BodyGA: "Генеральная Ассамблея",
		uncite.BodyHRC: "Совет по правам человека", uncite.BodyECOSOC: "Экономический и Социальный Совет",
	},
	textNames: [...][]string{
		{"Совет* Безопасности"}, {"Генеральн* Ассамбле*"}, {"Совет* по правам человека"}, {"Экономическ* и Социальн* Совет*"},
		{"Комисси* по правам человека"}, {"Конференци*", "Подкомисси*"},
		{"Ассамбле*"}, {"Совет*"}, {"Комисси*"},
	},
	unitedNations:     "Организация Объединенных Наций",
	amendmentRe:       `[Пп]оправк[аи] к проекту`,
	draftDecisionRe:   `проект решения`,
	draftResolutionRe: `проект резолюции`,
	noteVerbaleRe:     `[Вв]ербальная нота`,
	adoptedResRe:      `резолюция, принятая`,
	adoptedDecRe:      `решение, принятое`,
	letterRe:          `Письмо`,
	reportRe:          `Доклад\b`,
	titleStartRe:      `Письмо`,
	corrigendum:       "Исправление",
	addendum:          "Добавление",
	session:           &sessionRule{regexp.MustCompile(`([А-Я][а-я]+(?:\s[а-я]+)?)\s+сессия`), "сессия", 2, 0},
	agendaItemRe:      `Пункты? `,
	agendaAnd:         "и",
	agendaOfRe:        `повестки дня`,
	authorRe:          `[Пп]остоянного представительства|[Пп]остоянного представителя|[Пп]остоянное представительство|[Пп]остоянный представитель|Меморандум|[Мм]инистерства иностранных дел`,
	sponsorsEndRe:     `проект резолюции|[Пп]оправк[аи] к`,
	resolution:        resolutionWord{re: `[Рр]езолюци[яиюейхм]*`, cores: []string{"езолюц"}, back: []int{2}},
	continuationAnd:   "и",
	numberSigns:       []string{"№"},
	listAnd:           []string{"и", "а также"},
	listOr:            []string{"или"},
	itemDateWords:     []string{"от"},
	yearSuffixes:      []string{"года", "г."},
	placeBefore:       []string{"провинция ", "провинции ", "штат ", "штата "},
	placeAfter:        []string{" провинци*"},
	abbreviations:     []string{"п", "пп", "г", "см"},
	possessives:       []string{"своей", "свою", "своих", "своими"},
	countWords:        []string{"два", "две", "три"},
	gapWords:          []string{"в", "своей", "своих", "и"},
	qualifierJoins:    []string{"по", "и"},
	adverbs:           []string{"вновь", "также"},
	// "Ссылаясь", "подтверждая" and the participles of the clauses.
	clauseVerbSuffixes: []string{"ая", "яя", "вая", "ясь", "аясь"},
	// Cardinals; the ordinal last word is matched by its stem
	// (russianOrdinals).
	numberWords: map[string]int{
		"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
		"восемьдесят": 80, "девяносто": 90,
	},
	months: map[string]time.Month{
		"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
		"сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
	},
}

// Russian ordinal stems, longest first so that "пятнадцат" wins over "пят".
var russianOrdinals = []struct {
	stem string
	n    int
}{
	{"одиннадцат", 11}, {"двенадцат", 12}, {"тринадцат", 13}, {"четырнадцат", 14}, {"пятнадцат", 15},
	{"шестнадцат", 16}, {"семнадцат", 17}, {"восемнадцат", 18}, {"девятнадцат", 19},
	{"восьмидесят", 80}, {"шестидесят", 60}, {"семидесят", 70}, {"пятидесят", 50}, {"девяност", 90},
	{"двадцат", 20}, {"тридцат", 30}, {"сороков", 40}, {"четверт", 4}, {"десят", 10}, {"девят", 9},
	{"восьм", 8}, {"седьм", 7}, {"шест", 6}, {"перв", 1}, {"втор", 2}, {"трет", 3}, {"пят", 5},
}
