// Package sample embeds a small corpus of real UN documents (see
// SOURCES.md) so that the server has a graph to show on a fresh machine.
// It includes the seed note verbale and the Security Council resolutions
// 822, 853, 874 and 884 (1993) that it cites.
package sample

import (
	"embed"
	"io/fs"
)

//go:embed docs
var docs embed.FS

// Docs returns the sample documents as a file system rooted at the corpus.
func Docs() fs.FS {
	sub, err := fs.Sub(docs, "docs")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return sub
}
