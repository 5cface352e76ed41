// Records what Node's util.inspect prints for each corpus value:
//   node runtime/node/util/testdata/record_inspect.js > runtime/node/util/testdata/inspect_node.json
// (recorded with Node v20.20.2, the node installed on the dev machine).
const fs = require("fs");
const path = require("path");
const util = require("util");
const corpus = eval(fs.readFileSync(path.join(__dirname, "inspect_corpus.js"), "utf8"));
const out = {};
for (const [name, make, opts] of corpus) out[name] = opts ? util.inspect(make(), opts) : util.inspect(make());
out["format"] = [
  util.format("%s is %d years and %i, %f", "Ann", 42.5, 42.5, "1.5"),
  util.format("%j %o", { a: [1] }, [1]),
  util.format("%O %%", { a: { b: { c: {} } } }),
  util.format("no args %s"),
  util.format("%s", { toString() { return "custom"; } }),
  util.format("%s", new Map([[1, 2]])),
  util.format(1, "two", { three: 3 }),
  util.format("%c styled", "color: red"),
  util.format("%s", null, undefined, -0, 5n),
].join("\n");
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
