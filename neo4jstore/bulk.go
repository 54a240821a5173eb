package neo4jstore

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/refdata"
)

// ImportWriter writes documents as the CSV files of `neo4j-admin database
// import full`, for the initial load of a corpus too large to write through
// Cypher in reasonable time. The import builds the store files directly,
// without transactions. The files hold what the writes derive too (citation
// counts, counters, co-citation counts), counted here in memory; opening
// the imported database with Open creates the schema, and the graph is then
// the one a load of the same documents through WriteDocuments makes.
//
// Documents go to the files as they come; what depends on later documents
// (which document holds a resolution's symbol, the dates of a session, the
// title of an agenda item, the counts, the REFERS_TO links) is kept in
// memory, or for references in a temporary file, and written by Close.
// Memory grows with the number of distinct symbols, sessions and agenda
// items and with the citations (the distinct symbols each document cites,
// for the co-citation counts), not with the text of the documents.
type ImportWriter struct {
	dir   string
	files map[string]*csvFile

	seen    map[string]bool           // document IDs written
	symbols map[string][]string       // document IDs by symbol, for REFERS_TO
	holders map[string]*pendingDoc    // the candidate holder of each resolution symbol
	cited   map[string]*citedSymbol   // every symbol cited, in order of first citation
	order   []string                  // keys of cited, in that order
	session map[string]map[string]any // Session properties by key
	items   map[string]map[string]any // AgendaItem properties by key
	bodies  map[[2]string]bool        // OF_BODY written, session key and body
	refs    *bufio.Writer             // document ID and reference per line
	refFile *os.File
	states  map[string]bool
	// counts is what the documents add to the counters, as a write of all
	// of them would; citers is the number of documents citing each symbol.
	counts deltas
	citers map[string]int
}

// pendingDoc is a document that may hold a resolution's symbol: it is
// written once Close knows whether a document with a smaller ID shares it.
type pendingDoc struct {
	params map[string]any
	cites  []map[string]any
}

// citedSymbol is what the citations of a symbol give its Resolution node:
// the properties of the first, and the bodies each gives in order.
type citedSymbol struct {
	params map[string]any
	bodies []string
}

// importFiles lists the CSV files with their headers; a column is
// name:type as neo4j-admin reads it, the type string when left out.
var importFiles = []struct {
	name, kind string
	columns    []string
}{
	{"documents", "nodes", []string{":ID", ":LABEL", "id", "symbol", "title", "type", "date", "languages:string[]", "body",
		"session:long", "sessionStart", "sessionEnd", "dateYear:long", "author", "file", "sha256", "references:string[]",
		"referenceKey", "agendaItems:string[]", "agendaTitles:string[]", "words", "cites:string[]",
		"number", "year:long", "known:boolean", "resolutionTitle", "resolutionDate", "resolutionBody", "citationCount:long", "partnersKept:boolean"}},
	{"resolutions", "nodes", []string{":ID", ":LABEL", "symbol", "number", "year:long", "known:boolean", "resolutionTitle", "resolutionDate",
		"resolutionBody", "citationCount:long", "partnersKept:boolean"}},
	{"reference", "nodes", []string{":ID", ":LABEL", "code", "name"}},
	{"sessions", "nodes", []string{":ID", ":LABEL", "key", "body", "number:long", "startDate", "endDate"}},
	{"agenda", "nodes", []string{":ID", ":LABEL", "key", "number", "title"}},
	{"cites", "relationships", []string{":START_ID", ":END_ID", ":TYPE", "count:long", "contexts:string[]", "verbs:string[]",
		"operative:boolean", "symbol", "document"}},
	{"mentions", "relationships", []string{":START_ID", ":END_ID", ":TYPE", "count:long"}},
	{"under", "relationships", []string{":START_ID", ":END_ID", ":TYPE", "title"}},
	{"links", "relationships", []string{":START_ID", ":END_ID", ":TYPE"}},
	{"counters", "relationships", []string{":START_ID", ":END_ID", ":TYPE", "year:long", "count:long", "items:string[]", "counts:long[]"}},
	{"cocited", "relationships", []string{":START_ID", ":END_ID", ":TYPE", "symbol", "partner", "count:long"}},
	{"migrations", "nodes", []string{":ID", ":LABEL", "name"}},
}

// ImportArrayDelimiter separates the elements of list properties in the
// files; a value holding it is refused.
const ImportArrayDelimiter = '\x1f'

// Node IDs of the import: one ID space, each kind of node with a prefix.
// A resolution's holder, document or not, is r:symbol, so that citations
// name it before it is known which node holds the symbol.
func docNode(id string) string         { return "d:" + id }
func resolutionNode(sym string) string { return "r:" + sym }

// NewImportWriter creates the CSV files in dir, which must exist.
func NewImportWriter(dir string) (*ImportWriter, error) {
	if strings.ContainsAny(dir, "=,") {
		return nil, uncite.Errorf(uncite.EINVALID, "import folder %q: neo4j-admin cannot read files from a path holding '=' or ','", dir)
	}
	w := &ImportWriter{dir: dir, files: map[string]*csvFile{}, seen: map[string]bool{}, symbols: map[string][]string{},
		holders: map[string]*pendingDoc{}, cited: map[string]*citedSymbol{}, session: map[string]map[string]any{},
		items: map[string]map[string]any{}, bodies: map[[2]string]bool{}, states: map[string]bool{},
		counts: newDeltas(), citers: map[string]int{}}
	for _, st := range refdata.States() {
		w.states[st.Code] = true
	}
	for _, f := range importFiles {
		c, err := createCSV(filepath.Join(dir, f.name+".csv"), f.columns)
		if err != nil {
			w.abort()
			return nil, err
		}
		w.files[f.name] = c
	}
	refs, err := os.CreateTemp(dir, "references-*.tmp")
	if err != nil {
		w.abort()
		return nil, err
	}
	w.refFile, w.refs = refs, bufio.NewWriter(refs)
	return w, nil
}

// ImportArgs gives the arguments of `neo4j-admin database import full` that
// read the files written to dir, after the database name. neo4j-admin reads
// a "=" in them as the end of a label and a "," as a list of files, so
// NewImportWriter refuses a dir holding either.
func ImportArgs(dir string) []string {
	args := []string{"--array-delimiter=U+001F", "--multiline-fields=true"}
	for _, f := range importFiles {
		args = append(args, "--"+f.kind+"="+filepath.Join(dir, f.name+".csv"))
	}
	return args
}

// WriteDocuments adds documents to the files. A document ID seen before is
// refused: an import cannot replace what it wrote.
func (w *ImportWriter) WriteDocuments(_ context.Context, docs []*uncite.Document) (int, error) {
	for i, d := range docs {
		if d == nil || d.ID == "" {
			return i, uncite.Errorf(uncite.EINVALID, "document %d of the batch has no ID", i)
		}
		if w.seen[d.ID] {
			return i, uncite.Errorf(uncite.EINVALID, "%s: document id %q written twice to one import", d.File, d.ID)
		}
		w.seen[d.ID] = true
		if err := w.add(d); err != nil {
			return i, fmt.Errorf("%s: %w", d.File, err)
		}
	}
	return len(docs), nil
}

func (w *ImportWriter) add(d *uncite.Document) error {
	own := newCounted(d)
	p := docParams(d, documentWords(d), own.cited)
	props := p["props"].(map[string]any)
	if symbol, ok := props["symbol"].(string); ok {
		w.symbols[symbol] = append(w.symbols[symbol], d.ID)
	}
	// A citation per symbol, the last one's values, as MERGE then SET does.
	var cites []map[string]any
	index := map[string]int{}
	for _, c := range citeParams(d) {
		symbol := c["symbol"].(string)
		cs := w.cited[symbol]
		if cs == nil {
			cs = &citedSymbol{params: c}
			w.cited[symbol] = cs
			w.order = append(w.order, symbol)
		}
		if body, ok := c["body"].(string); ok && !slices.Contains(cs.bodies, body) {
			cs.bodies = append(cs.bodies, body)
		}
		if i, ok := index[symbol]; ok {
			cites[i] = c
			continue
		}
		index[symbol] = len(cites)
		cites = append(cites, c)
	}
	w.addSession(p)
	w.counts.add(own, 1)
	for _, symbol := range own.cited {
		w.citers[symbol]++
	}
	// Quoted, so that a tab or newline in a value cannot split a line.
	for _, ref := range toStrings(anyList(props["references"])) {
		fmt.Fprintf(w.refs, "%s\t%s\n", strconv.Quote(d.ID), strconv.Quote(ref))
	}
	doc := &pendingDoc{params: p, cites: cites}
	symbol, ok := p["resolution"].(string)
	if !ok {
		return w.writeDoc(doc, docNode(d.ID), nil)
	}
	held := w.holders[symbol]
	if held == nil || d.ID < held.params["id"].(string) {
		w.holders[symbol] = doc
		if held == nil {
			return nil
		}
		doc = held
	}
	return w.writeDoc(doc, docNode(doc.params["id"].(string)), nil)
}

func anyList(v any) []any {
	if xs, ok := v.([]string); ok {
		out := make([]any, len(xs))
		for i, x := range xs {
			out[i] = x
		}
		return out
	}
	return nil
}

// addSession folds the document into its session and agenda items as the
// writes do: a session takes its body and number from its first document
// and its dates from all; an item its number from its first document and
// the smallest title the documents give it, each document the last title it
// gives the item.
func (w *ImportWriter) addSession(p map[string]any) {
	key, ok := p["sessionKey"].(string)
	if !ok {
		return
	}
	props := p["props"].(map[string]any)
	s := w.session[key]
	if s == nil {
		s = map[string]any{"key": key, "body": props["body"], "number": props["session"]}
		w.session[key] = s
	}
	s["startDate"] = minValue(s["startDate"], props["sessionStart"])
	s["endDate"] = maxValue(s["endDate"], props["sessionEnd"])
	titles := map[string]any{}
	for _, item := range p["agenda"].([]map[string]any) {
		titles[item["key"].(string)] = item["title"]
		if w.items[item["key"].(string)] == nil {
			w.items[item["key"].(string)] = map[string]any{"key": item["key"], "number": item["number"], "session": key}
		}
	}
	for k, title := range titles {
		w.items[k]["title"] = minValue(w.items[k]["title"], title)
	}
}

// writeDoc writes a document's node and its relationships but REFERS_TO;
// resolution is the Resolution properties of a holder, nil otherwise.
func (w *ImportWriter) writeDoc(doc *pendingDoc, node string, resolution map[string]any) error {
	p := doc.params
	props := p["props"].(map[string]any)
	row := map[string]any{":ID": node, ":LABEL": "Document"}
	for k, v := range props {
		row[k] = v
	}
	if resolution != nil {
		row[":LABEL"] = "Document" + string(ImportArrayDelimiter) + "Resolution"
		for k, v := range resolution {
			row[k] = v
		}
	}
	if err := w.files["documents"].write(row); err != nil {
		return err
	}
	for _, c := range doc.cites {
		row := map[string]any{":START_ID": node, ":END_ID": resolutionNode(c["symbol"].(string)), ":TYPE": "CITES"}
		for k, v := range c["props"].(map[string]any) {
			row[k] = v
		}
		if err := w.files["cites"].write(row); err != nil {
			return err
		}
	}
	// One MENTIONS per State, the last count, as MERGE then SET does.
	mentioned, counts := lastPerKey(p["mentions"].([]map[string]any), "state", "count")
	for _, state := range mentioned {
		if !w.states[state] {
			continue
		}
		if err := w.files["mentions"].write(map[string]any{":START_ID": node, ":END_ID": "s:" + state, ":TYPE": "MENTIONS", "count": counts[state]}); err != nil {
			return err
		}
	}
	links := w.files["links"]
	if author, ok := props["author"].(string); ok && w.states[author] {
		if err := links.write(map[string]any{":START_ID": node, ":END_ID": "s:" + author, ":TYPE": "SUBMITTED_BY"}); err != nil {
			return err
		}
	}
	key, ok := p["sessionKey"].(string)
	if !ok {
		return nil
	}
	if err := links.write(map[string]any{":START_ID": node, ":END_ID": "S:" + key, ":TYPE": "IN_SESSION"}); err != nil {
		return err
	}
	if body, ok := props["body"].(string); ok && uncite.BodyNames[body] != "" && !w.bodies[[2]string{key, body}] {
		w.bodies[[2]string{key, body}] = true
		if err := links.write(map[string]any{":START_ID": "S:" + key, ":END_ID": "b:" + body, ":TYPE": "OF_BODY"}); err != nil {
			return err
		}
	}
	keys, titles := lastPerKey(p["agenda"].([]map[string]any), "key", "title")
	for _, k := range keys {
		if err := w.files["under"].write(map[string]any{":START_ID": node, ":END_ID": "a:" + k, ":TYPE": "UNDER_ITEM", "title": titles[k]}); err != nil {
			return err
		}
	}
	return nil
}

// lastPerKey gives the distinct values of the column key of rows, in the
// order they first appear, and for each the column value of its last row:
// what a MERGE of each row then a SET of its value leaves.
func lastPerKey(rows []map[string]any, key, value string) ([]string, map[string]any) {
	last := map[string]any{}
	var keys []string
	for _, row := range rows {
		k := row[key].(string)
		if _, ok := last[k]; !ok {
			keys = append(keys, k)
		}
		last[k] = row[value]
	}
	return keys, last
}

// Close writes what depends on every document: the holders of resolution
// symbols, the Resolution nodes no document holds, sessions, agenda items,
// States, bodies and the REFERS_TO links; then flushes the files.
func (w *ImportWriter) Close() error {
	defer w.abort()
	held := map[string]string{} // import node of each document holding a symbol, by ID
	for _, symbol := range sortedKeys(w.holders) {
		doc := w.holders[symbol]
		r := resolutionParams(uncite.Citation{Symbol: symbol})
		props := doc.params["props"].(map[string]any)
		resolution := map[string]any{"number": r["number"], "year": r["year"], "known": r["known"],
			"resolutionTitle": coalesce(r["title"], props["title"]), "resolutionDate": coalesce(r["date"], props["date"])}
		bodies := w.bodiesOf(symbol, r["body"])
		w.derived(symbol, bodies, resolution)
		held[props["id"].(string)] = resolutionNode(symbol)
		if err := w.writeDoc(doc, resolutionNode(symbol), resolution); err != nil {
			return err
		}
		if err := w.adoptedBy(symbol, bodies); err != nil {
			return err
		}
	}
	for _, symbol := range w.order {
		if w.holders[symbol] != nil {
			continue
		}
		c := w.cited[symbol].params
		row := map[string]any{":ID": resolutionNode(symbol), ":LABEL": "Resolution", "symbol": symbol,
			"number": c["number"], "year": c["year"], "known": c["known"], "resolutionTitle": c["title"], "resolutionDate": c["date"]}
		bodies := w.bodiesOf(symbol, nil)
		w.derived(symbol, bodies, row)
		if err := w.files["resolutions"].write(row); err != nil {
			return err
		}
		if err := w.adoptedBy(symbol, bodies); err != nil {
			return err
		}
	}
	if err := w.counters(); err != nil {
		return err
	}
	ref := w.files["reference"]
	for _, code := range sortedKeys(uncite.BodyNames) {
		if err := ref.write(map[string]any{":ID": "b:" + code, ":LABEL": "Body", "code": code, "name": uncite.BodyNames[code]}); err != nil {
			return err
		}
	}
	for _, st := range refdata.States() {
		if err := ref.write(map[string]any{":ID": "s:" + st.Code, ":LABEL": "State", "code": st.Code, "name": st.Name}); err != nil {
			return err
		}
	}
	for _, key := range sortedKeys(w.session) {
		s := w.session[key]
		row := map[string]any{":ID": "S:" + key, ":LABEL": "Session"}
		for k, v := range s {
			row[k] = v
		}
		if err := w.files["sessions"].write(row); err != nil {
			return err
		}
	}
	for _, key := range sortedKeys(w.items) {
		a := w.items[key]
		if err := w.files["agenda"].write(map[string]any{":ID": "a:" + key, ":LABEL": "AgendaItem", "key": key, "number": a["number"], "title": a["title"]}); err != nil {
			return err
		}
		if err := w.files["links"].write(map[string]any{":START_ID": "a:" + key, ":END_ID": "S:" + a["session"].(string), ":TYPE": "IN_SESSION"}); err != nil {
			return err
		}
	}
	if err := w.referrals(held); err != nil {
		return err
	}
	for _, m := range migrations {
		if !m.imported {
			continue
		}
		if err := w.files["migrations"].write(map[string]any{":ID": "m:" + m.name, ":LABEL": "Migration", "name": m.name}); err != nil {
			return err
		}
	}
	for _, f := range importFiles {
		if err := w.files[f.name].close(); err != nil {
			return err
		}
	}
	return nil
}

// bodiesOf gives the bodies a Resolution node is adopted by: that of its
// symbol for a document's, and those its citations give, as the writes
// merge an ADOPTED_BY for each. Unknown bodies have no node.
func (w *ImportWriter) bodiesOf(symbol string, own any) []string {
	var bodies []string
	if body, ok := own.(string); ok && uncite.BodyNames[body] != "" {
		bodies = append(bodies, body)
	}
	if c := w.cited[symbol]; c != nil {
		for _, b := range c.bodies {
			if uncite.BodyNames[b] != "" && !slices.Contains(bodies, b) {
				bodies = append(bodies, b)
			}
		}
	}
	return bodies
}

// derived adds to a Resolution node's properties those the writes derive
// from its citing documents (see refreshResolutions and cocited.go); the
// body kept on it is the first it is adopted by, as the counters migration
// takes.
func (w *ImportWriter) derived(symbol string, bodies []string, props map[string]any) {
	props["citationCount"] = w.citers[symbol]
	if len(bodies) > 0 {
		props["resolutionBody"] = bodies[0]
	}
	if w.citers[symbol] >= partnersFrom {
		props["partnersKept"] = true
	}
}

func (w *ImportWriter) adoptedBy(symbol string, bodies []string) error {
	for _, body := range bodies {
		if err := w.files["links"].write(map[string]any{":START_ID": resolutionNode(symbol), ":END_ID": "b:" + body, ":TYPE": "ADOPTED_BY"}); err != nil {
			return err
		}
	}
	return nil
}

// counters writes the counters of every resolution (see counters.go) and
// the co-citation counts of those cited by partnersFrom documents or more.
func (w *ImportWriter) counters() error {
	f := w.files["counters"]
	for k, n := range w.counts.years {
		if err := f.write(map[string]any{":START_ID": resolutionNode(k.symbol), ":END_ID": resolutionNode(k.symbol),
			":TYPE": "CITED_IN_YEAR", "year": k.year, "count": n}); err != nil {
			return err
		}
	}
	for k, n := range w.counts.states {
		if err := f.write(map[string]any{":START_ID": resolutionNode(k.symbol), ":END_ID": "s:" + k.state,
			":TYPE": "CITED_BY_STATE", "count": n}); err != nil {
			return err
		}
	}
	for k, items := range w.counts.sessions {
		numbers := sortedKeys(items)
		counts := make([]int, len(numbers))
		for i, item := range numbers {
			counts[i] = items[item]
		}
		if err := f.write(map[string]any{":START_ID": resolutionNode(k.symbol), ":END_ID": "S:" + k.session,
			":TYPE": "CITED_IN_SESSION", "items": numbers, "counts": counts}); err != nil {
			return err
		}
	}
	type pair struct{ symbol, partner string }
	pairs := map[pair]int{}
	for _, c := range *w.counts.cited {
		for _, a := range c.symbols {
			if w.citers[a] < partnersFrom {
				continue
			}
			for _, b := range c.symbols {
				if b != a {
					pairs[pair{a, b}]++
				}
			}
		}
	}
	for p, n := range pairs {
		if err := w.files["cocited"].write(map[string]any{":START_ID": resolutionNode(p.symbol), ":END_ID": resolutionNode(p.symbol),
			":TYPE": "CO_CITED", "symbol": p.symbol, "partner": p.partner, "count": n}); err != nil {
			return err
		}
	}
	return nil
}

// referrals writes a REFERS_TO from each document to every other document
// whose symbol it names among its references.
func (w *ImportWriter) referrals(held map[string]string) error {
	if err := w.refs.Flush(); err != nil {
		return err
	}
	if _, err := w.refFile.Seek(0, io.SeekStart); err != nil {
		return err
	}
	node := func(id string) string {
		if n, ok := held[id]; ok {
			return n
		}
		return docNode(id)
	}
	links := w.files["links"]
	sc := bufio.NewScanner(w.refFile)
	sc.Buffer(nil, 1<<20)
	done := map[[2]string]bool{}
	last := ""
	for sc.Scan() {
		a, b, _ := strings.Cut(sc.Text(), "\t")
		src, err := strconv.Unquote(a)
		if err != nil {
			return err
		}
		ref, err := strconv.Unquote(b)
		if err != nil {
			return err
		}
		if src != last {
			// A document's references are consecutive lines.
			clear(done)
			last = src
		}
		for _, t := range w.symbols[ref] {
			if t == src || done[[2]string{src, t}] {
				continue
			}
			done[[2]string{src, t}] = true
			if err := links.write(map[string]any{":START_ID": node(src), ":END_ID": node(t), ":TYPE": "REFERS_TO"}); err != nil {
				return err
			}
		}
	}
	return sc.Err()
}

// abort closes and removes the temporary file of references.
func (w *ImportWriter) abort() {
	if w.refFile != nil {
		w.refFile.Close()
		os.Remove(w.refFile.Name())
		w.refFile = nil
	}
	for _, f := range w.files {
		f.file.Close()
	}
}

func coalesce(a, b any) any {
	if a != nil {
		return a
	}
	return b
}

// csvFile writes rows in the CSV dialect of neo4j-admin: every string
// quoted, so that an empty string stays a value, and an absent value an
// empty field, which the import leaves out.
type csvFile struct {
	file    *os.File
	out     *bufio.Writer
	columns []string // names, without the types
}

func createCSV(path string, header []string) (*csvFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	c := &csvFile{file: f, out: bufio.NewWriterSize(f, 1<<20)}
	for i, h := range header {
		if i > 0 {
			c.out.WriteByte(',')
		}
		c.out.WriteString(h)
		name, _, _ := strings.Cut(h, ":")
		if name == "" {
			name = h
		}
		c.columns = append(c.columns, name)
	}
	c.out.WriteByte('\n')
	return c, nil
}

var errDelimiter = errors.New("a list value holds the import's array delimiter U+001F")

func (c *csvFile) write(row map[string]any) error {
	for i, col := range c.columns {
		if i > 0 {
			c.out.WriteByte(',')
		}
		switch v := row[col].(type) {
		case nil:
		case string:
			quote(c.out, v)
		case []string:
			for _, x := range v {
				if strings.ContainsRune(x, ImportArrayDelimiter) {
					return errDelimiter
				}
			}
			quote(c.out, strings.Join(v, string(ImportArrayDelimiter)))
		case int:
			c.out.WriteString(strconv.Itoa(v))
		case []int:
			for i, n := range v {
				if i > 0 {
					c.out.WriteRune(ImportArrayDelimiter)
				}
				c.out.WriteString(strconv.Itoa(n))
			}
		case bool:
			c.out.WriteString(strconv.FormatBool(v))
		default:
			return fmt.Errorf("import CSV: column %s: unexpected %T", col, v)
		}
	}
	return c.out.WriteByte('\n')
}

func quote(out *bufio.Writer, s string) {
	out.WriteByte('"')
	out.WriteString(strings.ReplaceAll(s, `"`, `""`))
	out.WriteByte('"')
}

func (c *csvFile) close() error {
	if err := c.out.Flush(); err != nil {
		return err
	}
	return c.file.Close()
}
