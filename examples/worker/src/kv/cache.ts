// Caching an expensive lookup with a TTL: compute once, serve from KV for a
// minute.
import type { Env } from "../env";
import { json } from "../router";

function slowFib(n: number): number {
  return n < 2 ? n : slowFib(n - 1) + slowFib(n - 2);
}

export async function cachedFib(env: Env, nParam: string): Promise<Response> {
  const n = Number(nParam);
  if (!Number.isInteger(n) || n < 0 || n > 30) return json({ error: "n must be an integer from 0 to 30" }, 400);
  const key = `cache:fib:${n}`;
  const hit = await env.KV.get(key);
  if (hit !== null) return json({ n, value: Number(hit), cached: true });
  const value = slowFib(n);
  await env.KV.put(key, String(value), { expirationTtl: 60 });
  return json({ n, value, cached: false });
}
