package util_test

import (
	"encoding/json"
	"os"
	"testing"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

func node(t *testing.T) *runtimetest.Harness {
	return runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
}

// TestInspectCorpus compares util.inspect and util.format with what Node
// v20.20.2 printed for the same values (testdata/inspect_node.json, made by
// testdata/record_inspect.js).
func TestInspectCorpus(t *testing.T) {
	corpus, err := os.ReadFile("testdata/inspect_corpus.js")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/inspect_node.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]string
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	// Where workerd's inspect differs from Node's (symbol keys print
	// without brackets), edgedev matches workerd: its output for those
	// values, recorded from wrangler 4.86.0 (testdata/record in the
	// commit message's recipe), replaces Node's.
	raw, err = os.ReadFile("testdata/inspect_workerd_diff.json")
	if err != nil {
		t.Fatal(err)
	}
	var workerd map[string]string
	if err := json.Unmarshal(raw, &workerd); err != nil {
		t.Fatal(err)
	}
	for k, v := range workerd {
		if _, ok := want[k]; !ok {
			t.Fatalf("workerd's expectation %q names no corpus value", k)
		}
		want[k] = v
	}
	if len(want) < 41 {
		t.Fatalf("the corpus has %d values; the contract asks for at least 40", len(want)-1)
	}
	h := node(t)
	out := h.Run(t, `const util = __edgedev_import("node:util");
const corpus = `+string(corpus)+`;
const out = {};
for (const [name, make, opts] of corpus) {
  try { out[name] = opts ? util.inspect(make(), opts) : util.inspect(make()); } catch (e) { out[name] = "THREW " + e.stack; }
}
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
return out;`)
	var got map[string]string
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: not run", name)
		} else if g != w {
			t.Errorf("%s:\n got: %s\nwant: %s", name, g, w)
		}
	}
}
