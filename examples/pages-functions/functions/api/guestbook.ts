import { json, type D1Database, type PagesFunction } from "../_lib";

interface Entry {
  id: number;
  name: string;
  message: string;
}

// The table is made on first use by each worker instance (a real project
// would keep it in migrations/ and run `edgedev d1 migrations apply`).
let ready: Promise<unknown> | null = null;
function table(db: D1Database) {
  ready ??= db.exec(
    "CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, message TEXT NOT NULL)",
  );
  return ready;
}

// GET /api/guestbook: the latest entries, newest first.
export const onRequestGet: PagesFunction = async ({ env }) => {
  await table(env.GUESTBOOK);
  const { results } = await env.GUESTBOOK.prepare("SELECT id, name, message FROM entries ORDER BY id DESC LIMIT 10").all<Entry>();
  return json({ entries: results });
};

// POST /api/guestbook {"name":"ada","message":"hi"}: adds an entry.
export const onRequestPost: PagesFunction = async ({ request, env }) => {
  let body: { name?: unknown; message?: unknown };
  try {
    body = await request.json();
  } catch {
    return json({ error: 'send JSON like {"name":"ada","message":"hi"}' }, 400);
  }
  if (typeof body.name !== "string" || typeof body.message !== "string" || !body.name || !body.message) {
    return json({ error: "name and message are required" }, 400);
  }
  await table(env.GUESTBOOK);
  const r = await env.GUESTBOOK.prepare("INSERT INTO entries (name, message) VALUES (?, ?)").bind(body.name, body.message).run();
  return json({ id: r.meta.last_row_id, name: body.name, message: body.message }, 201);
};
