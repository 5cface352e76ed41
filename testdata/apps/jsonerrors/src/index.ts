// Malformed JSON bodies through hono and itty-router, each on its own error
// path: the frameworks put the runtime's SyntaxError message into their
// responses, so it must be V8's. Used by dev/apps_test.go (TestJSONErrors);
// the expected responses there were recorded under wrangler dev 4.86.0.
import { Hono } from "hono";
import { Router, error, json } from "itty-router";

const hono = new Hono().basePath("/hono");
hono.post("/echo", async (c) => c.json({ received: await c.req.json() }));
hono.onError((err, c) => c.json({ error: `${err.name}: ${err.message}` }, 400));

// itty's documented catch: error() turns the thrown SyntaxError into a JSON 500.
const itty = Router({ base: "/itty", catch: error });
itty.post("/echo", async (request) => json({ received: await request.json() }));

export default {
  fetch(request: Request, env: unknown, ctx: ExecutionContext) {
    const path = new URL(request.url).pathname;
    return path.startsWith("/hono/") ? hono.fetch(request, env, ctx) : itty.fetch(request, env, ctx);
  },
};
