// Sessions: create, validate-and-extend, logout. A session lives for an hour
// after its last use: every validation rewrites it with a fresh TTL.
import type { Env } from "../env";
import { json } from "../router";

const SESSION_TTL = 3600;

interface Session {
  user: string;
  created: number;
}

function sessionId(req: Request): string | null {
  const auth = req.headers.get("authorization");
  if (auth?.startsWith("Bearer ")) return auth.slice(7);
  const cookie = req.headers.get("cookie") ?? "";
  const m = /(?:^|;\s*)session=([^;]+)/.exec(cookie);
  return m ? m[1] : null;
}

export async function createSession(req: Request, env: Env): Promise<Response> {
  const { user } = (await req.json()) as { user?: string };
  if (!user) return json({ error: "body must be {\"user\": \"name\"}" }, 400);
  const id = crypto.randomUUID();
  const session: Session = { user, created: Date.now() };
  await env.KV.put(`session:${id}`, JSON.stringify(session), { expirationTtl: SESSION_TTL });
  return json({ sessionId: id, expiresIn: SESSION_TTL }, 201, {
    "set-cookie": `session=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_TTL}`,
  });
}

export async function currentSession(req: Request, env: Env): Promise<Response> {
  const id = sessionId(req);
  if (!id) return json({ error: "no session: send Authorization: Bearer <id> or the session cookie" }, 401);
  const session = await env.KV.get<Session>(`session:${id}`, "json");
  if (!session) return json({ error: "session expired or unknown" }, 401);
  // Sliding expiry: each use extends the session.
  await env.KV.put(`session:${id}`, JSON.stringify(session), { expirationTtl: SESSION_TTL });
  return json({ user: session.user, created: session.created, extendedBy: SESSION_TTL });
}

export async function logout(req: Request, env: Env): Promise<Response> {
  const id = sessionId(req);
  if (id) await env.KV.delete(`session:${id}`);
  return new Response(null, { status: 204, headers: { "set-cookie": "session=; Path=/; Max-Age=0" } });
}
