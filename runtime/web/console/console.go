// console, after the Console Standard (https://console.spec.whatwg.org/) with
// values formatted the way Node's util.inspect prints them (what `wrangler
// dev` shows in the terminal): nested objects to depth 2, Map/Set, Date,
// errors by their stack, quoted strings inside objects, `<ref *1>` and
// `[Circular *1]` for cycles, long arrays grouped in columns, and the
// format specifiers %s %d %i %f %j %o %O %c %%.
//
// Knowingly missing: colors, console.profile/timeStamp (no devtools here),
// util.inspect options beyond depth, Node's showProxy output (a Proxy prints
// as its target), and splitting long strings over several lines.

package console

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/web/clone"
	"edgedev/runtime/webidl"
)

// The levels console calls log at (the level argument of module.Host.Log).
const (
	LevelDebug = "debug"
	LevelLog   = "log"
	LevelInfo  = "info"
	LevelWarn  = "warn"
	LevelError = "error"
)

// Install defines globalThis.console in h's VM. Every console call that
// prints calls h.Log once, on the loop goroutine, with its level (one of the
// Level constants: trace, dir, table, time*, count and group print at
// LevelLog, assert at LevelError) and the formatted text, which has no
// trailing newline but may span several lines.
//
// console.time, timeLog and timeEnd measure on the real clock (time.Now),
// not on h.Now: a virtual clock (--clock virtual) moves only when told to,
// and an elapsed time is about how long the work took.
func Install(h module.Host) error {
	return InstallClock(h, time.Now)
}

// InstallClock is Install with the clock console.time, timeLog and timeEnd
// read, for a test that moves time itself. It replaces a console defined
// before. now is called on the loop goroutine.
func InstallClock(h module.Host, now func() time.Time) error {
	vm := h.VM()
	ins := newInspector(vm)
	ins.v8Error = h.V8Error
	c := &console{vm: vm, ins: ins, out: h.Log, now: now, counts: map[string]int{}, timers: map[string]time.Time{}}
	obj := vm.NewObject()
	var err error
	def := func(name string, fn func(goja.FunctionCall) goja.Value) {
		if err == nil {
			err = obj.DefineDataProperty(name, webidl.Function(vm, name, 0, fn), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		}
	}
	printer := func(level string) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			c.print(level, c.ins.formatArgs(call.Arguments))
			return goja.Undefined()
		}
	}
	def("log", printer(LevelLog))
	def("info", printer(LevelInfo))
	def("debug", printer(LevelDebug))
	def("warn", printer(LevelWarn))
	def("error", printer(LevelError))
	def("dirxml", printer(LevelLog))
	def("trace", c.trace)
	def("assert", c.assert)
	def("dir", c.dir)
	def("table", c.table)
	def("count", c.count)
	def("countReset", c.countReset)
	def("time", c.time)
	def("timeEnd", c.timeEnd)
	def("timeLog", c.timeLog)
	def("group", c.group)
	def("groupCollapsed", c.group)
	def("groupEnd", c.groupEnd)
	def("clear", func(goja.FunctionCall) goja.Value { return goja.Undefined() })
	if err != nil {
		return fmt.Errorf("install console: %w", err)
	}
	_ = obj.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue("console"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if err := vm.GlobalObject().DefineDataProperty("console", obj, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return fmt.Errorf("install console: %w", err)
	}
	return nil
}

type console struct {
	vm     *goja.Runtime
	ins    *inspector
	out    func(level, line string)
	now    func() time.Time
	indent string // two spaces per open console.group
	counts map[string]int
	timers map[string]time.Time
}

func (c *console) print(level, text string) {
	if c.indent != "" {
		text = c.indent + strings.ReplaceAll(text, "\n", "\n"+c.indent)
	}
	c.out(level, text)
}

func label(call goja.FunctionCall) string {
	if l := call.Argument(0); !goja.IsUndefined(l) {
		return l.String()
	}
	return "default"
}

func (c *console) trace(call goja.FunctionCall) goja.Value {
	text := "Trace"
	if len(call.Arguments) > 0 {
		text += ": " + c.ins.formatArgs(call.Arguments)
	}
	for _, f := range c.vm.CaptureCallStack(0, nil) {
		if f.SrcName() == "<native>" && f.FuncName() == "trace" {
			continue
		}
		text += "\n    at " + frameString(f)
	}
	c.print(LevelLog, text)
	return goja.Undefined()
}

// frameString formats a stack frame as V8 does: "name (file:line:col)".
func frameString(f goja.StackFrame) string {
	p := f.Position()
	where := f.SrcName()
	if p.Line > 0 {
		file := p.Filename
		if file == "" {
			file = "<eval>" // what goja's own stacks call an unnamed script
		}
		where = fmt.Sprintf("%s:%d:%d", file, p.Line, p.Column)
	}
	if n := f.FuncName(); n != "" && n != "<anonymous>" {
		return n + " (" + where + ")"
	}
	return where
}

func (c *console) assert(call goja.FunctionCall) goja.Value {
	if call.Argument(0).ToBoolean() {
		return goja.Undefined()
	}
	args := append([]goja.Value(nil), call.Arguments[min(1, len(call.Arguments)):]...)
	if len(args) > 0 {
		if s, ok := args[0].(goja.String); ok {
			args[0] = c.vm.ToValue("Assertion failed: " + s.String())
		} else {
			args = append([]goja.Value{c.vm.ToValue("Assertion failed")}, args...)
		}
	} else {
		args = []goja.Value{c.vm.ToValue("Assertion failed")}
	}
	c.print(LevelError, c.ins.formatArgs(args))
	return goja.Undefined()
}

func (c *console) dir(call goja.FunctionCall) goja.Value {
	opts := inspectOptions{depth: 2}
	if o, ok := call.Argument(1).(*goja.Object); ok {
		if d := o.Get("depth"); d != nil && !goja.IsUndefined(d) {
			if goja.IsNull(d) || math.IsInf(d.ToFloat(), 1) {
				opts.depth = math.MaxInt
			} else {
				opts.depth = int(d.ToInteger())
			}
		}
	}
	c.print(LevelLog, c.ins.inspect(call.Argument(0), opts))
	return goja.Undefined()
}

func (c *console) count(call goja.FunctionCall) goja.Value {
	l := label(call)
	c.counts[l]++
	c.print(LevelLog, fmt.Sprintf("%s: %d", l, c.counts[l]))
	return goja.Undefined()
}

func (c *console) countReset(call goja.FunctionCall) goja.Value {
	l := label(call)
	if _, ok := c.counts[l]; !ok {
		c.print(LevelWarn, fmt.Sprintf("Count for '%s' does not exist", l))
		return goja.Undefined()
	}
	c.counts[l] = 0
	return goja.Undefined()
}

func (c *console) time(call goja.FunctionCall) goja.Value {
	l := label(call)
	if _, ok := c.timers[l]; ok {
		c.print(LevelWarn, fmt.Sprintf("Warning: Label '%s' already exists for console.time()", l))
		return goja.Undefined()
	}
	c.timers[l] = c.now()
	return goja.Undefined()
}

func (c *console) timeEnd(call goja.FunctionCall) goja.Value {
	l := label(call)
	start, ok := c.timers[l]
	if !ok {
		c.print(LevelWarn, fmt.Sprintf("Warning: No such label '%s' for console.timeEnd()", l))
		return goja.Undefined()
	}
	delete(c.timers, l)
	c.print(LevelLog, l+": "+formatDuration(c.now().Sub(start)))
	return goja.Undefined()
}

func (c *console) timeLog(call goja.FunctionCall) goja.Value {
	l := label(call)
	start, ok := c.timers[l]
	if !ok {
		c.print(LevelWarn, fmt.Sprintf("Warning: No such label '%s' for console.timeLog()", l))
		return goja.Undefined()
	}
	text := l + ": " + formatDuration(c.now().Sub(start))
	if len(call.Arguments) > 1 {
		text += " " + c.ins.joinArgs(call.Arguments[1:])
	}
	c.print(LevelLog, text)
	return goja.Undefined()
}

// formatDuration prints an elapsed time as Node's console.timeEnd does:
// "1.234ms" below a second, "1.500s" below a minute, "1:02.500 (m:ss.mmm)".
func formatDuration(d time.Duration) string {
	ms := float64(d.Nanoseconds()) / 1e6
	switch {
	case d < time.Second:
		return strconv.FormatFloat(math.Round(ms*1000)/1000, 'f', -1, 64) + "ms"
	case d < time.Minute:
		return strconv.FormatFloat(ms/1000, 'f', 3, 64) + "s"
	case d < time.Hour:
		m := int(d / time.Minute)
		s := (ms - float64(m)*60000) / 1000
		return fmt.Sprintf("%d:%06.3f (m:ss.mmm)", m, s)
	}
	h := int(d / time.Hour)
	m := int((d % time.Hour) / time.Minute)
	s := (ms - float64(h)*3600000 - float64(m)*60000) / 1000
	return fmt.Sprintf("%d:%02d:%06.3f (h:mm:ss.mmm)", h, m, s)
}

func (c *console) group(call goja.FunctionCall) goja.Value {
	if len(call.Arguments) > 0 {
		c.print(LevelLog, c.ins.formatArgs(call.Arguments))
	}
	c.indent += "  "
	return goja.Undefined()
}

func (c *console) groupEnd(goja.FunctionCall) goja.Value {
	if len(c.indent) >= 2 {
		c.indent = c.indent[2:]
	}
	return goja.Undefined()
}

// table prints tabular data as Node's console.table does, with box-drawing
// characters; anything that is not an object is logged instead.
func (c *console) table(call goja.FunctionCall) goja.Value {
	data, ok := call.Argument(0).(*goja.Object)
	if !ok {
		c.print(LevelLog, c.ins.formatArgs(call.Arguments))
		return goja.Undefined()
	}
	var only []string
	if p, ok := call.Argument(1).(*goja.Object); ok && p.ClassName() == "Array" {
		for i := int64(0); i < p.Get("length").ToInteger(); i++ {
			only = append(only, p.Get(strconv.FormatInt(i, 10)).String())
		}
	}
	ins := c.ins
	cell := func(v goja.Value) string {
		return ins.inspect(v, inspectOptions{depth: 0, singleLine: true, nested: true})
	}
	type row struct {
		index  string
		cells  map[string]string
		value  string
		hasVal bool
	}
	var rows []row
	var cols []string
	seenCol := map[string]bool{}
	addCol := func(k string) {
		if !seenCol[k] {
			seenCol[k] = true
			cols = append(cols, k)
		}
	}
	for _, e := range ins.tableRows(data) {
		r := row{index: e.key, cells: map[string]string{}}
		if o, ok := e.value.(*goja.Object); ok && !ins.isFunction(o) {
			for _, p := range ins.tableRows(o) {
				if only != nil && !contains(only, p.key) {
					continue
				}
				addCol(p.key)
				r.cells[p.key] = cell(p.value)
			}
		} else {
			r.value, r.hasVal = cell(e.value), true
		}
		rows = append(rows, r)
	}
	if only != nil {
		cols = only
	}
	header := append([]string{"(index)"}, cols...)
	anyValues := false
	for _, r := range rows {
		anyValues = anyValues || r.hasVal
	}
	if anyValues {
		header = append(header, "Values")
	}
	lines := make([][]string, len(rows))
	for i, r := range rows {
		line := []string{r.index}
		for _, k := range cols {
			line = append(line, r.cells[k])
		}
		if anyValues {
			line = append(line, r.value)
		}
		lines[i] = line
	}
	c.print(LevelLog, renderTable(header, lines))
	return goja.Undefined()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func renderTable(header []string, rows [][]string) string {
	width := make([]int, len(header))
	for i, h := range header {
		width[i] = displayWidth(h)
	}
	for _, r := range rows {
		for i, c := range r {
			width[i] = max(width[i], displayWidth(c))
		}
	}
	var b strings.Builder
	rule := func(l, m, r string) {
		b.WriteString(l)
		for i, w := range width {
			if i > 0 {
				b.WriteString(m)
			}
			b.WriteString(strings.Repeat("─", w+2))
		}
		b.WriteString(r)
	}
	line := func(cells []string) {
		b.WriteString("│")
		for i, w := range width {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			b.WriteString(" " + c + strings.Repeat(" ", w-displayWidth(c)) + " │")
		}
	}
	rule("┌", "┬", "┐\n")
	line(header)
	b.WriteString("\n")
	rule("├", "┼", "┤\n")
	for _, r := range rows {
		line(r)
		b.WriteString("\n")
	}
	rule("└", "┴", "┘")
	return b.String()
}

func displayWidth(s string) int { return len([]rune(s)) }

// tableRow is one key and value of the object console.table lays out.
type tableRow struct {
	key   string
	value goja.Value
}

// tableRows lists the rows of o for console.table: Map entries, Set and
// array elements by index, or own enumerable properties.
func (ins *inspector) tableRows(o *goja.Object) []tableRow {
	ins.load()
	vm := ins.vm
	var rows []tableRow
	switch typ := o.ExportType(); {
	case typ == clone.TypeMapEntries:
		e := ins.call("mapEntries", o).ToObject(vm)
		for i := int64(0); i < e.Get("length").ToInteger(); i += 2 {
			rows = append(rows, tableRow{ins.inspect(e.Get(strconv.FormatInt(i, 10)), inspectOptions{nested: true}), e.Get(strconv.FormatInt(i+1, 10))})
		}
		return rows
	case typ == clone.TypeAnySlice && o.ClassName() == "Object":
		v := ins.call("setValues", o).ToObject(vm)
		for i := int64(0); i < v.Get("length").ToInteger(); i++ {
			rows = append(rows, tableRow{strconv.FormatInt(i, 10), v.Get(strconv.FormatInt(i, 10))})
		}
		return rows
	}
	for _, p := range propList(ins.call("props", o, vm.ToValue(false), vm.ToValue(false), vm.ToValue(false)).ToObject(vm)) {
		if _, sym := p.key.(*goja.Symbol); sym {
			continue
		}
		v := p.value
		if p.kind&3 != 0 {
			v = o.Get(p.key.String())
		}
		rows = append(rows, tableRow{p.key.String(), v})
	}
	return rows
}
