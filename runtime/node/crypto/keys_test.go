package crypto_test

import (
	"os"
	"testing"

	"edgedev/runtime/runtimetest"
)

// TestKeys runs keys and signatures Node 20 made (testdata/node-keys.json,
// from `node -e` with generateKeyPairSync, export and sign) through our
// KeyObject, sign and verify: PKCS#1 v1.5 and Ed25519 signatures are
// deterministic, so ours must be byte for byte Node's.
func TestKeys(t *testing.T) {
	raw, err := os.ReadFile("testdata/node-keys.json")
	if err != nil {
		t.Fatal(err)
	}
	h := harness(t)
	pre := prelude + `const K = ` + string(raw) + `;
const m = Buffer.from("message to sign");
`
	cases := []runtimetest.Case{
		{Name: "RSA PKCS#1 v1.5 signature is Node's", Src: `return crypto.sign("sha256", m, K.rsaPriv).toString("base64") === K.rsaSig;`, Want: `true`},
		{Name: "the same through createSign, a pkcs1 PEM and a KeyObject", Src: `
			const k = crypto.createPrivateKey(K.rsaPrivPkcs1);
			return [crypto.createSign("RSA-SHA256").update("message ").update("to sign").sign(k, "base64") === K.rsaSig, k.type, k.asymmetricKeyType, k.asymmetricKeyDetails.modulusLength, k.asymmetricKeyDetails.publicExponent === 65537n];`, Want: `[true,"private","rsa",2048,true]`},
		{Name: "RSA verify: good, tampered, from DER", Src: `
			const der = crypto.createPublicKey({ key: Buffer.from(K.rsaPubDer, "base64"), format: "der", type: "spki" });
			return [crypto.verify("sha256", m, K.rsaPub, Buffer.from(K.rsaSig, "base64")),
				crypto.verify("sha256", Buffer.from("other"), K.rsaPub, Buffer.from(K.rsaSig, "base64")),
				crypto.createVerify("sha256").update(m).verify(der, K.rsaSig, "base64")];`, Want: `[true,false,true]`},
		{Name: "RSA-PSS: Node's signature verifies, ours round trips", Src: `
			const pss = { padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
			const ours = crypto.sign("sha256", m, { key: K.rsaPriv, ...pss });
			return [crypto.verify("sha256", m, { key: K.rsaPub, ...pss }, Buffer.from(K.rsaPss, "base64")), crypto.verify("sha256", m, { key: K.rsaPub, ...pss }, ours)];`, Want: `[true,true]`},
		{Name: "privateDecrypt opens Node's OAEP-SHA256 ciphertext", Src: `return crypto.privateDecrypt({ key: K.rsaPriv, oaepHash: "sha256" }, Buffer.from(K.rsaOaep, "base64")).toString();`, Want: `"secret"`},
		{Name: "publicEncrypt and privateDecrypt, PKCS#1 padding", Src: `
			const ct = crypto.publicEncrypt({ key: K.rsaPub, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.from("hi"));
			return crypto.privateDecrypt({ key: K.rsaPriv, padding: crypto.constants.RSA_PKCS1_PADDING }, ct).toString();`, Want: `"hi"`},
		{Name: "JWK export is Node's, for RSA, EC and Ed25519", Src: `
			const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
			return [same(crypto.createPrivateKey(K.rsaPriv).export({ format: "jwk" }), K.rsaJwk),
				same(crypto.createPublicKey(K.rsaPriv).export({ format: "jwk" }), K.rsaPubJwk),
				same(crypto.createPrivateKey(K.ecPriv).export({ format: "jwk" }), K.ecJwk),
				same(crypto.createPrivateKey(K.edPriv).export({ format: "jwk" }), K.edJwk)];`, Want: `[true,true,true,true]`},
		{Name: "JWK import round trips to the same PEM", Src: `
			return [crypto.createPrivateKey({ key: K.rsaJwk, format: "jwk" }).export({ type: "pkcs8", format: "pem" }) === K.rsaPriv,
				crypto.createPrivateKey({ key: K.ecJwk, format: "jwk" }).export({ type: "sec1", format: "pem" }) === K.ecPriv,
				crypto.createPublicKey({ key: K.edJwk, format: "jwk" }).export({ type: "spki", format: "pem" }) === K.edPub];`, Want: `[true,true,true]`},
		{Name: "ECDSA: Node's DER and P1363 signatures verify", Src: `
			return [crypto.verify("sha256", m, K.ecPub, Buffer.from(K.ecSig, "base64")),
				crypto.verify("sha256", m, { key: K.ecPub, dsaEncoding: "ieee-p1363" }, Buffer.from(K.ecSigP1363, "base64")),
				crypto.sign("sha256", m, { key: K.ecPriv, dsaEncoding: "ieee-p1363" }).length,
				crypto.createPublicKey(K.ecPub).asymmetricKeyDetails.namedCurve];`, Want: `[true,true,64,"prime256v1"]`},
		{Name: "Ed25519 signature is Node's", Src: `return crypto.sign(null, m, K.edPriv).toString("base64") === K.edSig && crypto.verify(null, m, K.edPub, Buffer.from(K.edSig, "base64"));`, Want: `true`},
		// The shapes below are workerd's answers (testdata/workerd.json: genEd, genEc, genRsa, secretKey).
		{Name: "generateKeyPairSync ed25519 (workerd)", Src: `
			const { publicKey, privateKey } = crypto.generateKeyPairSync("ed25519");
			const s = crypto.sign(null, Buffer.from("m"), privateKey);
			return JSON.stringify([publicKey.type, publicKey.asymmetricKeyType, s.length, crypto.verify(null, Buffer.from("m"), publicKey, s), publicKey.export({ type: "spki", format: "pem" }).split("\n")[0]]);`,
			Want: `"[\"public\",\"ed25519\",64,true,\"-----BEGIN PUBLIC KEY-----\"]"`},
		{Name: "generateKeyPairSync ec (workerd)", Src: `
			const { publicKey, privateKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
			const s = crypto.createSign("SHA256").update("m").sign(privateKey);
			return JSON.stringify([publicKey.asymmetricKeyDetails, crypto.createVerify("SHA256").update("m").verify(publicKey, s), privateKey.export({ format: "jwk" }).crv]);`,
			Want: `"[{\"namedCurve\":\"prime256v1\"},true,\"P-256\"]"`},
		{Name: "generateKeyPairSync rsa with encodings (workerd)", Src: `
			const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 1024, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
			const s = crypto.sign("sha256", Buffer.from("m"), privateKey);
			return JSON.stringify([publicKey.split("\n")[0], privateKey.split("\n")[0], s.length, crypto.verify("sha256", Buffer.from("m"), publicKey, s)]);`,
			Want: `"[\"-----BEGIN PUBLIC KEY-----\",\"-----BEGIN PRIVATE KEY-----\",128,true]"`},
		{Name: "generateKeyPair calls back", Src: `
			const [pub, priv] = await new Promise((res, rej) => crypto.generateKeyPair("ec", { namedCurve: "P-384" }, (e, a, b) => (e ? rej(e) : res([a, b]))));
			return [pub.type, priv.type, priv.asymmetricKeyDetails.namedCurve];`, Want: `["public","private","secp384r1"]`},
		{Name: "secret keys (workerd)", Src: `
			const k = crypto.createSecretKey(Buffer.from("abc"));
			return JSON.stringify([k.type, k.symmetricKeySize, k.export().toString(), k.export({ format: "jwk" })]);`,
			Want: `"[\"secret\",3,\"abc\",{\"kty\":\"oct\",\"ext\":true,\"k\":\"YWJj\"}]"`},
		{Name: "pbkdf2 and scrypt call back off the loop", Src: `
			const a = await new Promise((res) => crypto.pbkdf2("pw", "salt", 1000, 20, "sha256", (e, k) => res(k.toString("hex"))));
			const b = await new Promise((res) => crypto.scrypt("pw", "salt", 16, { N: 1024 }, (e, k) => res(k.toString("hex"))));
			return [a, b];`, Want: `["0a38253555ce37f5c72a6b703f996814ebf241f2","9f1f8695838e682c1689750f45a69fb9"]`},
		{Name: "a Hash is a stream", Src: `
			const { Readable, pipeline } = __edgedev_import("node:stream");
			const h = crypto.createHash("sha256");
			const out = await new Promise((res, rej) => { const chunks = []; h.on("data", (c) => chunks.push(c)); pipeline(Readable.from(["a", "b"]), h, (e) => (e ? rej(e) : res(Buffer.concat(chunks).toString("hex")))); });
			return [out === crypto.createHash("sha256").update("ab").digest("hex"), h instanceof __edgedev_import("node:stream").Transform];`, Want: `[true,true]`},
		{Name: "hash copy", Src: `const h = crypto.createHash("sha256").update("a"); const c = h.copy(); return [h.update("b").digest("hex").slice(0, 8), c.digest("hex").slice(0, 8)];`, Want: `["fb8e20fc","ca978112"]`},
		{Name: "GCM decrypt of our own encryption", Src: `
			const key = crypto.randomBytes(32), iv = crypto.randomBytes(12);
			const c = crypto.createCipheriv("aes-256-gcm", key, iv);
			const ct = Buffer.concat([c.update("héllo wörld", "utf8"), c.final()]);
			const d = crypto.createDecipheriv("aes-256-gcm", key, iv);
			d.setAuthTag(c.getAuthTag());
			return d.update(ct, undefined, "utf8") + d.final("utf8");`, Want: `"héllo wörld"`},
	}
	for i := range cases {
		cases[i].Src = pre + cases[i].Src
	}
	h.RunCases(t, cases)
}
