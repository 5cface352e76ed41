package clone_test

import (
	"testing"

	"edgedev/runtime/runtimetest"
)

func TestStructuredClone(t *testing.T) {
	h := runtimetest.New(t)
	t.Run("primitives", func(t *testing.T) {
		h.Run(t, `
			for (const v of [undefined, null, true, false, 0, -0, NaN, Infinity, 1.5, "", "héllo😀", 10n, -(2n ** 70n)]) {
				assert(Object.is(structuredClone(v), v), "primitive " + String(v));
			}
			assertThrows(() => structuredClone(), "TypeError", "1 argument required");
			const e = assertThrows(() => structuredClone(Symbol("s")), "DataCloneError", "Symbol(s) could not be cloned.");
			assert(e instanceof DOMException, "DOMException"); assertEq(e.code, 25);
		`)
	})
	t.Run("plain objects, arrays and cycles", func(t *testing.T) {
		h.Run(t, `
			const src = { a: 1, b: "two", nested: { list: [1, { deep: true }, [2, 3]] } };
			src.self = src;
			src.nested.back = src.nested;
			const arr = [src, src];
			src.arr = arr;
			const c = structuredClone(src);
			assert(c !== src, "new object");
			assertEq(c.self, c, "cycle to the root");
			assertEq(c.nested.back, c.nested, "inner cycle");
			assertEq(c.arr[0], c, "shared reference through an array");
			assertEq(c.arr[1], c);
			assertEq(JSON.stringify(c.nested.list), '[1,{"deep":true},[2,3]]');
			assertEq(Object.keys(c).join(), "a,b,nested,self,arr", "key order kept");
			const sparse = [1, , 3]; sparse.extra = "x";
			const s = structuredClone(sparse);
			assertEq(s.length, 3); assert(!(1 in s), "hole kept"); assertEq(s.extra, "x", "non-index property kept");
			const long = []; long.length = 5;
			assertEq(structuredClone(long).length, 5, "length of an empty array kept");
			class Point { constructor() { this.x = 1; } get y() { return 2; } }
			const p = structuredClone(new Point());
			assertEq(Object.getPrototypeOf(p), Object.prototype, "class instances become plain objects");
			assertEq(p.x, 1); assertEq(p.y, undefined, "prototype getters are not copied");
			const withGetter = { get g() { return 42; } };
			assertEq(Object.getOwnPropertyDescriptor(structuredClone(withGetter), "g").value, 42, "own getters are read");
			const hidden = {}; Object.defineProperty(hidden, "h", { value: 1, enumerable: false });
			assert(!("h" in structuredClone(hidden)), "non-enumerable dropped");
			const sym = { [Symbol("k")]: 1, n: 1 };
			assertEq(Object.getOwnPropertySymbols(structuredClone(sym)).length, 0, "symbol keys dropped");
			const proto = JSON.parse('{"__proto__": {"polluted": true}}');
			const pc = structuredClone(proto);
			assertEq(Object.getPrototypeOf(pc), Object.prototype, "__proto__ key stays a key");
			assertEq(pc.__proto__ && Object.getOwnPropertyDescriptor(pc, "__proto__").value.polluted, true);
		`)
	})
	t.Run("built-in types", func(t *testing.T) {
		h.Run(t, `
			const d = new Date(1700000000123);
			const dc = structuredClone(d);
			assert(dc instanceof Date && dc !== d, "Date"); assertEq(dc.getTime(), d.getTime());
			assert(isNaN(structuredClone(new Date(NaN)).getTime()), "invalid date");
			const re = /a+b/gi; re.lastIndex = 3;
			const rc = structuredClone(re);
			assert(rc instanceof RegExp && rc !== re, "RegExp");
			assertEq(rc.source, "a+b"); assertEq(rc.flags, "gi"); assertEq(rc.lastIndex, 0, "lastIndex reset");
			const key = { k: 1 };
			const m = new Map([[key, "v"], ["s", key]]);
			const mc = structuredClone(m);
			assert(mc instanceof Map, "Map"); assertEq(mc.size, 2);
			const [ck] = mc.keys();
			assertEq(ck.k, 1); assert(ck !== key, "keys are cloned");
			assertEq(mc.get(ck), "v"); assertEq(mc.get("s"), ck, "identity across key and value");
			const set = new Set([1, "a", key]);
			const sc = structuredClone(set);
			assert(sc instanceof Set, "Set"); assertEq(sc.size, 3); assert(sc.has("a"), "has a");
			assertEq(structuredClone(new Number(3)).valueOf(), 3);
			assertEq(typeof structuredClone(new Number(3)), "object", "wrappers stay wrappers");
			assertEq(structuredClone(new String("s")).valueOf(), "s");
			assertEq(structuredClone(new Boolean(false)).valueOf(), false);
			assertEq(structuredClone(Object(5n)).valueOf(), 5n);
			const mself = new Map(); mself.set("me", mself);
			const msc = structuredClone(mself); assertEq(msc.get("me"), msc, "Map cycle");
		`)
	})
	t.Run("binary data", func(t *testing.T) {
		h.Run(t, `
			const buf = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]).buffer;
			const bc = structuredClone(buf);
			assert(bc instanceof ArrayBuffer && bc !== buf, "ArrayBuffer"); assertBytes(new Uint8Array(bc), [1, 2, 3, 4, 5, 6, 7, 8]);
			new Uint8Array(bc)[0] = 99;
			assertEq(new Uint8Array(buf)[0], 1, "a copy, not a view");
			const view = new Uint16Array(buf, 2, 2);
			const vc = structuredClone(view);
			assert(vc instanceof Uint16Array, "Uint16Array"); assertEq(vc.byteOffset, 2); assertEq(vc.length, 2);
			assertEq(vc.buffer.byteLength, 8, "the whole buffer comes along");
			const pair = structuredClone([new Uint8Array(buf), new DataView(buf, 4)]);
			assertEq(pair[0].buffer, pair[1].buffer, "views of one buffer share one cloned buffer");
			assert(pair[1] instanceof DataView, "DataView"); assertEq(pair[1].byteOffset, 4); assertEq(pair[1].getUint8(0), 5);
			for (const C of [Int8Array, Uint8ClampedArray, Int32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array]) {
				const x = new C(2);
				assert(structuredClone(x) instanceof C, C.name);
			}
		`)
	})
	t.Run("transfer", func(t *testing.T) {
		h.Run(t, `
			const buf = new Uint8Array([1, 2, 3]).buffer;
			const view = new Uint8Array(buf);
			const out = structuredClone({ buf, view }, { transfer: [buf] });
			assertEq(buf.byteLength, 0, "original detached");
			assertEq(out.buf.byteLength, 3); assertBytes(new Uint8Array(out.buf), [1, 2, 3]);
			assertEq(out.view.buffer, out.buf, "views follow the transferred buffer");
			assertEq(view.byteLength, 0, "a view of the detached buffer is empty");
			assertEq(new TextDecoder().decode(view), "", "decoding a view of a detached buffer is safe");
			const again = new ArrayBuffer(1);
			assertThrows(() => structuredClone(again, { transfer: [again, again] }), "DataCloneError", "duplicate");
			assertThrows(() => structuredClone(1, { transfer: [{}] }), "DataCloneError", "transferable");
			assertThrows(() => structuredClone(buf, { transfer: [buf] }), "DataCloneError", "detached");
			assertThrows(() => structuredClone(buf), "DataCloneError", "detached");
			assertThrows(() => structuredClone(1, { transfer: 5 }), "TypeError");
			const keep = new ArrayBuffer(2);
			assertThrows(() => structuredClone([keep, () => 1], { transfer: [keep] }), "DataCloneError");
			assertEq(keep.byteLength, 2, "a failed clone detaches nothing");
		`)
	})
	t.Run("errors", func(t *testing.T) {
		h.Run(t, `
			const e = new RangeError("out", { cause: { why: 1 } });
			e.extra = 1;
			const c = structuredClone(e);
			assert(c instanceof RangeError && c !== e, "RangeError kept");
			assertEq(c.message, "out"); assertEq(c.name, "RangeError"); assertEq(c.stack, e.stack, "stack kept");
			assertEq(c.cause.why, 1, "cause cloned");
			class MyError extends TypeError { constructor() { super("mine"); this.name = "MyError"; } }
			const mc = structuredClone(new MyError());
			assertEq(Object.getPrototypeOf(mc), Error.prototype, "unknown names become Error"); assertEq(mc.message, "mine");
			const te = structuredClone(new TypeError());
			assert(!Object.prototype.hasOwnProperty.call(te, "message"), "no message stays no message");
			const de = structuredClone(new DOMException("gone", "NotFoundError"));
			assert(de instanceof DOMException, "DOMException is serializable"); assertEq(de.name, "NotFoundError"); assertEq(de.message, "gone");
		`)
	})
	t.Run("uncloneable values", func(t *testing.T) {
		h.Run(t, `
			assertThrows(() => structuredClone(function foo() {}), "DataCloneError", "function foo() {} could not be cloned.");
			assertThrows(() => structuredClone({ f: () => 1 }), "DataCloneError", "could not be cloned");
			assertThrows(() => structuredClone(new WeakMap()), "DataCloneError", "#<WeakMap> could not be cloned.");
			assertThrows(() => structuredClone(new WeakSet()), "DataCloneError");
			assertThrows(() => structuredClone(Promise.resolve()), "DataCloneError", "#<Promise>");
			assertThrows(() => structuredClone(new Proxy({}, {})), "DataCloneError");
			assertThrows(() => structuredClone(new TextEncoder()), "DataCloneError", "#<TextEncoder>");
			assertThrows(() => structuredClone([Symbol.iterator]), "DataCloneError");
			assertThrows(() => structuredClone(Object(Symbol("x"))), "DataCloneError");
			assertThrows(() => structuredClone({ get boom() { throw new RangeError("getter"); } }), "RangeError", "getter");
		`)
	})
}
