package extract

import (
	"regexp"
	"time"

	"github.com/uncite/uncite"
)

// arabic is the vocabulary of Arabic.
var arabic = vocabulary{
	code: langAR,
	coverNames: map[string]string{
		uncite.BodySC: "مجلس الأمن", uncite.BodyGA: "الجمعية العامة",
		uncite.BodyHRC: "مجلس حقوق الإنسان", uncite.BodyECOSOC: "المجلس الاقتصادي والاجتماعي",
	},
	textNames: [...][]string{
		{"مجلس الأمن"}, {"الجمعية العامة"}, {"مجلس حقوق الإنسان"}, {"المجلس الاقتصادي والاجتماعي"},
		{"لجنة حقوق الإنسان"}, {"مؤتمر"},
		nil, {"المجلس"}, nil,
	},
	unitedNations:     "الأمم المتحدة",
	draftDecisionRe:   `مشروع مقرر`,
	draftResolutionRe: `مشروع قرار`,
	noteVerbaleRe:     `مذكرة شفوية`,
	letterRe:          `رسالة مؤرخة`,
	reportRe:          `تقرير`,
	corrigendum:       "تصويب",
	addendum:          "إضافة",
	session:           &sessionRule{regexp.MustCompile(`الدورة\s+(\p{Arabic}+(?:\s+\p{Arabic}+)?)`), "الدورة", 0, 300},
	agendaItemRe:      `(?:البند|البنود) `,
	agendaAnd:         "و",
	agendaOfRe:        `من جدول الأعمال`,
	authorRe:          `البعثة الدائمة|الممثلة? الدائمة?|مذكرة من|وزارة خارجية`,
	resolution:        resolutionWord{re: `[وفبلك]{0,2}(?:ال)?قرار(?:ين|ات|اته|يه|ي|ا|ه|ها)?`, cores: []string{"قرار"}, back: []int{8, 6, 4, 2, 0}, attached: true},
	itemDateWords:     []string{"المؤرخ", "المؤرخة"},
	openingArticles:   []string{"إن "},
	// After the article and the conjunction are removed and alefs folded.
	numberWords: map[string]int{
		"اولي": 1, "حاديه": 1, "ثانيه": 2, "ثالثه": 3, "رابعه": 4, "خامسه": 5, "سادسه": 6, "سابعه": 7,
		"ثامنه": 8, "تاسعه": 9, "عاشره": 10, "عشره": 10, "عشرون": 20, "ثلاثون": 30, "اربعون": 40,
		"خمسون": 50, "ستون": 60, "سبعون": 70, "ثمانون": 80, "تسعون": 90,
	},
	months: map[string]time.Month{
		"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيه": 6, "يونيو": 6, "يوليه": 7,
		"يوليو": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
	},
}
