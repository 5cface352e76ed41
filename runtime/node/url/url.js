// node:url as workerd gives it (src/node/url.ts, internal_url.ts,
// legacy_url.ts): URL and URLSearchParams (the globals), fileURLToPath,
// pathToFileURL, urlToHttpOptions, domainToASCII/Unicode, and the legacy
// parse/format/resolve with Url objects. Knowingly simpler than Node:
// resolve/resolveObject resolve through WHATWG URL when the base has a
// protocol, and by path segments otherwise.
(function (native) {
  "use strict";
  const { codes, validators } = native.internal.errors;
  const { validateString, validateObject } = validators;
  const qs = native.querystring;
  const path = native.path;
  const { URL, URLSearchParams } = globalThis;

  const slashedProtocol = new Set(["http", "http:", "https", "https:", "ftp", "ftp:", "gopher", "gopher:", "file", "file:", "ws", "ws:", "wss", "wss:"]);
  const hostlessProtocol = new Set(["javascript", "javascript:"]);
  const unsafeProtocol = new Set(["javascript", "javascript:"]);

  function encodePathChars(filepath, windows) {
    const map = { "%": "%25", "\t": "%09", "\n": "%0A", "\r": "%0D", " ": "%20", '"': "%22", "#": "%23", "?": "%3F",
      "[": "%5B", "]": "%5D", "^": "%5E", "|": "%7C", "~": "%7E" };
    let out = "";
    for (const ch of filepath) {
      if (ch === "\\" && !windows) out += "%5C";
      else out += map[ch] || ch;
    }
    return out;
  }
  function isURL(self) {
    return Boolean(self && self.href && self.protocol && self.auth === undefined && self.path === undefined);
  }
  function fileURLToPath(input, options) {
    const windows = options && options.windows;
    let u;
    if (typeof input === "string") u = new URL(input);
    else if (!isURL(input)) throw codes.ERR_INVALID_ARG_TYPE("path", ["string", "URL"], input);
    else u = input;
    if (u.protocol !== "file:") throw codes.ERR_INVALID_URL_SCHEME("file");
    if (windows) {
      let pathname = u.pathname;
      if (/%2f|%5c/i.test(pathname)) throw codes.ERR_INVALID_FILE_URL_PATH("must not include encoded \\ or / characters");
      pathname = decodeURIComponent(pathname.replace(/\//g, "\\"));
      if (u.hostname !== "") return `\\\\${u.hostname}${pathname}`;
      const letter = pathname.codePointAt(1) | 0x20;
      if (letter < 97 || letter > 122 || pathname.charAt(2) !== ":") throw codes.ERR_INVALID_FILE_URL_PATH("must be absolute");
      return pathname.slice(1);
    }
    if (u.hostname !== "") throw codes.ERR_INVALID_FILE_URL_HOST("linux");
    if (/%2f/i.test(u.pathname)) throw codes.ERR_INVALID_FILE_URL_PATH("must not include encoded / characters");
    return decodeURIComponent(u.pathname);
  }
  function pathToFileURL(filepath, options) {
    const windows = options && options.windows;
    if (typeof filepath !== "string") throw codes.ERR_INVALID_ARG_TYPE("filepath", "string", filepath);
    const p = windows ? path.win32 : path.posix;
    let resolved = p.resolve(filepath);
    const last = filepath.charCodeAt(filepath.length - 1);
    if ((last === 47 || (windows && last === 92)) && resolved[resolved.length - 1] !== p.sep) resolved += "/";
    return new URL(`file://${encodePathChars(resolved, windows)}`);
  }
  function toPathIfFileURL(fileURLOrPath) {
    if (!isURL(fileURLOrPath)) return fileURLOrPath;
    return fileURLToPath(fileURLOrPath);
  }
  function urlToHttpOptions(url) {
    const { hostname, pathname, port, username, password, search } = url;
    const options = {
      __proto__: null, ...url, protocol: url.protocol,
      hostname: hostname && hostname[0] === "[" ? hostname.slice(1, -1) : hostname,
      hash: url.hash, search, pathname, path: `${pathname || ""}${search || ""}`, href: url.href,
    };
    if (port !== "") options.port = Number(port);
    if (username || password) options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
    return options;
  }
  function domainToASCII(domain) {
    if (arguments.length < 1) throw codes.ERR_MISSING_ARGS("domain");
    try { return new URL(`ws://${domain}`).hostname; } catch { return ""; }
  }
  function domainToUnicode(domain) {
    if (arguments.length < 1) throw codes.ERR_MISSING_ARGS("domain");
    return native.toUnicode(`${domain}`);
  }

  // --- the legacy API ---
  const protocolPattern = /^[a-z0-9.+-]+:/i;
  const portPattern = /:[0-9]*$/;
  const hostPattern = /^\/\/[^@/]+@[^@/]+/;
  const simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
  const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
  const forbiddenHostCharsIpv6 = /[\0\t\n\r #%/<>?@\\^|]/;
  const escapedCodes = { 9: "%09", 10: "%0A", 13: "%0D", 32: "%20", 34: "%22", 39: "%27", 60: "%3C", 62: "%3E", 92: "%5C", 94: "%5E", 96: "%60", 123: "%7B", 124: "%7C", 125: "%7D" };
  function autoEscapeStr(rest) {
    let escaped = "";
    let lastEscapedPos = 0;
    for (let i = 0; i < rest.length; ++i) {
      const e = escapedCodes[rest.charCodeAt(i)];
      if (e) {
        if (i > lastEscapedPos) escaped += rest.slice(lastEscapedPos, i);
        escaped += e;
        lastEscapedPos = i + 1;
      }
    }
    if (lastEscapedPos === 0) return rest;
    if (lastEscapedPos < rest.length) escaped += rest.slice(lastEscapedPos);
    return escaped;
  }
  const isIpv6Hostname = (h) => h.charCodeAt(0) === 91 && h.charCodeAt(h.length - 1) === 93;
  function getHostname(self, rest, hostname) {
    for (let i = 0; i < hostname.length; ++i) {
      const code = hostname.charCodeAt(i);
      if (code === 47 || code === 92 || code === 35 || code === 63 || code === 58) {
        self.hostname = hostname.slice(0, i);
        return `/${hostname.slice(i)}${rest}`;
      }
    }
    return rest;
  }

  function Url() {
    this.protocol = null; this.slashes = null; this.auth = null; this.host = null; this.port = null;
    this.hostname = null; this.hash = null; this.search = null; this.query = null; this.pathname = null;
    this.path = null; this.href = null;
  }
  Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
    validateString(url, "url");
    let hasHash = false;
    let hasAt = false;
    let start = -1;
    let end = -1;
    let rest = "";
    let lastPos = 0;
    for (let i = 0, inWs = false, split = false; i < url.length; ++i) {
      const code = url.charCodeAt(i);
      const isWs = code < 33 || code === 0xa0 || code === 0xfeff;
      if (start === -1) {
        if (isWs) continue;
        lastPos = start = i;
      } else if (inWs) {
        if (!isWs) { end = -1; inWs = false; }
      } else if (isWs) {
        end = i;
        inWs = true;
      }
      if (!split) {
        switch (code) {
          case 64: hasAt = true; break;
          case 35: hasHash = true; split = true; break;
          case 63: split = true; break;
          case 92:
            if (i - lastPos > 0) rest += url.slice(lastPos, i);
            rest += "/";
            lastPos = i + 1;
            break;
        }
      } else if (!hasHash && code === 35) {
        hasHash = true;
      }
    }
    if (start !== -1) {
      if (lastPos === start) {
        if (end === -1) rest = start === 0 ? url : url.slice(start);
        else rest = url.slice(start, end);
      } else if (end === -1 && lastPos < url.length) {
        rest += url.slice(lastPos);
      } else if (end !== -1 && lastPos < end) {
        rest += url.slice(lastPos, end);
      }
    }
    if (!slashesDenoteHost && !hasHash && !hasAt) {
      const simplePath = simplePathPattern.exec(rest);
      if (simplePath) {
        this.path = rest;
        this.href = rest;
        this.pathname = simplePath[1];
        if (simplePath[2]) {
          this.search = simplePath[2];
          this.query = parseQueryString ? qs.parse(this.search.slice(1)) : this.search.slice(1);
        } else if (parseQueryString) {
          this.search = null;
          this.query = { __proto__: null };
        }
        return this;
      }
    }
    let proto = protocolPattern.exec(rest);
    let lowerProto;
    if (proto) {
      proto = proto[0];
      lowerProto = proto.toLowerCase();
      this.protocol = lowerProto;
      rest = rest.slice(proto.length);
    }
    let slashes;
    if (slashesDenoteHost || proto || hostPattern.test(rest)) {
      slashes = rest.charCodeAt(0) === 47 && rest.charCodeAt(1) === 47;
      if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
        rest = rest.slice(2);
        this.slashes = true;
      }
    }
    if (!hostlessProtocol.has(lowerProto) && (slashes || (proto && !slashedProtocol.has(proto)))) {
      let hostEnd = -1;
      let atSign = -1;
      let nonHost = -1;
      for (let i = 0; i < rest.length; ++i) {
        switch (rest.charCodeAt(i)) {
          case 9: case 10: case 13:
            rest = rest.slice(0, i) + rest.slice(i + 1);
            i -= 1;
            break;
          case 32: case 34: case 37: case 39: case 59: case 60: case 62: case 92: case 94: case 96: case 123: case 124: case 125:
            if (nonHost === -1) nonHost = i;
            break;
          case 35: case 47: case 63:
            if (nonHost === -1) nonHost = i;
            hostEnd = i;
            break;
          case 64:
            atSign = i;
            nonHost = -1;
            break;
        }
        if (hostEnd !== -1) break;
      }
      start = 0;
      if (atSign !== -1) {
        this.auth = decodeURIComponent(rest.slice(0, atSign));
        start = atSign + 1;
      }
      if (nonHost === -1) {
        this.host = rest.slice(start);
        rest = "";
      } else {
        this.host = rest.slice(start, nonHost);
        rest = rest.slice(nonHost);
      }
      this.parseHost();
      if (typeof this.hostname !== "string") this.hostname = "";
      const hostname = this.hostname;
      const ipv6Hostname = isIpv6Hostname(hostname);
      if (!ipv6Hostname) rest = getHostname(this, rest, hostname);
      if (this.hostname.length > 255) this.hostname = "";
      else this.hostname = this.hostname.toLowerCase();
      if (this.hostname !== "") {
        if (ipv6Hostname) {
          if (forbiddenHostCharsIpv6.test(this.hostname)) throw codes.ERR_INVALID_URL(url);
        } else {
          this.hostname = domainToASCII(this.hostname) || this.hostname;
          if (this.hostname === "" || forbiddenHostChars.test(this.hostname)) throw codes.ERR_INVALID_URL(url);
        }
      }
      const p = this.port ? ":" + this.port : "";
      const h = this.hostname || "";
      this.host = h + p;
      if (ipv6Hostname) {
        this.hostname = this.hostname.slice(1, -1);
        if (rest[0] !== "/") rest = "/" + rest;
      }
    }
    if (!unsafeProtocol.has(lowerProto)) rest = autoEscapeStr(rest);
    let questionIdx = -1;
    let hashIdx = -1;
    for (let i = 0; i < rest.length; ++i) {
      const code = rest.charCodeAt(i);
      if (code === 35) {
        this.hash = rest.slice(i);
        hashIdx = i;
        break;
      } else if (code === 63 && questionIdx === -1) {
        questionIdx = i;
      }
    }
    if (questionIdx !== -1) {
      if (hashIdx === -1) {
        this.search = rest.slice(questionIdx);
        this.query = rest.slice(questionIdx + 1);
      } else {
        this.search = rest.slice(questionIdx, hashIdx);
        this.query = rest.slice(questionIdx + 1, hashIdx);
      }
      if (parseQueryString) this.query = qs.parse(this.query);
    } else if (parseQueryString) {
      this.search = null;
      this.query = { __proto__: null };
    }
    const useQuestionIdx = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx);
    const firstIdx = useQuestionIdx ? questionIdx : hashIdx;
    if (firstIdx === -1) {
      if (rest.length > 0) this.pathname = rest;
    } else if (firstIdx > 0) {
      this.pathname = rest.slice(0, firstIdx);
    }
    if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) this.pathname = "/";
    if (this.pathname || this.search) this.path = (this.pathname || "") + (this.search || "");
    this.href = this.format();
    return this;
  };
  Url.prototype.parseHost = function parseHost() {
    let host = this.host;
    let port = portPattern.exec(host);
    if (port) {
      port = port[0];
      if (port !== ":") this.port = port.slice(1);
      host = host.slice(0, host.length - port.length);
    }
    if (host) this.hostname = host;
  };
  const noEscapeAuth = /[A-Za-z0-9!'()*\-._~;:&=+$,]/;
  function encodeAuth(s) {
    let out = "";
    for (const ch of s) out += noEscapeAuth.test(ch) ? ch : encodeURIComponent(ch);
    return out;
  }
  Url.prototype.format = function format() {
    let auth = this.auth || "";
    if (auth) {
      auth = encodeAuth(auth);
      auth += "@";
    }
    let protocol = this.protocol || "";
    let pathname = this.pathname || "";
    let hash = this.hash || "";
    let host = "";
    let query = "";
    if (this.host) {
      host = auth + this.host;
    } else if (this.hostname) {
      host = auth + (this.hostname.includes(":") && !isIpv6Hostname(this.hostname) ? "[" + this.hostname + "]" : this.hostname);
      if (this.port) host += ":" + this.port;
    }
    if (this.query !== null && typeof this.query === "object") query = qs.stringify(this.query);
    let search = this.search || (query && "?" + query) || "";
    if (protocol && protocol.charCodeAt(protocol.length - 1) !== 58) protocol += ":";
    pathname = pathname.replace(/#/g, "%23").replace(/\?/g, "%3F");
    if (this.slashes || slashedProtocol.has(protocol)) {
      if (this.slashes || host) {
        if (pathname && pathname.charCodeAt(0) !== 47) pathname = "/" + pathname;
        host = "//" + host;
      } else if (protocol.length >= 4 && protocol.startsWith("file")) {
        host = "//";
      }
    }
    search = search.replace(/#/g, "%23");
    if (hash && hash.charCodeAt(0) !== 35) hash = "#" + hash;
    if (search && search.charCodeAt(0) !== 63) search = "?" + search;
    return protocol + host + pathname + search + hash;
  };
  Url.prototype.resolve = function resolve(relative) {
    return resolveHref(this.format(), relative);
  };
  Url.prototype.resolveObject = function resolveObject(relative) {
    const rel = typeof relative === "string" ? relative : Url.prototype.format.call(relative);
    return urlParse(resolveHref(this.format(), rel), false, true);
  };
  function resolveHref(from, to) {
    if (protocolPattern.test(from)) {
      try { return new URL(to, from).href; } catch { /* fall through */ }
    }
    if (protocolPattern.test(to) || to.startsWith("//")) return urlParse(to, false, true).format();
    const hashOrQuery = /^[?#]/.test(to);
    if (hashOrQuery) return from.replace(to[0] === "#" ? /#.*$/ : /[?#].*$/, "") + to;
    const base = to.startsWith("/") ? "" : from.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
    const joined = path.posix.normalize(base + to);
    return to.endsWith("/") && !joined.endsWith("/") ? joined + "/" : joined;
  }

  function urlParse(url, parseQueryString, slashesDenoteHost) {
    if (url instanceof Url) return url;
    const urlObject = new Url();
    urlObject.parse(url, parseQueryString, slashesDenoteHost);
    return urlObject;
  }
  function urlFormat(urlObject, options) {
    if (typeof urlObject === "string") {
      urlObject = urlParse(urlObject);
    } else if (typeof urlObject !== "object" || urlObject === null) {
      throw codes.ERR_INVALID_ARG_TYPE("urlObject", ["Object", "string"], urlObject);
    } else if (urlObject instanceof URL) {
      let fragment = true, unicode = false, search = true, auth = true;
      if (options) {
        validateObject(options, "options");
        if (options.fragment != null) fragment = Boolean(options.fragment);
        if (options.unicode != null) unicode = Boolean(options.unicode);
        if (options.search != null) search = Boolean(options.search);
        if (options.auth != null) auth = Boolean(options.auth);
      }
      const u = new URL(urlObject.href);
      if (!fragment) u.hash = "";
      if (!search) u.search = "";
      if (!auth) { u.username = ""; u.password = ""; }
      let href = u.href;
      if (unicode && u.hostname) href = href.replace(u.hostname, domainToUnicode(u.hostname));
      return href;
    }
    return Url.prototype.format.call(urlObject);
  }
  function urlResolve(source, relative) { return urlParse(source, false, true).resolve(relative); }
  function urlResolveObject(source, relative) {
    if (!source) return relative;
    return urlParse(source, false, true).resolveObject(relative);
  }

  return {
    domainToASCII, domainToUnicode, URL, URLSearchParams, fileURLToPath, pathToFileURL, toPathIfFileURL,
    urlToHttpOptions, format: urlFormat, parse: urlParse, resolve: urlResolve, resolveObject: urlResolveObject, Url,
  };
})
