// The inspector behind console.log and friends: values formatted the way
// Node's util.inspect does (nested objects and arrays with a depth limit,
// Map/Set, Date, errors with their stacks, cycles as [Circular *1], format
// specifiers). console.go holds the console object itself.

package console

import (
	_ "embed"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/web/clone"
	"edgedev/runtime/webidl"
)

//go:embed inspect.js
var inspectJS string

// inspectFile evaluates to the object of intrinsics an inspector calls.
var inspectFile = module.NewJSFile("edgedev:inspect.js", inspectJS)

// inspector formats JS values for humans, as Node's util.inspect does.
type inspector struct {
	vm         *goja.Runtime
	v8Error    func(*goja.Object) // module.Host's V8Error; nil in tests of the inspector alone
	views      *webidl.Kit
	hole       *goja.Object
	protoNames map[*goja.Object]string // built-in prototypes and their constructors' names
	fn         map[string]goja.Callable
	unbox      map[string]goja.Callable
}

// newInspector returns an inspector whose intrinsics are captured on first
// use (load): logging only strings never pays for them, and runtime
// creation stays cheap.
func newInspector(vm *goja.Runtime) *inspector {
	return &inspector{vm: vm}
}

// load captures the intrinsics the first time an object is formatted.
func (ins *inspector) load() {
	if ins.fn != nil {
		return
	}
	vm := ins.vm
	views, err := webidl.Of(vm)
	if err != nil {
		panic(err)
	}
	kv, err := inspectFile.Run(vm)
	if err != nil {
		panic(err)
	}
	kit := kv.ToObject(vm)
	ins.views, ins.hole = views, kit.Get("HOLE").ToObject(vm)
	fn, unbox := map[string]goja.Callable{}, map[string]goja.Callable{}
	for _, k := range kit.Keys() {
		if f, ok := goja.AssertFunction(kit.Get(k)); ok {
			fn[k] = f
		}
	}
	ub := kit.Get("unbox").ToObject(vm)
	for _, k := range ub.Keys() {
		unbox[k], _ = goja.AssertFunction(ub.Get(k))
	}
	protos := kit.Get("protos").ToObject(vm)
	ins.protoNames = map[*goja.Object]string{}
	for i := int64(0); i < protos.Get("length").ToInteger(); i += 2 {
		ins.protoNames[protos.Get(strconv.FormatInt(i, 10)).ToObject(vm)] = protos.Get(strconv.FormatInt(i+1, 10)).String()
	}
	ins.fn, ins.unbox = fn, unbox
}

func (ins *inspector) call(name string, args ...goja.Value) goja.Value {
	ins.load()
	v, err := ins.fn[name](goja.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	return v
}

type inspectOptions struct {
	depth      int
	showHidden bool
	singleLine bool // never break (console.table cells)
	nested     bool // quote top-level strings
}

// inspectRun is the state of formatting one value.
type inspectRun struct {
	*inspector
	opts     inspectOptions
	seen     []*goja.Object
	circular map[*goja.Object]int
	indent   int // columns of indentation at the current value
	deepest  int // depth of the object entered most recently
}

// inspect formats v as util.inspect(v) would.
func (ins *inspector) inspect(v goja.Value, opts inspectOptions) string {
	r := &inspectRun{inspector: ins, opts: opts}
	if s, ok := v.(goja.String); ok && !opts.nested {
		return s.String()
	}
	return r.value(v, 0)
}

// formatArgs formats console arguments: a leading string is a format string,
// then the rest follow, separated by spaces.
func (ins *inspector) formatArgs(args []goja.Value) string {
	if len(args) == 0 {
		return ""
	}
	first, ok := args[0].(goja.String)
	if !ok || len(args) == 1 || !strings.Contains(first.String(), "%") {
		return ins.joinArgs(args) // a lone format string prints as it is, "%%" included
	}
	f := first.String()
	rest := args[1:]
	var b strings.Builder
	last := 0
	for i := 0; i < len(f)-1; i++ {
		if f[i] != '%' {
			continue
		}
		c := f[i+1]
		if c == '%' {
			b.WriteString(f[last:i])
			b.WriteByte('%')
			last = i + 2
			i++
			continue
		}
		if len(rest) == 0 || !strings.ContainsRune("sdifjoOc", rune(c)) {
			continue
		}
		b.WriteString(f[last:i])
		b.WriteString(ins.specifier(c, rest[0]))
		rest = rest[1:]
		last = i + 2
		i++
	}
	b.WriteString(f[last:])
	if len(rest) > 0 {
		b.WriteByte(' ')
		b.WriteString(ins.joinArgs(rest))
	}
	return b.String()
}

func (ins *inspector) specifier(c byte, v goja.Value) string {
	_, isSym := v.(*goja.Symbol)
	_, isBig := v.Export().(interface{ Int64() int64 })
	bigint := func() bool { return isBig && isPrimitive(v) }
	switch c {
	case 's':
		if o, ok := v.(*goja.Object); ok && !ins.isFunction(o) {
			if ins.call("builtinToString", o).ToBoolean() {
				return ins.inspect(v, inspectOptions{depth: 0, nested: true})
			}
			return ins.call("toString", v).String()
		}
		switch {
		case bigint():
			return v.String() + "n"
		case isSym:
			return "Symbol(" + v.(*goja.Symbol).String() + ")"
		}
		if isNegZero(v) {
			return "-0"
		}
		return ins.call("toString", v).String()
	case 'd', 'i', 'f':
		switch {
		case isSym:
			return "NaN"
		case bigint() && c != 'f':
			return v.String() + "n"
		}
		var n goja.Value
		switch c {
		case 'd':
			n = ins.call("toNumber", v)
		case 'i':
			n = ins.call("parseInt", v)
		default:
			n = ins.call("parseFloat", v)
		}
		if isNegZero(n) {
			return "-0"
		}
		return n.String()
	case 'j':
		return ins.call("json", v).String()
	case 'o':
		return ins.inspect(v, inspectOptions{depth: 4, showHidden: true, nested: true})
	case 'O':
		return ins.inspect(v, inspectOptions{depth: 2, nested: true})
	}
	return "" // %c: CSS, meaningless in a terminal
}

func isPrimitive(v goja.Value) bool {
	_, isObj := v.(*goja.Object)
	return !isObj
}

func isNegZero(v goja.Value) bool {
	if isPrimitive(v) {
		if f, ok := v.Export().(float64); ok {
			return f == 0 && math.Signbit(f)
		}
	}
	return false
}

// joinArgs formats each argument (strings as they are) and joins them with
// spaces.
func (ins *inspector) joinArgs(args []goja.Value) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = ins.inspect(a, inspectOptions{depth: 2})
	}
	return strings.Join(parts, " ")
}

func (ins *inspector) isFunction(o *goja.Object) bool {
	_, ok := goja.AssertFunction(o)
	return ok
}

// breakLength is the width Node fits a value into before breaking it over
// lines.
const breakLength = 80

func (r *inspectRun) value(v goja.Value, depth int) string {
	o, ok := v.(*goja.Object)
	if !ok {
		return r.primitive(v, depth > 0 || r.opts.nested)
	}
	for _, s := range r.seen {
		if s == o {
			if r.circular == nil {
				r.circular = map[*goja.Object]int{}
			}
			idx, ok := r.circular[o]
			if !ok {
				idx = len(r.circular) + 1
				r.circular[o] = idx
			}
			return fmt.Sprintf("[Circular *%d]", idx)
		}
	}
	return r.object(o, depth)
}

// quoteString quotes s as Node does: single quotes unless s contains them,
// then double quotes, then backticks; control characters and lone
// surrogates (runes in the surrogate range) escaped.
func quoteString(s []rune) string {
	has := func(c rune) bool {
		for _, r := range s {
			if r == c {
				return true
			}
		}
		return false
	}
	q := '\''
	if has('\'') {
		switch {
		case !has('"'):
			q = '"'
		case !has('`') && !strings.Contains(string(s), "${"):
			q = '`'
		}
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteRune(q)
	for _, c := range s {
		switch {
		case c == q || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\b':
			b.WriteString(`\b`)
		case c == '\f':
			b.WriteString(`\f`)
		case c < 0x20 || c == 0x7F:
			fmt.Fprintf(&b, `\x%02X`, c)
		case c >= 0xD800 && c <= 0xDFFF:
			fmt.Fprintf(&b, `\u%04X`, c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteRune(q)
	return b.String()
}

// maxStringLength caps how much of one string is printed.
const maxStringLength = 10000

func (r *inspectRun) primitive(v goja.Value, quote bool) string {
	switch x := v.(type) {
	case goja.String:
		if !quote {
			s := x.String()
			if len(s) > maxStringLength {
				return s[:runeCut(s, maxStringLength)] + fmt.Sprintf("... %d more characters", len(s)-runeCut(s, maxStringLength))
			}
			return s
		}
		runes := jsRunes(x)
		more := ""
		if len(runes) > maxStringLength {
			more = fmt.Sprintf("... %d more characters", len(runes)-maxStringLength)
			runes = runes[:maxStringLength]
		}
		return quoteString(runes) + more
	case *goja.Symbol:
		return "Symbol(" + x.String() + ")"
	}
	if goja.IsUndefined(v) {
		return "undefined"
	}
	if goja.IsNull(v) {
		return "null"
	}
	if isNegZero(v) {
		return "-0"
	}
	if _, ok := v.Export().(interface{ Int64() int64 }); ok {
		return v.String() + "n"
	}
	return v.String()
}

// runeCut returns the largest index <= n that starts a rune of s.
func runeCut(s string, n int) int {
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return n
}

// jsRunes decodes a JS string into runes, keeping a lone surrogate as a rune
// of its own value (Go would turn it into U+FFFD) so it can be escaped.
func jsRunes(s goja.String) []rune {
	gs := s.String()
	if !strings.ContainsRune(gs, utf8.RuneError) {
		return []rune(gs)
	}
	n := s.Length()
	out := make([]rune, 0, n)
	for i := 0; i < n; i++ {
		c := s.CharAt(i)
		if c >= 0xD800 && c <= 0xDBFF && i+1 < n {
			if d := s.CharAt(i + 1); d >= 0xDC00 && d <= 0xDFFF {
				out = append(out, utf16.DecodeRune(rune(c), rune(d)))
				i++
				continue
			}
		}
		out = append(out, rune(c))
	}
	return out
}

// prop is one own property as the inspect kit reports it.
type prop struct {
	key   goja.Value
	kind  int64 // 0 data, 1 getter, 2 setter, 3 both; +4 when not enumerable
	value goja.Value
}

// propList converts the kit's flat [key, kind, value, ...] array.
func propList(a *goja.Object) []prop {
	n := int(a.Get("length").ToInteger()) / 3
	out := make([]prop, n)
	for i := range out {
		out[i] = prop{a.Get(strconv.Itoa(i * 3)), a.Get(strconv.Itoa(i*3 + 1)).ToInteger(), a.Get(strconv.Itoa(i*3 + 2))}
	}
	return out
}

func (r *inspectRun) object(o *goja.Object, depth int) string {
	r.load()
	vm := r.vm
	class, typ := o.ClassName(), o.ExportType()
	if typ == clone.TypeProxy {
		// Printed as its target, without running the proxy's traps.
		if t := o.Export().(goja.Proxy).Target(); t != nil {
			return r.value(t, depth)
		}
		return "[Proxy (revoked)]"
	}
	isTyped := (typ == webidl.TypeByteSlice || webidl.IsTypedArrayType(typ)) && r.views.TypedArrayName(o) != ""
	skipIdx := class == "Array" || class == "String" || isTyped
	// Most objects have a built-in prototype; naming their constructor in Go
	// saves a walk of the prototype chain in JS.
	known, isKnown := r.protoNames[o.Prototype()]
	d := r.call("describe", o, vm.ToValue(r.opts.showHidden), vm.ToValue(skipIdx), vm.ToValue(class == "Error"),
		vm.ToValue(r.opts.depth-depth), vm.ToValue(isKnown)).ToObject(vm)
	if d.Get("length").ToInteger() == 1 { // a custom inspect method answered
		res := d.Get("0")
		if s, ok := res.(goja.String); ok {
			return s.String()
		}
		return r.value(res, depth)
	}
	ctor, hasCtor, tag := known, true, ""
	if isKnown {
		if t, ok := o.GetSymbol(goja.SymToStringTag).(goja.String); ok && t.String() != ctor {
			tag = t.String()
		}
	} else {
		ctorV := d.Get("1")
		hasCtor = !goja.IsNull(ctorV)
		if hasCtor {
			ctor = ctorV.String()
		}
		if tag = d.Get("2").String(); tag == ctor {
			tag = ""
		}
	}
	props := propList(d.Get("3").ToObject(vm))

	var (
		base       string // text before the braces (function name, date, error stack)
		braces     [2]string
		output     []string
		isArray    bool   // output holds array-like elements
		emptyShort string // what to print when there is nothing inside
	)
	if fn, ok := goja.AssertFunction(o); ok && fn != nil {
		base = r.functionBase(o, ctor, tag)
		braces = [2]string{"{", "}"}
		emptyShort = base
	} else {
		switch {
		case class == "Array":
			isArray = true
			prefix := ""
			if ctor != "Array" || tag != "" {
				prefix = prefixOf(ctor, hasCtor, tag, "Array", fmt.Sprintf("(%d)", o.Get("length").ToInteger()))
			}
			braces = [2]string{prefix + "[", "]"}
			emptyShort = prefix + "[]"
		case isTyped:
			isArray = true
			n := o.Get("length").ToInteger()
			braces = [2]string{prefixOf(ctor, hasCtor, tag, r.views.TypedArrayName(o), fmt.Sprintf("(%d)", n)) + "[", "]"}
			emptyShort = braces[0] + "]"
		case typ == clone.TypeMapEntries:
			n := o.Get("size")
			braces = [2]string{prefixOf(ctor, hasCtor, tag, "Map", "("+n.String()+")") + "{", "}"}
			emptyShort = braces[0] + "}"
		case typ == clone.TypeAnySlice && class == "Object":
			n := o.Get("size")
			braces = [2]string{prefixOf(ctor, hasCtor, tag, "Set", "("+n.String()+")") + "{", "}"}
			emptyShort = braces[0] + "}"
		case class == "Date":
			base = r.call("date", o).String()
			if ctor != "Date" {
				base = prefixOf(ctor, hasCtor, tag, "Date", "") + base
			}
			braces = [2]string{"{", "}"}
			emptyShort = base
		case class == "RegExp":
			base = r.call("regexp", o).String()
			braces = [2]string{"{", "}"}
			emptyShort = base
		case class == "Error":
			base = r.errorBase(o)
			braces = [2]string{"{", "}"}
			emptyShort = base
		case class == "Boolean" || class == "Number" || class == "String" || (class == "Object" && (typ == clone.TypeBigInt || typ == clone.TypeString)):
			kind := class
			if typ == clone.TypeBigInt {
				kind = "BigInt"
			} else if class == "Object" {
				kind = "Symbol"
			}
			prim, err := r.unbox[kind](goja.Undefined(), o)
			if err != nil {
				panic(err)
			}
			base = "[" + kind + ": " + r.primitive(prim, true) + "]"
			braces = [2]string{"{", "}"}
			emptyShort = base
		case typ == clone.TypePromise:
			p := o.Export().(*goja.Promise)
			braces = [2]string{prefixOf(ctor, hasCtor, tag, "Promise", "") + "{", "}"}
			switch p.State() {
			case goja.PromiseStatePending:
				output = append(output, "<pending>")
			case goja.PromiseStateRejected:
				output = append(output, "<rejected> "+r.child(p.Result(), depth, 2))
			default:
				output = append(output, r.child(p.Result(), depth, 2))
			}
		case typ == webidl.TypeArrayBuffer:
			braces = [2]string{prefixOf(ctor, hasCtor, tag, "ArrayBuffer", "") + "{", "}"}
			ab := o.Export().(goja.ArrayBuffer)
			if ab.Detached() {
				output = append(output, "(detached)")
			} else {
				output = append(output, "[Uint8Contents]: <"+hexBytes(ab.Bytes(), 50)+">", fmt.Sprintf("byteLength: %d", len(ab.Bytes())))
			}
		case r.call("isWeakMap", o).ToBoolean() || r.call("isWeakSet", o).ToBoolean():
			braces = [2]string{prefixOf(ctor, hasCtor, tag, "Object", "") + "{", "}"}
			output = append(output, "<items unknown>")
		default:
			if r.views.IsView(o) {
				braces = [2]string{prefixOf(ctor, hasCtor, tag, "DataView", "") + "{", "}"}
				output = append(output,
					"byteLength: "+o.Get("byteLength").String(),
					"byteOffset: "+o.Get("byteOffset").String(),
					"buffer: "+r.child(o.Get("buffer"), depth, 2))
				break
			}
			prefix := ""
			switch {
			case class == "Arguments":
				prefix = "[Arguments] "
			case !hasCtor:
				prefix = prefixOf(ctor, hasCtor, tag, "Object", "")
			case ctor != "Object" || tag != "":
				prefix = prefixOf(ctor, hasCtor, tag, "Object", "")
			}
			braces = [2]string{prefix + "{", "}"}
			emptyShort = prefix + "{}"
		}
	}

	nprops := len(props)
	if class == "Error" {
		nprops = countErrorProps(props)
	}
	size := r.containerSize(o, class, typ)
	if output == nil && nprops == 0 && size == 0 {
		if emptyShort != "" {
			return emptyShort
		}
	}
	if depth > r.opts.depth {
		name := ctor
		if !hasCtor {
			name = "Object: null prototype"
		}
		if isArray && class == "Array" && name == "" {
			name = "Array"
		}
		return "[" + name + "]"
	}

	r.seen = append(r.seen, o)
	r.deepest = depth
	switch {
	case isArray:
		output = append(output, r.arrayItems(o, depth)...)
	case typ == clone.TypeMapEntries:
		entries := r.call("mapEntries", o).ToObject(vm)
		n := int(entries.Get("length").ToInteger())
		r.indent += 2
		for i := 0; i < n; i += 2 {
			k := r.value(entries.Get(strconv.Itoa(i)), depth+1)
			v := r.value(entries.Get(strconv.Itoa(i+1)), depth+1)
			output = append(output, k+" => "+v)
		}
		r.indent -= 2
	case typ == clone.TypeAnySlice && class == "Object":
		values := r.call("setValues", o).ToObject(vm)
		n := int(values.Get("length").ToInteger())
		r.indent += 2
		for i := 0; i < n; i++ {
			output = append(output, r.value(values.Get(strconv.Itoa(i)), depth+1))
		}
		r.indent -= 2
	}
	output = append(output, r.properties(props, depth, class == "Error")...)
	r.seen = r.seen[:len(r.seen)-1]

	if idx, ok := r.circular[o]; ok {
		ref := fmt.Sprintf("<ref *%d>", idx)
		if base == "" {
			base = ref
		} else {
			base = ref + " " + base
		}
	}
	return r.reduce(output, base, braces, isArray, depth, o)
}

func (r *inspectRun) containerSize(o *goja.Object, class string, typ reflect.Type) int64 {
	switch {
	case class == "Array", typ == webidl.TypeByteSlice, webidl.IsTypedArrayType(typ):
		if class == "Array" || r.views.TypedArrayName(o) != "" {
			return o.Get("length").ToInteger()
		}
	case typ == clone.TypeMapEntries, typ == clone.TypeAnySlice && class == "Object":
		return o.Get("size").ToInteger()
	}
	return 0
}

// countErrorProps counts the properties an error prints besides its stack.
func countErrorProps(props []prop) int {
	count := 0
	for _, p := range props {
		if !skipErrorProp(p.key) {
			count++
		}
	}
	return count
}

func skipErrorProp(k goja.Value) bool {
	if s, ok := k.(goja.String); ok {
		switch s.String() {
		case "stack", "message":
			return true
		}
	}
	return false
}

// child formats a value nested one level below depth, indented by extra.
func (r *inspectRun) child(v goja.Value, depth, extra int) string {
	r.indent += extra
	s := r.value(v, depth+1)
	r.indent -= extra
	return s
}

var identRe = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z_0-9]*$`)

func (r *inspectRun) properties(props []prop, depth int, isError bool) []string {
	var out []string
	for _, p := range props {
		k, kind := p.key, p.kind
		if isError && skipErrorProp(k) {
			continue
		}
		var name string
		if sym, ok := k.(*goja.Symbol); ok {
			name = "[Symbol(" + sym.String() + ")]"
		} else if ks := k.String(); identRe.MatchString(ks) {
			name = ks
		} else {
			name = quoteString([]rune(ks))
		}
		if kind&4 != 0 {
			name = "[" + name + "]"
		}
		switch kind &^ 4 {
		case 1:
			out = append(out, name+": [Getter]")
		case 2:
			out = append(out, name+": [Setter]")
		case 3:
			out = append(out, name+": [Getter/Setter]")
		default:
			out = append(out, name+": "+r.child(p.value, depth, 2))
		}
	}
	return out
}

// maxArrayLength is how many elements of an array are printed.
const maxArrayLength = 100

func (r *inspectRun) arrayItems(o *goja.Object, depth int) []string {
	n := o.Get("length").ToInteger()
	items := r.call("items", o, r.vm.ToValue(maxArrayLength)).ToObject(r.vm)
	shown := int(min(n, maxArrayLength))
	var out []string
	holes := 0
	flush := func() {
		if holes > 0 {
			s := "s"
			if holes == 1 {
				s = ""
			}
			out = append(out, fmt.Sprintf("<%d empty item%s>", holes, s))
			holes = 0
		}
	}
	r.indent += 2
	for i := 0; i < shown; i++ {
		v := items.Get(strconv.Itoa(i))
		if vo, ok := v.(*goja.Object); ok && vo == r.hole {
			holes++
			continue
		}
		flush()
		out = append(out, r.value(v, depth+1))
	}
	r.indent -= 2
	flush()
	if n > maxArrayLength {
		rest := n - maxArrayLength
		s := "s"
		if rest == 1 {
			s = ""
		}
		out = append(out, fmt.Sprintf("... %d more item%s", rest, s))
	}
	return out
}

// reduce joins the entries on one line when they fit, Node's rule: no more
// than three levels of objects below this one, the whole within 80 columns.
// Otherwise one entry per line, or, for arrays of more than six short
// entries, aligned columns.
func (r *inspectRun) reduce(output []string, base string, braces [2]string, array bool, depth int, o *goja.Object) string {
	if len(output) == 0 {
		b := braces[0] + braces[1]
		if base != "" {
			if braces[0] == "{" {
				return base
			}
			return base + " " + b
		}
		return b
	}
	entries := len(output)
	if array && entries > 6 && !r.opts.singleLine {
		output = r.groupColumns(output, o)
	}
	if r.opts.singleLine || (r.deepest-depth < 3 && entries == len(output)) {
		start := len(output) + r.indent + len(braces[0]) + len(base) + 10
		total := len(output) + start
		fits := !strings.Contains(base, "\n")
		for _, e := range output {
			total += displayWidth(e)
			if strings.Contains(e, "\n") {
				fits = false
			}
		}
		if r.opts.singleLine || (fits && total <= breakLength) {
			s := braces[0] + " " + strings.Join(output, ", ") + " " + braces[1]
			if base != "" {
				s = base + " " + s
			}
			return s
		}
	}
	ind := "\n" + strings.Repeat(" ", r.indent)
	s := braces[0] + ind + "  " + strings.Join(output, ","+ind+"  ") + ind + braces[1]
	if base != "" {
		s = base + " " + s
	}
	return s
}

// groupColumns lays out many short array entries in aligned columns, the
// way Node does, when at least three fit side by side.
func (r *inspectRun) groupColumns(output []string, o *goja.Object) []string {
	n := len(output)
	if strings.HasPrefix(output[n-1], "... ") {
		n-- // the "... more items" line stays on its own
	}
	const sep = 2 // ", "
	lens := make([]int, n)
	total, maxLen := 0, 0
	for i := 0; i < n; i++ {
		lens[i] = displayWidth(output[i])
		total += lens[i] + sep
		maxLen = max(maxLen, lens[i])
	}
	actualMax := maxLen + sep
	if actualMax*3+r.indent >= breakLength || (float64(total)/float64(actualMax) <= 5 && maxLen > 6) {
		return output
	}
	bias := math.Sqrt(float64(actualMax) - float64(total)/float64(len(output)))
	biasedMax := math.Max(float64(actualMax)-3-bias, 1)
	cols := min(
		int(math.Round(math.Sqrt(2.5*biasedMax*float64(n))/biasedMax)),
		(breakLength-r.indent)/actualMax,
		4*3, // Node's compact (3) times four
		15,
	)
	if cols <= 1 {
		return output
	}
	widths := make([]int, cols)
	for c := 0; c < cols; c++ {
		for j := c; j < n; j += cols {
			widths[c] = max(widths[c], lens[j])
		}
		widths[c] += sep
	}
	// Numbers are right-aligned, everything else left-aligned.
	rightAlign := r.allNumbers(o, n)
	var grouped []string
	for i := 0; i < n; i += cols {
		end := min(i+cols, n)
		var b strings.Builder
		for j := i; j < end; j++ {
			cell := output[j]
			if j < end-1 {
				cell += ", "
			}
			pad := widths[j-i] - lens[j]
			if j == end-1 {
				pad -= sep
				if !rightAlign {
					pad = 0
				}
			} else {
				pad -= sep
			}
			if pad < 0 {
				pad = 0
			}
			if rightAlign {
				b.WriteString(strings.Repeat(" ", pad) + cell)
			} else {
				b.WriteString(cell + strings.Repeat(" ", pad))
			}
		}
		grouped = append(grouped, strings.TrimRight(b.String(), " "))
	}
	if n < len(output) {
		grouped = append(grouped, output[n])
	}
	return grouped
}

func (r *inspectRun) allNumbers(o *goja.Object, n int) bool {
	if o == nil {
		return false
	}
	if r.views.TypedArrayName(o) != "" {
		return true
	}
	if o.ClassName() != "Array" {
		return false
	}
	items := r.call("items", o, r.vm.ToValue(n)).ToObject(r.vm)
	for i := 0; i < n; i++ {
		v := items.Get(strconv.Itoa(i))
		if _, isObj := v.(*goja.Object); isObj {
			return false
		}
		switch v.Export().(type) {
		case int64, float64:
		default:
			if _, big := v.Export().(interface{ Int64() int64 }); !big {
				return false
			}
		}
	}
	return true
}

// prefixOf is Node's getPrefix: "Foo(2) [Tag] " or "[Map(2): null prototype] ".
func prefixOf(ctor string, hasCtor bool, tag, fallback, size string) string {
	if !hasCtor {
		if tag != "" && tag != fallback {
			return "[" + fallback + size + ": null prototype] [" + tag + "] "
		}
		return "[" + fallback + size + ": null prototype] "
	}
	if tag != "" && tag != ctor {
		return ctor + size + " [" + tag + "] "
	}
	return ctor + size + " "
}

func (r *inspectRun) functionBase(o *goja.Object, ctor, tag string) string {
	info := r.call("fnInfo", o).ToObject(r.vm)
	typ, name := info.Get("0").String(), info.Get("1").String()
	if info.Get("2").ToBoolean() {
		s := "[class " + name
		if name == "" {
			s = "[class (anonymous)"
		}
		if ext := info.Get("3").String(); ext != "" {
			s += " extends " + ext
		}
		return s + "]"
	}
	s := "[" + typ
	if name == "" {
		s += " (anonymous)"
	} else {
		s += ": " + name
	}
	s += "]"
	if ctor == "" {
		s += " [null prototype]"
	}
	if tag != "" && tag != ctor && tag != typ {
		s += " [" + tag + "]"
	}
	return s
}

// errorBase is how an error prints: its stack, goja's frames rewritten to
// V8's "    at" form, or "[Name: message]" when it has no frames.
func (r *inspectRun) errorBase(o *goja.Object) string {
	if r.v8Error != nil {
		r.v8Error(o)
	}
	stack := ""
	if s := o.Get("stack"); s != nil && !goja.IsUndefined(s) && !goja.IsNull(s) {
		stack = s.String()
	}
	name, msg := "Error", ""
	if n := o.Get("name"); n != nil && !goja.IsUndefined(n) {
		name = n.String()
	}
	if m := o.Get("message"); m != nil && !goja.IsUndefined(m) {
		msg = m.String()
	}
	if stack == "" {
		head := name
		if msg != "" {
			head += ": " + msg
		}
		return "[" + head + "]"
	}
	lines := strings.Split(strings.TrimRight(stack, "\n"), "\n")
	var out []string
	for _, l := range lines {
		t := strings.TrimLeft(l, " \t")
		if strings.HasPrefix(t, "at ") && l != t {
			if module.OwnFrame(t) {
				continue
			}
			l = "    " + module.FrameText(t)
		}
		out = append(out, l)
	}
	s := strings.Join(out, "\n")
	if !strings.Contains(s, "\n    at ") {
		s = "[" + s + "]"
	}
	if r.indent > 0 {
		s = strings.ReplaceAll(s, "\n", "\n"+strings.Repeat(" ", r.indent))
	}
	return s
}

func hexBytes(b []byte, limit int) string {
	n := min(len(b), limit)
	parts := make([]string, n)
	for i := 0; i < n; i++ {
		parts[i] = fmt.Sprintf("%02x", b[i])
	}
	s := strings.Join(parts, " ")
	if len(b) > limit {
		s += fmt.Sprintf(" ... %d more byte", len(b)-limit)
		if len(b)-limit > 1 {
			s += "s"
		}
	}
	return s
}
