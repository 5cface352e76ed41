package json

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// The parser reads the text as bytes: UTF-8, or WTF-8 when the JS string it
// came from holds a lone surrogate (see source). It follows V8's
// src/json/json-parser.cc step by step where an error can arise, so that
// every error has V8's message at V8's position; positions, lines and
// columns count UTF-16 code units, as V8's do, and are worked out only when
// an error is thrown.

// syntaxError is what the parser panics with; Parse turns it into a
// SyntaxError. No user code runs while parsing, so nothing else can panic
// through it.
type syntaxError struct{ msg goja.Value }

// token is V8's JsonToken for the character at the cursor.
type token uint8

const (
	tNumber token = iota
	tString
	tLBrace
	tRBrace
	tLBrack
	tRBrack
	tTrue
	tFalse
	tNull
	tWhitespace
	tColon
	tComma
	tIllegal
	tEOS
)

var oneCharTokens = func() (t [256]token) {
	for i := range t {
		t[i] = tIllegal
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = tNumber
	}
	t['-'] = tNumber
	t['"'] = tString
	t['['], t['{'], t[']'], t['}'] = tLBrack, tLBrace, tRBrack, tRBrace
	t['t'], t['f'], t['n'] = tTrue, tFalse, tNull
	t[' '], t['\t'], t['\r'], t['\n'] = tWhitespace, tWhitespace, tWhitespace, tWhitespace
	t[':'], t[','] = tColon, tComma
	return t
}()

// node is the source-text record kept for a reviver (the JSON.parse source
// text access proposal, which V8 ships): for a primitive its source text,
// for an array or object its members' nodes, and the value parsed.
type node struct {
	value  goja.Value
	source string           // a primitive's text ("" for an array or object)
	elems  []*node          // an array's elements
	props  map[string]*node // an object's members, the last of a duplicated name
	prim   bool
}

type parser struct {
	c     *Codec
	vm    *goja.Runtime
	src   string
	pos   int
	track bool // keep nodes for a reviver

	stack []any    // array elements being collected, for every open array (each a goja.Value)
	u16   []uint16 // scratch for decoding a string with escapes or non-ASCII text
}

// parse parses the whole of src, throwing V8's SyntaxError.
func (c *Codec) parse(src string, track bool) (v goja.Value, n *node) {
	p := &parser{c: c, vm: c.vm, src: src, track: track}
	defer func() {
		c.strings.clear()
		c.numbers.clear()
		if r := recover(); r != nil {
			if e, ok := r.(syntaxError); ok {
				panic(c.newSyntaxError(e.msg))
			}
			panic(r)
		}
	}()
	v, n = p.value()
	if p.peek() != tEOS {
		p.fail(tIllegal, msgNonWhitespace)
	}
	return v, n
}

// peek skips whitespace and returns the token at the cursor.
func (p *parser) peek() token {
	for p.pos < len(p.src) {
		if t := oneCharTokens[p.src[p.pos]]; t != tWhitespace {
			return t
		}
		p.pos++
	}
	return tEOS
}

// expect consumes t (after whitespace) or fails with msg (or, when msg is
// empty, with the message for the token found).
func (p *parser) expect(t token, msg string) {
	if got := p.peek(); got != t {
		p.fail(got, msg)
	}
	p.pos++
}

func (p *parser) value() (goja.Value, *node) {
	switch t := p.peek(); t {
	case tString:
		start := p.pos
		p.pos++
		v := p.stringValue()
		if p.track {
			return v, &node{value: v, source: p.src[start:p.pos], prim: true}
		}
		return v, nil
	case tNumber:
		start := p.pos
		v := p.number()
		if p.track {
			return v, &node{value: v, source: p.src[start:p.pos], prim: true}
		}
		return v, nil
	case tLBrace:
		p.pos++
		return p.object()
	case tLBrack:
		p.pos++
		return p.array()
	case tTrue:
		p.literal("true")
		return p.prim(p.vm.ToValue(true), "true")
	case tFalse:
		p.literal("false")
		return p.prim(p.vm.ToValue(false), "false")
	case tNull:
		p.literal("null")
		return p.prim(goja.Null(), "null")
	default:
		p.unexpectedChar()
		return nil, nil
	}
}

func (p *parser) prim(v goja.Value, src string) (goja.Value, *node) {
	if p.track {
		return v, &node{value: v, source: src, prim: true}
	}
	return v, nil
}

func (p *parser) object() (goja.Value, *node) {
	if p.peek() == tRBrace {
		p.pos++
		o := p.vm.NewObject()
		if p.track {
			return o, &node{value: o, props: map[string]*node{}}
		}
		return o, nil
	}
	o := p.vm.CreateObject(nil) // Object.prototype comes once the members are in: see define
	var n *node
	if p.track {
		n = &node{value: o, props: map[string]*node{}}
	}
	p.expect(tString, msgExpectedPropNameOrRBrace)
	for {
		key, keyValue := p.key()
		p.expect(tColon, msgExpectedColon)
		v, vn := p.value()
		p.define(o, key, keyValue, v)
		if n != nil {
			if keyValue != nil {
				key = source(keyValue)
			}
			n.props[key] = vn
		}
		if p.peek() != tComma {
			break
		}
		p.pos++
		p.expect(tString, msgExpectedDoubleQuotedPropName)
	}
	p.expect(tRBrace, msgExpectedCommaOrRBrace)
	_ = o.SetPrototype(p.c.objectProto)
	return o, n
}

// define makes key an own data property of o, as CreateDataProperty does
// (never a setter on Object.prototype, and "__proto__" is a plain name).
func (p *parser) define(o *goja.Object, key string, keyValue goja.Value, v goja.Value) {
	if keyValue != nil { // a name holding a lone surrogate, which a Go string cannot carry
		p.c.defineValueKey(o, keyValue, v)
		return
	}
	// o has no prototype yet (object sets it last), so [[Set]] defines
	// the property as CreateDataProperty does, "__proto__" included, and
	// costs less in goja than a define (which makes a descriptor).
	_ = o.Set(key, v)
}

func (p *parser) array() (goja.Value, *node) {
	var n *node
	if p.track {
		n = &node{}
	}
	if p.peek() == tRBrack {
		p.pos++
		a := p.vm.NewArray()
		if n != nil {
			n.value = a
		}
		return a, n
	}
	base := len(p.stack)
	for {
		v, vn := p.value()
		p.stack = append(p.stack, v)
		if n != nil {
			n.elems = append(n.elems, vn)
		}
		if p.peek() != tComma {
			break
		}
		p.pos++
	}
	p.expect(tRBrack, msgExpectedCommaOrRBrack)
	// NewArray copies its arguments into the array's own storage, so the
	// stack can pass them in place.
	a := p.vm.NewArray(p.stack[base:]...)
	clear(p.stack[base:])
	p.stack = p.stack[:base]
	if n != nil {
		n.value = a
	}
	return a, n
}

// literal consumes true, false or null, as V8's ScanLiteral does.
func (p *parser) literal(s string) {
	if len(p.src)-p.pos >= len(s) && p.src[p.pos:p.pos+len(s)] == s {
		p.pos += len(s)
		return
	}
	p.pos++
	for i := 1; i < len(s); i++ {
		if p.pos >= len(p.src) {
			p.fail(tEOS, "")
		}
		if p.src[p.pos] != s[i] {
			p.unexpectedChar()
		}
		p.pos++
	}
	p.fail(tEOS, "")
}

// unexpectedChar fails at the cursor with the message for its character.
func (p *parser) unexpectedChar() {
	if p.pos >= len(p.src) {
		p.fail(tEOS, "")
	}
	p.fail(oneCharTokens[p.src[p.pos]], "")
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// cur is the byte at the cursor, or 0 at the end (which no rule accepts).
func (p *parser) cur() byte {
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

func isNumberPart(c byte) bool {
	return isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+'
}

// number is V8's ParseJsonNumber.
func (p *parser) number() goja.Value {
	start := p.pos
	neg := false
	if p.src[p.pos] == '-' {
		neg = true
		p.pos++
	}
	if p.cur() == '0' {
		p.pos++
		c := p.cur()
		if isNumberPart(c) {
			if isDigit(c) {
				p.fail(tNumber, "")
			}
		} else if !neg {
			return p.vm.ToValue(int64(0))
		}
	} else {
		digits := p.pos
		var n int64
		for p.pos < len(p.src) && isDigit(p.src[p.pos]) {
			n = n*10 + int64(p.src[p.pos]-'0')
			p.pos++
		}
		if p.pos == digits {
			p.fail(tIllegal, msgNoNumberAfterMinus)
		}
		if p.pos-digits <= 15 && !isNumberPart(p.cur()) {
			if n < 256 && !neg {
				return p.vm.ToValue(n) // goja boxes these without allocating
			}
			return p.cachedNumber(p.src[start:p.pos], n, neg)
		}
	}
	if p.cur() == '.' {
		p.pos++
		if !isDigit(p.cur()) {
			p.fail(tIllegal, msgUnterminatedFraction)
		}
		for p.pos < len(p.src) && isDigit(p.src[p.pos]) {
			p.pos++
		}
	}
	if c := p.cur(); c == 'e' || c == 'E' {
		p.pos++
		if c := p.cur(); c == '-' || c == '+' {
			p.pos++
		}
		if !isDigit(p.cur()) {
			p.fail(tIllegal, msgExponentMissing)
		}
		for p.pos < len(p.src) && isDigit(p.src[p.pos]) {
			p.pos++
		}
	}
	text := p.src[start:p.pos]
	if e := p.c.numbers.lookup(text); e != nil {
		return e.v
	}
	f, _ := strconv.ParseFloat(text, 64) // the grammar is a subset of Go's; out of range gives ±Inf or 0
	if f == 0 && neg {
		f = math.Copysign(0, -1)
	}
	v := p.vm.ToValue(f)
	p.c.numbers.store(text, v)
	return v
}

func (p *parser) cachedNumber(text string, n int64, neg bool) goja.Value {
	if e := p.c.numbers.lookup(text); e != nil {
		return e.v
	}
	if neg {
		n = -n
	}
	v := p.vm.ToValue(n)
	p.c.numbers.store(text, v)
	return v
}

// cached is the JS string of ASCII text, shared with the text's earlier
// occurrences in this parse.
func (p *parser) cached(c *valueCache, s string) goja.Value {
	if e := c.lookup(s); e != nil {
		return e.v
	}
	v := p.vm.ToValue(s)
	c.store(s, v)
	return v
}

// valueCache remembers the values of short tokens during one parse, so
// that a name or number repeated across an array of objects is boxed once
// (each vm.ToValue of a string or a number allocates). It is cleared after
// the parse, so that it keeps no source alive.
type valueCache struct {
	entries [256]cacheEntry
	used    []uint8
}

type cacheEntry struct {
	s string
	v goja.Value
}

const maxCached = 24 // longer tokens are rarely repeated

func cacheSlot(s string) uint8 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return uint8(h ^ h>>8 ^ h>>16)
}

func (c *valueCache) lookup(s string) *cacheEntry {
	if len(s) > maxCached {
		return nil
	}
	if e := &c.entries[cacheSlot(s)]; e.v != nil && e.s == s {
		return e
	}
	return nil
}

func (c *valueCache) store(s string, v goja.Value) {
	if len(s) > maxCached {
		return
	}
	i := cacheSlot(s)
	if c.entries[i].v == nil {
		c.used = append(c.used, i)
	}
	c.entries[i] = cacheEntry{s, v}
}

func (c *valueCache) clear() {
	for _, i := range c.used {
		c.entries[i] = cacheEntry{}
	}
	c.used = c.used[:0]
}

// scanString moves past a string's closing quote (the cursor is just after
// the opening one) and reports where its text is and what it holds.
func (p *parser) scanString() (start, end int, escapes, nonASCII bool) {
	start = p.pos
	for {
		if p.pos >= len(p.src) {
			p.fail(tIllegal, msgUnterminatedString)
		}
		c := p.src[p.pos]
		switch {
		case c == '"':
			end = p.pos
			p.pos++
			return
		case c == '\\':
			escapes = true
			p.pos++
			if p.pos >= len(p.src) {
				p.fail(tEOS, "")
			}
			switch p.src[p.pos] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				for i := 0; i < 4; i++ {
					p.pos++
					if p.pos >= len(p.src) || hexVal(p.src[p.pos]) < 0 {
						p.fail(tIllegal, msgBadUnicodeEscape)
					}
				}
			default:
				// V8 reads past Latin-1 as an unexpected token, not a bad escape.
				if r, _ := decodeWTF8(p.src[p.pos:]); r > 0xFF {
					p.fail(tIllegal, "")
				}
				p.fail(tIllegal, msgBadEscapedChar)
			}
			p.pos++
		case c < 0x20:
			p.fail(tIllegal, msgBadControlChar)
		case c >= utf8.RuneSelf:
			nonASCII = true
			p.pos++
		default:
			p.pos++
		}
	}
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// stringValue scans a string and makes its JS value.
func (p *parser) stringValue() goja.Value {
	start, end, escapes, nonASCII := p.scanString()
	raw := p.src[start:end]
	if !escapes && !nonASCII {
		return p.cached(&p.c.strings, raw)
	}
	if !escapes && !hasSurrogate(raw) {
		return p.vm.ToValue(raw) // goja makes the UTF-16 form itself
	}
	return p.decode(raw)
}

// key scans a property name. It comes back as a Go string, or, when the
// name holds a lone surrogate, also as the JS string to define it by.
func (p *parser) key() (string, goja.Value) {
	start, end, escapes, nonASCII := p.scanString()
	raw := p.src[start:end]
	if !escapes && (!nonASCII || !hasSurrogate(raw)) {
		return raw, nil
	}
	v := p.decode(raw)
	if s, ok := p.utf8(); ok {
		return s, nil
	}
	return "", v
}

// decode makes the JS string of raw (a string's text between its quotes),
// leaving its code units in p.u16.
func (p *parser) decode(raw string) goja.Value {
	u := p.u16[:0]
	for i := 0; i < len(raw); {
		c := raw[i]
		if c == '\\' {
			i++
			switch raw[i] {
			case 'b':
				u = append(u, '\b')
			case 'f':
				u = append(u, '\f')
			case 'n':
				u = append(u, '\n')
			case 'r':
				u = append(u, '\r')
			case 't':
				u = append(u, '\t')
			case 'u':
				u = append(u, uint16(hexVal(raw[i+1])<<12|hexVal(raw[i+2])<<8|hexVal(raw[i+3])<<4|hexVal(raw[i+4])))
				i += 4
			default:
				u = append(u, uint16(raw[i]))
			}
			i++
			continue
		}
		if c < utf8.RuneSelf {
			u = append(u, uint16(c))
			i++
			continue
		}
		r, size := decodeWTF8(raw[i:])
		i += size
		if r >= 0x10000 {
			r -= 0x10000
			u = append(u, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
		} else {
			u = append(u, uint16(r))
		}
	}
	p.u16 = u
	return goja.StringFromUTF16(u)
}

// utf8 gives p.u16 as a Go string, unless it holds a lone surrogate.
func (p *parser) utf8() (string, bool) {
	b := make([]byte, 0, len(p.u16))
	u := p.u16
	for i := 0; i < len(u); i++ {
		c := rune(u[i])
		if c >= 0xD800 && c <= 0xDFFF {
			if c <= 0xDBFF && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF {
				c = 0x10000 + (c-0xD800)<<10 + rune(u[i+1]-0xDC00)
				i++
			} else {
				return "", false
			}
		}
		b = utf8.AppendRune(b, c)
	}
	return string(b), true
}

// hasSurrogate says whether WTF-8 text holds an encoded surrogate (ED A0..BF).
func hasSurrogate(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xED && s[i+1] >= 0xA0 {
			return true
		}
	}
	return false
}

// decodeWTF8 decodes one code point of UTF-8 that may encode a surrogate.
func decodeWTF8(s string) (rune, int) {
	if len(s) >= 3 && s[0] == 0xED && s[1] >= 0xA0 {
		return rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s)
}
