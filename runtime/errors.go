package runtime

import (
	"errors"
	"fmt"
	"strings"

	"edgedev/runtime/module"

	"github.com/dop251/goja"
)

// Kind says at which point a worker failed.
type Kind string

const (
	KindLoad        Kind = "load"          // the script threw at top level or has no handler
	KindSyntax      Kind = "syntax"        // goja could not compile the bundle
	KindUncaught    Kind = "uncaught"      // the handler threw or its promise rejected
	KindBadReturn   Kind = "bad return"    // the handler resolved to something other than a Response
	KindCPULimit    Kind = "cpu limit"     // the watchdog stopped runaway JS
	KindMemoryLimit Kind = "memory limit"  // the worker grew the heap past Options.MemoryLimit
	KindStream      Kind = "stream"        // the response body stream failed after the headers went out
	KindClient      Kind = "client closed" // the client went away before the response
)

// ScriptError is a failure of the user's code, ready to show: Message is the
// first line ("TypeError: x is not a function"), Stack the source-mapped
// frames ("    at fetch (src/index.ts:12:9)"), one per line.
type ScriptError struct {
	Kind    Kind
	Message string
	Stack   string
}

func (e *ScriptError) Error() string {
	if e.Stack == "" {
		return e.Message
	}
	return e.Message + "\n" + e.Stack
}

// cleanStack drops goja's program counters, the frames of edgedev's own JS
// and of Go functions ("(native)"), which say nothing about the user's code.
func cleanStack(stack string) string {
	lines := strings.Split(stack, "\n")
	out := lines[:0]
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "at ") || module.OwnFrame(t) || t == "at native" || strings.HasSuffix(t, "(native)") {
			continue
		}
		if len(out) == maxStackFrames {
			break
		}
		out = append(out, "    "+module.FrameText(t))
	}
	return strings.Join(out, "\n")
}

// maxStackFrames is how many frames an error shows, as in V8 (its default
// Error.stackTraceLimit): a stack overflow would otherwise print
// thousands of identical lines.
const maxStackFrames = 10

// uncatchable reports whether err is one of goja's uncatchable errors: an
// interrupt or a stack overflow. JS cannot catch them, and goja drops the
// promise jobs it had queued when one ends a call.
func uncatchable(err error) bool {
	var ie *goja.InterruptedError
	var so *goja.StackOverflowError
	return errors.As(err, &ie) || errors.As(err, &so)
}

// scriptError describes err (a goja exception or interrupt, or any error)
// as a ScriptError of the given kind.
func (inst *instance) scriptError(kind Kind, err error) *ScriptError {
	var se *ScriptError
	if errors.As(err, &se) {
		return se
	}
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		if se, ok := ie.Value().(*ScriptError); ok {
			return &ScriptError{Kind: se.Kind, Message: se.Message, Stack: framesOf(ie.Stack())}
		}
	}
	var so *goja.StackOverflowError
	if errors.As(err, &so) {
		return &ScriptError{Kind: kind, Message: "RangeError: Maximum call stack size exceeded", Stack: framesOf(so.Stack())}
	}
	var ex *goja.Exception
	if errors.As(err, &ex) {
		e := inst.describe(kind, ex.Value())
		if e.Stack == "" {
			e.Stack = framesOf(ex.Stack())
		}
		return e
	}
	return &ScriptError{Kind: kind, Message: err.Error()}
}

// describe turns a thrown JS value into a ScriptError: an Error's
// "Name: message" and its stack, or the value's string form. Reading them
// runs the value's own getters and toString, which may throw (a revoked
// proxy, a getter that throws): then the value is described as such,
// rather than the throw escaping into Go.
func (inst *instance) describe(kind Kind, v goja.Value) (se *ScriptError) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(*goja.InterruptedError); ok {
				panic(r) // the watchdog's: not ours to swallow
			}
			se = &ScriptError{Kind: kind, Message: "Uncaught (a value whose message or stack threw when read)"}
		}
	}()
	if v == nil || goja.IsUndefined(v) {
		return &ScriptError{Kind: kind, Message: "Uncaught undefined"}
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return &ScriptError{Kind: kind, Message: "Uncaught " + inspectShort(v)}
	}
	inst.V8Error(o) // the error page, the log and whoever holds o read V8's text
	stack := o.Get("stack")
	msg := o.Get("message")
	if msg == nil || goja.IsUndefined(msg) {
		return &ScriptError{Kind: kind, Message: "Uncaught " + v.String()}
	}
	name := "Error"
	if n := o.Get("name"); n != nil && !goja.IsUndefined(n) {
		name = n.String()
	}
	e := &ScriptError{Kind: kind, Message: name + ": " + msg.String()}
	if m := msg.String(); m == "" {
		e.Message = name
	}
	if stack != nil && !goja.IsUndefined(stack) {
		e.Stack = cleanStack(stack.String())
	}
	return e
}

func inspectShort(v goja.Value) string {
	if s, ok := v.Export().(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return v.String()
}

func framesOf(frames []goja.StackFrame) string {
	var b strings.Builder
	shown := 0
	for i := range frames {
		f := &frames[i]
		if strings.HasPrefix(f.SrcName(), "edgedev:") || f.SrcName() == "<native>" {
			continue
		}
		if shown == maxStackFrames {
			break
		}
		shown++
		p := f.Position()
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "    at %s (%s:%d:%d)", f.FuncName(), p.Filename, p.Line, p.Column)
	}
	return b.String()
}

// compileError explains a bundle goja cannot compile. The bundler already
// parsed it with esbuild, so this means syntax esbuild accepts and goja does
// not (see reference/goja-notes.md).
func compileError(err error) *ScriptError {
	return &ScriptError{Kind: KindSyntax, Message: "goja cannot compile the bundled worker: " + err.Error() +
		"\nThis is syntax that esbuild accepts but edgedev's JS engine does not support; please report it with the line above."}
}

// logError writes a JS failure to the worker log with its stack.
func (inst *instance) logError(what string, v any) {
	var se *ScriptError
	switch x := v.(type) {
	case error:
		se = inst.scriptError(KindUncaught, x)
	case goja.Value:
		se = inst.describe(KindUncaught, x)
	default:
		se = &ScriptError{Kind: KindUncaught, Message: fmt.Sprint(v)}
	}
	inst.w.opts.Log("error", what+": "+se.Error())
}
