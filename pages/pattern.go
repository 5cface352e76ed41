package pages

import (
	"fmt"
	"regexp"
	"strings"
)

// pattern is a compiled route path such as "/api/users/:id" or "/:path*".
//
// The platform's generated worker matches route paths with path-to-regexp
// v6 (match(path, {end}) with its defaults: case-insensitive, trailing
// delimiter optional, params not decoded), after escaping the characters
// .+?^${}()|[]\ so that file names are literal. pattern builds the same
// regular expression for RE2. The only construct RE2 lacks is lookahead,
// which path-to-regexp uses at the very end of a prefix match to require a
// segment boundary; a trailing lookahead and a trailing consuming group pick
// the same captures, so the boundary is consumed outside the capture that
// stands for the JS match's m[0].
type pattern struct {
	re   *regexp.Regexp
	keys []patternKey
}

type patternKey struct {
	name string
	list bool // ":name*": the value is split into segments
}

// Param is one matched route parameter. Values are as they appear in the
// URL's pathname: not percent-decoded, as on the platform.
type Param struct {
	Name string
	// Value is the segment of a [name] parameter.
	Value string
	// Segments are the segments of a [[name]] parameter; nil (and List still
	// true) when it matched zero segments, which JS sees as undefined.
	Segments []string
	// List reports a [[name]] (catch-all) parameter.
	List bool
}

// token is a piece of a parsed route path: literal text, or a parameter
// with its prefix ("/" or "." or "") and whether it repeats.
type token struct {
	text   string
	name   string
	prefix string
	list   bool
}

// compilePattern turns a route path into a matcher; end says whether the
// whole pathname must match (a handler) or only a prefix of it that ends at
// a segment boundary (middleware and mount paths).
func compilePattern(path string, end bool) (*pattern, error) {
	toks, err := parseRoutePath(path)
	if err != nil {
		return nil, err
	}
	const delims = `[/#?]`
	const segment = `[^/#?]+?`
	var b strings.Builder
	p := &pattern{}
	b.WriteString(`(?i)^(`)
	for _, t := range toks {
		if t.name == "" {
			b.WriteString(regexp.QuoteMeta(t.text))
			continue
		}
		p.keys = append(p.keys, patternKey{name: t.name, list: t.list})
		pre := regexp.QuoteMeta(t.prefix)
		switch {
		case t.prefix != "" && t.list:
			fmt.Fprintf(&b, `(?:%s((?:%s)(?:%s(?:%s))*))?`, pre, segment, pre, segment)
		case t.prefix != "":
			fmt.Fprintf(&b, `(?:%s(%s))`, pre, segment)
		case t.list:
			fmt.Fprintf(&b, `((?:%s)*)`, segment)
		default:
			fmt.Fprintf(&b, `(%s)`, segment)
		}
	}
	if end {
		b.WriteString(delims + `?)$`)
	} else {
		// path-to-regexp: (?:[/#?](?=$))? then, unless the path already ends
		// with a delimiter, (?=[/#?]|$).
		b.WriteString(`(?:` + delims + `$)?)`)
		last := ""
		if n := len(toks); n > 0 && toks[n-1].name == "" {
			last = toks[n-1].text
		}
		endsDelimited := len(toks) == 0 || (last != "" && strings.ContainsAny(last[len(last)-1:], "/#?"))
		if !endsDelimited {
			b.WriteString(`(?:` + delims + `|$)`)
		}
	}
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, fmt.Errorf("route path %s: %w", path, err)
	}
	p.re = re
	return p, nil
}

// match reports whether pathname matches, the matched part (the JS match's
// path) and the parameters.
func (p *pattern) match(pathname string) (matched string, params []Param, ok bool) {
	m := p.re.FindStringSubmatchIndex(pathname)
	if m == nil {
		return "", nil, false
	}
	matched = pathname[m[2]:m[3]]
	if len(p.keys) == 0 {
		return matched, nil, true
	}
	params = make([]Param, 0, len(p.keys))
	for i, k := range p.keys {
		lo, hi := m[4+2*i], m[5+2*i]
		if k.list {
			var segs []string
			if lo >= 0 {
				segs = strings.Split(pathname[lo:hi], "/")
			}
			params = append(params, Param{Name: k.name, Segments: segs, List: true})
			continue
		}
		if lo < 0 {
			continue // path-to-regexp leaves an unmatched group out of params
		}
		params = append(params, Param{Name: k.name, Value: pathname[lo:hi]})
	}
	return matched, params, true
}

// parseRoutePath tokenises a route path the way path-to-regexp v6 does after
// the platform's worker has escaped .+?^${}()|[]\ (leaving * alone so that
// ":name*" keeps working): ":name" is a parameter whose prefix is a "/" just
// before it (an escaped "." is never a prefix), a "*" right after a
// parameter makes it repeat, and everything else is literal.
func parseRoutePath(path string) ([]token, error) {
	var toks []token
	lit := ""
	for i := 0; i < len(path); {
		c := path[i]
		if c == ':' {
			j := i + 1
			for j < len(path) && isParamNameByte(path[j]) {
				j++
			}
			if j == i+1 {
				return nil, fmt.Errorf("route path %s: missing parameter name at %d", path, i)
			}
			prefix := ""
			if n := len(lit); n > 0 && lit[n-1] == '/' {
				prefix, lit = lit[n-1:], lit[:n-1]
			}
			if lit != "" {
				toks = append(toks, token{text: lit})
				lit = ""
			}
			t := token{name: path[i+1 : j], prefix: prefix}
			if j < len(path) && path[j] == '*' {
				t.list = true
				j++
			}
			toks = append(toks, t)
			i = j
			continue
		}
		if c == '*' {
			return nil, fmt.Errorf("route path %s: unexpected * at %d (only a [[name]] parameter may repeat)", path, i)
		}
		lit += path[i : i+1]
		i++
	}
	if lit != "" {
		toks = append(toks, token{text: lit})
	}
	return toks, nil
}

func isParamNameByte(c byte) bool {
	return c == '_' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}
