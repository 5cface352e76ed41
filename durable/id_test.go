package durable

import (
	"strings"
	"testing"
)

// The ids wrangler 4.86.0 gave worker "rec", class Counter
// (testdata/wrangler-4.86.0-probe.json).
func TestIDFromNameMatchesWrangler(t *testing.T) {
	x := newIDs("rec-Counter")
	for name, want := range map[string]string{
		"foo": "ab0ac23e4a318fcfaa80830cb45b9a9fedbd0b51cd1ae9c5224ac2179bd4fc14",
		"bar": "bfabf83bcda096a66f2fffc14dc941b0b814bb8642dc3c9ef61055fe3bdd8f34",
	} {
		if got := x.fromName(name); got != want {
			t.Errorf("idFromName(%q) = %s, want %s", name, got, want)
		}
	}
}

func TestIDCheck(t *testing.T) {
	x, other := newIDs("w-A"), newIDs("w-B")
	u := x.unique()
	for _, c := range []struct {
		name string
		s    string
		want int
	}{
		{"a unique id of its namespace", u, idOK},
		{"a named id", x.fromName("n"), idOK},
		{"another namespace's id", other.fromName("n"), idOtherNamespace},
		{"too short", u[:63], idMalformed},
		{"not hex", strings.Repeat("g", 64), idMalformed},
		{"all zeros", strings.Repeat("0", 64), idOtherNamespace},
	} {
		if got := x.check(c.s); got != c.want {
			t.Errorf("%s: check = %d, want %d", c.name, got, c.want)
		}
	}
	if x.unique() == u {
		t.Error("two unique ids are equal")
	}
}
