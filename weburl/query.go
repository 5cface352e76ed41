package weburl

import (
	"strings"
	"unicode/utf8"
)

// Param is one name-value pair of an application/x-www-form-urlencoded
// list, the list behind URLSearchParams. Both are Unicode strings, already
// decoded.
type Param struct {
	Name, Value string
}

// ParseQuery is the application/x-www-form-urlencoded parser (URL Standard
// 5.1): split on "&", drop empty pieces, split each at the first "=", turn
// "+" into space and percent-decode. A leading "?" is not special here; the
// URLSearchParams constructor strips it before calling.
func ParseQuery(s string) []Param {
	if s == "" {
		return nil
	}
	params := make([]Param, 0, strings.Count(s, "&")+1)
	for s != "" {
		var piece string
		if i := strings.IndexByte(s, '&'); i >= 0 {
			piece, s = s[:i], s[i+1:]
		} else {
			piece, s = s, ""
		}
		if piece == "" {
			continue
		}
		name, value, _ := strings.Cut(piece, "=")
		params = append(params, Param{Name: formDecode(name), Value: formDecode(value)})
	}
	return params
}

func formDecode(s string) string {
	if !hasDecoding(s, true) {
		return toValidUTF8(s)
	}
	return decodeUTF8(percentDecode(s, true))
}

// SerializeQuery is the application/x-www-form-urlencoded serializer:
// "name=value" pairs joined by "&", spaces as "+", everything outside
// ASCII alphanumerics and "*-._" percent-encoded as UTF-8.
func SerializeQuery(params []Param) string {
	if len(params) == 0 {
		return ""
	}
	n := 0
	for _, p := range params {
		n += len(p.Name) + len(p.Value) + 2
	}
	b := make([]byte, 0, n+n/4)
	for i, p := range params {
		if i > 0 {
			b = append(b, '&')
		}
		b = appendForm(b, p.Name)
		b = append(b, '=')
		b = appendForm(b, p.Value)
	}
	return string(b)
}

func appendForm(b []byte, s string) []byte {
	s = toValidUTF8(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			b = append(b, '+')
		case encodeTable[c]&setForm != 0:
			b = append(b, '%', upperHex[c>>4], upperHex[c&15])
		default:
			b = append(b, c)
		}
	}
	return b
}

// CompareUTF16 orders strings by their UTF-16 code units, which is how
// URLSearchParams.sort orders names (and how JS compares strings). It
// differs from Go's byte order for code points above U+FFFF against
// U+E000..U+FFFF.
func CompareUTF16(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			ua, ub := firstUnit(ra), firstUnit(rb)
			if ua != ub {
				if ua < ub {
					return -1
				}
				return 1
			}
			// Same high surrogate: the low surrogates decide, in the same
			// order as the code points.
			if ra < rb {
				return -1
			}
			return 1
		}
		a, b = a[na:], b[nb:]
	}
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return -1
	}
	return 1
}

func firstUnit(r rune) rune {
	if r >= 0x10000 {
		return 0xd800 + (r-0x10000)>>10
	}
	return r
}
