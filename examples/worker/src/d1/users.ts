// Caching database queries (the KV guide's "Caching Database Queries"): D1
// holds the users, KV caches each one for five minutes in front of it
// (cache-aside), and an update invalidates the cached copy with KV.delete.
// docs/consistency.md, walk-through 4, shows what the delete does not do:
// another location keeps serving its cached copy until its cacheTtl runs out.
import type { Env } from "../env";
import { json } from "../router";

interface User {
  id: string;
  email: string;
  name: string;
  created_at: string;
}

export async function getUserCached(userId: string, env: Env): Promise<{ user: User; source: "kv" | "d1" } | null> {
  const cacheKey = `user:${userId}`;

  // Try the cache first.
  const cached = await env.KV.get<User>(cacheKey, "json");
  if (cached) return { user: cached, source: "kv" };

  // Cache miss: query the database.
  const user = await env.DB.prepare("SELECT id, email, name, created_at FROM users WHERE id = ?").bind(userId).first<User>();
  if (!user) return null;

  // Keep it for 5 minutes.
  await env.KV.put(cacheKey, JSON.stringify(user), { expirationTtl: 300 });
  return { user, source: "d1" };
}

export async function updateUser(userId: string, data: { name: string }, env: Env): Promise<boolean> {
  // Update the database...
  const r = await env.DB.prepare("UPDATE users SET name = ? WHERE id = ?").bind(data.name, userId).run();
  if (r.meta.changes === 0) return false;
  // ...and invalidate the cache.
  await env.KV.delete(`user:${userId}`);
  return true;
}

export async function getUser(_req: Request, env: Env, id: string): Promise<Response> {
  const found = await getUserCached(id, env);
  if (!found) return json({ error: `no user ${id}` }, 404);
  return json({ ...found.user, source: found.source });
}

export async function putUser(req: Request, env: Env, id: string): Promise<Response> {
  let body: { name?: unknown };
  try {
    body = (await req.json()) as { name?: unknown };
  } catch {
    return json({ error: "body must be JSON" }, 400);
  }
  if (typeof body.name !== "string" || body.name === "") return json({ error: 'body must be {"name": "..."}' }, 400);
  if (!(await updateUser(id, { name: body.name }, env))) return json({ error: `no user ${id}` }, 404);
  return json({ updated: id, name: body.name });
}
