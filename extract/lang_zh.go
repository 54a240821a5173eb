package extract

import (
	"regexp"

	"github.com/uncite/uncite"
)

// chinese is the vocabulary of Chinese.
var chinese = vocabulary{
	code: langZH,
	coverNames: map[string]string{
		uncite.BodySC: "安全理事会", uncite.BodyGA: "大会",
		uncite.BodyHRC: "人权理事会", uncite.BodyECOSOC: "经济及社会理事会",
	},
	textNames: [...][]string{
		{"安全理事会", "安理会"}, {"联合国大会", "大会"}, {"人权理事会"}, {"经济及社会理事会", "经社理事会"},
		{"人权委员会"}, nil,
		nil, nil, nil,
	},
	unitedNations:      "联合国",
	draftDecisionRe:    `决定草案`,
	draftResolutionRe:  `决议草案`,
	noteVerbaleRe:      `普通照会`,
	corrigendum:        "更正",
	addendum:           "增编",
	session:            &sessionRule{regexp.MustCompile(`第([一二三四五六七八九十百]+)届会议`), "届会议", 1, 0},
	authorAfterStateRe: `常驻(?:联合国)?(?:代表团|代表)|外交部`,
	agendaItemRe:       `议程项目\s*`,
}
