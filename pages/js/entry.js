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

// finish checks what a function returned, as the platform does, and makes
// it safe for the middleware above to change.
function finish(response) {
  if (!(response instanceof Response)) {
    throw new Error("Your Pages function should return a Response");
  }
  return cloneResponse(response);
}

// fetch and next are plain functions that return promises rather than async
// functions: same results and the same errors, without a generator per call,
// which is most of what a middleware chain costs in goja. Internally, run
// may return a Response directly; the next() functions see always returns a
// promise, as on the platform.
export default {
  fetch(originalRequest, env, workerContext) {
    if (userEnv === null) setup(env);
    let request = originalRequest;

    // What runs, in order: middleware (root first), then the one handler.
    // plan holds [route, isMiddleware, params, functionPath] per route; an
    // export may be a function or an array of functions, run in order.
    const plan = router.match(request.method, request.url);
    let step = 0; // index into plan
    let item = 0; // index into an array export

    let data = {};
    let failOpen = false;
    const waitUntil = (promise) => workerContext.waitUntil(promise);
    const passThroughOnException = () => {
      failOpen = true;
    };

    const run = (input, init) => {
      if (input !== undefined) {
        let url = input;
        if (typeof input === "string") url = new URL(input, request.url).toString();
        request = new Request(url, init);
      }
      let handler;
      let at;
      for (;;) {
        if (step >= plan.length) {
          // Past the last function: the static assets.
          return userEnv.ASSETS.fetch(request).then(cloneResponse);
        }
        at = step;
        const exported = routes[plan[at]][plan[at + 1] ? 0 : 1];
        if (!Array.isArray(exported)) {
          handler = exported;
          step += 4;
          break;
        }
        if (item < exported.length) {
          handler = exported[item++];
          if (item === exported.length) {
            item = 0;
            step += 4;
          }
          break;
        }
        item = 0;
        step += 4; // an empty array runs nothing
      }
      const params = plan[at + 2];
      const functionPath = plan[at + 3];
      // Each function gets its own copy of the request as it is now. The
      // copy is made when the function first reads context.request, so a
      // middleware that never looks at the request costs no copy.
      const current = request;
      let copy = null;
      const context = {
        get request() {
          if (copy === null) copy = current.clone();
          return copy;
        },
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
      const result = handler(context);
      if (result instanceof Response) return finish(result);
      return Promise.resolve(result).then(finish);
    };

    const next = (input, init) => {
      try {
        return Promise.resolve(run(input, init));
      } catch (error) {
        return Promise.reject(error);
      }
    };

    // passThroughOnException: a function that threw hands the request to
    // the static assets instead.
    let result;
    try {
      result = run();
    } catch (error) {
      if (failOpen) return userEnv.ASSETS.fetch(request).then(cloneResponse);
      throw error;
    }
    if (result instanceof Response) return result;
    return result.then(undefined, (error) => {
      if (failOpen) return userEnv.ASSETS.fetch(request).then(cloneResponse);
      throw error;
    });
  },
};
