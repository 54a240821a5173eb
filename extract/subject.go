package extract

import (
	"strings"
	"unicode/utf8"
)

// The subject of a resolution's clauses is named once, in the paragraph
// that opens its text ("The General Assembly,", "Le Conseil de sécurité,",
// "إن مجلس الأمن،", "安全理事会，"), and every "its resolution" after it is
// that organ's. A document may hold several such texts (a report of the
// Human Rights Council reproduces the Council's resolutions; a letter
// annexes a resolution of another organ), so each opening holds until the
// next one. The opening outweighs the title of the agenda item, which may
// name another organ ("Report of the Human Rights Council" in the General
// Assembly's agenda).

// subject is the organ whose clauses start at a byte offset of the text.
type subject struct {
	at   int
	body string
}

// openingArticles may stand before the organ's name in an opening.
var openingArticles = wordList(func(v *vocabulary) []string { return v.openingArticles })

// openingBody reports the organ that paragraph p opens with, as the subject
// of the clauses that follow: its name, after an article in the languages
// that have one, then a comma that ends the paragraph or comes before the
// first clause verb ("The Security Council, Recalling…" where the lines
// were joined). Generic names ("The Council,") do not count.
func openingBody(p string) string {
	p = strings.TrimLeft(p, " ")
	article := false
	for _, a := range openingArticles {
		if strings.HasPrefix(p, a) {
			p = p[len(a):]
			article = true
			break
		}
	}
	if !article && (p == "" || p[0] < 0xD0 || p[0] == 0xD8 || p[0] == 0xD9) {
		return "" // only Russian and Chinese name the organ without an article
	}
	m := matchBodyName(p)
	if m == nil {
		return ""
	}
	b := bodyOfMatch(m)
	switch b {
	case assemblyGeneric, councilGeneric, commissionGeneric, foreignBody:
		return ""
	}
	r, size := utf8.DecodeRuneInString(p[m[1]:])
	if r != ',' && r != '،' && r != '，' {
		return ""
	}
	if rest := strings.TrimLeft(p[m[1]+size:], " "); rest != "" && !opensClause(rest) {
		return ""
	}
	return b
}

// subjects lists the openings of the flowed text (one paragraph a line),
// in order.
func subjects(flowed string) []subject {
	var out []subject
	for at := 0; at < len(flowed); {
		end := strings.IndexByte(flowed[at:], '\n')
		if end < 0 {
			end = len(flowed) - at
		}
		// An opening is a short paragraph of its own or the start of the
		// first clause; the longest name is under 60 bytes.
		if b := openingBody(flowed[at : at+min(end, 80)]); b != "" {
			out = append(out, subject{at, b})
		}
		at += end + 1
	}
	return out
}

// subjectAt returns the organ whose clauses stand at offset pos: that of
// the last opening before it, else the document's own.
func subjectAt(subs []subject, pos int, docBody string) string {
	b := docBody
	for _, s := range subs {
		if s.at > pos {
			break
		}
		b = s.body
	}
	return b
}
