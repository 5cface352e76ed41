// A small itty-router app used by edgedev's end-to-end tests; see
// ../expected.md for the requests and the exact responses to assert.
import { Router, error, json, text } from "itty-router";

// No `catch` option: an error thrown by a route escapes router.fetch, so it
// reaches the runtime as an uncaught exception (unlike the hono app, whose
// onError turns it into a JSON 500).
const router = Router();

router
  .get("/", () => text("Hello from itty-router!"))
  .get("/json/:id", ({ params, query }) =>
    json({ framework: "itty-router", id: params.id, q: query.q ?? null }),
  )
  .post("/echo", async (request) => {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return error(400, "request body must be JSON");
    }
    return json({ received: body });
  })
  .get("/boom", () => {
    throw new Error("boom from itty-router");
  })
  .all("*", () => error(404, "not found"));

export default router;
