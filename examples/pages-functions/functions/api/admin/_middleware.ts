import { json, type PagesFunction } from "../../_lib";

// Nested middleware: runs after /api's, only for /api/admin/*.
export const onRequest: PagesFunction = async ({ request, env, data, next }) => {
  if (request.headers.get("authorization") !== `Bearer ${env.ADMIN_TOKEN}`) {
    return json({ error: "unauthorized" }, 401);
  }
  data.admin = true;
  return next();
};
