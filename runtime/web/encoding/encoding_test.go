package encoding_test

import (
	"strings"
	"testing"

	"github.com/dop251/goja"

	"edgedev/runtime/runtimetest"
	"edgedev/runtime/webidl"
)

func TestTextEncoder(t *testing.T) {
	h := runtimetest.New(t)
	t.Run("encode", func(t *testing.T) {
		h.Run(t, `
			const te = new TextEncoder();
			assertEq(te.encoding, "utf-8");
			const a = te.encode("hi");
			assert(a instanceof Uint8Array, "returns a Uint8Array");
			assertBytes(a, [104, 105]);
			assertEq(a.buffer.byteLength, 2, "buffer holds exactly the bytes");
			assertBytes(te.encode("é€😀"), [0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80]);
			assertBytes(te.encode("a\uD800b"), [0x61, 0xEF, 0xBF, 0xBD, 0x62], "lone surrogate becomes U+FFFD");
			assertBytes(te.encode("\uDE00"), [0xEF, 0xBF, 0xBD], "lone trail surrogate");
			assertEq(te.encode().length, 0, "no argument");
			assertEq(te.encode(undefined).length, 0, "undefined");
			assertBytes(te.encode(null), [110, 117, 108, 108], "null is stringified");
			assertBytes(te.encode(12), [49, 50]);
			const big = "x".repeat(100000);
			assertEq(te.encode(big).length, 100000);
		`)
	})
	t.Run("encodeInto", func(t *testing.T) {
		h.Run(t, `
			const te = new TextEncoder();
			let dst = new Uint8Array(5);
			let r = te.encodeInto("héllo", dst);
			assertEq(r.read, 4); assertEq(r.written, 5);
			assertBytes(dst, [104, 0xC3, 0xA9, 108, 108]);
			dst = new Uint8Array(3);
			r = te.encodeInto("a😀", dst);
			assertEq(r.read, 1, "a surrogate pair that does not fit is not split");
			assertEq(r.written, 1);
			dst = new Uint8Array(8);
			r = te.encodeInto("a😀b", dst.subarray(2));
			assertEq(r.read, 4); assertEq(r.written, 6);
			assertBytes(dst, [0, 0, 0x61, 0xF0, 0x9F, 0x98, 0x80, 0x62], "writes through a subarray");
			assertThrows(() => te.encodeInto("x", new Uint8ClampedArray(4)), "TypeError", "Uint8Array");
			assertThrows(() => te.encodeInto("x", new ArrayBuffer(4)), "TypeError");
			assertThrows(() => te.encodeInto("x", [0, 0]), "TypeError");
		`)
	})
	t.Run("constructor and receiver checks", func(t *testing.T) {
		h.Run(t, `
			assertThrows(() => TextEncoder(), "TypeError", "new");
			assertThrows(() => TextEncoder.prototype.encode.call({}, "x"), "TypeError", "Illegal invocation");
			assertEq(TextEncoder.prototype.encode.name, "encode");
			assertEq(TextEncoder.name, "TextEncoder");
			assertEq(Object.prototype.toString.call(new TextEncoder()), "[object TextEncoder]");
			class Sub extends TextEncoder { extra = 1; }
			const s = new Sub();
			assertEq(s.extra, 1); assertBytes(s.encode("a"), [97]);
		`)
	})
}

func TestTextDecoder(t *testing.T) {
	h := runtimetest.New(t)
	t.Run("utf-8", func(t *testing.T) {
		h.Run(t, `
			const td = new TextDecoder();
			assertEq(td.encoding, "utf-8"); assertEq(td.fatal, false); assertEq(td.ignoreBOM, false);
			const u = (...b) => new Uint8Array(b);
			assertEq(td.decode(u(104, 105)), "hi");
			assertEq(td.decode(u(0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80)), "é€😀");
			assertEq(td.decode(), "");
			assertEq(td.decode(undefined), "");
			assertEq(td.decode(new ArrayBuffer(2)), "\0\0", "ArrayBuffer");
			assertEq(td.decode(new DataView(u(0x61, 0x62, 0x63).buffer, 1, 2)), "bc", "DataView with offset");
			assertEq(td.decode(u(0x78, 0x61, 0x62, 0x79).subarray(1, 3)), "ab", "subarray");
			assertEq(td.decode(new Uint16Array([0x6261])), "ab", "Uint16Array bytes");
			assertThrows(() => td.decode("abc"), "TypeError", "ArrayBuffer");
			assertThrows(() => td.decode(null), "TypeError");
			assertThrows(() => td.decode([1, 2]), "TypeError");
			assertThrows(() => td.decode(u(1), 5), "TypeError", "argument 2");
		`)
	})
	t.Run("replacement follows maximal subparts", func(t *testing.T) {
		h.Run(t, `
			const td = new TextDecoder();
			const d = (...b) => td.decode(new Uint8Array(b));
			const F = "\uFFFD";
			assertEq(d(0xE2, 0x82), F, "truncated 3-byte sequence is one U+FFFD");
			assertEq(d(0xE2, 0x82, 0x41), F + "A");
			assertEq(d(0xF0, 0x80, 0x80), F + F + F, "overlong lead cannot take 0x80");
			assertEq(d(0xED, 0xA0, 0x80), F + F + F, "surrogates are invalid");
			assertEq(d(0xC0, 0x80), F + F);
			assertEq(d(0x61, 0xF1, 0x80, 0x80, 0x62), "a" + F + "b");
			assertEq(d(0xFF, 0xFE), F + F);
			assertEq(d(0xF4, 0x90, 0x80, 0x80), F + F + F + F, "above U+10FFFF");
			assertEq(d(0xEF, 0xBF, 0xBD), F, "a literal U+FFFD passes");
		`)
	})
	t.Run("BOM", func(t *testing.T) {
		h.Run(t, `
			const u = (...b) => new Uint8Array(b);
			assertEq(new TextDecoder().decode(u(0xEF, 0xBB, 0xBF, 0x41)), "A");
			assertEq(new TextDecoder("utf-8", { ignoreBOM: true }).decode(u(0xEF, 0xBB, 0xBF, 0x41)), "\uFEFFA");
			const td = new TextDecoder();
			assertEq(td.decode(u(0xEF, 0xBB), { stream: true }), "", "BOM split over chunks");
			assertEq(td.decode(u(0xBF, 0x41), { stream: true }), "A");
			assertEq(td.decode(u(0xEF, 0xBB, 0xBF)), "\uFEFF", "only the first BOM of a stream goes");
			assertEq(td.decode(u(0xEF, 0xBB, 0xBF, 0x42)), "B", "a new stream strips again");
		`)
	})
	t.Run("streaming", func(t *testing.T) {
		h.Run(t, `
			const text = "aé€😀z";
			const bytes = new TextEncoder().encode(text);
			for (let size = 1; size <= 4; size++) {
				const td = new TextDecoder();
				let out = "";
				for (let i = 0; i < bytes.length; i += size) {
					out += td.decode(bytes.subarray(i, i + size), { stream: true });
				}
				out += td.decode();
				assertEq(out, text, "chunks of " + size);
			}
			const td = new TextDecoder();
			assertEq(td.decode(new Uint8Array([0xE2]), { stream: true }), "");
			assertEq(td.decode(new Uint8Array([0x82])), "\uFFFD", "flush of an incomplete sequence");
			assertEq(td.decode(new Uint8Array([0x41])), "A", "state reset after the flush");
			const t2 = new TextDecoder();
			assertEq(t2.decode(new Uint8Array([0xE2, 0x41]), { stream: true }), "\uFFFDA", "invalid, not incomplete");
		`)
	})
	t.Run("fatal", func(t *testing.T) {
		h.Run(t, `
			const td = new TextDecoder("utf-8", { fatal: true });
			assertEq(td.fatal, true);
			assertEq(td.decode(new Uint8Array([0x61])), "a");
			assertThrows(() => td.decode(new Uint8Array([0x61, 0xFF])), "TypeError", "Failed to decode input.");
			td.decode(new Uint8Array([0xE2]), { stream: true });
			assertThrows(() => td.decode(), "TypeError", undefined, "incomplete at the end");
			assertEq(td.decode(new Uint8Array([0x62])), "b", "usable after an error");
			const t16 = new TextDecoder("utf-16le", { fatal: true });
			assertThrows(() => t16.decode(new Uint8Array([0x00, 0xD8])), "TypeError");
		`)
	})
	t.Run("utf-16", func(t *testing.T) {
		h.Run(t, `
			const u = (...b) => new Uint8Array(b);
			const le = new TextDecoder("utf-16le");
			assertEq(le.encoding, "utf-16le");
			assertEq(le.decode(u(0x41, 0x00, 0x3D, 0xD8, 0x00, 0xDE)), "A😀");
			assertEq(le.decode(u(0xFF, 0xFE, 0x41, 0x00)), "A", "BOM");
			assertEq(le.decode(u(0x41, 0x00, 0x42)), "A\uFFFD", "odd byte at the end");
			assertEq(le.decode(u(0x00, 0xD8, 0x41, 0x00)), "\uFFFDA", "lead surrogate without trail");
			assertEq(le.decode(u(0x00, 0xDC)), "\uFFFD", "lone trail");
			assertEq(le.decode(u(0x41), { stream: true }), "");
			assertEq(le.decode(u(0x00, 0x3D), { stream: true }), "A");
			assertEq(le.decode(u(0xD8, 0x00), { stream: true }), "");
			assertEq(le.decode(u(0xDE)), "😀", "pair split across three chunks");
			assertEq(new TextDecoder("utf-16").encoding, "utf-16le", "utf-16 means LE");
			const be = new TextDecoder("utf-16be");
			assertEq(be.decode(u(0xFE, 0xFF, 0x00, 0x41, 0xD8, 0x3D, 0xDE, 0x00)), "A😀");
		`)
	})
	t.Run("windows-1252 and labels", func(t *testing.T) {
		h.Run(t, `
			for (const l of ["latin1", " ASCII ", "iso-8859-1", "windows-1252", "US-ASCII\n"]) {
				assertEq(new TextDecoder(l).encoding, "windows-1252", l);
			}
			const td = new TextDecoder("latin1");
			assertEq(td.decode(new Uint8Array([0x80, 0xE9, 0x41, 0x9F, 0x81])), "€éAŸ\x81");
			assertEq(td.decode(new Uint8Array([0x41, 0x42])), "AB");
			assertEq(new TextDecoder("UTF8").encoding, "utf-8");
			assertEq(new TextDecoder(" unicode-1-1-utf-8").encoding, "utf-8");
			const e = assertThrows(() => new TextDecoder("foo"), "RangeError");
			assertEq(e.message, '"foo" is not a valid encoding.');
			assertThrows(() => new TextDecoder("utf-8", 3), "TypeError");
			assertThrows(() => TextDecoder(), "TypeError");
		`)
	})
}

func TestBase64(t *testing.T) {
	h := runtimetest.New(t)
	h.Run(t, `
		const pairs = [["", ""], ["a", "YQ=="], ["ab", "YWI="], ["abc", "YWJj"], ["abcd", "YWJjZA=="],
			["\xff\xfe\x00", "//4A"], ["é", "6Q=="]];
		for (const [plain, enc] of pairs) {
			assertEq(btoa(plain), enc, "btoa " + JSON.stringify(plain));
			assertEq(atob(enc), plain, "atob " + enc);
		}
		assertEq(btoa(null), "bnVsbA=="); assertEq(btoa(undefined), "dW5kZWZpbmVk"); assertEq(btoa(12), "MTI=");
		assertEq(atob("YQ"), "a", "padding is optional");
		assertEq(atob(" Y Q = =\n"), "a", "whitespace is ignored");
		assertEq(atob("YR=="), "a", "non-zero leftover bits are dropped");
		assertEq(atob(null), "\x9e\xe9e");
		assertEq(atob("/w==").charCodeAt(0), 255);
		for (const bad of ["Y", "YQ=", "YQ===", "Y=Q=", "YQ==YQ==", "YQ*=", "ä", "YQ\v"]) {
			const e = assertThrows(() => atob(bad), "InvalidCharacterError", "atob() called with invalid base64-encoded data.", "atob " + JSON.stringify(bad));
			assert(e instanceof DOMException, "a DOMException");
			assertEq(e.code, 5);
		}
		assertThrows(() => atob(undefined), "InvalidCharacterError");
		const e = assertThrows(() => btoa("€"), "InvalidCharacterError");
		assertEq(e.message, "btoa() can only operate on characters in the Latin1 (ISO/IEC 8859-1) range.");
		assertThrows(() => btoa("\uD800"), "InvalidCharacterError", undefined, "lone surrogate");
		assertThrows(() => atob(), "TypeError");
		assertThrows(() => btoa(), "TypeError");
		const all = Array.from({length: 256}, (_, i) => String.fromCharCode(i)).join("");
		assertEq(atob(btoa(all)), all, "every Latin-1 character round-trips");
	`)
}

// encodingBench calls method on a fresh instance of class b.N times with
// the argument arg makes, on a harness worker's loop.
func encodingBench(b *testing.B, class, method string, size int, arg func(vm *goja.Runtime) goja.Value) {
	h := runtimetest.New(b)
	h.OnLoop(b, func(vm *goja.Runtime) error {
		obj, err := vm.RunString("new " + class + "()")
		if err != nil {
			return err
		}
		fn, ok := goja.AssertFunction(obj.ToObject(vm).Get(method))
		if !ok {
			b.Fatal("no method")
		}
		a := arg(vm)
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := fn(obj, a); err != nil {
				return err
			}
		}
		return nil
	})
}

func BenchmarkTextEncoderEncode(b *testing.B) {
	for _, tc := range []struct{ name, s string }{
		{"ascii-16B", strings.Repeat("a", 16)},
		{"ascii-1KiB", strings.Repeat("abcdefgh", 128)},
		{"ascii-64KiB", strings.Repeat("abcdefgh", 8192)},
		{"mixed-1KiB", strings.Repeat("héllo wörld €😀 ", 50)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			encodingBench(b, "TextEncoder", "encode", len(tc.s), func(vm *goja.Runtime) goja.Value { return vm.ToValue(tc.s) })
		})
	}
}

func BenchmarkTextDecoderDecode(b *testing.B) {
	for _, tc := range []struct{ name, s string }{
		{"ascii-16B", strings.Repeat("a", 16)},
		{"ascii-1KiB", strings.Repeat("abcdefgh", 128)},
		{"ascii-64KiB", strings.Repeat("abcdefgh", 8192)},
		{"mixed-1KiB", strings.Repeat("héllo wörld €😀 ", 50)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			encodingBench(b, "TextDecoder", "decode", len(tc.s), func(vm *goja.Runtime) goja.Value {
				return webidl.MustOf(vm).Uint8Array([]byte(tc.s))
			})
		})
	}
}
