package jsregexp

import (
	"errors"
	"strings"
	"testing"
)

func TestRewrite(t *testing.T) {
	tests := []struct {
		name, pattern, flags string
		wantPattern, wantFl  string
	}{
		{"no u flag leaves \\p alone", `\p{L}`, "", `\p{L}`, ""},
		{"ASCII property outside a class", `^\p{ASCII_Hex_Digit}+$`, "u", `^[0-9A-Fa-f]+$`, "u"},
		{"negated property (surrogates left out)", `\P{ASCII}`, "u", `[\u0080-\ud7ff\ue000-\u{10ffff}]`, "u"},
		{"spliced into a class", `[_\p{ASCII_Hex_Digit}]`, "gu", `[_0-9A-Fa-f]`, "gu"},
		{"escaped backslash is not an escape", `\\p{L}`, "u", `\\p{L}`, "u"},
		{"v without set notation becomes u", `[a-z]\p{Regional_Indicator}`, "v", `[a-z][\u{1f1e6}-\u{1f1ff}]`, "u"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, f, err := Rewrite(tt.pattern, tt.flags)
			if err != nil {
				t.Fatal(err)
			}
			if p != tt.wantPattern || f != tt.wantFl {
				t.Errorf("Rewrite(%q, %q) = %q, %q; want %q, %q", tt.pattern, tt.flags, p, f, tt.wantPattern, tt.wantFl)
			}
		})
	}
}

func TestRewrite_Errors(t *testing.T) {
	tests := []struct{ pattern, flags, want string }{
		{`\p{Klingon}`, "u", `\p{Klingon}`},
		{`\P{sc=Xyz}`, "u", `\P{sc=Xyz}: "Xyz" is not a Script value`},
		{`\p{RGI_Emoji}`, "v", "properties of strings"},
		{`[\p{L}--[a-z]]`, "v", "set notation"},
		{`[[a-z]&&[aeiou]]`, "v", "nested character class"},
		{`[\q{abc}]`, "v", `\q{...}`},
		{`a`, "d", `flag 'd'`},
		{`a`, "uv", "cannot be combined"},
	}
	for _, tt := range tests {
		_, _, err := Rewrite(tt.pattern, tt.flags)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Rewrite(%q, %q) error = %v, want one containing %q", tt.pattern, tt.flags, err, tt.want)
		}
	}
	var ue *UnsupportedError
	if _, _, err := Rewrite(`\p{Klingon}`, "u"); !errors.As(err, &ue) {
		t.Errorf("error %v is not an *UnsupportedError", err)
	}
}

func TestNeedsRewrite(t *testing.T) {
	for _, c := range []struct {
		p, f string
		want bool
	}{{`\p{L}`, "u", true}, {`\p{L}`, "", false}, {`abc`, "gu", false}, {`abc`, "v", true}, {`abc`, "d", true}} {
		if got := NeedsRewrite(c.p, c.f); got != c.want {
			t.Errorf("NeedsRewrite(%q, %q) = %v", c.p, c.f, got)
		}
	}
}

func BenchmarkRewrite_Letter(b *testing.B) {
	for b.Loop() {
		if _, _, err := Rewrite(`^[\p{L}\p{N}_]+$`, "u"); err != nil {
			b.Fatal(err)
		}
	}
}
