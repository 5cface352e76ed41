import { json, type PagesFunction } from "../../_lib";

// GET /api/admin/sessions: how many sessions exist (admin only, see _middleware.ts).
export const onRequestGet: PagesFunction = async ({ env, data }) => {
  const { keys } = await env.SESSIONS.list({ prefix: "session:" });
  return json({ sessions: keys.length, admin: data.admin });
};
