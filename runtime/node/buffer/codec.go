package buffer

import (
	"encoding/base64"
	"encoding/hex"
	"unicode/utf8"

	"github.com/dop251/goja"

	"edgedev/runtime/web/encoding"
)

// The encodings, as buffer.js's normalizeEncoding numbers them.
const (
	encUTF8 = iota
	encUTF16LE
	encLatin1
	encASCII
	encBase64
	encBase64URL
	encHex
)

// units returns s's UTF-16 code units, or (nil, ascii) when s is pure
// ASCII, which most strings are: then its Go string is its bytes.
func units(v goja.Value) ([]uint16, string) {
	str := v.String()
	s := jsString(v)
	n := s.Length()
	if len(str) == n {
		return nil, str // every character took one byte: ASCII
	}
	u := make([]uint16, n)
	for i := range u {
		u[i] = s.CharAt(i)
	}
	return u, ""
}

// jsString is v as a goja.String (the caller passes a string).
func jsString(v goja.Value) goja.String {
	if s, ok := v.(goja.String); ok {
		return s
	}
	s, _ := v.ToString().(goja.String)
	return s
}

// encode turns a JS string into bytes in enc, as Buffer.from(s, enc).
func encode(v goja.Value, enc int) []byte {
	switch enc {
	case encUTF16LE:
		u, ascii := units(v)
		if u == nil {
			out := make([]byte, 2*len(ascii))
			for i := 0; i < len(ascii); i++ {
				out[2*i] = ascii[i]
			}
			return out
		}
		out := make([]byte, 2*len(u))
		for i, c := range u {
			out[2*i], out[2*i+1] = byte(c), byte(c>>8)
		}
		return out
	case encLatin1, encASCII:
		u, ascii := units(v)
		if u == nil {
			return []byte(ascii)
		}
		out := make([]byte, len(u))
		for i, c := range u {
			out[i] = byte(c)
		}
		return out
	case encBase64, encBase64URL:
		return decodeBase64(v.String())
	case encHex:
		return decodeHex(v.String())
	}
	return []byte(v.String()) // UTF-8; a lone surrogate becomes EF BF BD, as in Node
}

// byteLength is Buffer.byteLength(s, enc) without making the bytes.
func byteLength(v goja.Value, enc int) int {
	switch enc {
	case encUTF16LE:
		return 2 * jsString(v).Length()
	case encLatin1, encASCII:
		return jsString(v).Length()
	case encBase64, encBase64URL:
		s := v.String()
		n := len(s)
		if n > 0 && s[n-1] == '=' {
			n--
		}
		if n > 1 && s[n-1] == '=' {
			n--
		}
		return (n * 3) >> 2
	case encHex:
		return len(v.String()) >> 1
	}
	return len(v.String())
}

// decodeBase64 decodes as Node does: either alphabet, padding optional,
// characters outside the alphabet skipped, and the first "=" ends it.
func decodeBase64(s string) []byte {
	if len(s)%4 == 0 {
		if b, err := base64.StdEncoding.DecodeString(s); err == nil {
			return b
		}
	} else if b, err := base64.RawStdEncoding.DecodeString(s); err == nil {
		return b
	}
	if b, ok := encoding.ForgivingBase64(s); ok && !containsAny(s, "-_") {
		return b
	}
	clean := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '=':
			i = len(s)
			continue
		case c == '-':
			c = '+'
		case c == '_':
			c = '/'
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/':
		default:
			continue
		}
		clean = append(clean, c)
	}
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1] // a lone sextet makes no byte
	}
	out := make([]byte, base64.RawStdEncoding.DecodedLen(len(clean)))
	n, _ := base64.RawStdEncoding.Decode(out, clean)
	return out[:n]
}

func containsAny(s, chars string) bool {
	for i := 0; i < len(s); i++ {
		for j := 0; j < len(chars); j++ {
			if s[i] == chars[j] {
				return true
			}
		}
	}
	return false
}

// decodeHex decodes pairs of hex digits up to the first that is not one.
func decodeHex(s string) []byte {
	out := make([]byte, len(s)/2)
	for i := range out {
		hi, ok1 := unhex(s[2*i])
		lo, ok2 := unhex(s[2*i+1])
		if !ok1 || !ok2 {
			return out[:i]
		}
		out[i] = hi<<4 | lo
	}
	return out
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// decode turns bytes into a JS string in enc, as buf.toString(enc).
func decode(vm *goja.Runtime, b []byte, enc int) goja.Value {
	switch enc {
	case encUTF16LE:
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return goja.StringFromUTF16(u)
	case encLatin1, encASCII:
		mask := byte(0xff)
		if enc == encASCII {
			mask = 0x7f
		}
		ascii := true
		for _, c := range b {
			if c >= 0x80 {
				ascii = false
				break
			}
		}
		if ascii {
			return vm.ToValue(string(b))
		}
		u := make([]uint16, len(b))
		for i, c := range b {
			u[i] = uint16(c & mask)
		}
		return goja.StringFromUTF16(u)
	case encBase64:
		return vm.ToValue(base64.StdEncoding.EncodeToString(b))
	case encBase64URL:
		return vm.ToValue(base64.RawURLEncoding.EncodeToString(b))
	case encHex:
		return vm.ToValue(hex.EncodeToString(b))
	}
	if utf8.Valid(b) {
		return vm.ToValue(string(b))
	}
	return vm.ToValue(encoding.DecodeUTF8KeepBOM(b))
}

// writeString writes s in enc into dst, as buf.write(s, offset, length,
// enc): never a partial character in UTF-8 or UTF-16, and returns the
// number of bytes written.
func writeString(dst []byte, v goja.Value, enc int) int {
	switch enc {
	case encUTF8:
		s := v.String()
		if len(s) <= len(dst) {
			return copy(dst, s)
		}
		n := 0
		for n < len(s) {
			_, size := utf8.DecodeRuneInString(s[n:])
			if n+size > len(dst) {
				break
			}
			n += size
		}
		return copy(dst, s[:n])
	case encUTF16LE:
		b := encode(v, enc)
		return copy(dst, b[:min(len(b), len(dst)&^1)])
	}
	return copy(dst, encode(v, enc))
}
