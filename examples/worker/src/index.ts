import type { Env } from "./env";
import { Router, json } from "./router";
import { createSession, currentSession, logout } from "./kv/sessions";
import { rateLimited } from "./kv/ratelimit";
import { getFlag, setFlag } from "./kv/flags";
import { cachedFib } from "./kv/cache";
import { createKey, protectedRoute, revokeKey } from "./kv/apikeys";
import { checkVerification, startVerification } from "./kv/verify";
import { addItem, getCart, removeItem } from "./kv/cart";
import { price } from "./kv/swr";
import { addProduct, listProducts } from "./kv/products";
import { getUser, putUser } from "./d1/users";
import { rateLimitedGlobal } from "./do/ratelimiter";

export { RateLimiter } from "./do/ratelimiter";

const router = new Router<Env>()
  .on("GET", "/", (_req, env) => new Response(`${env.GREETING} from edgedev!\n`))
  .on("GET", "/api/greet/:name", (_req, env, p) => json({ message: `${env.GREETING}, ${p.name}!` }))
  .on("POST", "/api/echo", async (req) => {
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      return json({ error: "body must be JSON" }, 400);
    }
    return json({ received: body, contentType: req.headers.get("content-type") });
  })
  .on("GET", "/api/config", (_req, env) =>
    json({ greeting: env.GREETING, pageSize: env.PAGE_SIZE, features: env.FEATURES, hasToken: Boolean(env.API_TOKEN) }),
  )
  .on("GET", "/api/private", (req, env) => {
    const auth = req.headers.get("authorization");
    if (!env.API_TOKEN) return json({ error: "API_TOKEN is not set: cp .dev.vars.example .dev.vars" }, 500);
    if (auth !== `Bearer ${env.API_TOKEN}`) return json({ error: "unauthorized" }, 401);
    return json({ secret: "the cake is a lie" });
  })
  .on("POST", "/api/hash", async (req) => {
    const data = new Uint8Array(await req.arrayBuffer());
    const digest = await crypto.subtle.digest("SHA-256", data);
    return json({ sha256: toHex(digest), bytes: data.byteLength });
  })
  .on("GET", "/api/uuid", () => json({ uuid: crypto.randomUUID() }))
  .on("GET", "/api/cookies", () => {
    const headers = new Headers();
    headers.append("Set-Cookie", "session=abc; Path=/; HttpOnly");
    headers.append("Set-Cookie", "theme=dark; Path=/");
    return new Response("two cookies set\n", { headers });
  })
  .on("GET", "/api/stream", () => {
    const encoder = new TextEncoder();
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (i === 5) return controller.close();
        await new Promise((r) => setTimeout(r, 10));
        controller.enqueue(encoder.encode(`chunk ${i++}\n`));
      },
    });
    return new Response(body, { headers: { "content-type": "text/plain" } });
  })
  .on("GET", "/api/slow", async (_req, _env, _p, ctx) => {
    ctx.waitUntil(new Promise((r) => setTimeout(r, 50)).then(() => console.log("background work finished")));
    return json({ ok: true });
  })
  // KV patterns (README.md walks through each with curl)
  .on("POST", "/sessions", (req, env) => createSession(req, env))
  .on("GET", "/sessions/me", (req, env) => currentSession(req, env))
  .on("DELETE", "/sessions/me", (req, env) => logout(req, env))
  .on("GET", "/limited", (req, env) => rateLimited(req, env))
  .on("GET", "/limited-global", (req, env) => rateLimitedGlobal(req, env))
  .on("PUT", "/flags/:name", (req, env, p) => setFlag(req, env, p.name))
  .on("GET", "/flags/:name", (req, env, p) => getFlag(req, env, p.name))
  .on("GET", "/fib/:n", (_req, env, p) => cachedFib(env, p.n))
  .on("POST", "/apikeys", (req, env) => createKey(req, env))
  .on("DELETE", "/apikeys/:key", (_req, env, p) => revokeKey(env, p.key))
  .on("GET", "/protected", (req, env) => protectedRoute(req, env))
  .on("POST", "/verify/start", (req, env) => startVerification(req, env))
  .on("POST", "/verify/check", (req, env) => checkVerification(req, env))
  .on("GET", "/cart/:user", (_req, env, p) => getCart(env, p.user))
  .on("POST", "/cart/:user/items", (req, env, p) => addItem(req, env, p.user))
  .on("DELETE", "/cart/:user/items/:sku", (_req, env, p) => removeItem(env, p.user, p.sku))
  .on("GET", "/price", (_req, env, _p, ctx) => price(env, ctx))
  .on("POST", "/products", (req, env) => addProduct(req, env))
  .on("GET", "/products", (req, env) => listProducts(req, env))
  // D1 behind a KV cache (README.md, "D1 patterns")
  .on("GET", "/users/:id", (req, env, p) => getUser(req, env, p.id))
  .on("PUT", "/users/:id", (req, env, p) => putUser(req, env, p.id))
  .on("GET", "/boom", () => {
    explode("something went wrong");
    return new Response("unreachable");
  });

function explode(msg: string): never {
  throw new Error(msg);
}

function toHex(buf: ArrayBuffer): string {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    return router.handle(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
