package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

func TestZZDump(t *testing.T) {
	out, _ := os.Create(os.Getenv("ZZOUT"))
	defer out.Close()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var paths []string
	for _, d := range []string{"/work/shared/corpus/docs", "/work/shared/corpus/excerpts/unpc-devset", "/work/shared/corpus/excerpts/un-corpus-demo-zh-en", "/work/main/testdata/docs", "/work/main/testdata/excerpts"} {
		filepath.Walk(d, func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && (filepath.Ext(p) == ".txt" || filepath.Ext(p) == ".md") {
				paths = append(paths, p)
			}
			return nil
		})
	}
	sort.Strings(paths)
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		enc.Encode(Extract(filepath.Base(p), string(b)))
	}
}
