// nanoid (https://github.com/ai/nanoid) the way its README uses it. IDs are
// random, so the responses describe them instead of echoing them.
import { nanoid, customAlphabet } from "nanoid";

const urlAlphabet = /^[A-Za-z0-9_-]+$/;

export default {
  fetch(request: Request): Response {
    const url = new URL(request.url);
    switch (url.pathname) {
      case "/": {
        const id = nanoid();
        return Response.json({ length: id.length, urlSafe: urlAlphabet.test(id) });
      }
      case "/size": {
        const id = nanoid(10);
        return Response.json({ length: id.length, urlSafe: urlAlphabet.test(id) });
      }
      case "/custom": {
        const hex = customAlphabet("1234567890abcdef", 10);
        const id = hex();
        const short = hex(5);
        return Response.json({ length: id.length, hex: /^[0-9a-f]{10}$/.test(id), shortLength: short.length });
      }
      case "/unique": {
        const ids = new Set<string>();
        for (let i = 0; i < 1000; i++) ids.add(nanoid());
        return Response.json({ distinct: ids.size });
      }
    }
    return new Response("not found", { status: 404 });
  },
};
