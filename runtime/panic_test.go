package runtime_test

import (
	"strings"
	"testing"

	"github.com/dop251/goja"

	"edgedev/bindings"
	"edgedev/runtime/runtimetest"
)

// crasher is a binding whose one method has the kind of bug a native
// helper can have (a write to a nil map): a Go runtime panic, not a JS throw.
type crasher struct{}

func (crasher) Expose(h bindings.Host) (goja.Value, error) {
	o := h.VM().NewObject()
	err := o.Set("crash", func(goja.FunctionCall) goja.Value {
		var m map[string]int
		m["boom"]++
		return goja.Undefined()
	})
	return o, err
}

func (crasher) Close() error { return nil }

// TestNativePanic: a panic in native code fails the request that hit it,
// retires the instance, is logged with its Go stack, and the server (this
// process) keeps serving.
func TestNativePanic(t *testing.T) {
	h := runtimetest.New(t, runtimetest.Options{Bindings: []bindings.Named{{Name: "BUG", Kind: "test", Binding: crasher{}}}})
	h.Run(t, `globalThis.counter = 1; return 1;`)
	for _, where := range []string{
		`env.BUG.crash()`, // in the handler
		`await new Promise((r) => setTimeout(r, 1)); env.BUG.crash()`,              // in a timer's job
		`await Promise.resolve(); env.BUG.crash()`,                                 // in a promise reaction
		`return new Response(new ReadableStream({ pull() { env.BUG.crash(); } }))`, // while the body streams
	} {
		_, err := h.Eval(where)
		if err == nil || !strings.Contains(err.Error(), "edgedev failed inside one of its own native functions") {
			t.Errorf("%s: %v", where, err)
		}
		if got := h.Run(t, `return typeof globalThis.counter;`); got != `"undefined"` {
			t.Errorf("%s: the instance was not replaced (module state %s)", where, got)
		}
		h.Run(t, `globalThis.counter = 1; return 1;`)
	}
	logs := strings.Join(h.Logs(), "\n")
	if !strings.Contains(logs, "edgedev bug: a native function panicked: assignment to entry in nil map") || !strings.Contains(logs, "goroutine") {
		t.Errorf("the Go stack was not logged:\n%s", logs)
	}
}

// TestDetachedBuffers: the one-liner that used to kill the process (a view
// of a transferred buffer reaching the stream pump), and its cousins in the
// other native byte readers, now behave as an empty view does.
func TestDetachedBuffers(t *testing.T) {
	h := runtimetest.New(t)
	got := h.Run(t, `
		const detached = () => { const u = new Uint8Array([65]); structuredClone(u.buffer, { transfer: [u.buffer] }); return u; };
		const streamed = await new Response(new ReadableStream({ start(c) { c.enqueue(detached()); c.close(); } })).text();
		const body = await new Response(detached()).text();
		const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", detached()))[0];
		const cs = new CompressionStream("gzip"); const w = cs.writable.getWriter(); w.write(detached()); w.close();
		const gz = (await new Response(cs.readable).arrayBuffer()).byteLength > 0;
		return [streamed, body, digest, gz, new TextDecoder().decode(detached())];`)
	if got != `["","",227,true,""]` {
		t.Errorf("got %s", got)
	}
}

// TestBindingNamedProto: a binding called __proto__ is a property of env
// like any other, not env's prototype.
func TestBindingNamedProto(t *testing.T) {
	v, err := bindings.NewValue("a var")
	if err != nil {
		t.Fatal(err)
	}
	h := runtimetest.New(t, runtimetest.Options{Bindings: []bindings.Named{{Name: "__proto__", Kind: "var", Binding: v}}})
	got := h.Run(t, `return [Object.getPrototypeOf(env) === Object.prototype, Object.getOwnPropertyDescriptor(env, "__proto__").value, Object.keys(env)];`)
	if got != `[true,"a var",["__proto__"]]` {
		t.Errorf("got %s", got)
	}
}

// TestHostileRejections: a rejection reason whose stack or message getter
// throws, or a revoked proxy, is reported, not a crash of the process.
func TestHostileRejections(t *testing.T) {
	h := runtimetest.New(t)
	for _, reason := range []string{
		`({ message: "m", get stack() { throw new Error("boom"); } })`,
		`(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()`,
	} {
		h.Run(t, `Promise.reject(`+reason+`); return 1;`) // unhandled: logged after the job
		if _, err := h.Eval(`await Promise.reject(` + reason + `)`); err == nil || strings.Contains(err.Error(), "edgedev failed inside") {
			t.Errorf("%s as the handler's rejection: %v", reason, err)
		}
	}
	if got := h.Run(t, `return "alive"`); got != `"alive"` {
		t.Fatal(got)
	}
}
