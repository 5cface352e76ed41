import { json, type PagesFunction } from "../_lib";

interface Session {
  id: string;
  user: string;
  createdAt: string;
}

const SESSION_TTL = 60 * 60; // seconds

// POST /api/session {"user":"ada"}: creates a session in KV.
export const onRequestPost: PagesFunction = async ({ request, env }) => {
  let body: { user?: unknown };
  try {
    body = await request.json();
  } catch {
    return json({ error: 'send JSON like {"user":"ada"}' }, 400);
  }
  if (typeof body.user !== "string" || body.user === "") {
    return json({ error: "user is required" }, 400);
  }
  const session: Session = { id: crypto.randomUUID(), user: body.user, createdAt: new Date().toISOString() };
  await env.SESSIONS.put(`session:${session.id}`, JSON.stringify(session), { expirationTtl: SESSION_TTL });
  return json(session, 201);
};

// GET /api/session with the id in x-session-id: reads it back.
export const onRequestGet: PagesFunction = async ({ request, env }) => {
  const id = request.headers.get("x-session-id");
  if (!id) {
    return json({ error: "send the session id in the x-session-id header" }, 401);
  }
  const session = await env.SESSIONS.get<Session>(`session:${id}`, "json");
  if (!session) {
    return json({ error: "no such session" }, 404);
  }
  return json(session);
};

// DELETE /api/session with x-session-id: logs out.
export const onRequestDelete: PagesFunction = async ({ request, env }) => {
  const id = request.headers.get("x-session-id");
  if (id) await env.SESSIONS.delete(`session:${id}`);
  return new Response(null, { status: 204 });
};
