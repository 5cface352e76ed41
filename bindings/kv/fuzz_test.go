package kv

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCursor: any cursor a client sends decodes or is refused; a key's
// cursor always decodes back to the key.
func FuzzCursor(f *testing.F) {
	for _, s := range []string{"dXNlcjo0Mg==", "dXNlcjo0Mg", "%%%", "", "user:42"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = decodeCursor(s)
		if utf8.ValidString(s) && s != "" {
			if got, ok := decodeCursor(encodeCursor(s)); !ok || got != s {
				t.Fatalf("round trip of %q: %q %v", s, got, ok)
			}
		}
	})
}

// FuzzKeyValidation: checkKey accepts exactly what the platform does, with
// no panic on any input.
func FuzzKeyValidation(f *testing.F) {
	for _, s := range []string{"a", "", ".", "..", strings.Repeat("k", 513), "é/😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, key string) {
		err := checkKey("PUT", key)
		bad := key == "" || key == "." || key == ".." || len(key) > MaxKeyBytes
		if bad != (err != nil) {
			t.Fatalf("checkKey(%q) = %v", key, err)
		}
	})
}
