package encoding

import "testing"

func TestUTF8Helpers(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		tail int
	}{
		{"ascii", []byte("abc"), 0},
		{"complete 2-byte", []byte{0xC3, 0xA9}, 0},
		{"lead of 2", []byte{0x61, 0xC3}, 1},
		{"two of 3", []byte{0xE2, 0x82}, 2},
		{"three of 4", []byte{0xF0, 0x9F, 0x98}, 3},
		{"complete 4", []byte{0xF0, 0x9F, 0x98, 0x80}, 0},
		{"invalid second byte", []byte{0xE0, 0x80}, 0},
		{"lone continuation", []byte{0x80}, 0},
		{"invalid lead", []byte{0xF5}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := incompleteUTF8Tail(tt.in); got != tt.tail {
				t.Fatalf("incompleteUTF8Tail(% x) = %d, want %d", tt.in, got, tt.tail)
			}
		})
	}
	if got := replaceInvalidUTF8([]byte{0x61, 0xE2, 0x82, 0xF0, 0x62}); got != "a\uFFFD\uFFFDb" {
		t.Fatalf("replaceInvalidUTF8 = %q", got)
	}
}

func TestDecodeUTF8(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   []byte
		want string
	}{
		{"drops one leading BOM", []byte("\xEF\xBB\xBF\xEF\xBB\xBFa"), "\uFEFFa"},
		{"one U+FFFD per maximal subpart", []byte{0x61, 0xE2, 0x82, 0x41}, "a\uFFFDA"},
		{"incomplete at the end", []byte{0xF0, 0x9F, 0x98}, "\uFFFD"},
		{"empty", nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := DecodeUTF8(tt.in); got != tt.want {
				t.Errorf("DecodeUTF8(% x) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestForgivingBase64(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"YQ==", "a", true},
		{" Y Q\n", "a", true},
		{"YR", "a", true},
		{"Y", "", false},
		{"YQ=", "", false},
		{"YQ*=", "", false},
	} {
		got, ok := ForgivingBase64(tt.in)
		if ok != tt.ok || string(got) != tt.want {
			t.Errorf("ForgivingBase64(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestDecodeUTF8KeepBOM came with KV, whose text reads used to have their
// own copy of the decoder.
func TestDecodeUTF8KeepBOM(t *testing.T) {
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
		{"a BOM is kept", []byte("\xef\xbb\xbfa"), "\uFEFFa"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DecodeUTF8KeepBOM(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
