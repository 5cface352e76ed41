package crypto_test

import (
	"encoding/json"
	"errors"
	"regexp"
	"strconv"
	"testing"

	"github.com/dop251/goja"

	"edgedev/runtime/runtimetest"
)

func TestCryptoDigest(t *testing.T) {
	h := runtimetest.New(t)
	t.Run("known answers", func(t *testing.T) {
		h.Run(t, `
			const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("");
			const abc = new TextEncoder().encode("abc");
			const vectors = [
				["SHA-1", abc, "a9993e364706816aba3e25717850c26c9cd0d89d"],
				["SHA-1", new Uint8Array(0), "da39a3ee5e6b4b0d3255bfef95601890afd80709"],
				["SHA-1", new TextEncoder().encode("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"), "84983e441c3bd26ebaae4aa1f95129e5e54670f1"],
				["SHA-256", abc, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
				["SHA-256", new ArrayBuffer(0), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
				["SHA-256", new TextEncoder().encode("a".repeat(1000000)), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"],
				["SHA-256", Uint8Array.from({ length: 256 }, (_, i) => i), "40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880"],
				["SHA-384", abc, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"],
				["SHA-384", new Uint8Array(0), "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b"],
				["SHA-512", abc, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"],
				["SHA-512", new Uint8Array(0), "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"],
				["MD5", abc, "900150983cd24fb0d6963f7d28e17f72"],
			];
			for (const [alg, data, want] of vectors) {
				const got = await crypto.subtle.digest(alg, data);
				assert(got instanceof ArrayBuffer, alg + " resolves to an ArrayBuffer");
				assertEq(hex(got), want, alg + " of " + data.byteLength + " bytes");
			}
			assertEq(hex(await crypto.subtle.digest({ name: "sha-256" }, abc)), vectors[3][2], "object form, any case");
			assertEq(hex(await crypto.subtle.digest("sha-1", abc.buffer)), vectors[0][2], "ArrayBuffer input");
			const padded = new Uint8Array([0, 97, 98, 99, 0]);
			assertEq(hex(await crypto.subtle.digest("SHA-256", padded.subarray(1, 4))), vectors[3][2], "view with offset");
			assertEq(hex(await crypto.subtle.digest("SHA-256", new DataView(padded.buffer, 1, 3))), vectors[3][2], "DataView");
		`)
	})
	t.Run("errors reject the promise", func(t *testing.T) {
		h.Run(t, `
			const data = new Uint8Array(1);
			const p = crypto.subtle.digest("SHA-999", data);
			assert(p instanceof Promise, "bad algorithm still returns a promise");
			const e = await assertRejects(p, "NotSupportedError", "Unrecognized or unimplemented digest algorithm requested.");
			assert(e instanceof DOMException, "DOMException");
			await assertRejects(crypto.subtle.digest("SHA-256", "abc"), "TypeError", "argument 2");
			await assertRejects(crypto.subtle.digest("SHA-256"), "TypeError");
			await assertRejects(crypto.subtle.digest({}, data), "TypeError", "name");
			await assertRejects(crypto.subtle.digest(undefined, data), "TypeError");
			await assertRejects(crypto.subtle.digest({ get name() { throw new RangeError("boom"); } }, data), "RangeError", "boom");
			await assertRejects(() => SubtleCrypto.prototype.digest.call({}, "SHA-1", data), "TypeError", "Illegal invocation");
		`)
	})
}

func TestCryptoRandom(t *testing.T) {
	h := runtimetest.New(t)
	t.Run("getRandomValues", func(t *testing.T) {
		h.Run(t, `
			const a = new Uint8Array(64);
			assertEq(crypto.getRandomValues(a), a, "returns its argument");
			assert(a.some((b) => b !== 0), "bytes were filled");
			for (const C of [Int8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array]) {
				const x = new C(8);
				crypto.getRandomValues(x);
				assert(x.some((v) => v != 0), C.name + " filled");
			}
			const big = new Uint8Array(65536);
			crypto.getRandomValues(big);
			const sub = new Uint8Array(16);
			crypto.getRandomValues(sub.subarray(4, 8));
			assertEq(sub[0] | sub[1] | sub[2] | sub[3] | sub[8] | sub[15], 0, "only the view is written");
			let e = assertThrows(() => crypto.getRandomValues(new Uint8Array(65537)), "QuotaExceededError",
				"getRandomValues() only accepts buffers of size <= 64K but provided 65537 bytes.");
			assert(e instanceof DOMException, "DOMException"); assertEq(e.code, 22);
			assertThrows(() => crypto.getRandomValues(new Uint32Array(16385)), "QuotaExceededError", "65540 bytes");
			for (const bad of [new Float32Array(4), new Float64Array(4), new DataView(new ArrayBuffer(4))]) {
				e = assertThrows(() => crypto.getRandomValues(bad), "TypeMismatchError", "integer-typed view");
				assertEq(e.code, 17);
			}
			for (const bad of [undefined, 5, "abc", [1, 2], {}, new ArrayBuffer(4)]) {
				assertThrows(() => crypto.getRandomValues(bad), "TypeError");
			}
			assertThrows(() => Crypto.prototype.getRandomValues.call({}, new Uint8Array(1)), "TypeError", "Illegal invocation");
		`)
	})
	t.Run("randomUUID", func(t *testing.T) {
		out := h.Run(t, `
			const seen = new Set();
			for (let i = 0; i < 100; i++) seen.add(crypto.randomUUID());
			assertEq(seen.size, 100, "no repeats");
			return crypto.randomUUID();
		`)
		var v string
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("randomUUID() gave %s: %v", out, err)
		}
		re := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
		if !re.MatchString(v) {
			t.Fatalf("randomUUID() = %q is not a lower-case v4 UUID", v)
		}
	})
	t.Run("interfaces", func(t *testing.T) {
		h.Run(t, `
			assert(crypto instanceof Crypto, "crypto instanceof Crypto");
			assert(crypto.subtle instanceof SubtleCrypto, "subtle instanceof SubtleCrypto");
			assertEq(crypto.subtle, crypto.subtle, "one subtle object");
			assertThrows(() => new Crypto(), "TypeError", "Illegal constructor");
			assertThrows(() => new SubtleCrypto(), "TypeError", "Illegal constructor");
			assertEq(Object.prototype.toString.call(crypto), "[object Crypto]");
			assertEq(typeof crypto.subtle.supports, "undefined", "unimplemented methods are absent, not stubs");
		`)
	})
	t.Run("timingSafeEqual", func(t *testing.T) {
		h.Run(t, `
			const a = new Uint8Array([1, 2, 3]);
			assertEq(crypto.subtle.timingSafeEqual(a, new Uint8Array([1, 2, 3])), true);
			assertEq(crypto.subtle.timingSafeEqual(a, new Uint8Array([1, 2, 4])), false);
			assertEq(crypto.subtle.timingSafeEqual(a.buffer, new Uint8Array([1, 2, 3]).buffer), true);
			assertThrows(() => crypto.subtle.timingSafeEqual(a, new Uint8Array(2)), "TypeError", "Input buffers must have the same byte length.");
			assertThrows(() => crypto.subtle.timingSafeEqual(a, "abc"), "TypeError");
		`)
	})
}

func BenchmarkCryptoDigest(b *testing.B) {
	for _, alg := range []string{"SHA-1", "SHA-256", "SHA-512"} {
		for _, size := range []int{64, 16 << 10} {
			b.Run(alg+"/"+byteSize(size), func(b *testing.B) {
				h := runtimetest.New(b, benchOptions)
				h.OnLoop(b, func(vm *goja.Runtime) error {
					subtle := vm.Get("crypto").ToObject(vm).Get("subtle")
					digest, _ := goja.AssertFunction(subtle.ToObject(vm).Get("digest"))
					data := vm.ToValue(vm.NewArrayBuffer(make([]byte, size)))
					name := vm.ToValue(alg)
					b.SetBytes(int64(size))
					b.ReportAllocs()
					for b.Loop() {
						p, err := digest(subtle, name, data)
						if err != nil {
							return err
						}
						if p.Export().(*goja.Promise).State() != goja.PromiseStateFulfilled {
							return errors.New("not fulfilled")
						}
					}
					return nil
				})
			})
		}
	}
}

func byteSize(n int) string {
	if n >= 1<<10 {
		return strconv.Itoa(n>>10) + "KiB"
	}
	return strconv.Itoa(n) + "B"
}
