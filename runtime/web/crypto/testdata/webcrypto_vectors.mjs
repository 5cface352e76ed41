// Generates webcrypto_vectors.json with Node 20's Web Crypto (OpenSSL), an
// implementation independent of ours; in runtime/web/crypto run
// `node testdata/webcrypto_vectors.mjs > testdata/webcrypto_vectors.json`.
// Keys are random, so a rerun changes every value; the tests only need consistency.
const { subtle } = globalThis.crypto;
const b64 = (b) => Buffer.from(b).toString("base64");
const hex = (b) => Buffer.from(b).toString("hex");
const msg = new TextEncoder().encode("edgedev web crypto known answer");
const out = {};
// RSA
const rsa = await subtle.generateKey({name:"RSASSA-PKCS1-v1_5", modulusLength:2048, publicExponent:new Uint8Array([1,0,1]), hash:"SHA-256"}, true, ["sign","verify"]);
out.rsaPkcs8 = b64(await subtle.exportKey("pkcs8", rsa.privateKey));
out.rsaSpki = b64(await subtle.exportKey("spki", rsa.publicKey));
out.rsaJwkPriv = await subtle.exportKey("jwk", rsa.privateKey);
out.rsaPkcs1Sha256 = hex(await subtle.sign("RSASSA-PKCS1-v1_5", rsa.privateKey, msg));
const pssPriv = await subtle.importKey("pkcs8", Buffer.from(out.rsaPkcs8,"base64"), {name:"RSA-PSS", hash:"SHA-256"}, true, ["sign"]);
out.rsaPss32 = hex(await subtle.sign({name:"RSA-PSS", saltLength:32}, pssPriv, msg));
out.rsaPss0 = hex(await subtle.sign({name:"RSA-PSS", saltLength:0}, pssPriv, msg));
const oaepPub = await subtle.importKey("spki", Buffer.from(out.rsaSpki,"base64"), {name:"RSA-OAEP", hash:"SHA-256"}, true, ["encrypt"]);
out.rsaOaepSha256 = hex(await subtle.encrypt({name:"RSA-OAEP"}, oaepPub, msg));
out.rsaOaepLabel = hex(await subtle.encrypt({name:"RSA-OAEP", label: new TextEncoder().encode("label")}, oaepPub, msg));
for (const [crv, hash] of [["P-256","SHA-256"],["P-384","SHA-384"],["P-521","SHA-512"]]) {
  const k = await subtle.generateKey({name:"ECDSA", namedCurve:crv}, true, ["sign","verify"]);
  out["ec"+crv] = { pkcs8: b64(await subtle.exportKey("pkcs8", k.privateKey)), raw: hex(await subtle.exportKey("raw", k.publicKey)),
    jwk: await subtle.exportKey("jwk", k.privateKey), sig: hex(await subtle.sign({name:"ECDSA", hash}, k.privateKey, msg)), hash };
}
const a = await subtle.generateKey({name:"ECDH", namedCurve:"P-256"}, true, ["deriveBits"]);
const b = await subtle.generateKey({name:"ECDH", namedCurve:"P-256"}, true, ["deriveBits"]);
out.ecdhA = await subtle.exportKey("jwk", a.privateKey);
out.ecdhB = hex(await subtle.exportKey("raw", b.publicKey));
out.ecdhShared = hex(await subtle.deriveBits({name:"ECDH", public:b.publicKey}, a.privateKey, 256));
const a3 = await subtle.generateKey({name:"ECDH", namedCurve:"P-521"}, true, ["deriveBits"]);
const b3 = await subtle.generateKey({name:"ECDH", namedCurve:"P-521"}, true, ["deriveBits"]);
out.ecdh521A = await subtle.exportKey("jwk", a3.privateKey);
out.ecdh521B = await subtle.exportKey("jwk", b3.publicKey);
out.ecdh521Shared = hex(await subtle.deriveBits({name:"ECDH", public:b3.publicKey}, a3.privateKey, 528));
console.log(JSON.stringify(out, null, 1));
