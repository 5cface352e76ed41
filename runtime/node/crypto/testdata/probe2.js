import crypto from "node:crypto";
import zlib from "node:zlib";
import { Buffer } from "node:buffer";
const show = (x) => (Buffer.isBuffer(x) ? "Buffer:" + x.toString("hex") : x instanceof ArrayBuffer ? "AB:" + Buffer.from(x).toString("hex") : x);
const probes = {
  hmacTwice: () => { const h = crypto.createHmac("sha1", "k"); h.digest(); return h.digest("hex"); },
  hashHexIn: () => crypto.createHash("sha1").update("616263", "hex").digest("hex"),
  hashB64In: () => crypto.createHash("sha1").update("YWJj", "base64").digest("base64"),
  hashLatin1Out: () => crypto.createHash("md5").update("a").digest("latin1").length,
  hashBadInEnc: () => crypto.createHash("sha1").update("abc", "nope").digest("hex"),
  hashNullOpts: () => crypto.createHash("sha1", null).update("a").digest("hex"),
  copyAfter: () => { const h = crypto.createHash("sha1"); h.digest(); return h.copy(); },
  pbkdf2Zero: () => crypto.pbkdf2Sync("p", "s", 1, 0, "sha1"),
  pbkdf2Str: () => crypto.pbkdf2Sync("p", "s", "1", 10, "sha1"),
  tseTyped: () => crypto.timingSafeEqual(new Uint16Array([1]), new Uint8Array([1, 0])),
  rb0: () => crypto.randomBytes(0),
  rfsBad: () => crypto.randomFillSync(Buffer.alloc(4), 5),
  rfsSize: () => crypto.randomFillSync(Buffer.alloc(4), 1, 4),
  infoCbc: () => JSON.stringify(crypto.getCipherInfo("aes-128-cbc")),
  infoNone: () => String(crypto.getCipherInfo("nope")),
  infoKeyLen: () => JSON.stringify(crypto.getCipherInfo("aes-128-cbc", { keyLength: 32 })),
  finalTwice: () => { const c = crypto.createCipheriv("aes-128-ctr", Buffer.alloc(16), Buffer.alloc(16)); c.final(); return c.final(); },
  updateAfterFinal: () => { const c = crypto.createCipheriv("aes-128-ctr", Buffer.alloc(16), Buffer.alloc(16)); c.final(); return c.update(Buffer.alloc(1)); },
  tagBeforeFinal: () => crypto.createCipheriv("aes-128-gcm", Buffer.alloc(16), Buffer.alloc(12)).getAuthTag(),
  tagOnCbc: () => crypto.createCipheriv("aes-128-cbc", Buffer.alloc(16), Buffer.alloc(16)).getAuthTag(),
  setTagOnCipher: () => crypto.createCipheriv("aes-128-gcm", Buffer.alloc(16), Buffer.alloc(12)).setAuthTag(Buffer.alloc(16)),
  gcmShortTag: () => crypto.createCipheriv("aes-128-gcm", Buffer.alloc(16), Buffer.alloc(12), { authTagLength: 3 }),
  gcmTag8: () => { const c = crypto.createCipheriv("aes-128-gcm", Buffer.alloc(16), Buffer.alloc(12), { authTagLength: 8 }); c.update(Buffer.from("x")); c.final(); return c.getAuthTag(); },
  cbcDecryptShort: () => { const d = crypto.createDecipheriv("aes-128-cbc", Buffer.alloc(16), Buffer.alloc(16)); d.update(Buffer.alloc(5)); return d.final(); },
  cbcEncryptNoPadShort: () => { const c = crypto.createCipheriv("aes-128-cbc", Buffer.alloc(16), Buffer.alloc(16)); c.setAutoPadding(false); c.update(Buffer.alloc(5)); return c.final(); },
  ecbEmptyIV: () => { const c = crypto.createCipheriv("aes-128-ecb", Buffer.alloc(16), Buffer.alloc(0)); return Buffer.concat([c.update(Buffer.from("hi")), c.final()]); },
  exportNoType: () => crypto.generateKeyPairSync("ed25519").publicKey.export({ format: "pem" }),
  exportPkcs1Ec: () => crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "pem", type: "pkcs1" }),
  privFromPub: () => crypto.createPrivateKey(crypto.generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" })),
  secretStrEnc: () => crypto.createSecretKey("616263", "hex").export().toString(),
  signBadDigest: () => crypto.sign("nope", Buffer.from("m"), crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey),
  createSignBad: () => crypto.createSign("nope"),
  verifyShortSig: () => { const { publicKey } = crypto.generateKeyPairSync("ed25519"); return crypto.verify(null, Buffer.from("m"), publicKey, Buffer.alloc(3)); },
  keyType: () => { const { publicKey, privateKey } = crypto.generateKeyPairSync("x25519"); return [publicKey.asymmetricKeyType, JSON.stringify(privateKey.asymmetricKeyDetails)].join(); },
  genBadType: () => crypto.generateKeyPairSync("nope"),
  genRsaNoLen: () => crypto.generateKeyPairSync("rsa", {}),
  genEcBadCurve: () => crypto.generateKeyPairSync("ec", { namedCurve: "nope" }),
  zDict: () => { try { zlib.inflateSync(zlib.deflateSync("hello", { dictionary: Buffer.from("hello") })); } catch (e) { return [e.message, e.code, e.errno].join("|"); } },
  zDictOk: () => zlib.inflateSync(zlib.deflateSync("hello", { dictionary: Buffer.from("hello") }), { dictionary: Buffer.from("hello") }).toString(),
  zLevel0: () => zlib.inflateSync(zlib.deflateSync("aaaa", { level: 0 })).toString(),
  zMaxOut: () => zlib.inflateSync(zlib.deflateSync("a".repeat(100)), { maxOutputLength: 10 }),
  zCrcValue: () => zlib.crc32("world", zlib.crc32("hello ")),
  zInflateEmpty: () => zlib.inflateSync(Buffer.alloc(0)),
  zBrotliEmpty: () => zlib.brotliDecompressSync(Buffer.alloc(0)),
  zWindowBits: () => zlib.inflateRawSync(zlib.deflateRawSync("hi", { windowBits: 9 })).toString(),
  zBadWindow: () => zlib.deflateSync("hi", { windowBits: 20 }),
  zStrategy: () => zlib.deflateSync("hi", { strategy: 9 }),
  zInfo: () => typeof zlib.deflateSync("hi", { info: true }),
  zOptsNum: () => zlib.deflateSync("hi", 5),
};
export default {
  async fetch() {
    const out = {};
    for (const [k, f] of Object.entries(probes)) { try { out[k] = { ok: show(f()) }; } catch (e) { out[k] = { name: e.name, code: e.code, message: e.message }; } }
    return Response.json(out);
  },
};
