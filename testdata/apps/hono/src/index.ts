// A small hono app used by edgedev's end-to-end tests; see ../expected.md for
// the requests and the exact responses to assert.
import { Hono } from "hono";

const app = new Hono();

app.get("/", (c) => c.text("Hello from hono!"));

app.get("/json/:id", (c) => {
  const id = c.req.param("id");
  const q = c.req.query("q") ?? null;
  return c.json({ framework: "hono", id, q });
});

app.post("/echo", async (c) => {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return c.json({ error: "request body must be JSON" }, 400);
  }
  return c.json({ received: body });
});

app.get("/boom", () => {
  throw new Error("boom from hono");
});

app.notFound((c) => c.json({ error: "not found", path: c.req.path }, 404));

app.onError((err, c) => c.json({ error: err.message }, 500));

export default app;
