package extract

import (
	"regexp"
	"time"

	"github.com/uncite/uncite"
)

// spanish is the vocabulary of Spanish.
var spanish = vocabulary{
	code: langES,
	coverNames: map[string]string{
		uncite.BodySC: "Consejo de Seguridad", uncite.BodyGA: "Asamblea General",
		uncite.BodyHRC: "Consejo de Derechos Humanos", uncite.BodyECOSOC: "Consejo Económico y Social",
	},
	textNames: [...][]string{
		{"Consejo de Seguridad"}, {"Asamblea General"}, {"Consejo de Derechos Humanos"}, {"Consejo Económico y Social"},
		{"Comisión de Derechos Humanos"}, {"Conferencia", "Subcomisión"},
		{"Asamblea"}, {"Consejo"}, {"Comisión"},
	},
	openingRe:         `La Asamblea General,|El Consejo .{3,40},$`,
	unitedNations:     "Naciones Unidas",
	amendmentRe:       `[Ee]nmiendas? al proyecto`,
	draftDecisionRe:   `proyecto de decisión`,
	draftResolutionRe: `proyecto de resolución`,
	noteVerbaleRe:     `[Nn]ota verbal`,
	adoptedResRe:      `resolución aprobada por`,
	adoptedDecRe:      `decisión adoptada por`,
	letterRe:          `Carta de fecha`,
	reportRe:          `Informe\b`,
	titleStartRe:      `Carta de fecha|Informe\b`,
	corrigendum:       "Corrección",
	addendum:          "Adición",
	adoptedOnRe:       `aprobada por la [\p{L}\s]{3,40}?\sel\s`,
	meeting:           meetingLine{resumed: "continuación"},
	session:           &sessionRule{regexp.MustCompile(`\b(?:(\d{1,3})\s?[º°o]\.?|([A-Z][\p{L}]+(?:\s[a-z][\p{L}]+)?))\s+período de sesiones`), "período de sesiones", 2, 0},
	agendaItemRe:      `Temas? `,
	agendaAnd:         "y",
	agendaOfRe:        `de la agenda|del programa(?: provisional)?|del orden del día`,
	authorRe:          `Misión Permanente|Representante Permanente|Memorando de|Ministerio de Relaciones Exteriores`,
	sponsorsEndRe:     `proyecto de resolución|[Ee]nmiendas? al`,
	resolution:        resolutionWord{re: `\b(?:[Rr]esoluci(?:ón|ones))\b`, cores: []string{"solu"}, back: []int{3, 2}},
	continuationAnd:   "y",
	numberSigns:       []string{"nº"},
	listAnd:           []string{"y", "e", "así como"},
	listOr:            []string{"o"},
	itemDateWords:     []string{"de", "del"},
	bodyAfterLeads:    []string{"de la ", "del "},
	placeBefore:       []string{"Nuevo ", "Nueva ", "provincia de ", "provincia del ", "estado de "},
	placeAfter:        []string{" provincia"},
	abbreviations:     []string{"Sr", "Sra", "núm", "párr", "párrs"},
	possessives:       []string{"su", "sus"},
	countWords:        []string{"dos", "tres", "varias"},
	gapWords:          []string{"su", "sus", "y", "en", "de", "la"},
	notQualifiers:     []string{"El", "Los", "Las", "La", "Por", "En"},
	qualifierJoins:    []string{"de", "la", "las", "los", "del", "y"},
	adverbs:           []string{"asimismo", "también", "además"},
	// "Recordando", "Teniendo".
	clauseVerbSuffixes: []string{"ando", "iendo", "endo"},
	openingArticles:    []string{"La ", "El "},
	numberWords: map[string]int{
		"primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3, "tercero": 3,
		"tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6,
		"séptimo": 7, "séptima": 7, "octavo": 8, "octava": 8, "noveno": 9, "novena": 9, "décimo": 10,
		"décima": 10, "undécimo": 11, "duodécimo": 12, "vigésimo": 20, "vigésima": 20, "trigésimo": 30,
		"trigésima": 30, "cuadragésimo": 40, "cuadragésima": 40, "quincuagésimo": 50, "quincuagésima": 50,
		"sexagésimo": 60, "sexagésima": 60, "septuagésimo": 70, "septuagésima": 70, "octogésimo": 80,
		"octogésima": 80,
	},
	months: map[string]time.Month{
		"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
		"septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
	},
	functionWords: []string{"el", "los", "las", "del", "y", "por", "para", "con", "una", "su", "sus", "se", "al", "lo",
		"como", "más", "está", "fue", "han", "entre", "sobre"},
}
