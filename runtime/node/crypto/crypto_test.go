package crypto_test

import (
	"encoding/json"
	"os"
	"testing"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

func harness(t *testing.T) *runtimetest.Harness {
	return runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
}

// hex renders a Buffer or Uint8Array result the way testdata/probe.js did.
const prelude = `const crypto = __edgedev_import("node:crypto");
const hex = (u) => Array.from(u, (b) => b.toString(16).padStart(2, "0")).join("");
const bytes = (n, v) => new Uint8Array(n).fill(v);
function t(fn) { try { const r = fn(); return { ok: r instanceof Uint8Array ? "Buffer:" + hex(r) : r }; } catch (e) { return { name: e.name, code: e.code, message: e.message }; } }
`

// TestCrypto_MatchesWorkerd runs the probes of testdata/probe.js that need
// no Buffer and compares each with what wrangler 4.86.0 answered
// (testdata/workerd.json).
func TestCrypto_MatchesWorkerd(t *testing.T) {
	raw, err := os.ReadFile("testdata/workerd.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]json.RawMessage
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	probes := map[string]string{
		"hashes":          `crypto.getHashes().join(",")`,
		"ciphers":         `crypto.getCiphers().join(",")`,
		"curves":          `crypto.getCurves().join(",")`,
		"badDigest":       `crypto.createHash("nope")`,
		"noDigest":        `crypto.createHash()`,
		"numDigest":       `crypto.createHash(5)`,
		"hashUpdateNum":   `crypto.createHash("sha256").update(5)`,
		"hashTwice":       `(() => { const h = crypto.createHash("sha256"); h.digest(); return h.digest(); })()`,
		"hashUpdateAfter": `(() => { const h = crypto.createHash("sha256"); h.digest(); return h.update("x"); })()`,
		"shake":           `crypto.createHash("shake256", { outputLength: 10 }).update("a").digest("hex")`,
		"sha3":            `crypto.createHash("sha3-256").update("a").digest("base64")`,
		"md5latin1":       `crypto.createHash("md5").update("é", "latin1").digest("base64url")`,
		"ripemd":          `crypto.createHash("ripemd160").update("a").digest("hex")`,
		"sha512_256":      `crypto.createHash("sha512-256").update("a").digest("hex")`,
		"rsaSha":          `crypto.createHash("RSA-SHA256").update("a").digest("hex")`,
		"hashFn":          `crypto.hash("sha1", "abc")`,
		"hmacNoKey":       `crypto.createHmac("sha256")`,
		"hmacBad":         `crypto.createHmac("nope", "k")`,
		"hmac":            `crypto.createHmac("sha256", "k").update("a").digest("hex")`,
		"digestBadEnc":    `crypto.createHash("sha256").update("a").digest("nope")`,
		"pbkdf2":          `crypto.pbkdf2Sync("pw", "salt", 1000, 20, "sha256")`,
		"pbkdf2Bad":       `crypto.pbkdf2Sync("pw", "salt", 1000, 20, "nope")`,
		"pbkdf2NoDigest":  `crypto.pbkdf2Sync("pw", "salt", 1000, 20)`,
		"pbkdf2NegIter":   `crypto.pbkdf2Sync("pw", "salt", -1, 20, "sha1")`,
		"pbkdf2Cb":        `crypto.pbkdf2("pw", "salt", 1, 20, "sha1")`,
		"scrypt":          `crypto.scryptSync("pw", "salt", 16, { N: 1024 })`,
		"scryptBadN":      `crypto.scryptSync("pw", "salt", 16, { N: 1000 })`,
		"hkdf":            `new Uint8Array(crypto.hkdfSync("sha256", "key", "salt", "info", 16))`,
		"hkdfBad":         `crypto.hkdfSync("nope", "key", "salt", "info", 16)`,
		"randomBytesNeg":  `crypto.randomBytes(-1)`,
		"randomBytesStr":  `crypto.randomBytes("1")`,
		"randomUUIDlen":   `crypto.randomUUID().length`,
		"randomIntBad":    `crypto.randomInt(5, 1)`,
		"randomIntNonInt": `crypto.randomInt(1.5)`,
		"cbcNoPad":        `(() => { const c = crypto.createCipheriv("aes-128-cbc", bytes(16, 1), bytes(16, 3)); c.setAutoPadding(false); c.update("abc"); return c.final(); })()`,
		"tse":             `crypto.timingSafeEqual(new Uint8Array([97, 98]), new Uint8Array([97, 98, 99]))`,
		"tseStr":          `crypto.timingSafeEqual("ab", "ab")`,
		"gcm":             `(() => { const c = crypto.createCipheriv("aes-256-gcm", bytes(32, 1), bytes(12, 2)); c.setAAD(new TextEncoder().encode("aad")); return c.update("hello", "utf8", "hex") + c.final("hex") + "/" + hex(c.getAuthTag()); })()`,
		"gcmBadTag":       `(() => { const d = crypto.createDecipheriv("aes-256-gcm", bytes(32, 1), bytes(12, 2)); d.setAuthTag(bytes(16, 0)); d.update(new Uint8Array([0])); return d.final(); })()`,
		"gcmNoTag":        `(() => { const d = crypto.createDecipheriv("aes-256-gcm", bytes(32, 1), bytes(12, 2)); d.update(new Uint8Array([0])); return d.final(); })()`,
		"cbc":             `(() => { const c = crypto.createCipheriv("aes-128-cbc", bytes(16, 1), bytes(16, 3)); return c.update("hello world, 17b!", "utf8", "hex") + c.final("hex"); })()`,
		"cbcBadPad":       `(() => { const d = crypto.createDecipheriv("aes-128-cbc", bytes(16, 1), bytes(16, 3)); d.update(bytes(16, 0)); return d.final(); })()`,
		"cbcBadIV":        `crypto.createCipheriv("aes-128-cbc", bytes(16, 1), bytes(5, 0))`,
		"cbcBadKey":       `crypto.createCipheriv("aes-128-cbc", bytes(5, 0), bytes(16, 3))`,
		"badCipher":       `crypto.createCipheriv("aes-999-cbc", bytes(16, 0), bytes(16, 3))`,
		"ctr":             `(() => { const c = crypto.createCipheriv("aes-256-ctr", bytes(32, 1), bytes(16, 3)); return c.update("hello", "utf8", "base64") + c.final("base64"); })()`,
		"ecb":             `crypto.createCipheriv("aes-128-ecb", bytes(16, 1), null)`,
		"chacha":          `(() => { const c = crypto.createCipheriv("chacha20-poly1305", bytes(32, 1), bytes(12, 2), { authTagLength: 16 }); return c.update("hi", "utf8", "hex") + c.final("hex") + "/" + hex(c.getAuthTag()); })()`,
		"cipherInfo":      `JSON.stringify(crypto.getCipherInfo("aes-256-gcm"))`,
		"hmacKeyObj":      `crypto.createHmac("sha256", crypto.createSecretKey(new TextEncoder().encode("k"))).update("a").digest("hex")`,
		"keyObjEq":        `crypto.createSecretKey(new TextEncoder().encode("k")).equals(crypto.createSecretKey(new TextEncoder().encode("k")))`,
		"webcrypto":       `crypto.webcrypto === globalThis.crypto && crypto.subtle === globalThis.crypto.subtle`,
		"badPem":          `crypto.createPublicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")`,
		"notPem":          `crypto.createPrivateKey("hello")`,
		"signBadKey":      `crypto.createSign("SHA256").update("m").sign("nope")`,
	}
	h := harness(t)
	for name, src := range probes {
		t.Run(name, func(t *testing.T) {
			w, ok := want[name]
			if !ok {
				t.Fatalf("no recorded answer for %s", name)
			}
			got := h.Run(t, prelude+"return t(() => "+src+");")
			var g, wv any
			_ = json.Unmarshal([]byte(got), &g)
			_ = json.Unmarshal(w, &wv)
			gj, _ := json.Marshal(g)
			wj, _ := json.Marshal(wv)
			if string(gj) != string(wj) {
				t.Errorf("got  %s\nwant %s", gj, wj)
			}
		})
	}
}
