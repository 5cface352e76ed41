package crypto_test

import "testing"

// The RSA and EC known answers (V.*) come from Node's Web Crypto, see
// testdata/webcrypto_vectors.mjs; Ed25519 and X25519 from their RFCs.

func TestWebCrypto_RSA(t *testing.T) {
	h := newCryptoHarness(t)
	t.Run("verify and reproduce fixed signatures", func(t *testing.T) {
		h.Run(t, `
			const msg = utf8("edgedev web crypto known answer");
			const imp = (fmt, data, name, usages, extra = {}) => subtle.importKey(fmt, data, { name, hash: "SHA-256", ...extra }, true, usages);
			const priv = await imp("pkcs8", fromB64(V.rsaPkcs8), "RSASSA-PKCS1-v1_5", ["sign"]);
			const pub = await imp("spki", fromB64(V.rsaSpki), "RSASSA-PKCS1-v1_5", ["verify"]);
			assertEq(priv.type, "private"); assertEq(pub.type, "public");
			assertEq(pub.algorithm.modulusLength, 2048);
			assert(pub.algorithm.publicExponent instanceof Uint8Array, "publicExponent is a Uint8Array");
			assertEq(hex(pub.algorithm.publicExponent), "010001");
			assertEq(pub.algorithm.hash.name, "SHA-256");
			assertEq(hex(await subtle.sign("RSASSA-PKCS1-v1_5", priv, msg)), V.rsaPkcs1Sha256, "PKCS#1 v1.5 is deterministic");
			assertEq(await subtle.verify("RSASSA-PKCS1-v1_5", pub, unhex(V.rsaPkcs1Sha256), msg), true);
			assertEq(await subtle.verify("RSASSA-PKCS1-v1_5", pub, unhex(V.rsaPkcs1Sha256), utf8("other")), false);
			assertEq(await subtle.verify("RSASSA-PKCS1-v1_5", pub, unhex(V.rsaPkcs1Sha256).subarray(1), msg), false, "short signature");

			const pssPriv = await imp("pkcs8", fromB64(V.rsaPkcs8), "RSA-PSS", ["sign"]);
			const pssPub = await imp("spki", fromB64(V.rsaSpki), "RSA-PSS", ["verify"]);
			assertEq(await subtle.verify({ name: "RSA-PSS", saltLength: 32 }, pssPub, unhex(V.rsaPss32), msg), true, "PSS salt 32");
			assertEq(await subtle.verify({ name: "RSA-PSS", saltLength: 20 }, pssPub, unhex(V.rsaPss32), msg), false, "wrong salt length");
			assertEq(await subtle.verify({ name: "RSA-PSS", saltLength: 0 }, pssPub, unhex(V.rsaPss0), msg), true, "PSS salt 0");
			assertEq(await subtle.verify({ name: "RSA-PSS", saltLength: 0 }, pssPub, unhex(V.rsaPss32), msg), false, "salt 0 is exact");
			assertEq(hex(await subtle.sign({ name: "RSA-PSS", saltLength: 0 }, pssPriv, msg)), V.rsaPss0, "PSS without salt is deterministic");
			for (const saltLength of [0, 20, 32, 222]) {
				const sig = await subtle.sign({ name: "RSA-PSS", saltLength }, pssPriv, msg);
				assertEq(await subtle.verify({ name: "RSA-PSS", saltLength }, pssPub, sig, msg), true, "sign then verify, salt " + saltLength);
			}
			await assertRejects(subtle.sign({ name: "RSA-PSS", saltLength: 223 }, pssPriv, msg), "OperationError", "key too small for signing with given digest and salt length");
			await assertRejects(subtle.sign("RSA-PSS", pssPriv, msg), "DataError", "Failed to provide salt for RSA-PSS key operation which requires a salt");
			await assertRejects(subtle.verify("RSA-PSS", pssPub, msg, msg), "TypeError", "Failed to provide salt");
			await assertRejects(subtle.verify({ name: "RSA-PSS", saltLength: -1 }, pssPub, msg, msg), "DataError", "SaltLength for RSA-PSS must be non-negative (provided -1).");

			const oaepPriv = await imp("pkcs8", fromB64(V.rsaPkcs8), "RSA-OAEP", ["decrypt", "unwrapKey"]);
			const oaepPub = await imp("spki", fromB64(V.rsaSpki), "RSA-OAEP", ["encrypt", "wrapKey"]);
			assertEq(hex(await subtle.decrypt("RSA-OAEP", oaepPriv, unhex(V.rsaOaepSha256))), hex(msg), "decrypt Node's ciphertext");
			assertEq(hex(await subtle.decrypt({ name: "RSA-OAEP", label: utf8("label") }, oaepPriv, unhex(V.rsaOaepLabel))), hex(msg), "with a label");
			await assertRejects(subtle.decrypt("RSA-OAEP", oaepPriv, unhex(V.rsaOaepLabel)), "OperationError", "RSA-OAEP failed encrypt/decrypt.");
			const ct = await subtle.encrypt("RSA-OAEP", oaepPub, msg);
			assertEq(ct.byteLength, 256);
			assertEq(hex(await subtle.decrypt("RSA-OAEP", oaepPriv, ct)), hex(msg), "encrypt then decrypt");
			await assertRejects(subtle.encrypt("RSA-OAEP", oaepPub, new Uint8Array(200)), "OperationError", "RSA-OAEP failed encrypt/decrypt.");
			await assertRejects(subtle.decrypt("RSA-OAEP", oaepPub, ct), "InvalidAccessError", 'Requested key usage "decrypt"');
			const hm = await subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, true, ["sign"]);
			const wrapped = await subtle.wrapKey("jwk", hm, oaepPub, "RSA-OAEP");
			const back = await subtle.unwrapKey("jwk", wrapped, oaepPriv, "RSA-OAEP", { name: "HMAC", hash: "SHA-256" }, true, ["sign"]);
			assertEq(hex(await subtle.exportKey("raw", back)), hex(await subtle.exportKey("raw", hm)), "wrapKey/unwrapKey through RSA-OAEP");
		`)
	})
	t.Run("jwk, spki and pkcs8 round trips", func(t *testing.T) {
		h.Run(t, `
			const jwk = V.rsaJwkPriv;
			const priv = await subtle.importKey("jwk", jwk, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, true, ["sign"]);
			const out = await subtle.exportKey("jwk", priv);
			assertEq(Object.keys(out).join(), "kty,key_ops,alg,ext,d,n,e,p,q,dp,dq,qi", "member order");
			for (const m of ["n", "e", "d", "p", "q", "dp", "dq", "qi", "alg", "kty"]) assertEq(out[m], jwk[m], m);
			assertEq(hex(await subtle.exportKey("pkcs8", priv)), hex(fromB64(V.rsaPkcs8)), "pkcs8 export is Node's bytes");
			const pubJwk = { kty: "RSA", n: jwk.n, e: jwk.e, alg: "RS256" };
			const pub = await subtle.importKey("jwk", pubJwk, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, true, ["verify"]);
			assertEq(hex(await subtle.exportKey("spki", pub)), hex(fromB64(V.rsaSpki)), "spki export is Node's bytes");
			const alg = (name, hash) => subtle.importKey("jwk", { kty: "RSA", n: jwk.n, e: jwk.e }, { name, hash }, true, name === "RSA-OAEP" ? ["encrypt"] : ["verify"])
				.then((k) => subtle.exportKey("jwk", k)).then((j) => j.alg);
			assertEq(await alg("RSA-PSS", "SHA-384"), "PS384");
			assertEq(await alg("RSA-OAEP", "SHA-1"), "RSA-OAEP");
			assertEq(await alg("RSA-OAEP", "SHA-512"), "RSA-OAEP-512");
			assertEq(await alg("RSASSA-PKCS1-v1_5", "SHA-1"), "RS1");
			await assertRejects(subtle.exportKey("raw", pub), "InvalidAccessError", 'Cannot export "RSASSA-PKCS1-v1_5" in "raw" format.');
			await assertRejects(subtle.exportKey("pkcs8", pub), "InvalidAccessError", 'Asymmetric pkcs8 export requires private key (not "public").');
			await assertRejects(subtle.exportKey("spki", priv), "InvalidAccessError", 'Asymmetric spki export requires public key (not "private").');
		`)
	})
	t.Run("generateKey runs inline without an event loop and the pair works", func(t *testing.T) {
		h.Run(t, `
			const { publicKey, privateKey } = await subtle.generateKey({ name: "RSA-PSS", modulusLength: 1024,
				publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, false, ["sign", "verify"]);
			assertEq(publicKey.extractable, true, "the public half is always extractable");
			assertEq(privateKey.extractable, false);
			assertEq(publicKey.usages.join(), "verify"); assertEq(privateKey.usages.join(), "sign");
			assertEq(privateKey.algorithm.modulusLength, 1024);
			const sig = await subtle.sign({ name: "RSA-PSS", saltLength: 32 }, privateKey, utf8("m"));
			assertEq(await subtle.verify({ name: "RSA-PSS", saltLength: 32 }, publicKey, sig, utf8("m")), true);
		`)
	})
	t.Run("errors", func(t *testing.T) {
		h.Run(t, `
			const gen = (over) => subtle.generateKey({ name: "RSASSA-PKCS1-v1_5", modulusLength: 2048,
				publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256", ...over }, false, ["sign", "verify"]);
			await assertRejects(gen({ publicExponent: undefined }), "TypeError", 'Missing field "publicExponent" in "algorithm".');
			await assertRejects(gen({ modulusLength: undefined }), "TypeError", 'Missing field "modulusLength" in "algorithm".');
			await assertRejects(gen({ hash: undefined }), "TypeError", 'Missing field "hash" in "algorithm".');
			await assertRejects(gen({ modulusLength: 0 }), "OperationError", "modulusLength must be greater than zero (requested 0).");
			await assertRejects(gen({ modulusLength: 2049 }), "OperationError", "The modulus length must be a multiple of 8 and between 256 and 16k, but 2049 was requested.");
			await assertRejects(gen({ publicExponent: new Uint8Array([5]) }), "OperationError", 'The "publicExponent" must be either 3 or 65537, but got 5.');
			await assertRejects(gen({ publicExponent: new Uint8Array([1, 0, 0, 0, 1]) }), "OperationError", "larger than 2^32");
			await assertRejects(gen({ publicExponent: new Uint8Array([3]) }), "NotSupportedError", "publicExponent 3");
			await assertRejects(gen({ modulusLength: 512 }), "NotSupportedError", "512-bit");
			await assertRejects(subtle.generateKey({ name: "RSA-OAEP", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
				false, ["sign"]), "SyntaxError", 'Attempt to generate RSA-OAEP key with invalid usage "sign".');
			const spki = fromB64(V.rsaSpki);
			await assertRejects(subtle.importKey("spki", spki, { name: "RSA-PSS", hash: "SHA-256" }, false, ["sign"]), "SyntaxError",
				'Attempt to import public RSA-PSS key with invalid usage "sign".');
			const trailing = new Uint8Array(spki.length + 2); trailing.set(spki);
			await assertRejects(subtle.importKey("spki", trailing, { name: "RSA-PSS", hash: "SHA-256" }, false, ["verify"]), "DataError",
				"Invalid 2 trailing bytes after SPKI input.");
			await assertRejects(subtle.importKey("spki", spki.subarray(0, 100), { name: "RSA-PSS", hash: "SHA-256" }, false, ["verify"]), "DataError", "Invalid SPKI input.");
			await assertRejects(subtle.importKey("pkcs8", spki, { name: "RSA-PSS", hash: "SHA-256" }, false, ["sign"]), "DataError", "Invalid PKCS8 input.");
			await assertRejects(subtle.importKey("raw", spki, { name: "RSA-PSS", hash: "SHA-256" }, false, ["verify"]), "NotSupportedError",
				'Unrecognized key import format "raw".');
			await assertRejects(subtle.importKey("spki", fromB64(V["ecP-256"].pkcs8), { name: "RSA-PSS", hash: "SHA-256" }, false, ["verify"]), "DataError");
			const ecSpki = await subtle.exportKey("spki", (await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign"])).publicKey);
			await assertRejects(subtle.importKey("spki", ecSpki, { name: "RSA-PSS", hash: "SHA-256" }, false, ["verify"]), "DataError", "Input was not an RSA key");
			const j = V.rsaJwkPriv;
			const rs = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
			await assertRejects(subtle.importKey("jwk", { ...j, alg: "RS384" }, rs, false, ["sign"]), "DataError",
				'JSON Web Key Algorithm parameter "alg" ("RS384") does not match requested hash algorithm "SHA-256".');
			await assertRejects(subtle.importKey("jwk", { ...j, alg: "PS256" }, rs, false, ["sign"]), "NotSupportedError",
				'Unrecognized or unimplemented algorithm "PS256" listed in JSON Web Key Algorithm parameter.');
			await assertRejects(subtle.importKey("jwk", { ...j, kty: "EC" }, rs, false, ["sign"]), "DataError", 'equal to "RSA"');
			await assertRejects(subtle.importKey("jwk", { ...j, n: undefined }, rs, false, ["sign"]), "DataError",
				'Invalid RSA key in JSON Web Key; missing or invalid Modulus parameter ("n").');
			await assertRejects(subtle.importKey("jwk", { ...j, qi: undefined }, rs, false, ["sign"]), "DataError",
				"if one Prime Factor or CRT Exponent/Coefficient parameter is present, then they must all be present");
			await assertRejects(subtle.importKey("jwk", { kty: "RSA", n: j.n, e: j.e, d: j.d }, rs, false, ["sign"]), "NotSupportedError", "prime factors");
			await assertRejects(subtle.importKey("jwk", { ...j, dp: j.dq }, rs, false, ["sign"]), "DataError", "do not match the key");
			await assertRejects(subtle.importKey("jwk", { ...j, key_ops: ["verify"] }, rs, false, ["sign"]), "DataError",
				'All specified key usages must be present in the JSON Web Key\'s Key Operations parameter ("key_ops").');
			await assertRejects(subtle.importKey("jwk", { ...j, use: "enc" }, rs, false, ["sign"]), "DataError", 'Public Key Use parameter "use" ("enc")');
			await assertRejects(subtle.importKey("jwk", { ...j, oth: [] }, rs, false, ["sign"]), "NotSupportedError", "Multi-prime private keys not supported.");
			const priv = await subtle.importKey("jwk", j, rs, false, ["sign"]);
			const pub = await subtle.importKey("spki", spki, rs, false, ["verify"]);
			await assertRejects(subtle.sign("RSASSA-PKCS1-v1_5", pub, utf8("x")), "InvalidAccessError", 'Requested key usage "sign"');
			const md5 = await subtle.importKey("jwk", { kty: "RSA", n: j.n, e: j.e }, { name: "RSA-PSS", hash: "MD5" }, true, ["verify"]);
			await assertRejects(subtle.exportKey("jwk", md5), "NotSupportedError", 'JWK export not supported for hash algorithm "MD5".');
		`)
	})
}

func TestWebCrypto_EC(t *testing.T) {
	h := newCryptoHarness(t)
	t.Run("ECDSA verifies Node's signatures on every curve", func(t *testing.T) {
		h.Run(t, `
			const msg = utf8("edgedev web crypto known answer");
			for (const curve of ["P-256", "P-384", "P-521"]) {
				const v = V["ec" + curve];
				const alg = { name: "ECDSA", namedCurve: curve };
				const pub = await subtle.importKey("raw", unhex(v.raw), alg, true, ["verify"]);
				assertEq(JSON.stringify(pub.algorithm), JSON.stringify(alg));
				assertEq(await subtle.verify({ name: "ECDSA", hash: v.hash }, pub, unhex(v.sig), msg), true, curve);
				assertEq(await subtle.verify({ name: "ECDSA", hash: v.hash }, pub, unhex(v.sig), utf8("tampered")), false);
				assertEq(await subtle.verify({ name: "ECDSA", hash: v.hash }, pub, unhex(v.sig).subarray(2), msg), false, "wrong length");
				const priv = await subtle.importKey("pkcs8", fromB64(v.pkcs8), alg, true, ["sign"]);
				const sig = await subtle.sign({ name: "ECDSA", hash: v.hash }, priv, msg);
				assertEq(sig.byteLength, { "P-256": 64, "P-384": 96, "P-521": 132 }[curve], "r||s size");
				assertEq(await subtle.verify({ name: "ECDSA", hash: v.hash }, pub, sig, msg), true, "sign then verify");
				// JWK round trips, and the JWK names the same key as the pkcs8.
				const jwk = await subtle.exportKey("jwk", priv);
				assertEq(Object.keys(jwk).join(), "kty,key_ops,ext,crv,x,y,d");
				for (const m of ["x", "y", "d", "crv", "kty"]) assertEq(jwk[m], v.jwk[m], curve + " jwk " + m);
				const fromJwk = await subtle.importKey("jwk", { ...v.jwk, alg: { "P-256": "ES256", "P-384": "ES384", "P-521": "ES512" }[curve] }, alg, true, ["sign"]);
				assertEq(hex(await subtle.exportKey("pkcs8", fromJwk)), hex(await subtle.exportKey("pkcs8", priv)));
				const pubJwk = await subtle.exportKey("jwk", pub);
				assertEq(pubJwk.d, undefined);
				const spki = await subtle.exportKey("spki", pub);
				const again = await subtle.importKey("spki", spki, alg, true, ["verify"]);
				assertEq(hex(await subtle.exportKey("raw", again)), v.raw, "spki round trip");
			}
			// A compressed point imports too.
			const raw = unhex(V["ecP-256"].raw);
			const compressed = new Uint8Array(33); compressed[0] = 2 + (raw[64] & 1); compressed.set(raw.subarray(1, 33), 1);
			const c = await subtle.importKey("raw", compressed, { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"]);
			assertEq(hex(await subtle.exportKey("raw", c)), V["ecP-256"].raw);
		`)
	})
	t.Run("ECDH derives Node's shared secrets", func(t *testing.T) {
		h.Run(t, `
			const alg = { name: "ECDH", namedCurve: "P-256" };
			const a = await subtle.importKey("jwk", { ...V.ecdhA, key_ops: undefined }, alg, true, ["deriveBits", "deriveKey"]);
			const b = await subtle.importKey("raw", unhex(V.ecdhB), alg, true, []);
			assertEq(hex(await subtle.deriveBits({ name: "ECDH", public: b }, a, 256)), V.ecdhShared);
			assertEq(hex(await subtle.deriveBits({ name: "ECDH", public: b }, a, null)), V.ecdhShared, "null: the whole secret");
			assertEq(hex(await subtle.deriveBits({ name: "ECDH", public: b }, a, 12)), V.ecdhShared.slice(0, 2) + (parseInt(V.ecdhShared.slice(2, 4), 16) & 0xf0).toString(16).padStart(2, "0"),
				"12 bits: the low bits of the last byte are cleared");
			await assertRejects(subtle.deriveBits({ name: "ECDH", public: b }, a, 264), "OperationError",
				"Derived key length (264 bits) is too long (should be at most 256 bits).");
			const aes = await subtle.deriveKey({ name: "ECDH", public: b }, a, { name: "AES-GCM", length: 128 }, true, ["encrypt"]);
			assertEq(hex(await subtle.exportKey("raw", aes)), V.ecdhShared.slice(0, 32), "deriveKey takes the first bits");
			const a5 = await subtle.importKey("jwk", V.ecdh521A, { name: "ECDH", namedCurve: "P-521" }, false, ["deriveBits"]);
			const b5 = await subtle.importKey("jwk", V.ecdh521B, { name: "ECDH", namedCurve: "P-521" }, false, []);
			assertEq(hex(await subtle.deriveBits({ name: "ECDH", public: b5 }, a5, 528)), V.ecdh521Shared, "P-521 gives 528 bits");
			await assertRejects(subtle.deriveBits({ name: "ECDH", public: b5 }, a, 128), "InvalidAccessError",
				'Private key for derivation is using curve "P-256" while public key is using "P-521".');
			await assertRejects(subtle.deriveBits({ name: "ECDH", public: a }, a, 128), "InvalidAccessError", 'The provided key has type "private", not "public"');
			await assertRejects(subtle.deriveBits({ name: "ECDH" }, a, 128), "TypeError", 'Missing field "public" in "derivedKeyParams".');
			const x = (await subtle.generateKey("X25519", false, ["deriveBits"])).publicKey;
			await assertRejects(subtle.deriveBits({ name: "ECDH", public: x }, a, 128), "InvalidAccessError",
				"Base ECDH private key cannot be used to derive a key from a peer X25519 public key");
			const ecdsa = (await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign"])).publicKey;
			await assertRejects(subtle.deriveBits({ name: "ECDH", public: ecdsa }, a, 128), "InvalidAccessError",
				'Private key for derivation is using "ECDH" while public key is using "ECDSA".');
			const pair = await subtle.generateKey(alg, true, ["deriveBits"]);
			assertEq(pair.publicKey.usages.length, 0, "public ECDH keys have no usages");
			const s1 = await subtle.deriveBits({ name: "ECDH", public: pair.publicKey }, a, 256);
			const s2 = await subtle.deriveBits({ name: "ECDH", public: b }, pair.privateKey, 256);
			assertEq(s1.byteLength, 32); assert(hex(s1) !== hex(s2), "different pairs, different secrets");
			await assertRejects(subtle.importKey("spki", await subtle.exportKey("spki", pair.publicKey), alg, false, ["deriveBits"]), "SyntaxError",
				'Attempt to import public ECDH key with invalid usage "deriveBits".');
		`)
	})
	t.Run("errors", func(t *testing.T) {
		h.Run(t, `
			const v = V["ecP-256"];
			const alg = { name: "ECDSA", namedCurve: "P-256" };
			await assertRejects(subtle.generateKey({ name: "ECDSA" }, false, ["sign"]), "TypeError", 'Missing field "namedCurve" in "algorithm".');
			await assertRejects(subtle.generateKey({ name: "ECDSA", namedCurve: "P-192" }, false, ["sign"]), "NotSupportedError",
				'Unrecognized or unimplemented EC curve "P-192" requested.');
			await assertRejects(subtle.importKey("pkcs8", fromB64(v.pkcs8), { name: "ECDSA", namedCurve: "P-384" }, false, ["sign"]), "DataError",
				'"algorithm.namedCurve" "P-384" does not match the curve specified by the input key data');
			await assertRejects(subtle.importKey("raw", unhex(v.raw).subarray(1), alg, false, ["verify"]), "DataError", "Failed to import raw EC key data");
			await assertRejects(subtle.importKey("raw", unhex(v.raw), alg, false, ["sign"]), "SyntaxError", 'Attempt to import public ECDSA key with invalid usage "sign".');
			const badPoint = unhex(v.raw); badPoint[64] ^= 1;
			await assertRejects(subtle.importKey("raw", badPoint, alg, false, ["verify"]), "DataError", "Failed to import raw EC key data");
			await assertRejects(subtle.importKey("jwk", { ...v.jwk, alg: "ES384" }, alg, false, ["sign"]), "DataError",
				'JSON Web Key Algorithm parameter "alg" ("ES384") does not match requested curve.');
			await assertRejects(subtle.importKey("jwk", { ...v.jwk, alg: "ES999" }, alg, false, ["sign"]), "NotSupportedError", '"ES999"');
			await assertRejects(subtle.importKey("jwk", { ...v.jwk, kty: "OKP" }, alg, false, ["sign"]), "DataError",
				'Elliptic curve "jwk" key import requires a JSON Web Key with Key Type parameter "kty" ("OKP") equal to "EC".');
			await assertRejects(subtle.importKey("jwk", { ...v.jwk, y: undefined }, alg, false, ["sign"]), "DataError", 'Invalid EC key in JSON Web Key; missing "y".');
			await assertRejects(subtle.importKey("jwk", { ...v.jwk, x: v.jwk.y }, alg, false, ["sign"]), "OperationError",
				'Invalid EC key; public key coordinates "x" and "y" are invalid');
			await assertRejects(subtle.importKey("jwk", { ...v.jwk, d: V["ecP-384"].jwk.d.slice(0, 43) }, alg, false, ["sign"]), "DataError", "Invalid EC key in JSON Web Key");
			const priv = await subtle.importKey("pkcs8", fromB64(v.pkcs8), alg, true, ["sign"]);
			await assertRejects(subtle.sign("ECDSA", priv, utf8("x")), "TypeError", 'Missing "hash" in AlgorithmIdentifier.');
			await assertRejects(subtle.sign({ name: "ECDSA", hash: "SHA-3" }, priv, utf8("x")), "NotSupportedError");
			await assertRejects(subtle.exportKey("raw", priv), "InvalidAccessError", "Raw export of elliptic curve keys is only allowed for public keys.");
		`)
	})
}

func TestWebCrypto_OKP(t *testing.T) {
	h := newCryptoHarness(t)
	t.Run("Ed25519 known answers (RFC 8032 7.1 tests 1 and 2), both spellings", func(t *testing.T) {
		h.Run(t, `
			const cases = [
				["9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
					"e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"],
				["4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
					"92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"],
			];
			for (const alg of [{ name: "Ed25519" }, { name: "NODE-ED25519", namedCurve: "NODE-ED25519" }]) {
				for (const [seed, pubHex, msg, sigHex] of cases) {
					const jwk = { kty: "OKP", crv: "Ed25519", x: b64url(unhex(pubHex)), d: b64url(unhex(seed)) };
					const priv = await subtle.importKey("jwk", jwk, alg, true, ["sign"]);
					const pub = await subtle.importKey("raw", unhex(pubHex), alg, true, ["verify"]);
					assertEq(JSON.stringify(pub.algorithm), JSON.stringify(alg));
					assertEq(hex(await subtle.sign(alg, priv, unhex(msg))), sigHex, alg.name + " signature");
					assertEq(await subtle.verify(alg.name, pub, unhex(sigHex), unhex(msg)), true);
					assertEq(await subtle.verify(alg.name, pub, unhex(sigHex), utf8("other")), false);
					await assertRejects(subtle.verify(alg.name, pub, unhex(sigHex).subarray(1), unhex(msg)), "OperationError", "Invalid " + alg.name + " signature length 63");
					const out = await subtle.exportKey("jwk", priv);
					assertEq(Object.keys(out).join(), alg.name === "Ed25519" ? "kty,key_ops,alg,ext,crv,x,d" : "kty,key_ops,ext,crv,x,d");
					assertEq(out.x, jwk.x); assertEq(out.d, jwk.d); assertEq(out.crv, "Ed25519");
					assertEq(hex(await subtle.exportKey("raw", pub)), pubHex);
					const pk8 = await subtle.importKey("pkcs8", await subtle.exportKey("pkcs8", priv), alg, true, ["sign"]);
					assertEq(hex(await subtle.sign(alg, pk8, unhex(msg))), sigHex, "pkcs8 round trip");
					const sp = await subtle.importKey("spki", await subtle.exportKey("spki", pub), alg, true, ["verify"]);
					assertEq(hex(await subtle.exportKey("raw", sp)), pubHex, "spki round trip");
				}
			}
			await assertRejects(subtle.sign({ name: "Ed25519" }, await subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519",
				x: b64url(unhex(cases[0][1])), d: b64url(unhex(cases[0][0])) }, { name: "NODE-ED25519", namedCurve: "NODE-ED25519" }, false, ["sign"]), utf8("x")),
				"InvalidAccessError", 'Requested algorithm "Ed25519" does not match this CryptoKey\'s algorithm "NODE-ED25519".');
			const g = await subtle.generateKey("Ed25519", true, ["sign", "verify"]);
			const sig = await subtle.sign("Ed25519", g.privateKey, utf8("m"));
			assertEq(await subtle.verify("Ed25519", g.publicKey, sig, utf8("m")), true, "generated pair");
		`)
	})
	t.Run("X25519 known answer (RFC 7748 6.1)", func(t *testing.T) {
		h.Run(t, `
			const alicePriv = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
			const alicePub = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
			const bobPriv = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
			const bobPub = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
			const shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
			const jwk = (d, x) => ({ kty: "OKP", crv: "X25519", x: b64url(unhex(x)), d: b64url(unhex(d)) });
			const a = await subtle.importKey("jwk", jwk(alicePriv, alicePub), "X25519", true, ["deriveBits", "deriveKey"]);
			const b = await subtle.importKey("jwk", jwk(bobPriv, bobPub), "X25519", true, ["deriveBits"]);
			const aPub = await subtle.importKey("raw", unhex(alicePub), "X25519", true, []);
			const bPub = await subtle.importKey("raw", unhex(bobPub), "X25519", true, []);
			assertEq(hex(await subtle.deriveBits({ name: "X25519", public: bPub }, a, 256)), shared);
			assertEq(hex(await subtle.deriveBits({ name: "X25519", public: aPub }, b, null)), shared);
			assertEq(hex(await subtle.deriveBits({ name: "X25519", public: aPub }, b, 64)), shared.slice(0, 16));
			await assertRejects(subtle.deriveBits({ name: "X25519", public: aPub }, b, 264), "OperationError", "(should be at most 256 bits)");
			const k = await subtle.deriveKey({ name: "X25519", public: bPub }, a, { name: "HKDF" }, false, ["deriveBits"]);
			assertEq(k.algorithm.name, "HKDF", "deriveKey into a KDF key");
			const out = await subtle.exportKey("jwk", a);
			assertEq(Object.keys(out).join(), "kty,key_ops,ext,crv,x,d");
			assertEq(out.x, b64url(unhex(alicePub)), "the public key is derived from d");
			assertEq(hex(await subtle.exportKey("raw", aPub)), alicePub);
			const pk8 = await subtle.exportKey("pkcs8", a);
			const back = await subtle.importKey("pkcs8", pk8, "X25519", false, ["deriveBits"]);
			assertEq(hex(await subtle.deriveBits({ name: "X25519", public: bPub }, back, 256)), shared, "pkcs8 round trip");
			const zero = await subtle.importKey("raw", new Uint8Array(32), "X25519", false, []);
			await assertRejects(subtle.deriveBits({ name: "X25519", public: zero }, a, 256), "OperationError",
				"Detected small order secure curve points, aborting EDDH derivation");
			const gen = await subtle.generateKey("X25519", false, ["deriveBits"]);
			assertEq(gen.publicKey.usages.length, 0);
			assertEq(JSON.stringify(gen.publicKey.algorithm), '{"name":"X25519"}');
		`)
	})
	t.Run("errors", func(t *testing.T) {
		h.Run(t, `
			await assertRejects(subtle.generateKey({ name: "NODE-ED25519" }, false, ["sign"]), "TypeError", 'Missing field "namedCurve" in "algorithm".');
			await assertRejects(subtle.generateKey({ name: "NODE-ED25519", namedCurve: "Ed25519" }, false, ["sign"]), "NotSupportedError",
				'EDDSA curve "Ed25519" isn\'t supported.');
			await assertRejects(subtle.importKey("raw", new Uint8Array(31), "Ed25519", false, ["verify"]), "DataError", "Ed25519 raw keys must be exactly 32-bytes (provided 31).");
			await assertRejects(subtle.importKey("raw", new Uint8Array(32), "X25519", false, ["deriveBits"]), "SyntaxError",
				'Attempt to import public X25519 key with invalid usage "deriveBits".');
			await assertRejects(subtle.importKey("jwk", { kty: "OKP", crv: "X25519", x: b64url(new Uint8Array(32)) }, "Ed25519", false, ["verify"]), "NotSupportedError",
				'Only Ed25519 is supported but "X25519" was requested.');
			await assertRejects(subtle.importKey("jwk", { kty: "EC", crv: "Ed25519", x: "AA" }, "Ed25519", false, ["verify"]), "DataError",
				'Ed25519 "jwk" key imports requires a JSON Web Key with Key Type parameter "kty" ("EC") equal to "OKP".');
			await assertRejects(subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: "AA" }, "Ed25519", false, ["verify"]), "DataError", "Invalid length 1 for public key");
			await assertRejects(subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", alg: "ES256", x: b64url(new Uint8Array(32)) }, "Ed25519", false, ["verify"]),
				"DataError", 'JSON Web Key Algorithm parameter "alg" ("ES256") does not match requested Ed25519 curve.');
			const x = await subtle.generateKey("X25519", true, ["deriveBits"]);
			await assertRejects(subtle.importKey("spki", await subtle.exportKey("spki", x.publicKey), "Ed25519", false, ["verify"]), "DataError",
				"Input was not an Ed25519 key");
			const ed = await subtle.generateKey("Ed25519", true, ["sign", "verify"]);
			await assertRejects(subtle.exportKey("raw", ed.privateKey), "InvalidAccessError", "Raw export of Ed25519 keys is only allowed for public keys.");
			await assertRejects(subtle.deriveBits({ name: "X25519", public: ed.publicKey }, x.privateKey, 256), "InvalidAccessError",
				'Private key for derivation is using "X25519" while public key is using "Ed25519".');
		`)
	})
}
