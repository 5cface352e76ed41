// Stale-while-revalidate with getWithMetadata: serve what is cached at once;
// when it is older than FRESH_FOR, refresh it in the background (waitUntil).
import type { Env } from "../env";
import { json } from "../router";

const FRESH_FOR = 10_000; // ms
let upstreamCalls = 0;

async function fetchPrice(): Promise<{ price: number; version: number }> {
  // Stands in for a slow upstream API.
  await new Promise((r) => setTimeout(r, 20));
  upstreamCalls++;
  return { price: 100 + upstreamCalls, version: upstreamCalls };
}

async function refresh(env: Env) {
  const data = await fetchPrice();
  await env.KV.put("swr:price", JSON.stringify(data), { metadata: { fetchedAt: Date.now() } });
  return data;
}

export async function price(env: Env, ctx: ExecutionContext): Promise<Response> {
  const { value, metadata } = await env.KV.getWithMetadata<{ price: number }, { fetchedAt: number }>("swr:price", "json");
  if (!value || !metadata) {
    const data = await refresh(env);
    return json({ ...data, cache: "MISS" }, 200, { "x-cache": "MISS" });
  }
  const age = Date.now() - metadata.fetchedAt;
  if (age > FRESH_FOR) {
    ctx.waitUntil(refresh(env));
    return json({ ...value, cache: "STALE", ageMs: age }, 200, { "x-cache": "STALE" });
  }
  return json({ ...value, cache: "HIT", ageMs: age }, 200, { "x-cache": "HIT" });
}
