package weburl

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func mustParse(t testing.TB, s string) *URL {
	t.Helper()
	u, err := Parse(s, nil)
	if err != nil {
		t.Fatalf("Parse(%q): %v", s, err)
	}
	return u
}

func TestParse_Components(t *testing.T) {
	u := mustParse(t, " \tHTTPS://us%65r:p@ss@EXAMPLE.com:443/a/./b/../c?x=1 2#fr ag\n")
	got := getters(u)
	want := map[string]string{
		"href":     "https://us%65r:p%40ss@example.com/a/c?x=1%202#fr%20ag",
		"origin":   "https://example.com",
		"protocol": "https:",
		"username": "us%65r",
		"password": "p%40ss",
		"host":     "example.com",
		"hostname": "example.com",
		"port":     "",
		"pathname": "/a/c",
		"search":   "?x=1%202",
		"hash":     "#fr%20ag",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
	if q, ok := u.Query(); !ok || q != "x=1%202" {
		t.Errorf("Query() = %q, %v", q, ok)
	}
}

func TestParse_Hosts(t *testing.T) {
	tests := []struct {
		name, input, host string // host "" means failure
	}{
		{"decimal IPv4", "http://192.168.0.1/", "192.168.0.1"},
		{"single number IPv4", "http://3232235521/", "192.168.0.1"},
		{"hex and octal IPv4", "http://0xC0.0250.0.1/", "192.168.0.1"},
		{"two-part IPv4", "http://192.11010049/", "192.168.0.1"},
		{"IPv4 with trailing dot", "http://1.2.3.4./", "1.2.3.4"},
		{"IPv4 part over 255", "http://256.0.0.1/", ""},
		{"IPv4 last part too big", "http://1.2.3.256/", ""},
		{"IPv4 too many parts", "http://1.2.3.4.5/", ""},
		{"IPv4 huge number", "http://99999999999999999999999/", ""},
		{"looks numeric but is not IPv4", "http://1.2.3.09/", ""},
		{"last label not numeric", "http://1.2.3.a/", "1.2.3.a"},
		{"IPv6 compressed", "http://[0:0:0:0:0:0:0:1]/", "[::1]"},
		{"IPv6 first longest run", "http://[1:0:0:2:0:0:0:3]/", "[1:0:0:2::3]"},
		{"IPv6 single zero not compressed", "http://[1:0:2:3:4:5:6:7]/", "[1:0:2:3:4:5:6:7]"},
		{"IPv6 uppercase", "http://[ABCD::EF]/", "[abcd::ef]"},
		{"IPv6 with IPv4 tail", "http://[::ffff:192.168.0.1]/", "[::ffff:c0a8:1]"},
		{"IPv6 all zero", "http://[::]/", "[::]"},
		{"IPv6 unclosed", "http://[::1/", ""},
		{"IPv6 too many pieces", "http://[1:2:3:4:5:6:7:8:9]/", ""},
		{"IPv6 double compression", "http://[1::2::3]/", ""},
		{"IPv6 bad IPv4 tail", "http://[::1.2.3.]/", ""},
		{"IPv6 in opaque host", "sc://[::1]/", "[::1]"},
		{"IDN to punycode", "http://b\u00fccher.example/", "xn--bcher-kva.example"},
		{"full-width letters mapped", "http://\uff27\uff4f.com/", "go.com"},
		{"ideographic full stop is a dot", "http://a\u3002b/", "a.b"},
		{"soft hyphen ignored", "http://ex\u00adample.com/", "example.com"},
		{"sharp s kept (non-transitional)", "http://fa\u00df.de/", "xn--fa-hia.de"},
		{"percent-encoded domain decoded", "http://%65xample.com/", "example.com"},
		{"percent-encoded forbidden", "http://a%20b/", ""},
		{"forbidden code point", "http://a<b/", ""},
		{"underscore allowed", "http://a_b.example/", "a_b.example"},
		{"leading hyphen allowed", "http://-x-.example/", "-x-.example"},
		{"valid punycode kept", "http://xn--bcher-kva.example/", "xn--bcher-kva.example"},
		{"invalid punycode", "http://xn--a.example/", ""},
		{"ASCII-only punycode label", "http://xn--abc-.example/", ""},
		{"bidi rule", "http://a\u05d0.example/", ""},
		{"disallowed code point", "http://\ufdd0.example/", ""},
		{"opaque host kept percent-encoded", "sc://\u00f1/", "%C3%B1"},
		{"opaque host forbidden", "sc://a b/", ""},
		{"empty special host", "http:///x", "x"},
		{"empty non-special host", "sc:///x", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, err := Parse(tc.input, nil)
			if tc.host == "" && tc.name != "empty non-special host" {
				if err == nil {
					t.Fatalf("Parse(%q) host = %q, want failure", tc.input, u.Hostname())
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.input, err)
			}
			if got := u.Hostname(); got != tc.host {
				t.Errorf("hostname = %q, want %q", got, tc.host)
			}
		})
	}
}

func TestParse_PathsAndOpaque(t *testing.T) {
	tests := []struct{ input, base, href string }{
		{"http://h/a/%2e%2E/b/%2e/c", "", "http://h/b/c"},
		{"http://h/a/..", "", "http://h/"},
		{"http://h\\a\\b", "", "http://h/a/b"},
		{"sc://h/a\\b", "", "sc://h/a\\b"},
		{"sc://h\\a", "", ""}, // "\\" is not a delimiter here, so it is in the host
		{"http://h/{a}`^|", "", "http://h/%7Ba%7D%60^|"},
		{"http://h/?'\"", "", "http://h/?%27%22"},
		{"sc://h/?'\"", "", "sc://h/?'%22"},
		{"http://h/#`<>", "", "http://h/#%60%3C%3E"},
		{"mailto:a b@c?x#y", "", "mailto:a b@c?x#y"},
		{"data:text/plain,\u00e9", "", "data:text/plain,%C3%A9"},
		{"web+demo:/.//not-a-host/", "", "web+demo:/.//not-a-host/"},
		{"sc:/a/..//b", "", "sc:/.//b"},
		{"../x?y", "http://h/a/b/c", "http://h/a/x?y"},
		{"?y", "http://h/a?b#c", "http://h/a?y"},
		{"#z", "mailto:x", "mailto:x#z"},
		{"//other/p", "https://h/a", "https://other/p"},
		{"https:rel", "https://h/a/b", "https://h/a/rel"},
		{"http:rel", "https://h/a/b", "http://rel/"},
		{"", "http://h/a?b#c", "http://h/a?b"},
		{"http://h:0080/", "", "http://h/"},
		{"http://h:8080/", "", "http://h:8080/"},
		{"ws://h:80/", "", "ws://h/"},
		{"sc://u:p@h:1/", "", "sc://u:p@h:1/"},
		{"http://u:@h/", "", "http://u@h/"},
		{"http://:p@h/", "", "http://:p@h/"},
		{"http://a@b@c/", "", "http://a%40b@c/"},
		{"http://a:b:c@d/", "", "http://a:b%3Ac@d/"},
		{"http://h/\u00e9?\u00e9#\u00e9", "", "http://h/%C3%A9?%C3%A9#%C3%A9"},
		{"http://h/\xff", "", "http://h/%EF%BF%BD"},
	}
	for _, tc := range tests {
		t.Run(tc.input, func(t *testing.T) {
			var base *URL
			if tc.base != "" {
				base = mustParse(t, tc.base)
			}
			u, err := Parse(tc.input, base)
			if tc.href == "" {
				if err == nil {
					t.Fatalf("Parse(%q) = %q, want failure", tc.input, u.Href())
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q, %q): %v", tc.input, tc.base, err)
			}
			if got := u.Href(); got != tc.href {
				t.Errorf("href = %q, want %q", got, tc.href)
			}
		})
	}
}

func TestParse_Errors(t *testing.T) {
	tests := []struct {
		input  string
		reason error
	}{
		{"", errMissingScheme},
		{"/relative", errMissingScheme},
		{"http://", errHostMissing},
		{"http://user@/", errHostMissing},
		{"http://h:99999/", errPortOutOfRange},
		{"http://h:12a/", errInvalidPort},
		{"http://[::1/", errIPv6Unclosed},
		{"http://[x]/", errIPv6Invalid},
		{"http://1.2.3.999/", errIPv4Invalid},
		{"http://a b/", errForbiddenHostCodePoint},
		{"http://xn--a/", errIDNA},
	}
	for _, tc := range tests {
		t.Run(tc.input, func(t *testing.T) {
			_, err := Parse(tc.input, nil)
			if !errors.Is(err, ErrInvalidURL) || !errors.Is(err, tc.reason) {
				t.Fatalf("err = %v, want ErrInvalidURL and %v", err, tc.reason)
			}
			var pe *Error
			if !errors.As(err, &pe) || pe.Input != tc.input {
				t.Fatalf("err = %#v, want *Error with the input", err)
			}
			if CanParse(tc.input, nil) {
				t.Error("CanParse = true for an input Parse rejects")
			}
		})
	}
	if !CanParse("x", mustParse(t, "http://h/")) {
		t.Error("CanParse with base = false")
	}
}

func TestSetters(t *testing.T) {
	t.Run("href replaces everything or nothing", func(t *testing.T) {
		u := mustParse(t, "http://h/a")
		if err := u.SetHref("no scheme"); err == nil || u.Href() != "http://h/a" {
			t.Fatalf("SetHref(bad) = %v, href %q", err, u.Href())
		}
		if err := u.SetHref("https://x/y"); err != nil || u.Href() != "https://x/y" {
			t.Fatalf("SetHref(good) = %v, href %q", err, u.Href())
		}
	})
	t.Run("protocol keeps special-ness", func(t *testing.T) {
		u := mustParse(t, "http://h:443/")
		u.SetProtocol("https")
		if u.Href() != "https://h/" {
			t.Errorf("href = %q (default port should be dropped)", u.Href())
		}
		u.SetProtocol("foo")
		if u.Protocol() != "https:" {
			t.Errorf("special -> non-special changed scheme to %q", u.Protocol())
		}
	})
	t.Run("host with bad port keeps new host", func(t *testing.T) {
		u := mustParse(t, "http://h:8080/p")
		u.SetHost("x:99999")
		if u.Host() != "x:8080" {
			t.Errorf("host = %q, want x:8080", u.Host())
		}
	})
	t.Run("hostname ignores a port", func(t *testing.T) {
		u := mustParse(t, "http://h/p")
		u.SetHostname("x:1")
		if u.Host() != "h" {
			t.Errorf("host = %q, want h", u.Host())
		}
	})
	t.Run("port", func(t *testing.T) {
		u := mustParse(t, "http://h/")
		u.SetPort("8080abc")
		if u.Port() != "8080" {
			t.Errorf("port = %q", u.Port())
		}
		u.SetPort("80")
		if u.Port() != "" || u.Host() != "h" {
			t.Errorf("default port kept: %q", u.Host())
		}
		u.SetPort("1")
		u.SetPort("")
		if u.Port() != "" {
			t.Errorf("empty port not removed: %q", u.Port())
		}
	})
	t.Run("credentials ignored without host", func(t *testing.T) {
		u := mustParse(t, "file:///p")
		u.SetUsername("u")
		u.SetPassword("p")
		u.SetPort("1")
		if u.Href() != "file:///p" {
			t.Errorf("href = %q", u.Href())
		}
		u = mustParse(t, "http://h/")
		u.SetUsername("a@b")
		u.SetPassword("c:d")
		if u.Href() != "http://a%40b:c%3Ad@h/" {
			t.Errorf("href = %q", u.Href())
		}
	})
	t.Run("pathname", func(t *testing.T) {
		u := mustParse(t, "http://h/a?q")
		u.SetPathname("x/../y z?#")
		if u.Href() != "http://h/y%20z%3F%23?q" {
			t.Errorf("href = %q", u.Href())
		}
		m := mustParse(t, "mailto:x")
		m.SetPathname("y")
		if m.Href() != "mailto:x" {
			t.Errorf("opaque path changed: %q", m.Href())
		}
	})
	t.Run("search and hash", func(t *testing.T) {
		u := mustParse(t, "http://h/?a#b")
		u.SetSearch("??x y#")
		u.SetHash("##z")
		if u.Href() != "http://h/??x%20y%23##z" {
			t.Errorf("href = %q", u.Href())
		}
		u.SetSearch("")
		u.SetHash("")
		if u.Href() != "http://h/" {
			t.Errorf("href = %q", u.Href())
		}
	})
	t.Run("emptying query strips opaque path spaces", func(t *testing.T) {
		u := mustParse(t, "data:space   ?q")
		if u.Pathname() != "space   " {
			t.Fatalf("pathname = %q", u.Pathname())
		}
		u.SetSearch("")
		if u.Href() != "data:space" {
			t.Errorf("href = %q, want data:space", u.Href())
		}
		v := mustParse(t, "data:space   ?q")
		v.SetEncodedQuery("")
		if v.Href() != "data:space" {
			t.Errorf("SetEncodedQuery(\"\"): href = %q", v.Href())
		}
	})
	t.Run("encoded query stored verbatim", func(t *testing.T) {
		u := mustParse(t, "http://h/?old")
		u.SetEncodedQuery("a=b+c&d=%26")
		if u.Search() != "?a=b+c&d=%26" {
			t.Errorf("search = %q", u.Search())
		}
	})
}

func TestOrigin(t *testing.T) {
	for in, want := range map[string]string{
		"https://h:8443/p":                  "https://h:8443",
		"ftp://h:21/":                       "ftp://h",
		"blob:https://h:443/uuid":           "https://h",
		"blob:ftp://h/uuid":                 "null",
		"blob:not a url":                    "null",
		"file:///etc":                       "null",
		"sc://h/":                           "null",
		"http://[::1]:80/":                  "http://[::1]",
		"wss://xn--bcher-kva.example:1/x?y": "wss://xn--bcher-kva.example:1",
	} {
		if got := mustParse(t, in).Origin(); got != want {
			t.Errorf("Origin(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQuery(t *testing.T) {
	t.Run("parse", func(t *testing.T) {
		got := ParseQuery("a=1&&b=x+y%20z&c&=v&d=%zz&e=%C3%A9&f=%FF&g==&h=1=2")
		want := []Param{
			{"a", "1"}, {"b", "x y z"}, {"c", ""}, {"", "v"}, {"d", "%zz"},
			{"e", "\u00e9"}, {"f", "\ufffd"}, {"g", "="}, {"h", "1=2"},
		}
		if len(got) != len(want) {
			t.Fatalf("got %d params %q, want %d", len(got), got, len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("param %d = %q, want %q", i, got[i], want[i])
			}
		}
		if ParseQuery("") != nil {
			t.Error("empty query gave params")
		}
	})
	t.Run("serialize", func(t *testing.T) {
		got := SerializeQuery([]Param{{"a b", "c+d"}, {"\u00e9", "*-._~!'()"}, {"", ""}})
		if want := "a+b=c%2Bd&%C3%A9=*-._%7E%21%27%28%29&="; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("round trip", func(t *testing.T) {
		in := []Param{{"q", "a&b=c d"}, {"\U0001F600", "%"}}
		out := ParseQuery(SerializeQuery(in))
		if len(out) != 2 || out[0] != in[0] || out[1] != in[1] {
			t.Errorf("round trip = %q", out)
		}
	})
}

func TestDecodeUTF8(t *testing.T) {
	for in, want := range map[string]string{
		"ok \u00e9":        "ok \u00e9",
		"\xe2\x82":         "\ufffd", // truncated 3-byte sequence: one maximal subpart
		"\xe2\x82a":        "\ufffda",
		"\xff\xfe":         "\ufffd\ufffd",       // two bytes that never start a sequence
		"\xed\xa0\x80":     "\ufffd\ufffd\ufffd", // encoded surrogate
		"\xf0\x9f\x98\x80": "\U0001F600",
		"\xc0\xaf":         "\ufffd\ufffd", // overlong
	} {
		if got := decodeUTF8([]byte(in)); got != want {
			t.Errorf("decodeUTF8(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCompareUTF16(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"a", "b", -1},
		{"a", "a", 0},
		{"ab", "a", 1},
		{"\U0001F600", "\uFFFD", -1}, // surrogate 0xD83D sorts before U+FFFD; byte order says the opposite
		{"\U0001F600", "\U0001F601", -1},
		{"\uE000", "\U00010000", 1},
	}
	for _, tc := range tests {
		if got := CompareUTF16(tc.a, tc.b); got != tc.want {
			t.Errorf("CompareUTF16(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// percent-encoding.json: with UTF-8 as the only encoding, the query and the
// fragment both take the "utf-8" output.
func TestWPT_PercentEncoding(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(wptDir, "percent-encoding.json"))
	if err != nil {
		t.Fatal(err)
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range raw {
		var c struct {
			Input  string            `json:"input"`
			Output map[string]string `json:"output"`
		}
		if json.Unmarshal(r, &c) != nil {
			continue // a comment string
		}
		n++
		u := mustParse(t, "https://example.invalid/?"+c.Input+"#"+c.Input)
		if want := "?" + c.Output["utf-8"]; u.Search() != want {
			t.Errorf("%q: search = %q, want %q", c.Input, u.Search(), want)
		}
		if want := "#" + c.Output["utf-8"]; u.Hash() != want {
			t.Errorf("%q: hash = %q, want %q", c.Input, u.Hash(), want)
		}
	}
	if n != 2 {
		t.Errorf("ran %d cases, want 2", n)
	}
}
