package webidl_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/dop251/goja"

	"edgedev/runtime/runtimetest"
	"edgedev/runtime/webidl"
)

func TestDOMException(t *testing.T) {
	h := runtimetest.New(t)
	t.Run("name message and code", func(t *testing.T) {
		h.Run(t, `
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
		h.Run(t, `
			assertThrows(() => DOMException.prototype.name, "TypeError");
			assertThrows(() => Object.getOwnPropertyDescriptor(DOMException.prototype, "code").get.call({}), "TypeError");
			assertThrows(() => DOMException("x"), "TypeError");
			assert(Object.keys(DOMException.prototype).includes("name"), "name is enumerable");
		`)
	})
	t.Run("subclassing keeps the fields", func(t *testing.T) {
		h.Run(t, `
			class MyErr extends DOMException { constructor() { super("sub", "SyntaxError"); } }
			const m = new MyErr();
			assertEq(m.name, "SyntaxError"); assertEq(m.code, 12);
			assert(m instanceof MyErr && m instanceof DOMException, "chain");
		`)
	})
	t.Run("Go side makes and recognises instances", func(t *testing.T) {
		h.OnLoop(t, func(vm *goja.Runtime) error {
			d, err := webidl.Of(vm)
			if err != nil {
				return err
			}
			if again, _ := webidl.Of(vm); again != d {
				return errors.New("webidl.Of made a second Kit")
			}
			e := d.DOMException("NotFoundError", "gone")
			if got := e.Get("code").ToInteger(); got != 8 {
				return fmt.Errorf("code = %d", got)
			}
			if !d.IsDOMException(e) || d.IsDOMException(vm.NewObject()) || d.IsDOMException(goja.Undefined()) {
				return errors.New("IsDOMException wrong")
			}
			return vm.Set("thrower", func(goja.FunctionCall) goja.Value { d.ThrowDOMException("AbortError", "stop"); return nil })
		})
		h.Run(t, `assertThrows(thrower, "AbortError", "stop")`)
	})
	t.Run("replacing the global does not change what Go throws", func(t *testing.T) {
		h := runtimetest.New(t)
		h.Run(t, `globalThis.DOMException = class Fake {}`)
		h.OnLoop(t, func(vm *goja.Runtime) error {
			d := webidl.MustOf(vm)
			if got := d.DOMException("SyntaxError", "x").Get("code").ToInteger(); got != 12 {
				return fmt.Errorf("code of a SyntaxError made after the global was replaced = %d, want 12", got)
			}
			return nil
		})
	})
}
