package kv

import "testing"

func TestCursor(t *testing.T) {
	for _, key := range []string{"a", "user:42", "é/😀", "a b+c/d=="} {
		got, ok := decodeCursor(encodeCursor(key))
		if !ok || got != key {
			t.Errorf("round trip of %q: %q %v", key, got, ok)
		}
	}
	// Miniflare's cursor for "user:42" is Buffer.from("user:42").toString("base64").
	if c := encodeCursor("user:42"); c != "dXNlcjo0Mg==" {
		t.Errorf("cursor %q", c)
	}
	if k, ok := decodeCursor("dXNlcjo0Mg"); !ok || k != "user:42" {
		t.Errorf("unpadded cursor: %q %v", k, ok)
	}
	if _, ok := decodeCursor("%%%"); ok {
		t.Error("garbage decoded")
	}
}
