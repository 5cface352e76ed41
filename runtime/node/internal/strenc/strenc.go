// Package strenc turns JS strings into bytes and bytes into JS strings by a
// Node.js encoding name (utf8, latin1/binary, ascii, hex, base64, base64url,
// ucs2/utf16le), with Node's rules: hex stops at the first bad pair, base64
// accepts both alphabets and skips what is not in them, latin1 keeps the low
// byte of each UTF-16 code unit. The crypto and zlib modules share it.
//
// Imports: goja and the standard library. Loop goroutine only (it reads goja
// strings).
package strenc

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Normalize returns the canonical name of a Node encoding ("utf8",
// "latin1", "ascii", "hex", "base64", "base64url", "utf16le"), or "" when
// Node does not know the name.
func Normalize(enc string) string {
	switch enc {
	case "utf8", "utf-8":
		return "utf8"
	case "hex", "base64", "base64url", "latin1", "ascii":
		return enc
	case "binary":
		return "latin1"
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		return "utf16le"
	}
	switch l := strings.ToLower(enc); l {
	case "utf8", "utf-8", "hex", "base64", "base64url", "latin1", "binary", "ascii", "ucs2", "ucs-2", "utf16le", "utf-16le":
		return Normalize(l)
	}
	return ""
}

// Bytes encodes s by enc (a Normalize result; "" means utf8).
func Bytes(s goja.Value, enc string) []byte {
	switch enc {
	case "", "utf8":
		return []byte(s.String())
	case "latin1", "ascii":
		js, ok := s.(goja.String)
		if !ok {
			js, _ = goja.StringFromUTF16(utf16.Encode([]rune(s.String()))).(goja.String)
		}
		n := js.Length()
		b := make([]byte, n)
		for i := 0; i < n; i++ {
			b[i] = byte(js.CharAt(i))
		}
		return b
	case "utf16le":
		js, ok := s.(goja.String)
		if !ok {
			return utf16le(utf16.Encode([]rune(s.String())))
		}
		n := js.Length()
		b := make([]byte, 2*n)
		for i := 0; i < n; i++ {
			c := js.CharAt(i)
			b[2*i], b[2*i+1] = byte(c), byte(c>>8)
		}
		return b
	case "hex":
		return Hex(s.String())
	case "base64", "base64url":
		return Base64(s.String())
	}
	return []byte(s.String())
}

func utf16le(u []uint16) []byte {
	b := make([]byte, 2*len(u))
	for i, c := range u {
		b[2*i], b[2*i+1] = byte(c), byte(c>>8)
	}
	return b
}

// Hex decodes pairs of hex digits up to the first pair that is not one, as
// Buffer.from(s, "hex") does.
func Hex(s string) []byte {
	out := make([]byte, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		hi, ok1 := unhex(s[i])
		lo, ok2 := unhex(s[i+1])
		if !ok1 || !ok2 {
			break
		}
		out = append(out, hi<<4|lo)
	}
	return out
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// Base64 decodes standard or URL-safe base64, padded or not, skipping any
// character outside both alphabets and stopping at the first '='.
func Base64(s string) []byte {
	if b, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(s, "=")); err == nil {
		return b
	}
	clean := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '=':
			i = len(s)
		case c == '-':
			clean = append(clean, '+')
		case c == '_':
			clean = append(clean, '/')
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '+', c == '/':
			clean = append(clean, c)
		}
	}
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1]
	}
	b, _ := base64.RawStdEncoding.DecodeString(string(clean))
	return b
}

// String decodes b by enc into a JS string value.
func String(vm *goja.Runtime, b []byte, enc string) goja.Value {
	switch enc {
	case "hex":
		return vm.ToValue(hex.EncodeToString(b))
	case "base64":
		return vm.ToValue(base64.StdEncoding.EncodeToString(b))
	case "base64url":
		return vm.ToValue(base64.RawURLEncoding.EncodeToString(b))
	case "latin1":
		u := make([]uint16, len(b))
		for i, c := range b {
			u[i] = uint16(c)
		}
		return vm.ToValue(goja.StringFromUTF16(u))
	case "ascii":
		u := make([]uint16, len(b))
		for i, c := range b {
			u[i] = uint16(c & 0x7f)
		}
		return vm.ToValue(goja.StringFromUTF16(u))
	case "utf16le":
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return vm.ToValue(goja.StringFromUTF16(u))
	}
	if utf8.Valid(b) {
		return vm.ToValue(string(b))
	}
	return vm.ToValue(strings.ToValidUTF8(string(b), "\uFFFD"))
}
