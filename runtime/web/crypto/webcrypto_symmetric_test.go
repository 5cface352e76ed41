package crypto_test

import "testing"

func TestWebCrypto_HMAC(t *testing.T) {
	h := newCryptoHarness(t)
	t.Run("RFC 4231 known answers", func(t *testing.T) {
		h.Run(t, `
			const key131 = fill(131, 0xaa);
			const cases = [
				[fill(20, 0x0b), utf8("Hi There"), {
					"SHA-256": "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
					"SHA-384": "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6",
					"SHA-512": "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854" }],
				[utf8("Jefe"), utf8("what do ya want for nothing?"), {
					"SHA-256": "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
					"SHA-384": "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
					"SHA-512": "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737" }],
				[fill(20, 0xaa), fill(50, 0xdd), {
					"SHA-256": "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
					"SHA-512": "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb" }],
				[key131, utf8("Test Using Larger Than Block-Size Key - Hash Key First"), {
					"SHA-256": "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
					"SHA-384": "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952",
					"SHA-512": "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598" }],
				[key131, utf8("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."), {
					"SHA-256": "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
					"SHA-512": "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58" }],
			];
			for (const [keyBytes, data, want] of cases) {
				for (const [hash, mac] of Object.entries(want)) {
					const key = await subtle.importKey("raw", keyBytes, { name: "HMAC", hash }, false, ["sign", "verify"]);
					const sig = await subtle.sign("HMAC", key, data);
					assert(sig instanceof ArrayBuffer, "sign resolves to an ArrayBuffer");
					assertEq(hex(sig), mac, hash + " over " + data.length + " bytes");
					assertEq(hex(await subtle.sign({ name: "HMAC" }, key, data)), mac, "again: the cached MAC resets");
					assertEq(await subtle.verify("HMAC", key, unhex(mac), data), true, "verify " + hash);
					const bad = unhex(mac); bad[0] ^= 1;
					assertEq(await subtle.verify("HMAC", key, bad, data), false, "verify a flipped bit");
					assertEq(await subtle.verify("HMAC", key, unhex(mac).subarray(1), data), false, "verify a short MAC");
				}
			}
			// RFC 2104 appendix: HMAC-MD5, which workerd allows.
			const md5 = await subtle.importKey("raw", fill(16, 0x0b), { name: "HMAC", hash: "MD5" }, true, ["sign"]);
			assertEq(hex(await subtle.sign("HMAC", md5, utf8("Hi There"))), "9294727a3638bb1c13f48ef8158bfc9d");
		`)
	})
	t.Run("generate, jwk round trip and lengths", func(t *testing.T) {
		h.Run(t, `
			const k = await subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, true, ["sign", "verify"]);
			assertEq(k.algorithm.length, 512);
			assertEq((await subtle.exportKey("raw", k)).byteLength, 64);
			const jwk = await subtle.exportKey("jwk", k);
			assertEq(Object.keys(jwk).join(), "kty,key_ops,alg,ext,k", "member order");
			assertEq(jwk.kty, "oct"); assertEq(jwk.alg, "HS256"); assertEq(jwk.ext, true); assertEq(jwk.key_ops.join(), "sign,verify");
			const back = await subtle.importKey("jwk", jwk, { name: "HMAC", hash: "SHA-256" }, true, ["sign", "verify"]);
			const data = utf8("payload");
			assertEq(hex(await subtle.sign("HMAC", back, data)), hex(await subtle.sign("HMAC", k, data)));
			const odd = await subtle.generateKey({ name: "HMAC", hash: "SHA-1", length: 100 }, true, ["sign"]);
			const raw = new Uint8Array(await subtle.exportKey("raw", odd));
			assertEq(raw.length, 13); assertEq(raw[12] & 0x0f, 0, "bits past the length are zero");
			const imp = await subtle.importKey("raw", fill(4, 0xff), { name: "HMAC", hash: "SHA-1", length: 27 }, true, ["sign"]);
			assertEq(imp.algorithm.length, 27);
			assertEq(hex(await subtle.exportKey("raw", imp)), "ffffffe0");
			assertEq((await subtle.exportKey("jwk", await subtle.importKey("raw", fill(4, 1), { name: "HMAC", hash: "SHA-384" }, true, ["sign"]))).alg, "HS384");
		`)
	})
	t.Run("errors", func(t *testing.T) {
		h.Run(t, `
			await assertRejects(subtle.importKey("raw", new Uint8Array(0), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]), "DataError",
				"Imported HMAC key length (0) must be a non-zero value up to 7 bits less than, and no greater than, the bit length of the raw key data (0).");
			await assertRejects(subtle.importKey("raw", fill(4, 1), { name: "HMAC", hash: "SHA-256", length: 24 }, false, ["sign"]), "DataError", "(24)");
			await assertRejects(subtle.importKey("raw", fill(4, 1), { name: "HMAC" }, false, ["sign"]), "TypeError", 'Missing field "hash" in "algorithm".');
			await assertRejects(subtle.generateKey({ name: "HMAC", hash: "SHA-256", length: 0 }, false, ["sign"]), "OperationError",
				"HMAC key length must be a non-zero unsigned long integer (requested 0).");
			await assertRejects(subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, false, ["encrypt"]), "SyntaxError",
				'Attempt to generate HMAC key with invalid usage "encrypt".');
			await assertRejects(subtle.importKey("jwk", { kty: "RSA", k: "AAAA" }, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]), "DataError",
				'HMAC "jwk" key import requires a JSON Web Key with Key Type parameter ("kty") equal to "oct" (encountered "RSA").');
			await assertRejects(subtle.importKey("jwk", { kty: "oct" }, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]), "DataError", "base64Url");
			await assertRejects(subtle.importKey("jwk", { kty: "oct", k: "AAAA", alg: "HS512" }, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]), "DataError",
				'(encountered "HS512", expected "HS256")');
			await assertRejects(subtle.importKey("jwk", { kty: "oct", k: "AAAA", ext: false }, { name: "HMAC", hash: "SHA-256" }, true, ["sign"]), "DataError",
				'JWK ext field for "HMAC" is set to false but extractable is true');
			await assertRejects(subtle.importKey("spki", fill(4, 1), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]), "NotSupportedError",
				'Unrecognized key import format "spki".');
			const md5 = await subtle.importKey("raw", fill(16, 1), { name: "HMAC", hash: "MD5" }, true, ["sign"]);
			await assertRejects(subtle.exportKey("jwk", md5), "NotSupportedError", 'Unimplemented JWK key export format for key algorithm "MD5".');
			await assertRejects(subtle.exportKey("spki", md5), "NotSupportedError", 'Unimplemented key export format "spki".');
		`)
	})
}

func TestWebCrypto_AES(t *testing.T) {
	h := newCryptoHarness(t)
	t.Run("AES-GCM known answers (McGrew and Viega test cases 2 to 6)", func(t *testing.T) {
		h.Run(t, `
			const aes = (k, usages = ["encrypt", "decrypt"]) => subtle.importKey("raw", unhex(k), "AES-GCM", true, usages);
			const zero = await aes("00000000000000000000000000000000");
			let ct = await subtle.encrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, zero, new Uint8Array(16));
			assertEq(hex(ct), "0388dace60b6a392f328c2b971b2fe78" + "ab6e47d42cec13bdf53a67b21257bddf", "test case 2");
			const k = await aes("feffe9928665731c6d6a8f9467308308");
			const p = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
			const p60 = p.slice(0, 120), aad = unhex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
			const cases = [
				["cafebabefacedbaddecaf888", p, null, "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985", "4d5c2af327cd64a62cf35abd2ba6fab4"],
				["cafebabefacedbaddecaf888", p60, aad, "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091", "5bc94fbc3221a5db94fae95ae7121a47"],
				["cafebabefacedbad", p60, aad, "61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c742373806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598", "3612d2e79e3b0785561be14aaca2fccb"],
				["9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b", p60, aad,
					"8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5", "619cc5aefffe0bfa462af43c1699d050"],
			];
			for (const [iv, plain, additionalData, c, tag] of cases) {
				const alg = { name: "AES-GCM", iv: unhex(iv) };
				if (additionalData) alg.additionalData = additionalData;
				const out = await subtle.encrypt(alg, k, unhex(plain));
				assertEq(hex(out), c + tag, "encrypt with a " + iv.length / 2 + "-byte IV");
				assertEq(hex(await subtle.decrypt(alg, k, out)), plain, "decrypt");
				for (const tagLength of [32, 64, 96, 104, 112, 120]) {
					const short = await subtle.encrypt({ ...alg, tagLength }, k, unhex(plain));
					assertEq(hex(short), c + tag.slice(0, tagLength / 4), tagLength + "-bit tag is a prefix");
					assertEq(hex(await subtle.decrypt({ ...alg, tagLength }, k, short)), plain, "decrypt with a " + tagLength + "-bit tag");
					const bad = new Uint8Array(short); bad[bad.length - 1] ^= 1;
					await assertRejects(subtle.decrypt({ ...alg, tagLength }, k, bad), "OperationError", "Decryption failed.");
				}
				const bad = new Uint8Array(out); bad[0] ^= 1;
				await assertRejects(subtle.decrypt(alg, k, bad), "OperationError",
					"Decryption failed. This could be due to a ciphertext authentication failure, bad padding, incorrect CryptoKey, or another algorithm-specific reason. Input length was " + plain.length / 2 + ", output length expected to be " + plain.length / 2 + " for AES-GCM");
			}
		`)
	})
	t.Run("AES-CBC and AES-CTR known answers (NIST SP 800-38A F.2.1, F.5.1)", func(t *testing.T) {
		h.Run(t, `
			const key = unhex("2b7e151628aed2a6abf7158809cf4f3c");
			const plain = unhex("6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51");
			const cbc = await subtle.importKey("raw", key, "AES-CBC", false, ["encrypt", "decrypt"]);
			const iv = unhex("000102030405060708090a0b0c0d0e0f");
			const ct = await subtle.encrypt({ name: "AES-CBC", iv }, cbc, plain);
			assertEq(ct.byteLength, 48, "a full block of PKCS#7 padding");
			assertEq(hex(ct).slice(0, 64), "7649abac8119b246cee98e9b12e9197d" + "5086cb9b507219ee95db113a917678b2");
			assertEq(hex(await subtle.decrypt({ name: "AES-CBC", iv }, cbc, ct)), hex(plain));
			assertEq(hex(await subtle.decrypt({ name: "AES-CBC", iv }, cbc, await subtle.encrypt({ name: "AES-CBC", iv }, cbc, utf8("abc")))), hex(utf8("abc")));
			const tampered = new Uint8Array(ct); tampered[47] ^= 0x55;
			await assertRejects(subtle.decrypt({ name: "AES-CBC", iv }, cbc, tampered), "OperationError", "Input length was 48, output length expected to be 32 for AES-CBC");
			await assertRejects(subtle.decrypt({ name: "AES-CBC", iv }, cbc, ct.slice(0, 40)), "OperationError", "Input length was 40, output length expected to be 32");
			await assertRejects(subtle.encrypt({ name: "AES-CBC", iv: iv.subarray(1) }, cbc, plain), "OperationError", "AES-CBC IV must be 16 bytes long (provided 15 bytes).");
			await assertRejects(subtle.encrypt({ name: "AES-CBC" }, cbc, plain), "TypeError", 'Missing field "iv" in "algorithm".');

			const ctr = await subtle.importKey("raw", key, "AES-CTR", false, ["encrypt", "decrypt"]);
			const counter = unhex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
			const want = "874d6191b620e3261bef6864990db6ce" + "9806f66b7970fdff8617187bb9fffdff";
			assertEq(hex(await subtle.encrypt({ name: "AES-CTR", counter, length: 64 }, ctr, plain)), want);
			assertEq(hex(await subtle.decrypt({ name: "AES-CTR", counter, length: 64 }, ctr, unhex(want))), hex(plain));
			// With an 8-bit counter the low byte wraps to 00 without carrying.
			const wrapped = new Uint8Array(await subtle.encrypt({ name: "AES-CTR", counter, length: 8 }, ctr, plain));
			assertEq(hex(wrapped.subarray(0, 16)), want.slice(0, 32));
			const second = await subtle.encrypt({ name: "AES-CTR", counter: unhex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfe00"), length: 128 }, ctr, plain.subarray(16));
			assertEq(hex(wrapped.subarray(16)), hex(second), "the second block used counter ...fe00");
			await assertRejects(subtle.encrypt({ name: "AES-CTR", counter, length: 1 }, ctr, new Uint8Array(33)), "OperationError", "Counter block values will repeat");
			await assertRejects(subtle.encrypt({ name: "AES-CTR", counter, length: 0 }, ctr, plain), "OperationError", "Invalid counter of 0 bits length provided.");
			await assertRejects(subtle.encrypt({ name: "AES-CTR", counter: counter.subarray(2), length: 8 }, ctr, plain), "OperationError",
				"Counter must have length of 16 bytes (provided 14).");
			await assertRejects(subtle.encrypt({ name: "AES-CTR", counter }, ctr, plain), "TypeError", 'Missing "length" member in "algorithm".');
		`)
	})
	t.Run("AES-KW known answers (RFC 3394 4.1 and 4.6) and wrapKey/unwrapKey", func(t *testing.T) {
		h.Run(t, `
			const cases = [
				["000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff", "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5"],
				["000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f",
					"28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21"],
			];
			for (const [kek, data, want] of cases) {
				const kw = await subtle.importKey("raw", unhex(kek), "AES-KW", false, ["wrapKey", "unwrapKey"]);
				const inner = await subtle.importKey("raw", unhex(data), "AES-CBC", true, ["encrypt"]);
				const wrapped = await subtle.wrapKey("raw", inner, kw, "AES-KW");
				assertEq(hex(wrapped), want);
				const back = await subtle.unwrapKey("raw", wrapped, kw, "AES-KW", "AES-GCM", true, ["decrypt"]);
				assertEq(back.algorithm.name, "AES-GCM");
				assertEq(hex(await subtle.exportKey("raw", back)), data);
				const bad = new Uint8Array(wrapped); bad[3] ^= 1;
				await assertRejects(subtle.unwrapKey("raw", bad, kw, "AES-KW", "AES-GCM", true, ["decrypt"]), "OperationError", "AES-KW key unwrapping failed");
				await assertRejects(subtle.encrypt("AES-KW", kw, unhex(data)), "InvalidAccessError", 'Requested key usage "encrypt"');
			}
			const kw = await subtle.generateKey({ name: "AES-KW", length: 256 }, false, ["wrapKey", "unwrapKey"]);
			await assertRejects(subtle.unwrapKey("raw", new Uint8Array(16), kw, "AES-KW", "AES-GCM", true, ["decrypt"]), "OperationError",
				"Provided a wrapped key to unwrap this is 128 bits that is less than the minimal length of 192 bits.");
			const hm = await subtle.importKey("raw", fill(20, 1), { name: "HMAC", hash: "SHA-1" }, true, ["sign"]);
			await assertRejects(subtle.wrapKey("raw", hm, kw, "AES-KW"), "OperationError",
				"Unwrapped key bit length must be a multiple of 64 bits but unwrapped key has a length of 160 bits.");
			// jwk wrapping goes through JSON; AES-GCM wraps by encrypting.
			const gcm = await subtle.generateKey({ name: "AES-GCM", length: 128 }, false, ["wrapKey", "unwrapKey"]);
			const iv = new Uint8Array(12);
			const wrappedJwk = await subtle.wrapKey("jwk", hm, gcm, { name: "AES-GCM", iv });
			const back = await subtle.unwrapKey("jwk", wrappedJwk, gcm, { name: "AES-GCM", iv }, { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
			assertEq(hex(await subtle.sign("HMAC", back, utf8("x"))), hex(await subtle.sign("HMAC", hm, utf8("x"))));
			const notJson = await subtle.encrypt({ name: "AES-GCM", iv },
				await subtle.importKey("raw", new Uint8Array(16), "AES-GCM", false, ["encrypt"]), utf8("[1,2]"));
			const zeroKey = await subtle.importKey("raw", new Uint8Array(16), "AES-GCM", false, ["unwrapKey"]);
			await assertRejects(subtle.unwrapKey("jwk", notJson, zeroKey, { name: "AES-GCM", iv }, { name: "HMAC", hash: "SHA-1" }, false, ["sign"]),
				"DataError", 'Missing "kty" field or corrupt JSON unwrapping key?');
			const nonExtractable = await subtle.generateKey({ name: "AES-GCM", length: 128 }, false, ["encrypt"]);
			await assertRejects(subtle.wrapKey("raw", nonExtractable, kw, "AES-KW"), "InvalidAccessError", "Attempt to export non-extractable AES-GCM key.");
		`)
	})
	t.Run("import, export and errors", func(t *testing.T) {
		h.Run(t, `
			for (const name of ["AES-GCM", "AES-CBC", "AES-CTR", "AES-KW"]) {
				const usages = name === "AES-KW" ? ["wrapKey", "unwrapKey"] : ["encrypt", "decrypt", "wrapKey", "unwrapKey"];
				for (const length of [128, 192, 256]) {
					const k = await subtle.generateKey({ name, length }, true, usages);
					assertEq(JSON.stringify(k.algorithm), JSON.stringify({ name, length }));
					const jwk = await subtle.exportKey("jwk", k);
					assertEq(jwk.alg, "A" + length + name.slice(4));
					assertEq(Object.keys(jwk).join(), "kty,key_ops,alg,ext,k");
					const back = await subtle.importKey("jwk", jwk, name, true, usages);
					assertEq(hex(await subtle.exportKey("raw", back)), hex(await subtle.exportKey("raw", k)), name + " jwk round trip");
				}
			}
			await assertRejects(subtle.importKey("raw", new Uint8Array(15), "AES-GCM", false, ["encrypt"]), "DataError",
				"Imported AES key length must be 128, 192, or 256 bits but provided 120.");
			await assertRejects(subtle.generateKey({ name: "AES-GCM", length: 512 }, false, ["encrypt"]), "OperationError",
				"Generated AES key length must be 128, 192, or 256 bits but requested 512.");
			await assertRejects(subtle.generateKey({ name: "AES-GCM" }, false, ["encrypt"]), "TypeError", 'Missing field "length" in "algorithm".');
			await assertRejects(subtle.importKey("raw", new Uint8Array(16), "AES-KW", false, ["encrypt"]), "SyntaxError",
				'Attempt to import secret AES-KW key with invalid usage "encrypt".');
			await assertRejects(subtle.importKey("jwk", { kty: "oct", k: b64url(new Uint8Array(16)), alg: "A128CBC" }, "AES-GCM", false, ["encrypt"]),
				"DataError", 'Symmetric "jwk" key contains invalid "alg" value "A128CBC", expected "A128GCM".');
			await assertRejects(subtle.importKey("jwk", { kty: "oct", k: b64url(new Uint8Array(16)), use: "sig" }, "AES-GCM", false, ["encrypt"]),
				"DataError", 'Symmetric "jwk" key must have a "use" of "enc", not "sig".');
			await assertRejects(subtle.importKey("jwk", { kty: "oct", k: b64url(new Uint8Array(16)), key_ops: ["decrypt"] }, "AES-GCM", false, ["encrypt"]),
				"DataError", '"jwk" key missing usage "encrypt", in "key_ops".');
			const gcm = await subtle.generateKey({ name: "AES-GCM", length: 128 }, true, ["encrypt", "decrypt"]);
			await assertRejects(subtle.exportKey("pkcs8", gcm), "NotSupportedError", 'AES-GCM key only supports exporting "raw" & "jwk", not "pkcs8".');
			await assertRejects(subtle.encrypt({ name: "AES-GCM", iv: new Uint8Array(0) }, gcm, utf8("x")), "OperationError", "AES-GCM IV must not be empty.");
			await assertRejects(subtle.encrypt({ name: "AES-GCM", iv: new Uint8Array(12), tagLength: 100 }, gcm, utf8("x")), "OperationError", "Invalid AES-GCM tag length 100.");
			await assertRejects(subtle.decrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, gcm, new Uint8Array(15)), "OperationError",
				"Ciphertext length of 120 bits must be greater than or equal to the size of the AES-GCM tag length of 128 bits.");
			await assertRejects(subtle.encrypt({ name: "AES-CBC", iv: new Uint8Array(16) }, gcm, utf8("x")), "InvalidAccessError",
				'Requested algorithm "AES-CBC" does not match this CryptoKey\'s algorithm "AES-GCM".');
		`)
	})
}

func TestWebCrypto_KDF(t *testing.T) {
	h := newCryptoHarness(t)
	t.Run("PBKDF2 known answers (RFC 6070, and SHA-256)", func(t *testing.T) {
		h.Run(t, `
			const cases = [
				["password", "salt", 1, 20, "SHA-1", "0c60c80f961f0e71f3a9b524af6012062fe037a6"],
				["password", "salt", 2, 20, "SHA-1", "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"],
				["password", "salt", 4096, 20, "SHA-1", "4b007901b765489abead49d926f721d065a429c1"],
				["passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 25, "SHA-1", "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038"],
				["pass\0word", "sa\0lt", 4096, 16, "SHA-1", "56fa6aa75548099dcc37d7f03425e0c3"],
				["password", "salt", 1, 32, "SHA-256", "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"],
				["password", "salt", 4096, 32, "SHA-256", "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"],
			];
			for (const [pw, salt, iterations, len, hash, want] of cases) {
				const key = await subtle.importKey("raw", utf8(pw), "PBKDF2", false, ["deriveBits"]);
				assertEq(JSON.stringify(key.algorithm), '{"name":"PBKDF2"}');
				const bits = await subtle.deriveBits({ name: "PBKDF2", hash, salt: utf8(salt), iterations }, key, len * 8);
				assertEq(hex(bits), want, hash + " c=" + iterations);
			}
			const key = await subtle.importKey("raw", utf8("password"), "PBKDF2", false, ["deriveKey"]);
			const aes = await subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: utf8("salt"), iterations: 1 }, key,
				{ name: "AES-GCM", length: 256 }, true, ["encrypt"]);
			assertEq(hex(await subtle.exportKey("raw", aes)), "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b", "deriveKey");
			const hm = await subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: utf8("salt"), iterations: 1 }, key,
				{ name: "HMAC", hash: "SHA-1" }, true, ["sign"]);
			assertEq(hm.algorithm.length, 512, "an HMAC target defaults to the block size");
		`)
	})
	t.Run("HKDF known answers (RFC 5869 test cases 1 to 4)", func(t *testing.T) {
		h.Run(t, `
			const seq = (from, n) => Uint8Array.from({ length: n }, (_, i) => from + i);
			const cases = [
				["SHA-256", fill(22, 0x0b), seq(0, 13), seq(0xf0, 10), 42, "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"],
				["SHA-256", seq(0, 80), seq(0x60, 80), seq(0xb0, 80), 82, "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87"],
				["SHA-256", fill(22, 0x0b), new Uint8Array(0), new Uint8Array(0), 42, "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"],
				["SHA-1", fill(11, 0x0b), seq(0, 13), seq(0xf0, 10), 42, "085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2c22e422478d305f3f896"],
			];
			for (const [hash, ikm, salt, info, len, want] of cases) {
				const key = await subtle.importKey("raw", ikm, "HKDF", false, ["deriveBits"]);
				assertEq(hex(await subtle.deriveBits({ name: "HKDF", hash, salt, info }, key, len * 8)), want, hash + " L=" + len);
			}
		`)
	})
	t.Run("errors", func(t *testing.T) {
		h.Run(t, `
			const pw = await subtle.importKey("raw", utf8("pw"), "PBKDF2", false, ["deriveBits"]);
			const alg = { name: "PBKDF2", hash: "SHA-256", salt: utf8("s"), iterations: 1000 };
			await assertRejects(subtle.deriveBits({ ...alg, iterations: 100001 }, pw, 256), "NotSupportedError",
				"Pbkdf2 failed: iteration counts above 100000 are not supported (requested 100001).");
			await assertRejects(subtle.deriveBits({ ...alg, iterations: 0 }, pw, 256), "OperationError", "PBKDF2 requires a positive iteration count (requested 0).");
			await assertRejects(subtle.deriveBits(alg, pw, 12), "OperationError", "PBKDF2 requires a derived key length that is a non-zero multiple of eight (requested 12).");
			await assertRejects(subtle.deriveBits(alg, pw, null), "OperationError", "PBKDF2 cannot derive a key with null length.");
			await assertRejects(subtle.deriveBits(alg, pw), "OperationError", "PBKDF2 cannot derive a key with null length.");
			await assertRejects(subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", iterations: 1 }, pw, 256), "TypeError", 'Missing field "salt" in "algorithm".');
			await assertRejects(subtle.deriveBits({ name: "PBKDF2", salt: utf8("s"), iterations: 1 }, pw, 256), "TypeError", 'Missing field "hash" in "algorithm".');
			await assertRejects(subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: utf8("s") }, pw, 256), "TypeError", 'Missing field "iterations" in "algorithm".');
			await assertRejects(subtle.importKey("raw", utf8("pw"), "PBKDF2", true, ["deriveBits"]), "SyntaxError", "PBKDF2 key cannot be extractable.");
			await assertRejects(subtle.importKey("jwk", { kty: "oct", k: "AA" }, "HKDF", false, ["deriveBits"]), "NotSupportedError",
				'HKDF key must be imported in "raw" format (requested "jwk")');
			await assertRejects(subtle.importKey("raw", utf8("pw"), "HKDF", false, ["sign"]), "SyntaxError", 'Attempt to import secret HKDF key with invalid usage "sign".');
			const ikm = await subtle.importKey("raw", utf8("ikm"), "HKDF", false, ["deriveBits"]);
			await assertRejects(subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: utf8("s") }, ikm, 256), "TypeError", 'Missing field "info" in "algorithm".');
			await assertRejects(subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: utf8("s"), info: utf8("") }, ikm, 256 * 255 + 8), "OperationError", "HKDF deriveBits failed.");
			await assertRejects(subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: utf8("s"), info: utf8("") }, ikm, 0), "OperationError",
				"HKDF requires a derived key length that is a non-zero multiple of eight (requested 0).");
		`)
	})
}
