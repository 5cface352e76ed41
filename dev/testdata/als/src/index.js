// Two requests interleave: each runs in its own AsyncLocalStorage store
// and must see it after awaits, timers, promise reactions and microtasks.
import { AsyncLocalStorage } from "node:async_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { EventEmitter } from "events";

const als = new AsyncLocalStorage();
const bus = new EventEmitter();

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const id = url.searchParams.get("id");
    const ms = Number(url.searchParams.get("ms"));
    return als.run({ id }, async () => {
      const seen = [als.getStore().id];
      await sleep(ms);
      seen.push(als.getStore().id);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(await Promise.resolve().then(() => als.getStore().id));
      await new Promise((r) => queueMicrotask(() => { seen.push(als.getStore().id); r(); }));
      bus.once("ping", () => seen.push(als.getStore().id));
      bus.emit("ping");
      return Response.json({ id, seen, outside: als.getStore() === undefined ? "n/a" : "inside" });
    });
  },
};
