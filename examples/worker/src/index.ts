import type { Env } from "./env";
import { Router, json } from "./router";

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
