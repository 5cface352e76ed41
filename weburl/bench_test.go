package weburl

import "testing"

func BenchmarkParse(b *testing.B) {
	for _, in := range []string{
		"https://example.com/a/b?c=d",
		"https://user:pass@sub.example.com:8443/a/./b/../c%20d?x=1&y=2#frag",
		"http://b\u00fccher.example/\u00e9",
	} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(in, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkParseRelative(b *testing.B) {
	base := mustParse(b, "https://example.com/dir/page?q")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("../other/x?y", base); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHref(b *testing.B) {
	u := mustParse(b, "https://example.com/a/b?c=d")
	b.ReportAllocs()
	for b.Loop() {
		_ = u.Href()
	}
}

func BenchmarkParseQuery(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = ParseQuery("a=1&b=hello+world&c=%C3%A9")
	}
}
