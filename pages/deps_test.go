package pages

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImports keeps the import direction of doc.go: pages sits under dev
// and next to the bindings. Its own edgedev imports are bindings, bundler
// (to read export names) and weburl, and nothing it pulls in is runtime,
// dev, persist or a command.
func TestImports(t *testing.T) {
	list := func(args ...string) []string {
		t.Helper()
		out, err := exec.Command("go", append([]string{"list"}, append(args, ".")...)...).Output()
		if err != nil {
			t.Fatalf("go list: %v", err)
		}
		return strings.Fields(string(out))
	}
	for _, p := range list("-f", `{{join .Imports " "}}`) {
		if strings.HasPrefix(p, "edgedev/") && p != "edgedev/bindings" && p != "edgedev/bundler" && p != "edgedev/weburl" {
			t.Errorf("pages imports %s; its edgedev imports are bindings, bundler and weburl only", p)
		}
	}
	for _, p := range list("-deps", "-f", "{{.ImportPath}}") {
		for _, bad := range []string{"edgedev/runtime", "edgedev/dev", "edgedev/persist", "edgedev/cmd/"} {
			if p == bad || strings.HasPrefix(p, bad+"/") || (strings.HasSuffix(bad, "/") && strings.HasPrefix(p, bad)) {
				t.Errorf("pages depends on %s; it must not reach %s", p, bad)
			}
		}
	}
}
