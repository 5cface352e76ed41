package weburl

// The basic URL parser of URL Standard 4.4, as a byte-wise state machine.
// Working on bytes rather than code points is exact here: every state
// either looks only at ASCII or copies/percent-encodes bytes, and every
// non-ASCII byte is in every percent-encode set. Where the spec appends
// code point by code point to a buffer, this code remembers where the buffer
// starts in the input (mark) or scans a whole run at once.

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

	// path is the serialized path under construction (see URL.path). It is
	// written back to u.path when run returns, unless the state override
	// never touches the path.
	path []byte
	// pending is the Windows drive letter quirk of the file host state: a
	// buffer carried over into the path state.
	pending string
}

func (p *parser) run() error {
	u := p.u
	if p.override == stateNone || p.override == statePathStart {
		defer func() { p.u.path = string(p.path) }()
	}
	if p.override == statePathStart && !u.opaque {
		p.path = append(p.path[:0], u.path...)
	}
	st := p.override
	if st == stateNone {
		st = stateSchemeStart
	}
	in := p.in
	special := u.IsSpecial()
	var (
		mark              int // start of the buffer in in
		schemeBuf         []byte
		userBuf, passBuf  []byte
		atSignSeen        bool
		insideBrackets    bool
		passwordTokenSeen bool
		authorityStarted  bool
	)
	for ptr := 0; ; ptr++ {
		c := eof
		if ptr < len(in) {
			c = int(in[ptr])
		}
		switch st {
		case stateSchemeStart:
			if isAlpha(c) {
				schemeBuf = append(schemeBuf[:0], toLower(byte(c)))
				st = stateScheme
			} else if p.override == stateNone {
				st = stateNoScheme
				ptr--
			} else {
				return errInvalidScheme
			}

		case stateScheme:
			if isAlpha(c) || isDigit(c) || c == '+' || c == '-' || c == '.' {
				schemeBuf = append(schemeBuf, toLower(byte(c)))
			} else if c == ':' {
				scheme := internScheme(schemeBuf)
				if p.override != stateNone {
					if isSpecialScheme(u.scheme) != isSpecialScheme(scheme) {
						return nil
					}
					if (u.includesCredentials() || u.port >= 0) && scheme == "file" {
						return nil
					}
					if u.scheme == "file" && u.hasHost && u.host == "" {
						return nil
					}
				}
				u.scheme = scheme
				special = isSpecialScheme(scheme)
				if p.override != stateNone {
					if u.port == defaultPort(u.scheme) {
						u.port = -1
					}
					return nil
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
					p.path = p.path[:0]
					st = stateOpaquePath
				}
			} else if p.override == stateNone {
				st = stateNoScheme
				ptr = -1
			} else {
				return errInvalidScheme
			}

		case stateNoScheme:
			b := p.base
			if b == nil || (b.opaque && c != '#') {
				return errMissingScheme
			}
			if b.opaque && c == '#' {
				u.scheme = b.scheme
				special = isSpecialScheme(u.scheme)
				p.path = append(p.path[:0], b.path...)
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
				p.path = append(p.path[:0], b.path...)
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
					p.shorten()
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
			if !authorityStarted {
				authorityStarted = true
				mark = ptr
			}
			if c == '@' {
				buf := in[mark:ptr]
				if atSignSeen {
					if passwordTokenSeen {
						passBuf = append(passBuf, "%40"...)
					} else {
						userBuf = append(userBuf, "%40"...)
					}
				}
				atSignSeen = true
				for i := 0; i < len(buf); i++ {
					b := buf[i]
					if b == ':' && !passwordTokenSeen {
						passwordTokenSeen = true
						continue
					}
					if passwordTokenSeen {
						passBuf = appendEscaped(passBuf, buf[i:i+1], setUserinfo)
					} else {
						userBuf = appendEscaped(userBuf, buf[i:i+1], setUserinfo)
					}
				}
				mark = ptr + 1
			} else if c == eof || c == '/' || c == '?' || c == '#' || (special && c == '\\') {
				if atSignSeen && mark == ptr {
					return errHostMissing
				}
				if atSignSeen {
					u.username, u.password = string(userBuf), string(passBuf)
				}
				ptr = mark - 1
				st = stateHost
			}

		case stateHost, stateHostname:
			if p.override != stateNone && u.scheme == "file" {
				ptr--
				st = stateFileHost
				continue
			}
			if c == ':' && !insideBrackets {
				buf := in[mark:ptr]
				if buf == "" {
					return errHostMissing
				}
				if p.override == stateHostname {
					return errStateOverride
				}
				h, err := parseHost(buf, !special)
				if err != nil {
					return err
				}
				u.host, u.hasHost = h, true
				mark = ptr + 1
				st = statePort
			} else if c == eof || c == '/' || c == '?' || c == '#' || (special && c == '\\') {
				buf := in[mark:ptr]
				ptr--
				if special && buf == "" {
					return errHostMissing
				}
				if p.override != stateNone && buf == "" && (u.includesCredentials() || u.port >= 0) {
					return errStateOverride
				}
				h, err := parseHost(buf, !special)
				if err != nil {
					return err
				}
				u.host, u.hasHost = h, true
				st = statePathStart
				if p.override != stateNone {
					return nil
				}
			} else if c == '[' {
				insideBrackets = true
			} else if c == ']' {
				insideBrackets = false
			}

		case statePort:
			if isDigit(c) {
				break
			}
			if c == eof || c == '/' || c == '?' || c == '#' || (special && c == '\\') || p.override != stateNone {
				if digits := in[mark:ptr]; digits != "" {
					port := 0
					for i := 0; i < len(digits); i++ {
						port = port*10 + int(digits[i]-'0')
						if port > 65535 {
							return errPortOutOfRange
						}
					}
					if port == defaultPort(u.scheme) {
						u.port = -1
					} else {
						u.port = port
					}
				}
				if p.override != stateNone {
					return nil
				}
				st = statePathStart
				ptr--
			} else {
				return errInvalidPort
			}

		case stateFile:
			u.scheme = "file"
			special = true
			u.host, u.hasHost = "", true
			b := p.base
			if c == '/' || c == '\\' {
				st = stateFileSlash
			} else if b != nil && b.scheme == "file" {
				u.host, u.hasHost = b.host, b.hasHost
				p.path = append(p.path[:0], b.path...)
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
						p.shorten()
					} else {
						p.path = p.path[:0]
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
							p.path = append(p.path, '/')
							p.path = append(p.path, first...)
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
						return nil
					}
					st = statePathStart
				default:
					h, err := parseHost(buf, !special)
					if err != nil {
						return err
					}
					if h == "localhost" {
						h = ""
					}
					u.host, u.hasHost = h, true
					if p.override != stateNone {
						return nil
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
				p.path = append(p.path, '/')
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
				p.shorten()
				if !slash {
					p.path = append(p.path, '/')
				}
			case isSingleDotSegment(seg):
				if !slash {
					p.path = append(p.path, '/')
				}
			default:
				p.path = append(p.path, '/')
				if u.scheme == "file" && len(p.path) == 1 && isWindowsDriveLetter(seg) {
					p.path = append(p.path, seg[0], ':')
				} else {
					p.path = append(p.path, seg...)
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
			p.path = appendEscaped(p.path, in[ptr:end], setC0)
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
	return nil
}

// shorten removes the last path segment, except a lone normalized Windows
// drive letter of a file: URL.
func (p *parser) shorten() {
	if p.u.scheme == "file" && len(p.path) == 3 && isNormalizedWindowsDriveLetter(string(p.path[1:])) {
		return
	}
	for i := len(p.path) - 1; i >= 0; i-- {
		if p.path[i] == '/' {
			p.path = p.path[:i]
			return
		}
	}
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

func toLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// internScheme avoids allocating for the common schemes.
func internScheme(b []byte) string {
	switch string(b) {
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
	return string(b)
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
