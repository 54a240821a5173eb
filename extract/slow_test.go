package extract

import (
	"strings"
	"testing"
	"time"
)

func TestSlowInputs(t *testing.T) {
	for name, s := range map[string]string{
		"long para cites": strings.Repeat("resolution 822 (1993), ", 20000),
		"long para states": strings.Repeat("Armenia and ", 50000),
		"slashes":          strings.Repeat("A/", 100000),
		"solu":             strings.Repeat("solu", 100000),
		"digits":           strings.Repeat("1 (1993) ", 50000),
		"lines":            strings.Repeat("x\n", 200000),
		"han":              strings.Repeat("第1(1999)、", 30000) + "号决议",
		"arabic":           strings.Repeat("قرار ", 50000),
	} {
		st := time.Now()
		Extract("x.txt", s)
		t.Logf("%s: %d bytes in %v", name, len(s), time.Since(st))
	}
}
