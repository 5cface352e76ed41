import { json, type PagesFunction } from "../_lib";

// Middleware for everything under /api, run in array order before the route:
// first turn uncaught errors into JSON, then tag every API response.

const errors: PagesFunction = async ({ next }) => {
  try {
    return await next();
  } catch (err) {
    return json({ error: String(err) }, 500);
  }
};

const apiHeader: PagesFunction = async ({ next }) => {
  const response = await next();
  response.headers.set("x-api-version", "1");
  return response;
};

export const onRequest = [errors, apiHeader];
