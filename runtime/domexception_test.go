package runtime

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
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

func TestDOMException(t *testing.T) {
	vm := newWebTestVM(t, installDOMException)
	t.Run("name message and code", func(t *testing.T) {
		runWebJS(t, vm, `
			const e = new DOMException("bad thing", "InvalidCharacterError");
			assertEq(e.name, "InvalidCharacterError");
			assertEq(e.message, "bad thing");
			assertEq(e.code, 5);
			assert(e instanceof DOMException, "instanceof DOMException");
			assert(e instanceof Error, "instanceof Error");
			assertEq(String(e), "InvalidCharacterError: bad thing");
			assertEq(Object.prototype.toString.call(e), "[object DOMException]");
			assert(e.stack.startsWith("InvalidCharacterError: bad thing\n"), "stack header: " + e.stack);
			const d = new DOMException();
			assertEq(d.name, "Error"); assertEq(d.message, ""); assertEq(d.code, 0);
			assertEq(new DOMException("x", "DataCloneError").code, 25);
			assertEq(new DOMException("x", "QuotaExceededError").code, 22);
			assertEq(new DOMException("x", "NotAllowedError").code, 0);
			assertEq(DOMException.INVALID_CHARACTER_ERR, 5);
			assertEq(DOMException.DATA_CLONE_ERR, 25);
			assertEq(e.QUOTA_EXCEEDED_ERR, 22);
			const c = new DOMException("m", { name: "AbortError", cause: 42 });
			assertEq(c.name, "AbortError"); assertEq(c.cause, 42); assertEq(c.code, 20);
		`)
	})
	t.Run("prototype getters check their receiver", func(t *testing.T) {
		runWebJS(t, vm, `
			assertThrows(() => DOMException.prototype.name, "TypeError");
			assertThrows(() => Object.getOwnPropertyDescriptor(DOMException.prototype, "code").get.call({}), "TypeError");
			assertThrows(() => DOMException("x"), "TypeError");
			assert(Object.keys(DOMException.prototype).includes("name"), "name is enumerable");
		`)
	})
	t.Run("subclassing keeps the fields", func(t *testing.T) {
		runWebJS(t, vm, `
			class MyErr extends DOMException { constructor() { super("sub", "SyntaxError"); } }
			const m = new MyErr();
			assertEq(m.name, "SyntaxError"); assertEq(m.code, 12);
			assert(m instanceof MyErr && m instanceof DOMException, "chain");
		`)
	})
	t.Run("Go side makes and recognises instances", func(t *testing.T) {
		d, err := domExceptionsOf(vm)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := domExceptionsOf(vm)
		if again != d {
			t.Fatal("domExceptionsOf installed a second class")
		}
		e := d.make("NotFoundError", "gone")
		if got := e.Get("code").ToInteger(); got != 8 {
			t.Fatalf("code = %d", got)
		}
		if !d.is(e) || d.is(vm.NewObject()) || d.is(goja.Undefined()) {
			t.Fatal("is() wrong")
		}
		vm.Set("thrower", func(goja.FunctionCall) goja.Value { d.throw("AbortError", "stop"); return nil })
		runWebJS(t, vm, `assertThrows(thrower, "AbortError", "stop")`)
	})
	t.Run("replacing the global does not change what Go throws", func(t *testing.T) {
		vm := newWebTestVM(t, installDOMException)
		d, _ := domExceptionsOf(vm)
		runWebJS(t, vm, `globalThis.DOMException = class Fake {}`)
		d2, _ := domExceptionsOf(vm)
		if d2 != d {
			t.Fatal("handle lost after the global was replaced")
		}
		if !strings.Contains(d.make("SyntaxError", "x").Get("name").String(), "SyntaxError") {
			t.Fatal("wrong name")
		}
	})
}

// BenchmarkInstallWebAPIs is the per-runtime cost of every API in this
// group (the compiled programs are shared, as in a server).
func BenchmarkInstallWebAPIs(b *testing.B) {
	installs := []func(*goja.Runtime) error{
		installDOMException, installEncoding, installCrypto, installStructuredClone,
		installStreams, installFormData,
		func(vm *goja.Runtime) error { return installConsole(vm, nil) },
	}
	b.ReportAllocs()
	for b.Loop() {
		vm := goja.New()
		for _, in := range installs {
			if err := in(vm); err != nil {
				b.Fatal(err)
			}
		}
	}
}
