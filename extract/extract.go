// Package extract reads one UN document (a note verbale, letter, report,
// resolution or draft in any of the six official languages) and returns what
// the citation graph needs from it: its symbol, type, date, body, session and
// agenda items, the State that wrote it, the States it names, the resolutions
// it cites and the other documents it refers to.
//
// Extraction is pure: text in, uncite.Document out, no I/O.
package extract

import (
	"strings"

	"github.com/uncite/uncite"
)

// Extract reads one document. name is the file's base name (used for the
// symbol and language fallback and Document.File); text is already-decoded
// UTF-8. Every field of uncite.Document is filled except SHA256.
func Extract(name, text string) *uncite.Document {
	meta, body := frontMatter(text)
	base, fileLangs := baseName(name)

	symbol := meta["symbol"]
	if c, ok := parseSymbol(symbol); ok {
		symbol = c.Symbol
	}
	if symbol == "" {
		symbol = textSymbol(body)
	}
	if symbol == "" {
		symbol = fileSymbol(base)
	}

	lines := cleanLines(body, symbol)
	header := headerLines(lines)
	cv := newCover(header, body)
	joined := cv.text
	flowed := flow(lines)

	doc := &uncite.Document{Symbol: symbol, File: name}
	doc.Languages = detectLanguages(flowed)
	if len(doc.Languages) == 0 {
		doc.Languages = fileLangs
	}
	doc.Type = documentType(symbol, cv)
	doc.Date = documentDate(doc.Type, cv, flowed, meta["date"])
	subs := subjects(flowed)
	doc.Body = documentBody(symbol, doc.Type, cv, flowed, subs)
	if doc.Body != uncite.BodySC {
		doc.Session, doc.SessionStart, doc.SessionEnd = session(joined)
	}
	doc.AgendaItems = agendaItems(cv)
	doc.Title = documentTitle(header, meta["title"])

	hits := findStates(flowed)
	doc.Mentions = mentions(hits)
	doc.Author = author(cv, flowed, hits)

	resolutionLike := strings.Contains(doc.Type, "resolution") || strings.Contains(doc.Type, "decision")
	doc.Citations = buildCitations(flowed, findCitations(flowed, doc.Body, subs), symbol, resolutionLike)
	doc.References = references(flowed, symbol, doc.Body, header)

	doc.ID = documentID(symbol, base, primaryLanguage(fileLangs, doc.Languages))
	return doc
}

// primaryLanguage is the language of the document's version: the file name's
// tag, else the first language of the text (a cover page comes first; an
// annex reproduced in its original language follows it).
func primaryLanguage(fileLangs, detected []string) string {
	if len(fileLangs) > 0 {
		return fileLangs[0]
	}
	if len(detected) > 0 {
		return detected[0]
	}
	return ""
}

// documentID is the symbol for English or unknown-language versions, the
// symbol tagged with the language for the others ("A/69/719 (fr)"), and
// the file's base name when the document has no symbol.
func documentID(symbol, base, lang string) string {
	switch {
	case symbol == "":
		return base
	case lang == "" || lang == langEN:
		return symbol
	}
	return symbol + " (" + lang + ")"
}
