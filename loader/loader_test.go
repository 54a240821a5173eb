package loader_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/memstore"
)

const seedPath = "../sample/docs/000_1a7a508cbf762381.txt"

// badFolder writes one good document and the awkward files researchers
// really have, and returns the folder.
func badFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("seed.txt", seed)
	write("empty.txt", nil)
	write("binary.txt", []byte("%PDF-1.7\x00\x01\x02\x03\xff\xfe binary garbage\x00\x00"))

	latin := "Note verbale de la Mission permanente de la République d'Arménie: résolution 822 (1993) du Conseil de sécurité."
	l1, err := charmap.ISO8859_1.NewEncoder().String(latin)
	if err != nil {
		t.Fatal(err)
	}
	write("latin1.txt", []byte(l1))

	utf16 := "Letter from the Permanent Representative of Azerbaijan. Security Council resolution 853 (1993)."
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(utf16)
	if err != nil {
		t.Fatal(err)
	}
	write("utf16.txt", []byte(u16))

	// 50 MB of real text: the seed's English annex, repeated.
	var big bytes.Buffer
	for big.Len() < 50<<20 {
		big.Write(seed)
	}
	write("big.txt", big.Bytes())
	write("notes.json", []byte("{}")) // not a document: folders load .txt and .md only
	return dir
}

func TestLoadBadInput(t *testing.T) {
	ctx := context.Background()
	store := memstore.New()
	rep, err := (&loader.Loader{Store: store}).Load(ctx, badFolder(t))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Files != 6 {
		t.Errorf("read %d files, want 6 (.json skipped)", rep.Files)
	}
	failed := map[string]string{}
	for _, f := range rep.Failed {
		failed[filepath.Base(f.Path)] = f.Err.Error()
	}
	if len(failed) != 2 || !strings.Contains(failed["empty.txt"], "empty file") || !strings.Contains(failed["binary.txt"], "binary") {
		t.Errorf("failures = %v, want empty.txt (empty file) and binary.txt (binary)", failed)
	}
	if !strings.Contains(rep.Err().Error(), "empty.txt: empty file") {
		t.Errorf("joined error does not name the file: %v", rep.Err())
	}

	for name, cites := range map[string]string{"latin1.txt": "S/RES/822 (1993)", "utf16.txt": "S/RES/853 (1993)"} {
		docs, _, err := store.Documents(ctx, uncite.DocumentFilter{Cites: cites}, uncite.Page{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		var files []string
		for _, d := range docs {
			files = append(files, d.File)
		}
		if !strings.Contains(strings.Join(files, ","), name) {
			t.Errorf("%s: decoded text should cite %s; citing files: %v", name, cites, files)
		}
	}
	if _, n, _ := store.Documents(ctx, uncite.DocumentFilter{}, uncite.Page{}); n != 4 {
		t.Errorf("%d documents stored, want 4 (seed, latin1, utf16, big)", n)
	}
}

func TestLoadRefusesOversizedFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.txt")
	if err := os.WriteFile(p, bytes.Repeat([]byte("a"), 2<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := (&loader.Loader{Store: memstore.New(), MaxFileSize: 1 << 20}).Load(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Failed) != 1 || !strings.Contains(rep.Failed[0].Error(), "huge.txt: file is 2 MB, over the 1 MB limit") {
		t.Errorf("failures = %v", rep.Failed)
	}
}

func TestLoadMissingPath(t *testing.T) {
	_, err := (&loader.Loader{Store: memstore.New()}).Load(context.Background(), "no/such/folder")
	if err == nil || !strings.Contains(err.Error(), "no/such/folder") {
		t.Errorf("err = %v, want one naming the path", err)
	}
}

func TestDecode(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want string
		err  string
	}{
		{"utf8", []byte("Arménie"), "Arménie", ""},
		{"utf8 bom", []byte("\xEF\xBB\xBFArménie"), "Arménie", ""},
		{"utf16le bom", []byte{0xFF, 0xFE, 'A', 0, 0xE9, 0}, "Aé", ""},
		{"utf16be bom", []byte{0xFE, 0xFF, 0, 'A', 0, 0xE9}, "Aé", ""},
		{"latin1", []byte("Arm\xe9nie"), "Arménie", ""},
		{"cp1252 quotes", []byte("\x93elections\x94"), "\u201celections\u201d", ""},
		{"blank", []byte(" \n\t"), "", "empty file"},
		{"nul", []byte("abc\x00def"), "", "binary"},
	} {
		got, err := loader.Decode(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: err = %v, want %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: got %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}

// Every resolution a document of testdata cites, or is, becomes one
// resolution node of the store: the extraction writes symbols in the
// grammar the store reads (none is dropped as "not a resolution symbol").
func TestEveryExtractedResolutionIsStored(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join("..", "testdata", "docs")
	files, err := loader.Walk(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, p := range files {
		d, _, ferr := loader.ReadDocument(loader.FileSource(p, loader.DefaultMaxFileSize))
		if ferr != nil {
			t.Fatal(ferr)
		}
		for _, c := range d.Citations {
			want[c.Symbol] = true
		}
		if c, err := uncite.ParseResolutionSymbol(d.Symbol); err == nil {
			want[c.Symbol] = true
		}
	}
	s := memstore.New()
	if _, err := (&loader.Loader{Store: s}).Load(ctx, dir); err != nil {
		t.Fatal(err)
	}
	_, total, err := s.Resolutions(ctx, uncite.ResolutionFilter{}, uncite.OrderBySymbol, uncite.Page{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(want) {
		t.Errorf("store holds %d resolutions, the documents cite or are %d", total, len(want))
	}
	for sym := range want {
		if _, err := s.Resolution(ctx, sym); err != nil {
			t.Errorf("resolution %q: %v", sym, err)
		}
	}
}
