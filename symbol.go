package uncite

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// SessionKey builds the key that identifies a session across stores.
func SessionKey(body string, number int) string {
	return body + "-" + strconv.Itoa(number)
}

var (
	reSC     = regexp.MustCompile(`^S/RES/(\d+)\((\d{4})\)$`)
	reGAOld  = regexp.MustCompile(`^A/RES/(\d+)(?:[A-Z])?\(([IVXL]+)\)$`)
	reGA     = regexp.MustCompile(`^A/RES/((?:ES-|S-)?\d+/\d+)(?:[A-Z])?$`)
	reHRC    = regexp.MustCompile(`^A/HRC/RES/((?:S-)?\d+/\d+)$`)
	reECOSOC = regexp.MustCompile(`^E/RES/(\d{4}/\d+)(?:[A-Z])?$`)
	reCHR    = regexp.MustCompile(`^E/CN\.4/RES/(\d{4}/\d+)$`)
)

// ParseResolutionSymbol normalises a resolution symbol written with any case
// and spacing ("s/res/822(1993)", "a/res/60/251") into its canonical form and
// returns the citation fields it determines. It fails when the input is not a
// resolution symbol of a modelled body.
func ParseResolutionSymbol(s string) (Citation, error) {
	squeezed := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if m := reSC.FindStringSubmatch(squeezed); m != nil {
		y, _ := strconv.Atoi(m[2])
		n := strings.TrimLeft(m[1], "0")
		return Citation{Symbol: SCSymbol(n, y), Body: BodySC, Number: n, Year: y}, nil
	}
	if m := reGAOld.FindStringSubmatch(squeezed); m != nil {
		return Citation{Symbol: fmt.Sprintf("A/RES/%s (%s)", m[1], m[2]), Body: BodyGA, Number: m[1]}, nil
	}
	if m := reGA.FindStringSubmatch(squeezed); m != nil {
		return Citation{Symbol: "A/RES/" + m[1], Body: BodyGA, Number: m[1]}, nil
	}
	if m := reHRC.FindStringSubmatch(squeezed); m != nil {
		return Citation{Symbol: "A/HRC/RES/" + m[1], Body: BodyHRC, Number: m[1]}, nil
	}
	if m := reECOSOC.FindStringSubmatch(squeezed); m != nil {
		return Citation{Symbol: "E/RES/" + m[1], Body: BodyECOSOC, Number: m[1], Year: atoiPrefix(m[1])}, nil
	}
	if m := reCHR.FindStringSubmatch(squeezed); m != nil {
		return Citation{Symbol: "E/CN.4/RES/" + m[1], Body: BodyCHR, Number: m[1], Year: atoiPrefix(m[1])}, nil
	}
	return Citation{}, Errorf(EINVALID, "%q is not a resolution symbol (expected forms such as S/RES/822 (1993), A/RES/60/251, A/HRC/RES/43/1)", s)
}

// SCSymbol is the canonical symbol of Security Council resolution n of year y.
func SCSymbol(n string, year int) string { return fmt.Sprintf("S/RES/%s (%d)", n, year) }

func atoiPrefix(s string) int {
	n, _ := strconv.Atoi(s[:strings.IndexByte(s, '/')])
	return n
}
