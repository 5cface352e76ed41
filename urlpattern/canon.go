package urlpattern

import (
	"strconv"
	"strings"

	"edgedev/weburl"
)

// Canonicalization (spec 3.1, encoding callbacks). The standard runs the
// URL parser with a state override on a dummy "https://dummy.invalid/" URL;
// weburl has no public state overrides, so each callback below either
// applies the percent-encode set the overridden state would apply, or
// feeds weburl.Parse an input built so that the parser passes through
// exactly that state (characters that would end the state early are
// percent-encoded first, which the state itself would have done).

// Percent-encode sets of the URL Standard, as byte masks over ASCII; every
// non-ASCII code point (and 0x7F) is always encoded.
const (
	c0Set       = ""
	fragmentSet = " \"<>`"
	querySet    = " \"#<>"
	specialQSet = querySet + "'"
	// pathSet follows weburl (which follows the WPT URL data): "^" is not
	// in it.
	pathSet     = querySet + "?`{}"
	userinfoSet = pathSet + "/:;=@[\\]^|"
)

const upperHex = "0123456789ABCDEF"

// percentEncode UTF-8 percent-encodes every code point of s that is a C0
// control, is above U+007E, or is in set.
func percentEncode(s, set string) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || strings.IndexByte(set, c) >= 0 {
			if sb.Len() == 0 && i > 0 {
				sb.WriteString(s[:i])
			}
			if sb.Len() == 0 {
				sb.Grow(len(s) + 8)
			}
			sb.WriteByte('%')
			sb.WriteByte(upperHex[c>>4])
			sb.WriteByte(upperHex[c&15])
			continue
		}
		if sb.Len() > 0 {
			sb.WriteByte(c)
		}
	}
	if sb.Len() == 0 {
		return s
	}
	return sb.String()
}

// removeTabNewline is the URL parser's first step when it is given a URL
// record and a state override: tabs, LFs and CRs disappear.
func removeTabNewline(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
}

func canonProtocol(v string) (string, error) {
	if v == "" {
		return v, nil
	}
	u, err := weburl.Parse(v+"://dummy.invalid/", nil)
	if err != nil {
		return "", invalid("%q is not a valid URL scheme", v)
	}
	return u.Scheme(), nil
}

func canonUsername(v string) (string, error) { return percentEncode(v, userinfoSet), nil }

func canonPassword(v string) (string, error) { return percentEncode(v, userinfoSet), nil }

// canonHostname runs the hostname state of a special URL: the host ends at
// "/", "?", "#" or "\" (the rest is ignored), a ":" outside brackets fails,
// and the host is parsed as a special URL's host (IDNA, IPv4, IPv6).
func canonHostname(v string) (string, error) {
	if v == "" {
		return v, nil
	}
	v = removeTabNewline(v)
	end := len(v)
	inBrackets := false
scan:
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case ':':
			if !inBrackets {
				return "", invalid("hostname %q contains a \":\"", v)
			}
		case '/', '?', '#', '\\':
			end = i
			break scan
		case '[':
			inBrackets = true
		case ']':
			inBrackets = false
		}
	}
	host := v[:end]
	if host == "" {
		return "", invalid("hostname %q is empty", v)
	}
	// weburl.Parse would read these as URL syntax (credentials, trimmed
	// spaces) instead of failing on them as forbidden host code points.
	for i := 0; i < len(host); i++ {
		if c := host[i]; c <= 0x20 || c == '@' {
			return "", invalid("hostname %q contains a forbidden code point", v)
		}
	}
	u, err := weburl.Parse("https://"+host+"/", nil)
	if err != nil {
		return "", invalid("hostname %q is not a valid host", v)
	}
	return u.Hostname(), nil
}

// canonIPv6Hostname is "canonicalize an IPv6 hostname".
func canonIPv6Hostname(v string) (string, error) {
	var sb strings.Builder
	for _, c := range v {
		switch {
		case '0' <= c && c <= '9', 'a' <= c && c <= 'f', c == '[', c == ']', c == ':':
		case 'A' <= c && c <= 'F':
			c += 'a' - 'A'
		default:
			return "", invalid("IPv6 hostname %q contains %q", v, c)
		}
		sb.WriteRune(c)
	}
	return sb.String(), nil
}

// canonPort runs the port state with a state override: leading digits are
// the port, the first other code point ends it, no digits at all fails.
// A port equal to scheme's default port becomes "".
func canonPort(v, scheme string) (string, error) {
	if v == "" {
		return v, nil
	}
	v = removeTabNewline(v)
	n := 0
	for n < len(v) && '0' <= v[n] && v[n] <= '9' {
		n++
	}
	if n == 0 {
		return "", invalid("port %q is not a number", v)
	}
	digits := strings.TrimLeft(v[:n], "0")
	if len(digits) > 5 {
		return "", invalid("port %q is out of range", v)
	}
	port, _ := strconv.Atoi("0" + digits)
	if port > 65535 {
		return "", invalid("port %q is out of range", v)
	}
	if dp, ok := defaultPorts[scheme]; ok && dp == port {
		return "", nil
	}
	return strconv.Itoa(port), nil
}

var defaultPorts = map[string]int{"ftp": 21, "http": 80, "https": 443, "ws": 80, "wss": 443}

func isSpecialScheme(s string) bool {
	switch s {
	case "ftp", "file", "http", "https", "ws", "wss":
		return true
	}
	return false
}

// canonPathname runs the path start state of a special URL. A value that
// does not start with "/" is parsed behind "/-" (so the parser neither adds
// a slash nor eats a leading dot segment) and the two are cut off again.
func canonPathname(v string) (string, error) {
	if v == "" {
		return v, nil
	}
	leading := v[0] == '/'
	mod := v
	if !leading {
		mod = "/-" + v
	}
	// With a state override "?" and "#" stay in the path, where the path
	// percent-encode set encodes them; C0 controls and spaces must survive
	// weburl's trimming, and the path set encodes them too.
	mod = removeTabNewline(mod)
	mod = encodeBytes(mod, func(c byte) bool { return c == '?' || c == '#' || c <= 0x20 })
	u, err := weburl.Parse("https://dummy.invalid"+mod, nil)
	if err != nil {
		return "", invalid("pathname %q is not valid", v)
	}
	res := u.Pathname()
	if !leading {
		if len(res) < 2 {
			return "", nil
		}
		res = res[2:]
	}
	return res, nil
}

// canonOpaquePathname runs the opaque path state: C0 controls and
// non-ASCII are encoded, and "?" or "#" would end the path.
func canonOpaquePathname(v string) (string, error) {
	if v == "" {
		return v, nil
	}
	v = removeTabNewline(v)
	if i := strings.IndexAny(v, "?#"); i >= 0 {
		v = v[:i]
	}
	return percentEncode(v, c0Set), nil
}

func canonSearch(v string) (string, error) {
	return percentEncode(removeTabNewline(v), specialQSet), nil
}

func canonHash(v string) (string, error) {
	return percentEncode(removeTabNewline(v), fragmentSet), nil
}

func encodeBytes(s string, enc func(byte) bool) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if enc(c) {
			sb.WriteByte('%')
			sb.WriteByte(upperHex[c>>4])
			sb.WriteByte(upperHex[c&15])
			continue
		}
		sb.WriteByte(c)
	}
	return sb.String()
}
