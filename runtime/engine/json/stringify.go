package json

import (
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// JSON.stringify (ECMA-262 §25.5.2) with V8's texts for its two errors. An
// ordinary object is walked in Go: its own enumerable names from Keys() and
// each value from Get, which runs getters as [[Get]] does; a Proxy, the
// names of a replacer array and a name holding a lone surrogate go through
// Object.keys and Reflect.get, so every trap runs in the spec's order.

var (
	typeInt    = reflect.TypeOf(int64(0))
	typeFloat  = reflect.TypeOf(float64(0))
	typeBool   = reflect.TypeOf(false)
	typeBigInt = reflect.TypeOf((*big.Int)(nil))
	typeProxy  = reflect.TypeOf(goja.Proxy{})
)

// maxDepth is how deep stringify nests before it throws, as V8 does when
// its stack runs out (near 10,000 levels in workerd).
const maxDepth = 20000

const (
	msgBigInt   = "Do not know how to serialize a BigInt"
	msgCircular = "Converting circular structure to JSON"
)

// key is a property name as the walk holds it: an array index, a Go string,
// or (for the slow paths) the JS string itself.
type key struct {
	idx   int64 // >= 0 for an array element
	s     string
	value goja.Value
}

func (k key) js(vm *goja.Runtime) goja.Value {
	switch {
	case k.value != nil:
		return k.value
	case k.idx >= 0:
		return vm.ToValue(strconv.FormatInt(k.idx, 10))
	}
	return vm.ToValue(k.s)
}

type frame struct {
	key key
	obj *goja.Object
}

type stringifier struct {
	c        *Codec
	vm       *goja.Runtime
	buf      []byte
	replacer goja.Callable
	propList []goja.Value // a replacer array's names, or nil
	hasList  bool
	gap      string
	indent   string
	stack    []frame
}

func (c *Codec) jsStringify(call goja.FunctionCall) goja.Value {
	return c.stringify(call.Argument(0), call.Argument(1), call.Argument(2))
}

// Stringify is JSON.stringify(v): a JS string, or undefined when v has no
// JSON form (undefined, a function, a symbol). It panics with the JS error
// a native function throws.
func (c *Codec) Stringify(v goja.Value) goja.Value {
	return c.stringify(v, goja.Undefined(), goja.Undefined())
}

func (c *Codec) stringify(value, replacer, space goja.Value) goja.Value {
	vm := c.vm
	s := &stringifier{c: c, vm: vm}
	if r, ok := replacer.(*goja.Object); ok {
		if f, ok := goja.AssertFunction(r); ok {
			s.replacer = f
		} else if c.call(c.isArray, goja.Undefined(), r).ToBoolean() {
			s.propertyList(r)
		}
	}
	if o, ok := space.(*goja.Object); ok {
		switch o.ClassName() {
		case "Number":
			space = o.ToNumber()
		case "String":
			space = o.ToString()
		}
	}
	if sp, ok := space.(goja.String); ok {
		if sp.Length() > 10 {
			sp = sp.Substring(0, 10)
		}
		s.gap = sp.String()
	} else if t := exportType(space); t == typeInt || t == typeFloat {
		n := space.ToFloat()
		if n >= 1 {
			s.gap = "          "[:int(math.Min(10, n))]
		}
	}
	var holder *goja.Object
	if s.replacer != nil {
		holder = vm.NewObject()
		_ = holder.DefineDataProperty("", value, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	s.buf = make([]byte, 0, 256)
	if !s.property(holder, key{idx: -1}, value) {
		return goja.Undefined()
	}
	return vm.ToValue(string(s.buf))
}

func exportType(v goja.Value) reflect.Type {
	if v == nil {
		return nil
	}
	return v.ExportType()
}

// propertyList is the PropertyList a replacer array gives.
func (s *stringifier) propertyList(r *goja.Object) {
	s.hasList = true
	length := toLength(r.Get("length"))
	seen := map[string]bool{}
	for i := int64(0); i < length; i++ {
		v := r.Get(strconv.FormatInt(i, 10))
		var item goja.Value
		switch x := v.(type) {
		case goja.String:
			item = x
		case *goja.Object:
			if cl := x.ClassName(); cl == "String" || cl == "Number" {
				item = x.ToString()
			}
		default:
			if t := exportType(v); t == typeInt || t == typeFloat {
				item = v.ToString()
			}
		}
		if item == nil {
			continue
		}
		k := source(item)
		if !seen[k] {
			seen[k] = true
			s.propList = append(s.propList, item)
		}
	}
}

func (s *stringifier) throw(msg string) {
	panic(s.vm.NewTypeError("%s", msg))
}

// property is SerializeJSONProperty for value, the value of k on holder
// (holder is only needed, and only made, for a replacer function). It
// appends the JSON text and reports false for undefined, appending nothing.
func (s *stringifier) property(holder *goja.Object, k key, value goja.Value) bool {
	vm := s.vm
	if value == nil {
		value = goja.Undefined()
	}
	if o, ok := value.(*goja.Object); ok {
		if f, ok := goja.AssertFunction(o.Get("toJSON")); ok {
			value = s.c.call(f, o, k.js(vm))
		}
	} else if _, ok := value.(goja.String); !ok && exportType(value) == typeBigInt {
		// GetV: the getter, if toJSON is one, sees the BigInt itself.
		if f, ok := goja.AssertFunction(s.c.call(s.c.reflectGet, goja.Undefined(), value.ToObject(vm), vm.ToValue("toJSON"), value)); ok {
			value = s.c.call(f, value, k.js(vm))
		}
	}
	if s.replacer != nil {
		value = s.c.call(s.replacer, holder, k.js(vm), value)
	}
	switch v := value.(type) {
	case *goja.Object:
		return s.object(k, v)
	case goja.String:
		s.quoteValue(v)
		return true
	case *goja.Symbol:
		return false
	}
	if value == nil || goja.IsUndefined(value) {
		return false
	}
	if goja.IsNull(value) {
		s.buf = append(s.buf, "null"...)
		return true
	}
	switch value.ExportType() {
	case typeBool:
		if value.ToBoolean() {
			s.buf = append(s.buf, "true"...)
		} else {
			s.buf = append(s.buf, "false"...)
		}
		return true
	case typeInt:
		s.buf = strconv.AppendInt(s.buf, value.ToInteger(), 10)
		return true
	case typeFloat:
		s.number(value)
		return true
	case typeBigInt:
		s.throw(msgBigInt)
	}
	return false
}

// number appends a Number as ToString(Number) does, and null for NaN and
// the infinities.
func (s *stringifier) number(v goja.Value) {
	f := v.ToFloat()
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
		s.buf = append(s.buf, "null"...)
	case f == math.Trunc(f) && math.Abs(f) < 1e15:
		s.buf = strconv.AppendInt(s.buf, int64(f), 10) // and -0 is "0"
	default:
		s.buf = append(s.buf, v.String()...)
	}
}

// object serializes an object value (after toJSON and the replacer).
func (s *stringifier) object(k key, o *goja.Object) bool {
	if s.c.anyRaw && o.Prototype() == nil && s.c.isRaw(o) {
		s.buf = append(s.buf, o.Get("rawJSON").String()...)
		return true
	}
	switch o.ClassName() {
	case "Array":
		s.array(k, o)
		return true
	case "Number":
		s.number(o.ToNumber())
		return true
	case "String":
		s.quoteValue(o.ToString())
		return true
	case "Boolean":
		if b, _ := o.Export().(bool); b {
			s.buf = append(s.buf, "true"...)
		} else {
			s.buf = append(s.buf, "false"...)
		}
		return true
	}
	if o.ExportType() == typeBigInt { // a BigInt object (goja gives it no class of its own)
		s.throw(msgBigInt)
	}
	if _, ok := goja.AssertFunction(o); ok {
		return false
	}
	proxy := o.ExportType() == typeProxy
	if proxy && s.c.call(s.c.isArray, goja.Undefined(), o).ToBoolean() {
		s.array(k, o)
		return true
	}
	s.members(k, o, proxy)
	return true
}

// push enters o, throwing V8's TypeError when it is already open.
func (s *stringifier) push(k key, o *goja.Object) {
	if len(s.stack) >= maxDepth {
		panic(s.c.newError(s.c.rangeError, "Maximum call stack size exceeded"))
	}
	for i := range s.stack {
		if s.stack[i].obj == o {
			s.throw(s.circular(k, i))
		}
	}
	s.stack = append(s.stack, frame{k, o})
}

func (s *stringifier) pop() {
	s.stack[len(s.stack)-1] = frame{}
	s.stack = s.stack[:len(s.stack)-1]
}

// newline starts a member on its own line when there is a gap.
func (s *stringifier) newline() {
	if s.gap != "" {
		s.buf = append(s.buf, '\n')
		s.buf = append(s.buf, s.indent...)
	}
}

func (s *stringifier) array(k key, o *goja.Object) {
	s.push(k, o)
	stepback := s.indent
	s.indent += s.gap
	length := toLength(o.Get("length"))
	if length == 0 {
		s.buf = append(s.buf, "[]"...)
	} else {
		s.buf = append(s.buf, '[')
		for i := int64(0); i < length; i++ {
			if i > 0 {
				s.buf = append(s.buf, ',')
			}
			s.newline()
			if !s.property(o, key{idx: i}, o.Get(strconv.FormatInt(i, 10))) {
				s.buf = append(s.buf, "null"...)
			}
		}
		s.indent = stepback
		s.newline()
		s.buf = append(s.buf, ']')
	}
	s.indent = stepback
	s.pop()
}

// members is SerializeJSONObject.
func (s *stringifier) members(k key, o *goja.Object, proxy bool) {
	s.push(k, o)
	stepback := s.indent
	s.indent += s.gap
	s.buf = append(s.buf, '{')
	any := false
	var names []string
	slow := proxy || s.hasList
	if !slow {
		names = o.Keys()
		for _, n := range names {
			if strings.Contains(n, "\uFFFD") { // perhaps a lone surrogate, which Keys() cannot give back
				slow = true
				break
			}
		}
	}
	if !slow {
		for _, n := range names {
			any = s.member(o, key{idx: -1, s: n}, o.Get(n), any)
		}
	} else {
		list := s.propList
		if !s.hasList {
			ks := s.c.call(s.c.keys, goja.Undefined(), o).(*goja.Object)
			n := ks.Get("length").ToInteger()
			list = make([]goja.Value, n)
			for i := range list {
				list[i] = ks.Get(strconv.Itoa(i))
			}
		}
		for _, name := range list {
			v := s.c.call(s.c.reflectGet, goja.Undefined(), o, name)
			any = s.member(o, key{idx: -1, value: name}, v, any)
		}
	}
	s.indent = stepback
	if any {
		s.newline()
	}
	s.buf = append(s.buf, '}')
	s.pop()
}

// member appends `"name":value` (after a comma when not the first), or
// nothing when the value has no JSON form. It reports whether any member
// has been written.
func (s *stringifier) member(o *goja.Object, k key, v goja.Value, any bool) bool {
	mark := len(s.buf)
	if any {
		s.buf = append(s.buf, ',')
	}
	s.newline()
	if k.value != nil {
		s.quoteValue(k.value)
	} else {
		s.quote(k.s)
	}
	s.buf = append(s.buf, ':')
	if s.gap != "" {
		s.buf = append(s.buf, ' ')
	}
	if !s.property(o, k, v) {
		s.buf = s.buf[:mark]
		return any
	}
	return true
}

const hexDigits = "0123456789abcdef"

// escapes[c] is what an ASCII byte becomes inside a JSON string: 0 for
// itself, else the escape's second character ('u' for \u00XX).
var escapes = func() (t [utf8.RuneSelf]byte) {
	for c := 0; c < 0x20; c++ {
		t[c] = 'u'
	}
	t['\b'], t['\f'], t['\n'], t['\r'], t['\t'] = 'b', 'f', 'n', 'r', 't'
	t['"'], t['\\'] = '"', '\\'
	return t
}()

// quote appends QuoteJSONString of valid UTF-8 text.
func (s *stringifier) quote(str string) {
	b := append(s.buf, '"')
	start := 0
	for i := 0; i < len(str); i++ {
		c := str[i]
		if c >= utf8.RuneSelf || escapes[c] == 0 {
			continue
		}
		b = append(b, str[start:i]...)
		b = appendEscape(b, uint16(c))
		start = i + 1
	}
	b = append(b, str[start:]...)
	s.buf = append(b, '"')
}

func appendEscape(b []byte, c uint16) []byte {
	if c < utf8.RuneSelf && escapes[c] != 'u' {
		return append(b, '\\', escapes[c])
	}
	return append(b, '\\', 'u', hexDigits[c>>12], hexDigits[c>>8&0xF], hexDigits[c>>4&0xF], hexDigits[c&0xF])
}

// quoteValue quotes a JS string; one holding a lone surrogate (which its
// Go form shows as U+FFFD) is read by code unit and the surrogate escaped.
func (s *stringifier) quoteValue(v goja.Value) {
	gs := v.String()
	str, ok := v.(goja.String)
	if !ok || !strings.Contains(gs, "\uFFFD") {
		s.quote(gs)
		return
	}
	b := append(s.buf, '"')
	n := str.Length()
	for i := 0; i < n; i++ {
		c := str.CharAt(i)
		switch {
		case c < utf8.RuneSelf:
			if escapes[c] != 0 {
				b = appendEscape(b, c)
			} else {
				b = append(b, byte(c))
			}
		case c >= 0xD800 && c <= 0xDBFF && i+1 < n && str.CharAt(i+1) >= 0xDC00 && str.CharAt(i+1) <= 0xDFFF:
			b = utf8.AppendRune(b, 0x10000+(rune(c)-0xD800)<<10+(rune(str.CharAt(i+1))-0xDC00))
			i++
		case c >= 0xD800 && c <= 0xDFFF:
			b = appendEscape(b, c)
		default:
			b = utf8.AppendRune(b, rune(c))
		}
	}
	s.buf = append(b, '"')
}

// circular is V8's description of the circle closed by key k at the object
// the stack holds at start (src/json/json-stringifier.cc,
// ConstructCircularStructureErrorMessage): the first two links, "..." for
// any more but the last, the last, and the key that closes it.
func (s *stringifier) circular(k key, start int) string {
	var b strings.Builder
	b.WriteString(msgCircular)
	b.WriteString("\n    --> starting at object with constructor ")
	s.constructorName(&b, s.stack[start].obj)
	i := start + 1
	for end := min(len(s.stack), i+2); i < end; i++ {
		s.line(&b, s.stack[i])
	}
	if len(s.stack) > i+1 {
		b.WriteString("\n    |     ...")
	}
	for i = max(i, len(s.stack)-1); i < len(s.stack); i++ {
		s.line(&b, s.stack[i])
	}
	b.WriteString("\n    --- ")
	s.keyText(&b, k)
	b.WriteString(" closes the circle")
	return b.String()
}

func (s *stringifier) line(b *strings.Builder, f frame) {
	b.WriteString("\n    |     ")
	s.keyText(b, f.key)
	b.WriteString(" -> object with constructor ")
	s.constructorName(b, f.obj)
}

func (s *stringifier) keyText(b *strings.Builder, k key) {
	switch {
	case k.value == nil && k.idx >= 0:
		b.WriteString("index ")
		b.WriteString(strconv.FormatInt(k.idx, 10))
	default:
		name := k.s
		if k.value != nil {
			name = k.value.String()
		}
		if name == "" {
			b.WriteString("<anonymous>")
			return
		}
		b.WriteString("property '")
		b.WriteString(name)
		b.WriteByte('\'')
	}
}

// constructorName is V8's GetConstructorName as far as a script can see
// it: the name of the constructor the object's "constructor" names, else
// its class.
func (s *stringifier) constructorName(b *strings.Builder, o *goja.Object) {
	name := ""
	if o.ExportType() != typeProxy {
		if ctor, ok := o.Get("constructor").(*goja.Object); ok {
			if _, ok := goja.AssertFunction(ctor); ok {
				if n, ok := ctor.Get("name").(goja.String); ok {
					name = n.String()
				}
			}
		}
	}
	if name == "" {
		name = o.ClassName()
	}
	b.WriteByte('\'')
	b.WriteString(name)
	b.WriteByte('\'')
}
