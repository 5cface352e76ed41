// node:process as a worker sees it under wrangler dev: an EventEmitter with
// workerd's public_process.ts surface, and the values wrangler 4.86.0
// reported (version v22.14.0, platform linux, cwd "/", argv [], pid 200,
// ppid 100; its process is unenv's on top of workerd's). nextTick is a
// microtask, in order with promise jobs and queueMicrotask, as in workerd.
// exit() throws workerd's words; workerd cancels the request, which no JS
// can catch: here a try/catch around it would.
(function (native) {
  "use strict";
  const { errors } = native.internal;
  const { codes, validators } = errors;
  const EventEmitter = native.EventEmitter;

  const process = new EventEmitter();
  const notImplemented = (name) => function () { throw codes.ERR_METHOD_NOT_IMPLEMENTED(name); };
  const noop = () => {};

  function nextTick(cb, ...args) {
    validators.validateFunction(cb, "callback");
    queueMicrotask(() => { cb(...args); });
  }

  function emitWarning(warning, options, codeOrCtor, maybeCtor) {
    let err;
    let name = "Warning";
    let detail;
    let code;
    let ctor;
    if (options !== null && typeof options === "object" && !Array.isArray(options)) {
      if (options.type) name = options.type;
      if (options.code) code = options.code;
      if (options.detail) detail = options.detail;
      ctor = options.ctor;
    } else if (typeof options === "string") {
      name = options;
      if (typeof codeOrCtor === "string") {
        code = codeOrCtor;
        if (typeof maybeCtor === "function") ctor = maybeCtor;
        else if (maybeCtor !== undefined) throw codes.ERR_INVALID_ARG_TYPE("ctor", "function", maybeCtor);
      } else if (typeof codeOrCtor === "function") {
        ctor = codeOrCtor;
      } else if (codeOrCtor !== undefined) {
        throw codes.ERR_INVALID_ARG_TYPE("ctor", "function", codeOrCtor);
      }
    } else if (typeof options === "function") {
      ctor = options;
    } else if (options !== undefined) {
      throw codes.ERR_INVALID_ARG_TYPE("options", "object", options);
    }
    if (typeof warning === "string") {
      err = new (ctor || Error)(warning);
      err.name = name;
    } else if (warning instanceof Error) {
      err = warning;
      if (name && name !== "Warning") err.name = name;
    } else {
      throw codes.ERR_INVALID_ARG_TYPE("warning", ["Error", "string"], warning);
    }
    if (code) err.code = code;
    if (detail && typeof detail === "string") err.detail = detail;
    queueMicrotask(() => { process.emit("warning", err); });
  }

  let cwd = "/";
  function hrtime(time) {
    if (time !== undefined) {
      if (!Array.isArray(time)) throw codes.ERR_INVALID_ARG_TYPE("time", "Array", time);
      else if (time.length !== 2) throw codes.ERR_OUT_OF_RANGE("time", "2", time);
    }
    const nanoTime = BigInt(Date.now()) * 1000000n;
    const nanosBigint = nanoTime % 1000000000n;
    let seconds = Number((nanoTime - nanosBigint) / 1000000000n);
    let nanos = Number(nanosBigint);
    if (time) {
      const [prevSeconds, prevNanos] = time;
      seconds -= prevSeconds;
      nanos -= prevNanos;
      if (nanos < 0) {
        seconds -= 1;
        nanos += 1e9;
      }
    }
    return [seconds, nanos];
  }
  hrtime.bigint = function bigint() { return BigInt(Date.now()) * 1000000n; };

  function exit(code) {
    if (code === undefined) code = process.exitCode === undefined ? 0 : process.exitCode;
    throw new Error(`The Node.js process.exit(${code}) API was called. Canceling the request.`);
  }

  // stdout and stderr write to the worker log (console), line by line.
  function stdio(fd, log) {
    const s = new EventEmitter();
    let pending = "";
    // (one line per write that ends a line, as the worker log takes them)
    Object.assign(s, {
      fd, isTTY: false, writable: true, _isStdio: true,
      write(chunk, encoding, cb) {
        if (typeof encoding === "function") { cb = encoding; encoding = undefined; }
        pending += typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk);
        const lines = pending.split("\n");
        pending = lines.pop();
        for (const line of lines) log(line);
        if (typeof cb === "function") queueMicrotask(() => cb(null));
        return true;
      },
      end(chunk, encoding, cb) {
        if (chunk !== undefined && typeof chunk !== "function") s.write(chunk, encoding);
        if (pending !== "") { log(pending); pending = ""; }
        const done = typeof chunk === "function" ? chunk : typeof encoding === "function" ? encoding : cb;
        if (typeof done === "function") queueMicrotask(() => done());
        return s;
      },
      getColorDepth() { return 1; },
      hasColors() { return false; },
    });
    return s;
  }

  // Before enable_nodejs_process_v2 (nodejs_compat from 2025-09-15) the
  // values are unenv's, which wrangler layers over workerd's small
  // process; from then on, workerd's own (both recorded from wrangler
  // 4.86.0).
  const v2 = native.processV2;
  const versionsV2 = { node: "22.19.0" };
  for (const k of ["v8", "modules", "zlib", "brotli", "zstd", "ares", "napi", "llhttp", "nghttp2", "acorn", "ada", "simdutf",
    "nbytes", "ncrypto", "uvwasi", "uv", "openssl", "sqlite", "icu", "undici", "simdjson", "unicode", "cldr", "tz",
    "cjs_module_lexer", "amaro", "merve"]) versionsV2[k] = "";
  if (v2) cwd = "/bundle";
  const props = {
    version: v2 ? "v22.19.0" : "v22.14.0",
    versions: v2 ? versionsV2 : { node: "22.14.0" },
    title: v2 ? "workerd" : "",
    argv: v2 ? ["workerd"] : [],
    argv0: v2 ? "workerd" : "",
    execArgv: [],
    arch: v2 ? "x64" : "",
    platform: "linux",
    pid: v2 ? 1 : 200,
    ppid: v2 ? 0 : 100,
    execPath: "",
    release: v2 ? { name: "node", lts: true, sourceUrl: "", headersUrl: "" } : {},
    env: native.env,
    features: {
      cached_builtins: true, debug: false, inspector: false, ipv6: true, openssl_is_boringssl: true,
      require_module: false, tls: true, tls_alpn: true, tls_ocsp: true, tls_sni: true, typescript: false, uv: true,
    },
    config: { target_defaults: {}, variables: {} },
    allowedNodeEnvironmentFlags: new Set(),
    exitCode: undefined,
    channel: null, connected: false, debugPort: 0, noDeprecation: false, traceDeprecation: false,
    throwDeprecation: false, sourceMapsEnabled: false, domain: null, _exiting: false,
    moduleLoadList: [], _preload_modules: [],
    permission: { has: notImplemented("process.permission.has") },
    report: {
      compact: false, directory: "", filename: "", getReport: () => ({}), reportOnFatalError: false,
      reportOnSignal: false, reportOnUncaughtException: false, excludeNetwork: false, excludeEnv: false,
      signal: "SIGUSR2", writeReport: notImplemented("process.report.writeReport"),
    },
    finalization: {
      register: notImplemented("process.finalization.register"),
      registerBeforeExit: notImplemented("process.finalization.registerBeforeExit"),
      unregister: notImplemented("process.finalization.unregister"),
    },
    nextTick, emitWarning, hrtime, exit,
    abort() { exit(1); },
    reallyExit(code) { exit(code || 0); },
    cwd() { return cwd; },
    chdir(dir) { validators.validateString(dir, "directory"); cwd = dir; },
    umask(mask) {
      if (mask !== undefined) {
        if (typeof mask === "string") {
          if (!/^[0-7]+$/.test(mask)) throw codes.ERR_INVALID_ARG_VALUE("mask", mask, "must be a 32-bit unsigned integer or an octal string");
          mask = parseInt(mask, 8);
        } else if (typeof mask !== "number") {
          throw codes.ERR_INVALID_ARG_TYPE("mask", "number", mask);
        }
        if (mask < 0 || mask > 0xffffffff || !Number.isInteger(mask)) {
          throw codes.ERR_INVALID_ARG_VALUE("mask", mask, "must be a 32-bit unsigned integer or an octal string");
        }
      }
      return 18;
    },
    uptime() { return 0; },
    memoryUsage: Object.assign(() => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }), { rss: () => 0 }),
    resourceUsage() {
      return { userCPUTime: 0, systemCPUTime: 0, maxRSS: 0, sharedMemorySize: 0, unsharedDataSize: 0, unsharedStackSize: 0,
        minorPageFault: 0, majorPageFault: 0, swappedOut: 0, fsRead: 0, fsWrite: 0, ipcSent: 0, ipcReceived: 0,
        signalsCount: 0, voluntaryContextSwitches: 0, involuntaryContextSwitches: 0 };
    },
    cpuUsage: notImplemented("process.cpuUsage"),
    constrainedMemory() { return 0; },
    availableMemory() { return 0; },
    getBuiltinModule(id) { validators.validateString(id, "id"); return native.getBuiltinModule(id); },
    setSourceMapsEnabled: noop,
    setUncaughtExceptionCaptureCallback: notImplemented("process.setUncaughtExceptionCaptureCallback"),
    hasUncaughtExceptionCaptureCallback: notImplemented("process.hasUncaughtExceptionCaptureCallback"),
    kill: notImplemented("process.kill"),
    binding: notImplemented("process.binding"),
    dlopen: notImplemented("process.dlopen"),
    getActiveResourcesInfo: notImplemented("process.getActiveResourcesInfo"),
    _linkedBinding: notImplemented("process._linkedBinding"),
    _kill: notImplemented("process._kill"),
    _rawDebug(...args) { console.log(...args); },
    _getActiveRequests() { return []; },
    _getActiveHandles() { return []; },
    _fatalException() { return false; },
    _tickCallback: noop, _debugProcess: noop, _debugEnd: noop,
    _startProfilerIdleNotifier: noop, _stopProfilerIdleNotifier: noop,
    send() { return false; },
    // unenv's leftovers, present under wrangler.
    _channel: undefined, _handleQueue: null, _pendingMessage: null,
    _disconnect: noop, _send: notImplemented("process._send"),
    disconnect: noop, ref: noop, unref: noop,
    openStdin() { return props.stdin; },
    getegid: () => 0, getgid: () => 0, geteuid: () => 0, getuid: () => 0, getgroups: () => [0],
    setegid: noop, setgid: noop, seteuid: noop, setuid: noop, setgroups: noop, initgroups: noop,
    loadEnvFile: notImplemented("process.loadEnvFile"),
    assert(value, message) { if (!value) throw new Error(message || "assertion failed"); },
  };
  if (v2) {
    Object.assign(props, {
      execve: notImplemented("process.execve"), threadCpuUsage: notImplemented("process.threadCpuUsage"),
      getSourceMapsSupport: () => ({ enabled: false, nodeModules: false, generatedCode: false }), noDeprecation: false,
    });
    delete props.disconnect;
  } else {
    props.mainModule = undefined;
  }
  props.stdout = stdio(1, (line) => console.log(line));
  props.stderr = stdio(2, (line) => console.error(line));
  props.stdin = Object.assign(new EventEmitter(), { fd: 0, isTTY: false, readable: true, read() { return null; } });
  Object.assign(process, props);
  if (v2) Object.defineProperty(process, Symbol.toStringTag, { value: "process", enumerable: false, writable: true, configurable: true });
  return process;
})
