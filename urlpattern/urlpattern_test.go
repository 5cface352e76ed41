package urlpattern

import (
	"errors"
	"strings"
	"testing"
)

func TestParse_PatternStrings(t *testing.T) {
	tests := []struct {
		name, input string
		want        map[Component]string
	}{
		{"full URL (\\? ends a wildcard)", "https://*.example.com:8080/:category/*\\?q=*#top",
			map[Component]string{Protocol: "https", Hostname: "*.example.com", Port: "8080", Pathname: "/:category/*", Search: "q=*", Hash: "top"}},
		{"default port dropped", "https://example.com:443/", map[Component]string{Port: "", Pathname: "/"}},
		{"regexp group kept", "https://x.test/:id(\\d+)", map[Component]string{Pathname: "/:id(\\d+)"}},
		{"(.*) normalizes to *", "https://x.test/foo/(.*)", map[Component]string{Pathname: "/foo/*"}},
		{"IDN hostname", "https://café.com/", map[Component]string{Hostname: "xn--caf-dma.com"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.input, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for c, want := range tt.want {
				if got := p.Pattern(c); got != want {
					t.Errorf("%s = %q, want %q", c, got, want)
				}
			}
		})
	}
}

func TestNew_Errors(t *testing.T) {
	tests := []struct {
		name string
		init Init
		want string
	}{
		{"unbalanced regexp group", Init{Pathname: ptr("/:id(")}, "unbalanced regexp group"},
		{"capturing group inside a regexp group", Init{Pathname: ptr("/((a))")}, "non-capturing"},
		{"duplicate name", Init{Pathname: ptr("/:a/:a")}, `duplicate group name "a"`},
		{"colon in hostname", Init{Hostname: ptr(`a\:b`)}, `contains a ":"`},
		{"port out of range", Init{Protocol: ptr("http"), Port: ptr("100000")}, "out of range"},
		{"bad base URL", Init{BaseURL: ptr("nope")}, "does not parse"},
		{"identity escape", Init{Pathname: ptr(`/(\m)`)}, `invalid escape "\m"`},
		{"set notation", Init{Pathname: ptr(`/([\d&&[0-1]])`)}, "set notation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.init, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrInvalidPattern) {
				t.Errorf("error %v does not wrap ErrInvalidPattern", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestPattern_MatchURL(t *testing.T) {
	p, err := New(Init{Pathname: ptr("/books/:id/:rest*")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.MatchURL("https://shop.test/books/7/a/b", nil)
	if err != nil || r == nil {
		t.Fatalf("no match: %v", err)
	}
	got := r.Components[Pathname].Groups
	if len(got) != 2 || got[0] != (Group{"id", "7", true}) || got[1] != (Group{"rest", "a/b", true}) {
		t.Errorf("groups = %+v", got)
	}
	if r, _ := p.MatchURL("https://shop.test/movies/7", nil); r != nil {
		t.Errorf("matched /movies/7")
	}
	if r, _ := p.MatchURL("::not a url", nil); r != nil {
		t.Errorf("matched an invalid URL")
	}
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse("https://*.example.com/users/:id/posts/:post(\\d+)", nil, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
