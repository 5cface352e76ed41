// node runtime/node/path/testdata/record_path.js > runtime/node/path/testdata/path_node.json (Node v20.20.2)
const fs = require("fs");
const path = require("path");
process.chdir("/"); // a worker's cwd is "/"
const corpus = eval(fs.readFileSync(path.join(__dirname, "path_corpus.js"), "utf8"));
const out = {};
for (const [name, fn] of corpus) {
  try { out[name] = JSON.stringify(fn(path.posix)); } catch (e) { out[name] = `THROWS ${e.name} ${e.code}: ${e.message}`; }
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
