import fs from "node:fs";
import fsp from "node:fs/promises";
const e2o = (e) => ({ name: e.name, code: e.code, errno: e.errno, syscall: e.syscall, path: e.path, message: e.message });
const probes = {
  readMissing: () => fs.readFileSync("/tmp/nope.txt"),
  existsRoots: () => ["/", "/tmp", "/bundle", "/dev", "/dev/null", "/tmp/nope", "/etc"].map((p) => fs.existsSync(p)),
  writeRead: () => { fs.writeFileSync("/tmp/a.txt", "hello"); fs.appendFileSync("/tmp/a.txt", " world"); return [fs.readFileSync("/tmp/a.txt", "utf8"), fs.readFileSync("/tmp/a.txt").length]; },
  stat: () => { fs.writeFileSync("/tmp/s.txt", "abc"); const s = fs.statSync("/tmp/s.txt"); const d = fs.statSync("/tmp"); return [s.size, s.isFile(), s.isDirectory(), d.isDirectory(), typeof s.mtimeMs]; },
  statMissing: () => fs.statSync("/tmp/none"),
  statThrowFalse: () => fs.statSync("/tmp/none", { throwIfNoEntry: false }),
  readdirRoot: () => fs.readdirSync("/").sort(),
  readdirTmp: () => { fs.mkdirSync("/tmp/d1"); fs.writeFileSync("/tmp/d1/x", "1"); return fs.readdirSync("/tmp/d1"); },
  mkdirExists: () => { fs.mkdirSync("/tmp/d2"); fs.mkdirSync("/tmp/d2"); },
  mkdirRecursive: () => { fs.mkdirSync("/tmp/r/a/b", { recursive: true }); return fs.existsSync("/tmp/r/a/b"); },
  writeOutside: () => fs.writeFileSync("/etc/x", "1"),
  writeBundle: () => fs.writeFileSync("/bundle/x", "1"),
  unlinkMissing: () => fs.unlinkSync("/tmp/none"),
  unlinkOk: () => { fs.writeFileSync("/tmp/u", "1"); fs.unlinkSync("/tmp/u"); return fs.existsSync("/tmp/u"); },
  rmDirNoRec: () => { fs.mkdirSync("/tmp/rm1"); fs.writeFileSync("/tmp/rm1/f", "1"); fs.rmSync("/tmp/rm1"); },
  rmRec: () => { fs.mkdirSync("/tmp/rm2"); fs.writeFileSync("/tmp/rm2/f", "1"); fs.rmSync("/tmp/rm2", { recursive: true }); return fs.existsSync("/tmp/rm2"); },
  readDir: () => { fs.mkdirSync("/tmp/rd"); return fs.readFileSync("/tmp/rd"); },
  devNull: () => fs.readFileSync("/dev/null").length,
  rename: () => { fs.writeFileSync("/tmp/o", "1"); fs.renameSync("/tmp/o", "/tmp/n"); return [fs.existsSync("/tmp/o"), fs.readFileSync("/tmp/n", "utf8")]; },
  copy: () => { fs.writeFileSync("/tmp/c1", "cc"); fs.copyFileSync("/tmp/c1", "/tmp/c2"); return fs.readFileSync("/tmp/c2", "utf8"); },
  promisesRead: async () => { await fsp.writeFile("/tmp/p", "pp"); return await fsp.readFile("/tmp/p", "utf8"); },
  promisesMissing: async () => await fsp.readFile("/tmp/nope"),
  callbackMissing: () => new Promise((res) => fs.readFile("/tmp/nope", (err) => res(e2o(err)))),
  writeBuffer: () => { fs.writeFileSync("/tmp/b", new Uint8Array([1, 2, 3])); return Array.from(fs.readFileSync("/tmp/b")); },
  accessMissing: () => fs.accessSync("/tmp/nope"),
  realpath: () => fs.realpathSync("/tmp/../tmp/./"),
};
export default {
  async fetch(req) {
    const out = {};
    for (const [k, f] of Object.entries(probes)) {
      try { const r = await f(); out[k] = { ok: r === undefined ? "undefined" : r instanceof Uint8Array ? "bytes:" + r.length : r }; } catch (e) { out[k] = e2o(e); }
    }
    out.persistsAcrossRequests = fs.existsSync("/tmp/a.txt");
    return Response.json(out);
  },
};
