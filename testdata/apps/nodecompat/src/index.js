// A worker on Node-flavoured npm packages under nodejs_compat. The responses
// dev/apps_test.go expects were recorded from wrangler dev 4.86.0.
import jwt from "jsonwebtoken";
import bcrypt from "bcryptjs";
import iconv from "iconv-lite";
import xml2js from "xml2js";
import { parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { AsyncLocalStorage } from "node:async_hooks";
import { setTimeout as sleep } from "node:timers/promises";

const SECRET = "fixture-secret";
const als = new AsyncLocalStorage();

function errorInfo(e) {
	return { name: e.name, message: e.message, ...(e.expiredAt ? { expiredAt: e.expiredAt.toISOString() } : {}) };
}

const routes = {
	"/jwt": () => {
		const token = jwt.sign({ sub: "user-1", role: "admin", iat: 1700000000 }, SECRET, { algorithm: "HS256", expiresIn: "1h" });
		const ok = jwt.verify(token, SECRET, { clockTimestamp: 1700000100 });
		const [h, p, s] = token.split(".");
		const tampered = [h, Buffer.from(JSON.stringify({ ...ok, role: "root" })).toString("base64url"), s].join(".");
		const out = { token, verified: ok, decoded: jwt.decode(token, { complete: true }) };
		for (const [name, fn] of [
			["tampered", () => jwt.verify(tampered, SECRET, { clockTimestamp: 1700000100 })],
			["expired", () => jwt.verify(token, SECRET, { clockTimestamp: 1700003601 })],
			["wrongSecret", () => jwt.verify(token, "other", { clockTimestamp: 1700000100 })],
			["malformed", () => jwt.verify("abc", SECRET)],
			["wrongAlg", () => jwt.verify(token, SECRET, { algorithms: ["HS512"], clockTimestamp: 1700000100 })],
		]) {
			try { fn(); out[name] = "no error"; } catch (e) { out[name] = errorInfo(e); }
		}
		return Response.json(out);
	},
	"/bcrypt": async () => {
		const salt = "$2b$04$abcdefghijklmnopqrstuu";
		const hash = bcrypt.hashSync("correct horse", salt);
		const random = await bcrypt.hash("battery", 4);
		return Response.json({
			hash,
			ok: bcrypt.compareSync("correct horse", hash),
			bad: bcrypt.compareSync("wrong", hash),
			randomOk: await bcrypt.compare("battery", random),
			rounds: bcrypt.getRounds(random),
		});
	},
	"/iconv": () => {
		const win = iconv.encode("Grüße, €5", "win1252");
		const sjis = iconv.encode("日本語", "Shift_JIS");
		return Response.json({
			win1252: win.toString("hex"),
			back: iconv.decode(win, "windows-1252"),
			sjis: sjis.toString("hex"),
			sjisBack: iconv.decode(Buffer.from(sjis), "sjis"),
			koi8: iconv.decode(Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]), "koi8-r"),
			exists: [iconv.encodingExists("latin1"), iconv.encodingExists("nope")],
		});
	},
	"/xml": async () => {
		const xml = `<?xml version="1.0"?><catalog><book id="b1" lang="en"><title>Edge &amp; Go</title><price>9.5</price></book><book id="b2"><title>Streams</title><tags><tag>a</tag><tag>b</tag></tags></book></catalog>`;
		const parsed = await xml2js.parseStringPromise(xml);
		const simple = await xml2js.parseStringPromise(xml, { explicitArray: false, mergeAttrs: true });
		const built = new xml2js.Builder({ headless: true, renderOpts: { pretty: false } }).buildObject({ root: { $: { v: "1" }, item: ["x", "y"] } });
		let bad;
		try { await xml2js.parseStringPromise("<a><b></a>"); } catch (e) { bad = e.message; }
		return Response.json({ parsed, simple, built, bad });
	},
	"/csv": async () => {
		const input = "name,qty,price\n\"Widget, large\",2,3.50\nGadget,10,\"1,000\"\n";
		const sync = parseSync(input, { columns: true, cast: true });
		const streamed = await new Promise((resolve, reject) => {
			parse(input, { from_line: 2 }, (err, rows) => (err ? reject(err) : resolve(rows)));
		});
		const rows = [];
		const parser = parse({ delimiter: ";", trim: true });
		parser.on("readable", () => { let r; while ((r = parser.read()) !== null) rows.push(r); });
		const done = new Promise((resolve, reject) => { parser.on("end", resolve); parser.on("error", reject); });
		parser.write(" a ; b \n c;d\n");
		parser.end();
		await done;
		let bad;
		try { parseSync('a,b\n"x,y\n'); } catch (e) { bad = { code: e.code, message: e.message }; }
		return Response.json({ sync, streamed, rows, bad });
	},
	"/als": async (url) => {
		const id = url.searchParams.get("id");
		const wait = Number(url.searchParams.get("wait") || 0);
		return als.run({ id }, async () => {
			const seen = [als.getStore().id];
			await sleep(wait);
			seen.push(als.getStore().id);
			await new Promise((r) => setTimeout(r, wait));
			seen.push(als.getStore().id);
			await Promise.resolve();
			seen.push(als.getStore()?.id);
			return Response.json({ id, seen, outside: new AsyncLocalStorage().getStore() ?? null });
		});
	},
};

export default {
	async fetch(request) {
		const url = new URL(request.url);
		const route = routes[url.pathname];
		if (!route) return new Response("not found", { status: 404 });
		try {
			return await route(url);
		} catch (e) {
			return Response.json({ uncaught: errorInfo(e), stack: String(e.stack).split("\n")[0] }, { status: 500 });
		}
	},
};
