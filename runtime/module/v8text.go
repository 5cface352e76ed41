package module

import (
	"regexp"
	"strings"
)

// Workers run on V8, and a user compares what edgedev shows with what the
// platform shows: V8 says "Cannot read properties of undefined (reading 'x')"
// where goja says "Cannot read property 'x' of undefined". v8Rows is the one
// table from goja's texts for the runtime errors users meet most to V8's
// (src/common/message-template.h; the V8 texts were checked against
// wrangler 4.86.0, see runtime/v8text_test.go).
//
// goja's message often lacks what V8 prints: the callee ("o.y is not a
// function"; goja: "Object has no member 'y'"), the variable, the
// destructured property. V8 prints them from the source text at the throw, so
// V8Message reads the same text, the Site, when the host has it.
//
// What neither text can tell: goja says "undefined" for null when reading
// or setting a property, so null is shown as undefined; the class in "Class
// constructor X" is named after the callee, which is the class's own name
// unless the class was stored under another one; and for a literal
// (`const { a } = null`) goja points at the function, not the pattern, so
// that destructure keeps goja's text. A user's own `new TypeError(...)`
// with one of goja's texts word for word is rewritten like goja's.

// Site is where goja threw: the source line of the innermost JS frame and
// the 1-based byte column goja reports in it (Line is "" when the host does
// not have the source). Native says the innermost frame is a built-in, Func
// its name (map, when Array.prototype.map was given no function).
type Site struct {
	Line   string
	Col    int
	Native bool
	Func   string
}

type v8Row struct {
	name string         // the error's name
	goja *regexp.Regexp // goja's message
	// v8 is V8's template, a % for each argument; args fills them from
	// goja's submatches and the site, or says false: no sure V8 text, keep
	// goja's. A nil args means goja's text is V8's already (the row is here
	// so the test pins goja's text down).
	v8   string
	args func(m []string, s Site) ([]string, bool)
}

var v8Rows = []v8Row{
	{"TypeError", regexp.MustCompile(`^Cannot read property 'Symbol\.iterator' of undefined(?: or null)?$`),
		"undefined is not iterable (cannot read property Symbol(Symbol.iterator))", none},
	{"TypeError", regexp.MustCompile(`^Cannot read property '(.*)' of undefined(?: or null)?$`),
		"Cannot read properties of % (reading '%')", readProperty},
	{"TypeError", regexp.MustCompile(`^Cannot convert undefined or null to object$`),
		"", setOrIterate},
	// "% is not a function", or "% is not a constructor" after new.
	{"TypeError", regexp.MustCompile(`^Object has no member '.*'$`), "", callee},
	{"TypeError", regexp.MustCompile(`^Not a function: .*$`), "", callee},
	{"TypeError", regexp.MustCompile(`^Value is not (?:an object|callable): (.*)$`), "", calleeOrValue},
	{"TypeError", regexp.MustCompile(`^Value is not a constructor$`), "% is not a constructor", constructed},
	{"TypeError", regexp.MustCompile(`^Class constructor cannot be invoked without 'new'$`),
		"Class constructor % cannot be invoked without 'new'", className},
	{"TypeError", regexp.MustCompile(`^object is not iterable$`), "% is not iterable", iterated},
	{"TypeError", regexp.MustCompile(`^Value is not object coercible$`),
		"Cannot destructure property '%' of '%' as it is %.", destructured},
	{"ReferenceError", regexp.MustCompile(`^Cannot access a variable before initialization$`),
		"Cannot access '%' before initialization", identifierAt},
	{"TypeError", regexp.MustCompile(`^No initial value$`), "Reduce of empty array with no initial value", none},
	{"TypeError", regexp.MustCompile(`^Expecting a function in instanceof check, but got .*$`),
		"Right-hand side of 'instanceof' is not callable", none},
	{"TypeError", regexp.MustCompile(`^Could not convert .* to primitive$`), "Cannot convert object to primitive value", none},
	{"TypeError", regexp.MustCompile(`^Constructor Promise requires 'new'$`),
		"Promise constructor cannot be invoked without 'new'", none},
	{"ReferenceError", regexp.MustCompile(`^Must call super constructor in derived class before accessing 'this'$`),
		"Must call super constructor in derived class before accessing 'this' or returning from derived constructor", none},
	{"URIError", regexp.MustCompile(`^Malformed URI$`), "URI malformed", none},
	{"RangeError", regexp.MustCompile(`^toFixed\(\) precision must be between 0 and 100$`),
		"toFixed() digits argument must be between 0 and 100", none},
	{"RangeError", regexp.MustCompile(`^toPrecision\(\) precision must be between 1 and 100$`),
		"toPrecision() argument must be between 1 and 100", none},
	{"RangeError", regexp.MustCompile(`^Cannot convert (.*) to a BigInt$`),
		"The number % cannot be converted to a BigInt because it is not an integer", submatch},
	{"RangeError", regexp.MustCompile(`^The normalization form should be one of NFC, NFD, NFKC, NFKD$`),
		"The normalization form should be one of NFC, NFD, NFKC, NFKD.", none},
	// goja's text is V8's.
	{"ReferenceError", regexp.MustCompile(`^.+ is not defined$`), "", nil},
	{"TypeError", regexp.MustCompile(`^Assignment to constant variable\.$`), "", nil},
	{"RangeError", regexp.MustCompile(`^Invalid array length$`), "", nil},
	{"TypeError", regexp.MustCompile(`^Cannot mix BigInt and other types, use explicit conversions$`), "", nil},
	{"RangeError", regexp.MustCompile(`^Invalid time value$`), "", nil},
	{"TypeError", regexp.MustCompile(`^Cannot add property .*, object is not extensible$`), "", nil},
	{"TypeError", regexp.MustCompile(`^Cannot convert a (?:Symbol|BigInt) value to a (?:string|number)$`), "", nil},
	{"TypeError", regexp.MustCompile(`^Object prototype may only be an Object or null: .*$`), "", nil},
	{"TypeError", regexp.MustCompile(`^Cannot redefine property: .*$`), "", nil},
	{"TypeError", regexp.MustCompile(`^Constructor .* requires 'new'$`), "", nil},
	{"RangeError", regexp.MustCompile(`^toString\(\) radix argument must be between 2 and 36$`), "", nil},
}

// V8Candidate reports whether name: msg is one of the table's goja texts
// that V8 words otherwise, so the rejection tracker and console read an
// error's stack (which formats every frame) only for those.
func V8Candidate(name, msg string) bool {
	if !mayBeGoja(msg) {
		return false
	}
	for i := range v8Rows {
		if r := &v8Rows[i]; r.args != nil && r.name == name && r.goja.MatchString(msg) {
			return true
		}
	}
	return false
}

// mayBeGoja is a first look cheaper than the table's expressions.
func mayBeGoja(msg string) bool {
	switch {
	case strings.HasPrefix(msg, "Cannot "), strings.HasPrefix(msg, "Value is not"), strings.HasPrefix(msg, "Object has no"),
		strings.HasPrefix(msg, "Not a function"), strings.HasPrefix(msg, "Class constructor"), msg == "object is not iterable",
		msg == "No initial value", strings.HasPrefix(msg, "Expecting a function"), strings.HasPrefix(msg, "Could not convert"),
		strings.HasPrefix(msg, "Constructor Promise"), strings.HasPrefix(msg, "Must call super"), msg == "Malformed URI",
		strings.HasPrefix(msg, "to"), strings.HasPrefix(msg, "The normalization"):
		return true
	}
	return false
}

// V8Message returns V8's message for the error goja raised as name with msg
// at site, and whether it differs from msg.
func V8Message(name, msg string, site Site) (string, bool) {
	if !mayBeGoja(msg) {
		return msg, false
	}
	for i := range v8Rows {
		r := &v8Rows[i]
		if r.name != name {
			continue
		}
		m := r.goja.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		if r.args == nil {
			return msg, false
		}
		args, ok := r.args(m, site)
		if !ok {
			return msg, false
		}
		tmpl := r.v8
		if tmpl == "" { // args picks the template
			tmpl, args = args[0], args[1:]
		}
		out := fill(tmpl, args)
		return out, out != msg
	}
	return msg, false
}

func fill(tmpl string, args []string) string {
	var b strings.Builder
	for _, a := range args {
		i := strings.IndexByte(tmpl, '%')
		if i < 0 {
			break
		}
		b.WriteString(tmpl[:i])
		b.WriteString(a)
		tmpl = tmpl[i+1:]
	}
	b.WriteString(tmpl)
	return b.String()
}

func none([]string, Site) ([]string, bool) { return nil, true }

func submatch(m []string, _ Site) ([]string, bool) { return m[1:], true }

// readProperty: goja says "of undefined" for null too, and the value is
// gone by the time the host sees the error.
func readProperty(m []string, _ Site) ([]string, bool) {
	return []string{"undefined", m[1]}, true
}

// setOrIterate: goja says "Cannot convert undefined or null to object" for
// Object.keys(undefined) (V8's text too), for o.x = 1 with o undefined and
// for for-of over undefined; the site tells them apart.
func setOrIterate(_ []string, s Site) ([]string, bool) {
	i := s.at()
	if s.Native || i < 0 {
		return nil, false
	}
	l := s.Line
	if key, end, ok := memberKeyAt(l, i); ok {
		j := skipSpace(l, end)
		if j < len(l) && l[j] == '=' && (j+1 == len(l) || l[j+1] != '=') {
			return []string{"Cannot set properties of % (setting '%')", "undefined", key}, true
		}
	}
	if expr, start := chainAround(l, i); expr != "" && precededByOf(l, start) {
		return []string{"% is not iterable", expr}, true
	}
	return nil, false
}

func callee(_ []string, s Site) ([]string, bool) {
	i := s.at()
	if s.Native || i < 0 {
		return nil, false
	}
	if j := skipSpace(s.Line, i); strings.HasPrefix(s.Line[j:], "new ") {
		args, ok := constructed(nil, s)
		return append([]string{"% is not a constructor"}, args...), ok
	}
	j := callParen(s.Line, i)
	if j < 0 {
		return nil, false
	}
	expr, start := chainBefore(s.Line, j-1)
	if expr == "" {
		return []string{"% is not a function", "(intermediate value)"}, true
	}
	if k := skipSpaceBack(s.Line, start-1); k >= 2 && s.Line[k-2:k+1] == "new" && (k == 2 || !isIdent(s.Line[k-3])) {
		return []string{"% is not a constructor", expr}, true
	}
	return []string{"% is not a function", expr}, true
}

// calleeOrValue: goja says "Value is not an object: 1" when f() finds 1 in
// f, and when a built-in (Array.prototype.map) is given 1 as its callback,
// where V8 prints the value with its type: "number 1 is not a function".
func calleeOrValue(m []string, s Site) ([]string, bool) {
	v := m[1]
	object := strings.HasPrefix(v, "[object ")
	if !s.Native {
		args, ok := callee(m, s)
		if ok && args[0] == "% is not a constructor" && builtinClass[args[1]] {
			// new Promise(1): goja names no frame for the built-in, and
			// the value is the executor, not the class.
			if args[1] != "Promise" {
				return nil, false
			}
			if object {
				v = "#<Object>"
			}
			return []string{"Promise resolver % is not a function", v}, true
		}
		return args, ok
	}
	switch {
	case !callbackTaker[s.Func]:
		return nil, false // goja says this for many things a built-in got
	case v == "undefined":
	case v == "null":
		v = "object null"
	case object:
		v = "object"
	case v == "true" || v == "false":
		v = "boolean " + v
	case isNumber(v):
		v = "number " + v
	default:
		v = `string "` + v + `"`
	}
	return []string{"% is not a function", v}, true
}

// builtinClass are global constructors: `new Map(x)` failing on x is no
// failure of Map to construct.
var builtinClass = map[string]bool{
	"Promise": true, "Map": true, "Set": true, "WeakMap": true, "WeakSet": true, "Proxy": true, "Array": true,
	"Object": true, "Function": true, "Date": true, "RegExp": true, "Error": true, "TypeError": true,
	"ArrayBuffer": true, "DataView": true, "Uint8Array": true, "Request": true, "Response": true, "Headers": true,
	"URL": true, "ReadableStream": true, "WritableStream": true, "TransformStream": true,
}

// callbackTaker are the built-ins whose callback V8 names by its type and
// value ("number 5 is not a function") when it is no function.
var callbackTaker = map[string]bool{
	"map": true, "forEach": true, "filter": true, "some": true, "every": true, "find": true, "findIndex": true,
	"findLast": true, "findLastIndex": true, "flatMap": true, "reduce": true, "reduceRight": true,
}

func constructed(_ []string, s Site) ([]string, bool) {
	i := s.at()
	if s.Native || i < 0 {
		return nil, false
	}
	l := s.Line
	j := skipSpace(l, i)
	if !strings.HasPrefix(l[j:], "new") {
		return nil, false
	}
	end := chainEnd(l, skipSpace(l, j+3), false)
	expr, _ := chainBefore(l, end-1)
	if expr == "" {
		expr = "(intermediate value)"
	}
	return []string{expr}, true
}

func className(_ []string, s Site) ([]string, bool) {
	i := s.at()
	if s.Native || i < 0 {
		return nil, false
	}
	j := callParen(s.Line, i)
	if j < 0 {
		return nil, false
	}
	k := skipSpaceBack(s.Line, j-1)
	start := k + 1
	for start > 0 && isIdent(s.Line[start-1]) {
		start--
	}
	if start > k {
		return nil, false
	}
	return []string{s.Line[start : k+1]}, true
}

func iterated(_ []string, s Site) ([]string, bool) {
	i := s.at()
	if s.Native || i < 0 {
		return nil, false
	}
	expr, _ := chainAround(s.Line, i)
	if expr == "" {
		return nil, false
	}
	return []string{expr}, true
}

// destructured handles the three places goja points at: the value in
// `const { a } = o.b` (at o or at the dot), the statement itself when the
// value is a literal (`const { a } = null`), and the function when a
// parameter pattern got undefined.
func destructured(_ []string, s Site) ([]string, bool) {
	i := s.at()
	if s.Native || i < 0 {
		return nil, false
	}
	l := s.Line
	var prop, expr string
	j := skipSpace(l, i)
	switch rest := l[j:]; {
	case strings.HasPrefix(rest, "function") || strings.HasPrefix(rest, "async "):
		open := strings.IndexByte(rest, '(')
		if open < 0 {
			return nil, false
		}
		prop, _ = firstPatternProp(rest, open+1)
		expr = "undefined"
	case strings.HasPrefix(rest, "const ") || strings.HasPrefix(rest, "let ") || strings.HasPrefix(rest, "var "):
		var close int
		prop, close = firstPatternProp(rest, strings.IndexByte(rest, ' '))
		if close < 0 {
			return nil, false
		}
		k := skipSpace(rest, close+1)
		if k >= len(rest) || rest[k] != '=' {
			return nil, false
		}
		k = skipSpace(rest, k+1)
		e := strings.IndexAny(rest[k:], ";,")
		if e < 0 {
			e = len(rest) - k
		}
		expr = strings.TrimSpace(rest[k : k+e])
	default:
		var start int
		expr, start = chainAround(l, i)
		if expr == "" {
			return nil, false
		}
		k := skipSpaceBack(l, start-1)
		if k < 0 || l[k] != '=' {
			return nil, false
		}
		k = skipSpaceBack(l, k-1)
		if k < 0 || l[k] != '}' {
			return nil, false
		}
		open := matchBack(l, k, '{', '}')
		if open < 0 {
			return nil, false
		}
		prop, _ = firstPatternProp(l, open)
	}
	if prop == "" || expr == "" {
		return nil, false
	}
	if expr == "void 0" {
		expr = "(void 0)"
	}
	as := "undefined"
	if expr == "null" {
		as = "null"
	}
	return []string{prop, expr, as}, true
}

func identifierAt(_ []string, s Site) ([]string, bool) {
	i := s.at()
	if i < 0 || !isIdent(s.Line[i]) {
		return nil, false
	}
	j := i
	for j < len(s.Line) && isIdent(s.Line[j]) {
		j++
	}
	return []string{s.Line[i:j]}, true
}

// at is the site's byte index in Line, or -1.
func (s Site) at() int {
	if s.Line == "" || s.Col < 1 || s.Col > len(s.Line) {
		return -1
	}
	return s.Col - 1
}

// callParen finds the "(" of the call goja points at: at i itself, or
// after the name i is on (a source map may point at the callee's last name).
func callParen(l string, i int) int {
	j := i
	for j < len(l) && isIdent(l[j]) {
		j++
	}
	j = skipSpace(l, j)
	if j < len(l) && l[j] == '(' {
		return j
	}
	return -1
}

// memberKeyAt reads the key of the member access at i: ".x", "x" after a
// dot, or "[...]", and returns where the access ends.
func memberKeyAt(l string, i int) (key string, end int, ok bool) {
	if l[i] == '.' {
		i++
	} else if l[i] == '[' {
		c := matchFwd(l, i, '[', ']')
		if c < 0 {
			return "", 0, false
		}
		return keyText(strings.TrimSpace(l[i+1 : c])), c + 1, true
	} else if i == 0 || l[i-1] != '.' {
		return "", 0, false
	}
	j := i
	for j < len(l) && isIdent(l[j]) {
		j++
	}
	if j == i {
		return "", 0, false
	}
	return l[i:j], j, true
}

func keyText(k string) string {
	if len(k) >= 2 && (k[0] == '"' || k[0] == '\'') && k[len(k)-1] == k[0] {
		return k[1 : len(k)-1]
	}
	return k
}

func precededByOf(l string, start int) bool {
	k := skipSpaceBack(l, start-1)
	return k >= 1 && l[k-1:k+1] == "of" && (k < 2 || !isIdent(l[k-2]))
}

// firstPatternProp returns the first name in the object pattern that starts
// at or after from ("{ a, b }" gives a) and the index of its "}".
func firstPatternProp(l string, from int) (string, int) {
	if from < 0 {
		return "", -1
	}
	open := strings.IndexByte(l[from:], '{')
	if open < 0 {
		return "", -1
	}
	open += from
	end := matchFwd(l, open, '{', '}')
	j := skipSpace(l, open+1)
	k := j
	for k < len(l) && isIdent(l[k]) {
		k++
	}
	return l[j:k], end
}

// chainAround is the member chain the byte at i is part of (o.list for
// either o, the dot or list), printed as V8 prints it, and where it starts.
func chainAround(l string, i int) (string, int) {
	if l[i] == '.' {
		i++
	}
	for i > 0 && isIdent(l[i-1]) {
		i--
	}
	end := chainEnd(l, i, true)
	if end == i {
		return "", i
	}
	return chainBefore(l, end-1)
}

// chainEnd reads forward over a member chain from i (names, dots, [keys]
// and, when calls, argument lists) and returns where it ends.
func chainEnd(l string, i int, calls bool) int {
	j := i
	for j < len(l) && isIdent(l[j]) {
		j++
	}
	if j == i {
		return i
	}
	for j < len(l) {
		switch {
		case l[j] == '.' || strings.HasPrefix(l[j:], "?."):
			k := j + 1
			if l[j] == '?' {
				k++
			}
			n := k
			for n < len(l) && isIdent(l[n]) {
				n++
			}
			if n == k {
				return j
			}
			j = n
		case l[j] == '[':
			c := matchFwd(l, j, '[', ']')
			if c < 0 {
				return j
			}
			j = c + 1
		case l[j] == '(' && calls:
			c := matchFwd(l, j, '(', ')')
			if c < 0 {
				return j
			}
			j = c + 1
		default:
			return j
		}
	}
	return j
}

// chainBefore prints the member chain ending at byte i as V8's CallPrinter
// does: names and dots kept, o["y"] as o.y, a call's arguments as (...).
// It returns "" when what ends at i is not a chain, and where the chain
// starts.
func chainBefore(l string, i int) (string, int) {
	i = skipSpaceBack(l, i)
	var parts []string
	for i >= 0 {
		switch c := l[i]; {
		case c == ')':
			o := matchBack(l, i, '(', ')')
			if o < 0 {
				return "", 0
			}
			k := skipSpaceBack(l, o-1)
			if k < 0 || !(isIdent(l[k]) || l[k] == ')' || l[k] == ']') {
				return "", 0 // a parenthesized expression
			}
			parts = append(parts, "(...)")
			i = k
			continue
		case c == ']':
			o := matchBack(l, i, '[', ']')
			if o < 0 {
				return "", 0
			}
			key := strings.TrimSpace(l[o+1 : i])
			if k := keyText(key); k != key {
				parts = append(parts, "."+k)
			} else {
				parts = append(parts, "["+key+"]")
			}
			i = skipSpaceBack(l, o-1)
			continue
		case isIdent(c):
			s := i
			for s > 0 && isIdent(l[s-1]) {
				s--
			}
			name := l[s : i+1]
			k := skipSpaceBack(l, s-1)
			switch {
			case k >= 1 && l[k] == '.' && l[k-1] == '?':
				parts = append(parts, "?."+name)
				i = skipSpaceBack(l, k-2)
				continue
			case k >= 0 && l[k] == '.' && (k == 0 || l[k-1] != '.'):
				parts = append(parts, "."+name)
				i = skipSpaceBack(l, k-1)
				continue
			}
			if isDigit(name[0]) || keyword(name) {
				return "", 0
			}
			if name == "super" {
				name = "(intermediate value)"
			}
			parts = append(parts, name)
			var b strings.Builder
			for p := len(parts) - 1; p >= 0; p-- {
				b.WriteString(parts[p])
			}
			return b.String(), s
		}
		return "", 0
	}
	return "", 0
}

func keyword(w string) bool {
	switch w {
	case "return", "typeof", "await", "new", "void", "delete", "in", "of", "instanceof", "case", "yield", "throw":
		return true
	}
	return false
}

func matchBack(l string, i int, open, close byte) int {
	depth := 0
	for ; i >= 0; i-- {
		switch l[i] {
		case close:
			depth++
		case open:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func matchFwd(l string, i int, open, close byte) int {
	depth := 0
	for ; i < len(l); i++ {
		switch l[i] {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func skipSpace(l string, i int) int {
	for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i++
	}
	return i
}

func skipSpaceBack(l string, i int) int {
	for i >= 0 && i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i--
	}
	return i
}

func isIdent(c byte) bool {
	return c == '_' || c == '$' || isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'z' || c >= 0x80
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isNumber(s string) bool {
	if s == "NaN" || s == "Infinity" || s == "-Infinity" {
		return true
	}
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) && s[i] != '.' && s[i] != 'e' && s[i] != '+' && s[i] != '-' {
			return false
		}
	}
	return isDigit(s[0])
}
