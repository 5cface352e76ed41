// globalThis's aliases and engine-level symbols a worker's code expects
// (self.go). goja lacks Symbol.asyncIterator; esbuild's helpers fall back to
// the registered symbol Symbol.for("Symbol.asyncIterator"), so defining it
// as that symbol keeps both sides in agreement (streams.js does the same if
// it runs first).
(function () {
  "use strict";
  if (!Symbol.asyncIterator) Object.defineProperty(Symbol, "asyncIterator", { value: Symbol.for("Symbol.asyncIterator") });
});
