// The Pages Functions execution model, after the platform's
// pages-template-worker.ts (reference/workers-platform.md section 5.3).
// entry.go puts this after the generated part, which defines:
//
//   ROUTER  the env name of edgedev's router binding: router.match(method,
//           url) returns the Go route table's answer as a flat array
//           [route, isMiddleware, params, functionPath, ...] in run order
//   routes  per route of that table: [middleware export, handler export]
//
// Functions never see the router binding: they get an env without it.

let router = null;
let userEnv = null;

function setup(env) {
  router = env[ROUTER];
  userEnv = {};
  for (const key of Object.keys(env)) {
    if (key !== ROUTER) userEnv[key] = env[key];
  }
}

const nullBodyStatus = new Set([101, 204, 205, 304]);

// The platform rebuilds every returned Response (new Response(body, res))
// so that the middleware above may change its headers even when they were
// immutable (Response.redirect, fetch). A Response whose headers are already
// mutable and whose type, url and redirected are the defaults is
// indistinguishable from its rebuild, so it is passed on as is: rebuilding
// would turn a string body into a stream for nothing. Deleting a header
// nobody sets is how a Headers object says whether it is mutable without
// changing it.
function cloneResponse(response) {
  let mutable = true;
  try {
    response.headers.delete("x-edgedev-mutability-probe");
  } catch (_) {
    mutable = false;
  }
  if (mutable && response.type === "default" && response.url === "" && response.redirected === false) {
    return response;
  }
  if (typeof ReadableStream !== "function") {
    const copy = response.clone(); // mutable headers; the body is shared, not streamed
    copy.type = "default";
    copy.url = "";
    copy.redirected = false;
    return copy;
  }
  return new Response(nullBodyStatus.has(response.status) ? null : response.body, response);
}

export default {
  async fetch(originalRequest, env, workerContext) {
    if (userEnv === null) setup(env);
    let request = originalRequest;

    // Middleware first (root first), then the one handler: each export may
    // be a function or an array of functions, run in order.
    const plan = router.match(request.method, request.url);
    const chain = [];
    for (let i = 0; i < plan.length; i += 4) {
      const exported = routes[plan[i]][plan[i + 1] ? 0 : 1];
      for (const handler of [exported].flat()) chain.push(handler, plan[i + 2], plan[i + 3]);
    }

    let position = 0;
    let data = {};
    let failOpen = false;
    const waitUntil = workerContext.waitUntil.bind(workerContext);
    const passThroughOnException = () => {
      failOpen = true;
    };

    const next = async (input, init) => {
      if (input !== undefined) {
        let url = input;
        if (typeof input === "string") url = new URL(input, request.url).toString();
        request = new Request(url, init);
      }
      if (position < chain.length) {
        const handler = chain[position];
        const params = chain[position + 1];
        const functionPath = chain[position + 2];
        position += 3;
        const context = {
          request: new Request(request.clone()),
          functionPath,
          next,
          params,
          get data() {
            return data;
          },
          set data(value) {
            if (typeof value !== "object" || value === null) {
              throw new Error("context.data must be an object");
            }
            data = value;
          },
          env: userEnv,
          waitUntil,
          passThroughOnException,
        };
        const response = await handler(context);
        if (!(response instanceof Response)) {
          throw new Error("Your Pages function should return a Response");
        }
        return cloneResponse(response);
      }
      // Past the last function: the static assets.
      return cloneResponse(await userEnv.ASSETS.fetch(request));
    };

    try {
      return await next();
    } catch (error) {
      if (failOpen) return cloneResponse(await userEnv.ASSETS.fetch(request));
      throw error;
    }
  },
};
