// Package extract reads one UN document (a note verbale, letter, report,
// resolution or draft in any of the six official languages) and returns what
// the citation graph needs from it: its symbol, type, date, body, session and
// agenda items, the State that wrote it, the States it names, the resolutions
// it cites and the other documents it refers to.
//
// Extraction is pure: text (and what else is known of the document,
// Metadata) in, uncite.Document out, no I/O. It runs in four stages, as
// eyecite does, each a file with its own tests: clean (clean.go) →
// find (find.go, citelist.go) → resolve (resolve.go) → annotate
// (annotate.go) for the citations; the cover (cover.go, header.go,
// numbers.go), the States named (states.go), the author (author.go, from
// the States found) and the documents cited by symbol (documents.go) read
// the cleaned text beside them. What the parsers know of each language is
// in its vocabulary (vocabulary.go, lang_*.go); the regular-expression
// engine they run on is internal/prefilter.
package extract

import (
	"strings"

	"github.com/uncite/uncite"
)

// Extract reads one document. name is the file's base name (used for the
// symbol and language fallback and Document.File); text is already-decoded
// UTF-8; meta, when not nil, is what else is known of it. Every field of
// uncite.Document is filled except SHA256 and Text.
func Extract(name, text string, meta *Metadata) *uncite.Document {
	if meta == nil {
		meta = &Metadata{}
	}
	fm, body := frontMatter(text)
	base, fileLangs := baseName(name)

	symbol := documentSymbol(meta.Symbol, fm["symbol"], body, base)

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
	doc.Date = documentDate(doc.Type, cv, flowed, fm["date"])
	subs := subjects(flowed)
	doc.Body = documentBody(symbol, doc.Type, cv, flowed, subs)
	if doc.Body != uncite.BodySC {
		doc.Session, doc.SessionStart, doc.SessionEnd = session(joined)
	}
	doc.AgendaItems = agendaItems(cv)
	doc.Title = documentTitle(header, fm["title"])

	hits := findStates(flowed)
	doc.Mentions = mentions(hits)
	doc.Author = author(cv, flowed, hits)

	resolutionLike := strings.Contains(doc.Type, "resolution") || strings.Contains(doc.Type, "decision")
	doc.Citations = buildCitations(flowed, findCitations(flowed, doc.Body, subs), symbol, resolutionLike)
	doc.References = references(flowed, symbol, doc.Body, header)

	meta.apply(doc)
	doc.ID = documentID(doc.Symbol, base, primaryLanguage(fileLangs, doc.Languages))
	return doc
}

// documentSymbol is the document's own symbol: the one given, else the
// front matter's, the text's or the file name's.
func documentSymbol(given *string, frontMatter, body, base string) string {
	if given != nil {
		if c, ok := parseSymbol(*given); ok {
			return c.Symbol
		}
		return *given
	}
	symbol := frontMatter
	if c, ok := parseSymbol(symbol); ok {
		symbol = c.Symbol
	}
	if symbol == "" {
		symbol = textSymbol(body)
	}
	if symbol == "" {
		symbol = fileSymbol(base)
	}
	return symbol
}

// apply fills the title and date the text left empty from the file's
// properties, then sets the fields m sets.
func (m *Metadata) apply(doc *uncite.Document) {
	if doc.Title == "" {
		doc.Title = m.FileTitle
	}
	if doc.Date == "" {
		doc.Date = m.FileDate
	}
	for _, f := range []struct {
		dst *string
		v   *string
	}{
		{&doc.Title, m.Title}, {&doc.Type, m.Type}, {&doc.Date, m.Date}, {&doc.Body, m.Body},
		{&doc.SessionStart, m.SessionStart}, {&doc.SessionEnd, m.SessionEnd}, {&doc.Author, m.Author},
	} {
		if f.v != nil {
			*f.dst = *f.v
		}
	}
	if m.Session != nil {
		doc.Session = *m.Session
	}
	if m.Languages != nil {
		doc.Languages = m.Languages
	}
	if m.AgendaItems != nil {
		doc.AgendaItems = make([]uncite.AgendaItem, len(m.AgendaItems))
		for i, a := range m.AgendaItems {
			doc.AgendaItems[i] = uncite.AgendaItem{Number: a.Number}
			if a.Title != nil {
				doc.AgendaItems[i].Title = *a.Title
			}
		}
	}
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
