package jsregexp

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestProperty_MatchesUnicodeData checks every property and value ECMAScript
// knows, as computed here (mostly from Go's tables), against the Unicode
// 15.0.0 sets in testdata/unicode.txt.
func TestProperty_MatchesUnicodeData(t *testing.T) {
	f, err := os.Open("testdata/unicode.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		key, enc, _ := strings.Cut(line, " ")
		kind, name, _ := strings.Cut(key, "=")
		body := name
		switch kind {
		case "General_Category":
			body = "General_Category=" + name
		case "Script":
			body = "Script=" + name
		}
		got, err := Property(body)
		if err != nil {
			t.Errorf("%s: %v", body, err)
			continue
		}
		want := normalize(parseRanges(enc))
		if !equal(got, want) {
			t.Errorf("%s differs from the Unicode data: %d ranges here, %d there; first difference %v", body, len(got), len(want), firstDiff(got, want))
		}
		n++
	}
	if n < 250 {
		t.Errorf("checked only %d properties", n)
	}
}

func equal(a, b Set) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func firstDiff(a, b Set) rune {
	for c := rune(0); c <= maxRune; c++ {
		if a.Contains(c) != b.Contains(c) {
			return c
		}
	}
	return -1
}

func TestProperty_Aliases(t *testing.T) {
	same := [][2]string{
		{"L", "Letter"}, {"gc=Lu", "General_Category=Uppercase_Letter"}, {"sc=Grek", "Script=Greek"},
		{"scx=Latn", "Script_Extensions=Latin"}, {"Alpha", "Alphabetic"}, {"ExtPict", "Extended_Pictographic"},
		{"digit", "Nd"}, {"space", "White_Space"},
	}
	for _, p := range same {
		a, err1 := Property(p[0])
		b, err2 := Property(p[1])
		if err1 != nil || err2 != nil || !equal(a, b) {
			t.Errorf("%s and %s differ (%v, %v)", p[0], p[1], err1, err2)
		}
	}
	scx, _ := Property("scx=Deva")
	sc, _ := Property("sc=Deva")
	if !scx.Contains(0x0964) || sc.Contains(0x0964) {
		t.Errorf("U+0964 DEVANAGARI DANDA: want it in scx=Deva and not in sc=Deva")
	}
}

func TestProperty_Unsupported(t *testing.T) {
	for body, want := range map[string]string{
		"RGI_Emoji":        "properties of strings",
		"Letter_Number=x":  "not a property",
		"sc=Klingon":       "not a Script value",
		"l":                "not a General_Category value or binary property",
		"Hyphen":           "not a General_Category value or binary property",
		"General_Category": "not a General_Category value or binary property",
	} {
		_, err := Property(body)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Property(%q) = %v, want an error containing %q", body, err, want)
		}
	}
}
