package bundler

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImports keeps bundler a leaf: its own imports are the standard library,
// esbuild's public API and jsregexp (itself a standard-library-only leaf,
// shared with the runtime so build-time checks and run-time behaviour
// agree), and nothing it pulls in is goja or another edgedev package.
func TestImports(t *testing.T) {
	list := func(format string, deps bool) []string {
		t.Helper()
		args := []string{"list", "-f", format}
		if deps {
			args = append(args, "-deps")
		}
		out, err := exec.Command("go", append(args, ".")...).Output()
		if err != nil {
			t.Fatalf("go list: %v", err)
		}
		return strings.Fields(string(out))
	}

	std := map[string]bool{}
	for _, p := range list(`{{if .Standard}}{{.ImportPath}}{{end}}`, true) {
		std[p] = true
	}
	for _, p := range list(`{{join .Imports " "}}`, false) {
		if !std[p] && p != "github.com/evanw/esbuild/pkg/api" && p != "edgedev/jsregexp" {
			t.Errorf("bundler imports %s; allowed: the standard library, github.com/evanw/esbuild/pkg/api and edgedev/jsregexp", p)
		}
	}
	for _, p := range list(`{{.ImportPath}}`, true) {
		if strings.HasPrefix(p, "github.com/dop251/") || (strings.HasPrefix(p, "edgedev/") && p != "edgedev/bundler" && p != "edgedev/jsregexp") {
			t.Errorf("bundler depends on %s; it must stay a leaf (no goja, no edgedev packages)", p)
		}
	}
}
