package config

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportBoundary keeps config a leaf: besides the standard library it may
// depend on BurntSushi/toml only, and never on another edgedev package.
func TestImportBoundary(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not in PATH")
	}
	out, err := exec.Command(goTool, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	allowed := map[string]bool{"edgedev/config": true}
	for _, dep := range strings.Fields(string(out)) {
		switch {
		case allowed[dep]:
		case strings.HasPrefix(dep, "github.com/BurntSushi/toml"):
		case dep == "edgedev" || strings.HasPrefix(dep, "edgedev/"):
			t.Errorf("config imports %s; it must not import other edgedev packages", dep)
		default:
			t.Errorf("config depends on %s; only the standard library and github.com/BurntSushi/toml are allowed", dep)
		}
	}
}
