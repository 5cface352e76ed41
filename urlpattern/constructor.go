package urlpattern

// The constructor string parser (spec 1.5): splits a string like
// "https://*.example.com/:id" into URLPatternInit components by walking its
// lenient token list.

type csState uint8

const (
	csInit csState = iota
	csProtocol
	csAuthority
	csUsername
	csPassword
	csHostname
	csPort
	csPathname
	csSearch
	csHash
	csDone
)

type csParser struct {
	input          []rune
	tokens         []token
	result         Init
	componentStart int
	index          int
	increment      int
	groupDepth     int
	ipv6Depth      int
	protoSpecial   bool
	state          csState
}

// parseConstructorString is "parse a constructor string".
func parseConstructorString(input string) (Init, error) {
	in := []rune(input)
	toks, err := tokenize(in, lenient)
	if err != nil {
		return Init{}, err
	}
	p := &csParser{input: in, tokens: toks}
	for p.index < len(p.tokens) {
		p.increment = 1
		if p.tokens[p.index].typ == tokEnd {
			if p.state == csInit {
				p.rewind()
				switch {
				case p.isHashPrefix():
					p.change(csHash, 1)
				case p.isSearchPrefix():
					p.change(csSearch, 1)
				default:
					p.change(csPathname, 0)
				}
				p.index += p.increment
				continue
			}
			if p.state == csAuthority {
				p.rewindAndSet(csHostname)
				p.index += p.increment
				continue
			}
			p.change(csDone, 0)
			break
		}
		if p.tokens[p.index].typ == tokOpen {
			p.groupDepth++
			p.index += p.increment
			continue
		}
		if p.groupDepth > 0 {
			if p.tokens[p.index].typ == tokClose {
				p.groupDepth--
			} else {
				p.index += p.increment
				continue
			}
		}
		switch p.state {
		case csInit:
			if p.isChar(p.index, ":") {
				p.rewindAndSet(csProtocol)
			}
		case csProtocol:
			if p.isChar(p.index, ":") {
				if err := p.computeProtocolSpecial(); err != nil {
					return Init{}, err
				}
				next, skip := csPathname, 1
				if p.isChar(p.index+1, "/") && p.isChar(p.index+2, "/") {
					next, skip = csAuthority, 3
				} else if p.protoSpecial {
					next = csAuthority
				}
				p.change(next, skip)
			}
		case csAuthority:
			if p.isChar(p.index, "@") {
				p.rewindAndSet(csUsername)
			} else if p.isChar(p.index, "/") || p.isSearchPrefix() || p.isHashPrefix() {
				p.rewindAndSet(csHostname)
			}
		case csUsername:
			if p.isChar(p.index, ":") {
				p.change(csPassword, 1)
			} else if p.isChar(p.index, "@") {
				p.change(csHostname, 1)
			}
		case csPassword:
			if p.isChar(p.index, "@") {
				p.change(csHostname, 1)
			}
		case csHostname:
			switch {
			case p.isChar(p.index, "["):
				p.ipv6Depth++
			case p.isChar(p.index, "]"):
				p.ipv6Depth--
			case p.isChar(p.index, ":") && p.ipv6Depth == 0:
				p.change(csPort, 1)
			case p.isChar(p.index, "/"):
				p.change(csPathname, 0)
			case p.isSearchPrefix():
				p.change(csSearch, 1)
			case p.isHashPrefix():
				p.change(csHash, 1)
			}
		case csPort:
			switch {
			case p.isChar(p.index, "/"):
				p.change(csPathname, 0)
			case p.isSearchPrefix():
				p.change(csSearch, 1)
			case p.isHashPrefix():
				p.change(csHash, 1)
			}
		case csPathname:
			if p.isSearchPrefix() {
				p.change(csSearch, 1)
			} else if p.isHashPrefix() {
				p.change(csHash, 1)
			}
		case csSearch:
			if p.isHashPrefix() {
				p.change(csHash, 1)
			}
		}
		p.index += p.increment
	}
	if p.result.Hostname != nil && p.result.Port == nil {
		p.result.Port = ptr("")
	}
	return p.result, nil
}

func ptr(s string) *string { return &s }

func (p *csParser) field(s csState) **string {
	r := &p.result
	switch s {
	case csProtocol:
		return &r.Protocol
	case csUsername:
		return &r.Username
	case csPassword:
		return &r.Password
	case csHostname:
		return &r.Hostname
	case csPort:
		return &r.Port
	case csPathname:
		return &r.Pathname
	case csSearch:
		return &r.Search
	case csHash:
		return &r.Hash
	}
	return nil
}

// change is "change state".
func (p *csParser) change(next csState, skip int) {
	if p.state != csInit && p.state != csAuthority && p.state != csDone {
		*p.field(p.state) = ptr(p.componentString())
	}
	if p.state != csInit && next != csDone {
		early := p.state == csProtocol || p.state == csAuthority || p.state == csUsername || p.state == csPassword
		if early && (next == csPort || next == csPathname || next == csSearch || next == csHash) && p.result.Hostname == nil {
			p.result.Hostname = ptr("")
		}
		early = early || p.state == csHostname || p.state == csPort
		if early && (next == csSearch || next == csHash) && p.result.Pathname == nil {
			if p.protoSpecial {
				p.result.Pathname = ptr("/")
			} else {
				p.result.Pathname = ptr("")
			}
		}
		early = early || p.state == csPathname
		if early && next == csHash && p.result.Search == nil {
			p.result.Search = ptr("")
		}
	}
	p.state = next
	p.index += skip
	p.componentStart = p.index
	p.increment = 0
}

func (p *csParser) rewind() {
	p.index = p.componentStart
	p.increment = 0
}

func (p *csParser) rewindAndSet(s csState) {
	p.rewind()
	p.state = s
}

func (p *csParser) safeToken(i int) token {
	if i < len(p.tokens) {
		return p.tokens[i]
	}
	return p.tokens[len(p.tokens)-1]
}

// isChar is "is a non-special pattern char".
func (p *csParser) isChar(i int, value string) bool {
	t := p.safeToken(i)
	if t.value != value {
		return false
	}
	return t.typ == tokChar || t.typ == tokEscapedChar || t.typ == tokInvalidChar
}

func (p *csParser) isSearchPrefix() bool {
	if p.isChar(p.index, "?") {
		return true
	}
	if p.tokens[p.index].value != "?" {
		return false
	}
	if p.index-1 < 0 {
		return true
	}
	switch p.safeToken(p.index - 1).typ {
	case tokName, tokRegexp, tokClose, tokAsterisk:
		return false
	}
	return true
}

func (p *csParser) isHashPrefix() bool { return p.isChar(p.index, "#") }

// componentString is "make a component string".
func (p *csParser) componentString() string {
	t := p.tokens[p.index]
	start := p.safeToken(p.componentStart).index
	return string(p.input[start:t.index])
}

func (p *csParser) computeProtocolSpecial() error {
	c, err := compileComponent(p.componentString(), canonProtocol, defaultOptions)
	if err != nil {
		return &componentError{component: "protocol", err: err}
	}
	p.protoSpecial = c.matchesSpecialScheme()
	return nil
}
