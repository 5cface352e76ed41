package bundler

import (
	"strings"
	"testing"
)

func TestMessage_String(t *testing.T) {
	long := strings.Repeat("a", 150) + " x " + strings.Repeat("b", 150)
	for _, tc := range []struct {
		name string
		m    Message
		want string
	}{
		{
			name: "location, source line and caret",
			m:    Message{Text: `Expected ";" but found "y"`, File: "src/index.ts", Line: 3, Column: 13, LineText: "const a = x y"},
			want: "src/index.ts:3:13: error: Expected \";\" but found \"y\"\n    3 | const a = x y\n      |             ^",
		},
		{
			name: "warning with a hint",
			m:    Message{Kind: "warning", Text: "w", File: "a.js", Line: 1, Column: 1, LineText: "x", Hint: "do this"},
			want: "a.js:1:1: warning: w\n    1 | x\n      | ^\n  hint: do this",
		},
		{
			name: "no location",
			m:    Message{Text: "something broke", Hint: "fix it"},
			want: "error: something broke\n  hint: fix it",
		},
		{
			name: "location without source line",
			m:    Message{Text: "t", File: "../node_modules/p/index.js", Line: 9, Column: 2},
			want: "../node_modules/p/index.js:9:2: error: t",
		},
		{
			name: "wide line numbers widen the gutter",
			m:    Message{Text: "t", File: "f.ts", Line: 123456, Column: 2, LineText: "ab"},
			want: "f.ts:123456:2: error: t\n123456 | ab\n       |  ^",
		},
		{
			name: "caret at end of line",
			m:    Message{Text: "t", File: "f.ts", Line: 1, Column: 4, LineText: "abc"},
			want: "f.ts:1:4: error: t\n    1 | abc\n      |    ^",
		},
		{
			name: "long line is clipped around the column",
			m:    Message{Text: "t", File: "f.js", Line: 1, Column: 152, LineText: long},
			want: "f.js:1:152: error: t\n    1 | ..." + strings.Repeat("a", 49) + " x " + strings.Repeat("b", 48) + "...\n" +
				"      | " + strings.Repeat(" ", 3+50) + "^",
		},
		{
			name: "long line clipped at the start only shows the tail marker",
			m:    Message{Text: "t", File: "f.js", Line: 1, Column: 2, LineText: long},
			want: "f.js:1:2: error: t\n    1 | " + strings.Repeat("a", 100) + "...\n      |  ^",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.m.String(); got != tc.want {
				t.Errorf("String() =\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestBuildError_Error(t *testing.T) {
	e := &BuildError{Messages: []Message{{Text: "one"}, {Text: "two", File: "a.ts", Line: 1, Column: 1}}}
	want := "build failed with 2 errors:\nerror: one\na.ts:1:1: error: two"
	if got := e.Error(); got != want {
		t.Errorf("Error() =\n%s\nwant\n%s", got, want)
	}
}

func TestRuneColumn(t *testing.T) {
	for _, tc := range []struct {
		line    string
		byteCol int
		want    int
	}{
		{"abc", 0, 0},
		{"abc", 2, 2},
		{"é✓x", len("é✓"), 2},
		{"ab", 5, 5}, // past the end: count the missing bytes as characters
	} {
		if got := runeColumn(tc.line, tc.byteCol); got != tc.want {
			t.Errorf("runeColumn(%q, %d) = %d, want %d", tc.line, tc.byteCol, got, tc.want)
		}
	}
}

func TestHasNamespace(t *testing.T) {
	for key, want := range map[string]bool{
		"src/index.ts":                       false,
		"../node_modules/hono/dist/index.js": false,
		"/abs/path.ts":                       false,
		"(disabled):node_modules/x/fs.js":    true,
		"virtual:thing":                      true,
		"src/weird:name.ts":                  false,
	} {
		if got := hasNamespace(key); got != want {
			t.Errorf("hasNamespace(%q) = %v, want %v", key, got, want)
		}
	}
}

func TestPackageName(t *testing.T) {
	for spec, want := range map[string]string{
		"hono":            "hono",
		"hono/cors":       "hono",
		"@scope/pkg":      "@scope/pkg",
		"@scope/pkg/deep": "@scope/pkg",
	} {
		if got := packageName(spec); got != want {
			t.Errorf("packageName(%q) = %q, want %q", spec, got, want)
		}
	}
}
