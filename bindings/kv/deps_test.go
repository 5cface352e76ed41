package kv_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDeps keeps the binding off the runtime, the dev server and the CLI:
// its edgedev imports are bindings (interfaces), persist and jspromise (a
// goja helper), nothing else.
func TestDeps(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "edgedev/bindings/kv").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, out)
	}
	allowed := map[string]bool{"edgedev/bindings/kv": true, "edgedev/bindings": true, "edgedev/persist": true, "edgedev/jspromise": true}
	for _, pkg := range strings.Fields(string(out)) {
		if (strings.HasPrefix(pkg, "edgedev/") && !allowed[pkg]) || pkg == "net/http" {
			t.Errorf("bindings/kv depends on %s", pkg)
		}
	}
}
