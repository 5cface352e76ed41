package urlpattern

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dlclark/regexp2/v2"

	"edgedev/weburl"
)

// Component names a URL component, in the standard's order.
type Component int

const (
	Protocol Component = iota
	Username
	Password
	Hostname
	Port
	Pathname
	Search
	Hash
	numComponents
)

// Components lists every component in order.
var Components = [...]Component{Protocol, Username, Password, Hostname, Port, Pathname, Search, Hash}

var componentNames = [...]string{"protocol", "username", "password", "hostname", "port", "pathname", "search", "hash"}

// String is the component's name as in URLPatternInit ("pathname").
func (c Component) String() string { return componentNames[c] }

// Init is a URLPatternInit dictionary: a nil field is a member that is not
// present, which differs from an empty string.
type Init struct {
	Protocol, Username, Password, Hostname, Port, Pathname, Search, Hash *string
	BaseURL                                                              *string
}

// Get returns the member for component c.
func (in *Init) Get(c Component) *string { return *in.slot(c) }

func (in *Init) slot(c Component) **string {
	switch c {
	case Protocol:
		return &in.Protocol
	case Username:
		return &in.Username
	case Password:
		return &in.Password
	case Hostname:
		return &in.Hostname
	case Port:
		return &in.Port
	case Pathname:
		return &in.Pathname
	case Search:
		return &in.Search
	}
	return &in.Hash
}

// Options are URLPatternOptions.
type Options struct {
	// IgnoreCase makes the pathname, search and hash match without regard
	// to case (the other components are canonicalized to lower case).
	IgnoreCase bool
}

// MatchTimeout bounds one component's regular-expression match, so a
// catastrophically backtracking custom group fails instead of hanging the
// worker.
const MatchTimeout = 2 * time.Second

type component struct {
	pattern         string
	re              *regexp2.Regexp
	src             string
	names           []string
	hasRegexpGroups bool
	// emptyIsUnset marks groups generated as "(re)?": ECMAScript rejects
	// an empty iteration of a quantified group, so such a group that
	// captured "" did not take part in the match (undefined), while
	// regexp2 reports it as "".
	emptyIsUnset []bool
	// Fast paths that skip the regular expression: "*" matches anything
	// and captures it whole; a pattern of fixed text only matches exactly
	// that text (case-sensitive components only).
	matchAll   bool
	exact      bool
	exactValue string
}

// Pattern is a compiled URL pattern.
type Pattern struct {
	comps [numComponents]component
}

// Parse compiles the constructor-string form, new URLPattern(input,
// baseURL, options); baseURL is nil when it was not passed.
func Parse(input string, baseURL *string, opts Options) (*Pattern, error) {
	init, err := parseConstructorString(input)
	if err != nil {
		return nil, err
	}
	if baseURL == nil && init.Protocol == nil {
		return nil, invalid("relative pattern %q needs a base URL", input)
	}
	if baseURL != nil {
		init.BaseURL = baseURL
	}
	return create(init, opts)
}

// New compiles the dictionary form, new URLPattern(init, options).
func New(init Init, opts Options) (*Pattern, error) { return create(init, opts) }

func create(init Init, opts Options) (*Pattern, error) {
	pi, err := processInit(init, true, [numComponents]*string{})
	if err != nil {
		return nil, err
	}
	for _, c := range Components {
		if *pi.slot(c) == nil {
			*pi.slot(c) = ptr("*")
		}
	}
	if dp, ok := defaultPorts[*pi.Protocol]; ok && *pi.Port == fmt.Sprint(dp) {
		pi.Port = ptr("")
	}
	p := &Pattern{}
	compile := func(c Component, enc encoder, o options) error {
		comp, err := compileComponent(*pi.Get(c), enc, o)
		if err != nil {
			return &componentError{component: c.String(), err: err}
		}
		p.comps[c] = comp
		return nil
	}
	if err := compile(Protocol, canonProtocol, defaultOptions); err != nil {
		return nil, err
	}
	if err := compile(Username, canonUsername, defaultOptions); err != nil {
		return nil, err
	}
	if err := compile(Password, canonPassword, defaultOptions); err != nil {
		return nil, err
	}
	hostEnc := canonHostname
	if isIPv6Pattern(*pi.Hostname) {
		hostEnc = canonIPv6Hostname
	}
	if err := compile(Hostname, hostEnc, hostnameOptions); err != nil {
		return nil, err
	}
	if err := compile(Port, func(s string) (string, error) { return canonPort(s, "") }, defaultOptions); err != nil {
		return nil, err
	}
	co := defaultOptions
	co.ignoreCase = opts.IgnoreCase
	if p.comps[Protocol].matchesSpecialScheme() {
		po := pathnameOptions
		po.ignoreCase = opts.IgnoreCase
		if err := compile(Pathname, canonPathname, po); err != nil {
			return nil, err
		}
	} else if err := compile(Pathname, canonOpaquePathname, co); err != nil {
		return nil, err
	}
	if err := compile(Search, canonSearch, co); err != nil {
		return nil, err
	}
	if err := compile(Hash, canonHash, co); err != nil {
		return nil, err
	}
	return p, nil
}

func isIPv6Pattern(s string) bool {
	return len(s) >= 2 && (s[0] == '[' || (s[0] == '{' || s[0] == '\\') && s[1] == '[')
}

// compileComponent is "compile a component".
func compileComponent(input string, enc encoder, o options) (component, error) {
	parts, err := parsePattern(input, o, enc)
	if err != nil {
		return component{}, err
	}
	src, names := generateRegexp(parts, o)
	re, err := compileRegexp(src, o.ignoreCase)
	if err != nil {
		return component{}, err
	}
	c := component{pattern: generatePatternString(parts, o), re: re, src: src, names: names}
	if len(parts) == 1 && parts[0].typ == partFullWildcard && parts[0].modifier == modNone &&
		parts[0].prefix == "" && parts[0].suffix == "" {
		c.matchAll = true
	}
	if !o.ignoreCase {
		c.exact = true
		for _, p := range parts {
			if p.typ != partFixed || p.modifier != modNone {
				c.exact = false
				break
			}
			c.exactValue += p.value
		}
	}
	for _, p := range parts {
		if p.typ == partRegexp {
			c.hasRegexpGroups = true
		}
		if p.typ != partFixed {
			c.emptyIsUnset = append(c.emptyIsUnset, p.prefix == "" && p.suffix == "" && p.modifier == modOptional)
		}
	}
	return c, nil
}

// compileRegexp compiles a generated expression with ECMAScript semantics
// under the "u" flag (see the package doc for the "v" flag).
func compileRegexp(src string, ignoreCase bool) (*regexp2.Regexp, error) {
	if err := checkRegexpSyntax(src); err != nil {
		return nil, err
	}
	opts := regexp2.ECMAScript | regexp2.Unicode
	if ignoreCase {
		opts |= regexp2.IgnoreCase
	}
	re, err := regexp2.Compile(src, opts)
	if err != nil {
		return nil, invalid("regular expression /%s/ does not compile: %v", src, err)
	}
	re.MatchTimeout = MatchTimeout
	return re, nil
}

// checkRegexpSyntax rejects what regexp2 would accept but an ECMAScript
// engine compiling with the "v" flag would not, or would read differently:
// identity escapes of ordinary characters (\m), nested classes and the set
// operators "--" and "&&" (v-flag set notation, which regexp2 lacks).
func checkRegexpSyntax(src string) error {
	inClass := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\':
			if i+1 >= len(src) {
				return invalid("regular expression /%s/ ends with a backslash", src)
			}
			if err := checkEscape(src, i+1, inClass); err != nil {
				return err
			}
			i++
		case c == '[' && !inClass:
			inClass = true
		case c == '[' && inClass:
			return invalid("regular expression /%s/ uses a nested character class (\"v\" flag set notation), which edgedev's regexp engine does not support", src)
		case c == ']' && inClass:
			inClass = false
		case inClass && (strings.HasPrefix(src[i:], "--") || strings.HasPrefix(src[i:], "&&")):
			return invalid("regular expression /%s/ uses %q (\"v\" flag set notation), which edgedev's regexp engine does not support", src, src[i:i+2])
		}
	}
	return nil
}

// checkEscape validates the escape whose letter is src[i] under the u/v
// flags, where only syntax characters and "/" may be identity-escaped.
func checkEscape(src string, i int, inClass bool) error {
	c := src[i]
	rest := src[i+1:]
	ok := true
	switch {
	case strings.IndexByte(`^$\.*+?()[]{}|/`, c) >= 0, strings.IndexByte("dDsSwWfnrtv123456789pPk", c) >= 0:
	case c == 'b':
	case c == 'B':
		ok = !inClass
	case c == '-':
		ok = inClass
	case c == 'c':
		ok = len(rest) > 0 && ('a' <= rest[0]|0x20 && rest[0]|0x20 <= 'z')
	case c == '0':
		ok = len(rest) == 0 || rest[0] < '0' || rest[0] > '9'
	case c == 'x':
		ok = len(rest) >= 2 && isHex(rest[0]) && isHex(rest[1])
	case c == 'u':
		ok = len(rest) >= 4 && isHex(rest[0]) && isHex(rest[1]) && isHex(rest[2]) && isHex(rest[3]) ||
			len(rest) >= 3 && rest[0] == '{'
	default:
		ok = false
	}
	if !ok {
		return invalid("regular expression /%s/ has an invalid escape \"\\%c\"", src, c)
	}
	return nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'f'
}

func (c *component) matchesSpecialScheme() bool {
	for _, s := range []string{"ftp", "file", "http", "https", "ws", "wss"} {
		if m, err := c.re.MatchString(s); err == nil && m {
			return true
		}
	}
	return false
}

// Pattern returns component c's normalized pattern string.
func (p *Pattern) Pattern(c Component) string { return p.comps[c].pattern }

// RegExp returns the source of component c's regular expression.
func (p *Pattern) RegExp(c Component) string { return p.comps[c].src }

// HasRegExpGroups reports whether any component uses a custom regexp group.
func (p *Pattern) HasRegExpGroups() bool {
	for _, c := range p.comps {
		if c.hasRegexpGroups {
			return true
		}
	}
	return false
}

// Group is one matched group; Matched is false for an optional group that
// did not take part in the match (undefined in JS).
type Group struct {
	Name    string
	Value   string
	Matched bool
}

// ComponentResult is URLPatternComponentResult.
type ComponentResult struct {
	Input  string
	Groups []Group
}

// Result is URLPatternResult without its inputs, which the caller echoes.
type Result struct {
	Components [numComponents]ComponentResult
}

// ErrBaseURLWithInit is returned by Match when an init dictionary comes
// with a separate base URL string.
var ErrBaseURLWithInit = errors.New("a base URL string cannot be passed with a URLPatternInit; set its baseURL member instead")

// MatchURL matches a URL string, resolved against baseURL when that is not
// nil. It returns nil, nil when the URL does not parse or does not match;
// an error only when a regular expression gives up (MatchTimeout).
func (p *Pattern) MatchURL(input string, baseURL *string) (*Result, error) {
	var base *weburl.URL
	if baseURL != nil {
		b, err := weburl.Parse(*baseURL, nil)
		if err != nil {
			return nil, nil
		}
		base = b
	}
	u, err := weburl.Parse(input, base)
	if err != nil {
		return nil, nil
	}
	q, _ := u.Query()
	values := [numComponents]string{
		u.Scheme(), u.Username(), u.Password(), u.Hostname(), u.Port(), u.Pathname(), q, strings.TrimPrefix(u.Hash(), "#"),
	}
	return p.exec(values)
}

// MatchInit matches an init dictionary. Invalid members make it not
// match (nil, nil) rather than fail, as the standard says.
func (p *Pattern) MatchInit(init Init) (*Result, error) {
	var empty [numComponents]*string
	for i := range empty {
		empty[i] = ptr("")
	}
	pi, err := processInit(init, false, empty)
	if err != nil {
		return nil, nil
	}
	var values [numComponents]string
	for _, c := range Components {
		values[c] = *pi.Get(c)
	}
	return p.exec(values)
}

func (p *Pattern) exec(values [numComponents]string) (*Result, error) {
	res := &Result{}
	for _, c := range Components {
		comp := &p.comps[c]
		switch {
		case comp.matchAll:
			res.Components[c] = ComponentResult{Input: values[c], Groups: []Group{{Name: comp.names[0], Value: values[c], Matched: true}}}
			continue
		case comp.exact:
			if values[c] != comp.exactValue {
				return nil, nil
			}
			res.Components[c] = ComponentResult{Input: values[c], Groups: []Group{}}
			continue
		}
		m, err := comp.re.FindStringMatch(values[c])
		if err != nil {
			return nil, fmt.Errorf("match %s against %q: %w", c, values[c], err)
		}
		if m == nil {
			return nil, nil
		}
		cr := ComponentResult{Input: values[c], Groups: make([]Group, len(comp.names))}
		for i, name := range comp.names {
			g := m.GroupByNumber(i + 1)
			cr.Groups[i] = Group{Name: name}
			if g != nil && len(g.Captures) > 0 && !(comp.emptyIsUnset[i] && g.RuneLength == 0) {
				cr.Groups[i].Value = g.String()
				cr.Groups[i].Matched = true
			}
		}
		res.Components[c] = cr
	}
	return res, nil
}

// processInit is "process a URLPatternInit" for type "pattern" (pattern is
// true) or "url"; defaults are the starting values of each component.
func processInit(init Init, pattern bool, defaults [numComponents]*string) (Init, error) {
	var res Init
	for _, c := range Components {
		*res.slot(c) = defaults[c]
	}
	var base *weburl.URL
	if init.BaseURL != nil {
		b, err := weburl.Parse(*init.BaseURL, nil)
		if err != nil {
			return Init{}, invalid("base URL %q does not parse", *init.BaseURL)
		}
		base = b
		baseStr := func(s string) *string {
			if pattern {
				s = escapePatternString(s)
			}
			return &s
		}
		has := func(cs ...Component) bool {
			for _, c := range cs {
				if init.Get(c) != nil {
					return true
				}
			}
			return false
		}
		if init.Protocol == nil {
			res.Protocol = baseStr(b.Scheme())
		}
		if !pattern && !has(Protocol, Hostname, Port, Username) {
			res.Username = baseStr(b.Username())
		}
		if !pattern && !has(Protocol, Hostname, Port, Username, Password) {
			res.Password = baseStr(b.Password())
		}
		if !has(Protocol, Hostname) {
			res.Hostname = baseStr(b.Hostname())
		}
		if !has(Protocol, Hostname, Port) {
			res.Port = ptr(b.Port())
		}
		if !has(Protocol, Hostname, Port, Pathname) {
			res.Pathname = baseStr(b.Pathname())
		}
		if !has(Protocol, Hostname, Port, Pathname, Search) {
			q, _ := b.Query()
			res.Search = baseStr(q)
		}
		if !has(Protocol, Hostname, Port, Pathname, Search, Hash) {
			res.Hash = baseStr(strings.TrimPrefix(b.Hash(), "#"))
		}
	}
	run := func(v string, f func(string) (string, error)) (*string, error) {
		if pattern {
			return &v, nil
		}
		s, err := f(v)
		if err != nil {
			return nil, err
		}
		return &s, nil
	}
	var err error
	if init.Protocol != nil {
		if res.Protocol, err = run(strings.TrimSuffix(*init.Protocol, ":"), canonProtocol); err != nil {
			return Init{}, err
		}
	}
	if init.Username != nil {
		if res.Username, err = run(*init.Username, canonUsername); err != nil {
			return Init{}, err
		}
	}
	if init.Password != nil {
		if res.Password, err = run(*init.Password, canonPassword); err != nil {
			return Init{}, err
		}
	}
	if init.Hostname != nil {
		if res.Hostname, err = run(*init.Hostname, canonHostname); err != nil {
			return Init{}, err
		}
	}
	proto := ""
	if res.Protocol != nil {
		proto = *res.Protocol
	}
	if init.Port != nil {
		if res.Port, err = run(*init.Port, func(s string) (string, error) { return canonPort(s, proto) }); err != nil {
			return Init{}, err
		}
	}
	if init.Pathname != nil {
		path := *init.Pathname
		if base != nil && !base.HasOpaquePath() && !isAbsolutePathname(path, pattern) {
			bp := base.Pathname()
			if pattern {
				bp = escapePatternString(bp)
			}
			if i := strings.LastIndexByte(bp, '/'); i >= 0 {
				path = bp[:i+1] + path
			}
		}
		canon := canonOpaquePathname
		if proto == "" || isSpecialScheme(proto) {
			canon = canonPathname
		}
		if res.Pathname, err = run(path, canon); err != nil {
			return Init{}, err
		}
	}
	if init.Search != nil {
		if res.Search, err = run(strings.TrimPrefix(*init.Search, "?"), canonSearch); err != nil {
			return Init{}, err
		}
	}
	if init.Hash != nil {
		if res.Hash, err = run(strings.TrimPrefix(*init.Hash, "#"), canonHash); err != nil {
			return Init{}, err
		}
	}
	return res, nil
}

func isAbsolutePathname(s string, pattern bool) bool {
	if s == "" {
		return false
	}
	if s[0] == '/' {
		return true
	}
	if !pattern || len(s) < 2 {
		return false
	}
	return (s[0] == '\\' || s[0] == '{') && s[1] == '/'
}
