package extract

// DocumentID is the ID Extract gives a document of file name with symbol
// and languages, for callers that correct the symbol afterwards (the
// loader's metadata sidecars) and must keep IDs consistent.
func DocumentID(name, symbol string, languages []string) string {
	base, fileLangs := baseName(name)
	return documentID(symbol, base, primaryLanguage(fileLangs, languages))
}
