// The edgedev dashboard. Plain JS, no build step, no third-party code.
// Each binding kind is one entry of `sections` (a title and a render
// function); D1, Durable Objects and R2 become one more entry each.
"use strict";

const BASE = "/cdn-cgi/edgedev/";
const TOKEN = document.querySelector('meta[name="edgedev-token"]').content;
const $main = document.getElementById("main");
let overview = null;
let timers = [];

// ---- helpers ---------------------------------------------------------------

function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids.flat()) if (k != null) el.append(k instanceof Node ? k : String(k));
  return el;
}

async function getJSON(path) {
  const r = await fetch(BASE + path, { headers: { Accept: "application/json" } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

// post sends a state change with the control token.
async function post(path, body) {
  const r = await fetch(BASE + path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Edgedev-Token": TOKEN },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  let out;
  try { out = JSON.parse(text); } catch { throw new Error(text.trim() || r.statusText); }
  if (!r.ok) {
    const e = out.error;
    throw new Error(typeof e === "string" ? e : e && e.message ? e.message : r.statusText);
  }
  return out;
}

// kv runs one KV operation through the endpoint `edgedev kv` uses, so the
// platform's validation and error texts are the worker's.
const kv = (op, body) => post("kv/" + op, body);

const enc = new TextEncoder();
const dec = new TextDecoder("utf-8", { fatal: true });
function b64(bytes) { let s = ""; for (const b of bytes) s += String.fromCharCode(b); return btoa(s); }
function unb64(s) { const bin = atob(s || ""); const u = new Uint8Array(bin.length); for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i); return u; }

function rel(ms) {
  if (Math.abs(ms) < 500) return "now";
  const a = Math.abs(ms), s = Math.round(a / 1000);
  const t = s < 90 ? s + " s" : s < 5400 ? Math.round(s / 60) + " min" : s < 172800 ? Math.round(s / 3600) + " h" : Math.round(s / 86400) + " days";
  return ms >= 0 ? "in " + t : t + " ago";
}
const nowMs = () => (overview ? overview.clock.unixMs + (Date.now() - overview.clockFetched) * (overview.clock.virtual ? 0 : 1) : Date.now());
function expiry(sec) {
  if (!sec) return h("span", { class: "mute" }, "never");
  return h("span", { title: new Date(sec * 1000).toISOString() }, new Date(sec * 1000).toISOString().replace(".000Z", "Z"), " (", rel(sec * 1000 - nowMs()), ")");
}
const durMs = (ns) => ns / 1e6;
function durText(ns) { const ms = durMs(ns); return ms < 1000 ? Math.round(ms) + " ms" : (ms / 1000).toFixed(ms < 10000 ? 1 : 0) + " s"; }
function errBox(e) { return h("div", { class: "err", role: "alert" }, String(e && e.message ? e.message : e)); }

function every(ms, fn) { fn(); timers.push(setInterval(fn, ms)); }

// ---- value view --------------------------------------------------------------

function sniffImage(u) {
  const m = (sig, t) => sig.every((b, i) => u[i] === b) && t;
  return m([0x89, 0x50, 0x4e, 0x47], "image/png") || m([0xff, 0xd8, 0xff], "image/jpeg") || m([0x47, 0x49, 0x46, 0x38], "image/gif") ||
    (m([0x52, 0x49, 0x46, 0x46], true) && u[8] === 0x57 && u[9] === 0x45 ? "image/webp" : null) ||
    (u.length > 4 && /^\s*<svg[\s>]/.test(new TextDecoder().decode(u.slice(0, 200))) ? "image/svg+xml" : null);
}
function hexdump(u) {
  const lines = [];
  for (let i = 0; i < Math.min(u.length, 4096); i += 16) {
    const row = Array.from(u.slice(i, i + 16));
    lines.push(i.toString(16).padStart(6, "0") + "  " + row.map((b) => b.toString(16).padStart(2, "0")).join(" ").padEnd(48) + "  " +
      row.map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : ".")).join(""));
  }
  if (u.length > 4096) lines.push("… " + (u.length - 4096) + " more bytes");
  return lines.join("\n");
}
function valueView(u) {
  let text = null, json = null;
  try { text = dec.decode(u); } catch { }
  if (text != null) try { json = JSON.stringify(JSON.parse(text), null, 2); } catch { }
  const img = sniffImage(u);
  const modes = [];
  if (img) modes.push(["image", () => h("img", { class: "preview", src: URL.createObjectURL(new Blob([u], { type: img })), alt: "image value" })]);
  if (json != null) modes.push(["json", () => h("pre", { class: "value" }, json)]);
  if (text != null) modes.push(["text", () => h("pre", { class: "value" }, text)]);
  modes.push(["hex", () => h("pre", { class: "value" }, hexdump(u))]);
  const out = h("div", {});
  const tabs = h("div", { class: "row tabs" }, h("span", { class: "mute small" }, u.length + " bytes"));
  const body = h("div", {});
  const show = (i) => { body.replaceChildren(modes[i][1]()); [...tabs.querySelectorAll("button")].forEach((b, j) => b.classList.toggle("on", i === j)); };
  modes.forEach(([name], i) => tabs.append(h("button", { onclick: () => show(i), "data-mode": name }, name)));
  out.append(tabs, body);
  show(0);
  return out;
}

// ---- sections ----------------------------------------------------------------

const sections = {
  kv: { title: "KV", render: renderKV },
  consistency: { title: "Consistency", render: renderConsistency },
  d1: { title: "D1", render: renderD1 },
  requests: { title: "Requests", render: renderRequests },
  bindings: { title: "Bindings", render: renderBindings },
};

// KV: namespaces, keys by prefix with cursor paging, one key's value,
// metadata and expiration, and the forms that change them.
async function renderKV(arg) {
  const nsList = overview.kv;
  if (!nsList.length) return h("div", { class: "card" }, "This worker has no KV namespaces (kv_namespaces in the wrangler config).");
  const [nsID, ...rest] = (arg || nsList[0].id).split("/");
  const ns = nsList.find((n) => n.id === nsID) || nsList[0];
  const keyParam = rest.length ? decodeURIComponent(rest.join("/")) : null;
  const left = h("div", {}), right = h("div", {});
  const nsTable = h("table", { id: "namespaces" }, h("tr", {}, h("th", {}, "Namespace"), h("th", {}, "Keys")),
    nsList.map((n) => h("tr", { class: "click" + (n.id === ns.id ? " sel" : ""), onclick: () => go("kv/" + n.id) },
      h("td", {}, h("b", {}, n.binding ? "env." + n.binding : n.title), h("div", { class: "mute small mono" }, n.id)), h("td", { class: "count" }, n.keys))));
  left.append(nsTable);

  // key list
  const prefix = h("input", { id: "prefix", placeholder: "prefix", value: sessionStorage.getItem("prefix:" + ns.id) || "" });
  const list = h("tbody", {});
  const more = h("button", { id: "more", hidden: true }, "Next page");
  const status = h("div", { class: "mute small", id: "keystatus" });
  const listErr = h("div", {});
  let cursor = "", loaded = 0;
  async function page(reset) {
    if (reset) { cursor = ""; loaded = 0; list.replaceChildren(); }
    listErr.replaceChildren();
    try {
      const res = await kv("list", { namespace: ns.id, prefix: prefix.value, limit: 100, cursor });
      for (const k of res.list.keys) {
        list.append(h("tr", { class: "click key" + (k.name === keyParam ? " sel" : ""), "data-key": k.name, onclick: () => go("kv/" + ns.id + "/" + encodeURIComponent(k.name)) },
          h("td", { class: "mono" }, k.name), h("td", { class: "small" }, k.expiration ? rel(k.expiration * 1000 - nowMs()) : "")));
      }
      loaded += res.list.keys.length;
      cursor = res.list.cursor || "";
      more.hidden = res.list.list_complete;
      status.textContent = loaded + " keys shown" + (res.list.list_complete ? "" : ", more follow");
    } catch (e) { listErr.append(errBox(e)); }
  }
  more.onclick = () => page(false);
  prefix.addEventListener("keydown", (e) => { if (e.key === "Enter") { sessionStorage.setItem("prefix:" + ns.id, prefix.value); page(true); } });
  const delPrefixBtn = h("button", { class: "danger", id: "delete-prefix", onclick: () => deletePrefix(ns, prefix.value) }, "Delete by prefix…");
  right.append(h("div", { class: "card" },
    h("h2", {}, ns.binding ? "env." + ns.binding : ns.title, " ", h("span", { class: "mute small mono" }, ns.id)),
    h("div", { class: "row" }, prefix, h("button", { onclick: () => { sessionStorage.setItem("prefix:" + ns.id, prefix.value); page(true); } }, "List"),
      h("button", { class: "primary", id: "add-key", onclick: () => go("kv/" + ns.id + "/" + encodeURIComponent("\u0000new")) }, "Add key"), delPrefixBtn),
    listErr, h("div", { class: "cols" },
      h("div", {}, h("table", { id: "keys" }, h("thead", {}, h("tr", {}, h("th", {}, "Key"), h("th", {}, "Expires"))), list), h("div", { class: "row" }, more, status)),
      h("div", { id: "entry" }))));
  const loadedPage = page(true);
  if (keyParam != null) right.querySelector("#entry").append(await keyEditor(ns, keyParam === "\u0000new" ? null : keyParam));
  await loadedPage;
  return h("div", { class: "cols" }, left, right);
}

async function keyEditor(ns, key) {
  const box = h("div", { class: "card", id: "editor" });
  let entry = null;
  if (key != null) {
    try { entry = (await kv("get", { namespace: ns.id, key })).entry || null; } catch (e) { box.append(errBox(e)); return box; }
    if (!entry) { box.append(h("p", { class: "mute" }, "No key ", h("code", {}, key), " (deleted or expired)")); return box; }
  }
  const value = entry ? unb64(entry.value) : new Uint8Array();
  let asText = null;
  try { asText = dec.decode(value); } catch { }
  const keyIn = h("input", { id: "edit-key", value: key || "", placeholder: "key", class: "wide" });
  const valIn = h("textarea", { id: "edit-value", placeholder: "value" });
  valIn.value = asText != null ? asText : "";
  const metaIn = h("textarea", { id: "edit-metadata", placeholder: "metadata (JSON), optional", class: "short" });
  metaIn.value = entry && entry.metadata != null ? JSON.stringify(entry.metadata) : "";
  const ttlIn = h("input", { id: "edit-ttl", type: "number", min: "0", placeholder: "seconds", class: "num" });
  const msg = h("div", { id: "edit-msg" });
  async function save() {
    msg.replaceChildren();
    const put = {};
    if (metaIn.value.trim()) {
      try { put.metadata = JSON.parse(metaIn.value); } catch (e) { msg.append(errBox("metadata is not JSON: " + e.message)); return; }
    }
    if (ttlIn.value !== "") put.expirationTtl = Number(ttlIn.value);
    else if (entry && entry.expiration) put.expiration = entry.expiration;
    try {
      await kv("put", { namespace: ns.id, key: keyIn.value, value: b64(enc.encode(valIn.value)), put });
      msg.append(h("span", { class: "ok" }, "saved"));
      await refreshOverview();
      go("kv/" + ns.id + "/" + encodeURIComponent(keyIn.value));
    } catch (e) { msg.append(errBox(e)); }
  }
  async function del() {
    if (!confirm("Delete key " + key + "?")) return;
    try { await kv("delete", { namespace: ns.id, key }); await refreshOverview(); go("kv/" + ns.id); } catch (e) { msg.append(errBox(e)); }
  }
  if (entry) {
    box.append(h("h3", {}, "Value"), valueView(value),
      h("table", { class: "small" },
        h("tr", {}, h("th", {}, "Metadata"), h("td", { class: "mono", id: "metadata" }, entry.metadata != null ? JSON.stringify(entry.metadata) : h("span", { class: "mute" }, "none"))),
        h("tr", {}, h("th", {}, "Expires"), h("td", { id: "expiration" }, expiry(entry.expiration)))));
  }
  box.append(h("h3", {}, entry ? "Edit" : "Add a key"), keyIn, asText == null && entry ? h("p", { class: "warn small" }, "The value is binary; saving replaces it with the text below.") : "",
    valIn, metaIn, h("div", { class: "row" }, h("label", {}, "TTL ", ttlIn, " s"), h("span", { class: "mute small" }, entry && entry.expiration ? "empty keeps the expiration" : "empty: never expires")),
    h("div", { class: "row" }, h("button", { class: "primary", id: "save", onclick: save }, "Save"), entry ? h("button", { class: "danger", id: "delete", onclick: del }, "Delete") : ""), msg);
  return box;
}

// deletePrefix lists every key under the prefix, asks, and deletes them in
// bulk-delete batches of 10,000 (the platform's limit).
async function deletePrefix(ns, prefix) {
  let keys = [], cursor = "";
  try {
    do {
      const res = await kv("list", { namespace: ns.id, prefix, cursor });
      keys.push(...res.list.keys.map((k) => k.name));
      cursor = res.list.list_complete ? "" : res.list.cursor;
    } while (cursor);
  } catch (e) { alert(e.message); return; }
  if (!keys.length) { alert("No keys start with " + JSON.stringify(prefix) + "."); return; }
  const typed = prompt("Delete " + keys.length + " keys starting with " + JSON.stringify(prefix) + " from " + ns.id + "?\nType the number of keys to confirm.");
  if (typed !== String(keys.length)) return;
  try {
    for (let i = 0; i < keys.length; i += 10000) await kv("bulk-delete", { namespace: ns.id, keys: keys.slice(i, i + 10000) });
  } catch (e) { alert(e.message); }
  await refreshOverview();
  go("kv/" + ns.id);
}

// Consistency: one key's copy at every location, writes still on their
// way, the trace of stale reads, the clock, and test requests from a
// chosen location.
async function renderConsistency(arg) {
  const sim = overview.simulation;
  if (!sim) return h("div", { class: "card" }, h("h2", {}, "Consistency simulation is off"),
    h("p", {}, "KV is strongly consistent, like wrangler dev. Start with ", h("code", {}, "--kv-consistency production-like"), " or ", h("code", {}, "--kv-locations LHR,SIN --kv-propagation 5s --kv-cache"), ", and ", h("code", {}, "--clock virtual"), " to step time by hand."));
  const nsSel = h("select", { id: "c-ns" }, overview.kv.map((n) => h("option", { value: n.id }, n.binding ? "env." + n.binding : n.title)));
  const [nsArg, ...k] = (arg || "").split("/");
  if (nsArg) nsSel.value = nsArg;
  const keyIn = h("input", { id: "c-key", placeholder: "key", value: k.length ? decodeURIComponent(k.join("/")) : "" });
  const state = h("div", { id: "c-state" });
  async function inspect() {
    if (!keyIn.value) { state.replaceChildren(h("p", { class: "mute" }, "Name a key to see each location's copy.")); return; }
    try {
      const st = await getJSON("api/kv/inspect?ns=" + encodeURIComponent(nsSel.value) + "&key=" + encodeURIComponent(keyIn.value));
      const show = (v) => v.missing ? h("span", { class: "mute" }, "(no key)") : h("code", {}, v.value);
      const nowT = Date.parse(st.now);
      state.replaceChildren(
        h("p", {}, "Central: ", show(st.central), st.central.writtenAt ? h("span", { class: "mute small" }, " written " + rel(Date.parse(st.central.writtenAt) - nowT) + (st.central.writer ? " at " + st.central.writer : "")) : null),
        h("table", { id: "c-locations" }, h("tr", {}, h("th", {}, "Location"), h("th", {}, "Cached copy"), h("th", {}, "Age"), h("th", {}, "TTL left"), h("th", {}, "Cold read"), h("th", {}, "Next read")),
          st.locations.map((l) => h("tr", { "data-location": l.location },
            h("td", {}, h("b", {}, l.location)),
            h("td", {}, l.cached ? show(l.cached) : h("span", { class: "mute" }, "none")),
            h("td", {}, l.cached ? durText(l.cached.age) : ""), h("td", {}, l.cached ? durText(l.cached.ttlLeft) : ""),
            h("td", {}, show(l.cold)),
            h("td", {}, h("span", { class: "tag " + (l.stale ? "stale" : "fresh") }, l.stale ? "STALE" : "fresh"))))),
        h("h3", {}, "Writes still propagating"),
        st.pending.length ? h("table", { id: "c-pending" }, h("tr", {}, h("th", {}, "Write"), h("th", {}, "From"), h("th", {}, "Lands")),
          st.pending.map((p) => h("tr", {}, h("td", {}, p.missing ? "delete" : h("code", {}, p.value)), h("td", {}, p.writer || "CLI / dashboard"),
            h("td", {}, Object.entries(p.arrives).map(([loc, t]) => h("div", {}, loc + " " + rel(Date.parse(t) - nowT)))))))
          : h("p", { class: "mute", id: "c-nopending" }, "none: every location can see central's latest write"));
    } catch (e) { state.replaceChildren(errBox(e)); }
  }
  keyIn.addEventListener("keydown", (e) => { if (e.key === "Enter") inspect(); });
  nsSel.onchange = inspect;

  const clockBox = h("div", { class: "row", id: "c-clock" });
  const clockMsg = h("div", {});
  async function step(by) {
    clockMsg.replaceChildren();
    try { await post("clock/advance?by=" + by); await refreshOverview(); inspect(); trace(); } catch (e) { clockMsg.append(errBox(e)); }
  }
  async function settle() {
    clockMsg.replaceChildren();
    try { await post("kv/settle"); inspect(); trace(); } catch (e) { clockMsg.append(errBox(e)); }
  }
  clockBox.append(...[h("span", {}, overview.clock.virtual ? "Virtual clock" : "Real clock", ": ", h("code", { id: "c-now" }, overview.clock.now)),
    overview.clock.virtual ? ["5s", "30s", "60s", "5m"].map((d) => h("button", { "data-advance": d, onclick: () => step(d) }, "+" + d)) : h("span", { class: "mute small" }, "(start with --clock virtual to step it)"),
    h("button", { id: "settle", onclick: settle }, "Settle")].flat());

  const locSel = h("select", { id: "t-location" }, sim.locations.map((l) => h("option", { value: l }, l)));
  const pathIn = h("input", { id: "t-path", value: "/", class: "path" });
  const out = h("pre", { id: "t-out", hidden: true });
  async function send() {
    try {
      const r = await fetch(pathIn.value, { headers: { "X-Edgedev-Location": locSel.value }, cache: "no-store" });
      out.textContent = r.status + " " + r.statusText + " from " + locSel.value + "\n\n" + (await r.text()).slice(0, 4000);
    } catch (e) { out.textContent = String(e); }
    out.hidden = false;
    inspect(); trace();
  }

  const traceBody = h("tbody", {});
  async function trace() {
    try {
      const t = await getJSON("kv/trace?limit=50");
      traceBody.replaceChildren(...t.trace.slice().reverse().map((e) => h("tr", { class: "trace " + e.result },
        h("td", { class: "small mono" }, e.time.slice(11, 23)), h("td", {}, e.location || "CLI"), h("td", {}, e.op, " ", h("code", {}, e.key)),
        h("td", {}, h("span", { class: "tag " + e.result }, e.result)), h("td", { class: "small" }, e.why))));
    } catch (e) { traceBody.replaceChildren(h("tr", {}, h("td", {}, errBox(e)))); }
  }
  const page = h("div", {},
    h("div", { class: "card" }, h("h2", {}, "Clock"), clockBox, clockMsg,
      h("p", { class: "mute small" }, "Locations ", sim.locations.join(", "), " · propagation ", sim.propagation, " · read caching ", sim.cache ? "on" : "off", " · ", sim.mode)),
    h("div", { class: "card" }, h("h2", {}, "A key at every location"), h("div", { class: "row" }, nsSel, keyIn, h("button", { onclick: inspect, id: "c-inspect" }, "Show")), state),
    h("div", { class: "card" }, h("h2", {}, "Send a test request"), h("div", { class: "row" }, "from", locSel, pathIn, h("button", { id: "t-send", onclick: send }, "Send")), out),
    h("div", { class: "card" }, h("h2", {}, "Trace of reads and writes"), h("table", { id: "trace" }, h("thead", {}, h("tr", {}, h("th", {}, "Time"), h("th", {}, "At"), h("th", {}, "Op"), h("th", {}, "Result"), h("th", {}, "Why"))), traceBody)));
  await inspect();
  every(1000, trace);
  return page;
}

// D1: the tables of each database, their rows page by page, and a query
// box. SQL goes through the endpoint `edgedev d1` uses, so the platform's
// rules (authorizer, limits) and error texts are the worker's.
const d1 = async (id, sql, params) => {
  const res = await post("d1/run", { id, queries: [{ sql, params: params || [] }] });
  if (res.error) throw new Error(res.error);
  return res.results[0];
};
const cell = (v) => v === null ? h("span", { class: "mute" }, "NULL") : typeof v === "object" && v.$blob != null ? h("span", { class: "mute" }, "BLOB " + unb64(v.$blob).length + " bytes") : String(v);
function rowsTable(res, id) {
  return h("table", { id, class: "small" }, h("tr", {}, res.columns.map((c) => h("th", {}, c))),
    res.rows.map((r) => h("tr", { class: "r" }, r.map((v) => h("td", { class: "mono" }, cell(v))))));
}
async function renderD1(arg) {
  const dbs = overview.d1 || [];
  if (!dbs.length) return h("div", { class: "card" }, "This worker has no D1 databases (d1_databases in the wrangler config).");
  const [dbID, tableArg, offArg] = (arg || dbs[0].id).split("/");
  const db = dbs.find((d) => d.id === dbID) || dbs[0];
  const left = h("div", {}, h("table", { id: "databases" }, h("tr", {}, h("th", {}, "Database")),
    dbs.map((d) => h("tr", { class: "click" + (d.id === db.id ? " sel" : ""), onclick: () => go("d1/" + d.id) },
      h("td", {}, h("b", {}, "env." + d.binding), h("div", { class: "mute small mono" }, d.id))))));
  const tables = h("div", { id: "d1-tables" });
  try {
    const t = await d1(db.id, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name");
    left.append(h("h3", {}, "Tables"), t.rows.length ? h("table", { id: "tables" }, t.rows.map(([name]) =>
      h("tr", { class: "click" + (name === tableArg ? " sel" : ""), "data-table": name, onclick: () => go("d1/" + db.id + "/" + encodeURIComponent(name)) }, h("td", { class: "mono" }, name))))
      : h("p", { class: "mute" }, "No tables yet."));
  } catch (e) { left.append(errBox(e)); }
  const right = h("div", {});
  if (tableArg) {
    const name = decodeURIComponent(tableArg), off = Number(offArg) || 0, q = '"' + name.replace(/"/g, '""') + '"';
    try {
      const [count, rows] = [await d1(db.id, "SELECT count(*) FROM " + q), await d1(db.id, "SELECT * FROM " + q + " LIMIT 100 OFFSET " + Math.floor(off))];
      const total = count.rows[0][0];
      right.append(h("div", { class: "card" }, h("h2", {}, name, " ", h("span", { class: "mute small", id: "d1-count" }, total + " rows")), rowsTable(rows, "d1-rows"),
        h("div", { class: "row" }, off > 0 ? h("button", { onclick: () => go("d1/" + db.id + "/" + tableArg + "/" + Math.max(0, off - 100)) }, "Previous") : "",
          off + 100 < total ? h("button", { id: "d1-next", onclick: () => go("d1/" + db.id + "/" + tableArg + "/" + (off + 100)) }, "Next 100") : "",
          h("span", { class: "mute small" }, "rows " + (total ? off + 1 : 0) + "–" + Math.min(total, off + 100)))));
    } catch (e) { right.append(errBox(e)); }
  }
  const sql = h("textarea", { id: "d1-sql", placeholder: "SELECT * FROM ..." });
  const out = h("div", { id: "d1-out" });
  async function run() {
    out.replaceChildren();
    try {
      const res = await d1(db.id, sql.value);
      out.append(h("p", { class: "mute small" }, res.rows.length + " rows · " + res.meta.Changes + " changed · " + res.meta.Duration.toFixed(2) + " ms"), rowsTable(res, "d1-result"));
    } catch (e) { out.append(errBox(e)); }
  }
  right.append(h("div", { class: "card" }, h("h2", {}, "Run a query on env." + db.binding), sql, h("div", { class: "row" }, h("button", { class: "primary", id: "d1-run", onclick: run }, "Run")), out));
  return h("div", { class: "cols" }, left, right);
}

// Requests: the live log; a failed request's source-mapped stack.
async function renderRequests(arg) {
  const body = h("tbody", {});
  const detail = h("div", { id: "r-detail" });
  let after = 0;
  const want = arg ? Number(arg) : 0;
  function showDetail(r) {
    detail.replaceChildren(h("div", { class: "card" }, h("h3", {}, r.method, " ", r.path, " → ", r.status),
      h("p", { class: "mute small" }, r.time, r.location ? " at " + r.location : "", " · ", r.ms.toFixed(2), " ms"),
      r.error ? h("pre", { class: "err", id: "r-stack" }, r.error) : h("p", { class: "mute" }, "No error.")));
  }
  async function poll() {
    try {
      const res = await getJSON("api/requests?after=" + after);
      for (const r of res.requests) {
        after = r.id;
        const tr = h("tr", { class: "click req", "data-id": r.id, onclick: () => { mark("requests/" + r.id); showDetail(r); } },
          h("td", { class: "small mono" }, "#" + r.id), h("td", { class: "small mono" }, r.time.slice(11, 23)), h("td", {}, r.method),
          h("td", { class: "mono" }, r.path), h("td", {}, h("span", { class: "tag s" + String(r.status)[0] }, r.status)), h("td", { class: "small nowrap" }, r.ms.toFixed(2) + " ms"),
          h("td", {}, r.location || ""));
        body.prepend(tr);
        if (r.id === want) showDetail(r);
      }
      while (body.children.length > 500) body.lastChild.remove();
    } catch (e) { detail.replaceChildren(errBox(e)); }
  }
  await poll();
  if (want && !body.querySelector('[data-id="' + want + '"]')) detail.replaceChildren(h("p", { class: "mute" }, "Request #" + want + " is no longer in the log (it keeps the last 500)."));
  timers.push(setInterval(poll, 1000));
  return h("div", { class: "cols reqs" }, h("div", {}, h("table", { id: "requests" }, h("thead", {}, h("tr", {}, h("th", {}, "#"), h("th", {}, "Time"), h("th", {}, "Method"), h("th", {}, "Path"), h("th", {}, "Status"), h("th", {}, "Took"), h("th", {}, "Location"))), body)), detail);
}

// Bindings and config: the start-up table.
async function renderBindings() {
  return h("div", { class: "card" }, h("h2", {}, "Bindings"), h("p", { class: "mute small" }, "Config ", h("code", {}, overview.config || "(none)")),
    overview.bindings.length ? h("table", { id: "bindings" }, h("tr", {}, h("th", {}, "Binding"), h("th", {}, "Type"), h("th", {}, "Value")),
      overview.bindings.map((b) => h("tr", { class: b.notEmulated ? "warn" : "" }, h("td", { class: "mono" }, b.binding), h("td", {}, b.kind), h("td", { class: "mono small" }, b.value))))
      : h("p", {}, "No bindings."));
}

// ---- shell -------------------------------------------------------------------

async function refreshOverview() {
  overview = await getJSON("api/overview");
  overview.clockFetched = Date.now();
  document.getElementById("project").textContent = overview.name || "";
  document.getElementById("clock").textContent = (overview.clock.virtual ? "virtual " : "") + overview.clock.now.replace(/\.\d+Z$/, "Z");
  const b = document.getElementById("banner");
  b.hidden = !overview.error;
  b.textContent = overview.error || "";
}

// go shows another view; mark only records where the view is.
function go(hash) {
  if (location.hash === "#" + hash) route();
  else location.hash = hash;
}
function mark(hash) { history.replaceState(null, "", "#" + hash); }

async function route() {
  timers.forEach(clearInterval);
  timers = [];
  const [name, ...rest] = location.hash.slice(1).split("/");
  const id = sections[name] ? name : "kv";
  const nav = document.getElementById("nav");
  nav.replaceChildren(...overview.sections.filter((s) => sections[s]).map((s) => h("a", { href: "#" + s, class: s === id ? "on" : "" }, sections[s].title)));
  try {
    const el = await sections[id].render(rest.join("/"));
    $main.replaceChildren(el);
  } catch (e) { $main.replaceChildren(errBox(e)); }
  document.body.dataset.ready = id;
}

window.addEventListener("hashchange", route);
refreshOverview().then(route, (e) => $main.replaceChildren(errBox(e)));
