package assets

import "testing"

func TestIgnore_Match(t *testing.T) {
	ig := ParseIgnore("# comment\n*.map\n/secret.txt\nprivate/\n!private/keep.txt\n**/drafts/**\nnode_modules\n")
	for rel, want := range map[string]bool{
		"app.js.map":             true, // unanchored: any depth
		"js/app.js.map":          true,
		"secret.txt":             true, // anchored to the root
		"sub/secret.txt":         false,
		"private/a.html":         true, // a directory pattern: what is under it
		"private":                false,
		"private/keep.txt":       false, // the later negation wins
		"blog/drafts/x.md":       true,
		"drafts/x.md":            true,
		"node_modules/x/y.js":    true, // a name also covers a directory of that name
		"index.html":             false,
		"app.js":                 false,
		"mapping/app.js":         false,
		"notes/private/readme":   true, // a slash only at the end does not anchor
		"deep/node_modules/a.js": true,
	} {
		if got := ig.Match(rel); got != want {
			t.Errorf("Match(%q) = %v, want %v", rel, got, want)
		}
	}
	if (*Ignore)(nil).Match("x") {
		t.Error("a nil Ignore ignores something")
	}
}

func TestCompileRoute(t *testing.T) {
	for _, c := range []struct {
		pattern, path string
		want          bool
	}{
		{"/api/*", "/api/", true},
		{"/api/*", "/api/a/b", true},
		{"/api/*", "/api", false},
		{"/api/*", "/apix", false},
		{"/file", "/file", true},
		{"/file", "/file/", false},
		{"/a.b", "/aXb", false}, // only * is special
		{"/*.json", "/x/y.json", true},
	} {
		if got := CompileRoute(c.pattern).MatchString(c.path); got != c.want {
			t.Errorf("%s matches %s: %v, want %v", c.pattern, c.path, got, c.want)
		}
	}
}

func TestDecodeEncodePath(t *testing.T) {
	for in, want := range map[string]string{
		"/%66ile":    "/file",
		"/a%2Fb":     "/a/b", // decodeURIComponent decodes %2F; the collapse does not apply
		"//a///b":    "/a/b",
		"/bad%zz":    "/bad%zz", // a segment that does not decode stays raw
		"/%E2%82%AC": "/€",
		"/%FF":       "/%FF", // not UTF-8: kept
		"/[x]":       "/[x]",
	} {
		if got := decodePath(in); got != want {
			t.Errorf("decodePath(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"/file":    "/file",
		"/[x]":     "/%5Bx%5D",
		"/a b":     "/a%20b",
		"/€":       "/%E2%82%AC",
		"/it's(1)": "/it's(1)",
	} {
		if got := encodePath(in); got != want {
			t.Errorf("encodePath(%q) = %q, want %q", in, got, want)
		}
	}
}
