package weburl

import "unicode/utf8"

// An encodeSet is one bit of encodeTable: the percent-encode sets of the URL
// Standard section 1.3. Each set is a superset of the one before it, except
// that the fragment set and the query sets branch off the C0 control set.
type encodeSet uint8

const (
	setC0 encodeSet = 1 << iota
	setFragment
	setQuery
	setSpecialQuery
	setPath
	setUserinfo
	setComponent
	setForm
)

// encodeTable[b] has bit s set when byte b must be percent-encoded in set s.
// Bytes of multi-byte UTF-8 sequences are >= 0x80 and belong to every set, so
// encoding byte by byte is the same as UTF-8 percent-encoding code points.
var encodeTable = buildEncodeTable()

func buildEncodeTable() (t [256]encodeSet) {
	in := func(c int, chars string) bool {
		for i := 0; i < len(chars); i++ {
			if int(chars[i]) == c {
				return true
			}
		}
		return false
	}
	for c := 0; c < 256; c++ {
		var s encodeSet
		c0 := c < 0x20 || c > 0x7e
		if c0 {
			s |= setC0
		}
		if c0 || in(c, " \"<>`") {
			s |= setFragment
		}
		query := c0 || in(c, " \"#<>")
		if query {
			s |= setQuery
		}
		if query || c == '\'' {
			s |= setSpecialQuery
		}
		path := query || in(c, "?`{}")
		if path {
			s |= setPath
		}
		userinfo := path || in(c, "/:;=@[\\]^|")
		if userinfo {
			s |= setUserinfo
		}
		component := userinfo || in(c, "$%&+,")
		if component {
			s |= setComponent
		}
		if component || in(c, "!'()~") {
			s |= setForm
		}
		t[c] = s
	}
	return t
}

const upperHex = "0123456789ABCDEF"

// needsEscape reports whether any byte of s is in set.
func needsEscape(s string, set encodeSet) bool {
	for i := 0; i < len(s); i++ {
		if encodeTable[s[i]]&set != 0 {
			return true
		}
	}
	return false
}

// appendEscaped appends s to dst, percent-encoding the bytes in set.
func appendEscaped(dst []byte, s string, set encodeSet) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if encodeTable[c]&set != 0 {
			dst = append(dst, '%', upperHex[c>>4], upperHex[c&15])
		} else {
			dst = append(dst, c)
		}
	}
	return dst
}

// escape returns s percent-encoded with set; it does not allocate when
// nothing needs encoding.
func escape(s string, set encodeSet) string {
	if !needsEscape(s, set) {
		return s
	}
	return string(appendEscaped(make([]byte, 0, len(s)+16), s, set))
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

// percentDecode implements "percent-decode" on a byte sequence: a '%' that is
// not followed by two hex digits stays as it is. When plusAsSpace is set, '+'
// becomes a space first (the form-urlencoded parser).
func percentDecode(s string, plusAsSpace bool) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '+' && plusAsSpace {
			out = append(out, ' ')
			continue
		}
		if c == '%' && i+2 < len(s) {
			hi, ok1 := unhex(s[i+1])
			lo, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				out = append(out, hi<<4|lo)
				i += 2
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// hasDecoding reports whether percentDecode would change s.
func hasDecoding(s string, plusAsSpace bool) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '%' || (plusAsSpace && s[i] == '+') {
			return true
		}
	}
	return false
}

// decodeUTF8 is the Encoding Standard's "UTF-8 decode without BOM": every
// maximal ill-formed subsequence becomes one U+FFFD. Go's own conversions
// differ (one U+FFFD per bad byte, or per run of bad bytes), which would
// show up in URLSearchParams values.
func decodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b)+8)
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			out = append(out, c)
			i++
			continue
		}
		var need int
		lo, hi := byte(0x80), byte(0xbf)
		switch {
		case c >= 0xc2 && c <= 0xdf:
			need = 1
		case c >= 0xe0 && c <= 0xef:
			need = 2
			if c == 0xe0 {
				lo = 0xa0
			} else if c == 0xed {
				hi = 0x9f
			}
		case c >= 0xf0 && c <= 0xf4:
			need = 3
			if c == 0xf0 {
				lo = 0x90
			} else if c == 0xf4 {
				hi = 0x8f
			}
		default:
			out = append(out, "\uFFFD"...)
			i++
			continue
		}
		j := i + 1
		ok := true
		for k := 0; k < need; k++ {
			if j >= len(b) || b[j] < lo || b[j] > hi {
				ok = false
				break
			}
			lo, hi = 0x80, 0xbf
			j++
		}
		if !ok {
			// The bytes consumed so far form the maximal subpart; the byte
			// that broke the sequence is looked at again on its own.
			out = append(out, "\uFFFD"...)
			i = j
			continue
		}
		out = append(out, b[i:j]...)
		i = j
	}
	return string(out)
}

// toValidUTF8 makes a Go string a sequence of Unicode scalar values, the way
// a JS USVString conversion would.
func toValidUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return decodeUTF8([]byte(s))
}
