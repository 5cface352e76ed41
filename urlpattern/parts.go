package urlpattern

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

type partType uint8

const (
	partFixed partType = iota
	partRegexp
	partSegmentWildcard
	partFullWildcard
)

type modifier uint8

const (
	modNone modifier = iota
	modOptional
	modZeroOrMore
	modOneOrMore
)

func (m modifier) String() string {
	switch m {
	case modZeroOrMore:
		return "*"
	case modOptional:
		return "?"
	case modOneOrMore:
		return "+"
	}
	return ""
}

type part struct {
	typ      partType
	value    string
	modifier modifier
	name     string
	prefix   string
	suffix   string
}

// options are the per-component settings of spec 2.1.4.
type options struct {
	delimiter  string // "" or one ASCII code point
	prefix     string // "" or one ASCII code point
	ignoreCase bool
}

var (
	defaultOptions  = options{}
	hostnameOptions = options{delimiter: "."}
	pathnameOptions = options{delimiter: "/", prefix: "/"}
)

const fullWildcardRegexp = ".*"

func segmentWildcardRegexp(o options) string {
	return "[^" + escapeRegexpString(o.delimiter) + "]+?"
}

// encoder is an encoding callback: it canonicalizes a piece of fixed text.
type encoder func(string) (string, error)

type patternParser struct {
	tokens          []token
	encode          encoder
	segmentWildcard string
	parts           []part
	pending         string
	index           int
	nextNumericName int
}

// parsePattern is "parse a pattern string" (spec 2.1.5).
func parsePattern(input string, o options, enc encoder) ([]part, error) {
	toks, err := tokenize([]rune(input), strict)
	if err != nil {
		return nil, err
	}
	p := &patternParser{tokens: toks, encode: enc, segmentWildcard: segmentWildcardRegexp(o)}
	for p.index < len(p.tokens) {
		charTok := p.try(tokChar)
		nameTok := p.try(tokName)
		reTok := p.tryRegexpOrWildcard(nameTok)
		if nameTok != nil || reTok != nil {
			prefix := ""
			if charTok != nil {
				prefix = charTok.value
			}
			if prefix != "" && prefix != o.prefix {
				p.pending += prefix
				prefix = ""
			}
			if err := p.flushPending(); err != nil {
				return nil, err
			}
			mod := p.tryModifier()
			if err := p.addPart(prefix, nameTok, reTok, "", mod); err != nil {
				return nil, err
			}
			continue
		}
		fixed := charTok
		if fixed == nil {
			fixed = p.try(tokEscapedChar)
		}
		if fixed != nil {
			p.pending += fixed.value
			continue
		}
		if open := p.try(tokOpen); open != nil {
			prefix := p.consumeText()
			nameTok = p.try(tokName)
			reTok = p.tryRegexpOrWildcard(nameTok)
			suffix := p.consumeText()
			if err := p.require(tokClose, input, "a \"{\" group must be closed with \"}\""); err != nil {
				return nil, err
			}
			mod := p.tryModifier()
			if err := p.addPart(prefix, nameTok, reTok, suffix, mod); err != nil {
				return nil, err
			}
			continue
		}
		if err := p.flushPending(); err != nil {
			return nil, err
		}
		if err := p.require(tokEnd, input, "unexpected character"); err != nil {
			return nil, err
		}
	}
	return p.parts, nil
}

func (p *patternParser) try(typ tokenType) *token {
	t := &p.tokens[p.index]
	if t.typ != typ {
		return nil
	}
	p.index++
	return t
}

func (p *patternParser) tryModifier() *token {
	if t := p.try(tokOtherModifier); t != nil {
		return t
	}
	return p.try(tokAsterisk)
}

func (p *patternParser) tryRegexpOrWildcard(name *token) *token {
	t := p.try(tokRegexp)
	if name == nil && t == nil {
		t = p.try(tokAsterisk)
	}
	return t
}

func (p *patternParser) require(typ tokenType, input, why string) error {
	if p.try(typ) == nil {
		return &syntaxError{input: input, pos: p.tokens[p.index].index, why: why}
	}
	return nil
}

func (p *patternParser) consumeText() string {
	var sb strings.Builder
	for {
		t := p.try(tokChar)
		if t == nil {
			t = p.try(tokEscapedChar)
		}
		if t == nil {
			return sb.String()
		}
		sb.WriteString(t.value)
	}
}

// flushPending is "maybe add a part from the pending fixed value".
func (p *patternParser) flushPending() error {
	if p.pending == "" {
		return nil
	}
	enc, err := p.encode(p.pending)
	if err != nil {
		return err
	}
	p.pending = ""
	p.parts = append(p.parts, part{typ: partFixed, value: enc})
	return nil
}

// addPart is "add a part".
func (p *patternParser) addPart(prefix string, nameTok, reTok *token, suffix string, modTok *token) error {
	mod := modNone
	if modTok != nil {
		switch modTok.value {
		case "?":
			mod = modOptional
		case "*":
			mod = modZeroOrMore
		case "+":
			mod = modOneOrMore
		}
	}
	if nameTok == nil && reTok == nil && mod == modNone {
		p.pending += prefix
		return nil
	}
	if err := p.flushPending(); err != nil {
		return err
	}
	if nameTok == nil && reTok == nil {
		if prefix == "" {
			return nil
		}
		enc, err := p.encode(prefix)
		if err != nil {
			return err
		}
		p.parts = append(p.parts, part{typ: partFixed, value: enc, modifier: mod})
		return nil
	}
	var re string
	switch {
	case reTok == nil:
		re = p.segmentWildcard
	case reTok.typ == tokAsterisk:
		re = fullWildcardRegexp
	default:
		re = reTok.value
	}
	typ := partRegexp
	switch re {
	case p.segmentWildcard:
		typ, re = partSegmentWildcard, ""
	case fullWildcardRegexp:
		typ, re = partFullWildcard, ""
	}
	name := ""
	if nameTok != nil {
		name = nameTok.value
	} else {
		name = strconv.Itoa(p.nextNumericName)
		p.nextNumericName++
	}
	for _, q := range p.parts {
		if q.name == name {
			return invalid("duplicate group name %q", name)
		}
	}
	encPrefix, err := p.encode(prefix)
	if err != nil {
		return err
	}
	encSuffix, err := p.encode(suffix)
	if err != nil {
		return err
	}
	p.parts = append(p.parts, part{typ: typ, value: re, modifier: mod, name: name, prefix: encPrefix, suffix: encSuffix})
	return nil
}

// generateRegexp is "generate a regular expression and name list".
func generateRegexp(parts []part, o options) (string, []string) {
	var sb strings.Builder
	sb.WriteString("^")
	var names []string
	for _, p := range parts {
		if p.typ == partFixed {
			if p.modifier == modNone {
				sb.WriteString(escapeRegexpString(p.value))
			} else {
				sb.WriteString("(?:" + escapeRegexpString(p.value) + ")" + p.modifier.String())
			}
			continue
		}
		names = append(names, p.name)
		re := p.value
		switch p.typ {
		case partSegmentWildcard:
			re = segmentWildcardRegexp(o)
		case partFullWildcard:
			re = fullWildcardRegexp
		}
		if p.prefix == "" && p.suffix == "" {
			if p.modifier == modNone || p.modifier == modOptional {
				sb.WriteString("(" + re + ")" + p.modifier.String())
			} else {
				sb.WriteString("((?:" + re + ")" + p.modifier.String() + ")")
			}
			continue
		}
		pre, suf := escapeRegexpString(p.prefix), escapeRegexpString(p.suffix)
		if p.modifier == modNone || p.modifier == modOptional {
			sb.WriteString("(?:" + pre + "(" + re + ")" + suf + ")" + p.modifier.String())
			continue
		}
		sb.WriteString("(?:" + pre + "((?:" + re + ")(?:" + suf + pre + "(?:" + re + "))*)" + suf + ")")
		if p.modifier == modZeroOrMore {
			sb.WriteString("?")
		}
	}
	sb.WriteString("$")
	return sb.String(), names
}

// generatePatternString is "generate a pattern string": the normalized
// pattern the component getters return.
func generatePatternString(parts []part, o options) string {
	var sb strings.Builder
	for i, p := range parts {
		var prev, next *part
		if i > 0 {
			prev = &parts[i-1]
		}
		if i < len(parts)-1 {
			next = &parts[i+1]
		}
		if p.typ == partFixed {
			if p.modifier == modNone {
				sb.WriteString(escapePatternString(p.value))
				continue
			}
			sb.WriteString("{" + escapePatternString(p.value) + "}" + p.modifier.String())
			continue
		}
		custom := !isASCIIDigit(p.name[0])
		grouping := p.suffix != "" || (p.prefix != "" && p.prefix != o.prefix)
		if !grouping && custom && p.typ == partSegmentWildcard && p.modifier == modNone &&
			next != nil && next.prefix == "" && next.suffix == "" {
			if next.typ == partFixed {
				r, _ := utf8.DecodeRuneInString(next.value)
				grouping = next.value != "" && isNameCodePoint(r, false)
			} else {
				grouping = isASCIIDigit(next.name[0])
			}
		}
		if !grouping && p.prefix == "" && prev != nil && prev.typ == partFixed && o.prefix != "" &&
			strings.HasSuffix(prev.value, o.prefix) {
			grouping = true
		}
		if grouping {
			sb.WriteString("{")
		}
		sb.WriteString(escapePatternString(p.prefix))
		if custom {
			sb.WriteString(":" + p.name)
		}
		switch {
		case p.typ == partRegexp:
			sb.WriteString("(" + p.value + ")")
		case p.typ == partSegmentWildcard && !custom:
			sb.WriteString("(" + segmentWildcardRegexp(o) + ")")
		case p.typ == partFullWildcard:
			if !custom && (prev == nil || prev.typ == partFixed || prev.modifier != modNone || grouping || p.prefix != "") {
				sb.WriteString("*")
			} else {
				sb.WriteString("(" + fullWildcardRegexp + ")")
			}
		}
		if p.typ == partSegmentWildcard && custom && p.suffix != "" {
			if r, _ := utf8.DecodeRuneInString(p.suffix); isNameCodePoint(r, false) {
				sb.WriteString(`\`)
			}
		}
		sb.WriteString(escapePatternString(p.suffix))
		if grouping {
			sb.WriteString("}")
		}
		sb.WriteString(p.modifier.String())
	}
	return sb.String()
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

func escapeRegexpString(s string) string {
	return escapeWith(s, `.+*?^${}()[]|/\`)
}

func escapePatternString(s string) string {
	return escapeWith(s, `+*?:{}()\`)
}

func escapeWith(s, special string) string {
	if !strings.ContainsAny(s, special) {
		return s
	}
	var sb strings.Builder
	for _, c := range s {
		if strings.ContainsRune(special, c) {
			sb.WriteByte('\\')
		}
		sb.WriteRune(c)
	}
	return sb.String()
}
