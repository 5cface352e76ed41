package weburl

import "strings"

// The basic URL parser of URL Standard 4.4, as a byte-wise state machine.
// Working on bytes rather than code points is exact here: every state
// either looks only at ASCII or copies/percent-encodes bytes, and every
// non-ASCII byte is in every percent-encode set. Where the spec appends
// code point by code point to a buffer, this code scans the whole run at
// once and slices the input, which is what makes a typical parse cost two
// allocations (the URL and its path).

type state uint8

const (
	stateNone state = iota
	stateSchemeStart
	stateScheme
	stateNoScheme
	stateSpecialRelativeOrAuthority
	statePathOrAuthority
	stateRelative
	stateRelativeSlash
	stateSpecialAuthoritySlashes
	stateSpecialAuthorityIgnoreSlashes
	stateAuthority
	stateHost
	stateHostname
	statePort
	stateFile
	stateFileSlash
	stateFileHost
	statePathStart
	statePath
	stateOpaquePath
	stateQuery
	stateFragment
)

const eof = -1

type parser struct {
	in       string
	base     *URL
	u        *URL
	override state

	// scratch backs the path under construction, so that short paths cost
	// no allocation beyond the final string.
	scratch [64]byte
	// pending is the Windows drive letter quirk of the file host state: a
	// buffer carried over into the path state.
	pending string
}

func (p *parser) run() error {
	path, err := p.states(p.scratch[:0])
	if p.override == stateNone || p.override == statePathStart {
		p.u.path = string(path)
	}
	return err
}

// states runs the state machine on path, the serialized path under
// construction (see URL.path), and returns it. It is a local slice rather
// than a field so that escape analysis keeps its backing array on the stack.
func (p *parser) states(path []byte) ([]byte, error) {
	u := p.u
	if p.override == statePathStart && !u.opaque {
		path = append(path[:0], u.path...)
	}
	st := p.override
	if st == stateNone {
		st = stateSchemeStart
	}
	in := p.in
	special := u.IsSpecial()
	mark := 0 // start of the file host state's buffer in in
	for ptr := 0; ; ptr++ {
		c := eof
		if ptr < len(in) {
			c = int(in[ptr])
		}
		switch st {
		case stateSchemeStart, stateScheme:
			// The scheme start and scheme states in one go: a letter, then
			// letters, digits, "+", "-" and ".", then ":".
			if !isAlpha(c) {
				if p.override != stateNone {
					return path, errInvalidScheme
				}
				st = stateNoScheme
				ptr--
				break
			}
			end := ptr + 1
			for end < len(in) && isSchemeChar(in[end]) {
				end++
			}
			if end == len(in) || in[end] != ':' {
				if p.override != stateNone {
					return path, errInvalidScheme
				}
				st = stateNoScheme
				ptr = -1
				break
			}
			scheme := internScheme(in[ptr:end])
			ptr = end
			if p.override != stateNone {
				if isSpecialScheme(u.scheme) != isSpecialScheme(scheme) {
					return path, nil
				}
				if (u.includesCredentials() || u.port >= 0) && scheme == "file" {
					return path, nil
				}
				if u.scheme == "file" && u.hasHost && u.host == "" {
					return path, nil
				}
			}
			u.scheme = scheme
			special = isSpecialScheme(scheme)
			if p.override != stateNone {
				if u.port == defaultPort(u.scheme) {
					u.port = -1
				}
				return path, nil
			}
			switch {
			case scheme == "file":
				st = stateFile
			case special && p.base != nil && p.base.scheme == scheme:
				st = stateSpecialRelativeOrAuthority
			case special:
				st = stateSpecialAuthoritySlashes
			case ptr+1 < len(in) && in[ptr+1] == '/':
				st = statePathOrAuthority
				ptr++
			default:
				u.opaque = true
				path = path[:0]
				st = stateOpaquePath
			}

		case stateNoScheme:
			b := p.base
			if b == nil || (b.opaque && c != '#') {
				return path, errMissingScheme
			}
			if b.opaque && c == '#' {
				u.scheme = b.scheme
				special = isSpecialScheme(u.scheme)
				path = append(path[:0], b.path...)
				u.opaque = true
				u.query, u.hasQuery = b.query, b.hasQuery
				u.fragment, u.hasFragment = "", true
				st = stateFragment
			} else if b.scheme != "file" {
				st = stateRelative
				ptr--
			} else {
				st = stateFile
				ptr--
			}

		case stateSpecialRelativeOrAuthority:
			if c == '/' && ptr+1 < len(in) && in[ptr+1] == '/' {
				st = stateSpecialAuthorityIgnoreSlashes
				ptr++
			} else {
				st = stateRelative
				ptr--
			}

		case statePathOrAuthority:
			if c == '/' {
				st = stateAuthority
			} else {
				st = statePath
				ptr--
			}

		case stateRelative:
			b := p.base
			u.scheme = b.scheme
			special = isSpecialScheme(u.scheme)
			if c == '/' || (special && c == '\\') {
				st = stateRelativeSlash
			} else {
				u.username, u.password = b.username, b.password
				u.host, u.hasHost, u.port = b.host, b.hasHost, b.port
				path = append(path[:0], b.path...)
				u.query, u.hasQuery = b.query, b.hasQuery
				switch {
				case c == '?':
					u.query, u.hasQuery = "", true
					st = stateQuery
				case c == '#':
					u.fragment, u.hasFragment = "", true
					st = stateFragment
				case c != eof:
					u.query, u.hasQuery = "", false
					path = shorten(path, u.scheme == "file")
					st = statePath
					ptr--
				}
			}

		case stateRelativeSlash:
			if special && (c == '/' || c == '\\') {
				st = stateSpecialAuthorityIgnoreSlashes
			} else if c == '/' {
				st = stateAuthority
			} else {
				b := p.base
				u.username, u.password = b.username, b.password
				u.host, u.hasHost, u.port = b.host, b.hasHost, b.port
				st = statePath
				ptr--
			}

		case stateSpecialAuthoritySlashes:
			st = stateSpecialAuthorityIgnoreSlashes
			if c == '/' && ptr+1 < len(in) && in[ptr+1] == '/' {
				ptr++
			} else {
				ptr--
			}

		case stateSpecialAuthorityIgnoreSlashes:
			if c != '/' && c != '\\' {
				st = stateAuthority
				ptr--
			}

		case stateAuthority:
			// The whole authority at once. It ends at the first delimiter;
			// the userinfo is everything before its last "@", split at the
			// first ":". Earlier "@"s end up as "%40" either way: the spec
			// prepends "%40" to the buffer, this code lets the userinfo
			// percent-encode set encode them.
			end, lastAt := ptr, -1
			for ; end < len(in); end++ {
				b := in[end]
				if b == '/' || b == '?' || b == '#' || (special && b == '\\') {
					break
				}
				if b == '@' {
					lastAt = end
				}
			}
			if lastAt >= 0 {
				if lastAt+1 == end {
					return path, errHostMissing
				}
				user, pass, _ := strings.Cut(in[ptr:lastAt], ":")
				u.username = escape(user, setUserinfo)
				u.password = escape(pass, setUserinfo)
				ptr = lastAt + 1
			}
			st = stateHost
			ptr--

		case stateHost, stateHostname:
			if p.override != stateNone && u.scheme == "file" {
				st = stateFileHost
				ptr--
				break
			}
			// Up to ":" outside brackets, a delimiter, or the end.
			end, inside := ptr, false
			for ; end < len(in); end++ {
				b := in[end]
				if (b == ':' && !inside) || b == '/' || b == '?' || b == '#' || (special && b == '\\') {
					break
				}
				if b == '[' {
					inside = true
				} else if b == ']' {
					inside = false
				}
			}
			buf := in[ptr:end]
			if end < len(in) && in[end] == ':' {
				if buf == "" {
					return path, errHostMissing
				}
				if p.override == stateHostname {
					return path, errStateOverride
				}
				h, err := parseHost(buf, !special)
				if err != nil {
					return path, err
				}
				u.host, u.hasHost = h, true
				ptr = end
				st = statePort
				break
			}
			if special && buf == "" {
				return path, errHostMissing
			}
			if p.override != stateNone && buf == "" && (u.includesCredentials() || u.port >= 0) {
				return path, errStateOverride
			}
			h, err := parseHost(buf, !special)
			if err != nil {
				return path, err
			}
			u.host, u.hasHost = h, true
			if p.override != stateNone {
				return path, nil
			}
			st = statePathStart
			ptr = end - 1

		case statePort:
			end := ptr
			for end < len(in) && isDigit(int(in[end])) {
				end++
			}
			c = eof
			if end < len(in) {
				c = int(in[end])
			}
			if c != eof && c != '/' && c != '?' && c != '#' && !(special && c == '\\') && p.override == stateNone {
				return path, errInvalidPort
			}
			if digits := in[ptr:end]; digits != "" {
				port := 0
				for i := 0; i < len(digits); i++ {
					port = port*10 + int(digits[i]-'0')
					if port > 65535 {
						return path, errPortOutOfRange
					}
				}
				if port == defaultPort(u.scheme) {
					u.port = -1
				} else {
					u.port = port
				}
			}
			if p.override != stateNone {
				return path, nil
			}
			st = statePathStart
			ptr = end - 1

		case stateFile:
			u.scheme = "file"
			special = true
			u.host, u.hasHost = "", true
			b := p.base
			if c == '/' || c == '\\' {
				st = stateFileSlash
			} else if b != nil && b.scheme == "file" {
				u.host, u.hasHost = b.host, b.hasHost
				path = append(path[:0], b.path...)
				u.query, u.hasQuery = b.query, b.hasQuery
				switch {
				case c == '?':
					u.query, u.hasQuery = "", true
					st = stateQuery
				case c == '#':
					u.fragment, u.hasFragment = "", true
					st = stateFragment
				case c != eof:
					u.query, u.hasQuery = "", false
					if !startsWithWindowsDriveLetter(in[ptr:]) {
						path = shorten(path, u.scheme == "file")
					} else {
						path = path[:0]
					}
					st = statePath
					ptr--
				}
			} else {
				st = statePath
				ptr--
			}

		case stateFileSlash:
			if c == '/' || c == '\\' {
				st = stateFileHost
				mark = ptr + 1
			} else {
				if b := p.base; b != nil && b.scheme == "file" {
					u.host, u.hasHost = b.host, b.hasHost
					if !startsWithWindowsDriveLetter(in[ptr:]) {
						if first := firstSegment(b.path); isNormalizedWindowsDriveLetter(first) {
							path = append(path, '/')
							path = append(path, first...)
						}
					}
				}
				st = statePath
				ptr--
			}

		case stateFileHost:
			if c == eof || c == '/' || c == '\\' || c == '?' || c == '#' {
				buf := in[mark:ptr]
				ptr--
				switch {
				case p.override == stateNone && isWindowsDriveLetter(buf):
					// The buffer is not reset: it becomes the start of
					// the first path segment.
					p.pending = buf
					st = statePath
				case buf == "":
					u.host, u.hasHost = "", true
					if p.override != stateNone {
						return path, nil
					}
					st = statePathStart
				default:
					h, err := parseHost(buf, !special)
					if err != nil {
						return path, err
					}
					if h == "localhost" {
						h = ""
					}
					u.host, u.hasHost = h, true
					if p.override != stateNone {
						return path, nil
					}
					st = statePathStart
				}
			}

		case statePathStart:
			switch {
			case special:
				st = statePath
				if c != '/' && c != '\\' {
					ptr--
				}
			case p.override == stateNone && c == '?':
				u.query, u.hasQuery = "", true
				st = stateQuery
			case p.override == stateNone && c == '#':
				u.fragment, u.hasFragment = "", true
				st = stateFragment
			case c != eof:
				st = statePath
				if c != '/' {
					ptr--
				}
			case p.override != stateNone && !u.hasHost:
				path = append(path, '/')
			}

		case statePath:
			// Scan one whole segment: up to "/" (or "\" when special), and
			// "?" or "#" unless a setter is running, or the end.
			end := ptr
			for ; end < len(in); end++ {
				b := in[end]
				if b == '/' || (special && b == '\\') || (p.override == stateNone && (b == '?' || b == '#')) {
					break
				}
			}
			seg := in[ptr:end]
			if p.pending != "" || needsEscape(seg, setPath) {
				seg = string(appendEscaped([]byte(p.pending), seg, setPath))
				p.pending = ""
			}
			ptr = end
			c = eof
			if end < len(in) {
				c = int(in[end])
			}
			slash := c == '/' || (special && c == '\\')
			switch {
			case isDoubleDotSegment(seg):
				path = shorten(path, u.scheme == "file")
				if !slash {
					path = append(path, '/')
				}
			case isSingleDotSegment(seg):
				if !slash {
					path = append(path, '/')
				}
			default:
				path = append(path, '/')
				if u.scheme == "file" && len(path) == 1 && isWindowsDriveLetter(seg) {
					path = append(path, seg[0], ':')
				} else {
					path = append(path, seg...)
				}
			}
			if c == '?' {
				u.query, u.hasQuery = "", true
				st = stateQuery
			} else if c == '#' {
				u.fragment, u.hasFragment = "", true
				st = stateFragment
			}

		case stateOpaquePath:
			end := ptr
			for end < len(in) && in[end] != '?' && in[end] != '#' {
				end++
			}
			path = appendEscaped(path, in[ptr:end], setC0)
			ptr = end
			if end < len(in) {
				if in[end] == '?' {
					u.query, u.hasQuery = "", true
					st = stateQuery
				} else {
					u.fragment, u.hasFragment = "", true
					st = stateFragment
				}
			}

		case stateQuery:
			end := len(in)
			if p.override == stateNone {
				for i := ptr; i < len(in); i++ {
					if in[i] == '#' {
						end = i
						break
					}
				}
			}
			set := setQuery
			if special {
				set = setSpecialQuery
			}
			if ptr < end {
				if u.query == "" {
					u.query = escape(in[ptr:end], set)
				} else {
					u.query = string(appendEscaped([]byte(u.query), in[ptr:end], set))
				}
			}
			ptr = end
			if end < len(in) {
				u.fragment, u.hasFragment = "", true
				st = stateFragment
			}

		case stateFragment:
			if ptr < len(in) {
				if u.fragment == "" {
					u.fragment = escape(in[ptr:], setFragment)
				} else {
					u.fragment = string(appendEscaped([]byte(u.fragment), in[ptr:], setFragment))
				}
			}
			ptr = len(in)
		}
		if ptr >= len(in) {
			break
		}
	}
	return path, nil
}

// shorten removes the last path segment, except a lone normalized Windows
// drive letter of a file: URL.
func shorten(path []byte, isFile bool) []byte {
	if isFile && len(path) == 3 && isNormalizedWindowsDriveLetter(string(path[1:])) {
		return path
	}
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[:i]
		}
	}
	return path
}

// firstSegment returns the first segment of a serialized list path.
func firstSegment(path string) string {
	if path == "" {
		return ""
	}
	for i := 1; i < len(path); i++ {
		if path[i] == '/' {
			return path[1:i]
		}
	}
	return path[1:]
}

func isAlpha(c int) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }
func isDigit(c int) bool { return '0' <= c && c <= '9' }

func isSchemeChar(c byte) bool {
	return isAlpha(int(c)) || isDigit(int(c)) || c == '+' || c == '-' || c == '.'
}

// internScheme lowercases a scheme, without allocating for the common ones.
func internScheme(s string) string {
	s = lowerASCII(s)
	switch s {
	case "http":
		return "http"
	case "https":
		return "https"
	case "ws":
		return "ws"
	case "wss":
		return "wss"
	case "file":
		return "file"
	case "ftp":
		return "ftp"
	case "blob":
		return "blob"
	case "data":
		return "data"
	case "about":
		return "about"
	case "mailto":
		return "mailto"
	case "javascript":
		return "javascript"
	}
	return s
}

// isWindowsDriveLetter: an ASCII letter followed by ":" or "|".
func isWindowsDriveLetter(s string) bool {
	return len(s) == 2 && isAlpha(int(s[0])) && (s[1] == ':' || s[1] == '|')
}

// isNormalizedWindowsDriveLetter: an ASCII letter followed by ":".
func isNormalizedWindowsDriveLetter(s string) bool {
	return len(s) == 2 && isAlpha(int(s[0])) && s[1] == ':'
}

// startsWithWindowsDriveLetter: a drive letter that is the whole string or
// is followed by "/", "\", "?" or "#".
func startsWithWindowsDriveLetter(s string) bool {
	if len(s) < 2 || !isWindowsDriveLetter(s[:2]) {
		return false
	}
	if len(s) == 2 {
		return true
	}
	switch s[2] {
	case '/', '\\', '?', '#':
		return true
	}
	return false
}

func isSingleDotSegment(s string) bool {
	return s == "." || (len(s) == 3 && s[0] == '%' && s[1] == '2' && (s[2] == 'e' || s[2] == 'E'))
}

func isDoubleDotSegment(s string) bool {
	switch len(s) {
	case 2:
		return s == ".."
	case 4:
		return (s[0] == '.' && isSingleDotSegment(s[1:])) || (s[3] == '.' && isSingleDotSegment(s[:3]))
	case 6:
		return isSingleDotSegment(s[:3]) && isSingleDotSegment(s[3:])
	}
	return false
}
