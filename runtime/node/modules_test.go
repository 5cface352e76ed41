package node_test

import (
	"encoding/json"
	"os"
	"testing"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

// TestModulesCorpus runs testdata/modules_corpus.js and compares with
// Node v20.20.2's results (testdata/modules_node.json), except where
// workerd's differ (testdata/modules_workerd.json, from wrangler 4.86.0,
// wins for the cases it names).
func TestModulesCorpus(t *testing.T) {
	corpus, err := os.ReadFile("testdata/modules_corpus.js")
	if err != nil {
		t.Fatal(err)
	}
	want := readJSON(t, "testdata/modules_node.json")
	if _, err := os.Stat("testdata/modules_workerd.json"); err == nil {
		for k, v := range readJSON(t, "testdata/modules_workerd.json") {
			if _, ok := want[k]; !ok {
				t.Fatalf("modules_workerd.json names %q, which is not in the corpus", k)
			}
			want[k] = v
		}
	}
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
	out := h.Run(t, `const util = __edgedev_import("node:util"); const req = (n) => __edgedev_import("node:" + n);
const corpus = `+string(corpus)+`;
const out = {};
for (const [name, fn] of corpus) { try { out[name] = util.inspect(fn(req), { depth: 6, breakLength: Infinity }); } catch (e) { out[name] = "THROWS " + e.name + " " + e.code + ": " + e.message; } }
return out;`)
	var got map[string]string
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s:\n got: %s\nwant: %s", k, got[k], w)
		}
	}
}

func readJSON(t *testing.T, path string) map[string]string {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}
