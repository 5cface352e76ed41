package dev_test

import (
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"testing"

	"edgedev/dev"
)

const doToml = "name = \"rec\"\nmain = \"src/index.js\"\ncompatibility_date = \"2026-04-26\"\n\n[[durable_objects.bindings]]\nname = \"C\"\nclass_name = \"Counter\"\n\n[[migrations]]\ntag = \"v1\"\nnew_sqlite_classes = [\"Counter\"]\n"

// TestDurableObjectsMatchWrangler runs durable/testdata/probe.js (ids,
// idFromString's errors, jurisdictions, RPC with every argument kind,
// property access, the missing-method and reserved-name errors, errors
// re-thrown with class, message and properties, structured-clone results,
// the SQL cursor's shapes and errors, the KV API's list ordering and
// options, stub.fetch) and compares its answer, key by key, with what
// wrangler 4.86.0 answered for the same worker
// (durable/testdata/wrangler-4.86.0-probe.json, recorded with wrangler dev
// and curl). Only uniqName's random id differs run to run, and the probe
// prints its length, not the id.
func TestDurableObjectsMatchWrangler(t *testing.T) {
	probe, err := os.ReadFile("../durable/testdata/probe.js")
	if err != nil {
		t.Fatal(err)
	}
	wantRaw, err := os.ReadFile("../durable/testdata/wrangler-4.86.0-probe.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := project(t, map[string]string{"wrangler.toml": doToml, "src/index.js": string(probe)})
	r := start(t, dev.Options{Dir: dir})
	got := r.do(t, "GET", "/", "")
	if got.status != 200 {
		t.Fatalf("probe: %d %s\n%s", got.status, got.body, r.err)
	}
	var have, want map[string]any
	if err := json.Unmarshal([]byte(got.body), &have); err != nil {
		t.Fatalf("%v: %s", err, got.body)
	}
	if err := json.Unmarshal(wantRaw, &want); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !reflect.DeepEqual(have[k], want[k]) {
			h, _ := json.Marshal(have[k])
			w, _ := json.Marshal(want[k])
			t.Errorf("%s:\n have %s\n want %s", k, h, w)
		}
	}
}
