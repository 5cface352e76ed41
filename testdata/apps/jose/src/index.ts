// jose (https://github.com/panva/jose) the way its README uses it: sign and
// verify JWTs with HS256, RS256 and EdDSA, and verify against a JWKS, both
// embedded (createLocalJWKSet) and served by this worker
// (createRemoteJWKSet on /.well-known/jwks.json).
import {
  SignJWT, jwtVerify, generateKeyPair, exportJWK, createLocalJWKSet, createRemoteJWKSet, errors,
} from "jose";

// The README's HS256 secret.
const secret = new TextEncoder().encode("cc7e0d44fd473002f1c42167459001140ec6389b7353f8088f4d9a95f2f596f2");
const issuer = "urn:example:issuer";
const audience = "urn:example:audience";

// Key pairs are made once per worker instance and shared by requests.
let keys: Promise<{ rs: CryptoKeyPair; ed: CryptoKeyPair; jwks: { keys: object[] } }> | undefined;
function keyPairs() {
  keys ??= (async () => {
    const rs = await generateKeyPair("RS256", { extractable: true });
    const ed = await generateKeyPair("EdDSA", { extractable: true });
    const rsJwk = { ...(await exportJWK(rs.publicKey)), kid: "rs-1", alg: "RS256", use: "sig" };
    const edJwk = { ...(await exportJWK(ed.publicKey)), kid: "ed-1", alg: "EdDSA", use: "sig" };
    return { rs, ed, jwks: { keys: [rsJwk, edJwk] } };
  })();
  return keys;
}

function claims(alg: string, kid?: string) {
  return new SignJWT({ "urn:example:claim": true })
    .setProtectedHeader(kid ? { alg, kid } : { alg })
    .setIssuedAt()
    .setIssuer(issuer)
    .setAudience(audience)
    .setExpirationTime("2h");
}

async function errorCode(p: Promise<unknown>) {
  try {
    await p;
    return "none";
  } catch (e) {
    return e instanceof errors.JOSEError ? e.code : (e as Error).name;
  }
}

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    switch (url.pathname) {
      case "/capabilities": {
        // Which Web Crypto algorithms this runtime offers (the test skips
        // what is missing, naming it).
        const out: Record<string, boolean> = {};
        for (const [name, alg, usages] of [
          ["HMAC", { name: "HMAC", hash: "SHA-256" }, ["sign", "verify"]],
          ["RSASSA-PKCS1-v1_5", { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, ["sign", "verify"]],
          ["Ed25519", { name: "Ed25519" }, ["sign", "verify"]],
        ] as const) {
          try {
            await crypto.subtle.generateKey(alg as any, true, usages as any);
            out[name] = true;
          } catch {
            out[name] = false;
          }
        }
        out.fetch = typeof fetch === "function";
        return Response.json(out);
      }
      case "/hs256": {
        // Fixed iat and exp make the token deterministic.
        const token = await new SignJWT({ "urn:example:claim": true })
          .setProtectedHeader({ alg: "HS256" })
          .setIssuedAt(1700000000)
          .setIssuer(issuer)
          .setAudience(audience)
          .setExpirationTime(4102444800)
          .sign(secret);
        const { payload, protectedHeader } = await jwtVerify(token, secret, { issuer, audience });
        return Response.json({ token, payload, protectedHeader });
      }
      case "/hs256/errors": {
        const good = await claims("HS256").sign(secret);
        // Flip the first character of the signature.
        const cut = good.lastIndexOf(".") + 1;
        const tampered = good.slice(0, cut) + (good[cut] === "A" ? "B" : "A") + good.slice(cut + 1);
        const expired = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setExpirationTime(1000).sign(secret);
        return Response.json({
          tampered: await errorCode(jwtVerify(tampered, secret)),
          expired: await errorCode(jwtVerify(expired, secret)),
          wrongAudience: await errorCode(jwtVerify(good, secret, { audience: "someone-else" })),
          wrongAlg: await errorCode(jwtVerify(good, secret, { algorithms: ["HS512"] })),
        });
      }
      case "/rs256":
      case "/eddsa": {
        const { rs, ed } = await keyPairs();
        const [alg, pair] = url.pathname === "/rs256" ? ["RS256", rs] : ["EdDSA", ed];
        const token = await claims(alg).sign(pair.privateKey);
        const { payload, protectedHeader } = await jwtVerify(token, pair.publicKey, { issuer, audience });
        const other = url.pathname === "/rs256" ? ed : rs;
        return Response.json({
          alg: protectedHeader.alg,
          segments: token.split(".").length,
          claim: payload["urn:example:claim"],
          iss: payload.iss,
          aud: payload.aud,
          lifetime: (payload.exp as number) - (payload.iat as number),
          otherKey: await errorCode(jwtVerify(token, other.publicKey)),
        });
      }
      case "/.well-known/jwks.json":
        return Response.json((await keyPairs()).jwks);
      case "/jwks/local":
      case "/jwks/remote": {
        const { rs, ed, jwks } = await keyPairs();
        const set = url.pathname === "/jwks/local"
          ? createLocalJWKSet(jwks as any)
          : createRemoteJWKSet(new URL("/.well-known/jwks.json", url));
        const rsToken = await claims("RS256", "rs-1").sign(rs.privateKey);
        const edToken = await claims("EdDSA", "ed-1").sign(ed.privateKey);
        const unknownKid = await claims("EdDSA", "nope").sign(ed.privateKey);
        const a = await jwtVerify(rsToken, set, { issuer, audience });
        const b = await jwtVerify(edToken, set, { issuer, audience });
        return Response.json({
          rs: a.protectedHeader.kid,
          ed: b.protectedHeader.kid,
          unknownKid: await errorCode(jwtVerify(unknownKid, set)),
        });
      }
    }
    return new Response("not found", { status: 404 });
  },
};
