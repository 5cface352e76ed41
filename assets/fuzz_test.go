package assets

import "testing"

// The asset rule files: any text in _headers or _redirects
// gives rules and warnings (or an error), never a panic.

func FuzzHeaders(f *testing.F) {
	f.Add("/secure/*\n  X-Frame-Options: DENY\n  ! Set-Cookie\nhttps://:sub.example.com/*\n  X: :sub\n")
	f.Add("  orphan: header\n/*\n")
	f.Fuzz(func(t *testing.T, src string) {
		h, _ := ParseHeaders(src, "_headers")
		if h == nil {
			t.Fatal("nil headers")
		}
	})
}

func FuzzRedirects(f *testing.F) {
	f.Add("/old /new 301\n/blog/:slug /posts/:slug\n/* /index.html 200\nhttps://example.com/* /x 302\n")
	f.Add("/a\n/b /c 999\n# comment\n")
	f.Fuzz(func(t *testing.T, src string) {
		r, _ := ParseRedirects(src, "_redirects")
		if r == nil {
			t.Fatal("nil redirects")
		}
	})
}
