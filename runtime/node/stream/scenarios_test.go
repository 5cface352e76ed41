package stream_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

// TestStream_Scenarios runs testdata/scenarios.js (event orders, state
// after destroy, pipeline errors, zlib and crypto as streams) and compares
// each scenario's result with what wrangler dev 4.86.0 answered for the
// same file (testdata/scenarios-wrangler.json).
func TestStream_Scenarios(t *testing.T) {
	src, err := os.ReadFile("testdata/scenarios.js")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/scenarios-wrangler.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]json.RawMessage
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	// The file is a worker; its imports become the loader's calls.
	body := string(src)
	body = body[:strings.Index(body, "export default")]
	var lines []string
	for _, l := range strings.Split(body, "\n") {
		if !strings.HasPrefix(l, "import ") {
			lines = append(lines, l)
		}
	}
	prelude := `const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } = __edgedev_import("node:stream");
const sp = __edgedev_import("node:stream/promises");
const zlib = __edgedev_import("node:zlib");
const crypto = __edgedev_import("node:crypto");
` + strings.Join(lines, "\n")
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
	for name, w := range want {
		t.Run(name, func(t *testing.T) {
			q, _ := json.Marshal(name)
			got := h.Run(t, prelude+`
try { return await scenarios[`+string(q)+`](); } catch (e) { return { threw: e.name, code: e.code, message: e.message }; }`)
			var g, wv any
			_ = json.Unmarshal([]byte(got), &g)
			_ = json.Unmarshal(w, &wv)
			gj, _ := json.Marshal(g)
			wj, _ := json.Marshal(wv)
			if string(gj) != string(wj) {
				t.Errorf("got  %s\nwant %s (wrangler)", gj, wj)
			}
		})
	}
	if len(want) < 16 {
		t.Fatalf("only %d recorded scenarios", len(want))
	}
}
