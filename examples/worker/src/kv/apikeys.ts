// API keys: create (the key is shown once), validate, revoke. Only a hash of
// the key is stored; the owner travels in the key's metadata.
import type { Env } from "../env";
import { json } from "../router";

async function sha256(s: string): Promise<string> {
  const d = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function createKey(req: Request, env: Env): Promise<Response> {
  const { owner } = (await req.json()) as { owner?: string };
  if (!owner) return json({ error: "body must be {\"owner\": \"name\"}" }, 400);
  const key = "ek_" + crypto.randomUUID().replaceAll("-", "");
  await env.KV.put(`apikey:${await sha256(key)}`, "active", { metadata: { owner, created: Date.now() } });
  return json({ apiKey: key, owner, note: "store it now: it is not shown again" }, 201);
}

export async function protectedRoute(req: Request, env: Env): Promise<Response> {
  const key = req.headers.get("x-api-key");
  if (!key) return json({ error: "missing X-API-Key header" }, 401);
  const { value, metadata } = await env.KV.getWithMetadata<{ owner: string }>(`apikey:${await sha256(key)}`);
  if (value !== "active" || !metadata) return json({ error: "invalid or revoked API key" }, 403);
  return json({ ok: true, owner: metadata.owner });
}

export async function revokeKey(env: Env, key: string): Promise<Response> {
  await env.KV.delete(`apikey:${await sha256(key)}`);
  return json({ revoked: true });
}
