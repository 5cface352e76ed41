// Email verification codes: 15-minute TTL, single use. A wrong guess does not
// burn the code; a right one deletes it.
import type { Env } from "../env";
import { json } from "../router";

const CODE_TTL = 15 * 60;

export async function startVerification(req: Request, env: Env): Promise<Response> {
  const { email } = (await req.json()) as { email?: string };
  if (!email?.includes("@")) return json({ error: "body must be {\"email\": \"you@example.com\"}" }, 400);
  const n = crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000;
  const code = String(n).padStart(6, "0");
  await env.KV.put(`verify:${email.toLowerCase()}`, code, { expirationTtl: CODE_TTL });
  // A real worker would email the code; the example returns it so curl can use it.
  return json({ sent: true, expiresIn: CODE_TTL, devCode: code });
}

export async function checkVerification(req: Request, env: Env): Promise<Response> {
  const { email, code } = (await req.json()) as { email?: string; code?: string };
  if (!email || !code) return json({ error: "body must be {\"email\": ..., \"code\": ...}" }, 400);
  const key = `verify:${email.toLowerCase()}`;
  const expected = await env.KV.get(key);
  if (expected === null) return json({ verified: false, error: "no pending code (expired or already used)" }, 410);
  if (expected !== code) return json({ verified: false, error: "wrong code" }, 400);
  await env.KV.delete(key);
  return json({ verified: true, email });
}
