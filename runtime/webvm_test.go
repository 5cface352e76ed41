// TEMPORARY: the bare-VM helpers the runtime tests used before runtimetest;
// removed as the families move to runtime/web.
package runtime

import (
	"context"
	"testing"
	"time"

	"github.com/dop251/goja"

	"edgedev/runtime/engine"
	"edgedev/runtime/module"
	"edgedev/runtime/web/streams"
)

// webAssertJS is the little assertion library the Web API tests run with.
// Failures throw, with the message naming what differed.
const webAssertJS = `
function fmt(v) {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "bigint") return v + "n";
  if (Object.is(v, -0)) return "-0";
  try { return JSON.stringify(v) ?? String(v); } catch { return String(v); }
}
function assertEq(actual, expected, what) {
  if (!Object.is(actual, expected)) {
    throw new Error((what ? what + ": " : "") + "got " + fmt(actual) + ", want " + fmt(expected));
  }
}
function assert(cond, what) { if (!cond) throw new Error("assertion failed: " + (what || "")); }
function assertBytes(actual, expected, what) {
  const a = Array.from(actual), e = Array.from(expected);
  assertEq(a.join(","), e.join(","), what);
}
function checkError(e, name, msg, what) {
  if (e === null || typeof e !== "object") throw new Error((what || "") + ": threw non-object " + fmt(e));
  if (e.name !== name) throw new Error((what || "") + ": threw " + e.name + ": " + e.message + ", want " + name);
  if (msg !== undefined && !String(e.message).includes(msg)) {
    throw new Error((what || "") + ": message " + fmt(e.message) + " lacks " + fmt(msg));
  }
}
function assertThrows(fn, name, msg, what) {
  try { fn(); } catch (e) { checkError(e, name, msg, what); return e; }
  throw new Error((what ? what + ": " : "") + "did not throw " + name);
}
async function assertRejects(p, name, msg, what) {
  try { await (typeof p === "function" ? p() : p); } catch (e) { checkError(e, name, msg, what); return e; }
  throw new Error((what ? what + ": " : "") + "did not reject with " + name);
}
`

// newWebTestVM makes a bare goja runtime with the assertion helpers and the
// given install functions applied.
func newWebTestVM(t testing.TB, installs ...func(*goja.Runtime) error) *goja.Runtime {
	t.Helper()
	vm := goja.New()
	if _, err := vm.RunString(webAssertJS); err != nil {
		t.Fatal(err)
	}
	for _, in := range installs {
		if err := in(vm); err != nil {
			t.Fatal(err)
		}
	}
	return vm
}

// runWebJS runs src as the body of an async function (so each script has
// its own scope and may await). The promise must be settled by the time the
// script returns (goja drains microtasks then) and fulfilled; its value, what
// src returned, is the result.
func runWebJS(t testing.TB, vm *goja.Runtime, src string) goja.Value {
	t.Helper()
	v, err := vm.RunString("(async () => {\n" + src + "\n})()")
	if err != nil {
		if ex, ok := err.(*goja.Exception); ok {
			t.Fatalf("%s", ex.String())
		}
		t.Fatal(err)
	}
	if p, ok := v.Export().(*goja.Promise); ok {
		switch p.State() {
		case goja.PromiseStatePending:
			t.Fatal("promise still pending after the script returned")
		case goja.PromiseStateRejected:
			r := p.Result()
			if o, ok := r.(*goja.Object); ok {
				if s := o.Get("stack"); s != nil && !goja.IsUndefined(s) {
					t.Fatalf("rejected: %s", s)
				}
			}
			t.Fatalf("rejected: %v", r)
		}
		return p.Result()
	}
	return v
}

// bareHost is the module.Host of a bare test VM, for the bare-VM tests of
// families still in runtime that need a family which moved out (formdata's
// tests need streams, intl's the ES shims). It has no loop: only VM,
// Context, the clocks and Log work.
type bareHost struct{ vm *goja.Runtime }

func (h bareHost) VM() *goja.Runtime        { return h.vm }
func (h bareHost) Context() context.Context { return context.Background() }
func (h bareHost) Now() time.Time           { return time.Now() }
func (h bareHost) Born() time.Time          { return time.Time{} }
func (h bareHost) Async() (*goja.Promise, func(func() (goja.Value, error))) {
	panic("bareHost has no event loop")
}
func (h bareHost) Callback() func(job func()) { panic("bareHost has no event loop") }
func (h bareHost) Post(func()) bool           { return false }
func (h bareHost) Log(string, string)         {}
func (h bareHost) ReportError(string, any)    {}

var _ module.Host = bareHost{}

func installStreams(vm *goja.Runtime) error { return streams.Install(bareHost{vm}) }
func installESShims(vm *goja.Runtime) error { return engine.InstallESShims(bareHost{vm}) }
