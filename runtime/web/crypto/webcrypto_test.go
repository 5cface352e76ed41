package crypto_test

import (
	"os"
	"testing"

	"edgedev/runtime/runtimetest"
)

// webCryptoHelpersJS is what every Web Crypto test script can use: hex and
// base64 helpers and V, the known answers Node's Web Crypto (OpenSSL) made
// for testdata/webcrypto_vectors.json. newCryptoHarness makes them globals.
const webCryptoHelpersJS = `
const hex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, "0")).join("");
const unhex = (s) => new Uint8Array((s.match(/../g) || []).map((h) => parseInt(h, 16)));
const utf8 = (s) => new TextEncoder().encode(s);
const fromB64 = (s) => Uint8Array.from(Array.from(atob(s)), (c) => c.charCodeAt(0));
const b64url = (b) => btoa(String.fromCharCode(...new Uint8Array(b))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const fill = (n, v) => new Uint8Array(n).fill(v);
const subtle = crypto.subtle;
`

// newCryptoHarness is a harness worker whose global scope also has the test
// helpers and V.
func newCryptoHarness(t testing.TB, opts ...runtimetest.Options) *runtimetest.Harness {
	t.Helper()
	h := runtimetest.New(t, opts...)
	vectors, err := os.ReadFile("testdata/webcrypto_vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	h.Run(t, webCryptoHelpersJS+"Object.assign(globalThis, { hex, unhex, utf8, fromB64, b64url, fill, subtle, V: "+string(vectors)+" });")
	return h
}

func TestWebCrypto_CryptoKey(t *testing.T) {
	h := newCryptoHarness(t)
	t.Run("class surface", func(t *testing.T) {
		h.Run(t, `
			assertEq(typeof CryptoKey, "function");
			assertThrows(() => new CryptoKey(), "TypeError", "Illegal constructor");
			const k = await subtle.importKey("raw", utf8("secret"), { name: "HMAC", hash: "SHA-256" }, true, ["verify", "sign"]);
			assert(k instanceof CryptoKey, "instanceof CryptoKey");
			assertEq(Object.prototype.toString.call(k), "[object CryptoKey]");
			assertEq(k.type, "secret");
			assertEq(k.extractable, true);
			assertEq(JSON.stringify(k.algorithm), '{"name":"HMAC","hash":{"name":"SHA-256"},"length":48}');
			assertEq(k.algorithm, k.algorithm, "algorithm is cached");
			assertEq(k.usages.join(), "sign,verify", "usages in the spec's order, whatever order was asked");
			assertEq(k.usages, k.usages, "usages is cached");
			for (const p of ["type", "extractable", "algorithm", "usages"]) {
				const d = Object.getOwnPropertyDescriptor(CryptoKey.prototype, p);
				assert(d && d.get && !d.set, p + " is a prototype getter");
				assertThrows(() => d.get.call({}), "TypeError", "Illegal invocation");
			}
			assertEq(Object.keys(k).length, 0, "no own properties");
		`)
	})
	t.Run("a key argument is looked up afresh when it may have changed", func(t *testing.T) {
		// asKey remembers the last key; these are the objects whose answer
		// can change between calls, so none of them may be remembered.
		h.Run(t, `
			const k = await subtle.importKey("raw", utf8("secret"), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
			const data = utf8("x");
			const rejects = async (key, why) => {
				try { await subtle.sign("HMAC", key, data); } catch (e) { assertEq(e.name, "TypeError", why); return; }
				throw new Error("signed with " + why);
			};
			const inherits = Object.create(k);
			await subtle.sign("HMAC", inherits, data);
			await subtle.sign("HMAC", inherits, data);
			Object.setPrototypeOf(inherits, {});
			await rejects(inherits, "an object that no longer inherits from the key");
			const { proxy, revoke } = Proxy.revocable(k, {});
			await subtle.sign("HMAC", proxy, data);
			await subtle.sign("HMAC", proxy, data);
			revoke();
			await rejects(proxy, "a revoked proxy");
			Object.setPrototypeOf(k, null);
			assertEq((await subtle.sign("HMAC", k, data)).byteLength, 32, "a key with another prototype is still a key");
			// A forgery that copies keys' state under the state symbol.
			const k2 = await subtle.importKey("raw", utf8("other"), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
			const [state] = Object.getOwnPropertySymbols(k2);
			const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, "0")).join("");
			const fake = Object.create(CryptoKey.prototype);
			fake[state] = k[state];
			const first = hex(await subtle.sign("HMAC", fake, data));
			fake[state] = k2[state];
			assertEq(hex(await subtle.sign("HMAC", fake, data)), hex(await subtle.sign("HMAC", k2, data)), "the forgery signs with the state it has now");
			assert(first !== hex(await subtle.sign("HMAC", k2, data)), "the two keys differ");
		`)
	})
	t.Run("methods exist on SubtleCrypto.prototype", func(t *testing.T) {
		h.Run(t, `
			const want = { encrypt: 3, decrypt: 3, sign: 3, verify: 4, digest: 2, generateKey: 3, deriveKey: 5,
				deriveBits: 2, importKey: 5, exportKey: 2, wrapKey: 4, unwrapKey: 7 };
			for (const [name, length] of Object.entries(want)) {
				const f = SubtleCrypto.prototype[name];
				assertEq(typeof f, "function", name);
				assertEq(f.name, name);
				assertEq(f.length, length, name + ".length");
			}
			assertEq(typeof subtle.timingSafeEqual, "function");
		`)
	})
}

func TestWebCrypto_Errors(t *testing.T) {
	h := newCryptoHarness(t)
	t.Run("argument types are TypeErrors through the promise", func(t *testing.T) {
		h.Run(t, `
			const key = await subtle.importKey("raw", utf8("k"), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
			const p = subtle.sign("HMAC", key);
			assert(p instanceof Promise, "a promise even for missing arguments");
			await assertRejects(p, "TypeError", "3 arguments required, but only 2 present");
			await assertRejects(subtle.sign("HMAC", {}, utf8("x")), "TypeError", "argument 2 must be a CryptoKey");
			await assertRejects(subtle.sign("HMAC", key, "text"), "TypeError", "argument 3 must be an ArrayBuffer or ArrayBufferView");
			await assertRejects(subtle.sign({}, key, utf8("x")), "TypeError", 'missing the required member "name"');
			await assertRejects(subtle.sign(undefined, key, utf8("x")), "TypeError", "algorithm");
			await assertRejects(subtle.verify("HMAC", key, null, utf8("x")), "TypeError", "argument 3");
			await assertRejects(subtle.importKey("raw", utf8("k"), { name: "HMAC", hash: "SHA-256" }, false, "sign"), "TypeError", "keyUsages");
			await assertRejects(subtle.importKey("raw", 42, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]), "TypeError", "keyData");
			await assertRejects(subtle.importKey("raw", { kty: "oct", k: "AA" }, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]),
				"TypeError", "Import data provided for buffer-based import formats must be a buffer source.");
			await assertRejects(subtle.importKey("jwk", utf8("k"), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]),
				"TypeError", 'Import data provided for "jwk" import format must be a JsonWebKey.');
			await assertRejects(subtle.importKey("jwk", { k: "AA" }, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]), "TypeError", '"kty"');
			await assertRejects(subtle.encrypt({ name: "AES-GCM", iv: "nope" },
				await subtle.generateKey({ name: "AES-GCM", length: 128 }, false, ["encrypt"]), utf8("x")), "TypeError", '"iv"');
			await assertRejects(() => SubtleCrypto.prototype.sign.call({}, "HMAC", key, utf8("x")), "TypeError", "Illegal invocation");
			const fromSet = await subtle.importKey("raw", utf8("k"), { name: "HMAC", hash: "SHA-256" }, false, new Set(["verify"]));
			assertEq(fromSet.usages.join(), "verify", "keyUsages may be any iterable");
			await assertRejects(subtle.importKey("raw", utf8("k"), { name: "HMAC", hash: "SHA-256" }, false, { 0: "sign", length: 1 }),
				"TypeError", "argument 5 (keyUsages) must be a sequence of strings");
			await assertRejects(subtle.importKey("jwk", { kty: "oct", k: "AAAA", key_ops: "sign" }, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]),
				"TypeError", 'JsonWebKey member "key_ops" must be a sequence of strings');
			await assertRejects(subtle.deriveBits({ name: "ECDH", public: {} },
				(await subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, false, ["deriveBits"])).privateKey, 8), "TypeError", 'member "public" must be a CryptoKey');
			await assertRejects(subtle.sign({ get name() { throw new RangeError("boom"); } }, key, utf8("x")), "RangeError", "boom");
		`)
	})
	t.Run("DOMExceptions with workerd's names and messages", func(t *testing.T) {
		h.Run(t, `
			const hmac = await subtle.importKey("raw", utf8("k"), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
			let e = await assertRejects(subtle.sign("HMAC-X", hmac, utf8("x")), "InvalidAccessError",
				'Requested algorithm "HMAC-X" does not match this CryptoKey\'s algorithm "HMAC".');
			assert(e instanceof DOMException, "a DOMException"); assertEq(e.code, 15);
			await assertRejects(subtle.verify("hmac", hmac, utf8("x"), utf8("x")), "InvalidAccessError",
				'Requested key usage "verify" does not match any usage listed in this CryptoKey.');
			await assertRejects(subtle.importKey("raw", utf8("k"), "FOO", false, ["sign"]), "NotSupportedError",
				'Unrecognized key import algorithm "FOO" requested.');
			await assertRejects(subtle.generateKey("PBKDF2", false, ["deriveBits"]), "NotSupportedError",
				'Unrecognized key generation algorithm "PBKDF2" requested.');
			await assertRejects(subtle.importKey("pem", utf8("k"), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]), "NotSupportedError",
				'Unrecognized key import format "pem".');
			await assertRejects(subtle.importKey("raw", utf8("k"), { name: "HMAC", hash: "SHA-999" }, false, ["sign"]), "NotSupportedError",
				"Unrecognized or unimplemented digest algorithm requested.");
			await assertRejects(subtle.importKey("raw", utf8("k"), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "encrypt"]), "SyntaxError",
				'Attempt to import secret HMAC key with invalid usage "encrypt".');
			await assertRejects(subtle.importKey("raw", utf8("k"), { name: "HMAC", hash: "SHA-256" }, false, ["bogus"]), "SyntaxError",
				'invalid usage "bogus"');
			await assertRejects(subtle.importKey("raw", utf8("k"), { name: "HMAC", hash: "SHA-256" }, false, []), "SyntaxError",
				"Secret/private CryptoKeys must have at least one usage.");
			await assertRejects(subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]), "SyntaxError",
				"Attempt to generate asymmetric keys with no valid private key usages.");
			await assertRejects(subtle.exportKey("raw", hmac), "InvalidAccessError", "Attempt to export non-extractable HMAC key.");
			await assertRejects(subtle.deriveBits("HMAC", hmac, 128), "InvalidAccessError", 'Requested key usage "deriveBits"');
			const pw = await subtle.importKey("raw", utf8("pw"), "PBKDF2", false, ["deriveBits"]);
			await assertRejects(subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: utf8("s"), iterations: 1 }, pw, -8),
				"TypeError", "deriveBits length must be an unsigned long integer.");
			await assertRejects(subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: utf8("s"), iterations: 1 }, pw,
				{ name: "RC4", length: 128 }, false, ["encrypt"]), "InvalidAccessError", 'Requested key usage "deriveKey"');
			const pw2 = await subtle.importKey("raw", utf8("pw"), "PBKDF2", false, ["deriveKey"]);
			await assertRejects(subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: utf8("s"), iterations: 1 }, pw2,
				{ name: "RC4", length: 128 }, false, ["encrypt"]), "NotSupportedError", 'Unrecognized derived key type "RC4" requested.');
			await assertRejects(subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: utf8("s"), iterations: 1 }, pw2,
				{ name: "AES-GCM", length: 100 }, false, ["encrypt"]), "OperationError",
				"Derived AES key must be 128, 192, or 256 bits in length but provided 100.");
			await assertRejects(subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: utf8("s"), iterations: 1 }, pw2,
				{ name: "AES-GCM" }, false, ["encrypt"]), "TypeError", 'Missing field "length" in "derivedKeyParams".');
		`)
	})
	t.Run("algorithm names match case-insensitively and keys take the canonical spelling", func(t *testing.T) {
		h.Run(t, `
			const cases = [
				[{ name: "hmac", hash: "sha-256" }, ["sign"], "HMAC"],
				[{ name: "aes-gcm", length: 128 }, ["encrypt"], "AES-GCM"],
				[{ name: "rsassa-pkcs1-V1_5", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "sha-1" }, ["sign"], "RSASSA-PKCS1-v1_5"],
				[{ name: "ecdsa", namedCurve: "p-256" }, ["sign"], "ECDSA"],
				[{ name: "ed25519" }, ["sign"], "Ed25519"],
				[{ name: "x25519" }, ["deriveBits"], "X25519"],
				[{ name: "node-ed25519", namedCurve: "NODE-ED25519" }, ["sign"], "NODE-ED25519"],
			];
			for (const [alg, usages, want] of cases) {
				const k = await subtle.generateKey(alg, false, usages);
				const key = k.privateKey || k;
				assertEq(key.algorithm.name, want, alg.name);
			}
			const h = await subtle.generateKey({ name: "hmac", hash: { name: "sha-512" } }, true, ["sign"]);
			assertEq(h.algorithm.hash.name, "SHA-512");
			assertEq(h.algorithm.length, 1024, "HMAC keys default to the hash's block size");
			assertEq((await subtle.generateKey({ name: "ECDSA", namedCurve: "p-384" }, false, ["sign"])).privateKey.algorithm.namedCurve, "P-384");
		`)
	})
}
