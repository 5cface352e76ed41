// node runtime/node/testdata/record_modules.js > runtime/node/testdata/modules_node.json
const fs = require("fs");
const path = require("path");
const util = require("util");
process.chdir("/");
const corpus = eval(fs.readFileSync(path.join(__dirname, "modules_corpus.js"), "utf8"));
const out = {};
for (const [name, fn] of corpus) {
  try { out[name] = util.inspect(fn(require), { depth: 6, breakLength: Infinity }); } catch (e) { out[name] = `THROWS ${e.name} ${e.code}: ${e.message}`; }
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
