package weburl

import (
	"strconv"
	"strings"

	"golang.org/x/net/idna"
)

// uts46 is "domain to ASCII" with beStrict false (URL Standard 3.3):
// CheckHyphens off, CheckBidi on, CheckJoiners on, UseSTD3ASCIIRules off,
// Transitional_Processing off, VerifyDnsLength off. A *idna.Profile is
// immutable and safe for concurrent use.
var uts46 = idna.New(
	idna.MapForLookup(),
	idna.BidiRule(),
	idna.Transitional(false),
	idna.StrictDomainName(false),
	idna.CheckHyphens(false),
	idna.CheckJoiners(true),
	idna.VerifyDNSLength(false),
)

// parseHost is the host parser. It returns the serialized host: a domain,
// a dotted IPv4 address, a bracketed IPv6 address, or an opaque host.
func parseHost(input string, isOpaque bool) (string, error) {
	if strings.HasPrefix(input, "[") {
		if !strings.HasSuffix(input, "]") || len(input) < 2 {
			return "", errIPv6Unclosed
		}
		addr, ok := parseIPv6(input[1 : len(input)-1])
		if !ok {
			return "", errIPv6Invalid
		}
		return "[" + serializeIPv6(addr) + "]", nil
	}
	if isOpaque {
		return parseOpaqueHost(input)
	}
	domain := input
	if hasDecoding(input, false) {
		domain = decodeUTF8(percentDecode(input, false))
	}
	ascii, err := domainToASCII(domain)
	if err != nil {
		return "", err
	}
	if endsInNumber(ascii) {
		v, ok := parseIPv4(ascii)
		if !ok {
			return "", errIPv4Invalid
		}
		return serializeIPv4(v), nil
	}
	return ascii, nil
}

// domainToASCII is "domain to ASCII" with beStrict false, followed by the
// forbidden domain code point check of the host parser.
func domainToASCII(domain string) (string, error) {
	if out, ok := asciiDomain(domain); ok {
		// The spec's own shortcut: for ASCII input without "xn--" labels,
		// UTS #46 only lowercases.
		return out, nil
	}
	out, err := uts46.ToASCII(domain)
	if err != nil {
		return "", errIDNA
	}
	if out == "" {
		return "", errEmptyHost
	}
	for i := 0; i < len(out); i++ {
		if isForbiddenDomain(out[i]) {
			return "", errForbiddenHostCodePoint
		}
	}
	return out, nil
}

// asciiDomain handles the common case in one pass: s is ASCII, non-empty,
// has no label starting with "xn--" in any case and no forbidden domain
// code point. It returns s lowercased and true, or false to send s
// through UTS #46 and the slow checks.
func asciiDomain(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	upper, labelStart := false, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || isForbiddenDomain(c) {
			return "", false
		}
		if labelStart && (c == 'x' || c == 'X') && len(s)-i >= 4 &&
			(s[i+1] == 'n' || s[i+1] == 'N') && s[i+2] == '-' && s[i+3] == '-' {
			return "", false
		}
		upper = upper || ('A' <= c && c <= 'Z')
		labelStart = c == '.'
	}
	if !upper {
		return s, true
	}
	return lowerASCII(s), true
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// hostTable[c]&1: forbidden host code point; &2: forbidden domain code point.
var hostTable = func() (t [256]uint8) {
	for _, c := range []byte{0, '\t', '\n', '\r', ' ', '#', '/', ':', '<', '>', '?', '@', '[', '\\', ']', '^', '|'} {
		t[c] = 1 | 2
	}
	for c := 0; c <= 0x1f; c++ {
		t[c] |= 2
	}
	t['%'] |= 2
	t[0x7f] |= 2
	return t
}()

// isForbiddenHost reports whether c is a forbidden host code point.
func isForbiddenHost(c byte) bool { return hostTable[c]&1 != 0 }

// isForbiddenDomain reports whether c is a forbidden domain code point.
func isForbiddenDomain(c byte) bool { return hostTable[c]&2 != 0 }

func parseOpaqueHost(input string) (string, error) {
	for i := 0; i < len(input); i++ {
		if isForbiddenHost(input[i]) {
			return "", errForbiddenHostCodePoint
		}
	}
	return escape(input, setC0), nil
}

// endsInNumber implements "ends in a number": the last label (ignoring one
// trailing empty label) is all digits or parses as an IPv4 number.
func endsInNumber(s string) bool {
	if strings.HasSuffix(s, ".") {
		if len(s) == 1 {
			return false
		}
		s = s[:len(s)-1]
	}
	last := s[strings.LastIndexByte(s, '.')+1:]
	if last == "" {
		return false
	}
	digits := true
	for i := 0; i < len(last); i++ {
		if last[i] < '0' || last[i] > '9' {
			digits = false
			break
		}
	}
	if digits {
		return true
	}
	_, ok := parseIPv4Number(last)
	return ok
}

// ipv4Overflow stands for any number too big for an IPv4 address; the
// spec's numbers are unbounded, ours saturate here.
const ipv4Overflow = 1 << 40

// parseIPv4Number parses a decimal, 0x-hex or 0-octal IPv4 part.
func parseIPv4Number(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	radix := uint64(10)
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		s, radix = s[2:], 16
	} else if len(s) >= 2 && s[0] == '0' {
		s, radix = s[1:], 8
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		var d uint64
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			d = uint64(c - '0')
		case 'a' <= c && c <= 'f':
			d = uint64(c-'a') + 10
		case 'A' <= c && c <= 'F':
			d = uint64(c-'A') + 10
		default:
			return 0, false
		}
		if d >= radix {
			return 0, false
		}
		if n < ipv4Overflow {
			n = n*radix + d
		}
	}
	return n, true
}

// parseIPv4 is the IPv4 parser; it is only called on input that ends in a
// number, so a failure here fails the whole host.
func parseIPv4(s string) (uint32, bool) {
	parts := strings.Split(s, ".")
	if parts[len(parts)-1] == "" && len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	if len(parts) > 4 {
		return 0, false
	}
	var nums [4]uint64
	for i, p := range parts {
		n, ok := parseIPv4Number(p)
		if !ok {
			return 0, false
		}
		nums[i] = n
	}
	last := len(parts) - 1
	for i := 0; i < last; i++ {
		if nums[i] > 255 {
			return 0, false
		}
	}
	if nums[last] >= 1<<(8*(5-len(parts))) {
		return 0, false
	}
	v := nums[last]
	for i := 0; i < last; i++ {
		v += nums[i] << (8 * (3 - i))
	}
	return uint32(v), true
}

func serializeIPv4(v uint32) string {
	b := make([]byte, 0, 15)
	for i := 3; i >= 0; i-- {
		b = strconv.AppendUint(b, uint64(v>>(8*i))&0xff, 10)
		if i > 0 {
			b = append(b, '.')
		}
	}
	return string(b)
}

// parseIPv6 is the IPv6 parser of URL Standard 3.5, on the text between the
// brackets.
func parseIPv6(s string) ([8]uint16, bool) {
	var addr [8]uint16
	piece, compress := 0, -1
	p := 0
	at := func(i int) int {
		if i < len(s) {
			return int(s[i])
		}
		return -1
	}
	if at(p) == ':' {
		if at(p+1) != ':' {
			return addr, false
		}
		p += 2
		piece++
		compress = piece
	}
	for at(p) != -1 {
		if piece == 8 {
			return addr, false
		}
		if at(p) == ':' {
			if compress != -1 {
				return addr, false
			}
			p++
			piece++
			compress = piece
			continue
		}
		value, length := 0, 0
		for length < 4 {
			d, ok := hexDigit(at(p))
			if !ok {
				break
			}
			value = value*16 + d
			p++
			length++
		}
		if at(p) == '.' {
			if length == 0 {
				return addr, false
			}
			p -= length
			if piece > 6 {
				return addr, false
			}
			seen := 0
			for at(p) != -1 {
				v4 := -1
				if seen > 0 {
					if at(p) == '.' && seen < 4 {
						p++
					} else {
						return addr, false
					}
				}
				if c := at(p); c < '0' || c > '9' {
					return addr, false
				}
				for c := at(p); c >= '0' && c <= '9'; c = at(p) {
					n := c - '0'
					switch v4 {
					case -1:
						v4 = n
					case 0:
						return addr, false
					default:
						v4 = v4*10 + n
					}
					if v4 > 255 {
						return addr, false
					}
					p++
				}
				addr[piece] = addr[piece]*0x100 + uint16(v4)
				seen++
				if seen == 2 || seen == 4 {
					piece++
				}
			}
			if seen != 4 {
				return addr, false
			}
			break
		} else if at(p) == ':' {
			p++
			if at(p) == -1 {
				return addr, false
			}
		} else if at(p) != -1 {
			return addr, false
		}
		addr[piece] = uint16(value)
		piece++
	}
	if compress != -1 {
		swaps := piece - compress
		piece = 7
		for piece != 0 && swaps > 0 {
			addr[piece], addr[compress+swaps-1] = addr[compress+swaps-1], addr[piece]
			piece--
			swaps--
		}
	} else if piece != 8 {
		return addr, false
	}
	return addr, true
}

func hexDigit(c int) (int, bool) {
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

// serializeIPv6 writes the address in lowercase hex, compressing the first
// longest run of two or more zero pieces to "::".
func serializeIPv6(a [8]uint16) string {
	compress, best := -1, 1
	for i := 0; i < 8; {
		if a[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && a[j] == 0 {
			j++
		}
		if j-i > best {
			compress, best = i, j-i
		}
		i = j
	}
	b := make([]byte, 0, 39)
	for i := 0; i < 8; i++ {
		if i == compress {
			if i == 0 {
				b = append(b, "::"...)
			} else {
				b = append(b, ':')
			}
			i += best - 1
			continue
		}
		b = strconv.AppendUint(b, uint64(a[i]), 16)
		if i != 7 {
			b = append(b, ':')
		}
	}
	return string(b)
}
