// A tiny router: enough for the example, and a real relative import for the
// bundler to follow.
export type Handler<E> = (req: Request, env: E, params: Record<string, string>, ctx: ExecutionContext) => Response | Promise<Response>;

interface Route<E> {
  method: string;
  parts: string[];
  handler: Handler<E>;
}

export class Router<E> {
  private routes: Route<E>[] = [];

  on(method: string, path: string, handler: Handler<E>): this {
    this.routes.push({ method, parts: path.split("/").filter(Boolean), handler });
    return this;
  }

  async handle(req: Request, env: E, ctx: ExecutionContext): Promise<Response> {
    const segs = new URL(req.url).pathname.split("/").filter(Boolean);
    let pathMatched = false;
    for (const r of this.routes) {
      const params = match(r.parts, segs);
      if (!params) continue;
      pathMatched = true;
      if (r.method === req.method || (r.method === "GET" && req.method === "HEAD")) {
        return r.handler(req, env, params, ctx);
      }
    }
    if (pathMatched) return json({ error: "method not allowed" }, 405);
    return json({ error: "not found", path: new URL(req.url).pathname }, 404);
  }
}

function match(parts: string[], segs: string[]): Record<string, string> | null {
  if (parts.length !== segs.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].startsWith(":")) params[parts[i].slice(1)] = decodeURIComponent(segs[i]);
    else if (parts[i] !== segs[i]) return null;
  }
  return params;
}

export function json(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(data, { status, headers });
}
