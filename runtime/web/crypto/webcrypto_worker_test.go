package crypto_test

import (
	"testing"

	"edgedev/runtime/runtimetest"
)

// Web Crypto inside a real worker: the event loop, Async settling from
// another goroutine (RSA key generation) and a request's own code.
func TestWebCrypto_InWorker(t *testing.T) {
	h := runtimetest.New(t)
	t.Run("RSA key generation settles later, on the loop", func(t *testing.T) {
		got := h.Run(t, `
			let settled = false;
			const p = crypto.subtle.generateKey({ name: "RSASSA-PKCS1-v1_5", modulusLength: 2048,
				publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, true, ["sign", "verify"]);
			p.then(() => { settled = true; });
			for (let i = 0; i < 10; i++) await null;
			// Generation runs on another goroutine, so these microtasks all run
			// before the promise can settle.
			const early = settled;
			const { publicKey, privateKey } = await p;
			const data = new TextEncoder().encode("payload");
			const sig = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", privateKey, data);
			const ok = await crypto.subtle.verify("RSASSA-PKCS1-v1_5", publicKey, sig, data);
			return [early, settled, ok, sig.byteLength, publicKey.algorithm.modulusLength, privateKey.type];`)
		if want := `[false,true,true,256,2048,"private"]`; got != want {
			t.Fatalf("got %s, want %s", got, want)
		}
	})
	t.Run("concurrent generations each settle once", func(t *testing.T) {
		got := h.Run(t, `
			const alg = { name: "RSA-OAEP", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-1" };
			const pairs = await Promise.all([1, 2, 3].map(() => crypto.subtle.generateKey(alg, false, ["encrypt", "decrypt"])));
			const out = [];
			for (const { publicKey, privateKey } of pairs) {
				const ct = await crypto.subtle.encrypt("RSA-OAEP", publicKey, new Uint8Array([7]));
				out.push(new Uint8Array(await crypto.subtle.decrypt("RSA-OAEP", privateKey, ct))[0]);
			}
			return out;`)
		if want := `[7,7,7]`; got != want {
			t.Fatalf("got %s, want %s", got, want)
		}
	})
	t.Run("a validation error rejects before any goroutine starts", func(t *testing.T) {
		got := h.Run(t, `
			try {
				await crypto.subtle.generateKey({ name: "RSA-PSS", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]),
					hash: "SHA-256" }, false, ["encrypt"]);
				return "resolved";
			} catch (e) { return [e.name, e.message, e instanceof DOMException]; }`)
		if want := `["SyntaxError","Attempt to generate RSA-PSS key with invalid usage \"encrypt\".",true]`; got != want {
			t.Fatalf("got %s, want %s", got, want)
		}
	})
	t.Run("the jwt.io HS256 example token verifies, and a tampered one does not", func(t *testing.T) {
		got := h.Run(t, `
			const token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
			const enc = new TextEncoder();
			const key = await crypto.subtle.importKey("raw", enc.encode("your-256-bit-secret"), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
			const b64 = (s) => Uint8Array.from(Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/"))), (c) => c.charCodeAt(0));
			const check = (t) => { const [h, p, s] = t.split("."); return crypto.subtle.verify("HMAC", key, b64(s), enc.encode(h + "." + p)); };
			const [h, p, s] = token.split(".");
			const resigned = await crypto.subtle.sign("HMAC", key, enc.encode(h + "." + p));
			const again = btoa(String.fromCharCode(...new Uint8Array(resigned))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
			return [await check(token), await check(h + "." + p + "." + s.replace("Sfl", "Tfl")), again === s];`)
		if want := `[true,false,true]`; got != want {
			t.Fatalf("got %s, want %s", got, want)
		}
	})
}
