// node:diagnostics_channel as workerd implements it: named channels with
// subscribers, stores bound through AsyncLocalStorage, and tracing channels
// (start/end/asyncStart/asyncEnd/error). Messages are workerd's, as
// recorded from wrangler 4.86.0.
(function (E) {
  "use strict";
  const channels = new Map();
  let constructing = false;

  class Channel {
    constructor(name) {
      if (!constructing) throw new TypeError("Illegal constructor");
      this._name = name;
      this._subscribers = [];
      this._stores = new Map();
    }
    get name() { return this._name; }
    get hasSubscribers() { return this._subscribers.length > 0 || this._stores.size > 0; }
    subscribe(fn) {
      if (typeof fn !== "function") throw new TypeError("Failed to execute 'subscribe' on 'Channel': parameter 1 is not of type 'function'.");
      this._subscribers.push(fn);
    }
    unsubscribe(fn) {
      const i = this._subscribers.indexOf(fn);
      if (i === -1) return false;
      this._subscribers.splice(i, 1);
      return true;
    }
    publish(message) {
      for (const fn of this._subscribers.slice()) {
        try { fn(message, this._name); } catch (err) { queueMicrotask(() => { throw err; }); }
      }
    }
    bindStore(store, transform) { this._stores.set(store, transform); }
    unbindStore(store) { return this._stores.delete(store); }
    runStores(data, fn, thisArg, ...args) {
      let run = () => { this.publish(data); return Reflect.apply(fn, thisArg, args); };
      for (const [store, transform] of this._stores) {
        const inner = run;
        run = () => {
          let value = data;
          if (typeof transform === "function") {
            try { value = transform(data); } catch (err) { queueMicrotask(() => { throw err; }); return inner(); }
          }
          return store.run(value, inner);
        };
      }
      return run();
    }
  }

  function channel(name) {
    if (typeof name !== "string" && typeof name !== "symbol") throw E.ERR_INVALID_ARG_TYPE("name", ["string", "symbol"], name);
    let c = channels.get(name);
    if (!c) {
      constructing = true;
      try { c = new Channel(name); } finally { constructing = false; }
      channels.set(name, c);
    }
    return c;
  }
  function hasSubscribers(name) { const c = channels.get(name); return !!c && c.hasSubscribers; }
  function subscribe(name, fn) {
    if (typeof fn !== "function") throw new TypeError("Failed to execute 'subscribe' on 'DiagnosticsChannelModule': parameter 2 is not of type 'function'.");
    channel(name).subscribe(fn);
  }
  function unsubscribe(name, fn) {
    if (typeof fn !== "function") throw new TypeError("Failed to execute 'unsubscribe' on 'DiagnosticsChannelModule': parameter 2 is not of type 'function'.");
    return channel(name).unsubscribe(fn);
  }

  const traceEvents = ["start", "end", "asyncStart", "asyncEnd", "error"];
  let constructingTracing = false;
  class TracingChannel {
    constructor(nameOrChannels) {
      if (!constructingTracing) throw new Error("Use diagnostic_channel.tracingChannels() to create TracingChannel");
      for (const ev of traceEvents) {
        this[ev] = typeof nameOrChannels === "string" ? channel(`tracing:${nameOrChannels}:${ev}`) : nameOrChannels[ev];
      }
    }
    get hasSubscribers() { return traceEvents.some((ev) => this[ev].hasSubscribers); }
    subscribe(handlers) { for (const ev of traceEvents) if (handlers[ev]) this[ev].subscribe(handlers[ev]); }
    unsubscribe(handlers) {
      let done = true;
      for (const ev of traceEvents) if (handlers[ev] && !this[ev].unsubscribe(handlers[ev])) done = false;
      return done;
    }
    traceSync(fn, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
      const { start, end, error } = this;
      return start.runStores(context, () => {
        try {
          const result = Reflect.apply(fn, thisArg, args);
          context.result = result;
          return result;
        } catch (err) {
          context.error = err;
          error.publish(context);
          throw err;
        } finally {
          end.publish(context);
        }
      });
    }
    tracePromise(fn, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
      const { start, end, asyncStart, asyncEnd, error } = this;
      const reject = (err) => {
        context.error = err;
        error.publish(context);
        asyncStart.publish(context);
        asyncEnd.publish(context);
        return Promise.reject(err);
      };
      const resolve = (result) => {
        context.result = result;
        asyncStart.publish(context);
        asyncEnd.publish(context);
        return result;
      };
      return start.runStores(context, () => {
        try {
          let promise = Reflect.apply(fn, thisArg, args);
          if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
          return promise.then(resolve, reject);
        } catch (err) {
          context.error = err;
          error.publish(context);
          throw err;
        } finally {
          end.publish(context);
        }
      });
    }
    traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
      const { start, end, asyncStart, asyncEnd, error } = this;
      const callback = args.at(position);
      if (typeof callback !== "function") throw E.ERR_INVALID_ARG_TYPE("callback", "function", callback);
      function wrapped(err, res) {
        if (err) { context.error = err; error.publish(context); } else context.result = res;
        asyncStart.runStores(context, () => {
          try { return Reflect.apply(callback, this, arguments); } finally { asyncEnd.publish(context); }
        });
      }
      args.splice(position, 1, wrapped);
      return start.runStores(context, () => {
        try { return Reflect.apply(fn, thisArg, args); } catch (err) { context.error = err; error.publish(context); throw err; } finally { end.publish(context); }
      });
    }
  }
  function tracingChannel(nameOrChannels) {
    if (typeof nameOrChannels !== "string" && (nameOrChannels === null || typeof nameOrChannels !== "object")) {
      throw E.ERR_INVALID_ARG_TYPE("channels", "object", nameOrChannels);
    }
    constructingTracing = true;
    try { return new TracingChannel(nameOrChannels); } finally { constructingTracing = false; }
  }
  const exports = { Channel, TracingChannel, channel, hasSubscribers, subscribe, tracingChannel, unsubscribe };
  exports.default = exports;
  return exports;
})
