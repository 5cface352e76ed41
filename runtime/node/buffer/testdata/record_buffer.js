// Records what Node does for each case in buffer_corpus.js:
//   node runtime/node/buffer/testdata/record_buffer.js > runtime/node/buffer/testdata/buffer_node.json
// (Node v20.20.2; where workerd differs from Node the expectation is
// edited by hand and the case named in buffer_test.go's workerd table.)
const fs = require("fs");
const path = require("path");
const util = require("util");
globalThis.__edgedev_import_or_require = require;
const corpus = eval(fs.readFileSync(path.join(__dirname, "buffer_corpus.js"), "utf8"));
const out = {};
for (const [name, fn] of corpus) {
  try {
    out[name] = util.inspect(fn(), { depth: 4, breakLength: Infinity });
  } catch (e) {
    out[name] = `THROWS ${e.name} ${e.code}: ${e.message}`;
  }
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
