package engine_test

import (
	"testing"

	"edgedev/runtime/runtimetest"
)

func TestESShims(t *testing.T) {
	h := runtimetest.New(t)
	t.Run("groupBy, withResolvers and fromAsync behave as specified", func(t *testing.T) {
		h.Run(t, `
			const g = Object.groupBy([1, 2, 3, 4], (n) => n % 2 ? "odd" : "even");
			assertJSON(g, { odd: [1, 3], even: [2, 4] });
			assertEq(Object.getPrototypeOf(g), null, "a null-prototype object");
			assertEq(Map.groupBy([1, 2, 3], (n) => n > 1).get(true).join(), "2,3");
			assertThrows(() => Object.groupBy(null, (x) => x), TypeError, "Object.groupBy: items is null or undefined");
			const { promise, resolve } = Promise.withResolvers();
			resolve(7);
			assertEq(await promise, 7);
			assertJSON(await Array.fromAsync([1, Promise.resolve(2)], (x) => x * 10), [10, 20]);
		`)
	})
	t.Run("WeakRef holds on and FinalizationRegistry never calls back", func(t *testing.T) {
		h.Run(t, `
			const o = {};
			assertEq(new WeakRef(o).deref(), o);
			assertEq(Object.prototype.toString.call(new WeakRef(o)), "[object WeakRef]");
			assertThrows(() => new WeakRef(1), TypeError);
			const r = new FinalizationRegistry(() => { throw new Error("called back"); });
			r.register(o, "held");
			assertEq(r.unregister(o), false);
			assertThrows(() => new FinalizationRegistry(), TypeError);
		`)
	})
	t.Run("Error.captureStackTrace sets a stack", func(t *testing.T) {
		h.Run(t, `
			const o = {};
			Error.captureStackTrace(o);
			assertEq(typeof o.stack, "string");
			assertThrows(() => Error.captureStackTrace(1), TypeError, "Invalid argument");
		`)
	})
}

func TestSelf(t *testing.T) {
	h := runtimetest.New(t)
	h.Run(t, `
		assertEq(self, globalThis);
		assertEq(typeof Symbol.asyncIterator, "symbol");
		assertEq(Symbol.asyncIterator, Symbol.for("Symbol.asyncIterator"), "the symbol esbuild's helpers fall back to");
	`)
}
