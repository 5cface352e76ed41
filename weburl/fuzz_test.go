package weburl

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that parsing never panics, that a serialized URL parses
// back to itself (the URL Standard guarantees the serializer's output is a
// fixed point), and that the setters never panic and keep that property.
// Seeds: every input of the WPT parsing data.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join(wptDir, "urltestdata.json")); err == nil {
		var items []json.RawMessage
		_ = json.Unmarshal(data, &items)
		for _, r := range items {
			var c struct{ Input string }
			if json.Unmarshal(r, &c) == nil {
				f.Add(c.Input, "x")
			}
		}
	}
	f.Add("https://example.com/a/b?c=d", "?x=1")
	f.Add("file:///C:/a", "..")
	bases := []*URL{nil, mustParse(f, "https://h/a/b?q#f"), mustParse(f, "file:///C:/d/e"), mustParse(f, "sc:opaque")}
	f.Fuzz(func(t *testing.T, input, value string) {
		for _, base := range bases {
			u, err := Parse(input, base)
			if err != nil {
				continue
			}
			checkFixedPoint(t, u, "Parse("+input+")")
			for _, set := range []func(string){
				u.SetProtocol, u.SetUsername, u.SetPassword, u.SetHost, u.SetHostname,
				u.SetPort, u.SetPathname, u.SetSearch, u.SetHash,
			} {
				set(value)
				checkFixedPoint(t, u, "after a setter with "+value)
			}
			_ = u.Origin()
			_ = ParseQuery(u.Search())
		}
	})
}

func checkFixedPoint(t *testing.T, u *URL, what string) {
	t.Helper()
	href := u.Href()
	again, err := Parse(href, nil)
	if err != nil {
		t.Fatalf("%s: href %q does not parse: %v", what, href, err)
	}
	if again.Href() != href {
		t.Fatalf("%s: href %q parses to %q", what, href, again.Href())
	}
}
