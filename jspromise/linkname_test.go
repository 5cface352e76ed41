package jspromise

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGojaInternalsUnchanged fails when go.mod moves goja off the version
// linkname.go was checked against, or when that goja's source no longer
// declares the linked functions with the signatures linkname.go assumes.
// The linker would not notice a changed signature.
func TestGojaInternalsUnchanged(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Version}} {{.Dir}}", "github.com/dop251/goja").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	version, dir, _ := strings.Cut(strings.TrimSpace(string(out)), " ")
	if version != gojaVersion {
		t.Fatalf("go.mod has goja %s, but linkname.go was checked against %s: check the declarations there, then update gojaVersion", version, gojaVersion)
	}
	src, err := os.ReadFile(filepath.Join(dir, "builtin_promise.go"))
	if err != nil {
		t.Skipf("goja source not in the module cache: %v", err)
	}
	for _, sig := range []string{
		"func (r *Runtime) newPromise(proto *Object) *Promise {",
		"func (r *Runtime) getPromisePrototype() *Object {",
		"func (p *Promise) fulfill(value Value) Value {",
		"func (p *Promise) reject(reason Value) Value {",
		"func (p *Promise) createResolvingFunctions() (resolve, reject *Object) {",
	} {
		if !strings.Contains(string(src), sig) {
			t.Errorf("goja %s no longer declares %q; linkname.go depends on it", version, sig)
		}
	}
}
