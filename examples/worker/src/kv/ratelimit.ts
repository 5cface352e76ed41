// Fixed-window rate limiting: at most LIMIT requests per client per minute.
// The counter key names its window, so old windows simply expire.
import type { Env } from "../env";
import { json } from "../router";

const LIMIT = 5;
const WINDOW = 60; // seconds

export async function rateLimited(req: Request, env: Env): Promise<Response> {
  // X-Client-Id lets you play several clients from one machine with curl.
  const client = req.headers.get("x-client-id") ?? req.headers.get("cf-connecting-ip") ?? "unknown";
  const now = Math.floor(Date.now() / 1000);
  const window = Math.floor(now / WINDOW);
  const key = `rate:${client}:${window}`;
  const count = Number((await env.KV.get(key)) ?? "0");
  const resetIn = (window + 1) * WINDOW - now;
  const headers = { "x-ratelimit-limit": String(LIMIT), "x-ratelimit-remaining": String(Math.max(0, LIMIT - count - 1)) };
  if (count >= LIMIT) {
    return json({ error: "too many requests", retryAfter: resetIn }, 429, { ...headers, "retry-after": String(resetIn) });
  }
  // KV has no atomic increment: concurrent requests can undercount. Fine for
  // a soft limit; use a Durable Object for a hard one.
  await env.KV.put(key, String(count + 1), { expirationTtl: WINDOW * 2 });
  return json({ ok: true, used: count + 1, limit: LIMIT }, 200, headers);
}
