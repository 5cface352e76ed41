package weburl

import "testing"

// FuzzParse: any input parses or fails, and a parsed URL's href parses to
// itself (the URL Standard's idempotence).
func FuzzParse(f *testing.F) {
	for _, s := range []string{"https://example.com/a?b#c", "http://[::1]:8080/", "file:///C:/x", "http://evil.examplehttp://evil.example/echo", "blob:https://a/b", "http://%zz/", "https://xn--n3h.com/"} {
		f.Add(s)
	}
	base, _ := Parse("https://user:pw@example.com:8443/dir/file?q#h", nil)
	f.Fuzz(func(t *testing.T, s string) {
		for _, b := range []*URL{nil, base} {
			u, err := Parse(s, b)
			if err != nil {
				continue
			}
			again, err := Parse(u.Href(), nil)
			if err != nil || again.Href() != u.Href() {
				t.Fatalf("%q parsed to %q, which reparses to %v %v", s, u.Href(), again, err)
			}
		}
	})
}
