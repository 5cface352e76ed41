// zod (https://zod.dev) with hono and @hono/zod-validator, the way their
// READMEs use them: schemas validate JSON bodies and query strings; a hook
// turns a failed parse into a 400 with zod's issue codes.
import { Hono } from "hono";
import { zValidator } from "@hono/zod-validator";
import { z } from "zod";

const User = z.object({
  name: z.string().min(1, "name is required"),
  email: z.email(),
  age: z.number().int().positive().optional(),
});

const Search = z.object({
  q: z.string(),
  page: z.coerce.number().int().min(1).default(1),
});

const issues = (error: z.ZodError) => error.issues.map((i) => ({ path: i.path.join("."), code: i.code, message: i.message }));

const app = new Hono();

app.post(
  "/users",
  zValidator("json", User, (result, c) => {
    if (!result.success) return c.json({ errors: issues(result.error).map(({ path, code }) => ({ path, code })) }, 400);
  }),
  (c) => c.json({ created: c.req.valid("json") }, 201),
);

app.post(
  "/users/messages",
  zValidator("json", User, (result, c) => {
    if (!result.success) return c.json({ messages: issues(result.error).filter((i) => i.path === "name").map((i) => i.message) }, 400);
  }),
  (c) => c.json({ ok: true }),
);

app.get("/search", zValidator("query", Search), (c) => c.json(c.req.valid("query")));

// Plain zod: parse, safeParse and a regex that uses Unicode property escapes
// (z.emoji() is /^(\p{Extended_Pictographic}|\p{Emoji_Component})+$/u).
app.get("/check", (c) => {
  const value = c.req.query("v") ?? "";
  return c.json({
    emoji: z.emoji().safeParse(value).success,
    uuid: z.uuid().safeParse(value).success,
    int: z.coerce.number().int().safeParse(value).success,
  });
});

app.get("/transform", (c) => {
  const Csv = z.string().transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean));
  return c.json(Csv.parse(c.req.query("list") ?? ""));
});

export default app;
