// cloudflare:workers as workerd exposes it to a worker
// (https://developers.cloudflare.com/workers/runtime-apis/rpc/ and
// .../durable-objects/api/base/): the base classes DurableObject,
// WorkerEntrypoint and WorkflowEntrypoint (constructor(ctx, env) keeps both
// as this.ctx and this.env), RpcTarget (a marker: instances pass over RPC
// by reference), the env import and waitUntil. Knowingly missing: RpcStub,
// RpcPromise and RpcProperty as constructors, withEnv, and ctx.exports.
//
// This file is one function expression; Go calls it once per instance with
// `native` (env, waitUntil) and exports what it returns.
(function (native) {
  "use strict";
  class DurableObject {
    constructor(ctx, env) {
      this.ctx = ctx;
      this.env = env;
    }
  }
  class WorkerEntrypoint {
    constructor(ctx, env) {
      this.ctx = ctx;
      this.env = env;
    }
  }
  class WorkflowEntrypoint {
    constructor(ctx, env) {
      this.ctx = ctx;
      this.env = env;
    }
  }
  class RpcTarget {}
  function waitUntil(promise) {
    native.waitUntil(promise);
  }
  const exports = Object.create(null);
  exports.DurableObject = DurableObject;
  exports.WorkerEntrypoint = WorkerEntrypoint;
  exports.WorkflowEntrypoint = WorkflowEntrypoint;
  exports.RpcTarget = RpcTarget;
  exports.env = native.env;
  exports.waitUntil = waitUntil;
  Object.defineProperty(exports, "__esModule", { value: true });
  return exports;
});
