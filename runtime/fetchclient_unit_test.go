package runtime

import (
	"net/http"
	"reflect"
	"testing"
)

func TestParseDataURL(t *testing.T) {
	for _, c := range []struct {
		name, in, typ, data string
		ok                  bool
	}{
		{"plain text defaults to US-ASCII", "data:,Hello%2C%20World!", "text/plain;charset=US-ASCII", "Hello, World!", true},
		{"base64", "data:text/plain;base64,SGVsbG8=", "text/plain", "Hello", true},
		{"base64 keyword is case-insensitive and may follow spaces", "data:text/plain; BASE64,SGVsbG8", "text/plain", "Hello", true},
		{"base64 ignores ASCII whitespace", "data:;base64,SGVs%20bG8=", "text/plain;charset=US-ASCII", "Hello", true},
		{"parameters are kept", "data:text/html;charset=utf-8,%3Cb%3E", "text/html;charset=utf-8", "<b>", true},
		{"type is lowercased", "data:Text/HTML,x", "text/html", "x", true},
		{"a leading ; means text/plain", "data:;charset=utf-8,x", "text/plain;charset=utf-8", "x", true},
		{"a bad type falls back", "data:nonsense,x", "text/plain;charset=US-ASCII", "x", true},
		{"the fragment is not data", "data:,a#b", "text/plain;charset=US-ASCII", "a", true},
		{"a bad percent escape stays as is", "data:,100%zz", "text/plain;charset=US-ASCII", "100%zz", true},
		{"no comma is an error", "data:text/plain", "", "", false},
		{"bad base64 is an error", "data:;base64,a", "", "", false},
		{"not a data URL", "http://x/", "", "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			typ, data, ok := parseDataURL(c.in)
			if ok != c.ok || (ok && (typ != c.typ || string(data) != c.data)) {
				t.Errorf("parseDataURL(%q) = %q, %q, %v; want %q, %q, %v", c.in, typ, data, ok, c.typ, c.data, c.ok)
			}
		})
	}
}

func TestOutHeader(t *testing.T) {
	t.Run("hop-by-hop headers are dropped, values kept apart", func(t *testing.T) {
		h, n := outHeader("host\nx.test\nconnection\nclose\naccept\na\naccept\nb\ncontent-length\n12\nx-y\nz")
		want := http.Header{"Accept": {"a", "b"}, "X-Y": {"z"}, "User-Agent": {""}}
		if !reflect.DeepEqual(h, want) || n != 12 {
			t.Errorf("got %v, %d; want %v, 12", h, n, want)
		}
	})
	t.Run("a user agent the worker set is kept; a bad length is ignored", func(t *testing.T) {
		h, n := outHeader("user-agent\nme\ncontent-length\n-1")
		if h.Get("User-Agent") != "me" || n != -1 {
			t.Errorf("got %v, %d", h, n)
		}
	})
	t.Run("no headers", func(t *testing.T) {
		h, n := outHeader("")
		if len(h) != 1 || n != -1 {
			t.Errorf("got %v, %d", h, n)
		}
	})
}
