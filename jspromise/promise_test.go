package jspromise

import (
	"errors"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// settleFuncs are the two ways to make a settled promise: this package's,
// and goja's public NewPromise. Every behaviour test runs with both and
// must see the same thing.
var settleFuncs = map[string]struct {
	fulfilled func(vm *goja.Runtime, v goja.Value) goja.Value
	rejected  func(vm *goja.Runtime, v goja.Value) goja.Value
}{
	"jspromise": {Fulfilled, Rejected},
	"goja": {
		func(vm *goja.Runtime, v goja.Value) goja.Value {
			p, resolve, _ := vm.NewPromise()
			_ = resolve(v)
			return vm.ToValue(p)
		},
		func(vm *goja.Runtime, v goja.Value) goja.Value {
			p, _, reject := vm.NewPromise()
			_ = reject(v)
			return vm.ToValue(p)
		},
	},
}

// run evaluates script with fulfilled(v) and rejected(v) defined by impl,
// drains the job queue and returns globalThis.log joined with spaces.
func run(t *testing.T, impl, script string) string {
	t.Helper()
	vm := goja.New()
	f := settleFuncs[impl]
	_ = vm.Set("fulfilled", func(v goja.Value) goja.Value { return f.fulfilled(vm, v) })
	_ = vm.Set("rejected", func(v goja.Value) goja.Value { return f.rejected(vm, v) })
	if _, err := vm.RunString("var log = [];\n" + script); err != nil {
		t.Fatalf("%s: %v", impl, err)
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(vm.Get("log").String(), ",", " ")), " ")
}

func TestSettledPromisesBehaveLikeGojas(t *testing.T) {
	cases := []struct {
		name, script, want string
	}{
		{"await a value", `(async () => { log.push(await fulfilled(42)); })();`, "42"},
		{"reaction order against native promises", `
			fulfilled("a").then(v => log.push(v));
			Promise.resolve("b").then(v => log.push(v));
			fulfilled("c").then(v => log.push(v));
			log.push("sync");`, "sync a b c"},
		{"await order", `
			(async () => { await fulfilled(1); log.push("x1"); await fulfilled(2); log.push("x2"); })();
			(async () => { await Promise.resolve(); log.push("y1"); await null; log.push("y2"); })();`, "x1 y1 x2 y2"},
		{"a thenable is followed", `
			fulfilled({ then(res) { log.push("then called"); res("from thenable"); } }).then(v => log.push(v));
			log.push("sync");`, "sync then called from thenable"},
		{"a pending native promise is followed", `
			let r; const p = new Promise(res => r = res);
			fulfilled(p).then(v => log.push("got " + v));
			log.push("before"); r(7);`, "before got 7"},
		{"a throwing then getter rejects", `
			const o = {}; Object.defineProperty(o, "then", { get() { throw new Error("boom"); } });
			fulfilled(o).catch(e => log.push("caught " + e.message));`, "caught boom"},
		{"a non-callable then fulfills", `fulfilled({ then: 5 }).then(v => log.push(typeof v, v.then));`, "object 5"},
		{"rejected", `rejected(new TypeError("bad")).catch(e => log.push(e.name, e.message));`, "TypeError bad"},
		{"instanceof and prototype", `const p = fulfilled(1); log.push(p instanceof Promise, Object.getPrototypeOf(p) === Promise.prototype);`, "true true"},
		{"a patched Promise.prototype.then is used", `
			const orig = Promise.prototype.then;
			Promise.prototype.then = function (...a) { log.push("patched"); return orig.apply(this, a); };
			fulfilled(1).then(v => log.push(v));`, "patched 1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for impl := range settleFuncs {
				if got := run(t, impl, c.script); got != c.want {
					t.Errorf("%s: log = %q, want %q", impl, got, c.want)
				}
			}
		})
	}
}

func TestRejectedIsTracked(t *testing.T) {
	vm := goja.New()
	var ops []goja.PromiseRejectionOperation
	vm.SetPromiseRejectionTracker(func(p *goja.Promise, op goja.PromiseRejectionOperation) { ops = append(ops, op) })
	_ = vm.Set("rejected", func(v goja.Value) goja.Value { return Rejected(vm, v) })
	if _, err := vm.RunString(`globalThis.p = rejected(1);`); err != nil {
		t.Fatal(err)
	}
	if len(ops) != 1 || ops[0] != goja.PromiseRejectionReject {
		t.Fatalf("after an unhandled rejection the tracker saw %v, want [Reject]", ops)
	}
	if _, err := vm.RunString(`p.catch(() => {});`); err != nil {
		t.Fatal(err)
	}
	if len(ops) != 2 || ops[1] != goja.PromiseRejectionHandle {
		t.Fatalf("after a late handler the tracker saw %v, want [Reject Handle]", ops)
	}
}

// Go-only input, so no comparison with goja: its resolve function would
// see null.
func TestFulfilledNilIsUndefined(t *testing.T) {
	vm := goja.New()
	p, ok := Fulfilled(vm, nil).Export().(*goja.Promise)
	if !ok || p.State() != goja.PromiseStateFulfilled || !goja.IsUndefined(p.Result()) {
		t.Fatalf("Fulfilled(nil) = %v", p)
	}
}

// pendingImpls are the two ways to make a promise that Go settles later,
// from outside any JS call: a Settler, and goja's NewPromise.
var pendingImpls = map[string]func(vm *goja.Runtime) (goja.Value, func(goja.Value), func(goja.Value)){
	"jspromise": func(vm *goja.Runtime) (goja.Value, func(goja.Value), func(goja.Value)) {
		s := NewSettler(vm)
		p := s.Pending()
		return vm.ToValue(p), func(v goja.Value) { _ = s.Resolve(p, v) }, func(r goja.Value) { _ = s.Reject(p, r) }
	},
	"goja": func(vm *goja.Runtime) (goja.Value, func(goja.Value), func(goja.Value)) {
		p, resolve, reject := vm.NewPromise()
		return vm.ToValue(p), func(v goja.Value) { _ = resolve(v) }, func(r goja.Value) { _ = reject(r) }
	},
}

func TestSettledLaterBehavesLikeGojas(t *testing.T) {
	const script = `var log = [];
		p.then(v => log.push("then " + v), e => log.push("then-rejected " + e));
		(async () => {
			try { log.push("await " + await p); } catch (e) { log.push("await-rejected " + e); }
			Promise.resolve().then(() => log.push("after"));
		})();
		log.push("sync");`
	for _, c := range []struct {
		name   string
		settle func(vm *goja.Runtime, resolve, reject func(goja.Value))
		want   string
	}{
		{"resolve", func(vm *goja.Runtime, resolve, reject func(goja.Value)) {
			resolve(vm.ToValue(1))
			resolve(vm.ToValue(2)) // settled once
			reject(vm.ToValue(3))
		}, "sync,then 1,await 1,after"},
		{"reject", func(vm *goja.Runtime, resolve, reject func(goja.Value)) {
			reject(vm.ToValue("no"))
			resolve(vm.ToValue(2))
		}, "sync,then-rejected no,await-rejected no,after"},
		{"resolve with a thenable", func(vm *goja.Runtime, resolve, reject func(goja.Value)) {
			v, err := vm.RunString(`({ then(res) { log.push("then called"); res("via thenable"); } })`)
			if err != nil {
				t.Fatal(err)
			}
			resolve(v)
		}, "sync,then called,then via thenable,await via thenable,after"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for impl, pending := range pendingImpls {
				vm := goja.New()
				p, resolve, reject := pending(vm)
				_ = vm.Set("p", p)
				if _, err := vm.RunString(script); err != nil {
					t.Fatal(err)
				}
				c.settle(vm, resolve, reject) // from outside any JS call, like an event-loop callback
				if got := vm.Get("log").String(); got != c.want {
					t.Errorf("%s: log = %q, want %q", impl, got, c.want)
				}
			}
		})
	}
}

// Uncatchable errors while settling come back as errors, as from goja's
// own resolve function, and never crash the caller.
func TestSettledLaterUncatchable(t *testing.T) {
	t.Run("stack overflow in a then getter", func(t *testing.T) {
		for _, impl := range []string{"jspromise", "goja"} {
			vm := goja.New()
			vm.SetMaxCallStackSize(100)
			v, err := vm.RunString(`function f() { return f(); } ({ get then() { return f(); } })`)
			if err != nil {
				t.Fatal(err)
			}
			var got error
			func() {
				defer func() {
					if x := recover(); x != nil {
						t.Fatalf("%s: resolve panicked: %v", impl, x)
					}
				}()
				if impl == "jspromise" {
					s := NewSettler(vm)
					got = s.Resolve(s.Pending(), v)
				} else {
					_, resolve, _ := vm.NewPromise()
					got = resolve(v)
				}
			}()
			var so *goja.StackOverflowError
			if !errors.As(got, &so) {
				t.Errorf("%s: resolve returned %v, want a *goja.StackOverflowError", impl, got)
			}
		}
	})
	t.Run("interrupt while the reactions run", func(t *testing.T) {
		vm := goja.New()
		s := NewSettler(vm)
		p := s.Pending()
		_ = vm.Set("p", p)
		_ = vm.Set("stop", func() { vm.Interrupt("stop") })
		if _, err := vm.RunString(`p.then(() => { stop(); for (;;) {} });`); err != nil {
			t.Fatal(err)
		}
		var ie *goja.InterruptedError
		if err := s.Resolve(p, vm.ToValue(1)); !errors.As(err, &ie) {
			t.Fatalf("Resolve returned %v, want the *goja.InterruptedError", err)
		}
	})
}

func TestSettlerSelfResolution(t *testing.T) {
	vm := goja.New()
	s := NewSettler(vm)
	p := s.Pending()
	if err := s.Resolve(p, vm.ToValue(p)); err != nil {
		t.Fatal(err)
	}
	if p.State() != goja.PromiseStateRejected || !strings.Contains(p.Result().String(), "self-resolution") {
		t.Fatalf("state %v result %v, want a self-resolution TypeError", p.State(), p.Result())
	}
}

func BenchmarkFulfilled(b *testing.B) {
	for impl, f := range settleFuncs {
		b.Run(impl, func(b *testing.B) {
			vm := goja.New()
			v := vm.ToValue(1)
			b.ReportAllocs()
			for b.Loop() {
				f.fulfilled(vm, v)
			}
		})
	}
}

func BenchmarkSettleLater(b *testing.B) {
	b.Run("jspromise", func(b *testing.B) {
		vm := goja.New()
		s, v := NewSettler(vm), vm.ToValue(1)
		b.ReportAllocs()
		for b.Loop() {
			_ = s.Resolve(s.Pending(), v)
		}
	})
	b.Run("goja", func(b *testing.B) {
		vm := goja.New()
		v := vm.ToValue(1)
		b.ReportAllocs()
		for b.Loop() {
			_, resolve, _ := vm.NewPromise()
			_ = resolve(v)
		}
	})
}
