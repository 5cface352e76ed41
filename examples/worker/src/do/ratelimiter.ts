// A global rate limiter: one Durable Object per client counts every request
// of that client, wherever it lands. An object runs one event at a time
// and its storage calls close the input gate, so two requests at once can
// never both read the same count: no lock, and no undercount (compare
// src/kv/ratelimit.ts, which KV's eventual consistency lets undercount).
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";
import { json } from "../router";

const LIMIT = 5;
const WINDOW = 60; // seconds

export class RateLimiter extends DurableObject<Env> {
  // hit counts one request in the current window; called over RPC.
  async hit(nowSec: number): Promise<{ ok: boolean; used: number; resetIn: number }> {
    const window = Math.floor(nowSec / WINDOW);
    const stored = (await this.ctx.storage.get<{ window: number; count: number }>("window")) ?? { window, count: 0 };
    const count = stored.window === window ? stored.count : 0;
    const resetIn = (window + 1) * WINDOW - nowSec;
    if (count >= LIMIT) return { ok: false, used: count, resetIn };
    await this.ctx.storage.put("window", { window, count: count + 1 });
    return { ok: true, used: count + 1, resetIn };
  }
}

export async function rateLimitedGlobal(req: Request, env: Env): Promise<Response> {
  const client = req.headers.get("x-client-id") ?? req.headers.get("cf-connecting-ip") ?? "unknown";
  const colo = (req.cf?.colo as string | undefined) ?? "local";
  const r = await env.LIMITER.getByName(client).hit(Math.floor(Date.now() / 1000));
  if (!r.ok) return json({ error: "too many requests", retryAfter: r.resetIn }, 429, { "retry-after": String(r.resetIn) });
  return json({ ok: true, used: r.used, limit: LIMIT, colo });
}
