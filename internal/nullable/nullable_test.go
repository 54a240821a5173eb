package nullable

import (
	"encoding/json"
	"testing"
)

func TestString(t *testing.T) {
	if p := String(""); p != nil {
		t.Errorf(`String("") = %q, want nil`, *p)
	}
	if p := String("A/RES/1"); p == nil || *p != "A/RES/1" {
		t.Errorf(`String("A/RES/1") = %v, want a pointer to "A/RES/1"`, p)
	}
}

func TestList(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{{nil, "[]"}, {[]string{}, "[]"}, {[]string{"en", "fr"}, `["en","fr"]`}} {
		b, err := json.Marshal(List(c.in))
		if err != nil || string(b) != c.want {
			t.Errorf("List(%#v) encodes as %s (%v), want %s", c.in, b, err, c.want)
		}
	}
}
