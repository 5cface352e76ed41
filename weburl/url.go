package weburl

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// URL is a parsed URL record (URL Standard 4.1). The zero value is not a
// valid URL; get one from Parse. Copying a URL value copies it completely
// (all fields are strings or scalars).
type URL struct {
	scheme   string
	username string
	password string
	host     string // serialized host; meaningful only when hasHost
	hasHost  bool
	port     int // -1 is null

	// path is the serialized path: for a list path, each segment preceded
	// by "/" ("" is the empty list, "/" the list [""]); for an opaque path,
	// the opaque string itself. Segments never contain "/".
	path   string
	opaque bool

	query       string
	hasQuery    bool
	fragment    string
	hasFragment bool
}

// Parse parses input against base (nil for none), like new URL(input, base)
// in JS. Invalid UTF-8 in input is read as U+FFFD. The error is an *Error
// wrapping ErrInvalidURL.
func Parse(input string, base *URL) (*URL, error) {
	u := &URL{port: -1}
	if err := parseInto(u, input, base); err != nil {
		return nil, err
	}
	return u, nil
}

// ParseInto is Parse writing into dst, for callers that embed a URL in a
// larger struct and want one allocation instead of two. On error dst is
// left in an unspecified state.
func ParseInto(dst *URL, input string, base *URL) error {
	*dst = URL{port: -1}
	return parseInto(dst, input, base)
}

// CanParse reports whether Parse(input, base) would succeed.
func CanParse(input string, base *URL) bool {
	var u URL
	u.port = -1
	return parseInto(&u, input, base) == nil
}

func parseInto(u *URL, input string, base *URL) error {
	p := parser{in: preprocess(input, true), base: base, u: u}
	if err := p.run(); err != nil {
		return &Error{Input: input, Reason: err}
	}
	return nil
}

// preprocess makes input a sequence of scalar values (invalid UTF-8 reads
// as U+FFFD, as a JS USVString would), strips leading and trailing C0
// controls and spaces (only for a fresh parse), and removes every tab, LF
// and CR. The common case is one pass over the bytes and no allocation.
func preprocess(s string, trim bool) string {
	if trim {
		i, j := 0, len(s)
		for i < j && s[i] <= ' ' {
			i++
		}
		for j > i && s[j-1] <= ' ' {
			j--
		}
		s = s[i:j]
	}
	strip := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 {
			if !utf8.ValidString(s[i:]) {
				s = decodeUTF8([]byte(s))
			}
			strip = strip || strings.ContainsAny(s[i:], "\t\n\r")
			break
		} else if c == '\t' || c == '\n' || c == '\r' {
			strip = true
		}
	}
	if !strip {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '\t' && c != '\n' && c != '\r' {
			b = append(b, c)
		}
	}
	return string(b)
}

// defaultPort returns the special scheme's default port, or -1.
func defaultPort(scheme string) int {
	switch scheme {
	case "http", "ws":
		return 80
	case "https", "wss":
		return 443
	case "ftp":
		return 21
	}
	return -1
}

// isSpecialScheme reports whether scheme is one of the six special schemes.
func isSpecialScheme(scheme string) bool {
	switch scheme {
	case "http", "https", "ws", "wss", "ftp", "file":
		return true
	}
	return false
}

// IsSpecial reports whether the URL's scheme is special (http, https, ws,
// wss, ftp, file): those get hosts, default ports and "\" as "/".
func (u *URL) IsSpecial() bool { return isSpecialScheme(u.scheme) }

func (u *URL) includesCredentials() bool { return u.username != "" || u.password != "" }

// cannotHaveCredentialsOrPort: host null or empty, or scheme file.
func (u *URL) cannotHaveCredentialsOrPort() bool {
	return !u.hasHost || u.host == "" || u.scheme == "file"
}

// Href is the URL serializer's output, the href getter.
func (u *URL) Href() string {
	var b strings.Builder
	b.Grow(len(u.scheme) + len(u.username) + len(u.password) + len(u.host) +
		len(u.path) + len(u.query) + len(u.fragment) + 16)
	b.WriteString(u.scheme)
	b.WriteByte(':')
	if u.hasHost {
		b.WriteString("//")
		if u.includesCredentials() {
			b.WriteString(u.username)
			if u.password != "" {
				b.WriteByte(':')
				b.WriteString(u.password)
			}
			b.WriteByte('@')
		}
		b.WriteString(u.host)
		if u.port >= 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(u.port))
		}
	} else if !u.opaque && strings.HasPrefix(u.path, "//") {
		// Without the "/." a path starting with an empty segment would
		// read back as an authority.
		b.WriteString("/.")
	}
	b.WriteString(u.path)
	if u.hasQuery {
		b.WriteByte('?')
		b.WriteString(u.query)
	}
	if u.hasFragment {
		b.WriteByte('#')
		b.WriteString(u.fragment)
	}
	return b.String()
}

// String is Href.
func (u *URL) String() string { return u.Href() }

// Origin is the serialization of the URL's origin: "scheme://host[:port]"
// for http, https, ws, wss and ftp, the origin of the inner URL for a blob:
// URL whose path is an http(s) URL, and "null" (an opaque origin) otherwise.
func (u *URL) Origin() string {
	switch u.scheme {
	case "http", "https", "ws", "wss", "ftp":
		s := u.scheme + "://" + u.host
		if u.port >= 0 {
			s += ":" + strconv.Itoa(u.port)
		}
		return s
	case "blob":
		inner, err := Parse(u.Pathname(), nil)
		if err == nil && (inner.scheme == "http" || inner.scheme == "https") {
			return inner.Origin()
		}
	}
	return "null"
}

// Protocol is the scheme followed by ":".
func (u *URL) Protocol() string { return u.scheme + ":" }

// Scheme is the scheme without the ":".
func (u *URL) Scheme() string { return u.scheme }

// Username is the percent-encoded username.
func (u *URL) Username() string { return u.username }

// Password is the percent-encoded password.
func (u *URL) Password() string { return u.password }

// Host is the serialized host and, when it is not the default, ":port".
func (u *URL) Host() string {
	if !u.hasHost {
		return ""
	}
	if u.port < 0 {
		return u.host
	}
	return u.host + ":" + strconv.Itoa(u.port)
}

// Hostname is the serialized host ("" when there is none).
func (u *URL) Hostname() string {
	if !u.hasHost {
		return ""
	}
	return u.host
}

// Port is the port in decimal, or "" when it is null or the scheme's
// default.
func (u *URL) Port() string {
	if u.port < 0 {
		return ""
	}
	return strconv.Itoa(u.port)
}

// Pathname is the URL path serializer's output.
func (u *URL) Pathname() string { return u.path }

// HasOpaquePath reports whether the path is opaque (as in "mailto:x" or
// "data:,y"): such a URL has no host and no path segments.
func (u *URL) HasOpaquePath() bool { return u.opaque }

// Search is "?" and the query, or "" when the query is null or empty.
func (u *URL) Search() string {
	if u.query == "" {
		return ""
	}
	return "?" + u.query
}

// Query returns the raw (already percent-encoded) query and whether it is
// non-null; the form-urlencoded list of URLSearchParams is parsed from it.
func (u *URL) Query() (string, bool) { return u.query, u.hasQuery }

// Hash is "#" and the fragment, or "" when the fragment is null or empty.
func (u *URL) Hash() string {
	if u.fragment == "" {
		return ""
	}
	return "#" + u.fragment
}
