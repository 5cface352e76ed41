import { DurableObject, RpcTarget } from "cloudflare:workers";
export class Counter extends DurableObject {
  constructor(ctx, env) { super(ctx, env); this.own = 1; }
  get prop() { return 42; }
  async hello(n) { return "Hello, " + n + "!"; }
  async boom() { const e = new RangeError("bad thing"); e.code = 7; throw e; }
  async sqlShapes() {
    const sql = this.ctx.storage.sql;
    sql.exec("CREATE TABLE IF NOT EXISTS t(a INTEGER, b TEXT, c BLOB, d REAL)");
    sql.exec("DELETE FROM t");
    const w = sql.exec("INSERT INTO t VALUES (1,'x',x'0102',1.5),(2,NULL,NULL,2)");
    const c = sql.exec("SELECT * FROM t ORDER BY a");
    const out = { written: w.rowsWritten, wr: w.rowsRead, cols: c.columnNames };
    out.arr = c.toArray().map(r => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof ArrayBuffer ? "AB:" + [...new Uint8Array(v)] : v])));
    out.read = c.rowsRead;
    out.raw = [...sql.exec("SELECT a, b FROM t ORDER BY a").raw()];
    const errs = [];
    for (const f of [() => sql.exec("SELECT * FROM t WHERE a=99").one(), () => sql.exec("SELECT * FROM t").one(), () => sql.exec("SELEC 1"), () => sql.exec("BEGIN"), () => sql.exec("SELECT * FROM _cf_KV")]) {
      try { f(); errs.push("no error"); } catch (e) { errs.push(e.constructor.name + ": " + e.message); }
    }
    out.errs = errs;
    out.size = typeof sql.databaseSize;
    out.empty = sql.exec("CREATE TABLE IF NOT EXISTS u(x)").columnNames;
    out.two = sql.exec("SELECT 1 AS a; SELECT 2 AS b").toArray();
    return out;
  }
  async kvList() {
    const s = this.ctx.storage;
    await s.deleteAll();
    await s.put({ "b": 1, "a": 2, "ab": 3, "c": 4, "é": 5, "Z": 6 });
    const l = async (o) => [...(await s.list(o)).keys()];
    const errs = [];
    for (const f of [() => s.list({ start: "a", startAfter: "a" }), () => s.list({ limit: 0 }), () => s.put("k")]) {
      try { await f(); errs.push("no error"); } catch (e) { errs.push(e.constructor.name + ": " + e.message); }
    }
    return { all: await l(), pre: await l({ prefix: "a" }), rev: await l({ reverse: true, limit: 2 }), range: await l({ start: "a", end: "c" }), sa: await l({ startAfter: "a" }),
      del: await s.delete("a"), delN: await s.delete(["b", "c", "zz"]), getm: [...(await s.get(["ab", "nope", "Z"])).entries()], errs };
  }
  async takesFn(f) { return await f(20); }
  async takesTarget(t) { return await t.add(1, 2); }
  async echo(v) { return v; }
  async fetch(req) { return new Response("fetched " + new URL(req.url).pathname + " " + this.ctx.id.name); }
}
class Adder extends RpcTarget { add(a, b) { return a + b; } }
export default {
  async fetch(request, env) {
    const u = new URL(request.url);
    const r = {};
    const t = async (k, f) => { try { r[k] = await f(); } catch (e) { r[k] = "ERR " + e.constructor.name + ": " + e.message; } };
    const stub = env.C.getByName("foo");
    await t("idFoo", () => env.C.idFromName("foo").toString());
    await t("idBar", () => env.C.idFromName("bar").toString());
    await t("name", () => env.C.idFromName("foo").name);
    await t("stubName", () => stub.name);
    await t("stubIdName", () => stub.id.name);
    await t("uniqName", () => String(env.C.newUniqueId().name));
    await t("uniqLen", () => env.C.newUniqueId().toString().length);
    await t("eq", () => env.C.idFromName("foo").equals(env.C.idFromString(env.C.idFromName("foo").toString())));
    await t("badStr", () => env.C.idFromString("abc"));
    await t("badMac", () => env.C.idFromString("0".repeat(64)));
    await t("juris", () => env.C.newUniqueId({ jurisdiction: "eu" }));
    await t("juris2", () => env.C.jurisdiction("eu"));
    await t("hello", () => stub.hello("world"));
    await t("prop", () => stub.prop);
    await t("own", () => stub.own);
    await t("missing", () => stub.nope());
    await t("reserved", () => stub.constructor());
    await t("toStr", () => stub.toString());
    await t("boom", () => stub.boom());
    await t("boomProps", async () => { try { await stub.boom(); } catch (e) { return [e.name, e.code, e instanceof RangeError]; } });
    await t("fn", () => stub.takesFn((x) => x * 2));
    await t("target", () => stub.takesTarget(new Adder()));
    await t("echo", async () => { const v = await stub.echo({ d: new Date(0), m: new Map([[1, 2]]), s: new Set([1]), u: new Uint8Array([1]), big: 10n, re: /x/g, nested: [1, { a: undefined }] }); return [v.d instanceof Date, v.m.get(1), v.s.has(1), v.u[0], typeof v.big, String(v.re), JSON.stringify(v.nested), "a" in v.nested[1]]; });
    await t("echoClass", () => stub.echo(new (class X { constructor() { this.a = 1; } })()));
    await t("sql", () => stub.sqlShapes());
    await t("kv", () => stub.kvList());
    await t("fetch", async () => (await stub.fetch("http://x/p")).text());
    await t("fetchRel", async () => (await stub.fetch("/p")).text());
    await t("thenable", () => typeof stub.then);
    return Response.json(r);
  },
};
