// node:http's server side as workerd has it: createServer(), listen(port)
// and cloudflare:node's httpServerHandler / handleAsNodeRequest, which turn
// a fetch Request into an IncomingMessage and a ServerResponse into a
// Response. The client side (request, get) is fetch underneath, as in
// workerd.
(function (E, stream, EventEmitter, Buffer) {
  "use strict";
  const { Readable, Writable } = stream;
  const STATUS_CODES = {"100":"Continue","101":"Switching Protocols","102":"Processing","103":"Early Hints","200":"OK","201":"Created","202":"Accepted","203":"Non-Authoritative Information","204":"No Content","205":"Reset Content","206":"Partial Content","207":"Multi-Status","208":"Already Reported","226":"IM Used","300":"Multiple Choices","301":"Moved Permanently","302":"Found","303":"See Other","304":"Not Modified","305":"Use Proxy","307":"Temporary Redirect","308":"Permanent Redirect","400":"Bad Request","401":"Unauthorized","402":"Payment Required","403":"Forbidden","404":"Not Found","405":"Method Not Allowed","406":"Not Acceptable","407":"Proxy Authentication Required","408":"Request Timeout","409":"Conflict","410":"Gone","411":"Length Required","412":"Precondition Failed","413":"Payload Too Large","414":"URI Too Long","415":"Unsupported Media Type","416":"Range Not Satisfiable","417":"Expectation Failed","418":"I'm a Teapot","421":"Misdirected Request","422":"Unprocessable Entity","423":"Locked","424":"Failed Dependency","425":"Too Early","426":"Upgrade Required","428":"Precondition Required","429":"Too Many Requests","431":"Request Header Fields Too Large","451":"Unavailable For Legal Reasons","500":"Internal Server Error","501":"Not Implemented","502":"Bad Gateway","503":"Service Unavailable","504":"Gateway Timeout","505":"HTTP Version Not Supported","506":"Variant Also Negotiates","507":"Insufficient Storage","508":"Loop Detected","509":"Bandwidth Limit Exceeded","510":"Not Extended","511":"Network Authentication Required"};
  const METHODS = ["ACL","BIND","CHECKOUT","CONNECT","COPY","DELETE","GET","HEAD","LINK","LOCK","M-SEARCH","MERGE","MKACTIVITY","MKCALENDAR","MKCOL","MOVE","NOTIFY","OPTIONS","PATCH","POST","PROPFIND","PROPPATCH","PURGE","PUT","QUERY","REBIND","REPORT","SEARCH","SOURCE","SUBSCRIBE","TRACE","UNBIND","UNLINK","UNLOCK","UNSUBSCRIBE"];
  const servers = new Map(); // port -> Server, for this instance

  const tokenRe = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
  const invalidValueRe = /[^\t\x20-\x7e\x80-\xff]/;
  function validateHeaderName(name, label = "Header name") {
    if (typeof name !== "string" || !name || !tokenRe.test(name)) {
      throw E.make(TypeError, "ERR_INVALID_HTTP_TOKEN", `${label} must be a valid HTTP token ["${name}"]`);
    }
  }
  function validateHeaderValue(name, value) {
    if (value === undefined) throw E.make(TypeError, "ERR_HTTP_INVALID_HEADER_VALUE", `Invalid value "${value}" for header "${name}"`);
    if (invalidValueRe.test(String(value))) throw E.make(TypeError, "ERR_INVALID_CHAR", `Invalid character in header content ["${name}"]`);
  }

  function inherits(C, P) { Object.setPrototypeOf(C.prototype, P.prototype); Object.setPrototypeOf(C, P); }

  // --- IncomingMessage ------------------------------------------------------
  function IncomingMessage(socket) {
    Readable.call(this);
    this.socket = this.connection = socket || fakeSocket();
    this.httpVersionMajor = 1; this.httpVersionMinor = 1; this.httpVersion = "1.1";
    this.complete = false; this.aborted = false;
    this.headers = {}; this.rawHeaders = []; this.trailers = {}; this.rawTrailers = [];
    this.url = ""; this.method = null; this.statusCode = null; this.statusMessage = null;
    this._reader = null;
  }
  inherits(IncomingMessage, Readable);
  IncomingMessage.prototype._read = function () {
    if (!this._reader) { this.complete = true; this.push(null); return; }
    this._reader.read().then(({ value, done }) => {
      if (done) { this.complete = true; this.push(null); }
      else this.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }, (err) => this.destroy(err));
  };
  IncomingMessage.prototype.setTimeout = function (ms, cb) { if (cb) this.on("timeout", cb); return this; };
  Object.defineProperty(IncomingMessage.prototype, "headersDistinct", { get() {
    const o = {};
    for (let i = 0; i < this.rawHeaders.length; i += 2) (o[this.rawHeaders[i].toLowerCase()] ||= []).push(this.rawHeaders[i + 1]);
    return o;
  } });
  function fakeSocket() {
    const s = new EventEmitter();
    Object.assign(s, { remoteAddress: "127.0.0.1", remotePort: 0, remoteFamily: "IPv4", localAddress: "127.0.0.1", localPort: 0,
      encrypted: false, readable: true, writable: true, setTimeout() { return s; }, setNoDelay() { return s; }, setKeepAlive() { return s; },
      destroy() { return s; }, end() { return s; }, address: () => ({ address: "127.0.0.1", family: "IPv4", port: 0 }) });
    return s;
  }
  function fillIncoming(msg, headers) {
    for (const [name, value] of headers) {
      msg.rawHeaders.push(name, value);
      if (name === "set-cookie") (msg.headers[name] ||= []).push(value);
      else if (msg.headers[name] !== undefined) msg.headers[name] += ", " + value;
      else msg.headers[name] = value;
    }
  }

  // --- OutgoingMessage / ServerResponse ------------------------------------
  const kHeaders = Symbol("kOutHeaders");
  function OutgoingMessage() {
    Writable.call(this);
    this[kHeaders] = new Map(); // lower-case name -> [name, value]
    this.headersSent = false;
    this.sendDate = false;
    this.finished = false;
    this.chunkedEncoding = false;
    this.outputData = [];
    this.outputSize = 0;
    this.strictContentLength = false;
    this.writtenHeaderBytes = 0;
    this.req = null;
  }
  inherits(OutgoingMessage, Writable);
  OutgoingMessage.prototype.setHeader = function (name, value) {
    if (this.headersSent) throw E.make(Error, "ERR_HTTP_HEADERS_SENT", "Cannot set headers after they are sent to the client");
    validateHeaderName(name);
    validateHeaderValue(name, value);
    this[kHeaders].set(name.toLowerCase(), [name, value]);
    return this;
  };
  OutgoingMessage.prototype.appendHeader = function (name, value) {
    const cur = this.getHeader(name);
    if (cur === undefined) return this.setHeader(name, value);
    return this.setHeader(name, [].concat(cur, value));
  };
  OutgoingMessage.prototype.setHeaders = function (headers) {
    for (const [k, v] of headers instanceof Map || headers instanceof Headers ? headers : Object.entries(headers)) this.setHeader(k, v);
    return this;
  };
  OutgoingMessage.prototype.getHeader = function (name) {
    if (typeof name !== "string") throw E.ERR_INVALID_ARG_TYPE("name", "string", name);
    const e = this[kHeaders].get(name.toLowerCase());
    return e && e[1];
  };
  OutgoingMessage.prototype.getHeaders = function () {
    const o = Object.create(null);
    for (const [k, [, v]] of this[kHeaders]) o[k] = v;
    return o;
  };
  OutgoingMessage.prototype.getHeaderNames = function () { return Array.from(this[kHeaders].keys()); };
  OutgoingMessage.prototype.getRawHeaderNames = function () { return Array.from(this[kHeaders].values(), (e) => e[0]); };
  OutgoingMessage.prototype.hasHeader = function (name) { return this[kHeaders].has(String(name).toLowerCase()); };
  OutgoingMessage.prototype.removeHeader = function (name) {
    if (this.headersSent) throw E.make(Error, "ERR_HTTP_HEADERS_SENT", "Cannot remove headers after they are sent to the client");
    this[kHeaders].delete(String(name).toLowerCase());
  };
  OutgoingMessage.prototype.flushHeaders = function () { this._start(); };
  OutgoingMessage.prototype.setTimeout = function (ms, cb) { if (cb) this.on("timeout", cb); return this; };
  OutgoingMessage.prototype.addTrailers = function () {};

  function ServerResponse(req, onStart) {
    OutgoingMessage.call(this);
    this.req = req;
    this.statusCode = 200;
    this.statusMessage = undefined;
    this._onStart = onStart;
    this._controller = null;
    this._started = false;
    this.on("finish", () => { this.finished = true; });
  }
  inherits(ServerResponse, OutgoingMessage);
  ServerResponse.prototype.writeHead = function (statusCode, reason, obj) {
    if (this.headersSent) throw E.make(Error, "ERR_HTTP_HEADERS_SENT", "Cannot write headers after they are sent to the client");
    if (typeof reason !== "string") { obj = reason; reason = undefined; }
    statusCode |= 0;
    if (statusCode < 100 || statusCode > 999) throw E.make(RangeError, "ERR_HTTP_INVALID_STATUS_CODE", `Invalid status code: ${statusCode}`);
    this.statusCode = statusCode;
    if (reason !== undefined) this.statusMessage = reason;
    if (Array.isArray(obj)) {
      if (obj.length && Array.isArray(obj[0])) for (const [k, v] of obj) this.appendHeader(k, v);
      else for (let i = 0; i < obj.length; i += 2) this.appendHeader(obj[i], obj[i + 1]);
    } else if (obj) {
      for (const k of Object.keys(obj)) if (obj[k] !== undefined) this.setHeader(k, obj[k]);
    }
    return this;
  };
  ServerResponse.prototype.writeContinue = function () {};
  ServerResponse.prototype.writeProcessing = function () {};
  ServerResponse.prototype.assignSocket = function () {};
  ServerResponse.prototype.detachSocket = function () {};
  // _start hands the Response to fetch: status, headers, and a body the
  // writes feed.
  ServerResponse.prototype._start = function () {
    if (this._started) return;
    this._started = true;
    this.headersSent = true;
    const headers = new Headers();
    for (const [, [name, value]] of this[kHeaders]) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, String(v));
      else headers.append(name, String(value));
    }
    const noBody = this.statusCode === 204 || this.statusCode === 304 || (this.req && this.req.method === "HEAD");
    let body = null;
    if (!noBody) body = new ReadableStream({ start: (c) => { this._controller = c; } });
    this._onStart(new Response(body, { status: this.statusCode, statusText: this.statusMessage || "", headers }));
  };
  ServerResponse.prototype._write = function (chunk, encoding, cb) {
    this._start();
    if (this._controller) this._controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength).slice());
    cb();
  };
  ServerResponse.prototype._final = function (cb) {
    this._start();
    if (this._controller) this._controller.close();
    cb();
  };
  ServerResponse.prototype._destroy = function (err, cb) {
    if (this._controller && err) { try { this._controller.error(err); } catch {} }
    cb(err);
  };

  // --- Server -----------------------------------------------------------------
  function Server(options, requestListener) {
    if (!(this instanceof Server)) return new Server(options, requestListener);
    if (typeof options === "function") { requestListener = options; options = {}; }
    EventEmitter.call(this);
    this.httpAllowHalfOpen = false;
    this.timeout = 0;
    this.maxHeadersCount = null;
    this.maxRequestsPerSocket = 0;
    this.headersTimeout = 60000;
    this.keepAliveTimeout = 5000;
    this.requestTimeout = 300000;
    this.listening = false;
    this._port = null;
    if (requestListener) this.on("request", requestListener);
  }
  inherits(Server, EventEmitter);
  Server.prototype.listen = function (...args) {
    let port = args[0], cb = args.find((a) => typeof a === "function");
    if (port && typeof port === "object") port = port.port;
    if (port === undefined || port === null || typeof port === "function") port = 0;
    port = Number(port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw E.make(RangeError, "ERR_SOCKET_BAD_PORT", `options.port should be >= 0 and < 65536. Received ${args[0]}.`);
    if (port === 0) { port = 1024; while (servers.has(port)) port++; }
    if (servers.has(port) && servers.get(port) !== this) {
      const err = E.make(Error, "EADDRINUSE", `listen EADDRINUSE: address already in use :::${port}`);
      queueMicrotask(() => this.emit("error", err));
      return this;
    }
    servers.set(port, this);
    this._port = port;
    this.listening = true;
    if (cb) this.once("listening", cb);
    queueMicrotask(() => this.emit("listening"));
    return this;
  };
  Server.prototype.close = function (cb) {
    if (this._port !== null && servers.get(this._port) === this) servers.delete(this._port);
    this.listening = false;
    this._port = null;
    queueMicrotask(() => { this.emit("close"); if (cb) cb(); });
    return this;
  };
  Server.prototype.address = function () { return this._port === null ? null : { port: this._port, family: "IPv4", address: "127.0.0.1" }; };
  Server.prototype.setTimeout = function (ms, cb) { this.timeout = ms; if (cb) this.on("timeout", cb); return this; };
  Server.prototype.closeAllConnections = function () {};
  Server.prototype.closeIdleConnections = function () {};
  Server.prototype.ref = Server.prototype.unref = function () { return this; };
  function createServer(options, listener) { return new Server(options, listener); }

  function portOf(x) {
    if (x instanceof Server) return x._port;
    if (x && typeof x === "object") {
      if (x.port !== undefined) return Number(x.port);
      if (typeof x.address === "function" && x.address()) return x.address().port;
    }
    return Number(x);
  }
  function handleAsNodeRequest(port, request) {
    const server = servers.get(port);
    if (!server) throw new Error(`Http server with port ${port} not found. This is likely a bug with your code. You should check if server.listen() was called with the same port (${port})`);
    const url = new URL(request.url);
    const req = new IncomingMessage();
    req.method = request.method;
    req.url = url.pathname + url.search;
    fillIncoming(req, request.headers);
    if (request.body) req._reader = request.body.getReader();
    return new Promise((resolve, reject) => {
      const res = new ServerResponse(req, resolve);
      res.on("error", reject);
      server.emit("request", req, res);
    });
  }
  function httpServerHandler(portOrServer) {
    const port = portOf(portOrServer);
    if (!Number.isInteger(port)) throw E.ERR_INVALID_ARG_TYPE("port", ["number", "Server"], portOrServer);
    return { async fetch(request) { return handleAsNodeRequest(port, request); } };
  }

  // --- client: fetch underneath ---------------------------------------------
  function Agent(options) {
    if (!(this instanceof Agent)) return new Agent(options);
    EventEmitter.call(this);
    this.defaultPort = 80; this.protocol = "http:"; this.options = { ...options };
    this.keepAliveMsecs = 1000; this.keepAlive = false; this.maxSockets = Infinity; this.maxFreeSockets = 256;
    this.requests = {}; this.sockets = {}; this.freeSockets = {};
  }
  inherits(Agent, EventEmitter);
  Agent.prototype.destroy = function () {};
  const globalAgent = new Agent();

  function ClientRequest(input, options, cb, defaultProtocol) {
    OutgoingMessage.call(this);
    if (typeof input === "string" || input instanceof URL) {
      const u = new URL(String(input));
      input = { protocol: u.protocol, hostname: u.hostname, port: u.port, path: u.pathname + u.search, auth: u.username ? `${u.username}:${u.password}` : undefined };
    }
    if (typeof options === "function") { cb = options; options = undefined; }
    const o = { ...input, ...options };
    this.method = (o.method || "GET").toUpperCase();
    this.path = o.path || "/";
    this.host = o.hostname || (o.host ? String(o.host).split(":")[0] : "localhost");
    this.protocol = o.protocol || defaultProtocol;
    this.port = o.port;
    this._chunks = [];
    if (o.headers) for (const k of Object.keys(o.headers)) this.setHeader(k, o.headers[k]);
    if (o.auth && !this.hasHeader("authorization")) this.setHeader("Authorization", "Basic " + btoa(o.auth));
    this._signal = o.signal;
    if (cb) this.once("response", cb);
  }
  inherits(ClientRequest, OutgoingMessage);
  ClientRequest.prototype._write = function (chunk, enc, cb) { this._chunks.push(chunk); cb(); };
  ClientRequest.prototype._final = function (cb) {
    this.headersSent = true;
    const headers = new Headers();
    for (const [, [name, value]] of this[kHeaders]) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, String(v)); else headers.append(name, String(value));
    }
    const port = this.port ? `:${this.port}` : "";
    const url = `${this.protocol}//${this.host}${port}${this.path}`;
    const body = this._chunks.length && this.method !== "GET" && this.method !== "HEAD" ? Buffer.concat(this._chunks) : undefined;
    fetch(url, { method: this.method, headers, body, signal: this._signal, redirect: "manual" }).then((r) => {
      const msg = new IncomingMessage();
      msg.statusCode = r.status;
      msg.statusMessage = r.statusText;
      fillIncoming(msg, r.headers);
      if (r.body) msg._reader = r.body.getReader();
      msg.req = this;
      this.res = msg;
      this.emit("response", msg);
      cb();
    }, (err) => { cb(); this.destroy(err); });
  };
  ClientRequest.prototype.abort = function () { this.aborted = true; this.destroy(); };
  ClientRequest.prototype.setNoDelay = ClientRequest.prototype.setSocketKeepAlive = function () {};
  function request(url, options, cb) { return new ClientRequest(url, options, cb, "http:"); }
  function get(url, options, cb) { const r = request(url, options, cb); r.end(); return r; }

  function notImplemented(name) { return function () { throw E.ERR_METHOD_NOT_IMPLEMENTED(name); }; }

  const http = {
    Agent, ClientRequest, IncomingMessage, OutgoingMessage, Server, ServerResponse, METHODS, STATUS_CODES,
    createServer, get, request, globalAgent, maxHeaderSize: 16384, validateHeaderName, validateHeaderValue,
    setMaxIdleHTTPParsers(max) { if (typeof max !== "number") throw E.ERR_INVALID_ARG_TYPE("max", "number", max); },
    _connectionListener: notImplemented("_connectionListener"),
    WebSocket: globalThis.WebSocket, CloseEvent: globalThis.CloseEvent, MessageEvent: globalThis.MessageEvent,
  };
  http.default = http;
  const httpsAgent = new Agent(); httpsAgent.defaultPort = 443; httpsAgent.protocol = "https:";
  const https = {
    Agent, Server, createServer, globalAgent: httpsAgent,
    request: (url, options, cb) => new ClientRequest(url, options, cb, "https:"),
    get(url, options, cb) { const r = https.request(url, options, cb); r.end(); return r; },
  };
  https.default = https;
  const cloudflareNode = { httpServerHandler, handleAsNodeRequest };
  cloudflareNode.default = cloudflareNode;
  return { http, https, cloudflareNode };
})
