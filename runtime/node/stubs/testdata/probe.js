// The probe that recorded surface.json (compatibility_date 2025-09-01) and surface-native.json
// (2026-04-01, without the node:sqlite import, which does not resolve then): run under `wrangler dev`
// (4.86.0 here) with compatibility_flags ["nodejs_compat"], GET /, and save the answer; string
// values "Symbol(x)" of symbol exports were then written as {symbol: x}.
import * as m0 from "node:fs";
import * as m1 from "node:fs/promises";
import * as m2 from "node:child_process";
import * as m3 from "node:net";
import * as m4 from "node:http";
import * as m5 from "node:https";
import * as m6 from "node:dns";
import * as m7 from "node:worker_threads";
import * as m8 from "node:os";
import * as m9 from "node:tls";
import * as m10 from "node:cluster";
import * as m11 from "node:dgram";
import * as m12 from "node:http2";
import * as m13 from "node:inspector";
import * as m14 from "node:module";
import * as m15 from "node:readline";
import * as m16 from "node:repl";
import * as m17 from "node:tty";
import * as m18 from "node:v8";
import * as m19 from "node:vm";
import * as m20 from "node:diagnostics_channel";
import * as m21 from "node:perf_hooks";
import * as m22 from "node:punycode";
import * as m23 from "node:trace_events";
import * as m24 from "node:wasi";
import * as m25 from "node:sqlite";
import * as m26 from "node:dns/promises";
import * as m27 from "node:readline/promises";
import * as m28 from "node:inspector/promises";
import * as m29 from "node:domain";
import * as m30 from "node:constants";
const mods = {"fs": m0,"fs/promises": m1,"child_process": m2,"net": m3,"http": m4,"https": m5,"dns": m6,"worker_threads": m7,"os": m8,"tls": m9,"cluster": m10,"dgram": m11,"http2": m12,"inspector": m13,"module": m14,"readline": m15,"repl": m16,"tty": m17,"v8": m18,"vm": m19,"diagnostics_channel": m20,"perf_hooks": m21,"punycode": m22,"trace_events": m23,"wasi": m24,"sqlite": m25,"dns/promises": m26,"readline/promises": m27,"inspector/promises": m28,"domain": m29,"constants": m30};
function val(v, d) {
  if (v === null || typeof v !== "object") return typeof v === "bigint" ? String(v) + "n" : typeof v === "symbol" ? String(v) : v;
  if (d > 2) return "[depth]";
  if (Array.isArray(v)) return v.slice(0, 50).map((x) => val(x, d + 1));
  const o = {};
  for (const k of Object.keys(v).slice(0, 200)) { try { o[k] = typeof v[k] === "function" ? "[function]" : val(v[k], d + 1); } catch (e) { o[k] = "[throws " + e.message + "]"; } }
  return o;
}
export default { async fetch() {
  const out = {};
  for (const [n, m] of Object.entries(mods)) {
    const r = {};
    for (const k of Object.keys(m).sort()) {
      if (k === "default") { r[k] = typeof m[k]; continue; }
      if (typeof m[k] !== "function") { r[k] = { value: val(m[k], 0) }; continue; }
      const isClass = /^[A-Z]/.test(k);
      let res;
      try {
        const x = isClass ? new m[k]() : m[k]();
        if (x && typeof x.then === "function") res = await Promise.race([x.then((v) => ({ resolved: val(v, 1) }), (e) => ({ rejected: e.name, code: e.code, message: e.message })), new Promise((rr) => setTimeout(() => rr({ pending: true }), 30))]);
        else res = { returned: typeof x === "object" && x !== null ? (x.constructor && x.constructor.name) + ":" + Object.keys(x).join(",") : val(x, 1) };
      } catch (e) { res = { threw: e.name, code: e.code, message: e.message }; }
      r[k] = { fn: m[k].length, call: res };
    }
    r["default===namespace"] = typeof m.default;
    out[n] = r;
  }
  return Response.json(out);
} };
