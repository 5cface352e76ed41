package weburl

import "testing"

// The stored WPT urltestdata.json has no file: URL section, so the
// Windows drive letter and file host rules are pinned here, worked out from
// the URL Standard's file, file slash, file host and path states.
func TestParse_FileURLs(t *testing.T) {
	tests := []struct {
		input, base, want string
	}{
		{"file:c:\\foo\\bar.html", "file:///tmp/mock/path", "file:///c:/foo/bar.html"},
		{"  File:c|////foo\\bar.html", "file:///tmp/mock/path", "file:///c:////foo/bar.html"},
		{"C|/foo/bar", "file:///tmp/mock/path", "file:///C:/foo/bar"},
		{"/C|\\foo\\bar", "file:///tmp/mock/path", "file:///C:/foo/bar"},
		{"//C|/foo/bar", "file:///tmp/mock/path", "file:///C:/foo/bar"},
		{"//server/file", "file:///tmp/mock/path", "file://server/file"},
		{"\\\\server\\file", "file:///tmp/mock/path", "file://server/file"},
		{"/\\server/file", "file:///tmp/mock/path", "file://server/file"},
		{"file:///foo/bar.txt", "file:///tmp/mock/path", "file:///foo/bar.txt"},
		{"//", "file:///tmp/mock/path", "file:///"},
		{"///", "file:///tmp/mock/path", "file:///"},
		{"///test", "file:///tmp/mock/path", "file:///test"},
		{"file://test", "file:///tmp/mock/path", "file://test/"},
		{"file://localhost", "file:///tmp/mock/path", "file:///"},
		{"file://localhost/", "file:///tmp/mock/path", "file:///"},
		{"file://localhost/test", "file:///tmp/mock/path", "file:///test"},
		{"file://LOCALHOST/test", "", "file:///test"},
		{"test", "file:///tmp/mock/path", "file:///tmp/mock/test"},
		{"file:test", "file:///tmp/mock/path", "file:///tmp/mock/test"},
		{"file:", "file:///tmp/mock/path?q#f", "file:///tmp/mock/path?q"},
		{"file:?q=v", "file:///test?test#test", "file:///test?q=v"},
		{"file:#frag", "file:///test?test#test", "file:///test?test#frag"},
		{"file:///w|m", "", "file:///w|m"},
		{"file:///w||m", "", "file:///w||m"},
		{"file:///w|/m", "", "file:///w:/m"},
		{"file:C|/m/", "", "file:///C:/m/"},
		{"file:C||/m/", "", "file:///C||/m/"},
		{"file:..", "http://www.example.com/test", "file:///"},
		{"..", "file:///", "file:///"},
		{"..", "file:///C:/", "file:///C:/"},
		{"/", "file:///C:/a/b", "file:///C:/"},
		{"file:///C:/../..", "", "file:///C:/"},
		{"file://example.net/C:/", "", "file://example.net/C:/"},
		{"file://1.2.3.4/C:/", "", "file://1.2.3.4/C:/"},
		{"file://[1::8]/C:/", "", "file://[1::8]/C:/"},
		{"C|", "file://host/dir/file", "file://host/C:"},
		{"C|", "file://host/D:/dir1/dir2/file", "file://host/C:"},
		{"C|#", "file://host/dir/file", "file://host/C:#"},
		{"C|?", "file://host/dir/file", "file://host/C:?"},
		{"C|/", "file://host/dir/file", "file://host/C:/"},
		{"C|\\", "file://host/dir/file", "file://host/C:/"},
		{"C", "file://host/dir/file", "file://host/dir/C"},
		{"C|a", "file://host/dir/file", "file://host/dir/C|a"},
		{"/c:/foo/bar", "file:///c:/baz/qux", "file:///c:/foo/bar"},
		{"/c|/foo/bar", "file:///c:/baz/qux", "file:///c:/foo/bar"},
		{"file:\\c:\\foo\\bar", "file:///c:/baz/qux", "file:///c:/foo/bar"},
		{"/c:/foo/bar", "file://host/path", "file://host/c:/foo/bar"},
		{"/C:/", "file://host/", "file://host/C:/"},
		{"file:C:/", "file://host/", "file://host/C:/"},
		{"file:/C:/", "file://host/", "file://host/C:/"},
		{"//C:/", "file://host/", "file:///C:/"},
		{"file://C:/", "file://host/", "file:///C:/"},
		{"///C:/", "file://host/", "file:///C:/"},
		{"file:///C:/", "file://host/", "file:///C:/"},
		{"file:/C|/", "file://host/", "file://host/C:/"},
		{"file://C|/", "file://host/", "file:///C:/"},
		{"file:", "file:///C:/a", "file:///C:/a"},
		{"file:\\\\//", "", "file:////"},
		{"file:\\\\\\\\", "", "file:////"},
		{"file:\\\\\\\\?fox", "", "file:////?fox"},
		{"file:\\\\\\\\#guppy", "", "file:////#guppy"},
		{"file://spider///", "", "file://spider///"},
		{"file:\\\\localhost//", "", "file:////"},
		{"file:///localhost//cat", "", "file:///localhost//cat"},
		{"file://\\/localhost//cat", "", "file:////localhost//cat"},
		{"file://localhost//a//../..//", "", "file://///"},
		{"file://localhost//a//../..//foo", "", "file://///foo"},
		{"file://localhost////foo", "", "file://////foo"},
		{"file:////foo", "", "file:////foo"},
		{"file:.//p", "", "file:////p"},
		{"file:/.//p", "", "file:////p"},
		{"/////mouse", "file:///elephant", "file://///mouse"},
		{"\\//pig", "file://lion/", "file:///pig"},
		{"\\/localhost//pig", "file://lion/", "file:////pig"},
		{"//localhost//pig", "file://lion/", "file:////pig"},
		{"/..//localhost//pig", "file://lion/", "file://lion//localhost//pig"},
		{"file://", "file://ape/", "file:///"},
		{"/rooibos", "file://tea/", "file://tea/rooibos"},
		{"/?chai", "file://tea/", "file://tea/?chai"},
		{"file://loC\U0001d400\U0001d40b\U0001d407\U0001d428\U0001d42c\U0001d42d/usr/bin", "", "file:///usr/bin"},
		{"file://xn--/p", "", ""},
		{"file://a b/", "", ""},
		{"file://ex%61mple.com/", "", "file://example.com/"},
	}
	for _, tc := range tests {
		t.Run(tc.input+" against "+tc.base, func(t *testing.T) {
			var base *URL
			if tc.base != "" {
				var err error
				if base, err = Parse(tc.base, nil); err != nil {
					t.Fatalf("base: %v", err)
				}
			}
			u, err := Parse(tc.input, base)
			if tc.want == "" {
				if err == nil {
					t.Fatalf("got %q, want failure", u.Href())
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := u.Href(); got != tc.want {
				t.Errorf("href = %q, want %q", got, tc.want)
			}
			if got := u.Origin(); got != "null" {
				t.Errorf("origin = %q, want \"null\" (file: origins are opaque)", got)
			}
			// A serialized URL parses back to itself.
			again, err := Parse(u.Href(), nil)
			if err != nil || again.Href() != u.Href() {
				t.Errorf("href does not round-trip: %q -> %v %v", u.Href(), again, err)
			}
		})
	}
}
