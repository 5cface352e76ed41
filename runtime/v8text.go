package runtime

import (
	"encoding/base64"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/file"

	"edgedev/runtime/module"
)

// V8Error gives an error goja threw V8's text (module.V8Message's table):
// it rewrites the object's message and the first line of its stack in
// place, so whatever reads them later, the error page, the log, console, a
// framework's onError, sees what the platform would show. Any other value
// is left alone, and so is an error whose message is not a goja text.
//
// goja builds its errors inside the engine and a user's catch gets them
// before any host code runs, so an error caught and read at once keeps
// goja's text. The host rewrites where it sees an error first: an
// uncaught throw or rejection (the handler's, a waitUntil promise's, a
// timer's), a promise rejected while nothing handles it yet (the rejection
// tracker: the body of an async function that throws before its first
// await, so the caller's await or .catch gets V8's text), and console.
func (inst *instance) V8Error(o *goja.Object) {
	if o == nil {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(*goja.InterruptedError); ok {
				panic(r)
			}
			// A revoked proxy, a getter that threw: keep goja's text.
		}
	}()
	if o.ClassName() != "Error" {
		return
	}
	m := o.Get("message")
	if m == nil {
		return
	}
	msg := m.String()
	name := "Error"
	if n := o.Get("name"); n != nil && !goja.IsUndefined(n) {
		name = n.String()
	}
	if !module.V8Candidate(name, msg) {
		return
	}
	stack := ""
	if s := o.Get("stack"); s != nil && !goja.IsUndefined(s) {
		stack = s.String()
	}
	text, ok := inst.w.v8Message(name, msg, stack)
	if !ok {
		return
	}
	if err := o.Set("message", text); err != nil {
		return
	}
	if head := name + ": " + msg; strings.HasPrefix(stack, head) {
		_ = o.Set("stack", name+": "+text+stack[len(head):])
	}
}

// v8Message is module.V8Message at the site the stack's first frame names.
func (w *Worker) v8Message(name, msg, stack string) (string, bool) {
	site := module.Site{}
	file, line, col, native := topFrame(stack)
	if native {
		site.Native, site.Func = true, file
	} else if file != "" {
		for _, s := range w.source.sites(w.opts.Filename, w.opts.Script, file, line, col) {
			if text, ok := module.V8Message(name, msg, s); ok {
				return text, true
			}
		}
	}
	return module.V8Message(name, msg, site)
}

// frameRe reads goja's stack frame "at f (file:1:2(3))" or "at file:1:2(3)".
var frameRe = regexp.MustCompile(`^\s*at (?:.*? \()?(.*):(\d+):(\d+)\(\d+\)\)?$`)

// topFrame is the innermost frame of a goja stack: its file, line and
// column, or native and the built-in's name when a built-in threw.
func topFrame(stack string) (file string, line, col int, native bool) {
	i := strings.Index(stack, "\n\tat ")
	if i < 0 {
		return "", 0, 0, false
	}
	l := stack[i+1:]
	if j := strings.IndexByte(l, '\n'); j >= 0 {
		l = l[:j]
	}
	if name, ok := strings.CutSuffix(strings.TrimPrefix(l, "\tat "), " (native)"); ok {
		return name, 0, 0, true
	}
	m := frameRe.FindStringSubmatch(l)
	if m == nil {
		return "", 0, 0, false
	}
	line, _ = strconv.Atoi(m[2])
	col, _ = strconv.Atoi(m[3])
	return m[1], line, col, false
}

// scriptSource finds the source text at a stack position: in the script
// itself, or, when the position is a source-mapped one (src/index.ts:3:9),
// in the script at the generated position the map gives for it, so the
// original files need not be at hand. It is built on the first error that
// needs it; errors are not the hot path, but the same throw site repeats,
// so answers are kept (up to maxSites).
type scriptSource struct {
	once     sync.Once
	lines    []int // byte offset of each line of the script
	sources  []string
	mappings string

	mu    sync.Mutex
	cache map[sitePos][]module.Site
}

type sitePos struct {
	file      string
	line, col int
}

const maxSites = 256

func (ss *scriptSource) init(filename, script string) {
	ss.lines = append(ss.lines, 0)
	for i := 0; i < len(script); i++ {
		if script[i] == '\n' {
			ss.lines = append(ss.lines, i+1)
		}
	}
	const marker = "//# sourceMappingURL=data:application/json;base64,"
	i := strings.LastIndex(script, marker)
	if i < 0 {
		return
	}
	data := strings.TrimSpace(script[i+len(marker):])
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return
	}
	var sm struct {
		Sources  []string `json:"sources"`
		Mappings string   `json:"mappings"`
	}
	if json.Unmarshal(raw, &sm) != nil {
		return
	}
	for _, s := range sm.Sources {
		// The names goja prints, resolved as goja resolves them.
		if u := file.ResolveSourcemapURL(filename, s); u != nil {
			s = u.String()
		}
		ss.sources = append(ss.sources, s)
	}
	ss.mappings = sm.Mappings
}

// line returns line n (1-based) of script.
func (ss *scriptSource) line(script string, n int) string {
	if n < 1 || n > len(ss.lines) {
		return ""
	}
	end := len(script)
	if n < len(ss.lines) {
		end = ss.lines[n] - 1
	}
	return strings.TrimSuffix(script[ss.lines[n-1]:end], "\r")
}

// sites returns where in the script the position file:line:col of a goja
// stack is, most likely first.
func (ss *scriptSource) sites(filename, script, f string, line, col int) []module.Site {
	ss.once.Do(func() { ss.init(filename, script) })
	if f == filename {
		return []module.Site{{Line: ss.line(script, line), Col: col}}
	}
	key := sitePos{f, line, col}
	ss.mu.Lock()
	s, ok := ss.cache[key]
	ss.mu.Unlock()
	if ok {
		return s
	}
	if gl, gc, ok := ss.generated(f, line, col); ok {
		// goja reports the original position of the mapping that starts
		// just after what threw, or else of the one holding it (see
		// go-sourcemap's fuzzy match), and prints its column 0-based.
		text := ss.line(script, gl)
		s = []module.Site{{Line: text, Col: gc}, {Line: text, Col: gc + 1}}
	}
	ss.mu.Lock()
	if ss.cache == nil || len(ss.cache) >= maxSites {
		ss.cache = map[sitePos][]module.Site{}
	}
	ss.cache[key] = s
	ss.mu.Unlock()
	return s
}

// generated finds the generated line (1-based) and column (0-based) of the
// first mapping whose original position is f:line:col, as goja prints it
// (line 1-based, column 0-based).
func (ss *scriptSource) generated(f string, line, col int) (int, int, bool) {
	src := -1
	for i, s := range ss.sources {
		if s == f {
			src = i
			break
		}
	}
	if src < 0 {
		return 0, 0, false
	}
	var genLine, genCol, srcIdx, srcLine, srcCol int
	genLine = 1
	var field int
	var val, shift int
	m := ss.mappings
	for i := 0; i < len(m); i++ {
		c := m[i]
		switch c {
		case ',', ';':
			if field >= 4 && srcIdx == src && srcLine+1 == line && srcCol == col {
				return genLine, genCol, true
			}
			field = 0
			if c == ';' {
				genLine++
				genCol = 0
			}
			continue
		}
		d := strings.IndexByte(vlqChars, c)
		if d < 0 {
			return 0, 0, false
		}
		val += (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		n := val >> 1
		if val&1 != 0 {
			n = -n
		}
		val, shift = 0, 0
		switch field {
		case 0:
			genCol += n
		case 1:
			srcIdx += n
		case 2:
			srcLine += n
		case 3:
			srcCol += n
		}
		field++
	}
	if field >= 4 && srcIdx == src && srcLine+1 == line && srcCol == col {
		return genLine, genCol, true
	}
	return 0, 0, false
}

const vlqChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
