package loader

import (
	"bytes"
	"errors"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Decode turns the bytes of a text file into UTF-8. Researchers' files come
// as UTF-8 (with or without BOM), as UTF-16 with a BOM (Word's "Unicode
// text" export) or in a legacy single-byte code page; anything that looks
// like binary data is refused rather than loaded as garbage.
//
// Decode takes b over: UTF-8 text is returned in b's own memory, without a
// copy (a large file would otherwise be held twice), so the caller must not
// change b afterwards.
func Decode(b []byte) (string, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return "", errors.New("empty file")
	}
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(b)
		if err != nil {
			return "", errors.New("invalid UTF-16 text: " + err.Error())
		}
		return checkText(string(out))
	}
	if utf8.Valid(b) {
		if len(b) == 0 {
			return "", errors.New("empty file")
		}
		return checkText(unsafe.String(&b[0], len(b)))
	}
	if looksBinary(b) {
		return "", errors.New("binary file (not UTF-8, UTF-16 or Latin-1 text)")
	}
	// Windows-1252 is the superset of Latin-1 that such files really use
	// (curly quotes in 0x80–0x9F).
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return "", errors.New("undecodable text: " + err.Error())
	}
	return checkText(string(out))
}

func checkText(s string) (string, error) {
	if looksBinary([]byte(s[:min(len(s), 8192)])) {
		return "", errors.New("binary file (control bytes in the text)")
	}
	return s, nil
}

// looksBinary reports NUL bytes or a share of control characters no text
// file has, judged on the first 8 KiB.
func looksBinary(b []byte) bool {
	b = b[:min(len(b), 8192)]
	ctrl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v':
			ctrl++
		}
	}
	return ctrl*20 > len(b)
}
