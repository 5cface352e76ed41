// workerd's virtual file system (node:fs from enable_nodejs_fs_module): "/"
// holds /bundle (read-only), /dev (null) and /tmp (writable, in memory, for
// the life of the instance, as wrangler dev keeps it). Each answer, error
// codes, syscalls and words included, is what wrangler 4.86.0 gave for the
// calls in testdata/fsprobe.js.
(function (Buffer) {
  "use strict";
  const now = () => Date.now();
  const dir = (writable) => ({ dir: true, writable, entries: new Map(), mtime: now() });
  const root = dir(false);
  root.entries.set("bundle", dir(false));
  root.entries.set("tmp", dir(true));
  const dev = dir(false);
  dev.entries.set("null", { dir: false, dev: "null", data: new Uint8Array(0), mtime: now() });
  root.entries.set("dev", dev);

  function fsError(code, syscall, path, message, errno) {
    const e = new Error(message);
    e.code = code;
    if (errno !== undefined) e.errno = errno;
    e.syscall = syscall;
    if (path !== undefined) e.path = path;
    return e;
  }
  const enoent = (syscall, path, errno) => fsError("ENOENT", syscall, path, `no such file or directory, ${syscall} '${path}'`, errno);
  const eperm = (syscall) => fsError("EPERM", syscall, undefined, "operation not permitted");

  function toPath(p) {
    if (p instanceof URL) p = p.pathname;
    else if (p instanceof Uint8Array) p = Buffer.from(p).toString();
    return String(p);
  }
  function parts(p) {
    const out = [];
    for (const s of toPath(p).split("/")) {
      if (s === "" || s === ".") continue;
      if (s === "..") out.pop(); else out.push(s);
    }
    return out;
  }
  const basename = (p) => { const a = parts(p); return a[a.length - 1] || ""; };
  function lookup(p) {
    let n = root;
    for (const s of parts(p)) {
      if (!n.dir) return undefined;
      n = n.entries.get(s);
      if (!n) return undefined;
    }
    return n;
  }
  function parentOf(p) {
    const a = parts(p);
    const name = a.pop();
    let n = root;
    for (const s of a) { n = n && n.dir ? n.entries.get(s) : undefined; }
    return [n, name];
  }
  function toBytes(data, enc) {
    if (typeof data === "string") return Buffer.from(data, enc || "utf8");
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    return Buffer.from(String(data));
  }
  const encOf = (o) => (typeof o === "string" ? o : o && o.encoding) || undefined;

  function readFileSync(path, options) {
    const n = lookup(path);
    if (!n) throw enoent("readAll", toPath(path));
    if (n.dir) throw fsError("EISDIR", "readAll", undefined, "illegal operation on a directory");
    const b = Buffer.from(n.data);
    const enc = encOf(options);
    return enc ? b.toString(enc) : b;
  }
  function write(path, data, options, append) {
    const [parent, name] = parentOf(path);
    if (!parent || !parent.dir || !name) throw enoent("writeAll", toPath(path));
    const cur = parent.entries.get(name);
    if (cur && cur.dir) throw fsError("EISDIR", "writeAll", undefined, "illegal operation on a directory");
    if (cur && cur.dev) return;
    if (!parent.writable) throw eperm("writeAll");
    const bytes = toBytes(data, encOf(options));
    const prev = append && cur ? cur.data : new Uint8Array(0);
    const all = new Uint8Array(prev.length + bytes.length);
    all.set(prev, 0); all.set(bytes, prev.length);
    parent.entries.set(name, { dir: false, data: all, mtime: now() });
  }
  class Stats {
    constructor(n) {
      const t = n.mtime;
      Object.assign(this, { dev: 0, mode: n.dir ? 0o40555 : 0o100666, nlink: 1, uid: 0, gid: 0, rdev: 0, blksize: 4096, ino: 0,
        size: n.dir ? 0 : n.data.length, blocks: 0, atimeMs: t, mtimeMs: t, ctimeMs: t, birthtimeMs: t,
        atime: new Date(t), mtime: new Date(t), ctime: new Date(t), birthtime: new Date(t) });
      Object.defineProperty(this, "_dir", { value: n.dir });
    }
    isFile() { return !this._dir; }
    isDirectory() { return this._dir; }
    isSymbolicLink() { return false; }
    isBlockDevice() { return false; }
    isCharacterDevice() { return false; }
    isFIFO() { return false; }
    isSocket() { return false; }
  }
  function statSync(path, options) {
    const n = lookup(path);
    if (!n) {
      if (options && options.throwIfNoEntry === false) return undefined;
      throw enoent("stat", toPath(path), -2);
    }
    return new Stats(n);
  }
  function mkdirSync(path, options) {
    const recursive = options && typeof options === "object" && options.recursive;
    if (recursive) {
      let n = root, first;
      for (const s of parts(path)) {
        let next = n.entries.get(s);
        if (!next) {
          if (!n.writable) throw eperm("mkdir");
          next = dir(true);
          n.entries.set(s, next);
          if (first === undefined) first = "/" + parts(path).slice(0, parts(path).indexOf(s) + 1).join("/");
        }
        n = next;
      }
      return first;
    }
    const [parent, name] = parentOf(path);
    if (!parent || !parent.dir) throw enoent("mkdir", toPath(path));
    if (parent.entries.has(name)) return undefined; // workerd: no EEXIST
    if (!parent.writable) throw eperm("mkdir");
    parent.entries.set(name, dir(true));
    return undefined;
  }
  function readdirSync(path, options) {
    const n = lookup(path);
    if (!n) throw enoent("readdir", toPath(path), -2);
    if (!n.dir) throw fsError("ENOTDIR", "readdir", toPath(path), `not a directory, readdir '${toPath(path)}'`);
    const names = Array.from(n.entries.keys());
    if (options && options.withFileTypes) {
      return names.map((name) => { const c = n.entries.get(name); return { name, parentPath: toPath(path), path: toPath(path), isFile: () => !c.dir, isDirectory: () => c.dir, isSymbolicLink: () => false }; });
    }
    return names;
  }
  function unlinkSync(path) {
    const [parent, name] = parentOf(path);
    const n = parent && parent.dir ? parent.entries.get(name) : undefined;
    if (!n) throw fsError("ENOENT", "unlink", basename(path), "File not found");
    if (n.dir) throw fsError("EISDIR", "unlink", undefined, "illegal operation on a directory");
    if (!parent.writable) throw eperm("unlink");
    parent.entries.delete(name);
  }
  function rmSync(path, options) {
    const [parent, name] = parentOf(path);
    const n = parent && parent.dir ? parent.entries.get(name) : undefined;
    if (!n) {
      if (options && options.force) return;
      throw fsError("ENOENT", "rm", basename(path), `no such file or directory, rm '${basename(path)}'`);
    }
    if (n.dir && n.entries.size > 0 && !(options && options.recursive)) {
      throw fsError("ENOTEMPTY", "rm", basename(path), `directory not empty, rm '${basename(path)}'`);
    }
    if (!parent.writable) throw eperm("rm");
    parent.entries.delete(name);
  }
  function renameSync(from, to) {
    const [p1, n1] = parentOf(from);
    const node = p1 && p1.dir ? p1.entries.get(n1) : undefined;
    if (!node) throw enoent("rename", toPath(from));
    const [p2, n2] = parentOf(to);
    if (!p2 || !p2.dir) throw enoent("rename", toPath(to));
    if (!p1.writable || !p2.writable) throw eperm("rename");
    p1.entries.delete(n1);
    p2.entries.set(n2, node);
  }
  function copyFileSync(from, to) { write(to, readFileSync(from)); }
  function accessSync(path) { if (!lookup(path)) throw enoent("access", toPath(path), -2); }
  function realpathSync(path) {
    if (!lookup(path)) throw enoent("realpath", toPath(path), -2);
    return "/" + parts(path).join("/");
  }
  const sync = {
    existsSync: (p) => { try { return lookup(p) !== undefined; } catch { return false; } },
    readFileSync, writeFileSync: (p, d, o) => write(p, d, o, false), appendFileSync: (p, d, o) => write(p, d, o, true),
    statSync, lstatSync: statSync, mkdirSync, readdirSync, unlinkSync, rmSync, rmdirSync: (p, o) => rmSync(p, o),
    renameSync, copyFileSync, accessSync, realpathSync,
  };
  // The callback and promise forms run the sync one.
  const asyncNames = { readFile: "readFileSync", writeFile: "writeFileSync", appendFile: "appendFileSync", stat: "statSync",
    lstat: "lstatSync", mkdir: "mkdirSync", readdir: "readdirSync", unlink: "unlinkSync", rm: "rmSync", rmdir: "rmdirSync",
    rename: "renameSync", copyFile: "copyFileSync", access: "accessSync", realpath: "realpathSync" };
  const callbacks = {}, promises = {};
  for (const [name, s] of Object.entries(asyncNames)) {
    callbacks[name] = function (...args) {
      const cb = typeof args[args.length - 1] === "function" ? args.pop() : undefined;
      if (!cb) throw Object.assign(new TypeError(`The "callback" argument must be of type function. Received undefined`), { code: "ERR_INVALID_ARG_TYPE" });
      let r, err = null;
      try { r = sync[s](...args); } catch (e) { err = e; }
      queueMicrotask(() => (err ? cb(err) : cb(null, r)));
    };
    promises[name] = async (...args) => sync[s](...args);
  }
  callbacks.exists = (p, cb) => { if (typeof cb === "function") queueMicrotask(() => cb(sync.existsSync(p))); };
  return { fs: { ...sync, ...callbacks }, promises };
})
