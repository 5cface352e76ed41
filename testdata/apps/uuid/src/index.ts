// uuid (https://github.com/uuidjs/uuid) the way its README uses it. v4 and
// v7 are random or time-based, so the responses check their format; v3, v5
// and parse use the README's own examples as known answers.
import { v3 as uuidv3, v4 as uuidv4, v5 as uuidv5, v7 as uuidv7, validate, version, parse, stringify, NIL } from "uuid";

const v4re = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const v7re = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export default {
  fetch(request: Request): Response {
    const url = new URL(request.url);
    switch (url.pathname) {
      case "/v4": {
        const id = uuidv4();
        return Response.json({ format: v4re.test(id), valid: validate(id), version: version(id) });
      }
      case "/v7": {
        const before = Date.now();
        const ids = Array.from({ length: 100 }, () => uuidv7());
        const after = Date.now();
        const ms = parseInt(ids[0].replace(/-/g, "").slice(0, 12), 16);
        return Response.json({
          format: ids.every((id) => v7re.test(id)),
          version: version(ids[0]),
          ordered: ids.every((id, i) => i === 0 || ids[i - 1] < id),
          timestampNow: ms >= before && ms <= after,
        });
      }
      case "/known": {
        return Response.json({
          v5: uuidv5("hello.example.com", uuidv5.DNS),
          v3: uuidv3("hello.example.com", uuidv3.DNS),
          parse: Array.from(parse("6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b")),
          roundTrip: stringify(parse("6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b")),
          nil: NIL,
          invalid: validate("not-a-uuid"),
        });
      }
    }
    return new Response("not found", { status: 404 });
  },
};
