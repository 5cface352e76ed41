package kv

import "testing"

func TestDecodeUTF8(t *testing.T) {
	const r = "\uFFFD"
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"valid text is unchanged", []byte("héllo 😀"), "héllo 😀"},
		{"a stray continuation byte", []byte{'a', 0x80, 'b'}, "a" + r + "b"},
		{"a truncated three-byte sequence is one replacement", []byte{0xE2, 0x82, 'c'}, r + "c"},
		{"a truncated four-byte sequence at the end", []byte{'x', 0xF0, 0x9F, 0x98}, "x" + r},
		{"an overlong lead byte is replaced byte by byte", []byte{0xC0, 0x80}, r + r},
		{"an encoded surrogate is replaced byte by byte", []byte{0xED, 0xA0, 0x80}, r + r + r},
		{"a lead byte above F4", []byte{0xF5, 'a'}, r + "a"},
		{"0xFF", []byte{0xFF}, r},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := decodeUTF8(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

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
