// node:path, after Node's lib/path.js: posix in full (what workerd exports
// as node:path and node:path/posix). path.win32 is the posix object's
// sibling with "\\" and ";" but knowingly only for the simple cases:
// drive letters and UNC roots are not parsed (workerd ports Node's win32
// in full; a worker rarely needs it).
(function (native) {
  "use strict";
  const { validators } = native.internal.errors;
  const { validateString, validateObject } = validators;
  const CHAR_DOT = 46, CHAR_FORWARD_SLASH = 47;

  function normalizeString(path, allowAboveRoot, separator, isPathSeparator) {
    let res = "";
    let lastSegmentLength = 0;
    let lastSlash = -1;
    let dots = 0;
    let code = 0;
    for (let i = 0; i <= path.length; ++i) {
      if (i < path.length) code = path.charCodeAt(i);
      else if (isPathSeparator(code)) break;
      else code = CHAR_FORWARD_SLASH;
      if (isPathSeparator(code)) {
        if (lastSlash === i - 1 || dots === 1) {
          // NOOP
        } else if (dots === 2) {
          if (res.length < 2 || lastSegmentLength !== 2 || res.charCodeAt(res.length - 1) !== CHAR_DOT || res.charCodeAt(res.length - 2) !== CHAR_DOT) {
            if (res.length > 2) {
              const lastSlashIndex = res.lastIndexOf(separator);
              if (lastSlashIndex === -1) {
                res = "";
                lastSegmentLength = 0;
              } else {
                res = res.slice(0, lastSlashIndex);
                lastSegmentLength = res.length - 1 - res.lastIndexOf(separator);
              }
              lastSlash = i;
              dots = 0;
              continue;
            } else if (res.length !== 0) {
              res = "";
              lastSegmentLength = 0;
              lastSlash = i;
              dots = 0;
              continue;
            }
          }
          if (allowAboveRoot) {
            res += res.length > 0 ? `${separator}..` : "..";
            lastSegmentLength = 2;
          }
        } else {
          if (res.length > 0) res += `${separator}${path.slice(lastSlash + 1, i)}`;
          else res = path.slice(lastSlash + 1, i);
          lastSegmentLength = i - lastSlash - 1;
        }
        lastSlash = i;
        dots = 0;
      } else if (code === CHAR_DOT && dots !== -1) {
        ++dots;
      } else {
        dots = -1;
      }
    }
    return res;
  }

  function _format(sep, pathObject) {
    validateObject(pathObject, "pathObject");
    const dir = pathObject.dir || pathObject.root;
    const base = pathObject.base || `${pathObject.name || ""}${formatExt(pathObject.ext)}`;
    if (!dir) return base;
    return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
  }
  function formatExt(ext) { return ext ? `${ext[0] === "." ? "" : "."}${ext}` : ""; }

  function make(sep, delimiter) {
    const isSep = (code) => code === CHAR_FORWARD_SLASH || (sep === "\\" && code === 92);
    const isAbs = (p) => p.length > 0 && isSep(p.charCodeAt(0));
    const api = {
      resolve(...args) {
        let resolvedPath = "";
        let resolvedAbsolute = false;
        for (let i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
          const path = i >= 0 ? args[i] : "/";
          validateString(path, `paths[${i}]`);
          if (path.length === 0) continue;
          resolvedPath = `${path}${sep}${resolvedPath}`;
          resolvedAbsolute = isSep(path.charCodeAt(0));
        }
        resolvedPath = normalizeString(resolvedPath, !resolvedAbsolute, sep, isSep);
        if (resolvedAbsolute) return `${sep}${resolvedPath}`;
        return resolvedPath.length > 0 ? resolvedPath : ".";
      },
      normalize(path) {
        validateString(path, "path");
        if (path.length === 0) return ".";
        const isAbsolute = isSep(path.charCodeAt(0));
        const trailingSeparator = isSep(path.charCodeAt(path.length - 1));
        path = normalizeString(path, !isAbsolute, sep, isSep);
        if (path.length === 0) {
          if (isAbsolute) return sep;
          return trailingSeparator ? `.${sep}` : ".";
        }
        if (trailingSeparator) path += sep;
        return isAbsolute ? `${sep}${path}` : path;
      },
      isAbsolute(path) {
        validateString(path, "path");
        return isAbs(path);
      },
      join(...args) {
        if (args.length === 0) return ".";
        let joined;
        for (let i = 0; i < args.length; ++i) {
          const arg = args[i];
          validateString(arg, "path");
          if (arg.length > 0) {
            if (joined === undefined) joined = arg;
            else joined += `${sep}${arg}`;
          }
        }
        if (joined === undefined) return ".";
        return api.normalize(joined);
      },
      relative(from, to) {
        validateString(from, "from");
        validateString(to, "to");
        if (from === to) return "";
        from = api.resolve(from);
        to = api.resolve(to);
        if (from === to) return "";
        const fromStart = 1;
        const fromEnd = from.length;
        const fromLen = fromEnd - fromStart;
        const toStart = 1;
        const toLen = to.length - toStart;
        const length = fromLen < toLen ? fromLen : toLen;
        let lastCommonSep = -1;
        let i = 0;
        for (; i < length; i++) {
          const fromCode = from.charCodeAt(fromStart + i);
          if (fromCode !== to.charCodeAt(toStart + i)) break;
          else if (isSep(fromCode)) lastCommonSep = i;
        }
        if (i === length) {
          if (toLen > length) {
            if (isSep(to.charCodeAt(toStart + i))) return to.slice(toStart + i + 1);
            if (i === 0) return to.slice(toStart + i);
          } else if (fromLen > length) {
            if (isSep(from.charCodeAt(fromStart + i))) lastCommonSep = i;
            else if (i === 0) lastCommonSep = 0;
          }
        }
        let out = "";
        for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
          if (i === fromEnd || isSep(from.charCodeAt(i))) out += out.length === 0 ? ".." : `${sep}..`;
        }
        return `${out}${to.slice(toStart + lastCommonSep)}`;
      },
      toNamespacedPath(path) { return path; },
      dirname(path) {
        validateString(path, "path");
        if (path.length === 0) return ".";
        const hasRoot = isSep(path.charCodeAt(0));
        let end = -1;
        let matchedSlash = true;
        for (let i = path.length - 1; i >= 1; --i) {
          if (isSep(path.charCodeAt(i))) {
            if (!matchedSlash) {
              end = i;
              break;
            }
          } else {
            matchedSlash = false;
          }
        }
        if (end === -1) return hasRoot ? sep : ".";
        if (hasRoot && end === 1) return `${sep}${sep}`;
        return path.slice(0, end);
      },
      basename(path, suffix) {
        if (suffix !== undefined) validateString(suffix, "suffix");
        validateString(path, "path");
        let start = 0;
        let end = -1;
        let matchedSlash = true;
        if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
          if (suffix === path) return "";
          let extIdx = suffix.length - 1;
          let firstNonSlashEnd = -1;
          for (let i = path.length - 1; i >= 0; --i) {
            const code = path.charCodeAt(i);
            if (isSep(code)) {
              if (!matchedSlash) {
                start = i + 1;
                break;
              }
            } else {
              if (firstNonSlashEnd === -1) {
                matchedSlash = false;
                firstNonSlashEnd = i + 1;
              }
              if (extIdx >= 0) {
                if (code === suffix.charCodeAt(extIdx)) {
                  if (--extIdx === -1) end = i;
                } else {
                  extIdx = -1;
                  end = firstNonSlashEnd;
                }
              }
            }
          }
          if (start === end) end = firstNonSlashEnd;
          else if (end === -1) end = path.length;
          return path.slice(start, end);
        }
        for (let i = path.length - 1; i >= 0; --i) {
          if (isSep(path.charCodeAt(i))) {
            if (!matchedSlash) {
              start = i + 1;
              break;
            }
          } else if (end === -1) {
            matchedSlash = false;
            end = i + 1;
          }
        }
        if (end === -1) return "";
        return path.slice(start, end);
      },
      extname(path) {
        validateString(path, "path");
        let startDot = -1;
        let startPart = 0;
        let end = -1;
        let matchedSlash = true;
        let preDotState = 0;
        for (let i = path.length - 1; i >= 0; --i) {
          const code = path.charCodeAt(i);
          if (isSep(code)) {
            if (!matchedSlash) {
              startPart = i + 1;
              break;
            }
            continue;
          }
          if (end === -1) {
            matchedSlash = false;
            end = i + 1;
          }
          if (code === CHAR_DOT) {
            if (startDot === -1) startDot = i;
            else if (preDotState !== 1) preDotState = 1;
          } else if (startDot !== -1) {
            preDotState = -1;
          }
        }
        if (startDot === -1 || end === -1 || preDotState === 0 ||
            (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) {
          return "";
        }
        return path.slice(startDot, end);
      },
      format: _format.bind(null, sep),
      parse(path) {
        validateString(path, "path");
        const ret = { root: "", dir: "", base: "", ext: "", name: "" };
        if (path.length === 0) return ret;
        const isAbsolute = isSep(path.charCodeAt(0));
        let start;
        if (isAbsolute) {
          ret.root = sep;
          start = 1;
        } else {
          start = 0;
        }
        let startDot = -1;
        let startPart = 0;
        let end = -1;
        let matchedSlash = true;
        let i = path.length - 1;
        let preDotState = 0;
        for (; i >= start; --i) {
          const code = path.charCodeAt(i);
          if (isSep(code)) {
            if (!matchedSlash) {
              startPart = i + 1;
              break;
            }
            continue;
          }
          if (end === -1) {
            matchedSlash = false;
            end = i + 1;
          }
          if (code === CHAR_DOT) {
            if (startDot === -1) startDot = i;
            else if (preDotState !== 1) preDotState = 1;
          } else if (startDot !== -1) {
            preDotState = -1;
          }
        }
        if (end !== -1) {
          const start2 = startPart === 0 && isAbsolute ? 1 : startPart;
          if (startDot === -1 || preDotState === 0 ||
              (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) {
            ret.base = ret.name = path.slice(start2, end);
          } else {
            ret.name = path.slice(start2, startDot);
            ret.base = path.slice(start2, end);
            ret.ext = path.slice(startDot, end);
          }
        }
        if (startPart > 0) ret.dir = path.slice(0, startPart - 1);
        else if (isAbsolute) ret.dir = sep;
        return ret;
      },
      matchesGlob() { throw new Error("path.matchesGlob() is not implemented."); },
      sep,
      delimiter,
      win32: null,
      posix: null,
    };
    return api;
  }
  const posix = make("/", ":");
  const win32 = make("\\", ";");
  posix.win32 = win32.win32 = win32;
  posix.posix = win32.posix = posix;
  return posix;
})
