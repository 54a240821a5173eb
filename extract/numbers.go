package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/uncite/uncite/internal/prefilter"
)

// Ordinal and cardinal number words as UN session headers write them
// ("Forty-third session", "Quarante-troisième session", "Сорок третья
// сессия", "الدورة الثالثة والأربعون", "第四十三届会议"), from the
// vocabularies. Words are summed, which covers the compounds of every
// language but French "quatre-vingt".
var numberWords = valueMap(func(v *vocabulary) map[string]int { return v.numberWords })

// months are the month names of the vocabularies.
var months = valueMap(func(v *vocabulary) map[string]time.Month { return v.months })

// wordsNumber reads a number written in words ("Forty-third",
// "soixante-dix-septième", "сорок третья", "الثالثة والأربعون"); 0 when a word
// is not a number word.
func wordsNumber(s string) int {
	total := 0
	prev := 0
	for w := range strings.FieldsFuncSeq(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' || r == '\u00a0' }) {
		if w == "et" || w == "y" {
			continue
		}
		n := numberWords[w]
		if n == 0 {
			n = numberWords[arabicNumberWord(w)]
		}
		if n == 0 {
			for _, o := range russianOrdinals {
				if strings.HasPrefix(w, o.stem) {
					n = o.n
					break
				}
			}
		}
		if n == 0 {
			return 0
		}
		// French "quatre-vingt(ième)": four twenties.
		if n == 20 && prev == 4 && (w == "vingt" || w == "vingtième" || w == "vingts") {
			total += 80 - 4 - 20
		}
		total += n
		prev = n
	}
	return total
}

func arabicNumberWord(w string) string {
	w = foldArabic(w)
	w = strings.TrimPrefix(w, "و")
	w = strings.TrimPrefix(w, "ال")
	return w
}

// chineseNumber reads a Chinese numeral up to 999 ("四十三"); 0 when s is not one.
func chineseNumber(s string) int {
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '〇': 0, '零': 0}
	total, cur := 0, 0
	for _, r := range s {
		switch r {
		case '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		default:
			d, ok := digits[r]
			if !ok {
				return 0
			}
			cur = d
		}
	}
	return total + cur
}

// month reads a month name in any of the six languages; OCR that reads the
// capital O as a zero ("0ctober") is forgiven.
func month(s string) time.Month {
	s = strings.ToLower(s)
	if strings.HasPrefix(s, "0") {
		s = "o" + s[1:]
	}
	if m, ok := months[s]; ok {
		return m
	}
	// Arabic writes the Levantine and the Western name: "آب/أغسطس".
	if _, west, ok := strings.Cut(s, "/"); ok {
		return months[foldArabic(west)]
	}
	return months[foldArabic(s)]
}

var (
	reDate   = prefilter.MustCompileWith(`(\d{1,2})(?:er|º|°)?\s+(?:de\s+)?([\p{L}0][\p{L}/]+)\s+(?:de\s+)?(\d{4})`, matchDate)
	reDateZH = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
)

// matchDate is reDate anchored at the start of s, written out: the regexp,
// tried at every digit of a text, would clear a bitmap the size of the rest
// of the text each time. Each part of the pattern takes all it can (giving
// back would leave a character the next part cannot start with), so the
// only choice is whether a "de" after the day is the optional word or the
// month; the word is tried first, as the regexp tries it.
func matchDate(s string) []int {
	i := 0
	for i < 2 && i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == 0 {
		return nil
	}
	day := i
	for _, suffix := range [...]string{"er", "º", "°"} {
		if strings.HasPrefix(s[i:], suffix) {
			i += len(suffix)
			break
		}
	}
	j := skipSpace(s, i)
	if j == i {
		return nil
	}
	if strings.HasPrefix(s[j:], "de") {
		if k := skipSpace(s, j+2); k > j+2 {
			if m, ok := matchMonthYear(s, k); ok {
				return []int{0, m[3], 0, day, m[0], m[1], m[2], m[3]}
			}
		}
	}
	if m, ok := matchMonthYear(s, j); ok {
		return []int{0, m[3], 0, day, m[0], m[1], m[2], m[3]}
	}
	return nil
}

// matchMonthYear matches `([\p{L}0][\p{L}/]+)\s+(?:de\s+)?(\d{4})` at
// s[i:] and returns the bounds of its two groups.
func matchMonthYear(s string, i int) ([4]int, bool) {
	start := i
	if i < len(s) && s[i] == '0' {
		i++
	} else if n := letterAt(s, i); n > 0 {
		i += n
	} else {
		return [4]int{}, false
	}
	end := letterSlashRunEnd(s, i)
	k := skipSpace(s, end)
	if end == i || k == end {
		return [4]int{}, false
	}
	if strings.HasPrefix(s[k:], "de") {
		if l := skipSpace(s, k+2); l > k+2 {
			k = l
		}
	}
	if k+4 > len(s) || !isDigit(s[k]) || !isDigit(s[k+1]) || !isDigit(s[k+2]) || !isDigit(s[k+3]) {
		return [4]int{}, false
	}
	return [4]int{start, end, k, k + 4}, true
}

// letterAt returns the size of the letter (\p{L}) at s[i], 0 if there is none.
func letterAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	r, size := decodeRune(s, i)
	if propsOf(r)&propLetter == 0 {
		return 0
	}
	return size
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// findDate returns the first date written out in s, in ISO form, and where
// it ends; "" and -1 when there is none.
func findDate(s string) (string, int) {
	best, end, at := "", -1, len(s)+1
	reDate.Each(s, func(m []int) bool {
		mo := month(s[m[4]:m[5]])
		if mo == 0 {
			return true
		}
		if d := isoDate(s[m[6]:m[7]], mo, s[m[2]:m[3]]); d != "" {
			best, end, at = d, m[1], m[0]
			return false
		}
		return true
	})
	if !strings.Contains(s, "年") {
		return best, end
	}
	if m := reDateZH.FindStringSubmatchIndex(s); m != nil && m[0] < at {
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		if d := isoDate(s[m[2]:m[3]], time.Month(mo), s[m[6]:m[7]]); d != "" {
			best, end = d, m[1]
		}
	}
	return best, end
}

func isoDate(year string, mo time.Month, day string) string {
	y, _ := strconv.Atoi(year)
	d, _ := strconv.Atoi(day)
	if y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return ""
	}
	return t.Format("2006-01-02")
}

var reDateRange = regexp.MustCompile(`(\d{1,2})(?:er)?(?:\s+(?:de\s+)?([\p{L}/]+))?(?:\s+(?:de\s+)?(\d{4}))?\s*[-–—]\s*(?:al?\s+)?(\d{1,2})(?:er)?\s+(?:de\s+)?([\p{L}/]+)\s+(?:de\s+)?(\d{4})`)

// findDateRange reads a session's dates written as a range ("24 février-20
// mars 2020", "20–31 January 2025") and returns its ISO start and end.
func findDateRange(s string) (start, end string) {
	if !strings.ContainsAny(s, "-–—") {
		return "", "" // a range has its dash
	}
	for _, m := range reDateRange.FindAllStringSubmatchIndex(s, -1) {
		sub := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		m2 := month(sub(5))
		if m2 == 0 {
			continue
		}
		m1, y1 := m2, sub(6)
		if sub(2) != "" {
			if m1 = month(sub(2)); m1 == 0 {
				continue
			}
		}
		if sub(3) != "" {
			y1 = sub(3)
		} else if m1 > m2 {
			y, _ := strconv.Atoi(y1)
			y1 = strconv.Itoa(y - 1)
		}
		start, end = isoDate(y1, m1, sub(1)), isoDate(sub(6), m2, sub(4))
		if start != "" && end != "" && start <= end {
			return start, end
		}
	}
	return "", ""
}

// romanNumeral writes n (1..399) in Roman numerals, the way the General
// Assembly numbered its first thirty sessions.
func romanNumeral(n int) string {
	if n <= 0 || n >= 400 {
		return ""
	}
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}
