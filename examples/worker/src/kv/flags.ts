// Feature flags with per-user overrides, one key per flag.
import type { Env } from "../env";
import { json } from "../router";

interface Flag {
  enabled: boolean;
  users?: Record<string, boolean>;
}

export async function setFlag(req: Request, env: Env, name: string): Promise<Response> {
  const flag = (await req.json()) as Flag;
  if (typeof flag.enabled !== "boolean") return json({ error: "body must be {\"enabled\": true|false, \"users\"?: {\"id\": bool}}" }, 400);
  await env.KV.put(`flag:${name}`, JSON.stringify(flag));
  return json({ flag: name, saved: flag });
}

export async function getFlag(req: Request, env: Env, name: string): Promise<Response> {
  const user = new URL(req.url).searchParams.get("user");
  const flag = await env.KV.get<Flag>(`flag:${name}`, { type: "json", cacheTtl: 30 });
  if (!flag) return json({ flag: name, enabled: false, reason: "not defined" });
  if (user && flag.users && user in flag.users) {
    return json({ flag: name, enabled: flag.users[user], reason: `override for ${user}` });
  }
  return json({ flag: name, enabled: flag.enabled, reason: "default" });
}
