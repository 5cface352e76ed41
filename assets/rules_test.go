package assets

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func warningLines(ws []Warning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.String())
	}
	return out
}

func TestParseRedirects(t *testing.T) {
	src := strings.Join([]string{
		"# comment",
		"",
		"/home / 301",
		"  /old-page   /new-page  ",
		"/docs https://developers.example.com/docs 308",
		"/rewrite /actual.html 200",
		"/blog/* /posts/:splat",
		"/users/:id /u/:id?from=users 307",
		"/static-after-dynamic /x",
		"https://example.com/abs /y",
		"/one-token",
		"/a /b /c /d",
		"/bad-status /x 404",
		"/home /dup",
		"/dest-bad ftp://x",
		"/proxy https://elsewhere.example/ 200",
		"/two/*/splats/* /x",
		"/" + strings.Repeat("x", MaxRedirectLineBytes),
		"relative /x",
	}, "\n")
	rd, warnings := ParseRedirects(src, "public/_redirects")
	wantWarnings := []string{
		"public/_redirects:10: Only relative URLs are allowed. Skipping absolute URL https://example.com/abs.\n    https://example.com/abs /y",
		"public/_redirects:11: Expected exactly 2 or 3 whitespace-separated tokens. Got 1.\n    /one-token",
		"public/_redirects:12: Expected exactly 2 or 3 whitespace-separated tokens. Got 4.\n    /a /b /c /d",
		"public/_redirects:13: Valid status codes are 200, 301, 302 (default), 303, 307, or 308. Got 404.\n    /bad-status /x 404",
		"public/_redirects:14: Ignoring duplicate rule for path /home.\n    /home /dup",
		"public/_redirects:15: URLs should either be relative (e.g. begin with a forward-slash), or use HTTPS (e.g. begin with \"https://\").\n    /dest-bad ftp://x",
		"public/_redirects:16: Proxy (200) redirects can only point to relative paths. Got https://elsewhere.example/\n    /proxy https://elsewhere.example/ 200",
		"public/_redirects:17: The rule /two/*/splats/* uses the same placeholder (or :splat) twice, which the platform cannot compile, so it ignores the rule\n    /two/*/splats/* /x",
		"public/_redirects:18: Ignoring line 18 as it exceeds the maximum allowed length of 1000.",
	}
	if got := warningLines(warnings); !slices.Equal(got, wantWarnings) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantWarnings, "\n"))
	}
	cases := []struct {
		path   string
		status int
		to     string
	}{
		{"/home", 301, "/"},
		{"/old-page", 302, "/new-page"},
		{"/docs", 308, "https://developers.example.com/docs"},
		{"/rewrite", 200, "/actual.html"},
		{"/blog/2024/01/hello", 302, "/posts/2024/01/hello"},
		{"/blog/", 302, "/posts/"},
		{"/users/42", 307, "/u/42?from=users"},
		{"/static-after-dynamic", 302, "/x"},
		{"/relative", 302, "/x"}, // "relative" gets its leading slash
		{"/proxy", 200, "https://elsewhere.example/"},
		{"/Home", 0, ""},      // case-sensitive
		{"/users/4/2", 0, ""}, // a placeholder is one segment
		{"/old-page/", 0, ""}, // exact
		{"/two/a/splats/b", 0, ""},
	}
	for _, c := range cases {
		got, ok := rd.Match("example.com", "example.com", c.path)
		if c.status == 0 {
			if ok {
				t.Errorf("%s matched %+v, want no match", c.path, got)
			}
			continue
		}
		if !ok || got.Status != c.status || got.To != c.to {
			t.Errorf("%s = %+v %v, want %d %s", c.path, got, ok, c.status, c.to)
		}
	}

	t.Run("limits", func(t *testing.T) {
		var b strings.Builder
		for i := 0; i < MaxStaticRedirects+1; i++ {
			fmt.Fprintf(&b, "/s%d /t\n", i)
		}
		for i := 0; i < MaxDynamicRedirects+1; i++ {
			fmt.Fprintf(&b, "/d%d/* /t\n", i)
		}
		b.WriteString("/after /t\n")
		rd, warnings := ParseRedirects(b.String(), "_redirects")
		if rd.Len() != MaxStaticRedirects+MaxDynamicRedirects {
			t.Errorf("rules = %d", rd.Len())
		}
		want := []string{
			"_redirects:2001: Maximum number of static rules supported is 2000. Skipping line.\n    /s2000 /t",
			"_redirects:2102: Maximum number of dynamic rules supported is 100. Skipping remaining 3 lines of file.\n    /d100/* /t",
		}
		if got := warningLines(warnings); !slices.Equal(got, want) {
			t.Errorf("warnings:\n%s", strings.Join(got, "\n"))
		}
	})
	t.Run("first static line wins over host rule", func(t *testing.T) {
		rd, _ := ParseRedirects("/x /plain\n", "_redirects")
		if got, _ := rd.Match("h", "h", "/x"); got.To != "/plain" {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("paths are normalised like URLs", func(t *testing.T) {
		rd, _ := ParseRedirects("/a/../b c d\n/with space /x\n", "_redirects")
		if _, ok := rd.Match("h", "h", "/b"); ok {
			t.Error("3 tokens with status 'd' should be rejected")
		}
		rd, _ = ParseRedirects("/a/../b /c\n", "_redirects")
		if got, ok := rd.Match("h", "h", "/b"); !ok || got.To != "/c" {
			t.Errorf("got %+v %v", got, ok)
		}
	})
	t.Run("never panics on junk", func(t *testing.T) {
		for _, junk := range []string{"\x00\x01", "/:", "/:1 /x", "/* /:splat/:splat", "/[ /]", "/( /)", "\r\n\r\n", "/a\t/b\t301\r"} {
			ParseRedirects(junk, "_redirects")
		}
	})
}

func TestParseHeaders(t *testing.T) {
	src := strings.Join([]string{
		"# security headers",
		"/*",
		"  X-Frame-Options: DENY",
		"  X-Robots-Tag: noindex",
		"/secure/*",
		"  X-Robots-Tag: nofollow",
		"  ! X-Frame-Options",
		"  Content-Security-Policy: default-src 'self'",
		"  content-security-policy: img-src *",
		"/users/:id",
		"  X-User: :id",
		"/files/*",
		"  X-File: :splat",
		"https://:sub.example.com/*",
		"  X-Sub: :sub",
		"# (a header line here would belong to the rule above)",
		"/empty",
		"/next",
		"  Bad Name: x",
		"  NoColon",
		"  : novalue",
		"  X-Empty:",
		"  X-Ok: ok",
		"http://insecure.example/",
		"  X-Insecure: 1",
		"/" + strings.Repeat("a", MaxHeaderLineBytes),
	}, "\n")
	hs, warnings := ParseHeaders(src, "public/_headers")
	wantWarnings := []string{
		"public/_headers:17: No headers specified\n    /empty",
		"public/_headers:19: Header name cannot include spaces\n    Bad Name: x",
		"public/_headers:20: Expected a colon-separated header pair (e.g. name: value)\n    NoColon",
		"public/_headers:21: No header name specified\n    : novalue",
		"public/_headers:22: No header value specified\n    X-Empty:",
		"public/_headers:24: URLs should either be relative (e.g. begin with a forward-slash), or use HTTPS (e.g. begin with \"https://\").\n    http://insecure.example/",
		"public/_headers:25: Expected a path beginning with at least one forward-slash\n    X-Insecure: 1",
		"public/_headers:26: Ignoring line 26 as it exceeds the maximum allowed length of 2000.",
	}
	// Line 25 is a header after a rejected path line: there is no rule to
	// attach it to, so the platform reports it as an orphan; its wording for
	// that case is "Path should come before header".
	wantWarnings[6] = "public/_headers:25: Path should come before header (x-insecure: 1)\n    X-Insecure: 1"
	if got := warningLines(warnings); !slices.Equal(got, wantWarnings) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantWarnings, "\n"))
	}
	apply := func(host, path string) http.Header {
		h := http.Header{"Content-Type": {"text/html"}, "X-Frame-Options": {"SAMEORIGIN"}}
		hs.Apply(h, host, path)
		return h
	}
	t.Run("every matching rule applies, in order", func(t *testing.T) {
		h := apply("localhost", "/secure/page")
		if got := h.Get("X-Robots-Tag"); got != "noindex, nofollow" {
			t.Errorf("X-Robots-Tag = %q (set by two rules: joined)", got)
		}
		if _, ok := h["X-Frame-Options"]; ok {
			t.Errorf("X-Frame-Options should be removed by ! on the second rule: %q", h.Values("X-Frame-Options"))
		}
		if got := h.Get("Content-Security-Policy"); got != "default-src 'self', img-src *" {
			t.Errorf("CSP = %q (one rule, same name twice: joined)", got)
		}
	})
	t.Run("a rule overwrites a header the response had", func(t *testing.T) {
		if got := apply("localhost", "/").Values("X-Frame-Options"); !slices.Equal(got, []string{"DENY"}) {
			t.Errorf("X-Frame-Options = %q", got)
		}
	})
	t.Run("placeholders and splats", func(t *testing.T) {
		if got := apply("localhost", "/users/7").Get("X-User"); got != "7" {
			t.Errorf("X-User = %q", got)
		}
		if got := apply("localhost", "/files/a/b.txt").Get("X-File"); got != "a/b.txt" {
			t.Errorf("X-File = %q", got)
		}
		if got := apply("blog.example.com", "/x").Get("X-Sub"); got != "blog" {
			t.Errorf("X-Sub = %q", got)
		}
		if got := apply("a.b.example.com", "/x").Get("X-Sub"); got != "" {
			t.Errorf("host placeholder matched two labels: %q", got)
		}
	})
	t.Run("a header before any path", func(t *testing.T) {
		_, ws := ParseHeaders("X-Orphan: value\n/a\n  X-A: 1\n", "_headers")
		if got := warningLines(ws); len(got) != 1 || got[0] != "_headers:1: Path should come before header (x-orphan: value)\n    X-Orphan: value" {
			t.Errorf("warnings = %q", got)
		}
	})
	t.Run("the next rule after a bad line still works", func(t *testing.T) {
		if got := apply("localhost", "/next").Get("X-Ok"); got != "ok" {
			t.Errorf("X-Ok = %q", got)
		}
	})
	t.Run("limit", func(t *testing.T) {
		var b strings.Builder
		for i := 0; i < MaxHeaderRules+2; i++ {
			fmt.Fprintf(&b, "/r%d\n  X-N: %d\n", i, i)
		}
		hs, warnings := ParseHeaders(b.String(), "_headers")
		if hs.Len() != MaxHeaderRules {
			t.Errorf("rules = %d", hs.Len())
		}
		if got := warningLines(warnings); len(got) != 1 || got[0] != "_headers:201: Maximum number of rules supported is 100. Skipping remaining 5 lines of file." {
			t.Errorf("warnings = %q", got)
		}
	})
	t.Run("a later rule for the same path replaces the earlier", func(t *testing.T) {
		hs, _ := ParseHeaders("/a\n  X-A: 1\n/b\n  X-B: 1\n/a\n  X-C: 1\n", "_headers")
		h := http.Header{}
		hs.Apply(h, "h", "/a")
		if h.Get("X-A") != "" || h.Get("X-C") != "1" {
			t.Errorf("headers = %v", h)
		}
	})
	t.Run("never panics on junk", func(t *testing.T) {
		for _, junk := range []string{"\x00", "/\n  :", "/\n! ", "/:\n  a: b", "/*/*\n  a: b", "https://\n a: b"} {
			ParseHeaders(junk, "_headers")
		}
	})
}
