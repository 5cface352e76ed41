// A stand-in node:string_decoder until the real one lands from the nodecore
// branch; the merge replaces its registry line.
(function (native) {
  "use strict";
  const concat = (a, b) => { const o = new Uint8Array(a.length + b.length); o.set(a, 0); o.set(b, a.length); return o; };
  class StringDecoder {
    constructor(enc) { this.encoding = native.encoding(enc || "utf8") || "utf8"; this.pending = new Uint8Array(0); }
    write(b) {
      if (typeof b === "string") return b;
      const all = this.pending.length ? concat(this.pending, b) : b;
      let end = all.length;
      if (this.encoding === "utf8") {
        let i = end - 1;
        while (i >= 0 && i >= end - 4 && (all[i] & 0xc0) === 0x80) i--;
        if (i >= 0) { const c = all[i]; const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1; if (end - i < need) end = i; }
      } else if (this.encoding === "utf16le") end -= end % 2;
      else if (this.encoding === "base64" || this.encoding === "base64url") end -= end % 3;
      this.pending = all.slice(end);
      return native.str(all.subarray(0, end), this.encoding);
    }
    end(b) { let s = b ? this.write(b) : ""; if (this.pending.length) { s += native.str(this.pending, this.encoding); this.pending = new Uint8Array(0); } return s; }
  }
  return { string_decoder: { StringDecoder } };
})
