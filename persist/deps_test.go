package persist_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDeps keeps persist a leaf: the standard library and bbolt, nothing of
// edgedev, goja or HTTP.
func TestDeps(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "edgedev/persist").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, out)
	}
	allowed := []string{"go.etcd.io/bbolt", "golang.org/x/sys/"}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "edgedev/persist" {
			continue
		}
		first := strings.SplitN(pkg, "/", 2)[0]
		if first != "edgedev" && !strings.Contains(first, ".") {
			continue // the standard library
		}
		ok := false
		for _, a := range allowed {
			if strings.HasPrefix(pkg, a) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("persist depends on %s", pkg)
		}
	}
}
